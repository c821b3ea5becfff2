import Foundation

/// A decoding failure at a node of the tree; turned into a `ReportLoadError` by `JSONDocument`.
struct JSONDecodingFailure: Error {
    var node: Int
    /// Whether the location is the node's key rather than its value.
    var atKey = false
    var message: String
}

/// Shared state of one `decode` run: the tree, which members were asked for, and which objects
/// were decoded as keyed containers (for the unknown-field check).
/// Marks `Optional`, so that a decoder can tell an optional field type without the standard
/// library's underscored `_isOptional`.
protocol OptionalMarker {}
extension Optional: OptionalMarker {}

final class DecodingState {
    let tree: JSONTreeView
    /// One flag per node: whether its key was asked for by the decoding code.
    /// Per node of the tree: whether a decoder read it (members never read are unknown keys).
    var accessed: [Bool]
    /// Every object opened as a keyed container, with its coding-key type.
    private var keyedObjects: [(node: Int, keyType: ObjectIdentifier)] = []
    /// Per coding-key type: the keys its containers asked for (sampled from the first few).
    private var knownKeys: [ObjectIdentifier: KnownKeys] = [:]

    final class KnownKeys {
        /// How many containers have recorded their keys; recording stops after `sampleLimit`.
        var samples = 0
        var names: [String] = []
        static let sampleLimit = 16

        func add(_ name: String) {
            if !names.contains(name) { names.append(name) }
        }
    }

    init(tree: JSONTreeView) {
        self.tree = tree
        accessed = Array(repeating: false, count: max(1, tree.nodes.count))
    }

    /// Whether `T` is an `Optional`, answered once per type: a cast to a marker protocol scans the
    /// conformance records of every loaded library, too slow to repeat for every field.
    private var optionalTypes: [ObjectIdentifier: Bool] = [:]

    func isOptional<T>(_ type: T.Type) -> Bool {
        let id = ObjectIdentifier(type)
        if let known = optionalTypes[id] { return known }
        let answer = type is any OptionalMarker.Type
        optionalTypes[id] = answer
        return answer
    }

    // MARK: Values

    @inline(__always)
    func kind(_ node: Int) -> JSONKind { tree.nodes[node].kind }

    func decodeValue<T: Decodable>(_ type: T.Type, at node: Int) throws -> T {
        if T.self == String.self, let value = try decodeString(at: node) as? T { return value }
        if T.self == Int.self, let value = try decodeInteger(Int.self, at: node) as? T { return value }
        do {
            return try T(from: NodeDecoder(state: self, node: node))
        } catch var failure as JSONDecodingFailure {
            // A value of an enumeration that is not even a string: still list the allowed values.
            if failure.node == node, !failure.atKey, let allowed = allowedValues(of: T.self) {
                failure.message = "expected one of: \(allowed.joined(separator: ", ")); found \(kind(node).phrase)"
            }
            throw failure
        } catch let error as DecodingError {
            let (target, message) = translate(error, decoding: T.self, at: node)
            throw JSONDecodingFailure(node: target, message: message)
        }
    }

    func typeMismatch(_ expected: String, at node: Int) -> JSONDecodingFailure {
        JSONDecodingFailure(node: node, message: "expected \(expected), found \(kind(node).phrase)")
    }

    func decodeString(at node: Int) throws -> String {
        guard kind(node) == .string else { throw typeMismatch("a string", at: node) }
        return tree.string(at: node)
    }

    func decodeBool(at node: Int) throws -> Bool {
        switch kind(node) {
        case .trueValue: return true
        case .falseValue: return false
        default: throw typeMismatch("a boolean (true or false)", at: node)
        }
    }

    func decodeInteger<I: FixedWidthInteger>(_ type: I.Type, at node: Int) throws -> I {
        let n = tree.nodes[node]
        guard n.kind == .number else { throw typeMismatch("an integer", at: node) }
        guard n.flags & JSONNode.isInteger != 0 else {
            throw JSONDecodingFailure(node: node, message: "expected an integer, found \(shortNumber(node))")
        }
        var i = Int(n.offset)
        let end = i + Int(n.length)
        let negative = tree.bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value: I = 0
        while i < end {
            let digit = I(truncatingIfNeeded: tree.bytes[i] &- UInt8(ascii: "0"))
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 {
                let bound = negative ? "smallest is \(I.min)" : "largest is \(I.max)"
                throw JSONDecodingFailure(node: node, message: "integer \(shortNumber(node)) does not fit in \(I.self) (\(bound))")
            }
            value = next
            i += 1
        }
        return value
    }

    func decodeFloat<F: BinaryFloatingPoint & LosslessStringConvertible>(_ type: F.Type, at node: Int) throws -> F {
        guard kind(node) == .number else { throw typeMismatch("a number", at: node) }
        guard let value = F(tree.numberText(at: node)), value.isFinite else {
            throw JSONDecodingFailure(node: node, message: "number \(shortNumber(node)) is out of range for \(F.self)")
        }
        return value
    }

    /// The text of a number, shortened if it is very long.
    private func shortNumber(_ node: Int) -> String {
        let text = tree.numberText(at: node)
        guard text.count > 40 else { return text }
        return text.prefix(24) + "… (\(text.count) characters)"
    }

    // MARK: Containers

    func keyedContainer<Key: CodingKey>(_ type: Key.Type, at node: Int) throws -> KeyedContainer<Key> {
        guard kind(node) == .object else { throw typeMismatch("an object", at: node) }
        let id = ObjectIdentifier(Key.self)
        keyedObjects.append((node, id))
        var recorder: KnownKeys?
        if let known = knownKeys[id] {
            if known.samples < KnownKeys.sampleLimit {
                known.samples += 1
                recorder = known
            }
        } else {
            let known = KnownKeys()
            known.samples = 1
            knownKeys[id] = known
            recorder = known
        }
        return KeyedContainer(state: self, node: node, recorder: recorder)
    }

    func unkeyedContainer(at node: Int) throws -> ArrayContainer {
        guard kind(node) == .array else { throw typeMismatch("an array", at: node) }
        return ArrayContainer(state: self, node: node)
    }

    func codingPath(of node: Int) -> [any CodingKey] {
        tree.path(to: node).components.map { component -> any CodingKey in
            switch component {
            case .key(let key): JSONPathKey(stringValue: key)
            case .index(let index): JSONPathKey(intValue: index)
            }
        }
    }

    /// The members of an object, in order.
    func members(of node: Int) -> [Int] {
        var result: [Int] = []
        var child = node + 1
        let end = Int(tree.nodes[node].end)
        while child < end {
            result.append(child)
            child = Int(tree.nodes[child].end)
        }
        return result
    }

    func missingField(_ name: String, in object: Int) -> JSONDecodingFailure {
        var message = "missing required field \"\(name)\""
        let candidates = members(of: object).filter { !accessed[$0] }.map { tree.key(at: $0) }
        if let similar = FieldSuggestion.closest(to: name, among: candidates) {
            message += " (is \"\(similar)\" a misspelling of it?)"
        }
        return JSONDecodingFailure(node: object, message: message)
    }

    // MARK: Foreign errors

    /// Turns a `DecodingError` thrown by a type's own `init(from:)` into a node and a message.
    func translate(_ error: DecodingError, decoding type: Any.Type?, at node: Int) -> (Int, String) {
        func target(_ context: DecodingError.Context) -> Int {
            let path = JSONPath(context.codingPath.map { key in
                if let index = key.intValue { return .index(index) }
                return .key(key.stringValue)
            })
            return tree.deepestNode(along: path)
        }
        switch error {
        case .dataCorrupted(let context):
            let found = target(context)
            if found == node, let type, kind(node) == .string {
                let text = tree.string(at: node)
                if let allowed = allowedValues(of: type) {
                    return (node, "expected one of: \(allowed.joined(separator: ", ")); found \"\(text)\"")
                }
                if type is any RawRepresentable.Type {
                    return (node, "\"\(text)\" is not a valid \(type)")
                }
            }
            return (found, context.debugDescription)
        case .keyNotFound(let key, let context):
            let found = target(context)
            return (found, "missing required field \"\(key.stringValue)\"")
        case .typeMismatch(let expected, let context):
            let found = target(context)
            return (found, "expected \(expected), found \(kind(found).phrase)")
        case .valueNotFound(_, let context):
            return (target(context), context.debugDescription)
        @unknown default:
            return (node, "\(error)")
        }
    }

    /// The raw values of a string enumeration that lists its cases.
    private func allowedValues(of type: Any.Type) -> [String]? {
        guard let caseIterable = type as? any CaseIterable.Type else { return nil }
        return rawStrings(of: caseIterable)
    }

    private func rawStrings<C: CaseIterable>(of type: C.Type) -> [String]? {
        var result: [String] = []
        for value in C.allCases {
            guard let representable = value as? any RawRepresentable, let raw = representable.rawValue as? String else { return nil }
            result.append(raw)
        }
        return result
    }

    // MARK: Unknown fields

    /// The first (in document order) member of a keyed-decoded object that nobody asked for.
    func firstUnknownField() -> (node: Int, message: String)? {
        var first: (node: Int, object: Int, keyType: ObjectIdentifier)?
        for (object, keyType) in keyedObjects {
            var child = object + 1
            let end = Int(tree.nodes[object].end)
            while child < end {
                if !accessed[child] {
                    if first == nil || child < first!.node { first = (child, object, keyType) }
                    break
                }
                child = Int(tree.nodes[child].end)
            }
        }
        guard let first else { return nil }
        let name = tree.key(at: first.node)
        var known = knownKeys[first.keyType]?.names ?? []
        for member in members(of: first.object) where accessed[member] {
            let key = tree.key(at: member)
            if !known.contains(key) { known.append(key) }
        }
        known.removeAll { $0 == name }
        var message = "unknown field \"\(name)\""
        if let suggestion = FieldSuggestion.closest(to: name, among: known) {
            message += "; did you mean \"\(suggestion)\"?"
        } else if !known.isEmpty {
            message += " (fields of this object: \(known.joined(separator: ", ")))"
        }
        return (first.node, message)
    }
}

/// Suggestions for misspelt field names.
enum FieldSuggestion {
    /// The candidate within two edits (insertions, deletions, substitutions, swaps of neighbours)
    /// of `name`, the closest first; `nil` if there is none.
    static func closest(to name: String, among candidates: [String]) -> String? {
        var best: (String, Int)?
        let target = Array(name.unicodeScalars)
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.unicodeScalars))
            if distance <= 2, best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Optimal string alignment distance.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0 ... b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1 ... a.count {
            current[0] = i
            for j in 1 ... b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

// MARK: - Decoder and containers

struct NodeDecoder: Decoder {
    let state: DecodingState
    let node: Int

    var codingPath: [any CodingKey] { state.codingPath(of: node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try state.keyedContainer(Key.self, at: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try state.unkeyedContainer(at: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ValueContainer(state: state, node: node)
    }
}

struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let state: DecodingState
    let node: Int
    let recorder: DecodingState.KnownKeys?

    var codingPath: [any CodingKey] { state.codingPath(of: node) }

    var allKeys: [Key] {
        state.members(of: node).compactMap { Key(stringValue: state.tree.key(at: $0)) }
    }

    /// The member for `key`, marked as asked for.
    @inline(__always)
    private func lookup(_ key: Key) -> Int? {
        let name = key.stringValue
        recorder?.add(name)
        guard let child = state.tree.child(of: node, key: name) else { return nil }
        state.accessed[child] = true
        return child
    }

    /// The member for a required key, decoded by `body`; a `null` there names the field.
    @inline(__always)
    private func required<T>(_ key: Key, _ body: (Int) throws -> T) throws -> T {
        guard let child = lookup(key) else { throw state.missingField(key.stringValue, in: node) }
        do {
            return try body(child)
        } catch var failure as JSONDecodingFailure where failure.node == child && state.kind(child) == .null {
            failure.message += "; \"\(key.stringValue)\" is a required field"
            throw failure
        }
    }

    /// The member for an optional key, or `nil` when it is absent or `null`.
    @inline(__always)
    private func optional<T>(_ key: Key, _ body: (Int) throws -> T) throws -> T? {
        guard let child = lookup(key), state.kind(child) != .null else { return nil }
        return try body(child)
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let child = lookup(key) else { throw state.missingField(key.stringValue, in: node) }
        return state.kind(child) == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try required(key) { try state.decodeBool(at: $0) } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try required(key) { try state.decodeString(at: $0) } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try required(key) { try state.decodeFloat(Double.self, at: $0) } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try required(key) { try state.decodeFloat(Float.self, at: $0) } }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try required(key) { try state.decodeInteger(Int.self, at: $0) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try required(key) { try state.decodeInteger(Int8.self, at: $0) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try required(key) { try state.decodeInteger(Int16.self, at: $0) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try required(key) { try state.decodeInteger(Int32.self, at: $0) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try required(key) { try state.decodeInteger(Int64.self, at: $0) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try required(key) { try state.decodeInteger(UInt.self, at: $0) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try required(key) { try state.decodeInteger(UInt8.self, at: $0) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try required(key) { try state.decodeInteger(UInt16.self, at: $0) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try required(key) { try state.decodeInteger(UInt32.self, at: $0) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try required(key) { try state.decodeInteger(UInt64.self, at: $0) } }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        // An optional field decoded with `decode` (not `decodeIfPresent`): present but may be null.
        if state.isOptional(T.self) {
            guard let child = lookup(key) else { throw state.missingField(key.stringValue, in: node) }
            return try state.decodeValue(T.self, at: child)
        }
        return try required(key) { try state.decodeValue(T.self, at: $0) }
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(key) { try state.decodeBool(at: $0) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(key) { try state.decodeString(at: $0) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(key) { try state.decodeFloat(Double.self, at: $0) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(key) { try state.decodeInteger(Int.self, at: $0) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(key) { try state.decodeValue(T.self, at: $0) } }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try required(key) { KeyedDecodingContainer(try state.keyedContainer(NestedKey.self, at: $0)) }
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try required(key) { try state.unkeyedContainer(at: $0) }
    }

    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: "super") else { throw state.missingField("super", in: node) }
        return try superDecoder(forKey: key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try required(key) { NodeDecoder(state: state, node: $0) }
    }
}

struct ArrayContainer: UnkeyedDecodingContainer {
    let state: DecodingState
    let node: Int
    private let elementCount: Int
    private var cursor: Int
    private(set) var currentIndex = 0

    init(state: DecodingState, node: Int) {
        self.state = state
        self.node = node
        elementCount = Int(state.tree.nodes[node].length)
        cursor = node + 1
    }

    var codingPath: [any CodingKey] { state.codingPath(of: node) }
    var count: Int? { elementCount }
    var isAtEnd: Bool { currentIndex >= elementCount }

    /// The next element, consumed.
    private mutating func next() throws -> Int {
        guard currentIndex < elementCount else {
            throw JSONDecodingFailure(node: node, message: "expected more elements; the array has only \(elementCount)")
        }
        let element = cursor
        cursor = Int(state.tree.nodes[element].end)
        currentIndex += 1
        return element
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < elementCount else { return false }
        if state.kind(cursor) == .null {
            _ = try next()
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try state.decodeBool(at: next()) }
    mutating func decode(_ type: String.Type) throws -> String { try state.decodeString(at: next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try state.decodeFloat(Double.self, at: next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { try state.decodeFloat(Float.self, at: next()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try state.decodeInteger(Int.self, at: next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try state.decodeInteger(Int8.self, at: next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try state.decodeInteger(Int16.self, at: next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try state.decodeInteger(Int32.self, at: next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try state.decodeInteger(Int64.self, at: next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try state.decodeInteger(UInt.self, at: next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try state.decodeInteger(UInt8.self, at: next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try state.decodeInteger(UInt16.self, at: next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try state.decodeInteger(UInt32.self, at: next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try state.decodeInteger(UInt64.self, at: next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try state.decodeValue(T.self, at: next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try state.keyedContainer(NestedKey.self, at: next()))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try state.unkeyedContainer(at: next())
    }

    mutating func superDecoder() throws -> any Decoder {
        NodeDecoder(state: state, node: try next())
    }
}

struct ValueContainer: SingleValueDecodingContainer {
    let state: DecodingState
    let node: Int

    var codingPath: [any CodingKey] { state.codingPath(of: node) }

    func decodeNil() -> Bool { state.kind(node) == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try state.decodeBool(at: node) }
    func decode(_ type: String.Type) throws -> String { try state.decodeString(at: node) }
    func decode(_ type: Double.Type) throws -> Double { try state.decodeFloat(Double.self, at: node) }
    func decode(_ type: Float.Type) throws -> Float { try state.decodeFloat(Float.self, at: node) }
    func decode(_ type: Int.Type) throws -> Int { try state.decodeInteger(Int.self, at: node) }
    func decode(_ type: Int8.Type) throws -> Int8 { try state.decodeInteger(Int8.self, at: node) }
    func decode(_ type: Int16.Type) throws -> Int16 { try state.decodeInteger(Int16.self, at: node) }
    func decode(_ type: Int32.Type) throws -> Int32 { try state.decodeInteger(Int32.self, at: node) }
    func decode(_ type: Int64.Type) throws -> Int64 { try state.decodeInteger(Int64.self, at: node) }
    func decode(_ type: UInt.Type) throws -> UInt { try state.decodeInteger(UInt.self, at: node) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try state.decodeInteger(UInt8.self, at: node) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try state.decodeInteger(UInt16.self, at: node) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try state.decodeInteger(UInt32.self, at: node) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try state.decodeInteger(UInt64.self, at: node) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try state.decodeValue(T.self, at: node) }
}
