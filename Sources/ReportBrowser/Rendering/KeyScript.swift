/// Parses key scripts in Vim notation, for the headless `--keys` mode and tests.
///
/// - Printable characters stand for themselves (`jjq`, `/skola`, `å`). Tabs and newlines in the
///   script are ignored so long scripts can be laid out freely; write `<Tab>`/`<Enter>` instead.
/// - Names in angle brackets, case-insensitive: `<Enter>` (`<CR>`, `<Return>`), `<Esc>`, `<Tab>`,
///   `<S-Tab>`, `<BS>`, `<Del>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PageUp>`, `<PageDown>`,
///   `<Home>`, `<End>`, `<F1>`…`<F12>`, `<Space>`, `<lt>` (a literal `<`), `<C-x>` (Ctrl + one
///   character, letters lower-cased), `<resize WxH>` (1…1000 each), `<click X,Y>` (left press at
///   0-based column X, row Y) and `<mouse wheelup|wheeldown|pressN|releaseN|doubleN X,Y>`.
/// - Positions in errors are 1-based character offsets into the script.
public enum KeyScript {
    /// Largest width/height `<resize>` accepts, so a typo cannot allocate a giant grid.
    public static let maximumSize = 1000

    /// Turns a script into keys, or throws a `KeyScriptError` naming what and where.
    public static func parse(_ script: String) throws(KeyScriptError) -> [Key] {
        var keys: [Key] = []
        let characters = Array(script)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "<" {
                guard let close = characters[(i + 1)...].firstIndex(of: ">") else {
                    throw .unterminated(position: i + 1)
                }
                let name = String(characters[(i + 1)..<close])
                keys.append(try key(named: name, position: i + 1))
                i = close + 1
                continue
            }
            if c == "\n" || c == "\r\n" || c == "\r" || c == "\t" {
                i += 1
                continue
            }
            let clean = TextSanitizer.sanitize(String(c))
            guard clean == String(c), DisplayWidth.of(c) > 0 else {
                throw .unprintable(position: i + 1)
            }
            keys.append(.char(c))
            i += 1
        }
        return keys
    }

    private static let named: [String: Key] = [
        "enter": .enter, "cr": .enter, "return": .enter,
        "esc": .escape, "escape": .escape,
        "tab": .tab, "s-tab": .backTab,
        "bs": .backspace, "backspace": .backspace,
        "del": .delete, "delete": .delete,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pageup": .pageUp, "pagedown": .pageDown, "pgup": .pageUp, "pgdn": .pageDown,
        "home": .home, "end": .end,
        "space": .char(" "), "lt": .char("<"),
    ]

    private static func key(named raw: String, position: Int) throws(KeyScriptError) -> Key {
        let name = raw.lowercased()
        if name.isEmpty { throw .unknownKeyName("", position: position) }
        if let key = named[name] { return key }
        if name.hasPrefix("f"), let n = Int(name.dropFirst()), (1...12).contains(n) {
            return .function(n)
        }
        if name.hasPrefix("c-") {
            let rest = Array(raw.dropFirst(2))
            if rest.count == 1, let c = rest.first, c.isASCII, DisplayWidth.of(c) == 1, c != " " {
                return .ctrl(Character(c.lowercased()))
            }
            if name == "c-space" { return .ctrl(" ") }
            throw .unknownKeyName(raw, position: position)
        }
        let words = name.split(separator: " ", omittingEmptySubsequences: true)
        if words.first == "resize" {
            guard words.count == 2, let size = parseSize(words[1], separator: "x"),
                  (1...maximumSize).contains(size.0), (1...maximumSize).contains(size.1) else {
                throw .invalidArgument(raw, position: position)
            }
            return .resize(width: size.0, height: size.1)
        }
        if words.first == "click" {
            guard words.count == 2, let at = parseSize(words[1], separator: ",") else {
                throw .invalidArgument(raw, position: position)
            }
            return .mouse(MouseEvent(kind: .press(button: 1), x: at.0, y: at.1))
        }
        if words.first == "mouse" {
            guard words.count == 3, let at = parseSize(words[2], separator: ","),
                  let kind = mouseKind(words[1]) else {
                throw .invalidArgument(raw, position: position)
            }
            return .mouse(MouseEvent(kind: kind, x: at.0, y: at.1))
        }
        throw .unknownKeyName(raw, position: position)
    }

    private static func mouseKind(_ word: Substring) -> MouseEvent.Kind? {
        switch word {
        case "wheelup": return .wheelUp
        case "wheeldown": return .wheelDown
        default: break
        }
        for (prefix, make) in [("press", MouseEvent.Kind.press), ("release", MouseEvent.Kind.release), ("double", MouseEvent.Kind.doubleClick)]
        where word.hasPrefix(prefix) {
            if let b = Int(word.dropFirst(prefix.count)), (0...3).contains(b) { return make(b) }
        }
        return nil
    }

    private static func parseSize(_ text: Substring, separator: Character) -> (Int, Int)? {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 0, b >= 0 else { return nil }
        return (a, b)
    }
}

/// Why a key script could not be parsed; `description` names what and the 1-based position.
public enum KeyScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `<Foo>` is not a known key name.
    case unknownKeyName(String, position: Int)
    /// A `<` without a closing `>`.
    case unterminated(position: Int)
    /// `<resize …>`, `<click …>` or `<mouse …>` with a malformed or out-of-range argument.
    case invalidArgument(String, position: Int)
    /// A control or zero-width character typed directly into the script.
    case unprintable(position: Int)

    /// The 1-based character position the error refers to.
    public var position: Int {
        switch self {
        case .unknownKeyName(_, let p), .unterminated(let p), .invalidArgument(_, let p), .unprintable(let p): p
        }
    }

    /// English, for logs and tests: `unknown key name <Foo> at position 7`.
    public var description: String {
        switch self {
        case .unknownKeyName(let name, let p): "unknown key name <\(name)> at position \(p)"
        case .unterminated(let p): "unterminated key name: '<' at position \(p) has no '>' (write <lt> for a literal <)"
        case .invalidArgument(let text, let p): "invalid argument in <\(text)> at position \(p)"
        case .unprintable(let p): "unprintable character at position \(p) (use a key name such as <Tab>)"
        }
    }

    /// Swedish, for messages shown to the user.
    public var userMessage: String {
        switch self {
        case .unknownKeyName(let name, let p): "okänt tangentnamn <\(TextSanitizer.sanitize(name))> på position \(p)"
        case .unterminated(let p): "'<' på position \(p) saknar '>' (skriv <lt> för ett bokstavligt <)"
        case .invalidArgument(let text, let p): "ogiltigt argument i <\(TextSanitizer.sanitize(text))> på position \(p)"
        case .unprintable(let p): "tecken som inte kan skrivas ut på position \(p) (använd ett tangentnamn som <Tab>)"
        }
    }
}
