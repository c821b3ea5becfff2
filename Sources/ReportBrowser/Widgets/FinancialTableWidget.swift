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

    static func lines(_ ref: TableRef, context: BuildContext, options: Options = Options(), indent: Int = 1) -> [Line] {
        let data = context.data, g = context.glyphs
        let table = data.table(ref)
        guard !table.rows.isEmpty else { return [.text("Tabellen har inga rader.", .muted, indent: indent + 1)] }
        let deviationColumns = Set(table.deviationColumns.map(\.deviation))
        let deviationsByRow = table.rows.indices.map { row in
            Dictionary(table.deviations(ofRow: row).map { ($0.columns.deviation, $0) }, uniquingKeysWith: { first, _ in first })
        }
        // Cell texts first, so the widths fit them.
        var texts: [[(String, Style)]] = []
        for row in table.rows.indices {
            var cells: [(String, Style)] = []
            let isSum = table.rows[row].isSum
            for column in table.columns.indices {
                let printed = column < table.rows[row].cells.count ? table.rows[row].cells[column] : ""
                if deviationColumns.contains(column), let deviation = deviationsByRow[row][column] {
                    let digits = max(deviation.printed?.fractionDigits ?? 0, deviation.budget.fractionDigits, deviation.compared.fractionDigits)
                    var text = SwedishNumberFormat.format(deviation.computed, fractionDigits: digits)
                    let differs = deviation.printed.map { $0.value != deviation.computed } ?? false
                    text += differs ? g.differs : " "
                    let role: StyleRole = differs ? .warning : (deviation.computed > 0 ? .deviationGood : deviation.computed < 0 ? .deviationBad : .normal)
                    cells.append((text, Style(role, isSum ? .bold : [])))
                } else {
                    let text = deviationColumns.contains(column) && !printed.isEmpty ? printed + " " : printed
                    cells.append((text, isSum ? Style(.emphasis) : .normal))
                }
            }
            if options.trend {
                let values = table.columns.indices.map { table.number(row: row, column: $0).map { Numbers.double($0.value) } }
                cells.append((Charts.sparkline(values, glyphs: g), Style(.sparkline)))
                let numbers = table.columns.indices.compactMap { table.number(row: row, column: $0)?.value }
                if numbers.count >= 2, let previous = numbers.dropLast().last, let last = numbers.last, previous != 0 {
                    let change = (last - previous) / abs(previous) * 100
                    cells.append((Numbers.signed(change, fractionDigits: 1) + " %", Style(.muted)))
                } else {
                    cells.append(("", .normal))
                }
            }
            texts.append(cells)
        }
        var headers = table.columns.map(\.label)
        if options.trend { headers += ["Trend", "Förändr."] }
        var columns = [ColumnLayout.Column(natural: max(12, min(48, table.rows.map { DisplayWidth.of($0.label) + 2 * ($0.level ?? 0) + 2 }.max() ?? 12)),
                                           minimum: 10, priority: 100, flexible: true)]
        for index in headers.indices {
            let cellWidth = texts.map { index < $0.count ? DisplayWidth.of($0[index].0) : 0 }.max() ?? 0
            let natural = max(cellWidth, min(DisplayWidth.of(headers[index]), 12), 3)
            columns.append(ColumnLayout.Column(natural: natural, priority: 60 - index))
        }
        let widths = ColumnLayout.widths(columns, total: context.width - indent - 1)
        var alignments: [Alignment] = Array(repeating: .right, count: headers.count + 1)
        alignments[0] = .left
        if options.trend { alignments[headers.count - 1] = .left } // the sparkline

        var result: [Line] = []
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
            result.append(builder.line())
        }
        result.append(Parts.headerRow([table.rowHeader] + headers, widths, alignments, indent: indent))

        var hiddenBelow: Int? // rows deeper than this level are folded away
        for (index, row) in table.rows.enumerated() {
            let level = row.level ?? 0
            if let limit = hiddenBelow {
                if level > limit { continue }
                hiddenBelow = nil
            }
            let parent = options.collapsible && isParent(table, index)
            let folded = parent && context.collapsed.contains(groupId(ref, row))
            if folded { hiddenBelow = level }
            var label = String(repeating: "  ", count: level)
            if options.collapsible { label += parent ? (folded ? g.collapsed : g.expanded) + " " : "  " }
            label += row.label
            let labelStyle: Style = row.kind == .heading ? Style(.title) : row.isSum || (parent && level == 0) ? Style(.emphasis) : .normal
            var builder = LineBuilder()
            builder.space(indent)
            builder.cell(label, widths[0], .left, labelStyle)
            for (column, cell) in texts[index].enumerated() where widths[column + 1] > 0 {
                builder.space(1)
                builder.cell(cell.0, widths[column + 1], alignments[column + 1], cell.1)
            }
            let action: LineAction = parent ? .toggle(groupId(ref, row)) : .open(Jump(view: .tableRow(ref, index)))
            result.append(builder.line(key: .tableRow(ref, index), action: action))
        }
        let anyDiffers = deviationsByRow.contains { $0.values.contains { deviation in deviation.printed.map { $0.value != deviation.computed } ?? false } }
        if anyDiffers {
            result.append(.text("\(g.differs) tryckt avvikelse skiljer sig från den beräknade (Enter visar raden)", .warning, indent: indent + 1))
        }
        if widths.dropFirst().contains(0) {
            result.append(.text("Alla kolumner syns i raddetaljen (Enter).", .muted, indent: indent + 1))
        }
        for note in table.notes ?? [] {
            result.append(contentsOf: Line.wrapped(note, width: context.width, indent: indent + 1, .muted))
        }
        return result
    }

    /// Bars of each row's deviation in the first deviation scope (helår), with the value.
    static func deviationBars(_ ref: TableRef, context: BuildContext, indent: Int = 1) -> [Line] {
        let table = context.data.table(ref)
        guard let scope = table.deviationColumns.first else { return [] }
        let rows: [(Int, RowDeviation)] = table.rows.indices.compactMap { row in
            table.deviations(ofRow: row).first { $0.columns == scope }.map { (row, $0) }
        }
        guard !rows.isEmpty else { return [] }
        let maximum = rows.map { abs(Numbers.double($0.1.computed)) }.max() ?? 0
        let labelWidth = min(26, max(10, context.width / 3))
        let valueWidth = 10
        let barWidth = max(0, min(41, context.width - indent - labelWidth - valueWidth - 4))
        let group = table.columns[scope.budget].group ?? table.columns[scope.budget].scope ?? ""
        var result = [Parts.heading("Avvikelse mot budget\(group.isEmpty ? "" : ", " + group.lowercased()) (\(table.unit))", indent: indent)]
        for (row, deviation) in rows {
            var builder = LineBuilder()
            builder.space(indent + 1)
            builder.cell(table.rows[row].label, labelWidth, .left, table.rows[row].isSum ? Style(.emphasis) : .normal)
            builder.space(1)
            for span in Charts.deviationBar(Numbers.double(deviation.computed), maximum: maximum, width: barWidth, glyphs: context.glyphs) {
                builder.append(span)
            }
            builder.space(1)
            let digits = max(deviation.budget.fractionDigits, deviation.compared.fractionDigits)
            let role: StyleRole = deviation.computed > 0 ? .deviationGood : deviation.computed < 0 ? .deviationBad : .normal
            builder.cell(Numbers.signed(deviation.computed, fractionDigits: digits), valueWidth, .right, Style(role))
            result.append(builder.line())
        }
        return result
    }
}
