import Foundation
import ReportCore

/// Reads the count statements of the Sammanfattning and of the internal-control introduction.
///
/// Recognised forms (number words `en`/`ett` … `tolv` or digits, case-insensitive):
///
/// - indicators: `resultat på N indikatorer där A uppnår etappmålet och B inte gör det`,
///   `… och B närmar sig`, `… varav A uppnår etappmålet och den andra inte` (the rest);
/// - board goals: `totalt N mål`;
/// - uppdrag: `Det finns N uppdrag … bedöms A genomföras under året och B troligen genomföras`
///   (A completed, B likely), `… bedöms A genomföras under året och B inte kunna slutföras`
///   (A completed, B not completed: read literally, "genomföras under året" is "Blir klart i
///   år"), `Alla utom N uppdrag förväntas genomföras` (N not completed);
/// - systematic controls: `A av totalt (inplanerade) N (inplanerade) systematiska kontroller`
///   (A completed or likely, N in all);
/// - internal-control actions: `N (inplanerade) åtgärder … inte genomföras` (N not completed),
///   and with `varav A är riskreducerande åtgärder och B utifrån revision` one statement per kind
///   instead.
///
/// A statement's goal area is the area whose title ends with the summary sub-heading it stands
/// under (`Ekonomisk hållbarhet` → `… - ekonomisk hållbarhet`).
struct StatementReader {
    let log: DiagnosticLog
    let goalAreas: [GoalArea]

    mutating func read(summarySections: [TextSection], introduction: TextSection, summaryLines: [(heading: String, paragraphs: [Paragraph])],
                       introductionLines: [Paragraph]) -> [SummaryStatement] {
        var result: [SummaryStatement] = []
        for (heading, paragraphs) in summaryLines {
            let location = heading == "Sammanfattning" ? "Sammanfattning" : "Sammanfattning › \(heading)"
            let area = goalAreas.first { $0.title.lowercased().hasSuffix(heading.lowercased()) }?.id
            for paragraph in paragraphs {
                result += statements(in: paragraph, location: location, area: area)
            }
        }
        for paragraph in introductionLines {
            result += statements(in: paragraph, location: introduction.heading, area: nil)
        }
        return result
    }

    private func statements(in paragraph: Paragraph, location: String, area: String?) -> [SummaryStatement] {
        var result: [SummaryStatement] = []
        for sentence in TextJoin.sentences(paragraph.text) {
            for (subject, counts) in Self.parse(sentence) {
                var statementArea = area
                if statementArea == nil, subject == .indicators || subject == .assignments || subject == .boardGoals {
                    statementArea = goalAreas.first { area in
                        guard let dash = area.title.range(of: " - ", options: .backwards) else { return false }
                        return sentence.lowercased().contains(area.title[dash.upperBound...].lowercased())
                    }?.id
                }
                let statement = SummaryStatement(quote: sentence, location: location, subject: subject, goalArea: statementArea, counts: counts)
                result.append(statement)
                log.info(paragraph.lines, "count statement read (\(subject.rawValue)\(statementArea.map { ", goal area \($0)" } ?? "")): \(Self.describe(counts)) from \"\(sentence)\"")
            }
        }
        return result
    }

    static func describe(_ counts: StatedCounts) -> String {
        let fields: [(String, Int?)] = [("total", counts.total), ("met", counts.met), ("approaching", counts.approaching), ("notMet", counts.notMet),
                                        ("completed", counts.completed), ("likelyCompleted", counts.likelyCompleted),
                                        ("notCompleted", counts.notCompleted), ("completedOrLikely", counts.completedOrLikely)]
        return fields.compactMap { name, value in value.map { "\(name) \($0)" } }.joined(separator: ", ")
    }

    /// The counts a sentence states, by subject.
    static func parse(_ sentence: String) -> [(StatementSubject, StatedCounts)] {
        let s = sentence.lowercased()
        let n = Words.numberPattern
        func count(_ pattern: String) -> Int? {
            s.firstMatch(pattern).flatMap { groups in groups.dropFirst().first { Words.number($0) != nil }.flatMap(Words.number) }
        }
        var result: [(StatementSubject, StatedCounts)] = []

        if s.contains("indikator"), let total = count("resultat på \(n) indikatorer\\b") {
            var counts = StatedCounts(total: total)
            counts.met = count("\\b\(n) (?:av dessa )?uppnår")
            counts.approaching = count("\\b\(n) närmar sig")
            counts.notMet = count("\\b\(n) (?:inte gör det|uppnår inte|inte uppnår|uppnås inte|uppnår ej|når inte)")
            if counts.notMet == nil, s.matches("(den|de) andra inte|övriga inte|resterande inte") {
                counts.notMet = total - (counts.met ?? 0) - (counts.approaching ?? 0)
            }
            result.append((.indicators, counts))
        }
        if let total = count("\\btotalt \(n) mål\\b"), !s.contains("uppdrag") {
            result.append((.boardGoals, StatedCounts(total: total)))
        }
        if s.contains("uppdrag") {
            var counts = StatedCounts()
            if let exceptions = count("\\balla utom \(n) uppdrag") {
                counts.notCompleted = exceptions
            } else {
                counts.total = count("\\b\(n) uppdrag\\b")
                let likely = count("\\b\(n) troligen (?:genomföras|bli klara?|klara?)")
                let done = count("\\b\(n) genomföras")
                counts.completed = done
                counts.likelyCompleted = likely
                counts.notCompleted = count("\\b\(n) inte (?:kunna )?(?:slutföras|genomföras|bli klara?)")
            }
            if counts != StatedCounts() { result.append((.assignments, counts)) }
        }
        if s.contains("systematiska kontroller"),
           let groups = s.firstMatch("\\b\(n) av totalt (?:inplanerade )?\(n) (?:inplanerade )?systematiska kontroller"),
           let done = Words.number(groups[1]), let total = Words.number(groups[2]) {
            result.append((.systematicControls, StatedCounts(total: total, completedOrLikely: done)))
        }
        if s.contains("åtgärder"), !s.contains("systematiska kontroller") {
            if let groups = s.firstMatch("varav \(n) är riskreducerande åtgärder och \(n) (?:utifrån|från) revision"),
               let risks = Words.number(groups[1]), let audits = Words.number(groups[2]) {
                result.append((.riskReductions, StatedCounts(notCompleted: risks)))
                result.append((.auditActions, StatedCounts(notCompleted: audits)))
            } else if s.contains("inte genomföras") || s.contains("inte kunna slutföras"),
                      let total = count("\\b\(n) (?:inplanerade )?åtgärder") {
                result.append((.internalControlActions, StatedCounts(notCompleted: total)))
            }
        }
        return result
    }
}
