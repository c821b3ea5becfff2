import Foundation
import ReportCore
import ReportImport
import Testing

/// Hand-written reports of the family (Tests/ReportCoreTests/Fixtures/import/family): other
/// boards, other kinds, other municipalities on the same template. Each imports with every
/// indicator, value, target, status and table row exactly as printed, and the audit has nothing
/// false to say about it.
@Suite struct ImportFamilyTests {
    static func fixture(_ name: String) throws -> String {
        let url = ImportTestSupport.fixtures.appendingPathComponent("family/\(name)")
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw ImportTestSupport.MissingData(description: "the fixture \(url.path) is missing")
        }
        return text
    }

    static func importFixture(_ name: String) throws -> ImportResult {
        try ReportImporter().importReport(text: fixture(name), fileName: name)
    }

    /// `name | unit | v1 | v2 | v3 | etappmål | målvärde` per indicator, in printed order.
    static func indicatorRows(_ report: Report) -> [String] {
        var tables: [IndicatorTable] = []
        for council in report.goalAreas.flatMap(\.councilGoals) {
            if let table = council.indicatorTable { tables.append(table) }
            for board in council.boardGoals {
                if let table = board.indicatorTable { tables.append(table) }
            }
        }
        var rows: [String] = []
        for indicator in tables.flatMap(\.indicators) {
            var cells: [String] = [indicator.name, indicator.unit ?? "–"]
            cells += indicator.values
            cells += [indicator.milestoneTarget, indicator.longTermTarget]
            rows.append(cells.joined(separator: " | "))
        }
        return rows
    }

    /// `label: c1 | c2 | …` per row.
    static func tableRows(_ table: FinancialTable) -> [String] {
        table.rows.map { "\($0.label): " + $0.cells.joined(separator: " | ") }
    }

    static func assignments(_ report: Report) -> [String] {
        report.goalAreas.flatMap(\.councilGoals).flatMap(\.boardGoals).flatMap(\.assignments).map { "\($0.status) → \($0.progress.rawValue): \($0.title)" }
    }

    /// Errors and warnings of the audit, as text (infos are the audit's own remarks).
    static func auditProblems(_ report: Report) -> [String] {
        let audit = ReportAnalysis(report: report).audit
        return (audit.findings(.error) + audit.findings(.warning)).map(\.message)
    }

    // MARK: - (a) Another board's delårsrapport

    @Test func secondBoardInterimReportImportsEveryIndicatorExactly() throws {
        let result = try Self.importFixture("grundskolenamnden-delarsrapport-2022-08.txt")
        let report = result.report
        #expect(Self.indicatorRows(report) == [
            "Meritvärde årskurs 9 | poäng | 228,5 | 231,0 | 229,4 | ≥230 | Rikssnitt",
            "Elever med godkänt betyg i alla ämnen, årskurs 6 | % | 81 % | 83 % | 84 % | ≥85 % | Länssnitt",
            "Nöjdhet med skolan | NKI | 68 | 70 | 71 | >70 | Topp 5 i länet",
            "Andel legitimerade lärare | % | - | - | - | - | -",
            "Kostnad per elev | kr/elev | 98 500 | 101 200 | 104 900 | ≤105 000 | Rikssnitt",
            "Elever i kommunala skolor | antal | 11 850 | 11 990 | 12 140 | >12 000 | Öka",
            "Placering i skolrankingen | plats | 112 | 98 | 87 | Plats 60 i riket | Topp 50 i riket",
            "Elever i behov av särskilt stöd med åtgärdsprogram | % | 6,2 % | 6,8 % | 7,1 % | <8 % | <6 %",
            "Frånvaro över 15 procent | % |  |  |  |  | ",
            "Elever som känner sig trygga i skolan | % | 88 % | 87 % | 90 % | ≥90 % | ≥95 %",
            "Skolskjutsresor | antal per 1 000 invånare | 12,4 | 11,9 | 12,8 | <12 | Minska",
            "Lokalyta per elev | m² | 9,8 | 9,6 | 9,5 | ≤9,5 | ≤9",
            "Elever i kö till fritidshem | antal | 1 250 | 1 180 | 1 320 | ≤1 000 | <500",
        ])
        let firstTable = try #require(report.goalAreas.first?.councilGoals.first?.indicatorTable)
        #expect(firstTable.years == [2020, 2021, 2022])
        #expect(firstTable.longTermTargetYear == 2030)
        #expect(firstTable.notes == ["Betygsresultat 2022 avser vårterminen. Resultaten för nöjdhet kommer från elevenkäten i årskurs 5 och 8."])
        // The table cut by a page break: the repeated header is said, not a second table.
        #expect(result.diagnostics.contains { $0.severity == .info && $0.lines == [52] && $0.message.contains("header repeated") })
        // The blank row is imported, with a warning that names its line.
        #expect(result.warnings.map(\.lines) == [[75]])
        #expect(Self.assignments(report) == [
            "Pågår → likelyCompleted: Utveckla arbetet med studiero i alla klassrum",
            "Klart → completed: Inför en gemensam rutin för anmälan av kränkande behandling",
        ])
        #expect(report.goalAreas.map(\.id) == ["social", "trygghet-och-halsa-social-hallbarhet"])
        #expect(report.summary.preliminaryAssessment.map { "\($0.area): \($0.assessment)" } == [
            "Ekonomi: Uppnås delvis", "Nämndens mål (samlad): Uppnås delvis", "God ekonomisk hushållning: Uppnås",
        ])
    }

    @Test func secondBoardInterimReportMetadataAndTables() throws {
        let result = try Self.importFixture("grundskolenamnden-delarsrapport-2022-08.txt")
        let report = result.report
        #expect(report.metadata.board == "Grundskolenämnden")
        #expect(report.metadata.municipality == "Tyresö kommun")
        #expect(report.metadata.kind == .interimReport)
        #expect(report.metadata.period == "januari–augusti 2022")
        #expect(report.metadata.reportingYear == 2022)
        #expect(report.economy.operations.columns.map(\.id) == [
            "fullYearBudget", "fullYearForecast", "fullYearDeviation", "periodBudget", "periodActual", "periodDeviation", "previousYearActual",
        ])
        #expect(Self.tableRows(report.economy.operations) == [
            "Verksamhetens intäkter: 58 400 | 61 900 | 3 500 | 38 930 | 41 270 | 2 340 | 39 850",
            "Personal: 612 300 | 618 900 | -6 600 | 408 200 | 414 650 | -6 450 | 398 120",
            "Lokaler: 148 600 | 147 100 | 1 500 | 99 070 | 98 020 | 1 050 | 96 410",
            "Skolskjuts: 24 800 | 26 300 | -1 500 | 16 530 | 17 640 | -1 110 | 15 980",
            "Köp av verksamhet: 265 500 | 268 900 | -3 400 | 177 000 | 179 800 | -2 800 | 171 300",
            "Övrigt: 46 700 | 45 800 | 900 | 31 130 | 30 360 | 770 | 29 740",
            "Verksamhetens kostnader: 1 097 900 | 1 107 000 | -9 100 | 731 930 | 740 470 | -8 540 | 711 550",
            "Årets resultat: 1 039 500 | 1 045 100 | -5 600 | 693 000 | 699 200 | -6 200 | 671 700",
        ])
        #expect(report.economy.operations.rows.map(\.kind) == [.income, .cost, .cost, .cost, .cost, .cost, .cost, .result])
        #expect(Self.tableRows(report.economy.netCost) == [
            "Grundskola: 512 300 | 528 900 | 549 800",
            "Grundsärskola: 38 400 | 40 100 | 41 700",
            "Fritidshem: 96 200 | 102 700 | 107 700",
            "Summa Nettokostnad: 646 900 | 671 700 | 699 200",
        ])
        #expect(report.economy.covid.rows.isEmpty)
        #expect(Self.tableRows(report.investments.board) == [
            "Inventarier skolor: -6 000 | -5 400 | 600 | -4 000 | -2 900 | 1 100",
            "IT-utrustning elever: -9 500 | -9 800 | -300 | -6 300 | -7 100 | -800",
            "Skolgårdar: -3 200 | -2 600 | 600 | -2 100 | -1 200 | 900",
            "Summa: -18 700 | -17 800 | 900 | -12 400 | -11 200 | 1 200",
        ])
        #expect(report.investments.urbanDevelopment.rows.isEmpty)
        #expect(report.sections.map(\.heading) == ["Händelser av väsentlig betydelse", "Väsentliga personalförhållanden"])
        let risk = try #require(report.internalControl.riskReductions.first)
        #expect([risk.process, risk.risk, risk.action, risk.status] == [
            "Elevdokumentation", "Risk att dokumentationen av extra anpassningar brister.",
            "Gemensam mall för dokumentation av extra anpassningar.", "Blir klart i år",
        ])
        #expect(Self.auditProblems(report) == [])
    }
}
