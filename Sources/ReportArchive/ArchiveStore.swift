import Foundation
import GRDB
import ReportCore

/// Why the archive cannot be used or a file was not added. Every message is one line.
public enum ArchiveError: Error, CustomStringConvertible, Equatable {
    /// The archive itself cannot be used (missing, not an archive, damaged, newer, read-only):
    /// commands exit 2.
    case unusable(String)
    /// One report was refused (same identity, different file); the others still go in: exit 1.
    case refused(String)

    public var description: String {
        switch self {
        case .unusable(let message), .refused(let message): message
        }
    }
}

/// What `add` did with a report.
public enum AddOutcome: Sendable, Equatable {
    case added(id: Int64)
    /// The same bytes were already archived under this id; nothing changed.
    case alreadyThere(id: Int64)
    /// A different file of the same identity was replaced (`--replace`); the old id is gone.
    case replaced(id: Int64, oldID: Int64)
}

/// Where an add is, for fault-injection tests (a process killed at each of these moments must
/// leave the archive sound, with the report whole or absent).
public enum AddStage: String, Sendable, CaseIterable {
    case beforeTransaction = "before-transaction"
    case afterReportRow = "after-report-row"
    case afterIndicators = "after-indicators"
    case beforeCommit = "before-commit"
}

/// One archived report as listings show it.
public struct ArchiveEntry: Sendable, Equatable {
    public var id: Int64
    public var municipality: String
    public var board: String
    public var kind: String
    public var period: String
    public var periodStart: String
    public var periodEnd: String
    public var reportingYear: Int
    public var indicators: Int
    public var assignments: Int
    public var byteCount: Int
    public var addedAt: String
    public var source: String?
}

/// The archive: many reports in one SQLite file (through GRDB). Every query the screens and
/// commands need goes through this type, so that a second store (a database server) could be
/// added behind the same calls without touching them.
///
/// Opening checks before writing: the file is first opened read-only and must carry Malkoll's
/// `application_id` and a `user_version` this build knows; only then is it opened for writing.
/// A file that fails the check is never written.
public final class ArchiveStore: @unchecked Sendable {
    /// `PRAGMA application_id` of a Malkoll archive: "MKLL".
    public static let applicationID: Int32 = 0x4D4B_4C4C
    /// The schema version this build writes and reads (`PRAGMA user_version`).
    public static let schemaVersion = 1

    public enum Access: Sendable { case read, write }

    public let path: String
    public let access: Access
    let queue: DatabaseQueue

    private init(path: String, access: Access, queue: DatabaseQueue) {
        self.path = path
        self.access = access
        self.queue = queue
    }

    // MARK: Opening

    static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.label = "malkoll.archive"
        // In WAL mode NORMAL keeps the archive consistent through any crash or kill; only a power
        // failure can lose the last commits (SQLite's recommended setting for WAL).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        return configuration
    }

    /// Opens an existing archive. Nothing is written before the checks have passed.
    public static func open(at path: String, access: Access) throws(ArchiveError) -> ArchiveStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unusable("\(path): no archive there (create one with `malkoll archive add --archive \(path) FILE`)")
        }
        if isDirectory.boolValue { throw .unusable("\(path): is a folder, not an archive file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unusable("\(path): permission denied, the archive cannot be read")
        }
        // Nothing may be left beside a file that is refused: SQLite's -wal and -shm files made by
        // the checks are removed again.
        try withSideFilesCleanedOnFailure(path: path) { () throws(ArchiveError) in
            try check(path: path)
            if access == .write {
                guard isWritable(path) else {
                    throw .unusable("\(path): the archive is read-only; it can be browsed and listed, not changed")
                }
                // A damaged page must not be written over: a full read of the file's structure first.
                try quickCheck(path: path)
            }
        }
        let writable = isWritable(path)
        if access == .write, !writable {
            // A file marked read-only is respected even where permissions do not bind (root).
            throw .unusable("\(path): the archive is read-only; it can be browsed and listed, not changed")
        }
        // Reading also goes through a read-write connection when the file can be written (this
        // store still never writes with it): SQLite then removes its -wal and -shm files when the
        // last connection closes. A read-only file gets a read-only connection.
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: !writable))
            return ArchiveStore(path: path, access: access, queue: queue)
        } catch {
            throw .unusable("\(path): the archive cannot be opened (\(message(of: error)))")
        }
    }

    /// Whether the archive may be written: some write permission bit set, writable for this
    /// process, and its folder writable (for the -wal and -shm files).
    static func isWritable(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = attributes[.posixPermissions] as? NSNumber, mode.intValue & 0o222 != 0 else { return false }
        let folder = (path as NSString).deletingLastPathComponent
        return Foundation.access(path, W_OK) == 0 && Foundation.access(folder.isEmpty ? "." : folder, W_OK) == 0
    }


    /// `PRAGMA quick_check` on a read-only connection.
    static func quickCheck(path: String) throws(ArchiveError) {
        let result: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            defer { try? queue.close() }
            result = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        } catch {
            throw .unusable("\(path): the archive is damaged (\(message(of: error))); nothing was changed")
        }
        guard result == ["ok"] else {
            throw .unusable("\(path): the archive is damaged (\(result.first ?? "quick_check failed")); nothing was changed")
        }
    }

    /// The read-only check, in two steps so that nothing is created beside a file that is not an
    /// archive: first the file's header as bytes (SQLite's magic, Malkoll's `application_id` at
    /// offset 68, the schema's `user_version` at offset 60), then a read through SQLite.
    static func check(path: String) throws(ArchiveError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unusable("\(path): the archive cannot be read")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        let bytes = [UInt8](header)
        guard bytes.count == 100, bytes.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            throw .unusable("\(path): not a Malkoll archive (not an SQLite database); nothing was changed")
        }
        func bigEndian(_ offset: Int) -> Int32 {
            Int32(bitPattern: UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3]))
        }
        guard bigEndian(68) == applicationID else {
            throw .unusable("\(path): not a Malkoll archive (an SQLite database of another program); nothing was changed")
        }
        let userVersion = Int(bigEndian(60))
        guard userVersion <= schemaVersion else {
            throw .unusable("\(path): written by a newer Malkoll (archive schema \(userVersion), this build reads up to \(schemaVersion)); nothing was changed")
        }
        guard userVersion == schemaVersion else {
            throw .unusable("\(path): a Malkoll archive with an unknown schema (version \(userVersion)); nothing was changed")
        }
        let hasReports: Bool
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            defer { try? queue.close() }
            hasReports = try queue.read { db in
                guard try db.tableExists("report") else { return false }
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM report")
                return true
            }
        } catch {
            throw .unusable("\(path): the archive is damaged (\(message(of: error))); nothing was changed")
        }
        guard hasReports else {
            throw .unusable("\(path): a Malkoll archive without its reports table; nothing was changed")
        }
    }

    /// Runs `body`; when it fails, removes the `-wal` and `-shm` files SQLite made beside `path`
    /// for it (only those that were not there before, and only an empty `-wal`).
    static func withSideFilesCleanedOnFailure(path: String, _ body: () throws(ArchiveError) -> Void) throws(ArchiveError) {
        let manager = FileManager.default
        let wal = path + "-wal", shm = path + "-shm"
        let hadWAL = manager.fileExists(atPath: wal), hadSHM = manager.fileExists(atPath: shm)
        do {
            try body()
        } catch {
            let walSize = (try? manager.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if !hadWAL, walSize == 0 {
                unlink(wal)
                if !hadSHM { unlink(shm) }
            }
            throw error
        }
    }

    /// Creates a new archive at `path` holding `initial` reports, atomically: it is built in a
    /// temporary file beside `path` and linked into place, so that concurrent first uses agree on
    /// one archive and nobody sees a half-made one. An existing file at `path` is left alone.
    public static func create(at path: String, initial: [(report: Report, bytes: Data)] = []) throws(ArchiveError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unusable("\(folder.path): cannot create the archive's folder (\(error.localizedDescription))")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0 ... .max)).creating").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
        }
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: configuration(readonly: false))
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try ArchiveSchema.migrator.migrate(queue)
            let store = ArchiveStore(path: temporary, access: .write, queue: queue)
            for item in initial {
                _ = try store.add(item.report, bytes: item.bytes, replace: false)
            }
            try queue.close()
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw .unusable("\(path): cannot create the archive (\(message(of: error)))")
        }
        if link(temporary, path) != 0 {
            let code = errno
            guard code == EEXIST else {
                throw .unusable("\(path): cannot create the archive (\(String(cString: strerror(code))))")
            }
            // Someone else created it first: theirs is the archive.
        }
    }

    /// Closes the connection (checkpointing the WAL when this is the last one).
    public func close() {
        try? queue.close()
    }

    static func message(of error: Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        if let error = error as? ArchiveError { return error.description }
        return String(describing: error)
    }

    func mapped(_ error: Error) -> ArchiveError {
        if let error = error as? ArchiveError { return error }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_READONLY {
            return .unusable("\(path): the archive is read-only (\(Self.message(of: error)))")
        }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            return .unusable("\(path): the archive is damaged (\(Self.message(of: error)))")
        }
        return .unusable("\(path): \(Self.message(of: error))")
    }

    // MARK: Writing

    /// Adds one report in one transaction: the report is in the archive whole, or not at all.
    /// `bytes` are kept exactly; the same bytes again change nothing, a different file with the
    /// same identity (municipality, board, kind, periodEnd) is refused unless `replace`.
    public func add(_ report: Report, bytes: Data, replace: Bool, stage: ((AddStage) -> Void)? = nil) throws(ArchiveError) -> AddOutcome {
        guard access == .write else { throw .unusable("\(path): opened for reading only") }
        let analysis = ReportAnalysis(report: report)
        let meta = report.metadata
        stage?(.beforeTransaction)
        do {
            return try queue.writeWithoutTransaction { db in
                var outcome: AddOutcome = .alreadyThere(id: 0)
                try db.inTransaction(.immediate) {
                    let existing = try Row.fetchOne(
                        db, sql: """
                        SELECT r.id AS id, j.json AS json FROM report r JOIN report_json j ON j.reportId = r.id
                        WHERE r.municipality = ? AND r.board = ? AND r.kind = ? AND r.periodEnd = ?
                        """,
                        arguments: [meta.municipality, meta.board, meta.kind.rawValue, meta.periodEnd])
                    var oldID: Int64?
                    if let existing {
                        let id: Int64 = existing["id"]
                        let stored: Data = existing["json"]
                        if stored == bytes {
                            outcome = .alreadyThere(id: id)
                            return .commit
                        }
                        guard replace else {
                            throw ArchiveError.refused(
                                "a different report of the same identity is archived as id \(id) (\(meta.municipality), \(meta.board), \(meta.kind.rawValue), \(meta.periodEnd)); use --replace to replace it")
                        }
                        try db.execute(sql: "DELETE FROM report WHERE id = ?", arguments: [id])
                        oldID = id
                    }
                    let id = try ArchiveWriter(db: db, analysis: analysis, bytes: bytes, stage: stage).insert()
                    stage?(.beforeCommit)
                    outcome = oldID.map { .replaced(id: id, oldID: $0) } ?? .added(id: id)
                    return .commit
                }
                return outcome
            }
        } catch {
            throw mapped(error)
        }
    }

    /// Removes a report and everything normalised from it; `nil` when there is no such id.
    public func remove(id: Int64) throws(ArchiveError) -> ArchiveEntry? {
        guard access == .write else { throw .unusable("\(path): opened for reading only") }
        do {
            return try queue.writeWithoutTransaction { db in
                var removed: ArchiveEntry?
                try db.inTransaction(.immediate) {
                    removed = try Self.entries(db, where: "WHERE id = ?", arguments: [id]).first
                    if removed != nil { try db.execute(sql: "DELETE FROM report WHERE id = ?", arguments: [id]) }
                    return .commit
                }
                return removed
            }
        } catch {
            throw mapped(error)
        }
    }

    // MARK: Queries

    /// Every report, by municipality, board and periodEnd (a board's series in order).
    public func list() throws(ArchiveError) -> [ArchiveEntry] {
        do {
            return try queue.read { db in try Self.entries(db, where: "", arguments: []) }
        } catch {
            throw mapped(error)
        }
    }

    /// How many reports the archive holds, and the only one's id when it holds exactly one:
    /// one indexed query, whatever the archive's size.
    public func countAndSingle() throws(ArchiveError) -> (count: Int, single: Int64?) {
        do {
            return try queue.read { db in
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM report LIMIT 2")
                let count = ids.count < 2 ? ids.count : (try Int.fetchOne(db, sql: "SELECT count(*) FROM report") ?? 0)
                return (count, ids.count == 1 ? ids[0] : nil)
            }
        } catch {
            throw mapped(error)
        }
    }

    /// One entry by id.
    public func entry(id: Int64) throws(ArchiveError) -> ArchiveEntry? {
        do {
            return try queue.read { db in try Self.entries(db, where: "WHERE id = ?", arguments: [id]).first }
        } catch {
            throw mapped(error)
        }
    }

    /// The report's bytes exactly as they were added.
    public func reportBytes(id: Int64) throws(ArchiveError) -> Data? {
        do {
            return try queue.read { db in try Data.fetchOne(db, sql: "SELECT json FROM report_json WHERE reportId = ?", arguments: [id]) }
        } catch {
            throw mapped(error)
        }
    }

    /// The previous report of the same board: the latest earlier periodEnd of the same
    /// municipality and board.
    public func previous(of id: Int64) throws(ArchiveError) -> ArchiveEntry? {
        do {
            return try queue.read { db in
                try Self.entries(db, where: """
                    WHERE (municipality, board) = (SELECT municipality, board FROM report WHERE id = ?1)
                      AND periodEnd < (SELECT periodEnd FROM report WHERE id = ?1)
                    """, arguments: [id], order: "ORDER BY periodEnd DESC, id DESC LIMIT 1").first
            }
        } catch {
            throw mapped(error)
        }
    }

    /// A board's series: its reports ordered by periodEnd (the board of report `id`).
    public func series(of id: Int64) throws(ArchiveError) -> [ArchiveEntry] {
        do {
            return try queue.read { db in
                try Self.entries(db, where: "WHERE (municipality, board) = (SELECT municipality, board FROM report WHERE id = ?)",
                                 arguments: [id], order: "ORDER BY periodEnd, id")
            }
        } catch {
            throw mapped(error)
        }
    }

    /// An indicator's values as each report of the board printed them, matched by normalised
    /// name and unit (`ItemMatching.normalizedName`), ordered by report and year. A value is
    /// `revised` when an earlier report printed another value for the same year.
    public func indicatorHistory(municipality: String, board: String, name: String, unit: String?) throws(ArchiveError) -> [HistoryPoint] {
        do {
            let rows = try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT r.id AS reportId, r.kind AS kind, r.period AS period, r.periodEnd AS periodEnd, i.name AS name,
                           v.year AS year, v.printed AS printed
                    FROM report r JOIN indicator i ON i.reportId = r.id JOIN indicator_value v ON v.indicatorId = i.id
                    WHERE r.municipality = ? AND r.board = ? AND i.matchName = ?
                    ORDER BY r.periodEnd, r.id, v.year
                    """, arguments: [municipality, board, ItemMatching.normalizedName(name, unit: unit)])
            }
            var printedBefore: [Int: String] = [:]
            return rows.map { row in
                let year: Int = row["year"], printed: String = row["printed"]
                let revised = printedBefore[year].map { $0 != printed } ?? false
                printedBefore[year] = printed
                return HistoryPoint(reportID: row["reportId"], period: HomePeriod(periodEnd: row["periodEnd"], kind: row["kind"], period: row["period"]),
                                    name: row["name"], year: year, printed: printed, revised: revised)
            }
        } catch {
            throw mapped(error)
        }
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    public func integrityCheck() throws(ArchiveError) -> String {
        do {
            return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
        } catch {
            throw mapped(error)
        }
    }

    /// Everything that should hold in a sound archive: `PRAGMA integrity_check` is "ok", no
    /// foreign key dangles, and every report's normalised indicators and uppdrag are all there
    /// (a report is whole or absent). Returns the problems, empty when sound.
    public func verify() throws(ArchiveError) -> [String] {
        do {
            return try queue.read { db in
                var problems: [String] = []
                let withoutJSON = try Int.fetchOne(db, sql: "SELECT count(*) FROM report WHERE id NOT IN (SELECT reportId FROM report_json)") ?? 0
                if withoutJSON > 0 { problems.append("\(withoutJSON) reports without their JSON") }
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                if integrity != ["ok"] { problems += integrity.map { "integrity_check: \($0)" } }
                let dangling = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                if !dangling.isEmpty { problems.append("foreign_key_check: \(dangling.count) rows refer to missing rows") }
                let partial = try Row.fetchAll(db, sql: """
                    SELECT r.id AS id, r.indicatorCount AS expectedIndicators, r.assignmentCount AS expectedAssignments,
                           (SELECT count(*) FROM indicator i WHERE i.reportId = r.id) AS indicators,
                           (SELECT count(*) FROM assignment a WHERE a.reportId = r.id) AS assignments
                    FROM report r
                    """).filter { $0["indicators"] as Int != $0["expectedIndicators"] || $0["assignments"] as Int != $0["expectedAssignments"] }
                for row in partial { problems.append("report \(row["id"] as Int64): normalised rows missing") }
                return problems
            }
        } catch {
            throw mapped(error)
        }
    }

    /// Row counts of the normalised tables (for tests and the benchmark).
    public func tableCounts() throws(ArchiveError) -> [String: Int] {
        do {
            return try queue.read { db in
                var counts: [String: Int] = [:]
                for table in ArchiveSchema.tables {
                    counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                }
                return counts
            }
        } catch {
            throw mapped(error)
        }
    }

    static func entries(_ db: Database, where clause: String, arguments: StatementArguments,
                        order: String = "ORDER BY municipality, board, periodEnd, kind, id") throws -> [ArchiveEntry] {
        try Row.fetchAll(db, sql: """
            SELECT id, municipality, board, kind, period, periodStart, periodEnd, reportingYear, indicatorCount,
                   assignmentCount, byteCount, addedAt, source
            FROM report \(clause) \(order)
            """, arguments: arguments).map { row in
            ArchiveEntry(
                id: row["id"], municipality: row["municipality"], board: row["board"], kind: row["kind"], period: row["period"],
                periodStart: row["periodStart"], periodEnd: row["periodEnd"], reportingYear: row["reportingYear"],
                indicators: row["indicatorCount"], assignments: row["assignmentCount"], byteCount: row["byteCount"],
                addedAt: row["addedAt"], source: row["source"])
        }
    }
}
