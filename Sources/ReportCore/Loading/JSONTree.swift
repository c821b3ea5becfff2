import Foundation

/// The kind of a JSON value.
enum JSONKind: UInt8, Sendable {
    case null, falseValue, trueValue, number, string, array, object

    /// How the kind is named in messages: "expected a string, found a number".
    var phrase: String {
        switch self {
        case .null: "null"
        case .falseValue, .trueValue: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One value of the parsed tree, stored flat in preorder: a container's children follow it, and
/// `end` is the index just past its subtree (the next sibling). 24 bytes a node.
struct JSONNode: Sendable {
    /// Byte offset of the value's first byte (the opening quote of a string).
    var offset: UInt32
    /// String: bytes between the quotes (escapes not yet decoded). Number: bytes of its text.
    /// Array or object: the number of children.
    var length: UInt32
    /// Index of the node after this one's subtree.
    var end: UInt32
    /// For an object member: offset of the key's first byte after its opening quote.
    var keyOffset: UInt32
    /// For an object member: the key's bytes between the quotes.
    var keyLength: UInt32
    var kind: JSONKind
    var flags: UInt8

    static let stringHasEscapes: UInt8 = 1
    static let keyHasEscapes: UInt8 = 2
    static let isMember: UInt8 = 4
    static let isInteger: UInt8 = 8

    init(kind: JSONKind, offset: Int) {
        self.offset = UInt32(truncatingIfNeeded: offset)
        self.length = 0
        self.end = 0
        self.keyOffset = 0
        self.keyLength = 0
        self.kind = kind
        self.flags = 0
    }
}

/// A step of a JSON path: an object key or an array index.
enum JSONPathComponent: Sendable, Equatable {
    case key(String)
    case index(Int)
}

/// A JSON path such as `goalAreas[0].councilGoals[1].title`.
struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    var components: [JSONPathComponent]

    init(_ components: [JSONPathComponent] = []) { self.components = components }

    static func + (path: JSONPath, key: String) -> JSONPath { JSONPath(path.components + [.key(key)]) }
    static func + (path: JSONPath, index: Int) -> JSONPath { JSONPath(path.components + [.index(index)]) }

    /// Keys that are plain identifiers print after a dot; others print as `["a key"]`.
    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if Self.isIdentifier(key) {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "[\"" + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
                }
            }
        }
        return text
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Parses the printed form back; `nil` when it is malformed.
    init?(parsing text: String) {
        var components: [JSONPathComponent] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var expectKey = true
        while i < scalars.count {
            let c = scalars[i]
            if c == "[" {
                i += 1
                guard i < scalars.count else { return nil }
                if scalars[i] == "\"" {
                    i += 1
                    var key = String.UnicodeScalarView()
                    while i < scalars.count, scalars[i] != "\"" {
                        if scalars[i] == "\\" { i += 1; guard i < scalars.count else { return nil } }
                        key.append(scalars[i])
                        i += 1
                    }
                    guard i + 1 < scalars.count, scalars[i + 1] == "]" else { return nil }
                    i += 2
                    components.append(.key(String(key)))
                } else {
                    var number = 0
                    var digits = 0
                    while i < scalars.count, scalars[i].value >= 0x30, scalars[i].value <= 0x39 {
                        number = number &* 10 &+ Int(scalars[i].value - 0x30)
                        digits += 1
                        i += 1
                    }
                    guard digits > 0, i < scalars.count, scalars[i] == "]" else { return nil }
                    i += 1
                    components.append(.index(number))
                }
                expectKey = false
            } else if c == "." {
                guard !components.isEmpty else { return nil }
                expectKey = true
                i += 1
            } else {
                guard expectKey else { return nil }
                var key = String.UnicodeScalarView()
                while i < scalars.count, scalars[i] != ".", scalars[i] != "[" {
                    key.append(scalars[i])
                    i += 1
                }
                components.append(.key(String(key)))
                expectKey = false
            }
        }
        if expectKey && !components.isEmpty { return nil }
        self.components = components
    }
}

/// A coding key made from a path component, for `codingPath`.
struct JSONPathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = "Index \(intValue)"; self.intValue = intValue }
}

/// Read-only access to a parsed tree while its bytes are pinned.
struct JSONTreeView {
    let bytes: UnsafeRawBufferPointer
    let nodes: UnsafeBufferPointer<JSONNode>
    let lineStarts: UnsafeBufferPointer<UInt32>

    // MARK: Strings

    /// The decoded string of a string node.
    func string(at index: Int) -> String {
        let node = nodes[index]
        return Self.decodeString(bytes, from: Int(node.offset) + 1, length: Int(node.length), escaped: node.flags & JSONNode.stringHasEscapes != 0)
    }

    /// The decoded key of an object member.
    func key(at index: Int) -> String {
        let node = nodes[index]
        return Self.decodeString(bytes, from: Int(node.keyOffset), length: Int(node.keyLength), escaped: node.flags & JSONNode.keyHasEscapes != 0)
    }

    /// The text of a number node.
    func numberText(at index: Int) -> String {
        let node = nodes[index]
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[Int(node.offset) ..< Int(node.offset) + Int(node.length)]), as: UTF8.self)
    }

    /// Decodes already validated string content (the bytes between the quotes).
    static func decodeString(_ bytes: UnsafeRawBufferPointer, from start: Int, length: Int, escaped: Bool) -> String {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start ..< start + length])
        if !escaped { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(length)
        var i = 0
        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in 0 ..< 4 { v = v << 4 | UInt32(JSONParser.hexValue(raw[at + k])) }
            return v
        }
        while i < length {
            let b = raw[i]
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = hex4(i)
                i += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // The parser has checked that a low surrogate escape follows.
                    let low = hex4(i + 2)
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: UTF8.encode(s)!)
            default: out.append(e) // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Structure

    /// Index of the child of `container` whose key is `key`, if any.
    func child(of container: Int, key: String) -> Int? {
        var key = key
        return key.withUTF8 { k -> Int? in
            let node = nodes[container]
            var child = container + 1
            let end = Int(node.end)
            while child < end {
                let c = nodes[child]
                if c.flags & JSONNode.keyHasEscapes == 0 {
                    if Int(c.keyLength) == k.count,
                       k.count == 0 || memcmp(bytes.baseAddress! + Int(c.keyOffset), k.baseAddress!, k.count) == 0 {
                        return child
                    }
                } else if self.key(at: child).utf8.elementsEqual(k) {
                    return child
                }
                child = Int(c.end)
            }
            return nil
        }
    }

    /// Index of the `position`th child of an array.
    func child(of container: Int, index position: Int) -> Int? {
        let node = nodes[container]
        guard position >= 0, position < Int(node.length) else { return nil }
        var child = container + 1
        for _ in 0 ..< position { child = Int(nodes[child].end) }
        return child
    }

    /// The node at a path, or `nil` when the path leads nowhere.
    func node(at path: JSONPath) -> Int? {
        guard !nodes.isEmpty else { return nil }
        var current = 0
        for component in path.components {
            switch component {
            case .key(let key):
                guard nodes[current].kind == .object, let next = child(of: current, key: key) else { return nil }
                current = next
            case .index(let index):
                guard nodes[current].kind == .array, let next = child(of: current, index: index) else { return nil }
                current = next
            }
        }
        return current
    }

    /// The deepest node along a path and how many of the path's components led to it.
    func deepestNode(along path: JSONPath) -> Int {
        guard !nodes.isEmpty else { return 0 }
        var current = 0
        for component in path.components {
            var next: Int?
            switch component {
            case .key(let key): if nodes[current].kind == .object { next = child(of: current, key: key) }
            case .index(let index): if nodes[current].kind == .array { next = child(of: current, index: index) }
            }
            guard let next else { break }
            current = next
        }
        return current
    }

    /// The path from the root to a node.
    func path(to target: Int) -> JSONPath {
        var components: [JSONPathComponent] = []
        var current = 0
        while current != target {
            var child = current + 1
            var position = 0
            while Int(nodes[child].end) <= target {
                child = Int(nodes[child].end)
                position += 1
            }
            components.append(nodes[current].kind == .object ? .key(key(at: child)) : .index(position))
            current = child
        }
        return JSONPath(components)
    }

    // MARK: Locations

    func location(ofNode index: Int) -> JSONDocument.Location {
        Self.location(ofOffset: Int(nodes[index].offset), bytes: bytes, lineStarts: lineStarts)
    }

    /// Location of a member's key (its opening quote).
    func location(ofKey index: Int) -> JSONDocument.Location {
        Self.location(ofOffset: Int(nodes[index].keyOffset) - 1, bytes: bytes, lineStarts: lineStarts)
    }

    /// Line and column of a byte offset. `lineStarts` must list every line start up to `offset`.
    static func location(ofOffset offset: Int, bytes: UnsafeRawBufferPointer, lineStarts: UnsafeBufferPointer<UInt32>) -> JSONDocument.Location {
        // The last line start at or before offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts.isEmpty ? 0 : min(Int(lineStarts[low]), offset)
        let prefix = UnsafeRawBufferPointer(rebasing: bytes[lineStart ..< min(offset, bytes.count)])
        let column: Int
        if prefix.allSatisfy({ $0 < 0x80 }) {
            column = prefix.count + 1
        } else {
            column = String(decoding: prefix, as: UTF8.self).count + 1
        }
        return JSONDocument.Location(line: low + 1, column: column)
    }
}
