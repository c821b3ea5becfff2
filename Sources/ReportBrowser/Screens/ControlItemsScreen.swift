import ReportCore

/// The items of one cell of the matrix (a process, filtered by status).
enum ControlItemsScreen {
    static func build(_ process: Int?, _ context: BuildContext) -> ViewModel {
        let data = context.data
        let filter = FilterOptions.controlProgress(context.filter, data: data)
        var model = ViewModel()
        let indices = process.flatMap(data.items(ofProcess:))
            ?? Array(data.analysis.internalControlItems.indices)
        let name = process.flatMap { data.processes.indices.contains($0) ? data.processes[$0] : nil } ?? "Alla processer"
        model.append(contentsOf: Line.wrapped(name + (filter.map { " · \($0.swedishName)" } ?? ""), width: context.width, indent: 1, .title))
        model.blank()
        let all = data.analysis.internalControlItems
        let shown = indices.filter { index in all.indices.contains(index) && (filter == nil || data.index.controlProgress[index] == filter) }
        if shown.isEmpty { model.append(.text("Inga åtgärder\(filter.map { " med status ”\($0.swedishName)”" } ?? "") (f byter status).", .muted, indent: 2)) }
        model.append(contentsOf: items(shown, context: context))
        return model
    }

    /// The items (indices into the report's items), each with its comment.
    static func items(_ indices: [Int], context: BuildContext) -> [Line] {
        indices.flatMap { index in context.data.controlItem(index).map { item(index, $0, context: context) } ?? [] }
    }

    /// An item's line (opening it) and its comment, wrapped.
    static func item(_ index: Int, _ item: InternalControlItem, context: BuildContext) -> [Line] {
        let progress = item.progress
        var builder = LineBuilder()
        builder.space(2)
        builder.text(context.glyphs.progress(progress) + " ", Style(progress.role))
        builder.cell(item.title, max(4, context.width - builder.width - 1), .left, Style(.emphasis))
        var result = [builder.line(key: .controlItem(index), action: .open(Jump(view: .controlItem(index))))]
        result.append(.text("\(item.status) · \(item.process)", .muted, indent: 4))
        for paragraph in item.comment {
            result += Line.wrapped(paragraph, width: context.width - 1, indent: 4)
        }
        return result
    }
}
