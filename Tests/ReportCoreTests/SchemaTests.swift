import BundledReport
import Foundation
import Testing

/// The JSON Schema in data/ describes the format the loader reads: the bundled report validates
/// against it, and a changed field name or type does not.
@Suite struct SchemaTests {
    let schema: [String: Any]
    let report: Any

    init() throws {
        let schemaURL = try #require(BundledReport.schemaURL)
        let reportURL = try #require(BundledReport.reportURL)
        schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        report = try JSONSerialization.jsonObject(with: Data(contentsOf: reportURL))
    }

    /// JSONSerialization on Linux gives NSNumber for true/false too; its type code tells them apart.
    func isBoolean(_ value: Any) -> Bool {
        type(of: value) == Bool.self || (value as? NSNumber).map { String(cString: $0.objCType) == "c" } == true
    }

    /// A validator for the subset of JSON Schema the format's schema uses.
    func violations(_ value: Any, _ rule: [String: Any], path: String = "$") -> [String] {
        if let reference = rule["$ref"] as? String {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard let definition = (schema["$defs"] as? [String: Any])?[name] as? [String: Any] else { return ["\(path): unknown $ref \(reference)"] }
            return violations(value, definition, path: path)
        }
        var problems: [String] = []
        if let constant = rule["const"] as? Int, (value as? Int) != constant { problems.append("\(path): expected \(constant)") }
        if let allowed = rule["enum"] as? [String], !(value is String && allowed.contains(value as! String)) { problems.append("\(path): not one of \(allowed)") }
        switch rule["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): expected an object"] }
            let properties = rule["properties"] as? [String: Any] ?? [:]
            for key in rule["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
            for (key, member) in object {
                guard let memberRule = properties[key] as? [String: Any] else {
                    if rule["additionalProperties"] as? Bool == false { problems.append("\(path).\(key): not allowed") }
                    continue
                }
                problems += violations(member, memberRule, path: "\(path).\(key)")
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path): expected an array"] }
            if let items = rule["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { problems += violations(item, items, path: "\(path)[\(index)]") }
            }
        case "string":
            guard let text = value as? String else { return ["\(path): expected a string"] }
            if let pattern = rule["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): \"\(text)\" does not match the pattern")
            }
        case "integer":
            // JSONSerialization gives NSNumber for numbers and Bool for true/false.
            let integral = value is Int || (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } == true
            if isBoolean(value) || !integral {
                problems.append("\(path): expected an integer")
            }
        case "boolean":
            if !isBoolean(value) { problems.append("\(path): expected a boolean") }
        default: break
        }
        return problems
    }

    @Test func theBundledReportValidatesAgainstTheSchema() {
        #expect(violations(report, schema) == [])
    }

    @Test func theSchemaRejectsAnUnknownFieldAndAWrongType() throws {
        var object = try #require(report as? [String: Any])
        object["milestonTarget"] = "x"
        #expect(violations(object, schema).contains("$.milestonTarget: not allowed"))
        var metadata = try #require(object["metadata"] as? [String: Any])
        metadata["reportingYear"] = "2021"
        object["metadata"] = metadata
        #expect(violations(object, schema).contains("$.metadata.reportingYear: expected an integer"))
    }
}
