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
        }
        var texts: [[Cell]]
        var headers: [String]
        var columns: [ColumnLayout.Column]
        var anyDiffers: Bool
    }

    /// One row's cell texts, and whether a printed deviation differs from the computed one.
    private static func rowCells(_ table: FinancialTable, _ row: Int, deviationScopes: [DeviationColumns], deviationColumns: Set<Int>,
                                 glyphs g: Glyphs, trend: Bool) -> ([Cells.Cell], Bool) {
        let deviations = Dictionary(table.deviations(ofRow: row, columns: deviationScopes).map { ($0.columns.deviation, $0) },
                                    uniquingKeysWith: { first, _ in first })
        let anyDiffers = deviations.values.contains { deviation in deviation.printed.map { $0.value != deviation.computed } ?? false }
        var cells: [Cells.Cell] = []
        let isSum = table.rows[row].isSum
        for column in table.columns.indices {
            let printed = column < table.rows[row].cells.count ? table.rows[row].cells[column] : ""
            if deviationColumns.contains(column), let deviation = deviations[column] {
                let digits = max(deviation.printed?.fractionDigits ?? 0, deviation.budget.fractionDigits, deviation.compared.fractionDigits)
                var text = SwedishNumberFormat.format(deviation.computed, fractionDigits: digits)
                let differs = deviation.printed.map { $0.value != deviation.computed } ?? false
                text += differs ? g.differs : " "
                let role: StyleRole = differs ? .warning : (deviation.computed > 0 ? .deviationGood : deviation.computed < 0 ? .deviationBad : .normal)
                cells.append(Cells.Cell(text: text, style: Style(role, isSum ? .bold : [])))
            } else {
                let text = deviationColumns.contains(column) && !printed.isEmpty ? printed + " " : printed
                cells.append(Cells.Cell(text: text, style: isSum ? Style(.emphasis) : .normal))
            }
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
        return (cells, anyDiffers)
    }

    static func cells(_ table: FinancialTable, glyphs g: Glyphs, trend: Bool) -> Cells {
        let deviationScopes = table.deviationColumns
        let deviationColumns = Set(deviationScopes.map(\.deviation))
        // Cell texts first, so the widths fit them.
        let headerCount = table.columns.count + (trend ? 2 : 0)
        var texts: [[Cells.Cell]] = []
        texts.reserveCapacity(table.rows.count)
        var anyDiffers = false
        var cellWidths = Array(repeating: 0, count: headerCount)
        for row in table.rows.indices {
            let (cells, differs) = rowCells(table, row, deviationScopes: deviationScopes, deviationColumns: deviationColumns, glyphs: g, trend: trend)
            for (index, cell) in cells.enumerated() where index < headerCount {
                cellWidths[index] = max(cellWidths[index], DisplayWidth.of(cell.text))
            }
            texts.append(cells)
            if differs { anyDiffers = true }
        }
        var headers = table.columns.map(\.label)
        if trend { headers += ["Trend", "Förändr."] }
        var columns = [ColumnLayout.Column(natural: max(12, min(48, table.rows.map { DisplayWidth.of($0.label) + 2 * ($0.level ?? 0) + 2 }.max() ?? 12)),
                                           minimum: 10, priority: 100, flexible: true)]
        for index in headers.indices {
            let natural = max(cellWidths[index], min(DisplayWidth.of(headers[index]), 12), 3)
            columns.append(ColumnLayout.Column(natural: natural, priority: 60 - index))
        }
        return Cells(texts: texts, headers: headers, columns: columns, anyDiffers: anyDiffers)
    }

    /// Appends the table: its headings, one lazily built line per shown row, and the notes.
    static func append(_ ref: TableRef, to model: inout ViewModel, context: BuildContext, options: Options = Options(), indent: Int = 1) {
        let data = context.data, g = context.glyphs
        let table = data.table(ref)
        guard !table.rows.isEmpty else {
            model.append(.text("Tabellen har inga rader.", .muted, indent: indent + 1))
            return
        }
        let layout = cells(table, glyphs: g, trend: options.trend)
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
                builder.cell(cell.text, widths[column + 1], alignments[column + 1], cell.style)
            }
            let action: LineAction = parent ? .toggle(groupId(ref, row)) : .open(Jump(view: .tableRow(ref, index)))
            model.append(builder.line(key: .tableRow(ref, index), action: action))
        }
        if layout.anyDiffers {
            model.append(.text("\(g.differs) tryckt avvikelse skiljer sig från den beräknade (Enter visar raden)", .warning, indent: indent + 1))
        }
        if widths.dropFirst().contains(0) {
            model.append(.text("Alla kolumner syns i raddetaljen (Enter).", .muted, indent: indent + 1))
        }
        for note in table.notes ?? [] {
            model.append(contentsOf: Line.wrapped(note, width: context.width, indent: indent + 1, .muted))
        }
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
        return BarRows(rows: rows, maximum: rows.map { abs(Numbers.double($0.1.computed)) }.max() ?? 0)
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
        let barWidth = max(0, min(41, context.width - indent - labelWidth - valueWidth - 4))
        let group = table.columns[scope.budget].group ?? table.columns[scope.budget].scope ?? ""
        model.append(Parts.heading("Avvikelse mot budget\(group.isEmpty ? "" : ", " + group.lowercased()) (\(table.unit))", indent: indent))
        for (row, deviation) in bars.rows {
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
            model.append(builder.line())
        }
    }
}
