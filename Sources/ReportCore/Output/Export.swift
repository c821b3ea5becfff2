import Foundation

/// The tables `malkoll export` can write.
public enum ExportTable: String, Sendable, CaseIterable {
    case indicators
    case assignments
    case operations
    case netCost = "net-cost"
    case covid
    case investments
    case urbanDevelopment = "urban-development"
    case internalControl = "internal-control"
}

/// The formats `malkoll export` can write.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv
    case json
    case markdown
}

/// One field of an exported record; nested objects flatten to `key.subkey` columns in CSV.
public indirect enum ExportField: Sendable {
    case string(String?)
    case number(Decimal?)
    case bool(Bool)
    case object([(String, ExportField)])

    var json: JSONOutput {
        switch self {
        case .string(let value): .string(value)
        case .number(let value): .number(value)
        case .bool(let value): .bool(value)
        case .object(let members): .object(members.map { ($0.0, $0.1.json) })
        }
    }

    /// The flat (column, text) pairs of this field under `key`.
    func flattened(key: String) -> [(String, String)] {
        switch self {
        case .string(let value): [(key, value ?? "")]
        case .number(let value): [(key, value.map(JSONOutput.format) ?? "")]
        case .bool(let value): [(key, value ? "true" : "false")]
        case .object(let members): members.flatMap { $0.1.flattened(key: $0.0) }
        }
    }
}

/// An exported record: ordered fields.
public typealias ExportRecord = [(String, ExportField)]

/// Builds the records of an export table and writes them as CSV, JSON or Markdown.
public struct Exporter {
    public let analysis: ReportAnalysis

    public init(analysis: ReportAnalysis) {
        self.analysis = analysis
    }

    /// The records of a table.
    public func records(_ table: ExportTable) -> [ExportRecord] {
        let report = analysis.report
        switch table {
        case .indicators: return analysis.indicators.map(indicatorRecord)
        case .assignments:
            return analysis.assignments.map { item in
                [("area", .string(item.areaTitle)), ("councilGoal", .string(item.councilGoalTitle)), ("boardGoal", .string(item.boardGoalTitle)),
                 ("title", .string(item.assignment.title)), ("status", .string(item.assignment.status)),
                 ("comment", .string(item.assignment.comment.joined(separator: "\n")))]
            }
        case .operations: return financialRecords(report.economy.operations)
        case .netCost: return financialRecords(report.economy.netCost)
        case .covid: return financialRecords(report.economy.covid)
        case .investments: return financialRecords(report.investments.board)
        case .urbanDevelopment: return financialRecords(report.investments.urbanDevelopment)
        case .internalControl:
            return analysis.internalControlItems.map { item in
                [("kind", .string(item.kind.rawValue)), ("process", .string(item.process)), ("title", .string(item.title)),
                 ("status", .string(item.status)), ("comment", .string(item.comment.joined(separator: "\n")))]
            }
        }
    }

    private func indicatorRecord(_ item: AnalyzedIndicator) -> ExportRecord {
        let values = ExportField.object(item.numericValues.map { (String($0.year), .number($0.value)) })
        return [
            ("id", .string(item.indicator.id)), ("area", .string(item.areaTitle)), ("councilGoal", .string(item.councilGoalTitle)),
            ("boardGoal", .string(item.boardGoalTitle)), ("name", .string(item.indicator.name)), ("unit", .string(item.indicator.unit)),
            ("values", values), ("milestoneTarget", .string(item.indicator.milestoneTarget)), ("longTermTarget", .string(item.indicator.longTermTarget)),
            ("status", .string(item.evaluation.status.rawValue)), ("computedStatus", .string(item.evaluation.computedStatus.rawValue)),
            ("reportedStatus", .string(item.evaluation.reportedStatus?.rawValue)), ("explanation", .string(item.evaluation.explanation)),
        ]
    }

    private func financialRecords(_ table: FinancialTable) -> [ExportRecord] {
        var group: String?
        var records: [ExportRecord] = []
        for (index, row) in table.rows.enumerated() {
            if row.kind == .heading {
                group = row.label
                continue
            }
            if (row.level ?? 0) == 0 && !row.isSum { group = nil }
            var record: ExportRecord = [("label", .string(row.label)), ("kind", .string(row.kind.rawValue)),
                                        ("group", .string((row.level ?? 0) > 0 ? group : nil)), ("isSum", .bool(row.isSum))]
            for (column, definition) in table.columns.enumerated() {
                record.append((definition.id, .number(table.number(row: index, column: column)?.value)))
            }
            let deviations = table.deviations(ofRow: index)
            for columns in table.deviationColumns {
                let deviation = deviations.first { $0.columns == columns }
                let id = table.columns[columns.deviation].id
                record.append((id + "Computed", .number(deviation?.computed)))
                record.append((id + "PercentOfBudget", .number(deviation?.percentOfBudget?.rounded(1))))
            }
            records.append(record)
        }
        return records
    }

    /// The table in a format.
    public func render(_ table: ExportTable, format: ExportFormat) -> String {
        let records = records(table)
        switch format {
        case .json:
            return JSONOutput.array(records.map { .object($0.map { ($0.0, $0.1.json) }) }).serialized() + "\n"
        case .csv, .markdown:
            let header = records.first.map { $0.flatMap { $0.1.flattened(key: $0.0) }.map(\.0) } ?? defaultHeader(table)
            let rows = records.map { $0.flatMap { $0.1.flattened(key: $0.0) }.map(\.1) }
            if format == .csv { return CSVWriter.document(header: header, rows: rows) }
            var lines = ["| " + header.map(Markdown.escape).joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count)]
            lines += rows.map { "| " + $0.map(Markdown.escape).joined(separator: " | ") + " |" }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private func defaultHeader(_ table: ExportTable) -> [String] {
        switch table {
        case .indicators: ["id", "area", "councilGoal", "boardGoal", "name", "unit", "milestoneTarget", "longTermTarget", "status", "computedStatus", "reportedStatus", "explanation"]
        case .assignments: ["area", "councilGoal", "boardGoal", "title", "status", "comment"]
        case .internalControl: ["kind", "process", "title", "status", "comment"]
        default: ["label", "kind", "group", "isSum"]
        }
    }
}
