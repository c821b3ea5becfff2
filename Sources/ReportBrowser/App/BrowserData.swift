import Foundation
import ReportCore

/// A place in the goal tree: a KF-mål (`board == nil`) or a nämndmål.
struct GoalRef: Sendable, Hashable {
    var area: Int
    var council: Int
    var board: Int?
}

/// The financial tables a view can show.
enum TableRef: String, Sendable, Hashable, CaseIterable {
    case operations, netCost, covid, boardInvestments, urbanDevelopment

    /// The table in a report.
    func table(in report: Report) -> FinancialTable {
        switch self {
        case .operations: report.economy.operations
        case .netCost: report.economy.netCost
        case .covid: report.economy.covid
        case .boardInvestments: report.investments.board
        case .urbanDevelopment: report.investments.urbanDevelopment
        }
    }

    /// The section whose screen shows the table.
    var section: Section {
        switch self {
        case .operations, .netCost, .covid: .economy
        case .boardInvestments, .urbanDevelopment: .investments
        }
    }
}

/// A readable text: a heading with paragraphs and sub-headings, and the group it belongs to.
struct TextDocument: Sendable {
    var group: String
    var section: TextSection
}

/// Everything the browser derives from a report once, after loading: the analysis, lookups by
/// goal, the readable texts and the search index. Immutable, so views share it freely.
public final class BrowserData: Sendable {
    let analysis: ReportAnalysis
    let title: String
    let subtitle: String
    /// Indices into `analysis.indicators`, per goal (KF-mål rows under `board: nil`).
    let indicatorsByGoal: [GoalRef: [Int]]
    /// Indices into `analysis.assignments`, per nämndmål.
    let assignmentsByGoal: [GoalRef: [Int]]
    let texts: [TextDocument]
    let processes: [String]
    /// Indices into `analysis.internalControlItems`, per process (same order as `processes`).
    let itemsByProcess: [[Int]]
    /// Each internal-control item's progress (read from its printed status once).
    let controlProgress: [Progress]
    /// Progress columns of the internal-control matrix (`.other` only when some item has it).
    let progressColumns: [Progress]
    /// The uppdrag statuses the filter offers (`.other` only when some uppdrag has it).
    let assignmentProgressOptions: [Progress]
    /// Built on the first search (`/`, n, N): the first frame does not need it.
    private let searchIndexBox = LazyBox<SearchIndex>()
    var searchIndex: SearchIndex {
        searchIndexBox.value { SearchIndex(analysis: analysis, texts: texts) }
    }
    private let longestIndicatorNameBox = LazyBox<Int?>()
    /// Display width of the longest indicator name (the indicator list's natural column width).
    var longestIndicatorName: Int? {
        longestIndicatorNameBox.value { analysis.indicators.map { DisplayWidth.of($0.indicator.printedName) }.max() }
    }
    /// Cell texts and natural column widths per table, by glyph set and trend columns.
    private let tableCellsCache = KeyedCache<TableCellsKey, FinancialTableWidget.Cells>()
    func tableCells(_ ref: TableRef, glyphs: Glyphs, trend: Bool) -> FinancialTableWidget.Cells {
        tableCellsCache.value(for: TableCellsKey(ref: ref, ascii: glyphs.ascii, trend: trend)) {
            FinancialTableWidget.cells(table(ref), audit: analysis.audit, glyphs: glyphs, trend: trend)
        }
    }
    private let deviationBarsCache = KeyedCache<TableRef, FinancialTableWidget.BarRows>()
    /// The rows of a table's deviation bars and their largest size.
    func deviationBarRows(_ ref: TableRef) -> FinancialTableWidget.BarRows {
        deviationBarsCache.value(for: ref) { FinancialTableWidget.barRows(table(ref)) }
    }
    /// View models by view and layout inputs, so re-entering a view does not rebuild it.
    let modelCache = ModelCache()
    let indicatorIndexById: [String: Int]
    /// Indicator counts by status and uppdrag counts by progress, per målområde (by index).
    let indicatorCountsByArea: [StatusCounts]
    let assignmentCountsByArea: [ProgressCounts]

    var report: Report { analysis.report }

    /// Analyses the report's structure for browsing (linear in the report's size).
    public init(analysis: ReportAnalysis) {
        self.analysis = analysis
        let formatter = SummaryFormatter(analysis: analysis)
        title = formatter.title
        subtitle = formatter.subtitle
        var byGoal: [GoalRef: [Int]] = [:]
        var ids: [String: Int] = [:]
        for (index, item) in analysis.indicators.enumerated() {
            byGoal[GoalRef(area: item.path.area, council: item.path.councilGoal, board: item.path.boardGoal), default: []].append(index)
            if ids[item.indicator.id] == nil { ids[item.indicator.id] = index }
        }
        indicatorsByGoal = byGoal
        var areaCounts = Array(repeating: StatusCounts(), count: analysis.report.goalAreas.count)
        for item in analysis.indicators where areaCounts.indices.contains(item.path.area) {
            areaCounts[item.path.area][item.evaluation.status] += 1
        }
        indicatorCountsByArea = areaCounts
        var progressCounts = Array(repeating: ProgressCounts(), count: analysis.report.goalAreas.count)
        for item in analysis.assignments where progressCounts.indices.contains(item.path.area) {
            progressCounts[item.path.area][item.assignment.progress] += 1
        }
        assignmentCountsByArea = progressCounts
        indicatorIndexById = ids
        var assignments: [GoalRef: [Int]] = [:]
        for (index, item) in analysis.assignments.enumerated() {
            assignments[GoalRef(area: item.path.area, council: item.path.councilGoal, board: item.path.boardGoal), default: []].append(index)
        }
        assignmentsByGoal = assignments
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
        let processes = analysis.internalControlProcesses
        self.processes = processes
        var positions: [String: Int] = [:]
        for (index, name) in processes.enumerated() { positions[name] = index }
        var items = Array(repeating: [Int](), count: processes.count)
        for (index, item) in analysis.internalControlItems.enumerated() {
            if let position = positions[item.process] { items[position].append(index) }
        }
        itemsByProcess = items
        let controlProgress = analysis.internalControlItems.map(\.progress)
        self.controlProgress = controlProgress
        let hasOther = controlProgress.contains(.other)
        progressColumns = hasOther ? Progress.allCases : [.completed, .likelyCompleted, .notCompleted]
        let otherAssignment = analysis.assignments.contains { $0.assignment.progress == .other }
        assignmentProgressOptions = otherAssignment ? Progress.allCases : [.completed, .likelyCompleted, .notCompleted]
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
        var result = indicatorsByGoal[ref] ?? []
        if ref.board == nil, includingBoardGoals, let council = councilGoal(ref) {
            for board in council.boardGoals.indices {
                result += indicatorsByGoal[GoalRef(area: ref.area, council: ref.council, board: board)] ?? []
            }
        }
        return result
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
        indicatorCountsByArea.indices.contains(index) ? indicatorCountsByArea[index] : StatusCounts()
    }

    func assignmentCounts(area index: Int) -> ProgressCounts {
        assignmentCountsByArea.indices.contains(index) ? assignmentCountsByArea[index] : ProgressCounts()
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

/// A value computed on first use and kept; safe to share between threads.
final class LazyBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}

struct TableCellsKey: Hashable, Sendable {
    var ref: TableRef
    var ascii: Bool
    var trend: Bool
}

/// Values computed on first use per key and kept; safe to share between threads.
final class KeyedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Key: Value] = [:]

    func value(for key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value = stored[key] { return value }
        let made = make()
        stored[key] = made
        return made
    }
}

extension String {
    /// The string with a capital first letter.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
