import Foundation
import Testing

/// The non-interactive commands, run as a user runs them: exit codes, formats, errors.
@Suite struct CommandTests {
    @Test func summaryPrintsCountsPerGoalAreaFromAnyFolder() throws {
        let result = try MalkollBinary.run(["summary"], currentDirectory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Huddinge kommun – Kommunstyrelsen\nDelårsrapport januari–augusti 2021\n"))
        #expect(result.stdout.contains("God ekonomi och effektiv verksamhet - ekonomisk hållbarhet   4/1/2/1 av 8"))
        #expect(result.stdout.contains("Granskning: 1 fel, 4 varningar"))
        #expect(result.stderr.isEmpty)
    }

    @Test func summaryAsJSONIsValidAndHoldsTheTotals() throws {
        let result = try MalkollBinary.run(["summary", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let totals = object?["totals"] as? [String: Any]
        let indicators = totals?["indicators"] as? [String: Any]
        #expect(indicators?["total"] as? Int == 26)
        #expect(indicators?["met"] as? Int == 6)
        #expect((object?["areas"] as? [Any])?.count == 3)
    }

    @Test func summaryAsMarkdownHasATable() throws {
        let result = try MalkollBinary.run(["summary", "--format", "markdown"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("| Målområde | Uppnås | Närmar sig | Uppnås ej | Ej bedömd |"))
    }

    @Test func checkExitsOneWhenAFindingIsAnError() throws {
        let result = try MalkollBinary.run(["check"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("ERROR: Nämndernas investeringar › Nyinvestering › Fiberutbyggnad IT › Helår avvikelse: Omvänt tecken"))
    }

    @Test func checkJSONHasNumbersAsNumbers() throws {
        let result = try MalkollBinary.run(["check", "--format", "json"])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        #expect(first["severity"] as? String == "error")
        #expect((first["printed"] as? NSNumber)?.intValue == 400)
        #expect((first["computed"] as? NSNumber)?.intValue == -400)
        #expect(Set(first.keys) == ["severity", "location", "message", "printed", "computed"])
    }

    @Test func checkExitsZeroWhenNoFindingIsAnError() throws {
        let data = try String(contentsOf: MalkollBinary.repositoryRoot.appendingPathComponent("data/huddinge-kommunstyrelsen-2021-08.json"), encoding: .utf8)
        // Print the fibre row's deviation with the sign the convention gives.
        let fixed = data.replacingOccurrences(of: "\"-29 200\",\n            \"400\"", with: "\"-29 200\",\n            \"-400\"")
        #expect(fixed != data)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-fixed-\(UUID().uuidString).json")
        try fixed.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try MalkollBinary.run(["check", file.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("0 fel"))
    }

    @Test func unusableInputExitsTwoWithOneLocatedLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-broken-\(UUID().uuidString).json")
        try "{\n  \"formatVersion\": 1,\n  \"metadata\": [\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        for command in ["summary", "check", "export"] {
            let arguments = command == "export" ? [command, file.path, "--table", "indicators"] : [command, file.path]
            let result = try MalkollBinary.run(arguments)
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1)
            #expect(lines.first?.hasPrefix("malkoll: \(file.path):") == true)
        }
        let missing = try MalkollBinary.run(["summary", "/no/such/report.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/no/such/report.json"))
    }

    @Test func unknownOptionExitsTwoWithoutAStackTrace() throws {
        let result = try MalkollBinary.run(["summary", "--colour"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--colour'"))
        #expect(!result.stderr.contains("Fatal error"))
        let badFormat = try MalkollBinary.run(["export", "--table", "budget"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("budget"))
    }

    @Test func exportCSVFollowsRFC4180() throws {
        let result = try MalkollBinary.run(["export", "--table", "assignments", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("area,councilGoal,boardGoal,title,status,comment\r\n"))
        // Comments with commas, quotes or line breaks are quoted; every record ends in CRLF.
        #expect(result.stdout.contains(",Troligen klart i år,\"Syftet med en ny ekonomimodell"))
        #expect(result.stdout.hasSuffix("\r\n"))
    }

    @Test func exportIndicatorsJSONHasTheDocumentedFields() throws {
        let result = try MalkollBinary.run(["export", "--table", "indicators", "--format", "json"])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 26)
        let required: Set = ["area", "councilGoal", "boardGoal", "name", "unit", "values", "milestoneTarget", "longTermTarget", "status", "reportedStatus", "explanation"]
        for row in rows { #expect(required.isSubset(of: Set(row.keys))) }
        let sick = try #require(rows.first { $0["name"] as? String == "Sjukfrånvaro" })
        #expect(sick["boardGoal"] is NSNull)
        let values = try #require(sick["values"] as? [String: Any])
        #expect((values["2021"] as? NSNumber)?.doubleValue == 8.9)
        #expect(sick["status"] as? String == "approaching")
        #expect(sick["reportedStatus"] as? String == "notMet")
        let blank = try #require(rows.first { $0["name"] as? String == "Upplevd trygghet i bostadsområdet" })
        #expect((blank["values"] as? [String: Any])?["2021"] is NSNull)
    }

    @Test(arguments: ["indicators", "assignments", "operations", "net-cost", "covid", "investments", "urban-development", "internal-control"])
    func everyTableExportsInEveryFormat(table: String) throws {
        for format in ["csv", "json", "markdown"] {
            let result = try MalkollBinary.run(["export", "--table", table, "--format", format])
            #expect(result.status == 0, "\(table) \(format): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
            if format == "json" {
                #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) is [Any])
            }
        }
    }

    @Test func exportToAFileWritesAtomicallyAndLeavesNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("ik.csv")
        try "old".write(to: target, atomically: true, encoding: .utf8)
        let result = try MalkollBinary.run(["export", "--table", "internal-control", "--output", target.path])
        #expect(result.status == 0)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.hasPrefix("kind,process,title,status,comment\r\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ik.csv"])
        let intoFolder = try MalkollBinary.run(["export", "--table", "covid", "--output", folder.path])
        #expect(intoFolder.status == 2)
        #expect(intoFolder.stderr.contains("is a folder"))
    }
}
