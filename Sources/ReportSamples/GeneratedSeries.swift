import BundledReport
import Foundation
import ReportCore

/// A series of reports built by code from the bundled one, for tests and benchmarks: the same
/// board's verksamhetsberättelse for 2021 with actual outcomes and known changes, its
/// delårsrapport a year later, and other boards. Every one is labelled as generated in its
/// period, its source and its transcription notes (and other boards also in the board's name),
/// so a user who sees one knows it is not a real report. None ever goes into the default archive.
public enum GeneratedSeries {
    /// The label shown wherever a generated report's identity is shown.
    public static let label = "genererad testdata"

    public enum Failure: Error, CustomStringConvertible {
        case bundledReportMissing
        case load(String)
        public var description: String {
            switch self {
            case .bundledReportMissing: "the bundled report was not found"
            case .load(let message): message
            }
        }
    }

    /// The bundled report and its bytes.
    public static func bundled() throws -> (report: Report, bytes: Data) {
        guard let url = BundledReport.reportURL else { throw Failure.bundledReportMissing }
        let bytes = try Data(contentsOf: url)
        do {
            return (try ReportLoader.load(data: bytes, file: url.lastPathComponent), bytes)
        } catch {
            throw Failure.load(error.description)
        }
    }

    /// A report as the JSON data format (sorted keys, pretty), which loads back as it is.
    public static func encode(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }

    static func mark(_ report: inout Report, period: String, start: String, end: String, year: Int, kind: ReportKind) {
        let original = report.metadata
        report.metadata.kind = kind
        report.metadata.period = "\(period) (\(label))"
        report.metadata.periodStart = start
        report.metadata.periodEnd = end
        report.metadata.reportingYear = year
        report.metadata.source = "Genererad testdata, inte en verklig rapport: byggd av Malkoll ur \(original.municipality), "
            + "\(original.board.lowercased()), \(original.kind.swedishName) \(original.period)"
        report.transcriptionNotes = ["Genererad testdata: rapporten är byggd av Malkoll för test och mätning och är inte en verklig rapport."]
    }

    // MARK: The year-end report

    /// The changes planted in `yearEnd`, by the bundled report's ids and names.
    public enum YearEnd {
        /// Full-year outcome minus the August forecast, per (table id, row id); every other row's
        /// outcome equals its forecast. Sums follow from their rows.
        public static let misses: [String: [String: Decimal]] = [
            "operations": ["intakter": 3000, "personal": 3100, "ovrigt": -5000],
            "covid": ["intakter": -37],
            "boardInvestments": ["utbyte-it": 350],
            "urbanDevelopment": ["expl-genomforande-mellersta": Decimal(sign: .plus, exponent: -1, significand: 24)],
        ]
    }

    /// The bundled board's verksamhetsberättelse 2021 (generated), with full-year outcomes and
    /// these known changes against the delårsrapport: Sjukfrånvaro's 2020 value revised; the
    /// 2021 values of Företagarnas betyg and Energianvändning filled in; Attraktivitet's
    /// reported status now uppnås; Arbetsplatskvot removed; a new indicator; "Antal färdigställda
    /// bostäder (Totalt)" renamed under a new id; "Skattesats, kommun" under a new id with its name
    /// spaced and cased differently (matched by name, no change); a new nämndmål; one uppdrag's
    /// status changed, one removed, one added; one control's status changed and one added; and
    /// every financial table's forecast column replaced by the outcome (`YearEnd.misses`).
    public static func yearEnd(from base: Report) -> Report {
        var report = base
        mark(&report, period: "januari–december 2021", start: "2021-01-01", end: "2021-12-31", year: 2021, kind: .annualReport)
        for a in report.goalAreas.indices {
            for c in report.goalAreas[a].councilGoals.indices {
                editTable(&report.goalAreas[a].councilGoals[c].indicatorTable)
                for b in report.goalAreas[a].councilGoals[c].boardGoals.indices {
                    editTable(&report.goalAreas[a].councilGoals[c].boardGoals[b].indicatorTable)
                    var assignments = report.goalAreas[a].councilGoals[c].boardGoals[b].assignments
                    for i in assignments.indices where assignments[i].title.hasPrefix("Se över Huddinge kommuns ekonomimodell") {
                        assignments[i].status = "Blir klart i år"
                    }
                    if let removed = assignments.firstIndex(where: { $0.title.hasPrefix("Fler mötesplatser för företagare") }) {
                        assignments.remove(at: removed)
                        assignments.append(Assignment(title: "Utreda samordnad varudistribution (\(label))", status: "Ej klart i år",
                                                      comment: ["Genererad testdata."]))
                    }
                    report.goalAreas[a].councilGoals[c].boardGoals[b].assignments = assignments
                }
            }
        }
        if !report.goalAreas.isEmpty, !report.goalAreas[0].councilGoals.isEmpty {
            report.goalAreas[0].councilGoals[0].boardGoals.append(
                BoardGoal(title: "Kommunens ekonomi är långsiktigt hållbar (\(label))", narrative: ["Genererad testdata."], assignments: []))
        }
        for i in report.internalControl.systematicControls.indices
        where report.internalControl.systematicControls[i].control.hasPrefix("Kontroll av attesttidpunkt") {
            report.internalControl.systematicControls[i].status = "Blir klart i år"
        }
        report.internalControl.systematicControls.append(SystematicControl(
            process: "Inköp", control: "Kontroll av representation (\(label))", rationale: "Genererad testdata.", status: "Blir klart i år",
            comment: ["Genererad testdata."]))
        report.economy.operations = outcome(report.economy.operations, misses: YearEnd.misses["operations"] ?? [:])
        report.economy.covid = outcome(report.economy.covid, misses: YearEnd.misses["covid"] ?? [:])
        report.investments.board = outcome(report.investments.board, misses: YearEnd.misses["boardInvestments"] ?? [:])
        report.investments.urbanDevelopment = outcome(report.investments.urbanDevelopment, misses: YearEnd.misses["urbanDevelopment"] ?? [:])
        return report
    }

    static func editTable(_ table: inout IndicatorTable?) {
        guard var edited = table else { return }
        guard let y2020 = edited.years.firstIndex(of: 2020), let y2021 = edited.years.firstIndex(of: 2021) else { return }
        var indicators: [Indicator] = []
        for var indicator in edited.indicators {
            switch indicator.id {
            case "sjukfranvaro": indicator.values[y2020] = "9,8 %"
            case "foretagarnas-betyg-pa-kommunens-service-nki": indicator.values[y2021] = "78"
            case "energianvandning-kommunala-lokaler": indicator.values[y2021] = "133"
            case "attraktivitet-enligt-svenskt-naringsliv-foretagsranking":
                indicator.reportedStatus = ReportedStatus(status: .met, quote: "Målet uppnås (\(label)).")
            case "arbetsplatskvot": continue
            case "antal-fardigstallda-bostader-totalt":
                indicator.id = "fardigstallda-bostader"
                indicator.name = "Antal färdigställda bostäder totalt"
            case "skattesats-kommun":
                indicator.id = "skattesats"
                indicator.name = "Skattesats,  Kommun"
            default: break
            }
            indicators.append(indicator)
            if indicator.id == "antal-e-tjanster-inom-kommunstyrelsens-ansvar" {
                var values = Array(repeating: "", count: edited.years.count)
                values[y2021] = "40 %"
                indicators.append(Indicator(id: "andel-digitala-arenden", name: "Andel digitala ärenden (\(label))", unit: "%", values: values,
                                            milestoneTarget: "35 %", longTermTarget: "80 %", direction: .higherIsBetter))
            }
        }
        edited.indicators = indicators
        table = edited
    }

    /// The table with its forecast column replaced by an outcome column (the printed forecast plus
    /// the row's miss; a sum's miss is the sum of its rows' misses), the interim report's period
    /// columns dropped, and the full-year deviation moved by the miss. Rows without a miss keep
    /// their printed cells exactly, so that the only changes are the planted ones.
    static func outcome(_ table: FinancialTable, misses: [String: Decimal]) -> FinancialTable {
        guard let forecast = table.columns.firstIndex(where: { $0.role == .forecast && $0.scope == "fullYear" }) else { return table }
        let keep = table.columns.indices.filter { table.columns[$0].scope != "period" }
        var deltas: [String: Decimal] = [:]
        for row in table.rows where !row.isSum { deltas[row.id] = misses[row.id] ?? 0 }
        var pending = table.rows.filter(\.isSum)
        while !pending.isEmpty {
            let before = pending.count
            pending.removeAll { row in
                var total: Decimal = 0
                for reference in row.sumOf ?? [] {
                    let negative = reference.hasPrefix("-")
                    guard let delta = deltas[negative ? String(reference.dropFirst()) : reference] else { return false }
                    total += negative ? -delta : delta
                }
                deltas[row.id] = total
                return true
            }
            if pending.count == before { break }
        }
        let deviation = table.columns.firstIndex(where: { $0.role == .deviation && $0.scope == "fullYear" })
        var result = table
        result.columns = keep.map { index in
            var column = table.columns[index]
            if index == forecast {
                column.id = "fullYearActual"
                column.role = .actual
                column.label = column.group == nil ? "Utfall helår" : "Utfall"
            }
            return column
        }
        result.rows = table.rows.map { row in
            var row = row
            var cells = row.cells
            if let delta = deltas[row.id], delta != 0, let printed = PrintedNumber(cells[forecast]) {
                cells[forecast] = SwedishNumberFormat.format(printed.value + delta, fractionDigits: printed.fractionDigits)
                if let deviation, let old = PrintedNumber(cells[deviation]) {
                    let moved: Decimal = switch row.kind {
                    case .income, .investment: old.value + delta
                    default: old.value - delta
                    }
                    cells[deviation] = SwedishNumberFormat.format(moved, fractionDigits: old.fractionDigits)
                }
            }
            row.cells = keep.map { cells[$0] }
            return row
        }
        return result
    }

    // MARK: Other reports of the series

    /// The same board's delårsrapport a year later (generated): the indicator years move on by
    /// one (the new year's values blank), everything else as in the base report.
    public static func nextInterim(from base: Report) -> Report {
        var report = base
        mark(&report, period: "januari–augusti 2022", start: "2022-01-01", end: "2022-08-31", year: 2022, kind: .interimReport)
        func shift(_ table: inout IndicatorTable?) {
            guard var edited = table else { return }
            edited.years = edited.years.map { $0 + 1 }
            for i in edited.indicators.indices { edited.indicators[i].values = Array(edited.indicators[i].values.dropFirst()) + [""] }
            table = edited
        }
        for a in report.goalAreas.indices {
            for c in report.goalAreas[a].councilGoals.indices {
                shift(&report.goalAreas[a].councilGoals[c].indicatorTable)
                for b in report.goalAreas[a].councilGoals[c].boardGoals.indices { shift(&report.goalAreas[a].councilGoals[c].boardGoals[b].indicatorTable) }
            }
        }
        return report
    }

    /// Names of the generated other boards.
    public static let otherBoards = ["Socialnämnden", "Grundskolenämnden", "Miljö- och samhällsbyggnadsnämnden"]

    /// The base report under another board's name, labelled generated in the name itself.
    public static func otherBoard(_ name: String, from base: Report) -> Report {
        var report = base
        mark(&report, period: base.metadata.period, start: base.metadata.periodStart, end: base.metadata.periodEnd,
             year: base.metadata.reportingYear, kind: base.metadata.kind)
        report.metadata.board = "\(name) (\(label))"
        return report
    }

    /// Report number `index` of a large synthetic archive: board `index / 30`, one of ten years
    /// and three periods a year (tertial, delår, helår), so that `count` reports form
    /// `count / 30` boards' ten-year series.
    public static func numbered(_ index: Int, from base: Report) -> Report {
        var report = base
        let year = 2012 + (index % 30) / 3
        let (period, start, end, kind): (String, String, String, ReportKind) = switch index % 3 {
        case 0: ("januari–april \(year)", "\(year)-01-01", "\(year)-04-30", .interimReport)
        case 1: ("januari–augusti \(year)", "\(year)-01-01", "\(year)-08-31", .interimReport)
        default: ("januari–december \(year)", "\(year)-01-01", "\(year)-12-31", .annualReport)
        }
        mark(&report, period: period, start: start, end: end, year: year, kind: kind)
        report.metadata.board = "Nämnd \(index / 30 + 1) (\(label))"
        return report
    }

    /// The whole test series: the year-end report, the next delårsrapport and the other boards.
    public static func series(from base: Report) -> [Report] {
        [yearEnd(from: base), nextInterim(from: base)] + otherBoards.map { otherBoard($0, from: base) }
    }
}
