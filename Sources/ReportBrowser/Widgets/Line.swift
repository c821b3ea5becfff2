import ReportCore

/// A run of text in one style, already measured.
struct Span: Sendable, Equatable {
    var text: String
    var style: Style
    /// Display width in columns.
    var width: Int
}

/// What a line does on Enter (or a click followed by Enter).
enum LineAction: Sendable, Equatable {
    /// Open a view on top of the current one.
    case open(Jump)
    /// Collapse or expand the group with this id.
    case toggle(String)
    /// Jump to what an audit finding concerns.
    case finding(Int)
    /// Jump to the item a change of the Förändringar screen concerns (in the open report).
    case change(Int)
    /// Ask the archive (open another report).
    case archive(ArchiveRequest)
}

/// Identifies a selectable line across rebuilds of a view's model.
enum LineKey: Sendable, Hashable {
    case area(Int)
    case goal(GoalRef)
    case indicator(Int)
    case assignment(Int)
    case tableRow(TableRef, Int)
    case process(Int?)
    case controlItem(Int)
    case text(Int)
    case finding(Int)
    case link(String)
    case change(Int)
    case historyPoint(Int)
    case periodBoard(Int)
    case areaName(String)
}

/// One line of a view: spans plus, for selectable lines, a key and an action.
struct Line: Sendable, Equatable {
    var spans: [Span]
    var key: LineKey?
    var action: LineAction?

    static let blank = Line(spans: [], key: nil, action: nil)

    /// The plain text, for search highlighting and tests.
    var text: String { spans.map(\.text).joined() }
}

/// Builds one line from spans and fixed-width cells.
struct LineBuilder {
    private(set) var spans: [Span] = []
    private(set) var width = 0

    init() {}

    /// Appends text as it is (sanitized and measured).
    mutating func text(_ text: String, _ style: Style = .normal) {
        guard !text.isEmpty else { return }
        let clean = TextSanitizer.sanitize(text)
        let w = DisplayWidth.of(clean)
        spans.append(Span(text: clean, style: style, width: w))
        width += w
    }

    mutating func text(_ text: String, _ role: StyleRole) {
        self.text(text, Style(role))
    }

    /// Appends text fitted to exactly `columns` columns (cut with "…", padded with spaces).
    mutating func cell(_ text: String, _ columns: Int, _ alignment: Alignment = .left, _ style: Style = .normal) {
        guard columns > 0 else { return }
        let fitted = TextSanitizer.fit(text, width: columns, alignment: alignment)
        spans.append(Span(text: fitted, style: style, width: columns))
        width += columns
    }

    mutating func cell(_ text: String, _ columns: Int, _ alignment: Alignment = .left, _ role: StyleRole) {
        cell(text, columns, alignment, Style(role))
    }

    mutating func space(_ columns: Int = 1) {
        guard columns > 0 else { return }
        spans.append(Span(text: String(repeating: " ", count: columns), style: .normal, width: columns))
        width += columns
    }

    /// Pads with spaces up to column `column`.
    mutating func pad(to column: Int) {
        space(column - width)
    }

    /// Appends a pre-built span.
    mutating func append(_ span: Span) {
        spans.append(span)
        width += span.width
    }

    func line(key: LineKey? = nil, action: LineAction? = nil) -> Line {
        Line(spans: spans, key: key, action: action)
    }
}

extension Line {
    /// A line of one text in one style.
    static func text(_ text: String, _ role: StyleRole = .normal, indent: Int = 0, key: LineKey? = nil, action: LineAction? = nil) -> Line {
        var builder = LineBuilder()
        builder.space(indent)
        builder.text(text, Style(role))
        return builder.line(key: key, action: action)
    }

    /// Word-wrapped text, each line indented.
    static func wrapped(_ text: String, width: Int, indent: Int = 0, _ role: StyleRole = .normal) -> [Line] {
        let room = width - indent
        guard room > 0 else { return [] }
        return TextSanitizer.wrap(text, width: room).map { Line.text($0, role, indent: indent) }
    }

    /// A label, then wrapped text aligned after it: "Förklaring  text text…".
    static func labelled(_ label: String, _ text: String, width: Int, labelWidth: Int, indent: Int = 1,
                         _ role: StyleRole = .normal) -> [Line] {
        let textIndent = indent + labelWidth + 1
        guard width - textIndent >= 8 else {
            return [Line.text(label, .emphasis, indent: indent)] + wrapped(text, width: width, indent: indent + 2, role)
        }
        let wrappedText = TextSanitizer.wrap(text.isEmpty ? "–" : text, width: width - textIndent)
        var result: [Line] = []
        for (index, part) in wrappedText.enumerated() {
            var builder = LineBuilder()
            builder.space(indent)
            if index == 0 {
                builder.cell(label, labelWidth, .left, .emphasis)
            } else {
                builder.space(labelWidth)
            }
            builder.space(1)
            builder.text(part, Style(role))
            result.append(builder.line())
        }
        return result
    }
}
