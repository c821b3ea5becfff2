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
        // belongs, the comment wrapped.
        let width = context.width
        func item(_ position: Int) -> [Line] {
            let index = shown[position]
            guard let item = data.assignment(index) else { return [] }
            var lines: [Line] = position > 0 ? [.blank] : []
            lines.append(row(index, item, context: context))
            lines.append(.text("\(item.boardGoalTitle) · \(item.areaTitle)", .muted, indent: 4))
            for paragraph in item.assignment.comment {
                lines += Line.wrapped(paragraph, width: width - 1, indent: 4)
            }
            return lines
        }
        for position in 0..<shown.count { model.append(contentsOf: item(position)) }
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
