import ReportCore

/// Texter: every text of the report by group; Enter opens one to read.
enum TextsScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        var model = ViewModel()
        model.emptyText = "Rapporten har inga texter."
        var group = ""
        for (index, document) in context.data.texts.enumerated() {
            if document.group != group {
                group = document.group
                model.blank()
                model.append(Parts.heading(group))
            }
            model.append(link(index, document, context: context))
        }
        return model
    }

    static func link(_ index: Int, _ document: TextDocument, context: BuildContext) -> Line {
        var builder = LineBuilder()
        builder.space(2)
        builder.text(context.glyphs.collapsed + " ", .muted)
        builder.text(document.section.heading.isEmpty ? "(utan rubrik)" : document.section.heading)
        let words = wordCount(document.section)
        builder.text("  \(words) ord", .muted)
        return builder.line(key: .text(index), action: .open(Jump(view: .text(index))))
    }

    /// A heading and links to the texts of one group (commentary below the tables).
    static func links(group: String, title: String, context: BuildContext) -> [Line] {
        let documents = context.data.texts.enumerated().filter { $0.element.group == group }
        guard !documents.isEmpty else { return [] }
        return [.blank, Parts.heading(title)] + documents.map { link($0.offset, $0.element, context: context) }
    }

    private static func wordCount(_ section: TextSection) -> Int {
        section.paragraphs.reduce(0) { $0 + $1.split(separator: " ").count } + (section.subsections ?? []).reduce(0) { $0 + wordCount($1) }
    }
}
