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

    // MARK: - (b) A full-year verksamhetsberättelse

    @Test func fullYearReportImportsWithTheFullYearColumnsAndIncomeByStructure() throws {
        let result = try Self.importFixture("socialnamnden-verksamhetsberattelse-2022.txt")
        let report = result.report
        #expect(result.warnings == [])
        #expect(report.metadata.kind == .annualReport)
        #expect(report.metadata.board == "Socialnämnden")
        #expect(report.metadata.municipality == "Tyresö kommun")
        #expect(report.metadata.period == "januari–december 2022")
        #expect(report.metadata.periodEnd == "2022-12-31")
        #expect(result.diagnostics.contains { $0.lines == [4] && $0.message.contains("Diarienummer SN-2023/41.109") })
        #expect(report.summary.preliminaryAssessment.map { "\($0.area): \($0.assessment)" } == [
            "Ekonomi: Uppnås inte", "Nämndens mål (samlad): Uppnås delvis", "God ekonomisk hushållning: Uppnås delvis",
        ])
        #expect(Self.indicatorRows(report) == [
            "Brukarbedömning hemtjänst | NKI | 78 | 80 | 82 | ≥80 | Topp 10 i riket",
            "Väntetid till särskilt boende | dagar | 64 | 58 | 47 | <60 | <30",
            "Hushåll med långvarigt ekonomiskt bistånd | antal per 1 000 invånare | 6,8 | 6,4 | 5,9 | <6 | Minska",
            "Kostnad för LSS-boende | kr/brukare | 1 124 000 | 1 168 500 | 1 201 300 | ≤1 200 000 | Rikssnitt",
            "Placering i Öppna jämförelser | plats | 145 | 120 | 96 | Plats 100 i riket | Topp 50 i riket",
            "Vuxna som avslutat ekonomiskt bistånd till arbete eller studier | % | 41 % | 44 % | 47 % | >45 % | >60 %",
        ])
        #expect(Self.assignments(report) == [
            "Avslutat → completed: Utred formerna för en samlad mottagning för ekonomiskt bistånd",
            "Ej påbörjad → notCompleted: Inför digital ansökan om försörjningsstöd",
        ])
        let operations = report.economy.operations
        #expect(operations.columns.map(\.id) == ["fullYearBudget", "fullYearActual", "fullYearDeviation", "previousYearActual"])
        #expect(Self.tableRows(operations) == [
            "Intäkter:  |  |  | ",
            "Avgifter: 18 400 | 19 250 | 850 | 17 900",
            "Ersättningar: 42 600 | 40 100 | -2 500 | 41 300",
            "Statsbidrag: 25 000 | 28 350 | 3 350 | 26 800",
            "Summa intäkter: 86 000 | 87 700 | 1 700 | 86 000",
            "Kostnader:  |  |  | ",
            "Personal: 512 000 | 518 400 | -6 400 | 498 200",
            "Lokaler: 61 500 | 60 900 | 600 | 59 800",
            "Köp av verksamhet: 389 000 | 401 300 | -12 300 | 372 600",
            "Ekonomiskt bistånd: 96 500 | 92 800 | 3 700 | 99 100",
            "Övrigt: 33 000 | 31 700 | 1 300 | 32 400",
            "Summa kostnader: 1 092 000 | 1 105 100 | -13 100 | 1 062 100",
            "Nettokostnad: 1 006 000 | 1 017 400 | -11 400 | 976 100",
        ])
        // The income rows are income by the table's group, whatever they are called.
        #expect(operations.rows.map(\.kind) == [.heading, .income, .income, .income, .income, .heading, .cost, .cost, .cost, .cost, .cost, .cost, .cost])
        #expect(Self.tableRows(report.economy.netCost) == [
            "Individ- och familjeomsorg: 402 300 | 418 600 | 433 900",
            "Ekonomiskt bistånd: 101 200 | 99 100 | 92 800",
            "Stöd till personer med funktionsnedsättning: 446 900 | 458 400 | 490 700",
            "Summa Nettokostnad: 950 400 | 976 100 | 1 017 400",
        ])
        #expect(report.economy.covid.rows.isEmpty && report.investments.urbanDevelopment.rows.isEmpty)
        #expect(report.investments.board.columns.map(\.id) == ["fullYearBudget", "fullYearActual", "fullYearDeviation"])
        #expect(Self.tableRows(report.investments.board) == [
            "Inventarier boenden: -2 500 | -2 150 | 350",
            "Välfärdsteknik: -4 000 | -4 600 | -600",
            "Summa: -6 500 | -6 750 | -250",
        ])
        #expect(report.sections.map(\.heading) == ["Händelser av väsentlig betydelse", "Väsentliga personalförhållanden", "Effektivitetsanalys"])
        #expect(report.internalControl.riskReductions.map(\.status) == ["Klart"])
        #expect(Self.auditProblems(report) == [])
    }

    // MARK: - (c) A tertialrapport with fewer parts and other statuses

    @Test func aTertialrapportIsToldByItsCoverOrByTheWordTertialInAnAprilReport() throws {
        let text = try Self.fixture("kultur-fritid-tertialrapport-2023-04.txt")
        let covered = try ReportImporter().importReport(text: "Tertialrapport per april 2023\nKultur- och fritidsnämnden\n\n" + text, fileName: "t.txt")
        #expect(covered.report.metadata.kind == .tertialReport)
        // An April report that never says "tertial" is a delårsrapport for januari–april.
        let plain = try ReportImporter().importReport(text: text.replacingOccurrences(of: "årets första tertial", with: "årets första månader"), fileName: "d.txt")
        #expect(plain.report.metadata.kind == .interimReport)
        #expect(plain.report.metadata.period == "januari–april 2023")
    }

    @Test func tertialReportWithoutInternalControlAndWithOtherStatuses() throws {
        let result = try Self.importFixture("kultur-fritid-tertialrapport-2023-04.txt")
        let report = result.report
        // No cover page, but the period ends in April and the text speaks of "årets första tertial".
        #expect(report.metadata.kind == .tertialReport)
        #expect(report.metadata.period == "januari–april 2023")
        #expect(report.metadata.board == "Kultur- och fritidsnämnden")
        #expect(report.metadata.municipality == "Tyresö kommun")
        #expect(Self.indicatorRows(report) == [
            "Besök på biblioteken | antal | 412 300 | 436 800 | 148 200 | ≥440 000 | Öka",
            "Nöjdhet med fritidsgårdar | NKI | 71 | - | 74 | >72 | Topp 3 i länet",
            "Simkunniga elever i årskurs 6 | % | 91 % | 93 % |  | ≥95 % | 100 %",
        ])
        #expect(Self.assignments(report) == [
            "Klart → completed: Öppna den nya sporthallen i Bollmora",
            "Pågår → likelyCompleted: Utöka bibliotekens öppettider",
            "Ej påbörjad → notCompleted: Ta fram en plan för nya spontanidrottsplatser",
            "Avslutat → completed: Utreda ett nytt kulturhus",
            "Vilande → other: Se över taxorna för lokaluthyrning",
        ])
        // The unknown status is the only warning, with its line.
        #expect(result.warnings.map(\.lines) == [[61]])
        #expect(result.warnings.first?.message.hasPrefix("uppdrag status \"Vilande\" is not one the progress scale knows") == true)
        // Missing parts and sections are infos.
        for part in ["Investeringar", "Plan för intern kontroll"] {
            #expect(result.diagnostics.contains { $0.severity == .info && $0.message.hasPrefix("the report has no part \"\(part)\"") })
        }
        #expect(report.sections.isEmpty)
        #expect(report.internalControl.riskReductions.isEmpty && report.internalControl.auditActions.isEmpty)
        #expect(report.investments.board.rows.isEmpty)
        #expect(Self.tableRows(report.economy.operations) == [
            "Entréavgifter: 6 200 | 5 900 | -300 | 2 070 | 1 850 | -220 | 1 640",
            "Hyresintäkter: 9 800 | 10 100 | 300 | 3 270 | 3 390 | 120 | 3 180",
            "Verksamhetens intäkter: 16 000 | 16 000 | 0 | 5 340 | 5 240 | -100 | 4 820",
            "Personal: 48 500 | 49 100 | -600 | 16 170 | 16 480 | -310 | 15 720",
            "Lokaler: 31 200 | 31 200 | 0 | 10 400 | 10 350 | 50 | 10 120",
            "Föreningsbidrag: 12 300 | 12 300 | 0 | 6 150 | 6 150 | 0 | 5 900",
            "Övrigt: 14 000 | 13 600 | 400 | 4 670 | 4 210 | 460 | 4 390",
            "Verksamhetens kostnader: 106 000 | 106 200 | -200 | 37 390 | 37 190 | 200 | 36 130",
            "Årets resultat: 90 000 | 90 200 | -200 | 32 050 | 31 950 | 100 | 31 310",
        ])
        #expect(report.economy.operations.rows.prefix(3).allSatisfy { $0.kind == .income })
        #expect(Self.tableRows(report.economy.netCost) == [
            "Bibliotek: 9 820 | 10 140 | 10 360",
            "Idrott och fritid: 15 200 | 15 890 | 16 400",
            "Kultur: 4 900 | 5 280 | 5 190",
            "Summa Nettokostnad: 29 920 | 31 310 | 31 950",
        ])
        #expect(Self.auditProblems(report) == [])
        // The unknown status is counted as not assessed.
        let counts = ReportAnalysis(report: report).assignmentCounts()
        let expected: [Int] = [2, 1, 1, 1]
        let actual: [Int] = [counts.completed, counts.likelyCompleted, counts.notCompleted, counts.other]
        #expect(actual == expected)
        // --strict refuses the missing parts.
        #expect(throws: ImportFailure.self) {
            try ReportImporter(options: ImportOptions(strict: true)).importReport(text: Self.fixture("kultur-fritid-tertialrapport-2023-04.txt"), fileName: "c.txt")
        }
    }

    @Test func anUnreadableIndicatorRowIsImportedWithItsCellsAndAWarning() throws {
        var lines = try Self.fixture("grundskolenamnden-delarsrapport-2022-08.txt").components(separatedBy: "\n")
        #expect(lines[100] == "Lokalyta per elev (m²) 9,8 9,6 9,5 ≤9,5 ≤9 ")
        lines[100] = "Lokalyta per elev (m²) 9,8 ca 9,6 9,5 ≤9,5 ≤9 "
        let result = try ReportImporter().importReport(text: lines.joined(separator: "\n"), fileName: "a.txt")
        let rows = Self.indicatorRows(result.report)
        #expect(rows.count == 13)
        #expect(rows.contains("Lokalyta per elev | m² | 9,8 | ca | 9,6 | 9,5 | ≤9,5 ≤9"))
        let warning = try #require(result.warnings.first { $0.lines == [101] })
        #expect(warning.message.contains("cannot be read by the table's columns"))
    }

    // MARK: - Text as pdftotext leaves it

    @Test func layoutTextIsRefusedWithOneLineSayingHowToExtract() throws {
        // The first page of fixture (a) as `pdftotext -layout` prints it: columns padded with spaces.
        var lines = ["                         Delårsrapport per augusti 2022", "", "Sammanfattning", ""]
        for row in 0 ..< 12 {
            lines.append("Indikator nummer \(row) (%)              8,\(row) %      9,1 %      9,\(row) %     ≥9 %        Länssnitt")
        }
        let text = lines.joined(separator: "\n") + "\n"
        do {
            _ = try ReportImporter().importReport(text: text, fileName: "layout.txt")
            Issue.record("a -layout text was imported")
        } catch {
            #expect(error.line == 5)
            #expect(error.message.contains("pdftotext -layout"))
            #expect(error.message.contains("without -layout"))
            #expect(!error.message.contains("\n"))
        }
        // The bundled source, extracted without -layout, has a few aligned lines and is accepted.
        #expect(throws: Never.self) { try ReportImporter().importReport(text: ImportTestSupport.sourceText(), fileName: "s.txt") }
    }

    @Test func formFeedsArePageBreaksThatKeepTheLineNumbers() throws {
        let text = try Self.fixture("grundskolenamnden-delarsrapport-2022-08.txt")
        #expect(text.contains("\u{0C}"))
        let result = try ReportImporter().importReport(text: text, fileName: "a.txt")
        // Line 75 of the file (counted as an editor does) is the blank indicator row.
        #expect(text.components(separatedBy: "\n")[74].hasPrefix("Frånvaro över 15 procent"))
        #expect(result.warnings.map(\.lines) == [[75]])
        // The same text with the form feeds turned into line breaks (a page = a line) imports the same report.
        let plain = text.replacingOccurrences(of: "\u{0C}", with: "")
        #expect(try ReportDiff.differences(ReportImporter().importReport(text: plain, fileName: "a.txt").report, result.report).isEmpty)
    }

    @Test(arguments: [
        ("Klart", ReportCore.Progress.completed), ("Avslutat", .completed), ("Blir klart i år", .completed), ("Genomförd", .completed),
        ("Pågår", .likelyCompleted), ("pågår enligt plan", .likelyCompleted), ("Troligen klart i år", .likelyCompleted),
        ("Ej påbörjad", .notCompleted), ("Försenad", .notCompleted), ("Ej klart i år", .notCompleted),
        ("Vilande", .other), ("", .other),
    ])
    func printedStatusesMapToTheProgressScale(printed: String, progress: ReportCore.Progress) {
        #expect(ReportCore.Progress(printed: printed) == progress)
    }
}
