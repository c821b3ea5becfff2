import ReportCore

/// Zoom (`z`): a large, simple overview for a projector — per målområde the indicator counts by
/// status in big digits, with few words.
enum ZoomScreen {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let data = state.data, g = state.glyphs
        let area = Rect(x: 0, y: 0, width: state.width, height: state.height - 1)
        grid.put(data.title, x: 0, y: 0, width: area.width, alignment: .center, style: Style(.title))
        let statuses = IndicatorStatus.allCases
        let areas = data.report.goalAreas
        let nameWidth = min(24, max(12, area.width / 4))
        let columnWidth = max(1, (area.width - nameWidth - 1) / statuses.count)
        // Column labels.
        for (index, status) in statuses.enumerated() {
            let label = "\(g.status(status)) \(status.swedishName)"
            grid.put(DisplayWidth.of(label) <= columnWidth ? label : g.status(status), x: nameWidth + 1 + index * columnWidth, y: 2,
                     width: columnWidth, alignment: .center, style: Style(status.role))
        }
        let big = area.height - 4 >= areas.count * 6 - 1 && columnWidth >= 8
        var y = 4
        for index in areas.indices {
            let counts = data.indicatorCounts(area: index)
            let rows = big ? 5 : 1
            guard y + rows <= area.maxY else { break }
            let name = TextSanitizer.wrap(data.shortAreaTitle(index), width: nameWidth - 1).prefix(rows)
            for (offset, line) in name.enumerated() {
                grid.put(line, x: 1, y: y + (rows - name.count) / 2 + offset, style: Style(.emphasis), maxWidth: nameWidth - 1)
            }
            for (column, status) in statuses.enumerated() {
                let x = nameWidth + 1 + column * columnWidth
                let style = Style(counts[status] == 0 ? .muted : status.role)
                if big {
                    let rendered = BigDigits.render(counts[status], glyph: g.bar)
                    let w = rendered.first.map { DisplayWidth.of($0) } ?? 0
                    for (offset, text) in rendered.enumerated() {
                        grid.put(text, x: x + max(0, (columnWidth - w) / 2), y: y + offset, style: style, maxWidth: columnWidth)
                    }
                } else {
                    grid.put(String(counts[status]), x: x, y: y, width: columnWidth, alignment: .center, style: style.adding(.bold))
                }
            }
            y += big ? 6 : 2
        }
        if areas.isEmpty {
            grid.put("Inga målområden", x: 0, y: 4, width: area.width, alignment: .center, style: Style(.muted))
        }
    }
}
