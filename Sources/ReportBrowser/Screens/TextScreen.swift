import ReportCore

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
                let start = model.lineCount
                model.append(contentsOf: Line.wrapped(text, width: width - 1, indent: 2))
                model.anchors[paragraph] = start..<model.lineCount
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
