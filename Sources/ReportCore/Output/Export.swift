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

/// The language of an export's headers, terms and numbers. Markdown is always Swedish (it is
/// for minutes); CSV is English and machine-readable unless `sv` is asked for.
public enum ExportLocale: String, Sendable, CaseIterable {
    /// English column ids (`values.2021`), codes (`notMet`), `.` decimals, `,` separated.
    case en
    /// Swedish headers and terms, decimal commas, `;` separated, with a byte order mark: what
    /// Swedish spreadsheet programs open directly.
    case sv
}

/// One field of an exported record; nested objects flatten to `key.subkey` columns in CSV and
/// Markdown (`values.2021`).
public indirect enum ExportField: Sendable {
    case string(String?)
    case number(Decimal?)
    case bool(Bool)
    /// A figure with its printed precision: a table cell ("0,0" stays "0,0" in Markdown), a
    /// computed deviation (the precision of its budget), a percent (one decimal).
    case figure(Decimal?, fractionDigits: Int)
    /// A code for programs (a status, a row kind) with its Swedish wording for people.
    case term(String?, swedish: String?)
    case object([(String, ExportField)])

    var json: JSONOutput {
        switch self {
        case .string(let value): .string(value)
        case .number(let value): .number(value)
        case .bool(let value): .bool(value)
        case .figure(let value, _): .number(value)
        case .term(let code, _): .string(code)
        case .object(let members): .object(members.map { ($0.0, $0.1.json) })
        }
    }

    /// The leaf fields of this field under `key`, nested keys joined with ".".
    func flattened(key: String) -> [(String, ExportField)] {
        switch self {
        case .object(let members): members.flatMap { $0.1.flattened(key: key + "." + $0.0) }
        default: [(key, self)]
        }
    }

    /// The text of a leaf field in a cell.
    func text(_ style: CellStyle) -> String {
        switch self {
        case .string(let value): return value ?? ""
        case .number(let value):
            guard let value else { return "" }
            let plain = JSONOutput.format(value)
            switch style {
            case .english: return plain
            case .swedishData: return plain.replacingOccurrences(of: ".", with: ",")
            case .swedishProse:
                let digits = plain.split(separator: ".").dropFirst().first?.count ?? 0
                return SwedishNumberFormat.format(value, fractionDigits: digits)
            }
        case .figure(let value, let digits):
            guard let value else { return "" }
            switch style {
            case .english: return JSONOutput.format(value)
            case .swedishData: return SwedishNumberFormat.format(value, fractionDigits: digits).replacingOccurrences(of: " ", with: "")
            case .swedishProse: return SwedishNumberFormat.format(value, fractionDigits: digits)
            }
        case .bool(let value): return style == .english ? (value ? "true" : "false") : (value ? "ja" : "nej")
        case .term(let code, let swedish): return (style == .english ? code : swedish ?? code) ?? ""
        case .object: return ""
        }
    }

    /// How leaf fields become cell text.
    enum CellStyle {
        /// CSV by default: codes, `.` decimals, no grouping.
        case english
        /// CSV with `--locale sv`: Swedish terms, decimal comma, no grouping (spreadsheets read it as a number).
        case swedishData
        /// Markdown: Swedish terms, decimal comma, thousands grouped as printed ("46 166").
        case swedishProse
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
                [("kind", .term(item.kind.rawValue, swedish: Self.singular(item.kind))), ("process", .string(item.process)), ("title", .string(item.title)),
                 ("status", .string(item.status)), ("comment", .string(item.comment.joined(separator: "\n")))]
            }
        }
    }

    private static func singular(_ kind: InternalControlKind) -> String {
        switch kind {
        case .riskReduction: "Riskreducerande åtgärd"
        case .auditAction: "Åtgärd utifrån revision"
        case .systematicControl: "Systematisk kontroll"
        }
    }

    private static func term(_ status: IndicatorStatus?) -> ExportField {
        .term(status?.rawValue, swedish: status?.swedishName)
    }

    private func indicatorRecord(_ item: AnalyzedIndicator) -> ExportRecord {
        let values = ExportField.object(item.numericValues.map { (String($0.year), .number($0.value)) })
        return [
            ("id", .string(item.indicator.id)), ("area", .string(item.areaTitle)), ("councilGoal", .string(item.councilGoalTitle)),
            ("boardGoal", .string(item.boardGoalTitle)), ("name", .string(item.indicator.name)), ("unit", .string(item.indicator.unit)),
            ("values", values), ("milestoneTarget", .string(item.indicator.milestoneTarget)), ("longTermTarget", .string(item.indicator.longTermTarget)),
            ("status", Self.term(item.evaluation.status)), ("computedStatus", Self.term(item.evaluation.computedStatus)),
            ("reportedStatus", Self.term(item.evaluation.reportedStatus)), ("explanation", .string(item.evaluation.explanation)),
        ]
    }

    private func financialRecords(_ table: FinancialTable) -> [ExportRecord] {
        var records: [ExportRecord] = []
        for (index, row) in table.rows.enumerated() where row.kind != .heading {
            // Heading rows are not records; the groups a row is printed under (the same as the
            // browser and `check` use) name its group, outermost first.
            let path = table.groupPath(ofRow: index)
            var record: ExportRecord = [("label", .string(row.label)), ("kind", .term(row.kind.rawValue, swedish: row.kind.swedishName)),
                                        ("group", .string(path.isEmpty ? nil : path.joined(separator: " › "))), ("isSum", .bool(row.isSum))]
            for (column, definition) in table.columns.enumerated() {
                let printed = table.number(row: index, column: column)
                record.append((definition.id, .figure(printed?.value, fractionDigits: printed?.fractionDigits ?? 0)))
            }
            let deviations = table.deviations(ofRow: index)
            for columns in table.deviationColumns {
                let deviation = deviations.first { $0.columns == columns }
                let id = table.columns[columns.deviation].id
                record.append((id + "Computed", .figure(deviation?.computed, fractionDigits: deviation?.budget.fractionDigits ?? 0)))
                record.append((id + "PercentOfBudget", .figure(deviation?.percentOfBudget?.rounded(1), fractionDigits: 1)))
            }
            records.append(record)
        }
        return records
    }

    /// The table in a format. `locale` applies to CSV; Markdown is always Swedish, JSON always
    /// carries the English keys and codes.
    public func render(_ table: ExportTable, format: ExportFormat, locale: ExportLocale = .en) -> String {
        let records = records(table)
        switch format {
        case .json:
            return JSONOutput.array(records.map { .object($0.map { ($0.0, $0.1.json) }) }).serialized() + "\n"
        case .csv, .markdown:
            let style: ExportField.CellStyle = format == .markdown ? .swedishProse : locale == .sv ? .swedishData : .english
            let flat = records.map { record in Dictionary(record.flatMap { $0.1.flattened(key: $0.0) }, uniquingKeysWith: { first, _ in first }) }
            let columns = records.isEmpty ? defaultHeader(table) : Self.columns(records)
            let header = style == .english ? columns : columns.map { swedishHeader(table, $0) }
            let rows = flat.map { fields in columns.map { fields[$0]?.text(style) ?? "" } }
            if format == .csv {
                return locale == .sv ? "\u{FEFF}" + CSVWriter.document(header: header, rows: rows, separator: ";")
                                     : CSVWriter.document(header: header, rows: rows)
            }
            var lines = ["| " + header.map(Markdown.escape).joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count)]
            lines += rows.map { "| " + $0.map(Markdown.escape).joined(separator: " | ") + " |" }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// The flat columns of all records, in field order: a nested field (an indicator's values by
    /// year) gets the union of its keys over every record, years in numeric order, so tables
    /// with different years each put their values under the right year.
    static func columns(_ records: [ExportRecord]) -> [String] {
        var keys: [String] = []
        var nested: [String: [String]] = [:]
        for record in records {
            for (key, field) in record {
                if !keys.contains(key) { keys.append(key) }
                if case .object = field {
                    for (column, _) in field.flattened(key: key) where !(nested[key] ?? []).contains(column) {
                        nested[key, default: []].append(column)
                    }
                }
            }
        }
        return keys.flatMap { key -> [String] in
            guard let columns = nested[key] else { return [key] }
            let suffixes = columns.map { Int($0.dropFirst(key.count + 1)) }
            guard suffixes.allSatisfy({ $0 != nil }) else { return columns }
            return zip(columns, suffixes).sorted { ($0.1 ?? 0) < ($1.1 ?? 0) }.map(\.0)
        }
    }

    /// The Swedish heading of a column, for Markdown and `--locale sv`.
    func swedishHeader(_ table: ExportTable, _ column: String) -> String {
        if column.hasPrefix("values.") { return String(column.dropFirst("values.".count)) }
        let financial: FinancialTable? = switch table {
        case .operations: analysis.report.economy.operations
        case .netCost: analysis.report.economy.netCost
        case .covid: analysis.report.economy.covid
        case .investments: analysis.report.investments.board
        case .urbanDevelopment: analysis.report.investments.urbanDevelopment
        case .indicators, .assignments, .internalControl: nil
        }
        if let financial {
            switch column {
            case "label": return financial.rowHeader
            case "kind": return "Radtyp"
            case "group": return "Grupp"
            case "isSum": return "Summarad"
            default: break
            }
            for definition in financial.columns {
                if column == definition.id { return definition.fullLabel }
                if column == definition.id + "Computed" { return definition.fullLabel + " beräknad" }
                if column == definition.id + "PercentOfBudget" { return definition.fullLabel + " i % av budget" }
            }
            return column
        }
        switch column {
        case "id": return "Id"
        case "area": return "Målområde"
        case "councilGoal": return "KF-mål"
        case "boardGoal": return "Nämndmål"
        case "name": return "Indikator"
        case "unit": return "Enhet"
        case "milestoneTarget": return "Etappmål"
        case "longTermTarget": return "Målvärde"
        case "status": return "Status"
        case "computedStatus": return "Beräknad status"
        case "reportedStatus": return "Rapportens bedömning"
        case "explanation": return "Förklaring"
        case "title": return table == .assignments ? "Uppdrag" : "Åtgärd eller kontroll"
        case "comment": return "Kommentar"
        case "kind": return "Slag"
        case "process": return "Process"
        default: return column
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

extension RowKind {
    /// The Swedish word for the kind of row.
    public var swedishName: String {
        switch self {
        case .income: "intäkt"
        case .cost: "kostnad"
        case .result: "resultat"
        case .investment: "investering"
        case .value: "värde"
        case .heading: "rubrik"
        }
    }
}
