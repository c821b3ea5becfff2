import CNcursesw
import ReportBrowser

/// Maps what `wget_wch` returns onto `Key`.
enum KeyDecoder {
    /// A plain character code (the `OK` case of `wget_wch`).
    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter          // nonl(): Enter arrives as CR
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace      // Ctrl-H / DEL, depending on the terminal
        case 0x00: return .ctrl(" ")            // Ctrl-Space / Ctrl-@
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0x1C: return .ctrl("\\")
        case 0x1D: return .ctrl("]")
        case 0x1E: return .ctrl("^")
        case 0x1F: return .ctrl("_")
        case 0x80...0x9F: return nil            // C1 controls are never keys
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            let character = Character(scalar)
            return DisplayWidth.of(character) > 0 ? .char(character) : nil
        }
    }

    /// A `KEY_*` code (the `KEY_CODE_YES` case); nil for keys the browser does not use.
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END, KEY_LL: return .end
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        default:
            for n in 1...12 where code == nc_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// A mouse report from `getmouse`; nil for events the browser ignores (motion, other buttons'
    /// clicks).
    static func mouse(_ event: MEVENT) -> MouseEvent? {
        mouseKind(event.bstate).map { MouseEvent(kind: $0, x: Int(event.x), y: Int(event.y)) }
    }

    /// The ncurses button bits the browser reads.
    enum MouseBits {
        static var button1Pressed: mmask_t { nc_button1_pressed() }
        static var button1Clicked: mmask_t { nc_button1_clicked() }
        static var button1DoubleClicked: mmask_t { nc_button1_double_clicked() }
        static var wheelUp: mmask_t { nc_button4_pressed() }
        static var wheelDown: mmask_t { nc_button5_pressed() }
    }

    /// What a mouse report's button bits mean; nil for what the browser ignores.
    static func mouseKind(_ state: mmask_t) -> MouseEvent.Kind? {
        let kinds: [(mmask_t, MouseEvent.Kind)] = [
            (nc_button1_double_clicked(), .doubleClick(button: 1)),
            (nc_button1_pressed(), .press(button: 1)),
            // Even with `mouseinterval(0)` ncurses merges a press and its release that arrive in
            // one read (a quick click over a slow link) into a click: it acts as the press would.
            (nc_button1_clicked(), .press(button: 1)),
            (nc_button2_pressed(), .press(button: 2)),
            (nc_button3_pressed(), .press(button: 3)),
            (nc_button4_pressed(), .wheelUp),
            (nc_button5_pressed(), .wheelDown),
            (nc_button1_released(), .release(button: 1)),
            (nc_button2_released(), .release(button: 2)),
            (nc_button3_released(), .release(button: 3)),
        ]
        return kinds.first { state & $0.0 != 0 }?.1
    }
}

/// Turns a second left press on the same cell soon after the first into a double click. The
/// session asks ncurses for raw presses (`mouseinterval(0)`, so a press is not delayed), which
/// means ncurses itself never reports double clicks.
struct ClickTracker {
    /// Seconds between the presses of a double click.
    var interval = 0.4
    private var lastPress: (x: Int, y: Int, time: Double)?

    /// The event as the browser should see it; `time` in seconds on a monotonic clock.
    mutating func resolve(_ event: MouseEvent, at time: Double) -> MouseEvent {
        guard event.kind == .press(button: 1) else {
            if case .release = event.kind { return event }
            lastPress = nil
            return event
        }
        if let last = lastPress, last.x == event.x, last.y == event.y, time - last.time <= interval, time >= last.time {
            lastPress = nil
            return MouseEvent(kind: .doubleClick(button: 1), x: event.x, y: event.y)
        }
        lastPress = (event.x, event.y, time)
        return event
    }
}
