import Foundation

/// A JSON value written in a fixed key order, so exports and summaries are deterministic and
/// diff well. Numbers are written from `Decimal` exactly (no binary floating-point noise).
public indirect enum JSONOutput: Sendable, Equatable {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    case string(String)
    case number(Decimal)
    case bool(Bool)
    case null

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.serialized() == rhs.serialized() }

    /// An optional string, `null` when absent.
    public static func string(_ value: String?) -> JSONOutput { value.map { .string($0) } ?? .null }
    /// An optional number, `null` when absent.
    public static func number(_ value: Decimal?) -> JSONOutput { value.map { .number($0) } ?? .null }
    /// An integer.
    public static func int(_ value: Int) -> JSONOutput { .number(Decimal(value)) }

    /// The JSON text, pretty-printed with two-space indentation.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        let newline = indent == nil ? "" : "\n"
        let pad = { (level: Int) in String(repeating: "  ", count: level) }
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += Self.format(value)
        case .string(let value): Self.escape(value, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                if let indent { out += pad(indent + 1) }
                item.write(to: &out, indent: indent.map { $0 + 1 })
                out += (index < items.count - 1 ? "," : "") + newline
            }
            if let indent { out += pad(indent) }
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{" + newline
            for (index, (key, value)) in members.enumerated() {
                if let indent { out += pad(indent + 1) }
                Self.escape(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent.map { $0 + 1 })
                out += (index < members.count - 1 ? "," : "") + newline
            }
            if let indent { out += pad(indent) }
            out += "}"
        }
    }

    static func format(_ value: Decimal) -> String {
        var text = NSDecimalNumber(decimal: value).stringValue
        if text == "-0" { text = "0" }
        return text
    }

    static func escape(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x2028...0x2029).contains(scalar.value):
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
