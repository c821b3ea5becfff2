/// An in-memory screen: `width × height` styled cells, row-major in one flat array.
///
/// Screens draw into a `Grid`; the terminal adapter paints it and tests read it as text.
/// Every write is clipped to the grid, so any coordinates (negative, huge) are safe, and every
/// string is passed through `TextSanitizer`, so no control character can reach a terminal.
public struct Grid: Sendable, Equatable {
    /// Number of columns (≥ 0).
    public let width: Int
    /// Number of rows (≥ 0).
    public let height: Int
    /// All cells, row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    /// Creates a grid filled with `fill` (blank by default); negative sizes become 0.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        let w = max(0, width), h = max(0, height)
        let (count, overflow) = w.multipliedReportingOverflow(by: h)
        precondition(!overflow, "grid size overflows")
        self.width = w
        self.height = h
        self.cells = Array(repeating: fill.isContinuation ? .blank : fill, count: count)
    }

    /// The whole grid as a rect at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (`x`, `y`), or a blank cell when outside the grid.
    public subscript(x x: Int, y y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y &* width &+ x]
    }

    /// Replaces one-column characters found in `replacements` by their one-column stand-ins,
    /// keeping every style and width (`--ascii` uses it as a last pass over a frame).
    public mutating func replaceCharacters(_ replacements: [Character: Character]) {
        for index in cells.indices where cells[index].width == 1 && !cells[index].character.isASCII {
            if let replacement = replacements[cells[index].character] {
                cells[index] = Cell(unchecked: replacement, width: 1, style: cells[index].style)
            }
        }
    }

    // MARK: - Low-level store keeping wide pairs intact

    /// Stores `cell` at an in-bounds position. A wide cell must have room for its continuation.
    /// Halves of wide graphemes that this write breaks are turned into blanks.
    @inline(__always)
    private mutating func store(_ cell: Cell, x: Int, y: Int) {
        let i = y &* width &+ x
        let old = cells[i]
        if old.width == 0 && x > 0 {
            cells[i - 1] = .blank(cells[i - 1].style)
        } else if old.width == 2 && cell.width != 2 && x + 1 < width {
            cells[i + 1] = .blank(cells[i + 1].style)
        }
        cells[i] = cell
        if cell.width == 2 {
            let j = i + 1
            if cells[j].width == 2 && x + 2 < width {
                cells[j + 1] = .blank(cells[j + 1].style)
            }
            cells[j] = .continuation(cell.style)
        }
    }

    /// Writes one measured grapheme at logical column `column` (may be off-grid), clipping.
    @inline(__always)
    private mutating func write(_ character: Character, width w: Int, column: Int, y: Int, style: Style) {
        if column >= 0 {
            if w == 2 {
                if column + 1 < width {
                    store(Cell(unchecked: character, width: 2, style: style), x: column, y: y)
                } else if column < width {
                    store(.blank(style), x: column, y: y) // right half would fall off the grid
                }
            } else if column < width {
                store(Cell(unchecked: character, width: 1, style: style), x: column, y: y)
            }
        } else if w == 2 && column == -1 && width > 0 {
            store(.blank(style), x: 0, y: y) // left half fell off the grid
        }
    }

    // MARK: - Text

    /// Writes `text` on row `y` starting at column `x`, returning the columns used.
    ///
    /// The text is sanitized, measured per grapheme (`DisplayWidth`) and limited to `maxWidth`
    /// columns (default: up to the right edge). Text that does not fit is cut and ends in "…";
    /// a grapheme is never split. Zero-width graphemes are skipped. Only cells inside the grid
    /// are written; the return value counts logical columns from `x`, including clipped ones.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .normal,
                             maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let (toEdge, overflow) = width.subtractingReportingOverflow(x) // x may be hugely negative
        let limit = min(max(0, maxWidth ?? Int.max), overflow ? Int.max : toEdge)
        guard limit > 0 else { return 0 }

        if TextSanitizer.isPlainASCII(text) {
            return putASCII(text.utf8, x: x, y: y, style: style, limit: limit)
        }
        let clean = TextSanitizer.sanitize(text)
        return putClean(clean, width: DisplayWidth.of(clean), x: x, y: y, style: style, limit: limit)
    }

    /// Writes already sanitized text of known display width (see `put`).
    mutating func putClean(_ clean: String, width textWidth: Int, x: Int, y: Int, style: Style, limit: Int) -> Int {
        let fits = textWidth <= limit
        let room = fits ? limit : limit - 1 // keep the last column for "…"
        var used = 0
        for character in clean {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if used + w > room { break }
            write(character, width: w, column: x &+ used, y: y, style: style)
            used += w
        }
        if !fits {
            write("…", width: 1, column: x &+ used, y: y, style: style)
            used += 1
        }
        return used
    }

    private mutating func putASCII(_ bytes: some Collection<UInt8>, x: Int, y: Int, style: Style, limit: Int) -> Int {
        let count = bytes.count
        let fits = count <= limit
        let shown = fits ? count : limit - 1
        var column = x
        var written = 0
        for byte in bytes {
            if written == shown { break }
            if column >= 0 {
                store(Cell(unchecked: Character(Unicode.Scalar(byte)), width: 1, style: style), x: column, y: y)
            }
            column += 1
            written += 1
        }
        if !fits {
            write("…", width: 1, column: column, y: y, style: style)
            return limit
        }
        return count
    }

    /// Writes a single grapheme at (`x`, `y`) and returns its width (0 when clipped or zero-width).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style = .normal) -> Int {
        guard y >= 0, y < height, x >= -1, x < width else { return 0 }
        let cell = Cell(character, style: style)
        let w = Int(cell.width)
        if x + w > width { // a wide grapheme in the last column: show a blank instead
            write(" ", width: 1, column: x, y: y, style: style)
            return 0
        }
        write(cell.character, width: w, column: x, y: y, style: style)
        return w
    }

    // MARK: - Areas

    /// Fills `rect` (clipped to the grid) with `character` in `style`.
    ///
    /// A wide `character` is placed every two columns; an odd last column gets a space.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(character, style: style)
        let step = Int(cell.width)
        for row in area.y..<area.maxY {
            var column = area.x
            while column < area.maxX {
                if step == 2 && column + 1 >= area.maxX {
                    store(.blank(style), x: column, y: row)
                } else {
                    store(cell, x: column, y: row)
                }
                column += step
            }
        }
    }

    /// Blanks `rect` (default: the whole grid) in the normal style.
    public mutating func clear(_ rect: Rect? = nil) {
        guard let rect else {
            for i in cells.indices { cells[i] = .blank }
            return
        }
        fill(rect, with: " ", style: .normal)
    }

    /// Changes the style of every cell in `rect` (clipped), keeping the characters.
    /// Useful for a selection bar drawn over already written text.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                cells[row * width + column].style = style
            }
        }
    }

    // MARK: - Reading back

    /// The grid as plain text, one string per row, trailing spaces trimmed.
    public func lines() -> [String] {
        var result: [String] = []
        result.reserveCapacity(height)
        for row in 0..<height {
            var line = ""
            let start = row * width
            for cell in cells[start..<(start + width)] where !cell.isContinuation {
                line.append(cell.character)
            }
            while line.last == " " { line.removeLast() }
            result.append(line)
        }
        return result
    }

    /// Compact style runs per row, e.g. `row 3, cols 2-9: statusNotMet` (0-based, inclusive).
    ///
    /// Cells in the plain `.normal` style are skipped; attributes are appended (`selection+bold`).
    public func styleRuns() -> [String] {
        var result: [String] = []
        for row in 0..<height {
            var column = 0
            while column < width {
                let style = cells[row * width + column].style
                var end = column
                while end + 1 < width && cells[row * width + end + 1].style == style { end += 1 }
                if style != .normal {
                    result.append("row \(row), cols \(column)-\(end): \(style)")
                }
                column = end + 1
            }
        }
        return result
    }

    // MARK: - Diff

    /// The cells that differ from `old`, row-major; every cell when `old` is nil or another size.
    public func changes(from old: Grid?) -> [CellChange] {
        var result: [CellChange] = []
        guard let old, old.width == width, old.height == height else {
            result.reserveCapacity(cells.count)
            for (i, cell) in cells.enumerated() {
                result.append(CellChange(x: i % width, y: i / width, cell: cell))
            }
            return result
        }
        cells.withUnsafeBufferPointer { new in
            old.cells.withUnsafeBufferPointer { previous in
                for i in 0..<new.count where !Grid.same(new[i], previous[i]) {
                    result.append(CellChange(x: i % width, y: i / width, cell: new[i]))
                }
            }
        }
        return result
    }

    /// Cell equality that is exact about the grapheme (a changed normalization still repaints).
    @inline(__always)
    private static func same(_ a: Cell, _ b: Cell) -> Bool {
        guard a.width == b.width, a.style == b.style, a.character == b.character else { return false }
        // `==` on Character treats NFC and NFD as equal; a changed normalization still repaints.
        let x = a.character.utf8, y = b.character.utf8
        return x.count == 1 || x.elementsEqual(y)
    }
}
