import Foundation

/// Deterministic damage to a report file: raw byte damage and structural damage through a
/// `JSONSerialization` round trip. Case `n` of seed `s` is always the same mutation, so a
/// failure found by a long run can be replayed alone.
public struct ReportMutator {
    /// The undamaged file.
    public let original: [UInt8]
    /// The undamaged file as `JSONSerialization` objects.
    public let tree: Any

    /// Reads the undamaged file (it must be JSON).
    public init(data: Data) throws {
        original = [UInt8](data)
        tree = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }


    /// A damaged file and what was done to it.
    public struct Mutation {
        public var data: Data
        public var description: String
    }

    /// Raw tokens put in place of a value after serialization (not expressible as JSON objects).
    public static let rawTokens = [
        "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "-9223372036854775809", "9223372036854775808", "-0", "-1",
        "-2021", "0.5", "NaN", "Infinity", "-Infinity", "nan", "undefined", "01", "1.", ".5", "+1", "0x1F", "1e", "--1",
        "\"\\ud800\"", "\"\\u0000\"", "\"\\x41\"", "'single'", "[1,]", "{\"a\":1,}", "[", "{", "\"unterminated",
    ]
    /// Strings that look like numbers or nothing.
    public static let nanLikeStrings = [
        "NaN", "Infinity", "-Infinity", "nan", "inf", "1e999", "-1e999", "−0", "٣", "1 2 3", "1,2,3", "0,", ",5", " ", "\u{00A0}",
        "9999999999999999999999999999999", "-", "--", "+", "1e5", "12 3456", "1\u{202F}000", "\u{FEFF}5", "5\u{0000}",
    ]

    /// A JSON string literal: quotes, backslashes and C0 controls escaped, everything else as is.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Mutation number `index` of the run with `seed`.
    public func mutate(seed: UInt64, case index: Int) -> Mutation {
        var random = SeededRandom(seed: seed &* 0x2545_F491_4F6C_DD1D ^ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        _ = random.next()
        if random.chance(40) {
            return rawMutation(&random)
        }
        return structuralMutation(&random)
    }

    // MARK: - Raw bytes

    func rawMutation(_ random: inout SeededRandom) -> Mutation {
        var bytes = original
        var steps: [String] = []
        for _ in 0 ..< random.int(1 ..< 4) where !bytes.isEmpty {
            let position = random.int(0 ..< bytes.count)
            switch random.int(0 ..< 8) {
            case 0:
                let bit = UInt8(1) << UInt8(random.int(0 ..< 8))
                bytes[position] ^= bit
                steps.append("flip bit \(bit) at \(position)")
            case 1:
                bytes.removeSubrange(position...)
                steps.append("truncate at \(position)")
            case 2:
                let length = min(random.int(1 ..< 200), bytes.count - position)
                bytes.removeSubrange(position ..< position + length)
                steps.append("delete \(length) at \(position)")
            case 3:
                let length = min(random.int(1 ..< 400), bytes.count - position)
                bytes.insert(contentsOf: bytes[position ..< position + length], at: position)
                steps.append("duplicate \(length) at \(position)")
            case 4:
                let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82]]
                let sequence = random.pick(invalid)
                bytes.insert(contentsOf: sequence, at: position)
                steps.append("insert invalid UTF-8 \(sequence) at \(position)")
            case 5:
                let control = UInt8(random.int(0 ..< 32))
                bytes.insert(control, at: position)
                steps.append("insert control byte \(control) at \(position)")
            case 6:
                let structural = Array("{}[]\",:0-e \\".utf8)
                bytes[position] = random.pick(structural)
                steps.append("replace byte at \(position)")
            default:
                let byte = UInt8(random.int(0 ..< 256))
                bytes[position] = byte
                steps.append("set byte \(byte) at \(position)")
            }
        }
        return Mutation(data: Data(bytes), description: "raw: " + steps.joined(separator: ", "))
    }

    // MARK: - Structure

    /// What to do at the chosen place of the tree.
    public enum Operation: CaseIterable, Sendable {
        case wrongType, deleteKey, duplicateKey, hugeOrNegativeNumber, nanLikeString, deepNesting, emptyContainer, emptyString,
             hugeString, renameKey, swapWithSibling, rawToken, duplicateElement
    }

    public func structuralMutation(_ random: inout SeededRandom) -> Mutation {
        var markers: [String: String] = [:]
        var steps: [String] = []
        var root = tree
        for _ in 0 ..< random.int(1 ..< 3) {
            let operation = random.pick(Operation.allCases)
            root = apply(operation, to: root, path: "", random: &random, markers: &markers, steps: &steps)
        }
        guard var text = (try? JSONSerialization.data(withJSONObject: root, options: [.fragmentsAllowed, .sortedKeys])).map({ String(decoding: $0, as: UTF8.self) }) else {
            return Mutation(data: Data(original), description: "structural: not serializable")
        }
        for (marker, replacement) in markers {
            text = text.replacingOccurrences(of: "\"\(marker)\"", with: replacement)
        }
        return Mutation(data: Data(text.utf8), description: "structural: " + steps.joined(separator: "; "))
    }

    /// Walks down a random path (stopping now and then, always at leaves) and applies `operation` there.
    public func apply(_ operation: Operation, to node: Any, path: String, random: inout SeededRandom, markers: inout [String: String], steps: inout [String]) -> Any {
        let stopHere = random.chance(18)
        if !stopHere, var object = node as? [String: Any], !object.isEmpty {
            let key = object.keys.sorted()[random.int(0 ..< object.count)]
            let stopAtContainer = random.chance(25) && [.deleteKey, .duplicateKey, .renameKey, .emptyContainer].contains(operation)
            if !stopAtContainer {
                object[key] = apply(operation, to: object[key]!, path: path + "." + key, random: &random, markers: &markers, steps: &steps)
                return object
            }
        } else if !stopHere, var array = node as? [Any], !array.isEmpty {
            let index = random.int(0 ..< array.count)
            if !(random.chance(25) && [.duplicateElement, .emptyContainer, .swapWithSibling].contains(operation)) {
                array[index] = apply(operation, to: array[index], path: path + "[\(index)]", random: &random, markers: &markers, steps: &steps)
                return array
            }
        }
        let place = path.isEmpty ? "(root)" : path
        func marker(_ replacement: String) -> String {
            let name = "@@malkoll-mutation-\(markers.count)@@"
            markers[name] = replacement
            return name
        }
        switch operation {
        case .wrongType:
            let replacements: [Any] = [42, "text", true, NSNull(), [Any](), [String: Any](), [1, 2], -7.5]
            steps.append("wrong type at \(place)")
            return random.pick(replacements)
        case .deleteKey, .renameKey, .duplicateKey:
            guard var object = node as? [String: Any], !object.isEmpty else {
                steps.append("\(operation) at \(place) (not an object: null instead)")
                return NSNull()
            }
            let key = object.keys.sorted()[random.int(0 ..< object.count)]
            switch operation {
            case .deleteKey:
                object[key] = nil
                steps.append("delete \(place).\(key)")
            case .renameKey:
                let value = object.removeValue(forKey: key)!
                let renamed = random.chance(50) ? String(key.dropLast()) : key.uppercased()
                object[renamed.isEmpty ? "x" : renamed] = value
                steps.append("rename \(place).\(key) to \(renamed)")
            default:
                // The serializer cannot write a key twice: write a marker key, then rename it.
                object[marker("\"\(key)\"")] = random.chance(50) ? object[key]! : NSNull()
                steps.append("duplicate key \(place).\(key)")
            }
            return object
        case .hugeOrNegativeNumber:
            let token = random.pick(["1e400", "-1e400", "123456789012345678901234567890", "-9223372036854775809", "9223372036854775808", "-1", "-2021", "-0", "0.5", "2147483648"])
            steps.append("number \(token) at \(place)")
            return marker(token)
        case .rawToken:
            let token = random.pick(Self.rawTokens)
            steps.append("raw \(token) at \(place)")
            return marker(token)
        case .nanLikeString:
            let text = random.pick(Self.nanLikeStrings)
            steps.append("string \(text.debugDescription) at \(place)")
            return marker(Self.jsonString(text))
        case .deepNesting:
            let depth = random.pick([10, 100, 511, 512, 513, 1000, 10000, 100_000])
            let open = random.chance(50) ? "[" : "{\"a\":"
            let close = open == "[" ? "]" : "}"
            steps.append("nesting \(depth) deep at \(place)")
            return marker(String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth))
        case .emptyContainer:
            steps.append("empty container at \(place)")
            return node is [String: Any] ? [String: Any]() : [Any]()
        case .emptyString:
            steps.append("empty string at \(place)")
            return ""
        case .hugeString:
            steps.append("10000-character string at \(place)")
            // Written by hand: the serializer of swift-corelibs-foundation traps on some such strings.
            return marker(Self.jsonString(String(repeating: random.pick(["å", "x", "\u{202E}", "\u{1B}[2J", "e\u{0301}"]), count: 10000)))
        case .swapWithSibling, .duplicateElement:
            guard var array = node as? [Any], !array.isEmpty else {
                steps.append("\(operation) at \(place) (not an array: [] instead)")
                return [Any]()
            }
            if operation == .duplicateElement {
                let index = random.int(0 ..< array.count)
                array.insert(array[index], at: index)
                steps.append("duplicate element \(place)[\(index)]")
            } else {
                let a = random.int(0 ..< array.count), b = random.int(0 ..< array.count)
                array.swapAt(a, b)
                steps.append("swap \(place)[\(a)] and [\(b)]")
            }
            return array
        }
    }
}
