import BundledReport
import Foundation
import ReportCore

/// The bundled report and the source text, for tests.
enum BundledData {
    static func report() throws -> Report {
        guard let url = BundledReport.reportURL else { throw TestDataError("the bundled report resource is missing") }
        return try ReportLoader.load(contentsOf: url)
    }

    /// The repository root, found from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The text extracted from the report's PDF, beside the repository in `shared/source`.
    static func sourceText() throws -> String {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/source/000_4aa2431769c5c4f6.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw TestDataError("the source text is missing at \(url.path); the data tests need ../shared/source beside the repository")
        }
        return text
    }
}

struct TestDataError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
