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
}
