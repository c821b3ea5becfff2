import Foundation

/// The loading fixtures beside the tests (the test target excludes them from its sources).
enum LoadingFixtures {
    /// `Tests/ReportCoreTests/Fixtures`.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// The bytes of a fixture, by its path relative to `Fixtures`, e.g. `valid/minimal.json`.
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(relativePath))
    }

    /// Names (without `.json`) of the error corpus in `Fixtures/invalid`, sorted.
    static var invalidCaseNames: [String] {
        files(in: "invalid")
            .filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(".json".count)) }
            .sorted()
    }

    /// File names in a fixture folder.
    static func files(in folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
    }

    /// The expected message of a corpus case, without the trailing line break.
    static func expectedMessage(_ name: String) throws -> String {
        let text = try String(contentsOf: directory.appendingPathComponent("invalid/\(name).expected.txt"), encoding: .utf8)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
