import Foundation
import ReportCore
import ReportImport
import Testing

/// (a) Importing the report text gives the bundled data in every field the text carries.
@Suite struct ImportSourceTests {
    @Test func importedSourceEqualsBundledDataFieldByField() throws {
        let result = try ImportTestSupport.importWithOverlay(ImportTestSupport.sourceText())
        let differences = try ReportDiff.differences(result.report, ImportTestSupport.bundled())
        #expect(differences.isEmpty, "differences by JSON path:\n\(differences.joined(separator: "\n"))")
    }
}
