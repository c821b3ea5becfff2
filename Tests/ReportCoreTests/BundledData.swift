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

    /// The text extracted from the report's PDF, kept in the repository at `data/source/`.
    static var sourceURL: URL {
        repositoryRoot.appendingPathComponent("data/source/huddinge-kommunstyrelsen-2021-08.txt")
    }

    /// The source text; a missing file is an error (the tests must fail, not skip).
    static func sourceText() throws -> String {
        let url = sourceURL
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw TestDataError("the source text is missing at \(url.path)")
        }
        return text
    }
}

struct TestDataError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
