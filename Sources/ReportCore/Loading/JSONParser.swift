import Foundation

/// A syntax error, already located.
struct JSONSyntaxError: Error {
    var path: JSONPath
    var location: JSONDocument.Location
    var message: String
}

/// An RFC 8259 parser over raw bytes producing a flat `JSONNode` tree.
///
/// It never builds a `String` for ordinary content: strings and numbers are validated in place
/// and remembered by offset and length; only messages and escaped keys create strings. Strings
/// are scanned eight bytes at a time until a quote, backslash, control or non-ASCII byte shows up.
/// Nesting is limited (`maximumDepth`), so recursion depth is bounded.
struct JSONParser {
    static let defaultMaximumDepth = 256

    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let maximumDepth: Int
    private var pos = 0
    private(set) var nodes: [JSONNode] = []
    /// Byte offset of the start of every line; line n (1-based) starts at `lineStarts[n - 1]`.
    private(set) var lineStarts: [UInt32] = [0]
    /// The containers being parsed, for the path of an error.
    private var frames: [Frame] = []
    /// The keys of the objects being parsed, for duplicate detection.
    private var keys: [KeyRef] = []

    private struct Frame {
        var isObject: Bool
        var index = 0
        var key = KeyRef(offset: 0, length: 0, escaped: false)
        var inValue = false
    }

    private struct KeyRef {
        /// Offset of the first byte after the opening quote.
        var offset: Int
        var length: Int
        var escaped: Bool
    }

    private init(base: UnsafePointer<UInt8>, count: Int, maximumDepth: Int) {
        self.base = base
        self.count = count
        self.maximumDepth = maximumDepth
    }

    /// Parses a whole document.
    static func parse(_ bytes: UnsafeRawBufferPointer, maximumDepth: Int = defaultMaximumDepth) throws(JSONSyntaxError) -> (nodes: [JSONNode], lineStarts: [UInt32]) {
        guard bytes.count > 0, let raw = bytes.baseAddress else {
            throw JSONSyntaxError(path: JSONPath(), location: .init(line: 1, column: 1), message: "the file is empty; expected a JSON value")
        }
        guard bytes.count < Int(UInt32.max) else {
            throw JSONSyntaxError(path: JSONPath(), location: .init(line: 1, column: 1), message: "the file is too large (4 GiB or more)")
        }
        var parser = JSONParser(base: raw.assumingMemoryBound(to: UInt8.self), count: bytes.count, maximumDepth: maximumDepth)
        parser.nodes.reserveCapacity(max(16, bytes.count / 24))
        // A UTF-8 byte order mark is tolerated and skipped.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            parser.pos = 3
            parser.lineStarts[0] = 3
        }
        parser.skipWhitespace()
        try parser.parseValue(depth: 1)
        parser.skipWhitespace()
        if parser.pos < parser.count {
            throw parser.fail("unexpected \(try parser.describeCharacter(at: parser.pos)) after the end of the JSON value", at: parser.pos)
        }
        return (parser.nodes, parser.lineStarts)
    }

    // MARK: Errors

    private func fail(_ message: String, at offset: Int) -> JSONSyntaxError {
        let bytes = UnsafeRawBufferPointer(start: base, count: count)
        let location = lineStarts.withUnsafeBufferPointer {
            JSONTreeView.location(ofOffset: offset, bytes: bytes, lineStarts: $0)
        }
        var path = JSONPath()
        for frame in frames where frame.inValue {
            if frame.isObject {
                path.components.append(.key(JSONTreeView.decodeString(bytes, from: frame.key.offset, length: frame.key.length, escaped: frame.key.escaped)))
            } else {
                path.components.append(.index(frame.index))
            }
        }
        return JSONSyntaxError(path: path, location: location, message: message)
    }

    private func unexpected(expected: String) throws(JSONSyntaxError) -> JSONSyntaxError {
        if pos >= count { return fail("unexpected end of file; expected \(expected)", at: count) }
        return fail("expected \(expected), found \(try describeCharacter(at: pos))", at: pos)
    }

    /// A character for a message, e.g. `'x'`, `'å' (U+00E5)`, `control character U+0007`.
    /// Throws the invalid-UTF-8 error when the bytes there are not UTF-8.
    private func describeCharacter(at offset: Int) throws(JSONSyntaxError) -> String {
        let b = base[offset]
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x80 { return "control character " + Self.hex(UInt32(b)) }
        let next = try validateUTF8(at: offset)
        let text = String(decoding: UnsafeBufferPointer(start: base + offset, count: next - offset), as: UTF8.self)
        let scalar = text.unicodeScalars.first!
        if scalar.properties.isWhitespace || scalar.properties.generalCategory == .format {
            return "character " + Self.hex(scalar.value)
        }
        return "'\(text)' (\(Self.hex(scalar.value)))"
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func hexValue(_ b: UInt8) -> UInt8 {
        switch b {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: 0xFF
        }
    }

    // MARK: Whitespace

    @inline(__always)
    private mutating func skipWhitespace() {
        while pos < count {
            let b = base[pos]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                pos += 1
            } else if b == 0x0A {
                pos += 1
                lineStarts.append(UInt32(truncatingIfNeeded: pos))
            } else {
                return
            }
        }
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) {
        guard pos < count else { throw try unexpected(expected: "a JSON value") }
        switch base[pos] {
        case UInt8(ascii: "\""):
            var node = JSONNode(kind: .string, offset: pos)
            let (length, escaped) = try scanString()
            node.length = UInt32(truncatingIfNeeded: length)
            if escaped { node.flags = JSONNode.stringHasEscapes }
            node.end = UInt32(truncatingIfNeeded: nodes.count + 1)
            nodes.append(node)
        case UInt8(ascii: "{"):
            try parseObject(depth: depth)
        case UInt8(ascii: "["):
            try parseArray(depth: depth)
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"):
            try parseNumber()
        case UInt8(ascii: "t"):
            try parseLiteral("true", kind: .trueValue)
        case UInt8(ascii: "f"):
            try parseLiteral("false", kind: .falseValue)
        case UInt8(ascii: "n"):
            try parseLiteral("null", kind: .null)
        default:
            throw try unexpected(expected: "a JSON value")
        }
    }

    private mutating func parseLiteral(_ word: StaticString, kind: JSONKind) throws(JSONSyntaxError) {
        let length = word.utf8CodeUnitCount
        guard pos + length <= count, memcmp(base + pos, word.utf8Start, length) == 0 else {
            throw fail("invalid literal; expected \(word)", at: pos)
        }
        var node = JSONNode(kind: kind, offset: pos)
        node.end = UInt32(truncatingIfNeeded: nodes.count + 1)
        nodes.append(node)
        pos += length
    }

    @inline(__always)
    private func isDigit(_ i: Int) -> Bool {
        i < count && base[i] &- UInt8(ascii: "0") < 10
    }

    private mutating func parseNumber() throws(JSONSyntaxError) {
        let start = pos
        var i = pos
        var integer = true
        if base[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else {
            if i >= count { throw fail("unexpected end of file; expected a digit after '-'", at: i) }
            throw fail("expected a digit after '-', found \(try describeCharacter(at: i))", at: i)
        }
        if base[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { throw fail("a number cannot start with a leading zero", at: start) }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < count && base[i] == UInt8(ascii: ".") {
            integer = false
            i += 1
            guard isDigit(i) else { throw fail("expected a digit after the decimal point", at: i) }
            while isDigit(i) { i += 1 }
        }
        if i < count && (base[i] == UInt8(ascii: "e") || base[i] == UInt8(ascii: "E")) {
            integer = false
            i += 1
            if i < count && (base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { throw fail("expected a digit in the exponent", at: i) }
            while isDigit(i) { i += 1 }
        }
        var node = JSONNode(kind: .number, offset: start)
        node.length = UInt32(truncatingIfNeeded: i - start)
        if integer { node.flags = JSONNode.isInteger }
        node.end = UInt32(truncatingIfNeeded: nodes.count + 1)
        nodes.append(node)
        pos = i
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) {
        guard depth <= maximumDepth else { throw fail("nesting is deeper than \(maximumDepth) levels", at: pos) }
        let nodeIndex = nodes.count
        nodes.append(JSONNode(kind: .array, offset: pos))
        pos += 1
        frames.append(Frame(isObject: false))
        let frame = frames.count - 1
        var elementCount = 0
        skipWhitespace()
        if pos < count && base[pos] == UInt8(ascii: "]") {
            pos += 1
        } else {
            while true {
                frames[frame].index = elementCount
                frames[frame].inValue = true
                try parseValue(depth: depth + 1)
                frames[frame].inValue = false
                elementCount += 1
                skipWhitespace()
                guard pos < count else { throw try unexpected(expected: "',' or ']'") }
                let b = base[pos]
                if b == UInt8(ascii: ",") {
                    let comma = pos
                    pos += 1
                    skipWhitespace()
                    if pos < count && base[pos] == UInt8(ascii: "]") { throw fail("trailing comma before ']'", at: comma) }
                } else if b == UInt8(ascii: "]") {
                    pos += 1
                    break
                } else {
                    throw try unexpected(expected: "',' or ']' after an array element")
                }
            }
        }
        frames.removeLast()
        nodes[nodeIndex].length = UInt32(truncatingIfNeeded: elementCount)
        nodes[nodeIndex].end = UInt32(truncatingIfNeeded: nodes.count)
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) {
        guard depth <= maximumDepth else { throw fail("nesting is deeper than \(maximumDepth) levels", at: pos) }
        let nodeIndex = nodes.count
        nodes.append(JSONNode(kind: .object, offset: pos))
        pos += 1
        frames.append(Frame(isObject: true))
        let frame = frames.count - 1
        let keysBase = keys.count
        // For large objects, duplicate detection switches from a linear scan to a dictionary.
        var keyTable: [[UInt8]: Int]? = nil
        var memberCount = 0
        skipWhitespace()
        if pos < count && base[pos] == UInt8(ascii: "}") {
            pos += 1
        } else {
            while true {
                guard pos < count, base[pos] == UInt8(ascii: "\"") else {
                    throw try unexpected(expected: "a key in double quotes")
                }
                let keyQuote = pos
                let (keyLength, keyEscaped) = try scanString()
                let key = KeyRef(offset: keyQuote + 1, length: keyLength, escaped: keyEscaped)
                if let earlier = try findDuplicate(of: key, from: keysBase, table: &keyTable) {
                    let first = lineStarts.withUnsafeBufferPointer {
                        JSONTreeView.location(ofOffset: earlier.offset - 1, bytes: UnsafeRawBufferPointer(start: base, count: count), lineStarts: $0)
                    }
                    throw fail("duplicate key \"\(decode(key))\"; it is first used at \(first.line):\(first.column)", at: keyQuote)
                }
                keys.append(key)
                skipWhitespace()
                guard pos < count, base[pos] == UInt8(ascii: ":") else {
                    throw try unexpected(expected: "':' after the key \"\(decode(key))\"")
                }
                pos += 1
                skipWhitespace()
                frames[frame].key = key
                frames[frame].inValue = true
                let child = nodes.count
                try parseValue(depth: depth + 1)
                nodes[child].keyOffset = UInt32(truncatingIfNeeded: key.offset)
                nodes[child].keyLength = UInt32(truncatingIfNeeded: key.length)
                nodes[child].flags |= JSONNode.isMember | (keyEscaped ? JSONNode.keyHasEscapes : 0)
                frames[frame].inValue = false
                memberCount += 1
                skipWhitespace()
                guard pos < count else { throw try unexpected(expected: "',' or '}'") }
                let b = base[pos]
                if b == UInt8(ascii: ",") {
                    let comma = pos
                    pos += 1
                    skipWhitespace()
                    if pos < count && base[pos] == UInt8(ascii: "}") { throw fail("trailing comma before '}'", at: comma) }
                } else if b == UInt8(ascii: "}") {
                    pos += 1
                    break
                } else {
                    throw try unexpected(expected: "',' or '}' after the value of \"\(decode(key))\"")
                }
            }
        }
        keys.removeLast(keys.count - keysBase)
        frames.removeLast()
        nodes[nodeIndex].length = UInt32(truncatingIfNeeded: memberCount)
        nodes[nodeIndex].end = UInt32(truncatingIfNeeded: nodes.count)
    }

    private func decode(_ key: KeyRef) -> String {
        JSONTreeView.decodeString(UnsafeRawBufferPointer(start: base, count: count), from: key.offset, length: key.length, escaped: key.escaped)
    }

    private func rawKey(_ key: KeyRef) -> [UInt8] {
        key.escaped ? Array(decode(key).utf8) : Array(UnsafeBufferPointer(start: base + key.offset, count: key.length))
    }

    /// The earlier key of the current object equal to `key`, if any.
    private func findDuplicate(of key: KeyRef, from keysBase: Int, table: inout [[UInt8]: Int]?) throws(JSONSyntaxError) -> KeyRef? {
        let memberCount = keys.count - keysBase
        if memberCount < 24 && table == nil {
            for index in keysBase ..< keys.count {
                let other = keys[index]
                if !key.escaped && !other.escaped {
                    if other.length == key.length && memcmp(base + other.offset, base + key.offset, key.length) == 0 { return other }
                } else if Array(decode(other).utf8) == Array(decode(key).utf8) {
                    return other
                }
            }
            return nil
        }
        if table == nil {
            var built: [[UInt8]: Int] = [:]
            for index in keysBase ..< keys.count { built[rawKey(keys[index])] = index }
            table = built
        }
        let bytes = rawKey(key)
        if let index = table![bytes] { return keys[index] }
        table![bytes] = keys.count
        return nil
    }

    // MARK: Strings

    @inline(__always)
    private static func needsAttention(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        let hasControl = (w &- ones &* 0x20) & ~w & highs
        return (hasQuote | hasBackslash | hasControl | (w & highs)) != 0
    }

    /// Scans a string starting at its opening quote; leaves `pos` after the closing quote.
    /// Returns the length of the content and whether it contains escapes.
    private mutating func scanString() throws(JSONSyntaxError) -> (Int, Bool) {
        let open = pos
        var i = pos + 1
        var escaped = false
        while true {
            while i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if Self.needsAttention(word) { break }
                i += 8
            }
            guard i < count else {
                throw fail("unterminated string: the file ends before its closing '\"'", at: open)
            }
            let b = base[i]
            if b == UInt8(ascii: "\"") {
                pos = i + 1
                return (i - open - 1, escaped)
            } else if b == UInt8(ascii: "\\") {
                escaped = true
                i = try scanEscape(at: i, stringStart: open)
            } else if b < 0x20 {
                if b == 0x0A || b == 0x0D {
                    throw fail("unterminated string: a line break before its closing '\"' (write \\n for a line break inside a string)", at: open)
                }
                throw fail("control character \(Self.hex(UInt32(b))) must be escaped in a string", at: i)
            } else if b < 0x80 {
                i += 1
            } else {
                i = try validateUTF8(at: i)
            }
        }
    }

    private func hex4(at i: Int) -> UInt32? {
        guard i + 4 <= count else { return nil }
        var value: UInt32 = 0
        for k in 0 ..< 4 {
            let digit = Self.hexValue(base[i + k])
            if digit == 0xFF { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func escapeText(at i: Int) -> String {
        let end = min(count, i + 6)
        return String(decoding: UnsafeBufferPointer(start: base + i, count: end - i), as: UTF8.self)
    }

    /// Checks the escape at `i` (a backslash) and returns the index after it.
    private func scanEscape(at i: Int, stringStart: Int) throws(JSONSyntaxError) -> Int {
        guard i + 1 < count else { throw fail("unterminated string: the file ends before its closing '\"'", at: stringStart) }
        switch base[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return i + 2
        case UInt8(ascii: "u"):
            guard let value = hex4(at: i + 2) else {
                throw fail("invalid escape: \\u must be followed by four hexadecimal digits", at: i)
            }
            if value >= 0xD800 && value < 0xDC00 {
                guard i + 7 < count, base[i + 6] == UInt8(ascii: "\\"), base[i + 7] == UInt8(ascii: "u"),
                      let low = hex4(at: i + 8), low >= 0xDC00 && low < 0xE000 else {
                    throw fail("lone surrogate: the high surrogate \(escapeText(at: i)) must be followed by a low surrogate escape (\\uDC00 to \\uDFFF)", at: i)
                }
                return i + 12
            }
            if value >= 0xDC00 && value < 0xE000 {
                throw fail("lone surrogate: the low surrogate \(escapeText(at: i)) has no high surrogate before it", at: i)
            }
            return i + 6
        default:
            let shown = base[i + 1] >= 0x20 && base[i + 1] < 0x7F ? "'\\\(Character(Unicode.Scalar(base[i + 1])))'" : "a backslash before \(try describeCharacter(at: i + 1))"
            throw fail("invalid escape \(shown); valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", at: i)
        }
    }

    /// Validates one UTF-8 sequence whose lead byte (>= 0x80) is at `i`; returns the index after it.
    private func validateUTF8(at i: Int) throws(JSONSyntaxError) -> Int {
        let lead = base[i]
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < count && base[i + k] >= low && base[i + k] <= high
        }
        var length = 0
        switch lead {
        case 0xC2 ... 0xDF: if continuation(1) { length = 2 }
        case 0xE0: if continuation(1, 0xA0), continuation(2) { length = 3 }
        case 0xE1 ... 0xEC, 0xEE ... 0xEF: if continuation(1), continuation(2) { length = 3 }
        case 0xED: if continuation(1, 0x80, 0x9F), continuation(2) { length = 3 }
        case 0xF0: if continuation(1, 0x90), continuation(2), continuation(3) { length = 4 }
        case 0xF1 ... 0xF3: if continuation(1), continuation(2), continuation(3) { length = 4 }
        case 0xF4: if continuation(1, 0x80, 0x8F), continuation(2), continuation(3) { length = 4 }
        default: break
        }
        guard length > 0 else {
            let byte = String(lead, radix: 16, uppercase: true)
            throw fail("invalid UTF-8: byte 0x\(byte) at byte offset \(i) does not begin a valid UTF-8 sequence", at: i)
        }
        return i + length
    }
}
