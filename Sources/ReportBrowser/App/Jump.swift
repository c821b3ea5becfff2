import Foundation
import ReportCore

/// Where a search hit or a link leads: a view, and in it a line to select or a paragraph to show.
struct Jump: Sendable, Hashable {
    var view: ViewID
    var focus: LineKey? = nil
    var anchor: Int? = nil
    /// The status filter the opened view starts with.
    var filter: Int = 0
    /// Mark the anchor's paragraph (a statement the audit points at).
    var markAnchor = false
}
