import Foundation
import ReportCore

/// The search: the prompt while typing, the hits and which one is shown.
struct SearchState: Sendable, Equatable {
    /// The last confirmed term (highlighted in the visible lines).
    var term: String = ""
    var hits: [SearchHit] = []
    /// Index of the hit shown, into `hits`.
    var current: Int?
    /// The section and navigation stack to return to (Back from a hit goes there).
    var originSection: Section?
    var origin: [ViewState] = []
    /// While typing after `/`: where the search started and the search before it (Esc restores both).
    var typingStart: SearchStart?
}

/// Where an incremental search started: the place and the search that Esc brings back.
struct SearchStart: Sendable, Equatable {
    var section: Section
    var stack: [ViewState]
    var term: String
    var hits: [SearchHit]
    var current: Int?
    var originSection: Section?
    var origin: [ViewState]
}
