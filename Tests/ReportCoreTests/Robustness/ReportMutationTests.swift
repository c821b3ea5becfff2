import BundledReport
import Foundation
import ReportCore
import Testing
import MalkollTestSupport

// (Named ReportMutationTests.swift: Loading/MutationTests.swift already exists in this target,
// and a module cannot hold two files of the same name.)

/// The bundled report, made smaller for the fast suite: every kind of object and field is kept,
/// but lists are cut to their first items (statements about removed goal areas are dropped, so
/// the result still loads). `malkoll-bench fuzz` mutates the whole file.
enum SmallBundledReport {
    static func data() throws -> Data {
        guard let url = BundledReport.reportURL else { throw TestDataError("the bundled report resource is missing") }
        var root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        func cut(_ value: Any?, to count: Int) -> [Any] { Array(((value as? [Any]) ?? []).prefix(count)) }
        func shrink(_ value: Any, key: String = "") -> Any {
            if var object = value as? [String: Any] {
                for (key, child) in object { object[key] = shrink(child, key: key) }
                return object
            }
            if let array = value as? [Any] {
                let limit = ["goalAreas": 2, "councilGoals": 1, "boardGoals": 1, "indicators": 3, "assignments": 1, "narrative": 1,
                             "comment": 1, "paragraphs": 1, "riskReductions": 1, "auditActions": 1, "systematicControls": 2,
                             "sections": 2, "commentary": 1, "transcriptionNotes": 1][key] ?? array.count
                return cut(array, to: limit).map { shrink($0) }
            }
            return value
        }
        root = shrink(root) as! [String: Any]
        let areas = Set(((root["goalAreas"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        if var summary = root["summary"] as? [String: Any] {
            summary["statements"] = ((summary["statements"] as? [[String: Any]]) ?? []).filter { ($0["goalArea"] as? String).map(areas.contains) ?? true }
            root["summary"] = summary
        }
        return try JSONSerialization.data(withJSONObject: root)
    }
}

@Suite("Mutated report files")
struct ReportMutationTests {
    /// Loads a damaged file; when it loads, analyses it and writes the summary and one export.
    /// Returns whether it loaded; a rejection must say where.
    static func exercise(_ data: Data, case index: Int, description: String) -> Bool {
        do {
            let report = try ReportLoader.load(data: data, file: "mutated.json")
            let analysis = ReportAnalysis(report: report)
            let summary = SummaryFormatter(analysis: analysis)
            #expect(!summary.text().isEmpty)
            _ = summary.markdown()
            _ = FindingsFormatter.text(analysis.audit)
            let tables = ExportTable.allCases, formats = ExportFormat.allCases, n = max(0, index)
            _ = Exporter(analysis: analysis).render(tables[n % tables.count], format: formats[n % formats.count])
            return true
        } catch {
            #expect(error.line != nil || !error.path.isEmpty, "case \(index) (\(description)): unlocated error \(error)")
            #expect(error.file == "mutated.json")
            #expect(!error.description.contains("\n"), "case \(index): a multi-line message")
            return false
        }
    }

    @Test("1,000 mutations of the bundled report: each loads or fails with a located message")
    func thousandMutations() throws {
        let data = try SmallBundledReport.data()
        #expect(Self.exercise(data, case: -1, description: "undamaged"), "the shrunk bundled report must load")
        let mutator = try ReportMutator(data: data)
        var loaded = 0
        for index in 0 ..< 1000 {
            let mutation = mutator.mutate(seed: 2021_0831, case: index)
            if Self.exercise(mutation.data, case: index, description: mutation.description) { loaded += 1 }
        }
        // Both outcomes must occur, or the mutations are too weak or too strong to tell anything.
        #expect(loaded > 10 && loaded < 990, "loaded \(loaded) of 1000")
    }

    @Test("each kind of structural damage, at the root")
    func everyOperationAtTheRoot() throws {
        let data = try SmallBundledReport.data()
        let mutator = try ReportMutator(data: data)
        for operation in ReportMutator.Operation.allCases {
            var random = SeededRandom(seed: 7)
            var markers: [String: String] = [:], steps: [String] = []
            var root = mutator.tree
            // Several attempts, so that the walk reaches different depths.
            for _ in 0 ..< 5 { root = mutator.apply(operation, to: root, path: "", random: &random, markers: &markers, steps: &steps) }
            var text = String(decoding: try JSONSerialization.data(withJSONObject: root, options: [.fragmentsAllowed]), as: UTF8.self)
            for (marker, replacement) in markers { text = text.replacingOccurrences(of: "\"\(marker)\"", with: replacement) }
            _ = Self.exercise(Data(text.utf8), case: 0, description: "\(operation): \(steps.joined(separator: "; "))")
        }
    }

    @Test("deep nesting, invalid UTF-8, truncation and empty input fail with a location")
    func classicDamage() throws {
        let data = try SmallBundledReport.data()
        let bytes = [UInt8](data)
        let cases: [(String, [UInt8])] = [
            ("deep nesting", Array(String(repeating: "[", count: 100_000).utf8)),
            ("deep nesting in a field", Array("{\"formatVersion\":\(String(repeating: "[", count: 5000))".utf8)),
            ("invalid UTF-8", Array(bytes.prefix(200)) + [0xFF, 0xC3] + Array(bytes.dropFirst(200))),
            ("truncated", Array(bytes.prefix(bytes.count / 2))),
            ("empty", []),
            ("only whitespace", Array("  \n\t ".utf8)),
            ("NUL bytes", [UInt8](repeating: 0, count: 64)),
        ]
        for (name, damaged) in cases {
            #expect(!Self.exercise(Data(damaged), case: 0, description: name), "\(name) must be rejected")
        }
    }
}
