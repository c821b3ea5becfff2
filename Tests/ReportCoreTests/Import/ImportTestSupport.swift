import BundledReport
import Foundation
import ReportCore
import ReportImport

/// Paths and data for the importer tests.
enum ImportTestSupport {
    /// The repository root, from this file's path (`Tests/ReportCoreTests/Import/…`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/ReportCoreTests/Fixtures/import`.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import", isDirectory: true)

    /// The bundled report's source text, `data/source/huddinge-kommunstyrelsen-2021-08.txt`.
    static let sourceURL = repositoryRoot.appendingPathComponent("data/source/huddinge-kommunstyrelsen-2021-08.txt")

    struct MissingData: Error, CustomStringConvertible {
        var description: String
    }

    /// The source text; a missing file is an error (the tests must fail, not skip).
    static func sourceText() throws -> String {
        guard let data = FileManager.default.contents(atPath: sourceURL.path), let text = String(data: data, encoding: .utf8) else {
            throw MissingData(description: "the report text is missing at \(sourceURL.path): it belongs in the repository")
        }
        return text
    }

    static func sourceLines() throws -> [String] {
        var lines = try sourceText().components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func overlay() throws -> Overlay {
        let url = repositoryRoot.appendingPathComponent("data/source/huddinge-kommunstyrelsen-2021-08.overlay.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw MissingData(description: "the overlay fixture is missing at \(url.path)")
        }
        return try Overlay.load(data: data, file: url.lastPathComponent)
    }

    static func bundled() throws -> Report {
        guard let url = BundledReport.reportURL else { throw MissingData(description: "the bundled report resource is missing") }
        return try ReportLoader.load(contentsOf: url)
    }

    /// Imports `text` with the committed overlay.
    static func importWithOverlay(_ text: String, file: String = "000_4aa2431769c5c4f6.txt") throws -> ImportResult {
        try ReportImporter(options: ImportOptions(overlay: overlay())).importReport(text: text, fileName: file)
    }

    /// Imports the lines joined with LF.
    static func importLines(_ lines: [String], overlay: Bool = true) throws -> ImportResult {
        let text = lines.joined(separator: "\n") + "\n"
        if overlay { return try importWithOverlay(text) }
        return try ReportImporter().importReport(text: text, fileName: "variant.txt")
    }
}

/// A field-by-field comparison of two reports, by JSON path.
///
/// Both reports are encoded to JSON and walked together; every leaf (or shape) that differs is
/// one line `path: imported <value> ≠ expected <value>`. Before comparing, the financial tables
/// are normalised so that the comparison is about what the text carries:
///
/// - row ids are dropped and `sumOf` entries are replaced by the position of the row they name
///   (`#3`, `-#0`): row ids are naming choices of whoever transcribed the table, while which
///   rows a sum adds up is what the table prints;
/// - a missing `level` counts as 0 (the model documents 0 as the top level);
/// - the notes of internal-control items are left out: they are the transcriber's commentary on
///   how a floating process label was read. The importer states its own reading there (and as a
///   warning with line numbers); the processes themselves are compared.
///
/// Every other field is compared. Those the text cannot carry (indicator directions, reported
/// statuses and notes, the indicator id that is not the folded name, section ids and notes, the
/// status rule, `metadata.source`, the transcription notes) come from the overlay fixture
/// `data/source/huddinge-kommunstyrelsen-2021-08.overlay.json`.
enum ReportDiff {
    static func differences(_ imported: Report, _ expected: Report) throws -> [String] {
        let left = try tree(normalised(imported))
        let right = try tree(normalised(expected))
        var result: [String] = []
        compare(left, right, path: "", into: &result)
        return result
    }

    static func normalised(_ report: Report) -> Report {
        var report = report
        func fix(_ table: inout FinancialTable) {
            let ids = table.rows.map(\.id)
            for r in table.rows.indices {
                table.rows[r].level = table.rows[r].level ?? 0
                table.rows[r].sumOf = table.rows[r].sumOf.map { members in
                    members.map { member in
                        let negative = member.hasPrefix("-")
                        let id = negative ? String(member.dropFirst()) : member
                        let position = ids.firstIndex(of: id).map { "#\($0)" } ?? "?\(id)"
                        return (negative ? "-" : "") + position
                    }
                }
            }
            for r in table.rows.indices { table.rows[r].id = "" }
        }
        fix(&report.economy.operations)
        fix(&report.economy.netCost)
        fix(&report.economy.covid)
        fix(&report.investments.board)
        fix(&report.investments.urbanDevelopment)
        for i in report.internalControl.riskReductions.indices { report.internalControl.riskReductions[i].note = nil }
        for i in report.internalControl.auditActions.indices { report.internalControl.auditActions[i].note = nil }
        for i in report.internalControl.systematicControls.indices { report.internalControl.systematicControls[i].note = nil }
        return report
    }

    static func tree(_ report: Report) throws -> Any {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONSerialization.jsonObject(with: encoder.encode(report), options: [.fragmentsAllowed])
    }

    static func show(_ value: Any?) -> String {
        guard let value else { return "(absent)" }
        if let string = value as? String { return "\"\(string.count > 120 ? string.prefix(120) + "…" : Substring(string))\"" }
        if value is NSNull { return "null" }
        if let array = value as? [Any] { return "[\(array.count) elements]" }
        if value is [String: Any] { return "{…}" }
        return "\(value)"
    }

    static func compare(_ left: Any?, _ right: Any?, path: String, into result: inout [String]) {
        switch (left, right) {
        case let (l as [String: Any], r as [String: Any]):
            for key in Set(l.keys).union(r.keys).sorted() {
                compare(l[key], r[key], path: path.isEmpty ? key : "\(path).\(key)", into: &result)
            }
        case let (l as [Any], r as [Any]):
            if l.count != r.count {
                result.append("\(path): imported has \(l.count) elements ≠ expected \(r.count)")
            }
            for index in 0 ..< min(l.count, r.count) {
                compare(l[index], r[index], path: "\(path)[\(index)]", into: &result)
            }
        default:
            let l = left.map { "\($0)" }
            let r = right.map { "\($0)" }
            if l != r || (left == nil) != (right == nil) {
                result.append("\(path): imported \(show(left)) ≠ expected \(show(right))")
            }
        }
    }
}
