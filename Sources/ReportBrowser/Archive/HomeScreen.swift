import ReportCore

/// The archive home: boards down, periods across, each cell a small stacked bar of the report's
/// indicators by status (uppnås, närmar sig, uppnås ej, ej bedömd). Drawn straight into the grid,
/// like the zoom screen, from `AppState.archive.home`.
enum HomeScreen {
    /// Columns of one cell: a bracket, the bar, a bracket (the brackets mark the selected cell).
    static let cellWidth = 9
    static let barWidth = 7

    struct Layout {
        var legend: Bool
        var headingLines: Int
        var firstRow: Int
        var rows: Int
        var nameWidth: Int
        var columns: Int
    }

    static func layout(_ state: AppState) -> Layout {
        let legend = state.height >= 12
        let headingLines = state.height >= 10 ? 2 : 1
        let firstRow = 2 + (legend ? 1 : 0) + headingLines
        let rows = max(1, state.height - 2 - firstRow)
        let longest = state.archive.home?.axes.boards.map { DisplayWidth.of(name($0, state)) }.max() ?? 10
        let nameWidth = min(max(8, longest), max(8, min(36, state.width * 2 / 5)))
        let columns = max(1, (state.width - 2 - nameWidth) / cellWidth)
        return Layout(legend: legend, headingLines: headingLines, firstRow: firstRow, rows: rows, nameWidth: nameWidth, columns: columns)
    }

    static func bodyRows(_ state: AppState) -> Int { layout(state).rows }

    /// A board's name; with several municipalities also the municipality.
    static func name(_ board: HomeBoard, _ state: AppState) -> String {
        guard let boards = state.archive.home?.axes.boards, let first = boards.first,
              boards.contains(where: { $0.municipality != first.municipality }) else { return board.board }
        return "\(board.municipality): \(board.board)"
    }

    /// The name in `width` columns; a trailing parenthesis (the "(genererad testdata)" label of a
    /// generated board) stays visible when the name is cut (`TextSanitizer.truncateKeepingLabel`).
    static func fitted(_ name: String, _ width: Int) -> String {
        TextSanitizer.truncateKeepingLabel(name, width: width)
    }

    /// The first period column shown: the selected column stays on screen, the latest at the right.
    static func firstColumn(_ home: HomeState, columns: Int) -> Int {
        max(0, min(home.column - columns + 1, home.axes.periods.count - columns))
    }

    static func draw(_ state: AppState, into grid: inout Grid) {
        guard let home = state.archive.home else { return }
        let g = state.glyphs
        let axes = home.axes
        let layout = layout(state)
        let width = state.width
        // Header and breadcrumb.
        grid.fill(Rect(x: 0, y: 0, width: width, height: 1), style: Style(.header))
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let counts = [count(axes.reportCount, "rapport", "rapporter"), count(axes.boards.count, "nämnd", "nämnder"),
                      count(axes.periods.count, "period", "perioder")].joined(separator: " · ")
        grid.put(" Malkoll · Arkiv · \(counts)", x: 0, y: 0, style: Style(.header), maxWidth: width)
        var x = grid.put(" Arkiv", x: 0, y: 1, style: Style(.breadcrumb, .bold))
        if state.hasReport {
            x += grid.put(g.separator + "öppen: ", x: x, y: 1, style: Style(.muted))
            grid.put(fitted(state.data.title, max(0, width - x)), x: x, y: 1, style: Style(.breadcrumb), maxWidth: max(0, width - x))
        }
        var y = 2
        if layout.legend {
            var legend = LineBuilder()
            legend.text(" Indikatorer: ", .muted)
            for (index, status) in IndicatorStatus.allCases.enumerated() {
                if index > 0 { legend.space(2) }
                let mark = state.theme.usesColor ? g.status(status) : String(g.segmentFills[index])
                legend.text("\(mark) \(status.swedishName)", Style(status.role))
            }
            Chrome.draw(legend.line(), y: y, state: state, into: &grid)
            y += 1
        }
        guard !axes.boards.isEmpty else {
            grid.put(" Arkivet är tomt – lägg till rapporter med malkoll archive add FIL", x: 0, y: y, style: Style(.muted), maxWidth: width)
            drawStatus(state, home, into: &grid)
            return
        }
        // Column headings: the kind and the month each period ends.
        let first = firstColumn(home, columns: layout.columns)
        let shown = first..<min(axes.periods.count, first + layout.columns)
        let left = 2 + layout.nameWidth
        grid.put("Nämnd", x: 1, y: y + layout.headingLines - 1, style: Style(.muted), maxWidth: layout.nameWidth)
        if first > 0 { grid.put(g.ascii ? "<" : "◂", x: left - 1, y: y + layout.headingLines - 1, style: Style(.muted)) }
        for column in shown {
            let period = axes.periods[column]
            let cx = left + (column - first) * cellWidth + 1
            let style = column == home.column ? Style(.selection, .bold) : Style(.muted)
            if layout.headingLines == 2 {
                grid.put(period.kindShort, x: cx, y: y, width: barWidth, alignment: .left, style: style)
                grid.put(String(period.periodEnd.prefix(7)), x: cx, y: y + 1, width: barWidth, alignment: .left, style: style)
            } else {
                grid.put("\(period.kindShort.prefix(1)) \(period.periodEnd.dropFirst(2).prefix(5))", x: cx, y: y, width: barWidth, alignment: .left, style: style)
            }
        }
        if shown.upperBound < axes.periods.count {
            grid.put(g.ascii ? ">" : "▸", x: min(width - 1, left + shown.count * cellWidth), y: y + layout.headingLines - 1, style: Style(.muted))
        }
        y = layout.firstRow
        // Rows.
        for row in home.scroll..<min(axes.boards.count, home.scroll + layout.rows) {
            let selectedRow = row == home.row
            grid.put(fitted(name(axes.boards[row], state), layout.nameWidth), x: 1, y: y, width: layout.nameWidth, alignment: .left,
                     style: selectedRow ? Style(.selection, .bold) : Style(.emphasis))
            for column in shown {
                let cx = left + (column - first) * cellWidth
                if let cell = home.cell(row: row, column: column) {
                    var bx = cx + 1
                    let bar = Charts.stackedBar(IndicatorStatus.allCases.map { (cell.counts[$0], $0.role) }, width: barWidth,
                                                color: state.theme.usesColor, glyphs: g)
                    for span in bar { bx += grid.put(span.text, x: bx, y: y, style: span.style) }
                } else {
                    let text = home.cells[row] == nil ? "…" : (g.ascii ? "-" : "·")
                    grid.put(text, x: cx + 1, y: y, width: barWidth, alignment: .center, style: Style(.muted))
                }
                if selectedRow && column == home.column {
                    grid.put("[", x: cx, y: y, style: Style(.selection, .bold))
                    grid.put("]", x: cx + 1 + barWidth, y: y, style: Style(.selection, .bold))
                }
            }
            y += 1
        }
        drawStatus(state, home, into: &grid)
    }

    /// The status line: the selected cell's report and its counts; the row number at the right.
    static func drawStatus(_ state: AppState, _ home: HomeState, into grid: inout Grid) {
        let y = state.height - 2
        guard y > 1 else { return }
        let right = home.axes.boards.isEmpty ? "" : "\(home.row + 1)/\(home.axes.boards.count)"
        let rightWidth = DisplayWidth.of(right)
        if rightWidth > 0, rightWidth + 2 <= state.width {
            grid.put(right, x: state.width - rightWidth - 1, y: y, style: Style(.muted))
        }
        let room = max(0, state.width - rightWidth - 3)
        if let message = state.message {
            grid.put(message.text, x: 0, y: y, style: Style(message.role), maxWidth: room)
            return
        }
        guard home.axes.boards.indices.contains(home.row), home.axes.periods.indices.contains(home.column) else { return }
        var line = LineBuilder()
        if let cell = home.cell(row: home.row, column: home.column) {
            // The report's name keeps a generated report's label; the counts go first.
            line.text(fitted("\(cell.period.kind) \(cell.period.period)", room), .emphasis)
            line.space(2)
            for span in Parts.statusCounts(cell.counts, glyphs: state.glyphs) { line.append(span) }
        } else if home.cells[home.row] == nil {
            line.text("Läser …", .muted)
        } else {
            let period = home.axes.periods[home.column]
            line.text("Ingen rapport för \(period.kind) \(period.period)", .muted)
        }
        var x = 0
        for span in line.spans where x < room {
            x += grid.put(span.text, x: x, y: y, style: span.style, maxWidth: room - x)
        }
    }
}
