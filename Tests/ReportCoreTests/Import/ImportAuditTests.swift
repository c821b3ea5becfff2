import Foundation
import ReportCore
import ReportImport
import Testing

/// (c) The imported report goes through the analysis like the bundled data, and its audit finds
/// the same errors.
@Suite struct ImportAuditTests {
    static func errors(_ report: Report) -> [String] {
        ReportAnalysis(report: report).audit.findings(.error).map { "\($0.location): \($0.message)" }
    }

    @Test func auditFindsTheSameErrorsAsOnTheBundledData() throws {
        let imported = try ImportTestSupport.importWithOverlay(ImportTestSupport.sourceText()).report
        let bundled = try ImportTestSupport.bundled()
        #expect(ReportValidator.problems(in: imported).isEmpty)
        let analysis = ReportAnalysis(report: imported)
        #expect(analysis.indicators.count == ReportAnalysis(report: bundled).indicators.count)
        #expect(Self.errors(imported) == Self.errors(bundled))
        #expect(!Self.errors(imported).isEmpty, "the report has known arithmetic errors; the audit should find them on the import too")
    }

    @Test func auditWithoutOverlayFindsTheSameArithmeticErrors() throws {
        // Row ids differ without the overlay's help only where the text cannot tell them; the
        // arithmetic findings are located by labels, which come from the text.
        let imported = try ReportImporter().importReport(text: ImportTestSupport.sourceText(), fileName: "000_4aa2431769c5c4f6.txt").report
        #expect(Self.errors(imported) == Self.errors(try ImportTestSupport.bundled()))
    }

    @Test func statementChecksAgreeWithTheBundledData() throws {
        let imported = try ImportTestSupport.importWithOverlay(ImportTestSupport.sourceText()).report
        let bundled = try ImportTestSupport.bundled()
        let left = ReportAnalysis(report: imported).audit.statementChecks.map { $0.comparisons.map { "\($0.label) \($0.stated) \($0.computed)" } }
        let right = ReportAnalysis(report: bundled).audit.statementChecks.map { $0.comparisons.map { "\($0.label) \($0.stated) \($0.computed)" } }
        #expect(left == right)
    }
}
