import BundledReport
import Foundation
import Testing
@testable import ReportCore

@Suite("Loading reports")
struct ReportLoaderTests {
    @Test("the hand-written minimal report loads with every part decoded")
    func minimalReportLoads() throws {
        let report = try ReportLoader.load(data: LoadingFixtures.data("valid/minimal.json"), file: "valid/minimal.json")
        #expect(report.formatVersion == 1)
        #expect(report.metadata.kind == .interimReport)
        #expect(report.metadata.source == nil)
        #expect(report.statusRule?.approaching == .tolerance)
        #expect(report.statusRule?.tolerancePercent == 10)
        #expect(report.goalAreas.count == 1)
        let councilGoal = try #require(report.goalAreas.first?.councilGoals.first)
        let table = try #require(councilGoal.indicatorTable)
        #expect(table.years == [2019, 2020, 2021])
        #expect(table.indicators.map(\.id) == ["resultat", "skattesats"])
        #expect(table.indicators[1].direction == .lowerIsBetter)
        #expect(table.indicators[0].direction == nil)
        let boardGoal = try #require(councilGoal.boardGoals.first)
        #expect(boardGoal.assignments.first?.progress == .completed)
        #expect(boardGoal.indicatorTable?.indicators.first?.reportedStatus?.status == .met)
        #expect(report.economy.operations.rows.last?.sumOf == ["intakter", "kostnader"])
        #expect(report.investments.urbanDevelopment.rows.first?.cells == ["−12,5"])
        #expect(report.internalControl.riskReductions.count == 1)
        #expect(report.internalControl.auditActions.count == 1)
        #expect(report.internalControl.systematicControls.count == 1)
        #expect(report.sections.first?.subsections?.first?.note == "Avsnittet är tomt i källan.")
        #expect(report.transcriptionNotes?.count == 1)
    }

    @Test("each kind of report loads, tertialrapport included, and an unknown kind is refused")
    func everyKindLoads() throws {
        let url = try #require(BundledReport.reportURL)
        let text = try String(contentsOf: url, encoding: .utf8)
        for kind in ReportKind.allCases {
            let changed = text.replacingOccurrences(of: "\"kind\": \"delårsrapport\"", with: "\"kind\": \"\(kind.rawValue)\"")
            #expect(try ReportLoader.load(data: Data(changed.utf8), file: "k.json").metadata.kind == kind)
        }
        let unknown = text.replacingOccurrences(of: "\"kind\": \"delårsrapport\"", with: "\"kind\": \"kvartalsrapport\"")
        #expect(throws: ReportLoadError.self) { try ReportLoader.load(data: Data(unknown.utf8), file: "k.json") }
    }

    @Test("the bundled report loads and passes validation")
    func bundledReportLoads() throws {
        let url = try #require(BundledReport.reportURL)
        let report = try ReportLoader.load(contentsOf: url)
        #expect(report.formatVersion == 1)
        #expect(!report.goalAreas.isEmpty)
    }

    @Test("the loader's result equals Foundation's JSONDecoder's for the same file")
    func agreesWithFoundation() throws {
        let data = try LoadingFixtures.data("valid/minimal.json")
        let ours = try ReportLoader.load(data: data, file: "minimal.json")
        let theirs = try JSONDecoder().decode(Report.self, from: data)
        #expect(ours == theirs)
    }

    @Test("a missing file is named as the user gave it")
    func missingFile() {
        #expect(throws: ReportLoadError(file: "no/such/report.json", message: "no such file")) {
            try ReportLoader.load(contentsOfFile: "no/such/report.json")
        }
        #expect(throws: ReportLoadError(file: "no-such-report.json", message: "no such file")) {
            try ReportLoader.load(contentsOf: URL(fileURLWithPath: "no-such-report.json"))
        }
    }

    @Test("a directory is refused with a clear message")
    func directoryIsRefused() {
        let path = LoadingFixtures.directory.path
        do {
            _ = try ReportLoader.load(contentsOfFile: path)
            Issue.record("a directory loaded")
        } catch {
            #expect(error.description == "\(path): is a directory, not a report file")
        }
    }

    @Test("an empty file on disk is reported at its first line")
    func emptyFileOnDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-empty-\(UUID().uuidString).json")
        try Data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try ReportLoader.load(contentsOfFile: url.path)
            Issue.record("an empty file loaded")
        } catch {
            #expect(error.description == "\(url.path):1:1: at (root): the file is empty; expected a JSON value")
        }
    }

    @Test("a report file read from disk loads like its bytes")
    func fileOnDiskLoads() throws {
        let url = LoadingFixtures.directory.appendingPathComponent("valid/minimal.json")
        let fromFile = try ReportLoader.load(contentsOfFile: url.path)
        let fromData = try ReportLoader.load(data: Data(contentsOf: url), file: "x")
        #expect(fromFile == fromData)
    }

    @Test("error descriptions leave out the parts that are unknown")
    func descriptionFormat() {
        #expect(ReportLoadError(file: "a.json", path: "goalAreas[0].title", line: 3, column: 14, message: "m").description
            == "a.json:3:14: at goalAreas[0].title: m")
        #expect(ReportLoadError(file: "a.json", path: "", line: 1, column: 1, message: "m").description == "a.json:1:1: at (root): m")
        #expect(ReportLoadError(file: "a.json", path: "x", message: "m").description == "a.json: at x: m")
        #expect(ReportLoadError(file: "a.json", message: "no such file").description == "a.json: no such file")
        #expect(ReportLoadError(file: "a.json", path: "x", line: 2, message: "m").description == "a.json:2: at x: m")
    }

    @Test("an id with a line break or an escape from the file keeps the message on one inert line")
    func messageQuotingDataStaysOneLine() throws {
        let text = try #require(String(data: LoadingFixtures.data("valid/minimal.json"), encoding: .utf8))
        let damaged = text.replacingOccurrences(of: #""sumOf": ["it"]"#, with: #""sumOf": ["i\nt\u001B[31m"]"#)
        #expect(damaged != text)
        do {
            _ = try ReportLoader.load(data: Data(damaged.utf8), file: "d.json")
            Issue.record("a sumOf naming no row must be rejected")
        } catch {
            #expect(error.description.contains("sumOf refers to \"i t\u{FFFD}[31m\""), "\(error.description)")
            #expect(!error.description.contains("\n") && !error.description.contains("\u{1B}"))
        }
    }
}
