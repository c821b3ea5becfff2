import Foundation
import ReportCore
import ReportImport
import Testing

/// Overlay, strict mode, diagnostics and the output format.
@Suite struct ImportBehaviourTests {
    @Test func outputLoadsBackAsAValidReport() throws {
        let result = try ImportTestSupport.importWithOverlay(ImportTestSupport.sourceText())
        let loaded = try ReportLoader.load(data: result.reportJSON(), file: "imported.json")
        #expect(loaded == result.report)
    }

    @Test func withoutOverlayDefaultsAreDocumentedOnes() throws {
        let result = try ReportImporter().importReport(text: ImportTestSupport.sourceText(), fileName: "kommunstyrelsen.txt")
        let report = result.report
        #expect(report.metadata.municipality == "Huddinge kommun")
        #expect(report.metadata.board == "Kommunstyrelsen")
        #expect(report.metadata.kind == .interimReport)
        #expect(report.metadata.period == "januari–augusti 2021")
        #expect(report.metadata.periodStart == "2021-01-01")
        #expect(report.metadata.periodEnd == "2021-08-31")
        #expect(report.metadata.reportingYear == 2021)
        #expect(report.metadata.units == ReportUnits(operations: "tkr", investments: "tkr", urbanDevelopment: "mnkr"))
        #expect(report.metadata.source == "kommunstyrelsen.txt")
        #expect(report.statusRule == nil)
        #expect(report.goalAreas.map(\.id) == ["ekonomisk", "social", "ekologisk"])
        #expect(report.sections.map(\.id) == ["handelser-av-vasentlig-betydelse", "lokaler", "vasentliga-personalforhallanden",
                                              "effektivitetsanalys", "plan-for-uppfoljning-och-insyn", "konkurrensprovningsplan"])
        let indicators = report.goalAreas.flatMap(\.councilGoals).flatMap { [$0.indicatorTable] + $0.boardGoals.map(\.indicatorTable) }
            .compactMap { $0 }.flatMap(\.indicators)
        let bundled = try ImportTestSupport.bundled()
        #expect(indicators.count == ReportAnalysis(report: bundled).indicators.count)
        #expect(indicators.allSatisfy { $0.direction == nil && $0.reportedStatus == nil && $0.override == nil && $0.note == nil })
        #expect(report.economy.absentTables.map(\.title) == ["Ekonomi, drift (per verksamhet)", "Riktade statsbidrag"])
        #expect(ReportValidator.problems(in: report).isEmpty)
        #expect(result.warnings.count == 4, "\(result.warnings)")
    }

    @Test func floatingProcessLabelsAreWarnedWithLineNumbers() throws {
        let result = try ReportImporter().importReport(text: ImportTestSupport.sourceText(), fileName: "x.txt")
        let controls = result.report.internalControl.systematicControls
        #expect(controls.map(\.process) == Array(repeating: "Upphandlingsprocessen", count: 3) + Array(repeating: "Samhällsbyggnadsprocessen", count: 3)
            + Array(repeating: "Attestering", count: 3) + ["Personaladministrativa rutiner"])
        let floating = result.warnings.filter { $0.message.contains("floats between the systematic controls") }
        #expect(floating.map(\.lines) == [[1392, 1374, 1394, 1416], [1471, 1445, 1459, 1473], [1501, 1486, 1503, 1520]])
        let merged = try #require(result.warnings.first { $0.lines == [467] })
        #expect(merged.message.contains("the title is read as \"Etablera trygghetskameror på brottsutsatta platser\""))
    }

    @Test func overlayAppliesAndRenames() throws {
        let json = """
            {
              "metadata": { "source": "PDF", "kind": "verksamhetsberättelse" },
              "goalAreas": { "social": { "id": "soc" } },
              "sections": { "Lokaler": { "id": "lok", "note": "En not." } },
              "indicators": {
                "Skattesats, kommun": { "direction": "lowerIsBetter" },
                "Sjukfrånvaro (%)": { "override": { "status": "notAssessed", "reason": "Prognos." } },
                "arbetsplatskvot": { "id": "apk", "note": "Not." },
                "Nonexistent": { "direction": "higherIsBetter" }
              }
            }
            """
        let overlay = try Overlay.load(data: Data(json.utf8), file: "o.json")
        let result = try ReportImporter(options: ImportOptions(overlay: overlay)).importReport(text: ImportTestSupport.sourceText(), fileName: "x.txt")
        let report = result.report
        #expect(report.metadata.source == "PDF")
        #expect(report.metadata.kind == .annualReport)
        #expect(report.goalAreas[1].id == "soc")
        #expect(report.summary.statements.filter { $0.goalArea == "soc" }.count == 3)
        #expect(!report.summary.statements.contains { $0.goalArea == "social" })
        let lokaler = try #require(report.sections.first { $0.heading == "Lokaler" })
        #expect(lokaler.id == "lok" && lokaler.note == "En not.")
        let first = try #require(report.goalAreas[0].councilGoals[0].indicatorTable)
        #expect(first.indicators[1].direction == .lowerIsBetter)
        let sick = try #require(report.goalAreas[0].councilGoals[1].indicatorTable?.indicators[1])
        #expect(sick.override == StatusOverride(status: .notAssessed, reason: "Prognos."))
        let kvot = report.goalAreas[1].councilGoals[2].boardGoals[0].indicatorTable?.indicators[0]
        #expect(kvot?.id == "apk" && kvot?.note == "Not.")
        #expect(result.warnings.contains { $0.message.hasPrefix("overlay: no indicator \"Nonexistent\"") })
    }

    @Test func overlayKeyNamingSeveralIndicatorsIsNotApplied() throws {
        // A name printed twice (in a variant): the key is ambiguous, the ids tell them apart.
        var lines = try ImportTestSupport.sourceLines()
        lines.insert(contentsOf: ["", "Skattesats, kommun (%) 19,87 19,87 19,77 19,77 Länssnitt "], at: 82)
        let overlay = Overlay(indicators: ["Skattesats, kommun": Overlay.IndicatorOverlay(direction: .lowerIsBetter)])
        let result = try ReportImporter(options: ImportOptions(overlay: overlay)).importReport(text: lines.joined(separator: "\n"), fileName: "x.txt")
        #expect(result.warnings.contains { $0.message == "overlay: \"Skattesats, kommun\" names 2 indicators; not applied (use the id)" })
        #expect(result.warnings.contains { $0.lines == [84] && $0.message.contains("\"skattesats-kommun\" is already used") })
    }

    @Test func overlayWithUnknownFieldIsRejectedWithItsPlace() {
        let json = "{\n  \"indicators\": { \"x\": { \"directon\": \"higherIsBetter\" } }\n}"
        #expect {
            try Overlay.load(data: Data(json.utf8), file: "o.json")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("o.json:2:") && text.contains("directon") && text.contains("direction")
        }
    }

    @Test func strictFailsOnTheFirstWarning() throws {
        let text = try ImportTestSupport.sourceText()
        #expect(throws: ImportFailure(line: 467, message: "strict import: uppdrag title and comment start on the same line; the title is read as \"Etablera trygghetskameror på brottsutsatta platser\" and the comment as starting at \"En\"")) {
            try ReportImporter(options: ImportOptions(strict: true)).importReport(text: text, fileName: "x.txt")
        }
    }

    @Test(arguments: [
        ("Inom social hållbarhet rapporterar kommunstyrelsen resultat på tre indikatorer där två uppnår etappmålet och en närmar sig.",
         "indicators: total 3, met 2, approaching 1"),
        ("Inom ekologisk hållbarhet rapporterar kommunstyrelsen resultat på två indikatorer, varav en uppnår etappmålet och den andra inte.",
         "indicators: total 2, met 1, notMet 1"),
        ("Det finns tolv uppdrag kopplade till målen och av dessa bedöms elva genomföras under året och ett inte kunna slutföras i år.",
         "assignments: total 12, completed 11, notCompleted 1"),
        ("Alla utom två uppdrag förväntas genomföras under året.", "assignments: notCompleted 2"),
        ("Nämnden har totalt 7 mål kopplade till målområdet.", "boardGoals: total 7"),
        ("Arbetet bedöms gå enligt plan där nio av totalt tolv inplanerade systematiska kontroller bedöms genomföras.",
         "systematicControls: total 12, completedOrLikely 9"),
        ("Totalt förväntas tre inplanerade åtgärder inte genomföras.", "internalControlActions: notCompleted 3"),
        ("För de två indikatorerna kring sjukfrånvaro görs en prognos.", ""),
    ])
    func countStatementsInSummary(sentence: String, expected: String) throws {
        var lines = try ImportTestSupport.sourceLines()
        // Replace the Ekologisk hållbarhet paragraph (lines 27–28).
        lines[26] = sentence + " "
        lines[27] = ""
        let result = try ReportImporter().importReport(text: lines.joined(separator: "\n"), fileName: "x.txt")
        let statements = result.report.summary.statements.filter { $0.location == "Sammanfattning › Ekologisk hållbarhet" }
        let shown = statements.map { statement in
            let counts = statement.counts
            let fields: [(String, Int?)] = [("total", counts.total), ("met", counts.met), ("approaching", counts.approaching),
                                            ("notMet", counts.notMet), ("completed", counts.completed), ("likelyCompleted", counts.likelyCompleted),
                                            ("notCompleted", counts.notCompleted), ("completedOrLikely", counts.completedOrLikely)]
            return "\(statement.subject.rawValue): " + fields.compactMap { name, value in value.map { "\(name) \($0)" } }.joined(separator: ", ")
        }
        #expect(shown.joined(separator: "; ") == expected)
        if let statement = statements.first, [.indicators, .assignments, .boardGoals].contains(statement.subject) {
            #expect(statement.goalArea == "ekologisk")
        }
    }
}
