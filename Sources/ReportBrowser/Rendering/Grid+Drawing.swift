/// The six glyphs of a box outline.
public struct BoxGlyphs: Sendable, Hashable {
    /// Horizontal edge.
    public var horizontal: Character
    /// Vertical edge.
    public var vertical: Character
    /// Top-left corner.
    public var topLeft: Character
    /// Top-right corner.
    public var topRight: Character
    /// Bottom-left corner.
    public var bottomLeft: Character
    /// Bottom-right corner.
    public var bottomRight: Character

    /// Creates a glyph set.
    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    /// `┌─┐│└┘`
    public static let light = BoxGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                        bottomLeft: "└", bottomRight: "┘")
    /// `╭─╮│╰╯`
    public static let rounded = BoxGlyphs(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                          bottomLeft: "╰", bottomRight: "╯")
    /// `+-+|++`, for terminals without line drawing.
    public static let ascii = BoxGlyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                        bottomLeft: "+", bottomRight: "+")
}

extension Grid {
    /// Draws `length` copies of `character` rightwards from (`x`, `y`), clipped.
    public mutating func horizontalLine(x: Int, y: Int, length: Int, character: Character = "─",
                                        style: Style = Style(.border)) {
        fill(Rect(x: x, y: y, width: length, height: 1), with: character, style: style)
    }

    /// Draws `length` copies of `character` downwards from (`x`, `y`), clipped.
    public mutating func verticalLine(x: Int, y: Int, length: Int, character: Character = "│",
                                      style: Style = Style(.border)) {
        fill(Rect(x: x, y: y, width: 1, height: length), with: character, style: style)
    }

    /// Outlines `rect` with a box and optionally puts ` title ` into the top edge.
    ///
    /// Rects narrower or lower than 2 draw only what fits; the title is truncated with "…".
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = Style(.border),
                             titleStyle: Style = Style(.title), glyphs: BoxGlyphs = .light) {
        guard !rect.isEmpty else { return }
        horizontalLine(x: rect.x, y: rect.y, length: rect.width, character: glyphs.horizontal, style: style)
        if rect.height > 1 {
            horizontalLine(x: rect.x, y: rect.maxY - 1, length: rect.width, character: glyphs.horizontal, style: style)
        }
        if rect.height > 2 {
            verticalLine(x: rect.x, y: rect.y + 1, length: rect.height - 2, character: glyphs.vertical, style: style)
            if rect.width > 1 {
                verticalLine(x: rect.maxX - 1, y: rect.y + 1, length: rect.height - 2,
                             character: glyphs.vertical, style: style)
            }
        }
        if rect.width > 1 && rect.height > 1 {
            put(glyphs.topLeft, x: rect.x, y: rect.y, style: style)
            put(glyphs.topRight, x: rect.maxX - 1, y: rect.y, style: style)
            put(glyphs.bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
            put(glyphs.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        }
        if let title, rect.width > 4 {
            put(" " + title + " ", x: rect.x + 1, y: rect.y, style: titleStyle, maxWidth: rect.width - 2)
        }
    }

    /// Writes `text` into a column of exactly `width` cells: the whole column is first filled with
    /// spaces in `style`, then the text is placed per `alignment`, cut with "…" when too long.
    ///
    /// This is the table-cell primitive: the next column never receives a stray cell.
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, width: Int,
                             alignment: Alignment, style: Style = .normal) {
        guard width > 0 else { return }
        fill(Rect(x: x, y: y, width: width, height: 1), with: " ", style: style)
        let ascii = TextSanitizer.isPlainASCII(text)
        let clean = ascii ? "" : TextSanitizer.sanitize(text)
        let textWidth = ascii ? text.utf8.count : DisplayWidth.of(clean)
        let free = max(0, width - textWidth)
        let offset = switch alignment {
        case .left: 0
        case .right: free
        case .center: free / 2
        }
        if ascii {
            put(text, x: x &+ offset, y: y, style: style, maxWidth: width - offset)
        } else if y >= 0, y < height, x &+ offset < self.width {
            let start = x &+ offset
            let (toEdge, overflow) = self.width.subtractingReportingOverflow(start)
            let limit = min(width - offset, overflow ? Int.max : toEdge)
            if limit > 0 {
                _ = putClean(clean, width: textWidth, x: start, y: y, style: style, limit: limit)
            }
        }
    }
}
