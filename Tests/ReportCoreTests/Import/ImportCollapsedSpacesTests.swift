import Foundation
import ReportCore
import ReportImport
import Testing

/// `pdftotext` without `-layout` drops leading spaces and collapses runs of spaces, so blank
/// indicator cells are not marked. The report text normalised that way still imports every
/// indicator, with cells placed by kind (README, "Limits" of the import section).
@Suite struct ImportCollapsedSpacesTests {
    /// What `sed -E 's/^ +//; s/ +$//; s/  +/ /g'` does to each line.
    static func collapse(_ text: String) -> String {
        text.components(separatedBy: "\n").map { line in
            line.replacingOccurrences(of: "^ +", with: "", options: .regularExpression)
                .replacingOccurrences(of: " +$", with: "", options: .regularExpression)
                .replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
        }.joined(separator: "\n")
    }

    static func indicators(_ report: Report) -> [Indicator] {
        var result: [Indicator] = []
        for council in report.goalAreas.flatMap(\.councilGoals) {
            result += council.indicatorTable?.indicators ?? []
            for board in council.boardGoals { result += board.indicatorTable?.indicators ?? [] }
        }
        return result
    }

    /// The 1-based number of the only line of `text` equal to `content`.
    static func lineNumber(of content: String, in text: String) throws -> Int {
        let matches = text.components(separatedBy: "\n").enumerated().filter { $0.element == content }
        try #require(matches.count == 1, "expected one line \"\(content)\", found \(matches.count)")
        return matches[0].offset + 1
    }

    /// A placement the documented rule gets wrong for this report: the cells as imported, and
    /// the printed line whose warning must say it is a guess.
    struct Exception {
        var name: String
        var line: String
        var values: [String]
        var milestoneTarget: String
        var longTermTarget: String
    }

    /// Four cells for five columns, none of them a target by its kind: the rule fills the three
    /// years and takes the fourth as the målvärde; the report meant two values (2021 blank), an
    /// etappmål and a målvärde.
    static let exceptions: [Exception] = [
        Exception(name: "Arbetsplatskvot", line: "Arbetsplatskvot 0,845 - 0,84 1",
                  values: ["0,845", "-", "0,84"], milestoneTarget: "", longTermTarget: "1"),
        Exception(name: "Bostadsrätter och äganderätter i Vårby, Flemingsberg och Västra Skogås", line: "- 32 % 32 % 40 %",
                  values: ["-", "32 %", "32 %"], milestoneTarget: "", longTermTarget: "40 %"),
    ]

    @Test func collapsedSourceTextImportsEveryIndicatorAsBundledExceptTheDocumentedGuesses() throws {
        let text = Self.collapse(try ImportTestSupport.sourceText())
        #expect(!text.contains("  "))
        let result = try ImportTestSupport.importWithOverlay(text)
        let imported = Self.indicators(result.report)
        let bundled = Self.indicators(try ImportTestSupport.bundled())
        #expect(bundled.count == 26)
        try #require(imported.count == bundled.count)
        for (got, want) in zip(imported, bundled) {
            #expect(got.name == want.name)
            #expect(got.unit == want.unit, "\(want.name)")
            if let exception = Self.exceptions.first(where: { $0.name == want.name }) {
                #expect(got.values == exception.values, "\(want.name)")
                #expect(got.milestoneTarget == exception.milestoneTarget, "\(want.name)")
                #expect(got.longTermTarget == exception.longTermTarget, "\(want.name)")
                let line = try Self.lineNumber(of: exception.line, in: text)
                let warned = result.diagnostics.contains { $0.severity == .warning && $0.lines.contains(line) && $0.message.contains("a guess") }
                #expect(warned, "no guess warning on line \(line) for \(want.name)")
            } else {
                #expect(got.values == want.values, "\(want.name)")
                #expect(got.milestoneTarget == want.milestoneTarget, "\(want.name)")
                #expect(got.longTermTarget == want.longTermTarget, "\(want.name)")
            }
        }
        #expect(Set(Self.exceptions.map(\.name)).isSubset(of: Set(bundled.map(\.name))))
        #expect(!result.diagnostics.contains { $0.message.contains("indicator table without rows") })
    }

    @Test func guessedPlacementsThatHappenToBeRightAreStillWarnedWithTheirLine() throws {
        let text = Self.collapse(try ImportTestSupport.sourceText())
        let result = try ImportTestSupport.importWithOverlay(text)
        // One target alone (placed as målvärde) and fewer values than years (placed from 2019).
        for printed in ["Sjukfrånvaro (KS) (%) 4,4 % 3,4 % 3,3 % <4 %", "73 77 >73 Topp tre i länet", "Antal färdigställda bostäder (Totalt) 360 241"] {
            let line = try Self.lineNumber(of: printed, in: text)
            #expect(result.diagnostics.contains { $0.severity == .warning && $0.lines.contains(line) && $0.message.contains("a guess") }, "\(printed)")
        }
        // Only targets, all years blank: no guess.
        let targetsOnly = try #require(text.components(separatedBy: "\n").firstIndex(of: "Länssnitt Topp tre i länet")) + 1
        #expect(!result.diagnostics.contains { $0.severity == .warning && $0.lines.contains(targetsOnly) })
    }

    @Test func collapsedFamilyFixtureKeepsEveryIndicator() throws {
        let name = "grundskolenamnden-delarsrapport-2022-08.txt"
        let spaced = try ReportImporter().importReport(text: ImportFamilyTests.fixture(name), fileName: name)
        let collapsed = try ReportImporter().importReport(text: Self.collapse(ImportFamilyTests.fixture(name)), fileName: name)
        let want = Self.indicators(spaced.report)
        let got = Self.indicators(collapsed.report)
        #expect(want.count == 13)
        #expect(got.map(\.name) == want.map(\.name))
        #expect(got.map(\.unit) == want.map(\.unit))
        #expect(!collapsed.diagnostics.contains { $0.message.contains("indicator table without rows") })
    }
}
