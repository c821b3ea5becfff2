import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The archive commands as a user runs them, and the archive's integrity under kills, concurrency
/// and bad files. Every test uses archives in its own temporary folder (never the user's).
@Suite struct ArchiveEndToEndTests {
    /// A temporary folder with the bundled report and labelled generated variants of it.
    final class Workspace {
        let folder: String
        var archive: String { folder + "/arkiv.sqlite" }
        let bundled: String
        let bundledText: String

        init() throws {
            folder = NSTemporaryDirectory() + "malkoll-archive-e2e-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            bundled = MalkollBinary.repositoryRoot.appendingPathComponent("data/huddinge-kommunstyrelsen-2021-08.json").path
            bundledText = try String(contentsOfFile: bundled, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        /// The bundled report under another board's name (labelled generated), written to a file.
        func variant(board: String) throws -> String {
            let text = bundledText.replacingOccurrences(of: "\"board\": \"Kommunstyrelsen\"", with: "\"board\": \"\(board) (genererad testdata)\"")
            precondition(text != bundledText)
            let path = folder + "/\(UUID().uuidString).json"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> MalkollBinary.Result {
            try MalkollBinary.run(arguments, environment: environment)
        }

        /// `malkoll archive check`: integrity_check ok, foreign keys, every report whole.
        func expectSound(_ path: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try run(["archive", "check", "--archive", path ?? archive])
            #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stdout.hasPrefix("ok: "), sourceLocation: sourceLocation)
        }

        func listed(_ path: String? = nil) throws -> [[String: Any]] {
            let result = try run(["archive", "list", "--archive", path ?? archive, "--format", "json"])
            return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
        }
    }

    @Test func addListRemoveWithTheExitCodesOfTheIssue() throws {
        let work = try Workspace()
        let social = try work.variant(board: "Socialnämnden")
        var result = try work.run(["archive", "add", "--archive", work.archive, work.bundled, social])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("added as id 1"))
        #expect(result.stdout.contains("added as id 2"))
        let entries = try work.listed()
        #expect(entries.count == 2)
        let first = try #require(entries.first { $0["board"] as? String == "Kommunstyrelsen" })
        for key in ["id", "municipality", "board", "kind", "period", "periodEnd", "reportingYear", "indicators", "assignments", "addedAt"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["indicators"] as? Int == 26)
        #expect(first["assignments"] as? Int == 7)
        #expect(first["kind"] as? String == "delårsrapport")
        // The same file again: already there, exit 0, nothing changed.
        let before = work.bytes(work.archive)
        result = try work.run(["archive", "add", "--archive", work.archive, work.bundled])
        #expect(result.status == 0)
        #expect(result.stdout.contains("already there as id 1"))
        // A different file of the same identity is refused (exit 1, one line naming it); the
        // other file of the same call is still added.
        let changed = work.folder + "/changed.json"
        try (work.bundledText + "\n").write(toFile: changed, atomically: true, encoding: .utf8)
        let planning = try work.variant(board: "Planeringsnämnden")
        result = try work.run(["archive", "add", "--archive", work.archive, changed, planning])
        #expect(result.status == 1)
        let refusals = result.stderr.split(separator: "\n")
        #expect(refusals.count == 1)
        #expect(refusals.first?.contains(changed) == true)
        #expect(refusals.first?.contains("--replace") == true)
        #expect(try work.listed().count == 3)
        result = try work.run(["archive", "add", "--archive", work.archive, "--replace", changed])
        #expect(result.status == 0)
        #expect(result.stdout.contains("replaced id 1, now id 4"))
        result = try work.run(["archive", "remove", "--archive", work.archive, "4"])
        #expect(result.status == 0)
        result = try work.run(["archive", "remove", "--archive", work.archive, "4"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no report with id 4"))
        #expect(try work.listed().map { $0["id"] as? Int } == [3, 2])
        _ = before
        try work.expectSound()
    }

    @Test func aReportTextIsImportedOnTheWayIn() throws {
        let work = try Workspace()
        let text = MalkollBinary.repositoryRoot.appendingPathComponent("data/source/huddinge-kommunstyrelsen-2021-08.txt").path
        let overlay = MalkollBinary.repositoryRoot.appendingPathComponent("data/source/huddinge-kommunstyrelsen-2021-08.overlay.json").path
        let result = try work.run(["archive", "add", "--archive", work.archive, "--overlay", overlay, text])
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try work.listed()
        #expect(entries.count == 1)
        #expect(entries.first?["board"] as? String == "Kommunstyrelsen")
        #expect(entries.first?["indicators"] as? Int == 26)
        try work.expectSound()
    }

    @Test func aPDFIsImportedOnTheWayInAndABrokenOneIsRefusedWithOneLine() throws {
        let work = try Workspace()
        let text = try String(contentsOf: MalkollBinary.repositoryRoot.appendingPathComponent("data/source/huddinge-kommunstyrelsen-2021-08.txt"), encoding: .utf8)
        let overlay = MalkollBinary.repositoryRoot.appendingPathComponent("data/source/huddinge-kommunstyrelsen-2021-08.overlay.json").path
        let pdf = work.folder + "/rapport.pdf"
        try TestPDF.showing(text).write(to: URL(fileURLWithPath: pdf))
        let fake = work.folder + "/falsk.pdf"
        try "inte en pdf".write(toFile: fake, atomically: true, encoding: .utf8)
        let result = try work.run(["archive", "add", "--archive", work.archive, "--overlay", overlay, fake, pdf])
        #expect(result.status == 1, "\(result.stderr)")
        let refusals = result.stderr.split(separator: "\n").filter { $0.contains("falsk.pdf") }
        #expect(refusals.count == 1)
        #expect(refusals.first?.contains("not a PDF") == true)
        let entries = try work.listed()
        #expect(entries.count == 1)
        #expect(entries.first?["board"] as? String == "Kommunstyrelsen")
        #expect(entries.first?["indicators"] as? Int == 26)
        #expect(entries.first?["assignments"] as? Int == 7)
        try work.expectSound()
    }

    @Test func aFileThatIsNoReportIsRefusedWithOneLineAndExitOne() throws {
        let work = try Workspace()
        let broken = work.folder + "/broken.json"
        try "{\"formatVersion\": 1".write(toFile: broken, atomically: true, encoding: .utf8)
        let result = try work.run(["archive", "add", "--archive", work.archive, broken, work.bundled])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(broken))
        #expect(try work.listed().count == 1)
        try work.expectSound()
    }

    @Test func browseWithoutFileOpensTheDefaultArchiveCreatedOnFirstUseWithTheBundledReport() throws {
        let work = try Workspace()
        let environment = ["XDG_DATA_HOME": work.folder + "/data", "MALKOLL_ARCHIVE": ""]
        var result = try work.run(["--keys", "", "--dump"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Huddinge kommun – Kommunstyrelsen"))
        let created = work.folder + "/data/malkoll/arkiv.sqlite"
        #expect(FileManager.default.fileExists(atPath: created))
        #expect(try work.listed(created).count == 1)
        // The same screen as browsing the file itself.
        let direct = try work.run(["browse", work.bundled, "--keys", "2jj", "--dump"])
        result = try work.run(["browse", "--keys", "2jj", "--dump"], environment: environment)
        #expect(result.stdout == direct.stdout)
        // With several reports: the archive home; an id opens that report.
        let social = try work.variant(board: "Socialnämnden")
        #expect(try work.run(["archive", "add", social], environment: environment).status == 0)
        result = try work.run(["--keys", "", "--dump"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(" Malkoll · Arkiv · 2 rapporter"))
        result = try work.run(["browse", "2", "--dump"], environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Socialnämnden (genererad testdata)"))
        try work.expectSound(created)
    }

    @Test func theArchiveIsFoundByOptionThenEnvironmentAndAFileTouchesNoArchive() throws {
        let work = try Workspace()
        let named = work.folder + "/named.sqlite"
        let environment = ["XDG_DATA_HOME": work.folder + "/data", "MALKOLL_ARCHIVE": named]
        // A named archive that does not exist is not created by reading it.
        var result = try work.run(["archive", "list"], environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no archive there"))
        #expect(!FileManager.default.fileExists(atPath: named))
        #expect(try work.run(["archive", "add", work.bundled], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: named))
        result = try work.run(["archive", "list", "--archive", work.archive], environment: environment)
        #expect(result.status == 2) // --archive wins over $MALKOLL_ARCHIVE
        result = try work.run(["browse", work.bundled, "--dump"], environment: ["XDG_DATA_HOME": work.folder + "/untouched", "MALKOLL_ARCHIVE": ""])
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: work.folder + "/untouched"))
        #expect(!FileManager.default.fileExists(atPath: work.folder + "/data"))
    }

    @Test func diffTakesFilesOrArchiveIdsInThreeFormats() throws {
        let work = try Workspace()
        let changed = work.folder + "/changed.json"
        let text = work.bundledText.replacingOccurrences(of: "\"status\": \"Troligen klart i år\"", with: "\"status\": \"Blir klart i år\"")
        #expect(text != work.bundledText)
        try text.replacingOccurrences(of: "\"periodEnd\": \"2021-08-31\"", with: "\"periodEnd\": \"2021-09-30\"")
            .write(toFile: changed, atomically: true, encoding: .utf8)
        #expect(try work.run(["archive", "add", "--archive", work.archive, work.bundled, changed]).status == 0)
        let byFile = try work.run(["diff", work.bundled, changed, "--format", "json"])
        let byID = try work.run(["diff", "1", "2", "--archive", work.archive, "--format", "json"])
        #expect(byFile.status == 0)
        #expect(byID.status == 0)
        for output in [byFile.stdout, byID.stdout] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            let changes = try #require(object["changes"] as? [[String: Any]])
            #expect(changes.count == 2)
            #expect(changes.allSatisfy { $0["kind"] as? String == "assignmentStatus" && $0["to"] as? String == "Blir klart i år" })
        }
        #expect(byID.stdout.contains("\"archiveId\": 1"))
        let markdown = try work.run(["diff", work.bundled, changed, "--format", "markdown"])
        #expect(markdown.stdout.contains("## Uppdrag (2)"))
        let plain = try work.run(["diff", work.bundled, changed])
        #expect(plain.stdout.contains("Uppdrag (2)"))
        #expect(plain.stdout.contains("Troligen klart i år → Blir klart i år"))
        let missing = try work.run(["diff", "1", "7", "--archive", work.archive])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no report with id 7"))
    }

    // MARK: Integrity

    /// Starts `malkoll archive add` stalled at `stage` (or not stalled), waits for the stall line,
    /// then SIGKILLs it.
    static func killedAdd(_ work: Workspace, file: String, stage: String?, afterMicroseconds: useconds_t = 0) throws {
        let process = Process()
        process.executableURL = MalkollBinary.url
        process.arguments = ["archive", "add", "--archive", work.archive, file]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in MalkollBinary.isolatedArchiveEnvironment { environment[key] = value }
        if let stage { environment["MALKOLL_TEST_ADD_STALL"] = stage }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        if stage != nil {
            var seen = Data()
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !String(decoding: seen, as: UTF8.self).contains("test stall at") {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += chunk
            }
            #expect(String(decoding: seen, as: UTF8.self).contains("test stall at \(stage ?? "")"))
        } else {
            usleep(afterMicroseconds)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @Test(arguments: ["before-transaction", "after-report-row", "after-indicators", "before-commit"])
    func aKilledAddLeavesTheArchiveSoundAndTheReportAbsent(_ stage: String) throws {
        let work = try Workspace()
        #expect(try work.run(["archive", "add", "--archive", work.archive, work.bundled]).status == 0)
        let social = try work.variant(board: "Socialnämnden")
        try Self.killedAdd(work, file: social, stage: stage)
        try work.expectSound()
        #expect(try work.listed().count == 1)
        // The archive still takes the report afterwards.
        #expect(try work.run(["archive", "add", "--archive", work.archive, social]).status == 0)
        #expect(try work.listed().count == 2)
        try work.expectSound()
    }

    @Test(arguments: [UInt32(5_000), 30_000, 80_000, 150_000, 300_000])
    func anAddKilledAtAnyMomentLeavesTheReportWholeOrAbsent(_ microseconds: UInt32) throws {
        let work = try Workspace()
        #expect(try work.run(["archive", "add", "--archive", work.archive, work.bundled]).status == 0)
        let social = try work.variant(board: "Socialnämnden")
        try Self.killedAdd(work, file: social, stage: nil, afterMicroseconds: microseconds)
        try work.expectSound()
        let entries = try work.listed()
        #expect(entries.count == 1 || entries.count == 2)
        if entries.count == 2 {
            // Whole: the archived bytes diff as nothing against the file.
            let diff = try work.run(["diff", "2", social, "--archive", work.archive, "--format", "json"])
            #expect(diff.stdout.contains("\"changes\": []"))
        }
    }

    @Test func eightConcurrentAddsAllSucceed() throws {
        let work = try Workspace()
        #expect(try work.run(["archive", "add", "--archive", work.archive, work.bundled]).status == 0)
        let files = try (1 ... 8).map { try work.variant(board: "Nämnd \($0)") }
        var processes: [Process] = []
        for file in files {
            let process = Process()
            process.executableURL = MalkollBinary.url
            process.arguments = ["archive", "add", "--archive", work.archive, file]
            var environment = ProcessInfo.processInfo.environment
            for (key, value) in MalkollBinary.isolatedArchiveEnvironment { environment[key] = value }
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: 8))
        #expect(try work.listed().count == 9)
        try work.expectSound()
    }

    /// Files that are not usable archives: every command says so in one line, exits 2, and
    /// leaves the file byte for byte as it was.
    @Test func unusableArchivesGiveOneLineExitTwoAndStayUnchanged() throws {
        let work = try Workspace()
        #expect(try work.run(["archive", "add", "--archive", work.archive, work.bundled]).status == 0)
        let valid = try #require(work.bytes(work.archive))
        var cases: [(name: String, data: Data, expected: String)] = []
        cases.append(("garbage", Data((0 ..< 20_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }), "not a Malkoll archive"))
        cases.append(("empty", Data(), "not a Malkoll archive"))
        // A damaged archive: the header page intact, every page after it overwritten.
        var damaged = valid
        let range = 4096 ..< valid.count
        damaged.replaceSubrange(range, with: Data(repeating: 0xA5, count: range.count))
        cases.append(("damaged", damaged, "damaged"))
        // A truncated archive.
        cases.append(("truncated", valid.prefix(valid.count / 2), "damaged"))
        // Another program's SQLite file: the archive with its application id zeroed (offset 68).
        var foreign = valid
        foreign.replaceSubrange(68 ..< 72, with: Data([0, 0, 0, 0]))
        cases.append(("foreign", foreign, "not a Malkoll archive"))
        // A newer schema: user_version (offset 60) raised to 7.
        var newer = valid
        newer.replaceSubrange(60 ..< 64, with: Data([0, 0, 0, 7]))
        cases.append(("newer", newer, "newer Malkoll"))
        for item in cases {
            let path = work.folder + "/\(item.name).sqlite"
            try item.data.write(to: URL(fileURLWithPath: path))
            for arguments in [["archive", "add", "--archive", path, work.bundled], ["archive", "list", "--archive", path],
                              ["archive", "remove", "--archive", path, "1"], ["browse", "--archive", path, "--dump"],
                              ["diff", "1", work.bundled, "--archive", path], ["archive", "check", "--archive", path]] {
                let result = try work.run(arguments)
                #expect(result.status == 2, "\(item.name) \(arguments[0...1]): \(result.status) \(result.stdout)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(item.name): \(result.stderr)")
                // The message after the path (which names the case too).
                let message = result.stderr.replacingOccurrences(of: path, with: "FILE")
                #expect(message.hasPrefix("malkoll: FILE: "), "\(item.name): \(result.stderr)")
                #expect(message.contains(item.expected), "\(item.name): \(result.stderr)")
                #expect(work.bytes(path) == item.data, "\(item.name) changed by \(arguments[0...1])")
                #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "\(item.name): -wal left by \(arguments[0...1])")
            }
        }
        try work.expectSound()
    }

    @Test func aReadOnlyArchiveBrowsesAndListsButRefusesChanges() throws {
        let work = try Workspace()
        #expect(try work.run(["archive", "add", "--archive", work.archive, work.bundled]).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: work.archive)
        let before = work.bytes(work.archive)
        var result = try work.run(["browse", "--archive", work.archive, "--keys", "2", "--dump"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Huddinge kommun"))
        #expect(try work.listed().count == 1)
        result = try work.run(["archive", "add", "--archive", work.archive, try work.variant(board: "Socialnämnden")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("read-only"))
        result = try work.run(["archive", "remove", "--archive", work.archive, "1"])
        #expect(result.status == 2)
        #expect(work.bytes(work.archive) == before)
        try work.expectSound()
    }
}
