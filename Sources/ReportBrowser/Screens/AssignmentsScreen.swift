import ReportCore

/// Uppdrag: every uppdrag with its status, goal and comment; filterable by status.
enum AssignmentsScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        let data = context.data
        let filter = FilterOptions.assignmentProgress(context.filter, data: data)
        var model = ViewModel()
        model.emptyText = filter.map { "Inga uppdrag med status ”\($0.swedishName)”." } ?? "Rapporten har inga uppdrag."
        var counts = LineBuilder()
        counts.space(1)
        counts.text("Uppdrag: ", .emphasis)
        for span in Parts.progressCounts(data.analysis.assignmentCounts(), glyphs: context.glyphs, includeOther: false) { counts.append(span) }
        counts.text("  av \(data.analysis.assignments.count)", .muted)
        model.header = [counts.line()]
        var matching: [Int] = []
        for (index, item) in data.analysis.assignments.enumerated() where filter == nil || item.assignment.progress == filter {
            matching.append(index)
        }
        let shown = matching
        // One item per uppdrag: a blank line before all but the first, the row, where it
        // belongs, the comment wrapped (built only when shown; the height is counted).
        let width = context.width
        model.append(LazyItems(
            count: shown.count, selectablePerItem: 1,
            height: { position in
                guard let item = data.assignment(shown[position]) else { return 0 }
                return (position > 0 ? 1 : 0) + 2 + item.assignment.comment.reduce(0) { $0 + Line.wrappedCount($1, width: width - 1, indent: 4) }
            },
            selectable: { position in [position > 0 ? 1 : 0] },
            build: { position in
                let index = shown[position]
                guard let item = data.assignment(index) else { return [] }
                var lines: [Line] = position > 0 ? [.blank] : []
                lines.append(row(index, item, context: context))
                lines.append(.text("\(item.boardGoalTitle) · \(item.areaTitle)", .muted, indent: 4))
                for paragraph in item.assignment.comment {
                    lines += Line.wrapped(paragraph, width: width - 1, indent: 4)
                }
                return lines
            },
            locate: { key in
                guard case .assignment(let index) = key else { return nil }
                return shown.sortedPosition(of: index)
            }))
        return model
    }

    /// "✓ Blir klart i år      Title", opening the uppdrag.
    static func row(_ index: Int, _ item: AnalyzedAssignment, context: BuildContext) -> Line {
        let progress = item.assignment.progress
        var builder = LineBuilder()
        builder.space(1)
        builder.text(context.glyphs.progress(progress) + " ", Style(progress.role))
        let statusWidth = context.width >= 60 ? 20 : 0
        if statusWidth > 0 {
            builder.cell(item.assignment.status, statusWidth, .left, Style(progress.role))
            builder.space(1)
        }
        builder.cell(item.assignment.title, max(4, context.width - builder.width - 1), .left, Style(.emphasis))
        return builder.line(key: .assignment(index), action: .open(Jump(view: .assignment(index))))
    }
}

/// One uppdrag: status, where it belongs, and the whole comment.
enum AssignmentScreen {
    static func build(_ index: Int, _ context: BuildContext) -> ViewModel {
        let data = context.data, width = context.width
        var model = ViewModel()
        guard let item = data.assignment(index) else {
            model.emptyText = "Uppdraget finns inte i rapporten."
            return model
        }
        let progress = item.assignment.progress
        model.append(contentsOf: Line.wrapped(item.assignment.title, width: width, indent: 1, .title))
        model.blank()
        var status = LineBuilder()
        status.space(1)
        status.cell("Status", 10, .left, .emphasis)
        status.space(1)
        status.text("\(context.glyphs.progress(progress)) \(item.assignment.status)", Style(progress.role))
        model.append(status.line())
        let ref = GoalRef(area: item.path.area, council: item.path.councilGoal, board: item.path.boardGoal)
        model.append(.text("Nämndmål: \(item.boardGoalTitle)", .normal, indent: 1, key: .goal(ref), action: .open(Jump(view: .goal(ref)))))
        model.append(.text("Målområde: \(item.areaTitle)", .muted, indent: 1))
        model.blank()
        model.append(Parts.heading("Kommentar"))
        if item.assignment.comment.isEmpty { model.append(.text("Ingen kommentar.", .muted, indent: 2)) }
        for paragraph in item.assignment.comment {
            model.append(contentsOf: Line.wrapped(paragraph, width: width - 1, indent: 2))
            model.append(.blank)
        }
        model.trimTrailingBlanks()
        return model
    }
}
