import Foundation
import ReportCore

/// What the text says about who reports on what, for which period.
struct MetadataReader {
    let source: SourceText
    let log: DiagnosticLog
    let fileName: String

    /// Whether a line uses the word "tertial" (a third of the year), in any case and inflection.
    static func speaksOfTertial(_ text: String) -> Bool {
        text.lowercased().range(of: "\\btertial", options: .regularExpression) != nil
    }

    static let months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    static let monthNames = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]

    func metadata(goalAreas: [GoalArea], economy: Economy, investments: Investments, cover: [Line] = []) -> ReportMetadata {
        // The cover page (lines before the Sammanfattning): the kind of report, the board, the
        // diarienummer (which the data format has no field for).
        var coverKind: (kind: ReportKind, text: String, line: Int)?
        var coverBoard: String?
        for line in cover {
            let text = line.trimmed
            let lower = text.lowercased()
            if coverKind == nil {
                if lower.hasPrefix("verksamhetsberättelse") || lower.hasPrefix("årsredovisning") || lower.hasPrefix("årsberättelse") {
                    coverKind = (.annualReport, text, line.number)
                } else if lower.hasPrefix("tertialrapport") || lower.hasPrefix("tertialuppföljning") || lower.hasPrefix("tertialbokslut") {
                    coverKind = (.tertialReport, text, line.number)
                } else if lower.hasPrefix("delårsrapport") {
                    coverKind = (.interimReport, text, line.number)
                }
            }
            if coverBoard == nil, text.count <= 60, lower.hasSuffix("nämnden") || lower.hasSuffix("styrelsen") || lower.hasSuffix("nämnd") {
                coverBoard = text
            }
            if lower.hasPrefix("diarienummer") || lower.hasPrefix("dnr") {
                log.info([line.number], "the cover's \"\(text)\" is not imported: the data format has no field for the diarienummer")
            }
        }

        // Board: the label of the page furniture.
        var board = ""
        let labels = Dictionary(source.furnitureLabels.map { ($0, 1) }, uniquingKeysWith: +)
        if let most = labels.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
            board = most.key
            log.info([], "board \"\(board)\" taken from the page furniture (\"\(board) | N\")")
        } else if let coverBoard {
            board = coverBoard
            log.info([], "board \"\(board)\" taken from the cover page (no page furniture)")
        } else {
            log.warning([], "no page furniture (\"Nämnd | N\") or cover page to tell the board; metadata.board left empty (set it in the overlay)")
        }

        // Municipality: the most frequent "X kommun(s)".
        var counts: [String: Int] = [:]
        for line in source.lines where line.text.hasBytes(" kommun") {
            for name in Self.municipalityNames(in: line.text) { counts[name, default: 0] += 1 }
        }
        var municipality = ""
        if let most = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
            municipality = "\(most.key) kommun"
            log.info([], "municipality \"\(municipality)\" taken as the most frequent \"X kommun\" of the text (\(most.value) times)")
        } else {
            log.warning([], "the text does not name its municipality (\"X kommun\"); metadata.municipality left empty (set it in the overlay)")
        }

        // Reporting year: the last year column of the indicator tables, by majority.
        var years: [Int: Int] = [:]
        for area in goalAreas {
            for council in area.councilGoals {
                for table in [council.indicatorTable] + council.boardGoals.map(\.indicatorTable) {
                    if let last = table?.years.last { years[last, default: 0] += 1 }
                }
            }
        }
        var reportingYear = years.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
        if years.count > 1 {
            log.warning([], "the indicator tables end in different years (\(years.keys.sorted().map(String.init).joined(separator: ", "))); the reporting year is taken as \(reportingYear!), the most common")
        }
        if reportingYear == nil {
            reportingYear = economy.netCost.columns.compactMap { Int($0.scope ?? "") }.max()
            log.warning([], "no indicator table gives the reporting year; taken from the net cost table: \(reportingYear.map(String.init) ?? "none")")
        }
        let year = reportingYear ?? 0

        // Period: the operations table's period group (`Perioden jan-aug`), or the net cost labels.
        let periodText = economy.operations.columns.compactMap(\.group).first { $0.lowercased().hasPrefix("perioden") && $0.contains("-") }
            ?? economy.netCost.columns.map(\.label).first { $0.contains("-") }
        var first = 0
        var last = 11
        if let periodText, let groups = periodText.lowercased().firstMatch("([a-zåäö]{3})[a-zåäö]*\\.?\\s*[-–]\\s*([a-zåäö]{3})"),
           let start = Self.months.firstIndex(of: groups[1]), let end = Self.months.firstIndex(of: groups[2]) {
            first = start
            last = end
            log.info([], "period \(Self.monthNames[start])–\(Self.monthNames[end]) taken from \"\(periodText)\"")
        } else if let title = coverKind, title.kind == .annualReport {
            log.info([title.line], "no period group in the tables and the cover says \"\(title.text)\": a full-year report")
        } else if economy.operations.columns.contains(where: { $0.scope == "fullYear" && $0.role == .actual }) {
            log.info([], "the operations table has the full-year columns (budget, utfall, avvikelse) and no period group: a full-year report")
        } else {
            log.warning([], "no period (e.g. \"Perioden jan-aug\") in the tables; the period is taken as the whole year")
        }
        var kind: ReportKind = (first == 0 && last == 11) ? .annualReport : .interimReport
        if coverKind == nil, first == 0, last == 3, let line = source.lines.first(where: { Self.speaksOfTertial($0.text) }) {
            kind = .tertialReport
            log.info([line.number], "a report for januari–april that speaks of its \"tertial\": a tertialrapport")
        }
        if let title = coverKind {
            if title.kind.isPartOfYear != kind.isPartOfYear {
                log.warning([title.line], "the cover says \"\(title.text)\" but the tables' period is \(Self.monthNames[first])–\(Self.monthNames[last]); the kind is taken from the cover")
            }
            kind = title.kind
        }
        let lastDay = Self.lastDay(month: last + 1, year: year)
        let period = first == last ? "\(Self.monthNames[first]) \(year)" : "\(Self.monthNames[first])–\(Self.monthNames[last]) \(year)"
        let units = ReportUnits(operations: economy.operations.unit, investments: investments.board.unit,
                                urbanDevelopment: investments.urbanDevelopment.unit)
        return ReportMetadata(
            municipality: municipality, board: board, kind: kind, period: period,
            periodStart: String(format: "%04d-%02d-01", year, first + 1), periodEnd: String(format: "%04d-%02d-%02d", year, last + 1, lastDay),
            reportingYear: year, units: units, source: fileName)
    }

    /// The `X` of every `X kommun` / `X kommuns` in `text` (what `[A-ZÅÄÖ][a-zåäöé]+ kommuns?\b`
    /// matches), scanned by hand: the word before ` kommun`, capitalised, lower-case after.
    static func municipalityNames(in text: String) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var names: [String] = []
        for k in words.indices.dropFirst() where words[k] == "kommun" || words[k] == "kommuns" || words[k].hasPrefix("kommun") {
            let word = words[k]
            // `\b` after kommun(s): what follows is not a letter or digit.
            let tail = word.hasPrefix("kommuns") ? word.dropFirst(7) : word.dropFirst(6)
            if let next = tail.first, next.isLetter || next.isNumber || next == "_" { continue }
            // The name is the end of the previous word: a capital then lower-case letters.
            let previous = words[k - 1]
            var start = previous.endIndex
            while start > previous.startIndex {
                let before = previous.index(before: start)
                guard "abcdefghijklmnopqrstuvwxyzåäöé".contains(previous[before]) else { break }
                start = before
            }
            guard start > previous.startIndex, start < previous.endIndex else { continue }
            let capital = previous.index(before: start)
            guard "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ".contains(previous[capital]) else { continue }
            names.append(String(previous[capital...]))
        }
        return names
    }

    static func lastDay(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
