import Foundation
import ReportCore

/// A financial table with computed deviations (marked where the printed value differs),
/// optional trend columns, and groups that fold.
enum FinancialTableWidget {
    struct Options {
        /// Group rows fold and unfold with Enter (otherwise every row opens its detail).
        var collapsible = false
        /// Adds a sparkline and the change from the previous column (for value-over-time tables).
        var trend = false
    }

    static func groupId(_ ref: TableRef, _ row: TableRow) -> String { "\(ref.rawValue)-\(row.id)" }

    /// Whether row `index` has deeper rows directly after it.
    static func isParent(_ table: FinancialTable, _ index: Int) -> Bool {
        index + 1 < table.rows.count && (table.rows[index + 1].level ?? 0) > (table.rows[index].level ?? 0)
    }

    /// The width-independent part of a table's layout: every cell's text and style, the
    /// headers and the columns' natural widths.
    struct Cells: Sendable {
        struct Cell: Sendable {
            var text: String
            var style: Style
            /// The audit's verdict on the printed figure, shown as a mark after it.
            var check: CellCheck = .none
        }
        var texts: [[Cell]]
        var headers: [String]
        var columns: [ColumnLayout.Column]
        /// Columns with a one-column slot for the audit's mark after the figure.
        var markSlots: [Bool]
        /// Whether any cell is an error / a rounding difference (for the legend).
        var anyError: Bool
        var anyRounding: Bool
    }

    /// What the audit says about one printed figure. The audit alone decides (error vs the
    /// `info` of a rounding difference); the view never compares figures itself.
    enum CellCheck: Sendable, Equatable {
        case none, rounding, error

        init(_ severity: Severity?) {
            switch severity {
            case .error: self = .error
            case .info: self = .rounding
            case .warning, nil: self = .none
            }
        }

        /// The mark after the figure and its style: ≠ in the warning style for an error, a
        /// quiet ≈ for rounding.
        func mark(_ g: Glyphs) -> (String, Style) {
            switch self {
            case .none: (" ", .normal)
            case .rounding: (g.rounding, Style(.muted))
            case .error: (g.differs, Style(.warning, .bold))
            }
        }
    }

    /// The audit's most serious finding per printed cell of `table` (row id and column id).
    static func cellChecks(_ table: FinancialTable, audit: Audit) -> [String: [String: CellCheck]] {
        var result: [String: [String: CellCheck]] = [:]
        for finding in audit.findings {
            guard case .tableCell(let tableId, let rowId, let columnId) = finding.subject, tableId == table.id else { continue }
            let check = CellCheck(finding.severity)
            if check == .none { continue }
            if result[rowId]?[columnId] != .error { result[rowId, default: [:]][columnId] = check }
        }
        return result
    }

    /// One row's cell texts: the printed figures, each with the audit's verdict.
    private static func rowCells(_ table: FinancialTable, _ row: Int, deviationColumns: Set<Int>,
                                 checks: [String: CellCheck], glyphs g: Glyphs, trend: Bool) -> [Cells.Cell] {
        var cells: [Cells.Cell] = []
        let isSum = table.rows[row].isSum
        for column in table.columns.indices {
            let printed = column < table.rows[row].cells.count ? table.rows[row].cells[column] : ""
            var check = printed.isEmpty ? CellCheck.none : checks[table.columns[column].id] ?? .none
            // Rounding in a printed sum is everywhere in such tables: marked only in the
            // deviation columns (which have the room), so the figures keep theirs.
            if check == .rounding && !deviationColumns.contains(column) { check = .none }
            var style: Style = isSum ? Style(.emphasis) : .normal
            if deviationColumns.contains(column), let value = table.number(row: row, column: column)?.value {
                style = Style(value > 0 ? .deviationGood : value < 0 ? .deviationBad : .normal, isSum ? .bold : [])
            }
            if check == .error { style = Style(.warning, isSum ? .bold : []) }
            cells.append(Cells.Cell(text: printed, style: style, check: check))
        }
        if trend {
            let values = table.columns.indices.map { table.number(row: row, column: $0).map { Numbers.double($0.value) } }
            cells.append(Cells.Cell(text: Charts.sparkline(values, glyphs: g), style: Style(.sparkline)))
            let numbers = table.columns.indices.compactMap { table.number(row: row, column: $0)?.value }
            if numbers.count >= 2, let previous = numbers.dropLast().last, let last = numbers.last, previous != 0 {
                let change = (last - previous) / abs(previous) * 100
                cells.append(Cells.Cell(text: Numbers.signed(change, fractionDigits: 1) + " %", style: Style(.muted)))
            } else {
                cells.append(Cells.Cell(text: "", style: .normal))
            }
        }
        return cells
    }

    static func cells(_ table: FinancialTable, audit: Audit, glyphs g: Glyphs, trend: Bool) -> Cells {
        let deviationColumns = Set(table.deviationColumns.map(\.deviation))
        let checks = cellChecks(table, audit: audit)
        // Cell texts first, so the widths fit them.
        let headerCount = table.columns.count + (trend ? 2 : 0)
        var texts: [[Cells.Cell]] = []
        texts.reserveCapacity(table.rows.count)
        var cellWidths = Array(repeating: 0, count: headerCount)
        // Columns with a one-column slot for the audit's mark: the deviation columns, and any with a mark.
        var markSlots = (0..<headerCount).map { deviationColumns.contains($0) }
        var anyError = false, anyRounding = false
        for row in table.rows.indices {
            let cells = rowCells(table, row, deviationColumns: deviationColumns,
                                 checks: checks[table.rows[row].id] ?? [:], glyphs: g, trend: trend)
            for (index, cell) in cells.enumerated() where index < headerCount {
                cellWidths[index] = max(cellWidths[index], DisplayWidth.of(cell.text))
                switch cell.check {
                case .none: break
                case .rounding: markSlots[index] = true; anyRounding = true
                case .error: markSlots[index] = true; anyError = true
                }
            }
            texts.append(cells)
        }
        var headers = table.columns.map(\.label)
        if trend { headers += ["Trend", "Förändr."] }
        let longestLabel = table.rows.map { DisplayWidth.of($0.label) + 2 * ($0.level ?? 0) + 2 }.max() ?? 12
        var columns = [ColumnLayout.Column(natural: max(12, min(48, longestLabel)), minimum: 10, priority: 100, flexible: true,
                                           wanted: max(longestLabel, DisplayWidth.of(table.rowHeader)))]
        for index in headers.indices {
            let natural = max(cellWidths[index] + (markSlots[index] ? 1 : 0), min(DisplayWidth.of(headers[index]), 12), 3)
            columns.append(ColumnLayout.Column(natural: natural, priority: 60 - index, wanted: DisplayWidth.of(headers[index])))
        }
        // A column group's heading ("Perioden fg år") wants its columns together at least as wide.
        var start = 0
        while start < table.columns.count {
            var end = start
            let group = table.columns[start].group ?? ""
            while end + 1 < table.columns.count, (table.columns[end + 1].group ?? "") == group { end += 1 }
            let span = (start...end).reduce(0) { $0 + max(columns[$1 + 1].natural, columns[$1 + 1].wanted) } + (end - start)
            let heading = DisplayWidth.of(group)
            if heading > span {
                columns[end + 1].wanted = max(columns[end + 1].natural, columns[end + 1].wanted) + heading - span
            }
            start = end + 1
        }
        return Cells(texts: texts, headers: headers, columns: columns, markSlots: markSlots, anyError: anyError, anyRounding: anyRounding)
    }

    /// Appends the table: its headings, one lazily built line per shown row, and the notes.
    static func append(_ ref: TableRef, to model: inout ViewModel, context: BuildContext, options: Options = Options(), indent: Int = 1) {
        let data = context.data, g = context.glyphs
        let table = data.table(ref)
        guard !table.rows.isEmpty else {
            model.append(.text("Tabellen har inga rader.", .muted, indent: indent + 1))
            return
        }
        let layout = cells(table, audit: data.analysis.audit, glyphs: g, trend: options.trend)
        let headers = layout.headers
        let widths = ColumnLayout.widths(layout.columns, total: context.width - indent - 1)
        var alignments: [Alignment] = Array(repeating: .right, count: headers.count + 1)
        alignments[0] = .left
        if options.trend { alignments[headers.count - 1] = .left } // the sparkline

        // Group headings ("Helår", "Perioden jan-aug") over their columns.
        let groups = table.columns.map { $0.group ?? "" }
        if groups.contains(where: { !$0.isEmpty }) {
            var builder = LineBuilder()
            builder.space(indent)
            builder.space(widths[0])
            var column = 0
            while column < table.columns.count {
                var end = column
                while end + 1 < table.columns.count, groups[end + 1] == groups[column] { end += 1 }
                let spanWidth = (column...end).reduce(0) { $0 + (widths[$1 + 1] > 0 ? widths[$1 + 1] + 1 : 0) }
                if spanWidth > 1 {
                    builder.space(1)
                    builder.cell(groups[column], spanWidth - 1, .center, Style(.emphasis))
                }
                column = end + 1
            }
            model.append(builder.line())
        }
        model.append(Parts.headerRow([table.rowHeader] + headers, widths, alignments, indent: indent))

        // The shown rows (folded groups hide the deeper rows after them): cheap, no text.
        var shown: [Int] = []
        shown.reserveCapacity(table.rows.count)
        var hiddenBelow: Int? // rows deeper than this level are folded away
        let collapsed = context.collapsed
        for (index, row) in table.rows.enumerated() {
            let level = row.level ?? 0
            if let limit = hiddenBelow {
                if level > limit { continue }
                hiddenBelow = nil
            }
            if options.collapsible, !collapsed.isEmpty, isParent(table, index), collapsed.contains(groupId(ref, row)) { hiddenBelow = level }
            shown.append(index)
        }
        for index in shown {
            let row = table.rows[index]
            let level = row.level ?? 0
            let parent = options.collapsible && isParent(table, index)
            let folded = parent && collapsed.contains(groupId(ref, row))
            var label = String(repeating: "  ", count: level)
            if options.collapsible { label += parent ? (folded ? g.collapsed : g.expanded) + " " : "  " }
            label += row.label
            let labelStyle: Style = row.kind == .heading ? Style(.title) : row.isSum || (parent && level == 0) ? Style(.emphasis) : .normal
            var builder = LineBuilder()
            builder.space(indent)
            builder.cell(label, widths[0], .left, labelStyle)
            for (column, cell) in layout.texts[index].enumerated() where widths[column + 1] > 0 {
                builder.space(1)
                if layout.markSlots[column], widths[column + 1] > 1 {
                    builder.cell(cell.text, widths[column + 1] - 1, alignments[column + 1], cell.style)
                    let (mark, markStyle) = cell.check.mark(g)
                    builder.cell(mark, 1, .left, markStyle)
                } else {
                    builder.cell(cell.text, widths[column + 1], alignments[column + 1], cell.style)
                }
            }
            let action: LineAction = parent ? .toggle(groupId(ref, row)) : .open(Jump(view: .tableRow(ref, index)))
            model.append(builder.line(key: .tableRow(ref, index), action: action))
        }
        model.append(contentsOf: legend(error: layout.anyError, rounding: layout.anyRounding, glyphs: g, indent: indent + 1))
        if widths.dropFirst().contains(0) {
            model.append(.text("Alla kolumner syns i raddetaljen (Enter).", .muted, indent: indent + 1))
        }
        for note in table.notes ?? [] {
            model.append(contentsOf: Line.wrapped(note, width: context.width, indent: indent + 1, .muted))
        }
    }

    /// What the marks after the figures mean, for the marks the table has.
    static func legend(error: Bool, rounding: Bool, glyphs g: Glyphs, indent: Int) -> [Line] {
        var lines: [Line] = []
        if error {
            lines.append(.text("\(g.differs) fel: det tryckta talet stämmer inte med beräkningen (Enter visar raden)", .warning, indent: indent))
        }
        if rounding {
            lines.append(.text("\(g.rounding) avrundning: tryckt och beräknat skiljer sig bara av avrundning, inget fel", .muted, indent: indent))
        }
        return lines
    }

    /// The rows with a deviation in the first deviation scope (helår) and the largest size.
    struct BarRows: Sendable {
        var rows: [(Int, RowDeviation)]
        var maximum: Double
    }

    static func barRows(_ table: FinancialTable) -> BarRows {
        let scopes = table.deviationColumns
        guard let scope = scopes.first else { return BarRows(rows: [], maximum: 0) }
        let rows: [(Int, RowDeviation)] = table.rows.indices.compactMap { row in
            table.deviations(ofRow: row, columns: [scope]).first.map { (row, $0) }
        }
        return BarRows(rows: rows, maximum: rows.map { abs(Numbers.double($0.1.shown)) }.max() ?? 0)
    }

    /// Bars of each row's deviation in the first deviation scope (helår), with the value; the
    /// bars are built only when shown.
    static func appendDeviationBars(_ ref: TableRef, to model: inout ViewModel, context: BuildContext, indent: Int = 1) {
        let data = context.data
        let table = data.table(ref)
        guard let scope = table.deviationColumns.first else { return }
        let bars = barRows(table)
        guard !bars.rows.isEmpty else { return }
        let maximum = bars.maximum
        let labelWidth = min(26, max(10, context.width / 3))
        let valueWidth = 10
        let barWidth = max(0, min(41, context.width - indent - labelWidth - valueWidth - 5))
        let group = table.columns[scope.budget].group ?? table.columns[scope.budget].scope ?? ""
        model.append(Parts.heading("Avvikelse mot budget\(group.isEmpty ? "" : ", " + group.lowercased()) (\(table.unit))", indent: indent))
        let checks = cellChecks(table, audit: data.analysis.audit)
        for (row, deviation) in bars.rows {
            var builder = LineBuilder()
            builder.space(indent + 1)
            builder.cell(table.rows[row].label, labelWidth, .left, table.rows[row].isSum ? Style(.emphasis) : .normal)
            builder.space(1)
            // The printed figure, as in the table above (the computed one where none is printed).
            let value = deviation.shown
            for span in Charts.deviationBar(Numbers.double(value), maximum: maximum, width: barWidth, glyphs: context.glyphs) {
                builder.append(span)
            }
            builder.space(1)
            let digits = deviation.printed?.fractionDigits ?? max(deviation.budget.fractionDigits, deviation.compared.fractionDigits)
            let check = checks[table.rows[row].id]?[table.columns[deviation.columns.deviation].id] ?? .none
            let role: StyleRole = check == .error ? .warning : value > 0 ? .deviationGood : value < 0 ? .deviationBad : .normal
            builder.cell(Numbers.signed(value, fractionDigits: digits), valueWidth, .right, Style(role))
            let (mark, markStyle) = check.mark(context.glyphs)
            builder.cell(mark, 1, .left, markStyle)
            model.append(builder.line())
        }
    }
}

extension RowDeviation {
    /// The figure a table shows: the printed deviation, or the computed one where none is printed.
    var shown: Decimal { printed?.value ?? computed }
}
