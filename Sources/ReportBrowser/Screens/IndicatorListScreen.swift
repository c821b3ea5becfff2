import Foundation
import ReportCore

/// Indikatorer: every indicator of the report with its latest value, etappmål and status.
enum IndicatorListScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        let data = context.data, g = context.glyphs
        let filter = FilterOptions.indicatorStatus(context.filter)
        var model = ViewModel()
        model.emptyText = filter.map { "Inga indikatorer med status \($0.swedishName)." } ?? "Rapporten har inga indikatorer."
        let indicators = data.analysis.indicators
        var matching: [Int] = []
        for index in indicators.indices where filter == nil || context.status(ofIndicator: index) == filter { matching.append(index) }
        let shown = matching
        let valueWidth = 13, targetWidth = 10
        let unstated = context.basis == .reported && indicators.indices.contains { context.status(ofIndicator: $0) == nil }
        let statusWidth = unstated ? 2 + DisplayWidth.of(StatusBasis.unstated) : 12
        let widths = ColumnLayout.widths([
            ColumnLayout.Column(natural: data.longestIndicatorName ?? 30, minimum: 8, priority: 100, flexible: true),
            ColumnLayout.Column(natural: valueWidth, priority: 50),
            ColumnLayout.Column(natural: targetWidth, priority: 40,
                                wanted: indicators.lazy.map { DisplayWidth.of($0.indicator.milestoneTarget) }.max() ?? 0),
            ColumnLayout.Column(natural: statusWidth, priority: 90),
        ], total: context.width - 2)
        model.header = [Parts.headerRow(["Indikator", "Senaste", "Etappmål", "Status"], widths, [.left, .right, .right, .left])]
        // One item per indicator: its målområde's heading when the område changes, then its row.
        func startsArea(_ position: Int) -> Bool {
            position == 0 || indicators[shown[position]].path.area != indicators[shown[position - 1]].path.area
        }
        func item(_ position: Int) -> [Line] {
            let index = shown[position]
            let item = indicators[index]
            var lines: [Line] = []
            if startsArea(position) { lines.append(.text(data.area(item.path.area)?.title ?? "", .title, indent: 1)) }
            let latest = Array(zip(item.years, item.indicator.values)).last { IndicatorValue(parsing: $0.1).quantity != nil }
            let cells: [(String, Alignment, Style)] = [
                (item.indicator.printedName, .left, .normal),
                (latest.map { "\($0.1) (\(String($0.0).suffix(2)))" } ?? "–", .right, .normal),
                (item.indicator.milestoneTarget, .right, .normal),
                context.status(ofIndicator: index).map { ("\(g.status($0)) \($0.swedishName)", .left, Style($0.role)) }
                    ?? ("? \(StatusBasis.unstated)", .left, Style(.muted)),
            ]
            var builder = LineBuilder()
            builder.space(1)
            var first = true
            for (column, cell) in cells.enumerated() where widths[column] > 0 {
                if !first { builder.space(1) }
                first = false
                builder.cell(cell.0, widths[column], cell.1, cell.2)
            }
            lines.append(builder.line(key: .indicator(index), action: .open(Jump(view: .indicator(index)))))
            return lines
        }
        for position in 0..<shown.count { model.append(contentsOf: item(position)) }
        return model
    }
}
