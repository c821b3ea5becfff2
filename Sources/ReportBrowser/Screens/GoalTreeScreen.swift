import ReportCore

/// Mål: målområde → KF-mål → nämndmål, with each goal's indicator statuses and uppdrag count.
/// A målområde folds with Enter; a goal opens.
enum GoalTreeScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        let data = context.data, g = context.glyphs
        let filter = FilterOptions.indicatorStatus(context.filter)
        var model = ViewModel()
        model.emptyText = filter.map { "Inga mål har indikatorer med status \($0.swedishName)." } ?? "Rapporten har inga målområden."
        let rightWidth = 20
        func matches(_ indices: [Int]) -> Bool {
            guard let filter else { return true }
            return indices.contains { context.status(ofIndicator: $0) == filter }
        }
        func row(_ indent: Int, _ title: String, _ role: StyleRole, _ indices: [Int], assignments: Int?, prefix: String = "") -> LineBuilder {
            var builder = LineBuilder()
            builder.space(indent)
            let titleWidth = max(4, context.width - indent - rightWidth - 2)
            builder.cell(prefix + title, titleWidth, .left, Style(role))
            builder.space(1)
            let symbols = IndicatorTableWidget.symbols(indices, data: data, glyphs: g, basis: context.basis)
            for span in symbols { builder.append(span) }
            builder.space(max(1, 10 - Parts.width(symbols)))
            if let assignments, assignments > 0 { builder.text("\(assignments) uppdrag", .muted) }
            return builder
        }
        // One item per målområde: its row and, unless folded, its KF-mål and nämndmål (every
        // line selectable).
        let areas = data.report.goalAreas
        func areaIndicators(_ a: Int) -> [Int] {
            areas[a].councilGoals.indices.flatMap { data.indicators(in: GoalRef(area: a, council: $0, board: nil), includingBoardGoals: true) }
        }
        func item(_ a: Int) -> [Line] {
            let area = areas[a]
            let indicatorsOfArea = areaIndicators(a)
            guard matches(indicatorsOfArea) else { return [] }
            var lines: [Line] = []
            let group = "area-\(a)"
            let folded = context.collapsed.contains(group)
            let areaAssignments = data.assignmentCounts(area: a).total
            let line = row(1, area.title, .title, indicatorsOfArea, assignments: areaAssignments, prefix: (folded ? g.collapsed : g.expanded) + " ")
            lines.append(line.line(key: .area(a), action: .toggle(group)))
            if folded { return lines }
            for (c, council) in area.councilGoals.enumerated() {
                let kf = GoalRef(area: a, council: c, board: nil)
                guard matches(data.indicators(in: kf, includingBoardGoals: true)) else { continue }
                let kfLine = row(3, council.title, .emphasis, data.indicators(in: kf), assignments: nil, prefix: "KF-mål: ")
                lines.append(kfLine.line(key: .goal(kf), action: .open(Jump(view: .goal(kf), filter: context.filter))))
                for (b, board) in council.boardGoals.enumerated() {
                    let ref = GoalRef(area: a, council: c, board: b)
                    let indices = data.indicators(in: ref)
                    guard filter == nil || matches(indices) else { continue }
                    let boardLine = row(5, board.title, .normal, indices, assignments: data.assignments(in: ref).count)
                    lines.append(boardLine.line(key: .goal(ref), action: .open(Jump(view: .goal(ref), filter: context.filter))))
                }
            }
            return lines
        }
        for a in 0..<areas.count { model.append(contentsOf: item(a)) }
        return model
    }
}
