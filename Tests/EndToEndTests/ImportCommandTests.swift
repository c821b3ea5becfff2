import Foundation
import Testing

/// `malkoll import` run as a user runs it, on the source text of the bundled report.
@Suite struct ImportCommandTests {
    var sourceText: URL { MalkollBinary.sourceText }
    var overlay: URL { MalkollBinary.sourceOverlay }
    func temporaryFolder() throws -> URL { try MalkollBinary.temporaryFolder("import") }

    @Test func importsTheSourceAndCheckAndExportWorkOnTheResultAsOnTheBundledReport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("imported.json")
        let result = try MalkollBinary.run(["import", sourceText.path, "--overlay", overlay.path, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        // Diagnostics name the text file and a line.
        #expect(result.stderr.contains("\(sourceText.path):1392: warning: the process label \"Upphandlingsprocessen\""))

        let importedCheck = try MalkollBinary.run(["check", output.path, "--format", "json"])
        let bundledCheck = try MalkollBinary.run(["check", "--format", "json"])
        #expect(importedCheck.status == 1)
        #expect(importedCheck.stdout == bundledCheck.stdout)
        for table in ["indicators", "operations", "urban-development", "internal-control"] {
            let imported = try MalkollBinary.run(["export", output.path, "--table", table, "--format", "json"])
            let bundled = try MalkollBinary.run(["export", "--table", table, "--format", "json"])
            #expect(imported.status == 0)
            #expect(imported.stdout == bundled.stdout, "export of \(table) differs")
        }
    }

    @Test func theSameTextImportsToTheSameBytesInEveryRun() throws {
        // Each run is its own process with its own hashing seed: key order must not depend on it,
        // or the archive would see the same report twice as two different files.
        let runs = try (0..<3).map { _ in try MalkollBinary.run(["import", sourceText.path, "--overlay", overlay.path]) }
        #expect(runs.allSatisfy { $0.status == 0 })
        #expect(Set(runs.map(\.stdout)).count == 1)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("arkiv.sqlite").path
        let first = try MalkollBinary.run(["archive", "add", "--archive", archive, "--overlay", overlay.path, sourceText.path])
        let again = try MalkollBinary.run(["archive", "add", "--archive", archive, "--overlay", overlay.path, sourceText.path])
        #expect(first.status == 0 && again.status == 0, "\(first.stderr)\(again.stderr)")
        #expect(again.stdout.contains("already there"), "\(again.stdout)")
    }

    @Test func writesTheReportToStandardOutputWithoutOutput() throws {
        let result = try MalkollBinary.run(["import", sourceText.path])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["formatVersion"] as? Int == 1)
    }

    @Test func strictTurnsWarningsIntoFailureAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("strict.json")
        try "previous".write(to: output, atomically: true, encoding: .utf8)
        let result = try MalkollBinary.run(["import", sourceText.path, "--strict", "--output", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(":467: strict import: "))
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
    }

    @Test func unusableTextExitsTwoWithTheLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let truncated = folder.appendingPathComponent("truncated.txt")
        let lines = try String(contentsOf: sourceText, encoding: .utf8).components(separatedBy: "\n")
        try lines.prefix(900).joined(separator: "\n").write(to: truncated, atomically: true, encoding: .utf8)
        // A truncated text imports what it has (with infos); --strict refuses it.
        let lenient = try MalkollBinary.run(["import", truncated.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("truncated"))
        let result = try MalkollBinary.run(["import", truncated.path, "--strict"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(truncated.path):"))
        #expect(result.stderr.contains("truncated"))
        let missing = try MalkollBinary.run(["import", folder.appendingPathComponent("none.txt").path])
        #expect(missing.status == 2)
        let badOverlay = folder.appendingPathComponent("overlay.json")
        try #"{"indicators": {"x": {"directoin": "lowerIsBetter"}}}"#.write(to: badOverlay, atomically: true, encoding: .utf8)
        let overlayResult = try MalkollBinary.run(["import", sourceText.path, "--overlay", badOverlay.path])
        #expect(overlayResult.status == 2)
        #expect(overlayResult.stderr.contains("directoin"))
    }
}
