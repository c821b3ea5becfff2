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

/// A text to read: heading, paragraphs and sub-headings, wrapped.
enum TextScreen {
    static func build(_ index: Int, _ context: BuildContext) -> ViewModel {
        var model = ViewModel()
        guard let document = context.data.text(index) else {
            model.emptyText = "Texten finns inte i rapporten."
            return model
        }
        let width = min(context.width, 100)
        var paragraph = 0
        func add(_ section: TextSection, depth: Int) {
            if !section.heading.isEmpty {
                model.append(contentsOf: Line.wrapped(section.heading, width: width, indent: 2, depth == 0 ? .title : .emphasis))
                model.append(.blank)
            }
            for text in section.paragraphs {
                let start = model.fixedLineCount
                model.append(contentsOf: Line.wrapped(text, width: width - 1, indent: 2))
                model.anchors[paragraph] = start..<model.fixedLineCount
                paragraph += 1
                model.append(.blank)
            }
            if let note = section.note {
                model.append(contentsOf: Line.wrapped("Anm.: \(note)", width: width - 1, indent: 2, .muted))
                model.append(.blank)
            }
            for sub in section.subsections ?? [] { add(sub, depth: depth + 1) }
        }
        if document.group != document.section.heading { model.append(.text(document.group, .muted, indent: 2)) }
        add(document.section, depth: 0)
        model.trimTrailingBlanks()
        return model
    }
}
