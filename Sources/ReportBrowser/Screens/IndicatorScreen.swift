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

        // A note printed under the table shows on the indicator it names; the table's general
        // notes show under their own heading, so nobody reads them as about this indicator.
        let tableNotes = noteTexts(item, data: data)
        if item.indicator.note != nil || !tableNotes.named.isEmpty {
            model.append(Parts.heading("Noter"))
            if let note = item.indicator.note { model.append(contentsOf: Line.wrapped(note, width: width, indent: 2)) }
            for note in tableNotes.named { model.append(contentsOf: Line.wrapped(note, width: width, indent: 2, .muted)) }
            model.blank()
        }
        if !tableNotes.general.isEmpty {
            model.append(Parts.heading(tableNotes.general.count == 1 ? "Not till tabellen" : "Noter till tabellen"))
            for note in tableNotes.general { model.append(contentsOf: Line.wrapped(note, width: width, indent: 2, .muted)) }
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

    /// The table's notes that name this indicator, and the table's general notes.
    private static func noteTexts(_ item: AnalyzedIndicator, data: BrowserData) -> (named: [String], general: [String]) {
        let ref = GoalRef(area: item.path.area, council: item.path.councilGoal, board: item.path.boardGoal)
        guard let table = ref.board == nil ? data.councilGoal(ref)?.indicatorTable : data.boardGoal(ref)?.indicatorTable else { return ([], []) }
        return (table.noteIndices(namingIndicatorAt: item.row).map { table.notes[$0] }, table.generalNoteIndices.map { table.notes[$0] })
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
