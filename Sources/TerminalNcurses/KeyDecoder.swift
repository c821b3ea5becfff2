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

    /// A mouse report from `getmouse`; nil for events the browser ignores (motion, clicks
    /// synthesised by ncurses).
    static func mouse(_ event: MEVENT) -> MouseEvent? {
        let state = event.bstate
        let kind: MouseEvent.Kind
        if state & nc_button1_pressed() != 0 {
            kind = .press(button: 1)
        } else if state & nc_button2_pressed() != 0 {
            kind = .press(button: 2)
        } else if state & nc_button3_pressed() != 0 {
            kind = .press(button: 3)
        } else if state & nc_button4_pressed() != 0 {
            kind = .wheelUp
        } else if state & nc_button5_pressed() != 0 {
            kind = .wheelDown
        } else if state & nc_button1_released() != 0 {
            kind = .release(button: 1)
        } else if state & nc_button2_released() != 0 {
            kind = .release(button: 2)
        } else if state & nc_button3_released() != 0 {
            kind = .release(button: 3)
        } else {
            return nil
        }
        return MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y))
    }
}
