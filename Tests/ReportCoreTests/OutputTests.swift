import Foundation
import Testing
@testable import ReportCore

@Suite struct OutputTests {
    @Test func csvQuotesFieldsWithCommasQuotesAndLineBreaks() {
        let document = CSVWriter.document(header: ["a", "b"], rows: [["1,5", "säger \"hej\""], ["rad\nbrytning", "enkel"]])
        #expect(document == "a,b\r\n\"1,5\",\"säger \"\"hej\"\"\"\r\n\"rad\nbrytning\",enkel\r\n")
    }

    @Test func jsonOutputEscapesControlsAndKeepsKeyOrderAndExactDecimals() {
        let value = JSONOutput.object([("z", .string("a\u{1B}[31m\n")), ("a", .number(Decimal(string: "-91.7")!)), ("n", .null), ("b", .bool(true))])
        #expect(value.serialized(pretty: false) == #"{"z":"a\u001b[31m\n","a":-91.7,"n":null,"b":true}"#)
    }

    @Test func terminalTextKeepsLineBreaksAndNeutralisesControls() {
        #expect(TerminalText.safe("rad 1\r\nrad 2\u{1B}]52;c;x\u{07}\u{202E}ok\u{200B}") == "rad 1\nrad 2\u{FFFD}]52;c;x\u{FFFD}\u{FFFD}ok")
        #expect(TerminalText.safe("åäö\ttab") == "åäö tab")
    }

    @Test func markdownTableCellsEscapePipesAndLineBreaks() {
        #expect(Markdown.escape("a|b\nc") == "a\\|b c")
    }

    @Test func headlineIsTheTopLevelSumRow() throws {
        let report = try BundledData.report()
        let operations = try #require(Headline(report.economy.operations))
        #expect(operations.rowLabel == "Årets resultat")
        #expect(operations.deviations.map(\.computed) == [-15996, 3116])
        #expect(operations.deviations.first?.printed?.value == -15997)
        let urban = try #require(Headline(report.investments.urbanDevelopment))
        #expect(urban.rowLabel == "Summa samhällsbyggnad")
        #expect(Headline(report.economy.netCost) == nil)
    }

    @Test func exportOfAFinancialTableCarriesGroupsAndComputedDeviations() throws {
        let exporter = Exporter(analysis: ReportAnalysis(report: try BundledData.report()))
        let records = exporter.records(.investments)
        let fibre = try #require(records.first { record in
            if case .string(let label)? = record.first(where: { $0.0 == "label" })?.1 { return label == "Fiberutbyggnad IT" }
            return false
        })
        let fields = Dictionary(uniqueKeysWithValues: fibre.map { ($0.0, $0.1) })
        guard case .string(let group)? = fields["group"], case .figure(let printed, _)? = fields["fullYearDeviation"],
              case .figure(let computed, _)? = fields["fullYearDeviationComputed"] else {
            Issue.record("fields missing: \(fibre.map(\.0))")
            return
        }
        #expect(group == "Nyinvestering")
        #expect(printed == 400 && computed == -400)
        // Heading rows are not records; their label is the group of the rows under them.
        #expect(records.count == 11)
    }
}
