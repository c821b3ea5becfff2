import Foundation
import GRDB
import ReportCore

/// Queries for the browser's archive screens: each returns the plain values of ReportCore's
/// `ArchiveOverview.swift` that the screens show as they are, and none reads more than
/// the screen shows (the home reads its boards and periods from indexes, then the cells of the
/// boards on screen), so the first frame costs about the same at 1 and at 10,000 reports.
extension ArchiveStore {
    /// The home's rows (boards, by municipality and board) and columns (periods, by periodEnd).
    public func homeAxes() throws(ArchiveError) -> (boards: [HomeBoard], periods: [HomePeriod]) {
        do {
            return try queue.read { db in
                let boards = try Row.fetchAll(db, sql: "SELECT DISTINCT municipality, board FROM report ORDER BY municipality, board")
                    .map { HomeBoard(municipality: $0["municipality"], board: $0["board"]) }
                // The period ends come from their index alone; each one's kinds from the reports
                // ending then (one row per kind), so a large archive is not read row by row.
                var periods: [HomePeriod] = []
                for end in try String.fetchAll(db, sql: "SELECT DISTINCT periodEnd FROM report ORDER BY periodEnd") {
                    periods += try Row.fetchAll(db, sql: """
                        SELECT kind, min(period) AS period FROM report WHERE periodEnd = ? GROUP BY kind ORDER BY kind
                        """, arguments: [end]).map { HomePeriod(periodEnd: end, kind: $0["kind"], period: $0["period"]) }
                }
                return (boards, periods)
            }
        } catch {
            throw mapped(error)
        }
    }

    /// The reports of these boards, each with its statuses counted (without the deviation, which
    /// the home does not show).
    public func statusCells(boards: [HomeBoard]) throws(ArchiveError) -> [HomeCell] {
        do {
            return try queue.read { db in
                var cells: [HomeCell] = []
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
    public func periodOverview(periodEnd: String, kind: String) throws(ArchiveError) -> (cells: [HomeCell], areas: [AreaStatuses]) {
        do {
            return try queue.read { db in
                let cells = try Self.cells(db, where: "r.periodEnd = ? AND r.kind = ?", arguments: [periodEnd, kind])
                var order: [String] = []
                var areas: [String: StatusCounts] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT a.title AS area, i.status AS status, count(*) AS n
                    FROM report r JOIN indicator i ON i.reportId = r.id JOIN goal g ON g.id = i.goalId JOIN goal_area a ON a.id = g.areaId
                    WHERE r.periodEnd = ? AND r.kind = ?
                    GROUP BY a.title, i.status ORDER BY min(a.position), a.title
                    """, arguments: [periodEnd, kind]) {
                    let area: String = row["area"]
                    if areas[area] == nil { order.append(area) }
                    let status: String = row["status"]
                    Self.count(&areas[area, default: StatusCounts()], status: status, row["n"])
                }
                return (cells, order.map { AreaStatuses(area: $0, counts: areas[$0] ?? StatusCounts()) })
            }
        } catch {
            throw mapped(error)
        }
    }

    static func cells(_ db: Database, where clause: String, arguments: StatementArguments, deviation: Bool = true) throws -> [HomeCell] {
        var cells: [HomeCell] = []
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
                cells.append(HomeCell(
                    reportID: id, board: HomeBoard(municipality: row["municipality"], board: row["board"]),
                    period: HomePeriod(periodEnd: row["periodEnd"], kind: row["kind"], period: row["period"]), counts: StatusCounts(), deviation: nil))
            }
            if let status: String = row["status"], let index = position[id] { Self.count(&cells[index].counts, status: status, row["n"]) }
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

    /// Adds a status's count (an `IndicatorStatus` raw value; other values are not counted).
    static func count(_ counts: inout StatusCounts, status raw: String, _ count: Int) {
        if let status = IndicatorStatus(rawValue: raw) { counts[status] += count }
    }
}
