import Foundation
import GRDB
import ReportArchive
import ReportCore
import ReportSamples
import Testing

/// A fresh archive file in a temporary folder, removed afterwards.
final class TemporaryArchive {
    let folder: String
    let path: String

    init() throws {
        folder = NSTemporaryDirectory() + "malkoll-archive-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/arkiv.sqlite"
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func create(_ reports: [(report: Report, bytes: Data)] = []) throws -> ArchiveStore {
        try ArchiveStore.create(at: path, initial: reports)
        return try ArchiveStore.open(at: path, access: .write)
    }
}

func expectSound(_ store: ArchiveStore, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect((try? store.integrityCheck()) == "ok", sourceLocation: sourceLocation)
}

@Suite struct ArchiveStoreTests {
    @Test func anAddedReportComesBackByteForByteWithItsIdentity() throws {
        let archive = try TemporaryArchive()
        let store = try archive.create()
        defer { store.close() }
        let bundled = try GeneratedSeries.bundled()
        let outcome = try store.add(bundled.report, bytes: bundled.bytes, replace: false)
        guard case .added(let id) = outcome else { Issue.record("expected added, got \(outcome)"); return }
        #expect(try store.reportBytes(id: id) == bundled.bytes)
        let entries = try store.list()
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.municipality == "Huddinge kommun")
        #expect(entry.board == "Kommunstyrelsen")
        #expect(entry.kind == "delårsrapport")
        #expect(entry.periodEnd == "2021-08-31")
        #expect(entry.indicators == 26)
        #expect(entry.assignments == 7)
        #expect(entry.byteCount == bundled.bytes.count)
        expectSound(store)
    }

    @Test func theNormalisedTablesHoldEveryItemOfTheReport() throws {
        let archive = try TemporaryArchive()
        let bundled = try GeneratedSeries.bundled()
        let store = try archive.create([bundled])
        defer { store.close() }
        let analysis = ReportAnalysis(report: bundled.report)
        let counts = try store.tableCounts()
        let goals = bundled.report.goalAreas.reduce(0) { $0 + $1.councilGoals.reduce(0) { $0 + 1 + $1.boardGoals.count } }
        let cells = bundled.report.financialTables.reduce(0) { total, table in total + table.rows.reduce(0) { $0 + $1.cells.filter { !$0.isEmpty }.count } }
        let values = analysis.indicators.reduce(0) { $0 + $1.indicator.values.filter { !$0.isEmpty }.count }
        #expect(counts["report"] == 1)
        #expect(counts["goal_area"] == bundled.report.goalAreas.count)
        #expect(counts["goal"] == goals)
        #expect(counts["indicator"] == 26)
        #expect(counts["indicator_value"] == values)
        #expect(counts["assignment"] == 7)
        #expect(counts["financial_table"] == 5)
        #expect(counts["financial_row"] == bundled.report.financialTables.reduce(0) { $0 + $1.rows.count })
        #expect(counts["financial_cell"] == cells)
        #expect(counts["control"] == analysis.internalControlItems.count)
        #expect(counts["audit_finding"] == analysis.audit.findings.count)
        #expect(analysis.audit.findings.count > 0)
    }

    @Test func theSameBytesAgainChangeNothingAndADifferentFileOfTheSameIdentityIsRefusedUnlessReplaced() throws {
        let archive = try TemporaryArchive()
        let bundled = try GeneratedSeries.bundled()
        let store = try archive.create([bundled])
        defer { store.close() }
        let before = try store.list()
        #expect(try store.add(bundled.report, bytes: bundled.bytes, replace: false) == .alreadyThere(id: 1))
        #expect(try store.list() == before)
        // The same report, other bytes (a trailing newline): the same identity.
        let other = bundled.bytes + Data("\n".utf8)
        #expect(throws: ArchiveError.self) { try store.add(bundled.report, bytes: other, replace: false) }
        do {
            _ = try store.add(bundled.report, bytes: other, replace: false)
        } catch {
            guard case .refused(let message) = error else { Issue.record("expected refused, got \(error)"); return }
            #expect(message.contains("id 1"))
            #expect(message.contains("--replace"))
        }
        #expect(try store.list() == before)
        #expect(try store.add(bundled.report, bytes: other, replace: true) == .replaced(id: 2, oldID: 1))
        #expect(try store.list().map(\.id) == [2])
        #expect(try store.reportBytes(id: 2) == other)
        #expect(try store.tableCounts()["indicator"] == 26)
        expectSound(store)
    }

    @Test func removingAReportRemovesEveryRowMadeFromIt() throws {
        let archive = try TemporaryArchive()
        let bundled = try GeneratedSeries.bundled()
        let store = try archive.create([bundled])
        defer { store.close() }
        #expect(try store.remove(id: 99) == nil)
        #expect(try store.remove(id: 1)?.board == "Kommunstyrelsen")
        #expect(try store.tableCounts().values.allSatisfy { $0 == 0 })
        expectSound(store)
    }

    @Test func thePreviousReportIsTheLatestEarlierOneOfTheSameBoard() throws {
        let archive = try TemporaryArchive()
        let bundled = try GeneratedSeries.bundled()
        let store = try archive.create([bundled])
        defer { store.close() }
        var ids: [String: Int64] = [:]
        for report in GeneratedSeries.series(from: bundled.report) {
            guard case .added(let id) = try store.add(report, bytes: try GeneratedSeries.encode(report), replace: false) else {
                Issue.record("not added: \(report.metadata.board) \(report.metadata.period)")
                continue
            }
            ids["\(report.metadata.board) \(report.metadata.periodEnd)"] = id
        }
        let yearEnd = try #require(ids["Kommunstyrelsen 2021-12-31"])
        let nextInterim = try #require(ids["Kommunstyrelsen 2022-08-31"])
        #expect(try store.previous(of: nextInterim)?.id == yearEnd)
        #expect(try store.previous(of: yearEnd)?.id == 1)
        #expect(try store.previous(of: 1) == nil)
        let social = try #require(ids["Socialnämnden (genererad testdata) 2021-08-31"])
        #expect(try store.previous(of: social) == nil)
        #expect(try store.countAndSingle().count == 6)
        #expect(try store.countAndSingle().single == nil)
        expectSound(store)
    }

    @Test func anIndicatorsHistoryShowsEachReportsPrintedValuesWithRevisionsMarked() throws {
        let archive = try TemporaryArchive()
        let bundled = try GeneratedSeries.bundled()
        let store = try archive.create([bundled])
        defer { store.close() }
        let yearEnd = GeneratedSeries.yearEnd(from: bundled.report)
        _ = try store.add(yearEnd, bytes: try GeneratedSeries.encode(yearEnd), replace: false)
        let history = try store.indicatorHistory(municipality: "Huddinge kommun", board: "Kommunstyrelsen", name: "Sjukfrånvaro", unit: "%")
        #expect(history.map { "\($0.period.periodEnd) \($0.year) \($0.printed) \($0.revised)" } == [
            "2021-08-31 2019 8 % false", "2021-08-31 2020 9,9 % false", "2021-08-31 2021 8,9 % false",
            "2021-12-31 2019 8 % false", "2021-12-31 2020 9,8 % true", "2021-12-31 2021 8,9 % false",
        ])
        #expect(try store.series(of: 1).map(\.periodEnd) == ["2021-08-31", "2021-12-31"])
    }

    @Test func aReadOnlyOpenReadsAndRefusesToWrite() throws {
        let archive = try TemporaryArchive()
        let bundled = try GeneratedSeries.bundled()
        try archive.create([bundled]).close()
        let reader = try ArchiveStore.open(at: archive.path, access: .read)
        defer { reader.close() }
        #expect(try reader.countAndSingle().single == 1)
        #expect(throws: ArchiveError.self) { try reader.add(bundled.report, bytes: bundled.bytes, replace: false) }
    }

    @Test func aFileMarkedReadOnlyIsNotOpenedForWriting() throws {
        let archive = try TemporaryArchive()
        try archive.create([try GeneratedSeries.bundled()]).close()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: archive.path)
        #expect(throws: ArchiveError.self) { try ArchiveStore.open(at: archive.path, access: .write) }
        let reader = try ArchiveStore.open(at: archive.path, access: .read)
        #expect(try reader.list().count == 1)
        reader.close()
    }

    @Test func creatingWhereAnArchiveExistsLeavesTheExistingOne() throws {
        let archive = try TemporaryArchive()
        let bundled = try GeneratedSeries.bundled()
        try archive.create([bundled]).close()
        let before = try Data(contentsOf: URL(fileURLWithPath: archive.path))
        try ArchiveStore.create(at: archive.path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: archive.path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive.folder) == ["arkiv.sqlite"])
    }

    @Test func filesThatAreNotUsableArchivesAreRefusedAndLeftUnchanged() throws {
        let archive = try TemporaryArchive()
        // Not SQLite at all, an empty file, another program's SQLite database, a newer schema.
        let garbage = archive.folder + "/garbage.sqlite"
        try Data(repeating: 0x41, count: 5000).write(to: URL(fileURLWithPath: garbage))
        let empty = archive.folder + "/empty.sqlite"
        try Data().write(to: URL(fileURLWithPath: empty))
        let foreign = archive.folder + "/foreign.sqlite"
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { db in try db.execute(sql: "CREATE TABLE report (id INTEGER PRIMARY KEY); INSERT INTO report DEFAULT VALUES") }
        try queue.close()
        try archive.create([try GeneratedSeries.bundled()]).close()
        let newer = archive.folder + "/newer.sqlite"
        try FileManager.default.copyItem(atPath: archive.path, toPath: newer)
        let raise = try DatabaseQueue(path: newer)
        try raise.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 99") }
        try raise.close()
        for (path, expected) in [(garbage, "not a Malkoll archive"), (empty, "not a Malkoll archive"), (foreign, "not a Malkoll archive"),
                                 (newer, "newer Malkoll (archive schema 99")] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            for access in [ArchiveStore.Access.read, .write] {
                do {
                    _ = try ArchiveStore.open(at: path, access: access)
                    Issue.record("\(path) opened")
                } catch {
                    guard case .unusable(let message) = error else { Issue.record("\(error)"); continue }
                    #expect(message.contains(expected), "\(message)")
                    #expect(!message.contains("\n"))
                }
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(path) changed")
        }
    }
}
