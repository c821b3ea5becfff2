import Foundation
import Testing

/// A fresh clone has nothing beside it: no test, source or script may read outside the repository.
@Suite struct RepositoryContainmentTests {
    @Test func noTestSourceOrScriptReadsTheFolderBesideTheRepository() throws {
        let root = BundledData.repositoryRoot
        // Spelled in pieces so this file does not match itself.
        let shared = "sha" + "red"
        let forbidden = ["../" + shared, "\"" + shared + "/", shared + "/source"]
        var offenders: [String] = []
        for folder in ["Tests", "Sources", "scripts", ".ci"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["swift", "sh", ""].contains(url.pathExtension) {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                for needle in forbidden where text.contains(needle) {
                    offenders.append("\(url.path.dropFirst(root.path.count + 1)): \(needle)")
                }
            }
        }
        #expect(offenders.isEmpty, "files that reach outside the repository: \(offenders)")
    }

    @Test func theSourceTextOfTheBundledReportIsInTheRepository() throws {
        let text = try BundledData.sourceText()
        #expect(text.localizedLowercase.contains("delårsrapport"))
        #expect(BundledData.sourceURL.path.hasPrefix(BundledData.repositoryRoot.path + "/data/"))
    }
}
