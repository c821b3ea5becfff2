import ReportCore

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
