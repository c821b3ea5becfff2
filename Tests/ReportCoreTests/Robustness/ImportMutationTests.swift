import Foundation
import MalkollTestSupport
import ReportCore
import ReportImport
import Testing

/// Damaged versions of the bundled report's source text, as it is and as `pdftotext` gives it
/// without blank lines (`TextMutator`): each imports into a report that loads back, or is refused
/// with the line where the text stops making sense; none traps. The fast suite runs a few cases
/// with fixed seeds; `malkoll-bench fuzz --subject import` (scripts/robustness) runs thousands.
@Suite struct ImportMutationTests {
    static let mutator: TextMutator? = {
        guard let text = try? ImportTestSupport.sourceText() else { return nil }
        return TextMutator(text: text)
    }()

    @Test(arguments: 0 ..< 24)
    func aDamagedTextImportsIntoAReportThatLoadsBackOrIsRefusedAtALine(index: Int) throws {
        let mutator = try #require(Self.mutator, "the source text is missing")
        let mutation = mutator.mutate(seed: 2026, case: index)
        do {
            let result = try ReportImporter().importReport(text: mutation.text, fileName: "damaged.txt")
            let json = try result.reportJSON()
            #expect(throws: Never.self, "\(mutation.description)") { _ = try ReportLoader.load(data: json, file: "damaged.json") }
        } catch let failure as ImportFailure {
            #expect(failure.line != nil, "\(mutation.description): \(failure.message)")
        }
    }

    /// The two bases: the text as it is has its blank lines, the other none, and the mutator
    /// starts from each about as often.
    @Test func theMutatorStartsFromBothTheSpacedTextAndTheTextWithoutBlankLines() throws {
        let mutator = try #require(Self.mutator, "the source text is missing")
        let descriptions = (0 ..< 40).map { mutator.mutate(seed: 2026, case: $0).description }
        #expect(descriptions.filter { $0.hasPrefix("text without blank lines") }.count >= 10)
        #expect(descriptions.filter { $0.hasPrefix("text as it is") }.count >= 10)
        #expect(mutator.mutate(seed: 2026, case: 3).text == mutator.mutate(seed: 2026, case: 3).text)
        let lost = TextMutator.withoutBlankLines(try ImportTestSupport.sourceText())
        #expect(!lost.contains("\n\n") && !lost.contains("  ") && !lost.contains("\n "))
    }
}
