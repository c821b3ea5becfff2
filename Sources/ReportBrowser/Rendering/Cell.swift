/// One terminal cell: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) occupies two cells: a *lead* cell with `width == 2` holding
/// the grapheme, followed by a *continuation* cell with `width == 0` (its character is a space and
/// must not be drawn). `Grid` keeps that pairing intact on every write.
public struct Cell: Sendable, Equatable {
    /// The grapheme shown in this cell (a space for blanks and continuation cells).
    public private(set) var character: Character
    /// The semantic style.
    public var style: Style
    /// Columns the grapheme takes: 1 or 2 for a lead cell, 0 for a continuation cell.
    public private(set) var width: UInt8

    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }

    /// A narrow or wide cell for `character` (sanitized and measured; zero-width and control
    /// characters become a space).
    public init(_ character: Character, style: Style = .normal) {
        let clean = TextSanitizer.sanitize(String(character))
        if let first = clean.first, clean.count == 1, DisplayWidth.of(first) > 0 {
            self.init(unchecked: first, width: UInt8(DisplayWidth.of(first)), style: style)
        } else {
            self.init(unchecked: " ", width: 1, style: style)
        }
    }

    /// Internal memberwise init for already measured graphemes.
    init(unchecked character: Character, width: UInt8, style: Style) {
        self.character = character
        self.style = style
        self.width = width
    }

    /// A space in the normal style.
    public static let blank = Cell(unchecked: " ", width: 1, style: .normal)

    /// A space in `style`.
    public static func blank(_ style: Style) -> Cell {
        Cell(unchecked: " ", width: 1, style: style)
    }

    /// The right half of a wide grapheme.
    static func continuation(_ style: Style) -> Cell {
        Cell(unchecked: " ", width: 0, style: style)
    }
}

/// One cell that differs between two frames, as produced by `Grid.changes(from:)`.
public struct CellChange: Sendable, Equatable {
    /// Column.
    public var x: Int
    /// Row.
    public var y: Int
    /// The new cell. Continuation cells are included; painters skip them (the lead draws both).
    public var cell: Cell
}
