/// A key press (or other input) as the browser understands it, independent of any terminal.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    /// A printable grapheme, including space (`.char(" ")`) and typed letters like `å`.
    case char(Character)
    /// Enter / Return.
    case enter
    /// Escape pressed on its own.
    case escape
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Backspace (also Ctrl-H and DEL as sent by most terminals).
    case backspace
    /// Delete (forward).
    case delete
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Function key F1…F12 (`.function(1)` is F1).
    case function(Int)
    /// Ctrl plus a key, with letters in lower case: Ctrl-C is `.ctrl("c")`.
    case ctrl(Character)
    /// The terminal now has this size (scripted `<resize WxH>`; the live adapter reports resizes
    /// as its own event type).
    case resize(width: Int, height: Int)
    /// A mouse event (only when mouse support was switched on).
    case mouse(MouseEvent)

    /// Vim-style notation: `q`, `<Enter>`, `<C-c>`, `<F1>`, `<lt>`, `<resize 80x24>`.
    /// `KeyScript.parse` reads this notation back.
    public var description: String {
        switch self {
        case .char("<"): "<lt>"
        case .char(" "): "<Space>"
        case .char(let c): String(c)
        case .enter: "<Enter>"
        case .escape: "<Esc>"
        case .tab: "<Tab>"
        case .backTab: "<S-Tab>"
        case .backspace: "<BS>"
        case .delete: "<Del>"
        case .up: "<Up>"
        case .down: "<Down>"
        case .left: "<Left>"
        case .right: "<Right>"
        case .pageUp: "<PageUp>"
        case .pageDown: "<PageDown>"
        case .home: "<Home>"
        case .end: "<End>"
        case .function(let n): "<F\(n)>"
        case .ctrl(let c): "<C-\(c)>"
        case .resize(let w, let h): "<resize \(w)x\(h)>"
        case .mouse(let event): event.description
        }
    }
}

/// A mouse event in grid coordinates (0-based column and row).
public struct MouseEvent: Sendable, Hashable, CustomStringConvertible {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// A button went down: 1 left, 2 middle, 3 right.
        case press(button: Int)
        /// A button was released (the terminal does not always say which; then 0).
        case release(button: Int)
        /// Two quick presses of a button on the same cell.
        case doubleClick(button: Int)
        /// Wheel turned up (away from the user).
        case wheelUp
        /// Wheel turned down.
        case wheelDown
    }

    /// What happened.
    public var kind: Kind
    /// Column, 0-based.
    public var x: Int
    /// Row, 0-based.
    public var y: Int

    /// Creates a mouse event.
    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    /// Script notation: `<click X,Y>` for a left press, otherwise `<mouse KIND X,Y>`.
    public var description: String {
        switch kind {
        case .press(1): "<click \(x),\(y)>"
        case .press(let b): "<mouse press\(b) \(x),\(y)>"
        case .release(let b): "<mouse release\(b) \(x),\(y)>"
        case .doubleClick(let b): "<mouse double\(b) \(x),\(y)>"
        case .wheelUp: "<mouse wheelup \(x),\(y)>"
        case .wheelDown: "<mouse wheeldown \(x),\(y)>"
        }
    }
}
