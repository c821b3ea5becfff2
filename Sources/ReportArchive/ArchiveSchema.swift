import Foundation
import GRDB
import ReportCore

/// The archive's schema and its migrations.
///
/// `report` holds each report whole (`json`, the bytes exactly as added) with its identity;
/// the other tables hold the same report normalised for queries, every row deleted with its
/// report (`ON DELETE CASCADE`). Printed cells are kept as printed, with their parsed value
/// beside them where they parse.
enum ArchiveSchema {
    /// The normalised tables, child tables last.
    static let tables = [
        "report", "report_json", "goal_area", "goal", "indicator", "indicator_value", "assignment", "financial_table", "financial_row",
        "financial_cell", "control", "audit_finding",
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE report (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, -- an id is never given to another report
                    municipality TEXT NOT NULL,
                    board TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    period TEXT NOT NULL,
                    periodStart TEXT NOT NULL,
                    periodEnd TEXT NOT NULL,
                    reportingYear INTEGER NOT NULL,
                    source TEXT,
                    byteCount INTEGER NOT NULL,
                    indicatorCount INTEGER NOT NULL,
                    assignmentCount INTEGER NOT NULL,
                    addedAt TEXT NOT NULL,
                    UNIQUE (municipality, board, kind, periodEnd)
                );
                -- The JSON as added, apart, so that listing reports never reads past their rows.
                CREATE TABLE report_json (
                    reportId INTEGER PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE,
                    json BLOB NOT NULL
                );
                CREATE INDEX report_series ON report (municipality, board, periodEnd);
                CREATE INDEX report_period ON report (periodEnd);
                CREATE TABLE goal_area (
                    id INTEGER PRIMARY KEY,
                    reportId INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    title TEXT NOT NULL
                );
                CREATE INDEX goal_area_report ON goal_area (reportId);
                CREATE TABLE goal (
                    id INTEGER PRIMARY KEY,
                    reportId INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
                    areaId INTEGER NOT NULL REFERENCES goal_area(id) ON DELETE CASCADE,
                    parentId INTEGER REFERENCES goal(id) ON DELETE CASCADE,
                    level TEXT NOT NULL CHECK (level IN ('council', 'board')),
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL
                );
                CREATE INDEX goal_report ON goal (reportId);
                CREATE INDEX goal_area_fk ON goal (areaId);
                CREATE INDEX goal_parent ON goal (parentId);
                CREATE TABLE indicator (
                    id INTEGER PRIMARY KEY,
                    reportId INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
                    goalId INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    unit TEXT,
                    matchName TEXT NOT NULL,
                    milestoneTarget TEXT NOT NULL,
                    longTermTarget TEXT NOT NULL,
                    longTermTargetYear INTEGER NOT NULL,
                    direction TEXT,
                    status TEXT NOT NULL,
                    computedStatus TEXT NOT NULL,
                    reportedStatus TEXT
                );
                CREATE INDEX indicator_report ON indicator (reportId);
                CREATE INDEX indicator_goal ON indicator (goalId);
                CREATE INDEX indicator_match ON indicator (matchName);
                CREATE TABLE indicator_value (
                    indicatorId INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
                    year INTEGER NOT NULL,
                    printed TEXT NOT NULL,
                    value REAL,
                    PRIMARY KEY (indicatorId, year)
                ) WITHOUT ROWID;
                CREATE TABLE assignment (
                    id INTEGER PRIMARY KEY,
                    reportId INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
                    goalId INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    status TEXT NOT NULL,
                    progress TEXT NOT NULL
                );
                CREATE INDEX assignment_report ON assignment (reportId);
                CREATE INDEX assignment_goal ON assignment (goalId);
                CREATE TABLE financial_table (
                    id INTEGER PRIMARY KEY,
                    reportId INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    title TEXT NOT NULL,
                    unit TEXT NOT NULL
                );
                CREATE INDEX financial_table_report ON financial_table (reportId);
                CREATE TABLE financial_row (
                    id INTEGER PRIMARY KEY,
                    tableId INTEGER NOT NULL REFERENCES financial_table(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    label TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    level INTEGER
                );
                CREATE INDEX financial_row_table ON financial_row (tableId);
                CREATE TABLE financial_cell (
                    rowId INTEGER NOT NULL REFERENCES financial_row(id) ON DELETE CASCADE,
                    columnKey TEXT NOT NULL,
                    columnLabel TEXT NOT NULL,
                    role TEXT NOT NULL,
                    scope TEXT,
                    printed TEXT NOT NULL,
                    value REAL,
                    PRIMARY KEY (rowId, columnKey)
                ) WITHOUT ROWID;
                CREATE TABLE control (
                    id INTEGER PRIMARY KEY,
                    reportId INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    process TEXT NOT NULL,
                    title TEXT NOT NULL,
                    status TEXT NOT NULL,
                    progress TEXT NOT NULL
                );
                CREATE INDEX control_report ON control (reportId);
                CREATE TABLE audit_finding (
                    id INTEGER PRIMARY KEY,
                    reportId INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
                    severity TEXT NOT NULL,
                    location TEXT NOT NULL,
                    message TEXT NOT NULL,
                    printed TEXT,
                    computed TEXT
                );
                CREATE INDEX audit_finding_report ON audit_finding (reportId);
                """)
            try db.execute(sql: "PRAGMA application_id = \(ArchiveStore.applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        return migrator
    }
}

/// Writes one analysed report into the tables, inside the caller's transaction.
struct ArchiveWriter {
    let db: Database
    let analysis: ReportAnalysis
    let bytes: Data
    let stage: ((AddStage) -> Void)?

    private func run(_ sql: String, _ arguments: StatementArguments) throws -> Int64 {
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: arguments)
        return db.lastInsertedRowID
    }

    /// The current time as ISO 8601 in UTC, e.g. "2026-12-01T08:00:00Z".
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    private static func number(_ printed: String) -> Double? {
        PrintedNumber(printed)?.doubleValue
    }

    func insert() throws -> Int64 {
        let report = analysis.report
        let meta = report.metadata
        let reportID = try run("""
            INSERT INTO report (municipality, board, kind, period, periodStart, periodEnd, reportingYear, source, byteCount,
                                indicatorCount, assignmentCount, addedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [meta.municipality, meta.board, meta.kind.rawValue, meta.period, meta.periodStart, meta.periodEnd, meta.reportingYear,
                  meta.source, bytes.count, analysis.indicators.count, analysis.assignments.count,
                  Self.timestamp()])
        _ = try run("INSERT INTO report_json (reportId, json) VALUES (?, ?)", [reportID, bytes])
        stage?(.afterReportRow)
        var evaluations: [String: IndicatorEvaluation] = [:]
        for item in analysis.indicators { evaluations[item.indicator.id] = item.evaluation }
        for (a, area) in report.goalAreas.enumerated() {
            let areaID = try run("INSERT INTO goal_area (reportId, position, key, title) VALUES (?, ?, ?, ?)", [reportID, a, area.id, area.title])
            for (c, council) in area.councilGoals.enumerated() {
                let councilID = try run(
                    "INSERT INTO goal (reportId, areaId, parentId, level, position, title) VALUES (?, ?, NULL, 'council', ?, ?)",
                    [reportID, areaID, c, council.title])
                try insert(table: council.indicatorTable, reportID: reportID, goalID: councilID, evaluations: evaluations)
                for (b, board) in council.boardGoals.enumerated() {
                    let boardID = try run(
                        "INSERT INTO goal (reportId, areaId, parentId, level, position, title) VALUES (?, ?, ?, 'board', ?, ?)",
                        [reportID, areaID, councilID, b, board.title])
                    try insert(table: board.indicatorTable, reportID: reportID, goalID: boardID, evaluations: evaluations)
                    for (r, assignment) in board.assignments.enumerated() {
                        _ = try run("INSERT INTO assignment (reportId, goalId, position, title, status, progress) VALUES (?, ?, ?, ?, ?, ?)",
                                    [reportID, boardID, r, assignment.title, assignment.status, assignment.progress.rawValue])
                    }
                }
            }
        }
        stage?(.afterIndicators)
        for (t, table) in report.financialTables.enumerated() {
            let tableID = try run("INSERT INTO financial_table (reportId, position, key, title, unit) VALUES (?, ?, ?, ?, ?)",
                                  [reportID, t, table.id, table.title, table.unit])
            for (r, row) in table.rows.enumerated() {
                let rowID = try run("INSERT INTO financial_row (tableId, position, key, label, kind, level) VALUES (?, ?, ?, ?, ?, ?)",
                                    [tableID, r, row.id, row.label, row.kind.rawValue, row.level])
                for (column, printed) in zip(table.columns, row.cells) where !printed.isEmpty {
                    _ = try run("""
                        INSERT INTO financial_cell (rowId, columnKey, columnLabel, role, scope, printed, value) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, [rowID, column.id, column.fullLabel, column.role.rawValue, column.scope, printed, Self.number(printed)])
                }
            }
        }
        for item in analysis.internalControlItems {
            _ = try run("INSERT INTO control (reportId, kind, position, process, title, status, progress) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [reportID, item.kind.rawValue, item.index, item.process, item.title, item.status, item.progress.rawValue])
        }
        for finding in analysis.audit.findings {
            _ = try run("INSERT INTO audit_finding (reportId, severity, location, message, printed, computed) VALUES (?, ?, ?, ?, ?, ?)",
                        [reportID, finding.severity.rawValue, finding.location, finding.message,
                         finding.printed.map { "\($0)" }, finding.computed.map { "\($0)" }])
        }
        return reportID
    }

    private func insert(table: IndicatorTable?, reportID: Int64, goalID: Int64, evaluations: [String: IndicatorEvaluation]) throws {
        guard let table else { return }
        for (r, indicator) in table.indicators.enumerated() {
            let evaluation = evaluations[indicator.id]
            let indicatorID = try run("""
                INSERT INTO indicator (reportId, goalId, position, key, name, unit, matchName, milestoneTarget, longTermTarget,
                                       longTermTargetYear, direction, status, computedStatus, reportedStatus)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [reportID, goalID, r, indicator.id, indicator.name, indicator.unit, ItemMatching.normalizedName(indicator.name, unit: indicator.unit),
                      indicator.milestoneTarget, indicator.longTermTarget, table.longTermTargetYear, indicator.direction?.rawValue,
                      (evaluation?.status ?? .notAssessed).rawValue, (evaluation?.computedStatus ?? .notAssessed).rawValue,
                      indicator.reportedStatus?.status.rawValue])
            for (year, printed) in zip(table.years, indicator.values) where !printed.isEmpty {
                _ = try run("INSERT OR REPLACE INTO indicator_value (indicatorId, year, printed, value) VALUES (?, ?, ?, ?)",
                            [indicatorID, year, printed, Self.number(printed)])
            }
        }
    }
}
