import Foundation
import ReportCore
import Testing
@testable import ReportBrowser

/// Tables show the printed figures and mark them by the audit's verdict: ≠ for an error, a
/// quiet ≈ for a rounding difference; the overview's headline shows the printed figure too.
@Suite struct AuditMarkTests {
    static func lines(_ keys: String, width: Int = 200, height: Int = 50) throws -> [String] {
        render(try BrowserFixture.state(keys + "<C-d><C-d><C-d><C-d>", width: width, height: 400)).lines()
    }

    /// Labels of the table rows with an error finding in the audit (the single source of truth).
    static func errorRows(_ tables: [FinancialTable]) -> Set<String> {
        let audit = BrowserFixture.data.analysis.audit
        var labels = Set<String>()
        for finding in audit.findings(.error) {
            guard case .tableCell(let tableId, let rowId, _) = finding.subject,
                  let table = tables.first(where: { $0.id == tableId }), let row = table.rows.first(where: { $0.id == rowId }) else { continue }
            labels.insert(row.label)
        }
        return labels
    }

    /// The row labels of lines carrying `mark` (legend lines excluded).
    static func markedLabels(_ lines: [String], mark: String, candidates: [String]) -> Set<String> {
        Set(lines.filter { $0.contains(mark) && !$0.contains(mark + " fel") && !$0.contains(mark + " avrundning") }
            .compactMap { line in candidates.first { line.contains($0) } })
    }

    @Test func investmentsMarkOnlyTheAuditsErrorsWithTheNotEqualSign() throws {
        let report = BrowserFixture.data.report
        let tables = [report.investments.board, report.investments.urbanDevelopment]
        let errors = Self.errorRows(tables)
        #expect(errors == ["Fiberutbyggnad IT"])
        let lines = try Self.lines("5")
        let marked = Self.markedLabels(lines, mark: "≠", candidates: tables.flatMap { $0.rows.map(\.label) })
        #expect(marked == errors)
        // The printed figure (400), not the computed one (-400), stands in the table.
        let row = try #require(lines.first { $0.contains("Fiberutbyggnad IT") && $0.contains("-28 800") })
        #expect(row.contains("-29 200      400≠"), "\(row)")
        // Rounding differences get the quiet mark, and the legend says which is which.
        #expect(lines.contains { $0.contains("Nordvästra") && $0.contains("7,2≈") })
        #expect(!lines.contains { $0.contains("-9 800≈") }, "rounding in a printed sum is not marked")
        #expect(lines.contains { $0.contains("≠ fel") })
        #expect(lines.contains { $0.contains("≈ avrundning") })
    }

    @Test func economyHasNoErrorMarkAndShowsThePrintedResult() throws {
        let report = BrowserFixture.data.report
        let tables = [report.economy.operations, report.economy.netCost, report.economy.covid]
        #expect(Self.errorRows(tables).isEmpty)
        let lines = try Self.lines("4")
        #expect(!lines.joined().contains("≠"))
        let result = try #require(lines.first { $0.contains("Årets resultat") && $0.contains("600 279") })
        #expect(result.contains("-15 997≈"), "the printed deviation with the rounding mark: \(result)")
        #expect(!result.contains("-15 996"))
        #expect(lines.contains { $0.contains("≈ avrundning") })
    }

    @Test func theRowDetailGivesTheComputedFigureAndTheAuditsVerdict() throws {
        let lines = try Self.lines("4jjjjjjj<Enter>", width: 100)
        #expect(lines.contains { $0.contains("Tryckt -15 997, beräknat -15 996: avrundning.") }, "\(lines.joined(separator: "\n"))")
    }

    @Test func theOverviewHeadlineShowsThePrintedFigure() throws {
        let lines = render(try BrowserFixture.state("", width: 100, height: 30)).lines()
        let economy = try #require(lines.first { $0.contains("Ekonomi ") && $0.contains("helår") })
        #expect(economy.contains("helår -15 997 tkr"), "\(economy)")
        #expect(!economy.contains("15 996"))
    }

    @Test func theHelpExplainsBothMarks() throws {
        let text = render(try BrowserFixture.state("?", width: 120, height: 50)).lines().joined(separator: "\n")
        #expect(text.contains("≠ fel"))
        #expect(text.contains("≈ avrundning"))
    }
}
