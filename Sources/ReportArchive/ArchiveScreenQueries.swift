import Foundation
import GRDB
import ReportCore

/// A board of the archive: one row of the archive home.
public struct ArchiveBoard: Sendable, Equatable, Hashable {
    public var municipality: String
    public var board: String

    public init(municipality: String, board: String) {
        self.municipality = municipality
        self.board = board
    }
}

/// A period of the archive: one column of the archive home (reports of one kind ending on one day).
public struct ArchivePeriod: Sendable, Equatable, Hashable {
    public var periodEnd: String
    public var kind: String
    /// The period as one of its reports prints it ("januari–augusti 2021").
    public var period: String

    public init(periodEnd: String, kind: String, period: String) {
        self.periodEnd = periodEnd
        self.kind = kind
        self.period = period
    }
}

/// One archived report with its indicators' statuses counted (a cell of the home, a row of the
/// kommun-wide view).
public struct ArchiveStatusCell: Sendable, Equatable {
    public var reportID: Int64
    public var board: ArchiveBoard
    public var periodEnd: String
    public var kind: String
    public var period: String
    /// Indicators per status (`IndicatorStatus` raw values).
    public var statuses: [String: Int]
    /// The full-year deviation of the operations table's result row, as printed (nil when absent).
    public var deviation: String?
}

/// Indicator statuses of one målområde over every board of one period.
public struct ArchiveAreaStatuses: Sendable, Equatable {
    public var area: String
    public var statuses: [String: Int]
}

/// Queries for the browser's archive screens: each returns plain values, and none reads more than
/// the screen shows (the home reads its boards and periods from indexes, then the cells of the
/// boards on screen), so the first frame costs about the same at 1 and at 10,000 reports.
extension ArchiveStore {
    /// The home's rows (boards, by municipality and board) and columns (periods, by periodEnd).
    public func homeAxes() throws(ArchiveError) -> (boards: [ArchiveBoard], periods: [ArchivePeriod]) {
        do {
            return try queue.read { db in
                let boards = try Row.fetchAll(db, sql: "SELECT DISTINCT municipality, board FROM report ORDER BY municipality, board")
                    .map { ArchiveBoard(municipality: $0["municipality"], board: $0["board"]) }
                // The period ends come from their index alone; each one's kinds from the reports
                // ending then (one row per kind), so a large archive is not read row by row.
                var periods: [ArchivePeriod] = []
                for end in try String.fetchAll(db, sql: "SELECT DISTINCT periodEnd FROM report ORDER BY periodEnd") {
                    periods += try Row.fetchAll(db, sql: """
                        SELECT kind, min(period) AS period FROM report WHERE periodEnd = ? GROUP BY kind ORDER BY kind
                        """, arguments: [end]).map { ArchivePeriod(periodEnd: end, kind: $0["kind"], period: $0["period"]) }
                }
                return (boards, periods)
            }
        } catch {
            throw mapped(error)
        }
    }

    /// The reports of these boards, each with its statuses counted (without the deviation, which
    /// the home does not show).
    public func statusCells(boards: [ArchiveBoard]) throws(ArchiveError) -> [ArchiveStatusCell] {
        do {
            return try queue.read { db in
                var cells: [ArchiveStatusCell] = []
                for board in boards {
                    cells += try Self.cells(db, where: "r.municipality = ? AND r.board = ?", arguments: [board.municipality, board.board],
                                            deviation: false)
                }
                return cells
            }
        } catch {
            throw mapped(error)
        }
    }

    /// Every board's report of one period (kind and periodEnd), with statuses and deviation, and
    /// the statuses per målområde summed over those reports.
    public func periodOverview(periodEnd: String, kind: String) throws(ArchiveError) -> (cells: [ArchiveStatusCell], areas: [ArchiveAreaStatuses]) {
        do {
            return try queue.read { db in
                let cells = try Self.cells(db, where: "r.periodEnd = ? AND r.kind = ?", arguments: [periodEnd, kind])
                var order: [String] = []
                var areas: [String: [String: Int]] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT a.title AS area, i.status AS status, count(*) AS n
                    FROM report r JOIN indicator i ON i.reportId = r.id JOIN goal g ON g.id = i.goalId JOIN goal_area a ON a.id = g.areaId
                    WHERE r.periodEnd = ? AND r.kind = ?
                    GROUP BY a.title, i.status ORDER BY min(a.position), a.title
                    """, arguments: [periodEnd, kind]) {
                    let area: String = row["area"]
                    if areas[area] == nil { order.append(area) }
                    areas[area, default: [:]][row["status"]] = row["n"]
                }
                return (cells, order.map { ArchiveAreaStatuses(area: $0, statuses: areas[$0] ?? [:]) })
            }
        } catch {
            throw mapped(error)
        }
    }

    static func cells(_ db: Database, where clause: String, arguments: StatementArguments, deviation: Bool = true) throws -> [ArchiveStatusCell] {
        var cells: [ArchiveStatusCell] = []
        var position: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT r.id AS id, r.municipality AS municipality, r.board AS board, r.periodEnd AS periodEnd, r.kind AS kind,
                   r.period AS period, i.status AS status, count(i.id) AS n
            FROM report r LEFT JOIN indicator i ON i.reportId = r.id
            WHERE \(clause)
            GROUP BY r.id, i.status ORDER BY r.municipality, r.board, r.periodEnd, r.kind, r.id
            """, arguments: arguments) {
            let id: Int64 = row["id"]
            if position[id] == nil {
                position[id] = cells.count
                cells.append(ArchiveStatusCell(
                    reportID: id, board: ArchiveBoard(municipality: row["municipality"], board: row["board"]),
                    periodEnd: row["periodEnd"], kind: row["kind"], period: row["period"], statuses: [:], deviation: nil))
            }
            if let status: String = row["status"], let index = position[id] { cells[index].statuses[status] = row["n"] }
        }
        guard !cells.isEmpty, deviation else { return cells }
        let ids = cells.map(\.reportID)
        let marks = ids.map { _ in "?" }.joined(separator: ",")
        for row in try Row.fetchAll(db, sql: """
            SELECT t.reportId AS id, c.printed AS printed
            FROM financial_table t JOIN financial_row fr ON fr.tableId = t.id JOIN financial_cell c ON c.rowId = fr.id
            WHERE t.reportId IN (\(marks)) AND t.key = 'operations' AND fr.kind = 'result' AND c.role = 'deviation' AND c.scope = 'fullYear'
            ORDER BY t.reportId, fr.position
            """, arguments: StatementArguments(ids)) {
            if let index = position[row["id"]] { cells[index].deviation = row["printed"] }
        }
        return cells
    }
}
