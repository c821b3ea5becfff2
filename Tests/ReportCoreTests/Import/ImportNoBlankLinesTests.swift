import Foundation
import ReportCore
import ReportImport
import Testing

/// `pdftotext` output without blank lines and with collapsed spaces (README, "When blank lines
/// are lost"): the importer reads structure from other cues.
@Suite struct ImportNoBlankLinesTests {
    /// The source text collapsed like `sed -E 's/^ +//; s/ +$//; s/  +/ /g'` with every empty
    /// line dropped (`grep -v '^$'`).
    static func withoutBlankLines() throws -> String {
        ImportCollapsedSpacesTests.collapse(try ImportTestSupport.sourceText())
            .components(separatedBy: "\n").filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func assignments(_ report: Report) -> [Assignment] {
        report.goalAreas.flatMap(\.councilGoals).flatMap(\.boardGoals).flatMap(\.assignments)
    }

    @Test func uppdragWithoutBlankLinesImportWithTheBundledTitleStatusAndComment() throws {
        let text = try Self.withoutBlankLines()
        #expect(!text.contains("\n\n"))
        let result = try ImportTestSupport.importWithOverlay(text)
        let imported = Self.assignments(result.report)
        let bundled = Self.assignments(try ImportTestSupport.bundled())
        #expect(bundled.count == 7)
        try #require(imported.count == bundled.count)
        for (got, want) in zip(imported, bundled) {
            #expect(got.title == want.title)
            #expect(got.status == want.status, "\(want.title)")
            #expect(got.comment == want.comment, "\(want.title)")
        }
        #expect(!result.diagnostics.contains { $0.message.contains("runs into its comment") })
    }
}
