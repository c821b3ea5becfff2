import Foundation
import MalkollTestSupport
import ReportCore
import ReportImport
import Testing

/// The family's reports as `pdftotext` gives them from a PDF that separates paragraphs and
/// table cells by space alone: runs of spaces collapsed and every blank line gone. Each imports
/// to the same indicators, uppdrag, tables and internal control as its text with the spaces.
@Suite struct ImportFamilyNoBlankLinesTests {
    /// Parts that are narrative text (paragraphs and headings, which this text marks by nothing
    /// but wording) and the file name are left out of the comparison.
    static let narrative = ["summary", "sections", "economy.commentary", "investments.commentary",
                            "internalControl.introduction", "metadata.source"]

    @Test(arguments: ["grundskolenamnden-delarsrapport-2022-08.txt", "socialnamnden-verksamhetsberattelse-2022.txt",
                      "kultur-fritid-tertialrapport-2023-04.txt"])
    func aFamilyReportWithoutBlankLinesAndSpacesImportsAsWithThem(name: String) throws {
        let spaced = try ImportFamilyTests.importFixture(name)
        let text = TextMutator.withoutBlankLines(try ImportFamilyTests.fixture(name))
        #expect(!text.contains("\n\n") && !text.contains("  "))
        let collapsed = try ReportImporter().importReport(text: text, fileName: name)
        let differences = try ReportDiff.differences(collapsed.report, spaced.report)
            .filter { difference in !Self.narrative.contains { difference.hasPrefix($0) } }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(!ImportFamilyTests.indicatorRows(collapsed.report).isEmpty)
    }

    /// `Helår Föregående år` above `Budget Utfall Avvikelse Utfall`: without the runs of spaces
    /// that placed them, the groups are still two, and the last Utfall is the previous year's.
    @Test func previousYearIsAGroupOfItsOwnWithoutRunsOfSpaces() throws {
        let text = ImportCollapsedSpacesTests.collapse(try ImportFamilyTests.fixture("socialnamnden-verksamhetsberattelse-2022.txt"))
        #expect(text.contains("\nHelår Föregående år\n"))
        let report = try ReportImporter().importReport(text: text, fileName: "social.txt").report
        let columns = report.economy.operations.columns
        #expect(columns.map(\.group) == ["Helår", "Helår", "Helår", "Föregående år"])
        #expect(columns.map(\.scope) == ["fullYear", "fullYear", "fullYear", "previousYear"])
    }

    /// `91 % 93 % ≥95 % 100 %` for three years, etappmål and målvärde: the plain number after the
    /// comparator target is the målvärde, not a value; `≥440 000` stays one target.
    @Test func aPlainNumberAfterAComparatorTargetIsTheMalvarde() throws {
        let text = ImportCollapsedSpacesTests.collapse(try ImportFamilyTests.fixture("kultur-fritid-tertialrapport-2023-04.txt"))
        let rows = ImportFamilyTests.indicatorRows(try ReportImporter().importReport(text: text, fileName: "kultur.txt").report)
        #expect(rows.contains("Simkunniga elever i årskurs 6 | % | 91 % | 93 % |  | ≥95 % | 100 %"), "\(rows)")
        #expect(rows.contains("Besök på biblioteken | antal | 412 300 | 436 800 | 148 200 | ≥440 000 | Öka"), "\(rows)")
    }
}
