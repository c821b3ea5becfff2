import Foundation
import ReportCore

/// One indicator: every value, the parsed target, computed and reported status with the
/// explanation, notes, and where it sits in the goal tree.
enum IndicatorScreen {
    static func build(_ index: Int, _ context: BuildContext) -> ViewModel {
        let data = context.data, g = context.glyphs, width = context.width
        var model = ViewModel()
        guard let item = data.indicator(index) else {
            model.emptyText = "Indikatorn finns inte i rapporten."
            return model
        }
        let evaluation = item.evaluation
        model.append(contentsOf: Line.wrapped(item.indicator.printedName, width: width, indent: 1, .title))
        model.blank()
        let labelWidth = 14
        func statusLine(_ label: String, _ status: IndicatorStatus, _ extra: String = "") -> Line {
            var builder = LineBuilder()
            builder.space(1)
            builder.cell(label, labelWidth, .left, .emphasis)
            builder.space(1)
            builder.text("\(g.status(status)) \(status.swedishName)", Style(status.role))
            builder.text(extra, .muted)
            return builder.line()
        }
        model.append(statusLine("Status", evaluation.status, evaluation.isOverridden ? "  (manuellt satt)" : ""))
        model.append(statusLine("Beräknad", evaluation.computedStatus, evaluation.valueYear.map { "  (värdet för \($0))" } ?? ""))
        if let reported = item.indicator.reportedStatus {
            let basis = reported.basis == .stated ? "  (enligt rapportens text)" : "  (härlett ur sammanfattningens antal)"
            model.append(statusLine("Rapporten", reported.status, basis + (evaluation.disagreesWithReport ? "  – skiljer sig!" : "")))
            if !reported.quote.isEmpty {
                model.append(contentsOf: Line.labelled("", "”\(reported.quote)”", width: width, labelWidth: labelWidth, .muted))
            }
        } else {
            model.append(contentsOf: Line.labelled("Rapporten", "anger ingen egen bedömning av indikatorn", width: width, labelWidth: labelWidth, .muted))
        }
        model.append(contentsOf: Line.labelled("Förklaring", evaluation.explanation, width: width, labelWidth: labelWidth))
        if let override = item.indicator.override {
            model.append(contentsOf: Line.labelled("Manuellt", "\(override.status.swedishName): \(override.reason)", width: width, labelWidth: labelWidth))
        }
        model.blank()

        model.append(Parts.heading("Värden"))
        let numbers = item.numericValues
        let maximum = numbers.compactMap { $0.value.map { abs(Numbers.double($0)) } }.max() ?? 0
        let valueWidth = max(6, item.indicator.values.map { DisplayWidth.of($0) }.max() ?? 0)
        let barWidth = max(0, min(30, width - 2 - 6 - valueWidth - 4))
        for (offset, year) in item.years.enumerated() {
            let printed = offset < item.indicator.values.count ? item.indicator.values[offset] : ""
            var builder = LineBuilder()
            builder.space(2)
            builder.cell(String(year), 5, .left, year == evaluation.valueYear ? Style(.emphasis) : .normal)
            builder.space(1)
            builder.cell(printed.isEmpty ? "–" : printed, valueWidth, .right, printed.isEmpty ? Style(.muted) : .normal)
            builder.space(2)
            if offset < numbers.count, let value = numbers[offset].value, maximum > 0, barWidth > 0 {
                let length = max(1, Int((abs(Numbers.double(value)) / maximum * Double(barWidth)).rounded()))
                builder.text(String(repeating: g.bar, count: length), .sparkline)
            } else if printed.isEmpty || printed == "-" {
                builder.text("inget värde", .muted)
            }
            model.append(builder.line())
        }
        let values = numbers.map { $0.value.map(Numbers.double) }
        var trend = LineBuilder()
        trend.space(2)
        trend.cell("Trend", 5, .left, .muted)
        trend.space(1)
        trend.text(Charts.sparkline(values, glyphs: g), .sparkline)
        model.append(trend.line())
        model.blank()

        model.append(Parts.heading("Mål"))
        let milestoneYear = evaluation.valueYear ?? data.analysis.rule.assessedYear
        model.append(contentsOf: Line.labelled("Etappmål", targetText(item.indicator.milestoneTarget, year: milestoneYear), width: width, labelWidth: labelWidth))
        model.append(contentsOf: Line.labelled("Målvärde", targetText(item.indicator.longTermTarget, year: item.longTermTargetYear), width: width, labelWidth: labelWidth))
        let direction = evaluation.direction ?? item.indicator.direction
        model.append(contentsOf: Line.labelled("Riktning", direction.map { $0 == .higherIsBetter ? "högre värde är bättre" : "lägre värde är bättre" } ?? "okänd",
                                               width: width, labelWidth: labelWidth))
        model.blank()

        let tableNotes = noteTexts(item, data: data)
        if item.indicator.note != nil || !tableNotes.isEmpty {
            model.append(Parts.heading("Noter"))
            if let note = item.indicator.note { model.append(contentsOf: Line.wrapped(note, width: width, indent: 2)) }
            for note in tableNotes { model.append(contentsOf: Line.wrapped(note, width: width, indent: 2, .muted)) }
            model.blank()
        }

        model.append(Parts.heading("Plats i målträdet"))
        let kf = GoalRef(area: item.path.area, council: item.path.councilGoal, board: nil)
        model.append(.text("Målområde: \(item.areaTitle)", .normal, indent: 2, key: .area(item.path.area),
                           action: .open(Jump(view: .goalTree, focus: .area(item.path.area)))))
        model.append(.text("KF-mål: \(item.councilGoalTitle)", .normal, indent: 4, key: .goal(kf), action: .open(Jump(view: .goal(kf)))))
        if let board = item.path.boardGoal, let title = item.boardGoalTitle {
            let ref = GoalRef(area: item.path.area, council: item.path.councilGoal, board: board)
            model.append(.text("Nämndmål: \(title)", .normal, indent: 6, key: .goal(ref), action: .open(Jump(view: .goal(ref)))))
        }
        return model
    }

    private static func noteTexts(_ item: AnalyzedIndicator, data: BrowserData) -> [String] {
        let ref = GoalRef(area: item.path.area, council: item.path.councilGoal, board: item.path.boardGoal)
        let table = ref.board == nil ? data.councilGoal(ref)?.indicatorTable : data.boardGoal(ref)?.indicatorTable
        return table?.notes ?? []
    }

    /// "≥2 (2021) → minst 2 %", or why it cannot be compared.
    static func targetText(_ printed: String, year: Int) -> String {
        let shown = printed.isEmpty ? "inget angivet" : "\(printed) (\(year))"
        switch Target(parsing: printed) {
        case .none: return shown
        case .numeric(let target):
            let unit = target.unit.map { " \($0)" } ?? ""
            let words: String
            if target.isIncrease {
                words = "en ökning med \(target.number.text)\(unit)"
            } else {
                switch target.comparator {
                case .atLeast: words = "minst \(target.number.text)\(unit)"
                case .greaterThan: words = "mer än \(target.number.text)\(unit)"
                case .lessThan: words = "mindre än \(target.number.text)\(unit)"
                case .atMost: words = "högst \(target.number.text)\(unit)"
                case .plain: words = "\(target.number.text)\(unit) eller bättre"
                }
            }
            return "\(shown) – tolkat som \(words)"
        case .symbolic(let symbolic):
            return "\(shown) – \(symbolic.swedishDescription); rapporten har inget jämförelsetal"
        case .unreadable(_, let reason):
            return "\(shown) – kan inte tolkas: \(reason)"
        }
    }
}

/// Indikatorer: every indicator of the report with its latest value, etappmål and status.
enum IndicatorListScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        let data = context.data, g = context.glyphs
        let filter = FilterOptions.indicatorStatus(context.filter)
        var model = ViewModel()
        model.emptyText = filter.map { "Inga indikatorer med status \($0.swedishName)." } ?? "Rapporten har inga indikatorer."
        let indicators = data.analysis.indicators
        var matching: [Int] = []
        for index in indicators.indices where filter == nil || indicators[index].evaluation.status == filter { matching.append(index) }
        let shown = matching
        let valueWidth = 13, targetWidth = 10, statusWidth = 12
        let widths = ColumnLayout.widths([
            ColumnLayout.Column(natural: data.longestIndicatorName ?? 30, minimum: 8, priority: 100, flexible: true),
            ColumnLayout.Column(natural: valueWidth, priority: 50),
            ColumnLayout.Column(natural: targetWidth, priority: 40,
                                wanted: indicators.lazy.map { DisplayWidth.of($0.indicator.milestoneTarget) }.max() ?? 0),
            ColumnLayout.Column(natural: statusWidth, priority: 90),
        ], total: context.width - 2)
        model.header = [Parts.headerRow(["Indikator", "Senaste", "Etappmål", "Status"], widths, [.left, .right, .right, .left])]
        // One item per indicator: its målområde's heading when the område changes, then its row.
        @Sendable func startsArea(_ position: Int) -> Bool {
            position == 0 || indicators[shown[position]].path.area != indicators[shown[position - 1]].path.area
        }
        model.append(LazyItems(
            count: shown.count, selectablePerItem: 1,
            height: { startsArea($0) ? 2 : 1 },
            selectable: { startsArea($0) ? [1] : [0] },
            build: { position in
                let index = shown[position]
                let item = indicators[index]
                var lines: [Line] = []
                if startsArea(position) { lines.append(.text(data.area(item.path.area)?.title ?? "", .title, indent: 1)) }
                let latest = Array(zip(item.years, item.indicator.values)).last { IndicatorValue(parsing: $0.1).quantity != nil }
                let cells: [(String, Alignment, Style)] = [
                    (item.indicator.printedName, .left, .normal),
                    (latest.map { "\($0.1) (\(String($0.0).suffix(2)))" } ?? "–", .right, .normal),
                    (item.indicator.milestoneTarget, .right, .normal),
                    ("\(g.status(item.evaluation.status)) \(item.evaluation.status.swedishName)", .left, Style(item.evaluation.status.role)),
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
            },
            locate: { key in
                guard case .indicator(let index) = key else { return nil }
                return shown.sortedPosition(of: index)
            }))
        return model
    }
}
