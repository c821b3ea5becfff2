import Foundation
import ReportCore

/// A readable text: a heading with paragraphs and sub-headings, and the group it belongs to.
struct TextDocument: Sendable {
    var group: String
    var section: TextSection
}
