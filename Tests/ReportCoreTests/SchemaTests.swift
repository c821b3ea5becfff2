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

    func violations(_ value: Any, _ rule: [String: Any]) -> [String] {
        SchemaValidator(schema: schema).violations(value, rule)
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
        #expect(violations(object, schema).contains("$.metadata.reportingYear: expected integer"))
    }
}
