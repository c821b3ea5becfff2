import Foundation
import ReportCore

/// Everything the browser derives from a report once, after loading: the analysis, lookups by
/// goal, the readable texts and the search index. Immutable, so views share it freely.
public final class BrowserData: Sendable {
    let analysis: ReportAnalysis
    let title: String
    let subtitle: String
    /// Lookups derived from the report (by goal, id, process; counts per målområde).
    let index: ReportIndex
    let texts: [TextDocument]
    /// Internal-control processes in order of first appearance.
    let processes: [String]
    /// Progress columns of the internal-control matrix (`.other` only when some item has it).
    let progressColumns: [Progress]
    /// The uppdrag statuses the filter offers (`.other` only when some uppdrag has it).
    let assignmentProgressOptions: [Progress]
    /// Every searchable name and text (built with the data: a search is one pass over it).
    let searchIndex: SearchIndex
    /// Display width of the longest indicator name (the indicator list's natural column width).
    let longestIndicatorName: Int?

    var report: Report { analysis.report }

    /// Analyses the report's structure for browsing (linear in the report's size).
    public init(analysis: ReportAnalysis) {
        self.analysis = analysis
        let formatter = SummaryFormatter(analysis: analysis)
        title = formatter.title
        subtitle = formatter.subtitle
        index = ReportIndex(analysis)
        let report = analysis.report
        var texts: [TextDocument] = []
        for section in report.summary.sections { texts.append(TextDocument(group: "Sammanfattning", section: section)) }
        for section in report.sections { texts.append(TextDocument(group: "Rapportens avsnitt", section: section)) }
        for section in report.economy.commentary { texts.append(TextDocument(group: "Ekonomi", section: section)) }
        for section in report.investments.commentary { texts.append(TextDocument(group: "Investeringar", section: section)) }
        let introduction = report.internalControl.introduction
        if !introduction.heading.isEmpty || !introduction.paragraphs.isEmpty {
            texts.append(TextDocument(group: "Intern kontroll", section: introduction))
        }
        if let notes = report.transcriptionNotes, !notes.isEmpty {
            texts.append(TextDocument(group: "Om datat", section: TextSection(heading: "Anteckningar om transkriptionen", paragraphs: notes)))
        }
        self.texts = texts
        processes = analysis.internalControlProcesses
        let hasOther = index.controlProgress.contains(.other)
        progressColumns = hasOther ? Progress.allCases : [.completed, .likelyCompleted, .notCompleted]
        let otherAssignment = analysis.assignments.contains { $0.assignment.progress == .other }
        assignmentProgressOptions = otherAssignment ? Progress.allCases : [.completed, .likelyCompleted, .notCompleted]
        longestIndicatorName = analysis.indicators.map { DisplayWidth.of($0.indicator.printedName) }.max()
        searchIndex = SearchIndex(analysis: analysis, texts: texts)
    }

    // MARK: - Lookups

    func table(_ ref: TableRef) -> FinancialTable { ref.table(in: report) }

    /// The table with the given id (as findings name it).
    func tableRef(id: String) -> TableRef? {
        TableRef.allCases.first { table($0).id == id }
    }

    func area(_ index: Int) -> GoalArea? {
        report.goalAreas.indices.contains(index) ? report.goalAreas[index] : nil
    }

    func councilGoal(_ ref: GoalRef) -> CouncilGoal? {
        guard let area = area(ref.area), area.councilGoals.indices.contains(ref.council) else { return nil }
        return area.councilGoals[ref.council]
    }

    func boardGoal(_ ref: GoalRef) -> BoardGoal? {
        guard let board = ref.board, let council = councilGoal(ref), council.boardGoals.indices.contains(board) else { return nil }
        return council.boardGoals[board]
    }

    /// The goal's title as printed.
    func goalTitle(_ ref: GoalRef) -> String {
        if ref.board != nil { return boardGoal(ref)?.title ?? "" }
        return councilGoal(ref)?.title ?? ""
    }

    /// Indicators under a goal; for a KF-mål also those of its nämndmål.
    func indicators(in ref: GoalRef, includingBoardGoals: Bool = false) -> [Int] {
        var result = index.indicatorsByGoal[ref.path] ?? []
        if ref.board == nil, includingBoardGoals, let council = councilGoal(ref) {
            for board in council.boardGoals.indices {
                result += index.indicatorsByGoal[GoalRef(area: ref.area, council: ref.council, board: board).path] ?? []
            }
        }
        return result
    }

    /// Uppdrag under a nämndmål.
    func assignments(in ref: GoalRef) -> [Int] { index.assignmentsByGoal[ref.path] ?? [] }

    /// Internal-control items of the process at `position` in `processes`.
    func items(ofProcess position: Int) -> [Int]? {
        index.itemsByProcess.indices.contains(position) ? index.itemsByProcess[position] : nil
    }

    /// A målområde's short name: the part after the last " - " ("ekonomisk hållbarhet"),
    /// capitalized, or the whole title when there is no such part.
    func shortAreaTitle(_ index: Int) -> String {
        guard let title = area(index)?.title else { return "" }
        guard let range = title.range(of: " - ", options: .backwards) else { return title }
        let tail = title[range.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !tail.isEmpty else { return title }
        return tail.prefix(1).uppercased() + tail.dropFirst()
    }

    func indicatorCounts(area index: Int) -> StatusCounts {
        self.index.indicatorCountsByArea.indices.contains(index) ? self.index.indicatorCountsByArea[index] : StatusCounts()
    }

    func assignmentCounts(area index: Int) -> ProgressCounts {
        self.index.assignmentCountsByArea.indices.contains(index) ? self.index.assignmentCountsByArea[index] : ProgressCounts()
    }

    func indicator(_ index: Int) -> AnalyzedIndicator? {
        analysis.indicators.indices.contains(index) ? analysis.indicators[index] : nil
    }

    func assignment(_ index: Int) -> AnalyzedAssignment? {
        analysis.assignments.indices.contains(index) ? analysis.assignments[index] : nil
    }

    func controlItem(_ index: Int) -> InternalControlItem? {
        analysis.internalControlItems.indices.contains(index) ? analysis.internalControlItems[index] : nil
    }

    func finding(_ index: Int) -> AuditFinding? {
        analysis.audit.findings.indices.contains(index) ? analysis.audit.findings[index] : nil
    }

    func text(_ index: Int) -> TextDocument? {
        texts.indices.contains(index) ? texts[index] : nil
    }
}

extension String {
    /// The string with a capital first letter.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
