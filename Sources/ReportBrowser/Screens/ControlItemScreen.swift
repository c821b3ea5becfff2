import ReportCore

/// One internal-control item with all its details.
enum ControlItemScreen {
    static func build(_ index: Int, _ context: BuildContext) -> ViewModel {
        let g = context.glyphs, width = context.width
        var model = ViewModel()
        guard let item = context.data.controlItem(index) else {
            model.emptyText = "Åtgärden finns inte i rapporten."
            return model
        }
        model.append(contentsOf: Line.wrapped(item.title, width: width, indent: 1, .title))
        model.append(.text(item.kind.swedishName, .muted, indent: 1))
        model.blank()
        let labelWidth = 16
        var status = LineBuilder()
        status.space(1)
        status.cell("Status", labelWidth, .left, .emphasis)
        status.space(1)
        status.text("\(g.progress(item.progress)) \(item.status)", Style(item.progress.role))
        model.append(status.line())
        model.append(contentsOf: Line.labelled("Process", item.process, width: width, labelWidth: labelWidth))
        for detail in item.details {
            model.append(contentsOf: Line.labelled(detail.label, detail.text, width: width, labelWidth: labelWidth))
        }
        model.blank()
        model.append(Parts.heading("Kommentar"))
        if item.comment.isEmpty { model.append(.text("Ingen kommentar.", .muted, indent: 2)) }
        for paragraph in item.comment {
            model.append(contentsOf: Line.wrapped(paragraph, width: width - 1, indent: 2))
            model.append(.blank)
        }
        model.trimTrailingBlanks()
        return model
    }
}
