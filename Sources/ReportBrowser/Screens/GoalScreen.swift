import ReportCore

/// A KF-mål or nämndmål: its indicator table, its nämndmål or uppdrag, and its narrative.
enum GoalScreen {
    static func build(_ ref: GoalRef, _ context: BuildContext) -> ViewModel {
        let data = context.data, g = context.glyphs, width = context.width
        var model = ViewModel()
        guard let area = data.area(ref.area), let council = data.councilGoal(ref) else {
            model.emptyText = "Målet finns inte i rapporten."
            return model
        }
        let board = data.boardGoal(ref)
        model.append(contentsOf: Line.wrapped((board == nil ? "KF-mål: " : "Nämndmål: ") + data.goalTitle(ref), width: width, indent: 1, .title))
        model.append(.text("Målområde: \(area.title)", .muted, indent: 1))
        if board != nil { model.append(.text("KF-mål: \(council.title)", .muted, indent: 1)) }
        model.blank()

        let table = board?.indicatorTable ?? (board == nil ? council.indicatorTable : nil)
        let filter = FilterOptions.indicatorStatus(context.filter)
        let all = data.indicators(in: ref)
        let shown = all.filter { filter == nil || context.status(ofIndicator: $0) == filter }
        if let table {
            model.append(Parts.heading("Indikatorer"))
            if shown.isEmpty {
                model.append(.text(filter.map { "Inga indikatorer med status \($0.swedishName) (F tar bort filtret)." } ?? "Inga indikatorer.", .muted, indent: 2))
            } else {
                model.append(contentsOf: IndicatorTableWidget.lines(shown, years: table.years, longTermYear: table.longTermTargetYear, context: context))
            }
            for note in table.notes {
                model.append(contentsOf: Line.wrapped(note, width: width, indent: 2, .muted))
            }
            model.blank()
        }

        if board == nil {
            model.append(Parts.heading("Nämndmål"))
            if council.boardGoals.isEmpty { model.append(.text("Inga nämndmål.", .muted, indent: 2)) }
            for (b, goal) in council.boardGoals.enumerated() {
                let child = GoalRef(area: ref.area, council: ref.council, board: b)
                var builder = LineBuilder()
                builder.space(2)
                let symbols = IndicatorTableWidget.symbols(data.indicators(in: child), data: data, glyphs: g, basis: context.basis)
                builder.cell(goal.title, max(4, width - 16), .left)
                builder.space(1)
                for span in symbols { builder.append(span) }
                model.append(builder.line(key: .goal(child), action: .open(Jump(view: .goal(child), filter: context.filter))))
            }
            model.blank()
        }

        if let board {
            let assignments = data.assignments(in: ref)
            model.append(Parts.heading("Uppdrag"))
            if assignments.isEmpty { model.append(.text("Inga uppdrag.", .muted, indent: 2)) }
            for index in assignments {
                guard let item = data.assignment(index) else { continue }
                model.append(AssignmentsScreen.row(index, item, context: context))
            }
            model.blank()
            model.append(Parts.heading("Nämndens redovisning"))
            if board.narrative.isEmpty { model.append(.text("Ingen text.", .muted, indent: 2)) }
            for (p, paragraph) in board.narrative.enumerated() {
                let start = model.lineCount
                model.append(contentsOf: Line.wrapped(paragraph, width: width - 1, indent: 2))
                model.anchors[p] = start..<model.lineCount
                model.append(.blank)
            }
        }
        model.trimTrailingBlanks()
        return model
    }
}
