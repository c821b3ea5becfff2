import BundledReport
import Foundation
import Testing
@testable import ReportCore

/// The JSON Schema in data/ and the loader accept and reject the same files (issue 10.18).
///
/// Every field the schema describes is reached in the bundled report (the first place it occurs:
/// array positions folded, and a field of a `$defs` definition tried once wherever the definition
/// is used) and mutated: deleted, set to `null`, set
/// to a value of the wrong type, and every object gets an unknown key. Fields the bundled report
/// leaves out are added as `null` and with a wrong type. For each mutation the schema's verdict
/// (by `SchemaValidator`) and the loader's must be the same.
@Suite struct SchemaAgreementTests {
    enum Step: CustomStringConvertible {
        case key(String)
        case index(Int)
        var description: String {
            switch self {
            case .key(let key): ".\(key)"
            case .index(let index): "[\(index)]"
            }
        }
    }

    struct Mutation {
        var name: String
        var path: [Step]
        /// nil deletes the member.
        var value: Any?
    }

    static func set(_ document: Any, _ path: ArraySlice<Step>, _ value: Any?) -> Any {
        guard let step = path.first else { return value ?? NSNull() }
        switch step {
        case .key(let key):
            guard var object = document as? [String: Any] else { return document }
            if path.count == 1 {
                object[key] = value
            } else if let member = object[key] {
                object[key] = set(member, path.dropFirst(), value)
            }
            return object
        case .index(let index):
            guard var array = document as? [Any], array.indices.contains(index) else { return document }
            array[index] = path.count == 1 ? (value ?? NSNull()) : set(array[index], path.dropFirst(), value)
            return array
        }
    }

    /// The rule behind `$ref`, and the non-null alternative of an `anyOf` (for walking).
    static func resolve(_ rule: [String: Any], _ schema: [String: Any]) -> [String: Any] {
        if let reference = rule["$ref"] as? String,
           let definition = (schema["$defs"] as? [String: Any])?[String(reference.dropFirst("#/$defs/".count))] as? [String: Any] {
            return resolve(definition, schema)
        }
        if let options = rule["anyOf"] as? [[String: Any]],
           let option = options.first(where: { ($0["type"] as? String) != "null" }) {
            return resolve(option, schema)
        }
        return rule
    }

    static func types(_ rule: [String: Any]) -> [String] {
        (rule["type"] as? String).map { [$0] } ?? (rule["type"] as? [String]) ?? []
    }

    /// A value of a type the rule does not allow.
    static func wrongType(_ rule: [String: Any]) -> Any {
        types(rule).contains("string") || rule["enum"] != nil ? 7 as Any : "x" as Any
    }

    static func mutations(_ document: Any, schema: [String: Any]) -> [Mutation] {
        var result: [Mutation] = []
        var seen: Set<String> = []
        /// The definition a rule refers to (`#/$defs/indicator`), which names a field wherever it occurs.
        func definition(_ rule: [String: Any]) -> String? {
            if let reference = rule["$ref"] as? String { return reference }
            return (rule["anyOf"] as? [[String: Any]])?.compactMap { $0["$ref"] as? String }.first
        }
        func walk(_ value: Any, _ rule: [String: Any], _ path: [Step], _ folded: String, _ context: String) {
            let context = definition(rule) ?? context
            let rule = resolve(rule, schema)
            if let object = value as? [String: Any], let properties = rule["properties"] as? [String: Any] {
                if seen.insert(context + ".<unknown>").inserted {
                    result.append(Mutation(name: "\(folded): an unknown key", path: path + [.key("unknownFieldForTheTest")], value: 1))
                }
                for name in properties.keys.sorted() {
                    guard let memberRule = properties[name] as? [String: Any] else { continue }
                    let key = folded + "." + name
                    let resolved = resolve(memberRule, schema)
                    if seen.insert(context + "." + name).inserted {
                        let memberPath = path + [.key(name)]
                        if object[name] != nil { result.append(Mutation(name: "\(key): deleted", path: memberPath, value: nil)) }
                        result.append(Mutation(name: "\(key): null", path: memberPath, value: NSNull()))
                        result.append(Mutation(name: "\(key): wrong type", path: memberPath, value: wrongType(resolved)))
                    }
                    if let member = object[name] { walk(member, memberRule, path + [.key(name)], key, context + "." + name) }
                }
            } else if let array = value as? [Any], let items = rule["items"] as? [String: Any] {
                let key = folded + "[]"
                if let first = array.first, seen.insert(context + "[]").inserted {
                    _ = first
                    result.append(Mutation(name: "\(key): an item of the wrong type", path: path + [.index(0)], value: wrongType(resolve(items, schema))))
                    result.append(Mutation(name: "\(key): a null item", path: path + [.index(0)], value: NSNull()))
                }
                for (index, item) in array.enumerated() { walk(item, items, path + [.index(index)], key, context + "[]") }
            }
        }
        walk(document, schema, [], "$", "$")
        return result
    }

    /// The bundled report with its prose shortened (one paragraph per list, long texts cut), so
    /// that hundreds of mutations load quickly; ids, cells, values and references stay intact.
    static func compact(_ value: Any, key: String) -> Any {
        let kept: Set = ["id", "sumOf", "goalArea", "cells", "values", "years", "milestoneTarget", "longTermTarget", "unit"]
        if let object = value as? [String: Any] {
            return object.reduce(into: [String: Any]()) { $0[$1.key] = compact($1.value, key: $1.key) }
        }
        if let array = value as? [Any] {
            if !kept.contains(key), !array.isEmpty, array.allSatisfy({ $0 is String }) { return [compact(array[0], key: key)] }
            return array.map { compact($0, key: key) }
        }
        if let text = value as? String, !kept.contains(key), text.count > 40 { return String(text.prefix(40)) }
        return value
    }

    /// JSON text of a `JSONSerialization` value (faster than `JSONSerialization.data` on Linux).
    static func serialize(_ value: Any, into out: inout String) {
        switch value {
        case let object as [String: Any]:
            out += "{"
            for (offset, member) in object.enumerated() {
                if offset > 0 { out += "," }
                serialize(member.key, into: &out)
                out += ":"
                serialize(member.value, into: &out)
            }
            out += "}"
        case let array as [Any]:
            out += "["
            for (offset, item) in array.enumerated() {
                if offset > 0 { out += "," }
                serialize(item, into: &out)
            }
            out += "]"
        case let text as String:
            out += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        case is NSNull: out += "null"
        case let number as NSNumber:
            out += SchemaValidator.isBoolean(number) ? (number.boolValue ? "true" : "false") : number.stringValue
        default: out += "null"
        }
    }

    func verdicts(_ document: Any, validator: SchemaValidator) throws -> (schema: [String], loader: String?) {
        var text = ""
        Self.serialize(document, into: &text)
        let data = Data(text.utf8)
        let loader: String?
        do {
            _ = try ReportLoader.load(data: data, file: "mutated.json")
            loader = nil
        } catch {
            loader = error.description
        }
        return (validator.violations(document), loader)
    }

    @Test func schemaAndLoaderAgreeOnEveryFieldDeletedNulledMistypedOrUnknown() throws {
        let validator = try SchemaValidator.bundled()
        let url = try #require(BundledReport.reportURL)
        let document = Self.compact(try JSONSerialization.jsonObject(with: Data(contentsOf: url)), key: "")
        let original = try verdicts(document, validator: validator)
        #expect(original.schema.isEmpty && original.loader == nil, "the bundled report: \(original)")
        let mutations = Self.mutations(document, schema: validator.schema)
        var rejected = 0
        for mutation in mutations {
            let (schema, loader) = try verdicts(Self.set(document, mutation.path[...], mutation.value), validator: validator)
            if loader != nil { rejected += 1 }
            #expect(schema.isEmpty == (loader == nil),
                    "\(mutation.name): schema \(schema.isEmpty ? "accepts" : "rejects (\(schema.prefix(2)))"), loader \(loader.map { "rejects (\($0))" } ?? "accepts")")
        }
        // Every schema field is tried, and most mutations are errors in both.
        #expect(mutations.count > 200)
        #expect(rejected > mutations.count / 2)
    }

    /// The compact bundled report and the validator, for value-level checks.
    func fixture() throws -> (document: Any, validator: SchemaValidator) {
        let url = try #require(BundledReport.reportURL)
        return (Self.compact(try JSONSerialization.jsonObject(with: Data(contentsOf: url)), key: ""), try SchemaValidator.bundled())
    }

    @Test(arguments: [("2021-01-01", true), ("2020-02-29", true), ("2021-02-30", false), ("2021-02-29", false), ("2021-13-01", false),
                      ("2021-04-31", false), ("2021-1-01", false), (" 2021-01-01", false), ("2021-01-01 ", false), ("2021-01-01T00:00:00Z", false),
                      ("", false), ("januari 2021", false), ("2021-00-10", false), ("2021-01-00", false)])
    func periodDatesAreRealDaysInBoth(_ date: String, _ valid: Bool) throws {
        let (document, validator) = try fixture()
        for field in ["periodStart", "periodEnd"] {
            let mutated = Self.set(document, [Step.key("metadata"), .key(field)][...], date)
            let (schema, loader) = try verdicts(mutated, validator: validator)
            #expect(schema.isEmpty == valid, "\(field) \"\(date)\": schema \(schema)")
            #expect((loader == nil) == valid, "\(field) \"\(date)\": loader \(loader ?? "accepts")")
        }
    }

    @Test(arguments: [("46 166", true), ("-8 025", true), ("−91,7", true), ("+5", true), ("0,0", true), ("46166", true), ("", true),
                      ("46\u{00A0}166", true), ("46\u{202F}166", true), ("12 345 678", true),
                      (" 46 166", false), ("46 166 ", false), ("46  166", false), ("4 6166", false), ("1.5", false), ("1,", false),
                      ("-", false), ("NaN", false), ("46 166\n", false), ("\t5", false), (",5", false), ("1 000,", false)])
    func tableCellsAreNumbersExactlyAsPrintedInBoth(_ cell: String, _ valid: Bool) throws {
        let (document, validator) = try fixture()
        let path: [Step] = [.key("economy"), .key("operations"), .key("rows"), .index(1), .key("cells"), .index(0)]
        let (schema, loader) = try verdicts(Self.set(document, path[...], cell), validator: validator)
        #expect(schema.isEmpty == valid, "\"\(cell)\": schema \(schema)")
        #expect((loader == nil) == valid, "\"\(cell)\": loader \(loader ?? "accepts")")
    }
}
