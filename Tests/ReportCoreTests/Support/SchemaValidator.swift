import BundledReport
import Foundation

/// A validator for the subset of JSON Schema (2020-12) that `data/malkoll-report.schema.json`
/// uses: `$ref` into `$defs`, `type` (a name or a list of names), `const`, `enum`, `properties`,
/// `required`, `additionalProperties: false`, `items`, `pattern` (anchored as in ECMA-262),
/// `minimum`, `maximum`, `anyOf`, and the
/// `date` format, asserted (RFC 3339 full-date: a real calendar day).
///
/// Values are what `JSONSerialization` gives: dictionaries, arrays, strings, `NSNumber` (also for
/// booleans on Linux) and `NSNull`.
final class SchemaValidator {
    let schema: [String: Any]
    /// Compiled patterns: the report has thousands of cells, each checked against the same one.
    private var regexes: [String: NSRegularExpression] = [:]

    init(schema: [String: Any]) {
        self.schema = schema
    }

    /// The format's schema from the package resource.
    static func bundled() throws -> SchemaValidator {
        guard let url = BundledReport.schemaURL,
              let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw TestDataError("the schema resource is missing or not an object")
        }
        return SchemaValidator(schema: schema)
    }

    /// JSONSerialization on Linux gives NSNumber for true/false too; its type code tells them apart.
    static func isBoolean(_ value: Any) -> Bool {
        type(of: value) == Bool.self || (value as? NSNumber).map { String(cString: $0.objCType) == "c" } == true
    }

    static func isNumber(_ value: Any) -> Bool { !isBoolean(value) && value is NSNumber }

    static func isInteger(_ value: Any) -> Bool {
        guard isNumber(value), let number = value as? NSNumber else { return false }
        return number.doubleValue == number.doubleValue.rounded()
    }

    /// Whether `text` is a full-date of RFC 3339 naming a day that exists. An oracle of its own
    /// (Foundation's Gregorian calendar), not the loader's arithmetic, so that the agreement test
    /// compares two readings of the format.
    static func isDate(_ text: String) -> Bool {
        guard text.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", options: .regularExpression) != nil else { return false }
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.isLenient = false
        guard let date = formatter.date(from: text) else { return false }
        return formatter.string(from: date) == text
    }

    func matchesType(_ value: Any, _ name: String) -> Bool {
        switch name {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "integer": Self.isInteger(value)
        case "number": Self.isNumber(value)
        case "boolean": Self.isBoolean(value)
        case "null": value is NSNull
        default: false
        }
    }

    func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if let a = a as? String, let b = b as? String { return a == b }
        if Self.isBoolean(a) != Self.isBoolean(b) { return false }
        if let a = a as? NSNumber, let b = b as? NSNumber { return a == b }
        return false
    }

    func matches(_ text: String, _ pattern: String) -> Bool {
        let regex: NSRegularExpression
        if let cached = regexes[pattern] {
            regex = cached
        } else {
            // ECMA-262 (which JSON Schema uses) matches `$` only at the end of the text; ICU also
            // before a final line break. `\z` is ICU's end of text.
            var translated = ""
            var escaped = false
            for character in pattern {
                if character == "$" && !escaped { translated += "\\z" } else { translated.append(character) }
                escaped = character == "\\" && !escaped
            }
            guard let compiled = try? NSRegularExpression(pattern: translated) else { return false }
            regexes[pattern] = compiled
            regex = compiled
        }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Every violation of `rule` (the whole schema by default) by `value`; empty when it is valid.
    func violations(_ value: Any, _ rule: [String: Any]? = nil, path: String = "$") -> [String] {
        let rule = rule ?? schema
        if let reference = rule["$ref"] as? String {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard let definition = (schema["$defs"] as? [String: Any])?[name] as? [String: Any] else { return ["\(path): unknown $ref \(reference)"] }
            return violations(value, definition, path: path)
        }
        var problems: [String] = []
        if let options = rule["anyOf"] as? [[String: Any]], !options.contains(where: { violations(value, $0, path: path).isEmpty }) {
            problems.append("\(path): matches none of anyOf")
        }
        if let constant = rule["const"], !equal(value, constant) { problems.append("\(path): expected \(constant)") }
        if let allowed = rule["enum"] as? [Any], !allowed.contains(where: { equal(value, $0) }) { problems.append("\(path): not one of \(allowed)") }
        let types = (rule["type"] as? String).map { [$0] } ?? (rule["type"] as? [String]) ?? []
        if !types.isEmpty, !types.contains(where: { matchesType(value, $0) }) {
            return problems + ["\(path): expected \(types.joined(separator: " or "))"]
        }
        if let object = value as? [String: Any], types.contains("object") {
            let properties = rule["properties"] as? [String: Any] ?? [:]
            for key in rule["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
            for (key, member) in object {
                guard let memberRule = properties[key] as? [String: Any] else {
                    if rule["additionalProperties"] as? Bool == false { problems.append("\(path).\(key): not allowed") }
                    continue
                }
                problems += violations(member, memberRule, path: "\(path).\(key)")
            }
        }
        if let array = value as? [Any], types.contains("array"), let items = rule["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += violations(item, items, path: "\(path)[\(index)]") }
        }
        if let text = value as? String {
            if let pattern = rule["pattern"] as? String, !matches(text, pattern) {
                problems.append("\(path): \"\(text)\" does not match the pattern")
            }
            if rule["format"] as? String == "date", !Self.isDate(text) { problems.append("\(path): \"\(text)\" is not a date") }
        }
        if let maximum = rule["maximum"] as? NSNumber, Self.isNumber(value), let number = value as? NSNumber, number.doubleValue > maximum.doubleValue {
            problems.append("\(path): above \(maximum)")
        }
        if let minimum = rule["minimum"] as? NSNumber, Self.isNumber(value), let number = value as? NSNumber, number.doubleValue < minimum.doubleValue {
            problems.append("\(path): below \(minimum)")
        }
        return problems
    }
}
