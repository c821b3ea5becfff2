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

    static func tables(_ report: Report) -> [FinancialTable] {
        [report.economy.operations, report.economy.netCost, report.economy.covid,
         report.investments.board, report.investments.urbanDevelopment]
    }

    /// Every table row comes out as bundled (label, kind, level, cells); the one exception is a
    /// label printed with a doubled space, which the collapsed text cannot keep.
    @Test func tableRowsWithoutBlankLinesImportAsBundledAndTheAuditFindsOnlyTheBundledError() throws {
        let result = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines())
        let imported = Self.tables(result.report)
        let bundled = Self.tables(try ImportTestSupport.bundled())
        for (got, want) in zip(imported, bundled) {
            try #require(got.rows.count == want.rows.count, "\(want.title)")
            for (row, expected) in zip(got.rows, want.rows) {
                #expect(row.label == ImportCollapsedSpacesTests.collapse(expected.label))
                #expect(row.kind == expected.kind, "\(expected.label)")
                #expect(row.level == expected.level, "\(expected.label)")
                #expect(row.cells == expected.cells, "\(expected.label)")
            }
        }
        let headings = imported[4].rows.filter { $0.kind == .heading }.map(\.label)
        #expect(headings.contains("Genomförandeprojekt") && headings.contains("Planeringsprojekt"))
        let errors = ImportAuditTests.errors(result.report)
        #expect(errors.count == 1)
        #expect(errors.allSatisfy { $0.contains("Fiberutbyggnad IT") }, "\(errors)")
    }

    /// A page break between a group heading and its first row leaves a blank line there (the
    /// footer itself is taken out): the label is still a heading, and the table's sums add up.
    @Test func groupHeadingFollowedByABlankLineIsStillAHeadingWithoutTrailingSpaces() throws {
        var lines = try Self.withoutBlankLines().components(separatedBy: "\n")
        let index = try #require(lines.firstIndex(of: "Nyinvestering"))
        lines.insert(contentsOf: ["", "Kommunstyrelsen | 14", ""], at: index + 1)
        let result = try ImportTestSupport.importWithOverlay(lines.joined(separator: "\n"))
        let board = result.report.investments.board
        #expect(board.rows.contains { $0.label == "Nyinvestering" && $0.kind == .heading })
        #expect(board.rows.contains { $0.label == "Fiberutbyggnad IT" })
        let errors = ImportAuditTests.errors(result.report)
        #expect(errors.count == 1, "\(errors)")
    }

    /// Risk and åtgärd (and the previous comment) are told apart by a line ending with a full
    /// stop followed by a capitalised line. The systematic controls and the åtgärder utifrån
    /// revision are not yet read from this text (README, "When blank lines are lost").
    @Test func riskReductionsWithoutBlankLinesImportAsBundled() throws {
        let result = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines())
        let bundled = try ImportTestSupport.bundled()
        #expect(bundled.internalControl.riskReductions.count == 2)
        #expect(result.report.internalControl.riskReductions == bundled.internalControl.riskReductions)
        #expect(!result.diagnostics.contains { $0.message.contains("needs process/risk and åtgärd") })
    }

    /// A known heading after a line without a full stop (`… görs löpande` / `Plan för uppföljning
    /// och insyn`) starts its section when the next line opens a paragraph.
    @Test func everyTextSectionIsFoundWithoutBlankLines() throws {
        let result = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines())
        let bundled = try ImportTestSupport.bundled()
        #expect(bundled.sections.count == 6)
        #expect(result.report.sections.map(\.heading) == bundled.sections.map(\.heading))
        #expect(!result.diagnostics.contains { $0.message.contains("no section") })
        let lastComment = result.report.internalControl.systematicControls.last?.comment.joined(separator: " ") ?? ""
        #expect(!lastComment.contains("Plan för uppföljning"), "\(lastComment)")
    }
}
