import Foundation
import ReportCore

/// Where a search hit or a link leads: a view, and in it a line to select or a paragraph to show.
struct Jump: Sendable, Hashable {
    var view: ViewID
    var focus: LineKey? = nil
    var anchor: Int? = nil
    /// The status filter the opened view starts with.
    var filter: Int = 0
    /// Mark the anchor's paragraph (a statement the audit points at).
    var markAnchor = false
}

/// One searchable text of the report.
struct SearchEntry: Sendable {
    /// Lower-cased text that is matched.
    var haystack: String
    /// What the hit is, in Swedish, e.g. "Indikator: Resultat exkl exploatering".
    var label: String
    var jump: Jump
}

/// Every name and text of the report, built once; a search is one pass over it.
struct SearchIndex: Sendable {
    private(set) var entries: [SearchEntry] = []

    init(analysis: ReportAnalysis, texts: [TextDocument]) {
        let report = analysis.report
        for (a, area) in report.goalAreas.enumerated() {
            add(area.title, "Målområde: \(area.title)", Jump(view: .goalTree, focus: .area(a)))
            for (c, council) in area.councilGoals.enumerated() {
                let kf = GoalRef(area: a, council: c, board: nil)
                add(council.title, "KF-mål: \(council.title)", Jump(view: .goal(kf)))
                for note in council.indicatorTable?.notes ?? [] { add(note, "Not: \(council.title)", Jump(view: .goal(kf))) }
                for (b, board) in council.boardGoals.enumerated() {
                    let ref = GoalRef(area: a, council: c, board: b)
                    add(board.title, "Nämndmål: \(board.title)", Jump(view: .goal(ref)))
                    for (p, paragraph) in board.narrative.enumerated() {
                        add(paragraph, "Nämndmål: \(board.title)", Jump(view: .goal(ref), anchor: p))
                    }
                    for note in board.indicatorTable?.notes ?? [] { add(note, "Not: \(board.title)", Jump(view: .goal(ref))) }
                }
            }
        }
        for (i, item) in analysis.indicators.enumerated() {
            let jump = Jump(view: .indicator(i))
            let label = "Indikator: \(item.indicator.printedName)"
            add(item.indicator.printedName, label, jump)
            if let note = item.indicator.note { add(note, label, jump) }
            if let quote = item.indicator.reportedStatus?.quote { add(quote, label, jump) }
            if let reason = item.indicator.override?.reason { add(reason, label, jump) }
        }
        for (i, item) in analysis.assignments.enumerated() {
            let label = "Uppdrag: \(item.assignment.title)"
            add(item.assignment.title, label, Jump(view: .assignment(i)))
            for paragraph in item.assignment.comment { add(paragraph, label, Jump(view: .assignment(i))) }
        }
        for ref in TableRef.allCases {
            let table = Self.table(report, ref)
            let view: ViewID = ref.section == .economy ? .economy : .investments
            add(table.title, "Tabell: \(table.title)", Jump(view: view, focus: table.rows.isEmpty ? nil : .tableRow(ref, 0)))
            for (r, row) in table.rows.enumerated() {
                add(row.label, "\(table.title): \(row.label)", Jump(view: view, focus: .tableRow(ref, r)))
            }
            for note in table.notes ?? [] { add(note, "Tabell: \(table.title)", Jump(view: view)) }
        }
        for absent in report.economy.absentTables {
            add(absent.title + " " + absent.reason, "Saknad tabell: \(absent.title)", Jump(view: .economy))
        }
        for (t, document) in texts.enumerated() {
            var paragraph = 0
            func walk(_ section: TextSection) {
                add(section.heading, "Text: \(section.heading)", Jump(view: .text(t), anchor: paragraph))
                for text in section.paragraphs {
                    add(text, "Text: \(document.section.heading)", Jump(view: .text(t), anchor: paragraph))
                    paragraph += 1
                }
                if let note = section.note { add(note, "Text: \(document.section.heading)", Jump(view: .text(t))) }
                for sub in section.subsections ?? [] { walk(sub) }
            }
            walk(document.section)
        }
        for (i, item) in analysis.internalControlItems.enumerated() {
            let label = "Intern kontroll: \(item.title)"
            let jump = Jump(view: .controlItem(i))
            add(item.title + " " + item.process, label, jump)
            for paragraph in item.comment { add(paragraph, label, jump) }
            for detail in item.details { add(detail.text, label, jump) }
        }
        for (i, finding) in analysis.audit.findings.enumerated() {
            add(finding.location + " " + finding.message, "Granskning: \(finding.location)", Jump(view: .audit, focus: .finding(i)))
        }
    }

    private mutating func add(_ text: String, _ label: String, _ jump: Jump) {
        guard !text.isEmpty else { return }
        entries.append(SearchEntry(haystack: text.lowercased(), label: label, jump: jump))
    }

    private static func table(_ report: Report, _ ref: TableRef) -> FinancialTable {
        switch ref {
        case .operations: report.economy.operations
        case .netCost: report.economy.netCost
        case .covid: report.economy.covid
        case .boardInvestments: report.investments.board
        case .urbanDevelopment: report.investments.urbanDevelopment
        }
    }

    /// The entries containing `term` (case-insensitive), in report order, one per place.
    func search(_ term: String) -> [SearchHit] {
        let needle = term.lowercased()
        guard !needle.isEmpty else { return [] }
        var hits: [SearchHit] = []
        let pattern = Array(needle.utf8)
        for entry in entries where Self.contains(entry.haystack, pattern) {
            if let last = hits.last, last.jump == entry.jump { continue }
            hits.append(SearchHit(label: entry.label, jump: entry.jump))
        }
        return hits
    }
}

extension SearchIndex {
    /// Whether `haystack` contains `pattern` (both lower-cased UTF-8), compared byte by byte:
    /// one pass without Foundation's bridging (the report's texts are stored as composed
    /// characters, so this matches what a reader types).
    static func contains(_ haystack: String, _ pattern: [UInt8]) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { bytes in
            let n = bytes.count, m = pattern.count
            guard m > 0 else { return true }
            guard m <= n else { return false }
            let first = pattern[0]
            var i = 0
            while i <= n - m {
                if bytes[i] == first {
                    var j = 1
                    while j < m, bytes[i + j] == pattern[j] { j += 1 }
                    if j == m { return true }
                }
                i += 1
            }
            return false
        }
    }
}

/// A place where the search term occurs.
struct SearchHit: Sendable, Equatable {
    var label: String
    var jump: Jump
}

/// The search: the prompt while typing, the hits and which one is shown.
struct SearchState: Sendable, Equatable {
    /// The text being typed after `/`; `nil` when the prompt is closed.
    var input: String?
    /// The last confirmed term (highlighted in the visible lines).
    var term: String = ""
    var hits: [SearchHit] = []
    /// Index of the hit shown, into `hits`.
    var current: Int?
    /// The section and navigation stack to return to (Back from a hit goes there).
    var originSection: Section?
    var origin: [ViewState] = []
}
