import ReportCore

/// An indicator table: name, the years' values, a sparkline, etappmål, målvärde and status.
enum IndicatorTableWidget {
    /// Header and rows for indicators that share a table's years; each row opens the indicator.
    static func lines(_ indices: [Int], years: [Int], longTermYear: Int, context: BuildContext, indent: Int = 1) -> [Line] {
        let data = context.data, g = context.glyphs
        let items = indices.compactMap { index in data.indicator(index).map { (index, $0) } }
        guard !items.isEmpty else { return [] }
        func natural(_ header: String, _ cells: [String], cap: Int) -> Int {
            min(cap, max(DisplayWidth.of(header), cells.map { DisplayWidth.of($0) }.max() ?? 0))
        }
        var columns: [ColumnLayout.Column] = [ColumnLayout.Column(natural: items.map { DisplayWidth.of($0.1.indicator.printedName) }.max() ?? 24, minimum: 10, priority: 100, flexible: true)]
        var headers = ["Indikator"]
        var alignments: [Alignment] = [.left]
        for (offset, year) in years.enumerated() {
            let cells = items.map { offset < $0.1.indicator.values.count ? $0.1.indicator.values[offset] : "" }
            columns.append(ColumnLayout.Column(natural: natural(String(year), cells, cap: 10), priority: offset == years.count - 1 ? 60 : 10 + offset))
            headers.append(String(year))
            alignments.append(.right)
        }
        columns.append(ColumnLayout.Column(natural: max(5, years.count), priority: 30))
        headers.append("Trend")
        alignments.append(.left)
        columns.append(ColumnLayout.Column(natural: natural("Etappmål", items.map(\.1.indicator.milestoneTarget), cap: 14), priority: 50))
        headers.append("Etappmål")
        alignments.append(.right)
        let longTermHeader = "Mål \(longTermYear)"
        columns.append(ColumnLayout.Column(natural: natural(longTermHeader, items.map(\.1.indicator.longTermTarget), cap: 14), priority: 20))
        headers.append(longTermHeader)
        alignments.append(.right)
        columns.append(ColumnLayout.Column(natural: 1, priority: 99))
        headers.append("")
        alignments.append(.left)
        let unstated = context.basis == .reported && items.contains { context.status(ofIndicator: $0.0) == nil }
        columns.append(ColumnLayout.Column(natural: unstated ? DisplayWidth.of(StatusBasis.unstated) : 10, priority: 25))
        headers.append("Status")
        alignments.append(.left)
        let widths = ColumnLayout.widths(columns, total: context.width - indent - 1)

        var result = [Parts.headerRow(headers, widths, alignments, indent: indent)]
        for (index, item) in items {
            var cells: [(String, Style)] = [(item.indicator.printedName, .normal)]
            for offset in years.indices {
                cells.append((offset < item.indicator.values.count ? item.indicator.values[offset] : "", .normal))
            }
            let values = item.numericValues.map { $0.value.map(Numbers.double) }
            cells.append((Charts.sparkline(values, glyphs: g), Style(.sparkline)))
            cells.append((item.indicator.milestoneTarget, .normal))
            cells.append((item.indicator.longTermTarget, Style(.muted)))
            if let status = context.status(ofIndicator: index) {
                cells.append((g.status(status), Style(status.role)))
                cells.append((status.swedishName, Style(status.role)))
            } else {
                cells.append(("?", Style(.muted)))
                cells.append((StatusBasis.unstated, Style(.muted)))
            }
            var builder = LineBuilder()
            builder.space(indent)
            var first = true
            for (column, cell) in cells.enumerated() where widths[column] > 0 {
                if !first { builder.space(1) }
                first = false
                builder.cell(cell.0, widths[column], alignments[column], cell.1)
            }
            result.append(builder.line(key: .indicator(index), action: .open(Jump(view: .indicator(index)))))
        }
        return result
    }

    /// Up to `limit` status symbols, one per indicator, each in its colour ("+3" beyond).
    /// On the report's assessment an indicator it states nothing for is a muted "?".
    static func symbols(_ indices: [Int], data: BrowserData, glyphs: Glyphs, basis: StatusBasis = .computed, limit: Int = 8) -> [Span] {
        var builder = LineBuilder()
        for index in indices.prefix(limit) {
            guard data.indicator(index) != nil else { continue }
            if let status = data.status(ofIndicator: index, basis: basis) {
                builder.text(glyphs.status(status), Style(status.role))
            } else {
                builder.text("?", .muted)
            }
        }
        if indices.count > limit { builder.text("+\(indices.count - limit)", .muted) }
        return builder.spans
    }
}
