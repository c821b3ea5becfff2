import Foundation

/// Where an item sits in the goal tree.
public struct GoalPath: Sendable, Equatable, Hashable {
    public var area: Int
    public var councilGoal: Int
    /// `nil` for items printed directly under the KF-mål.
    public var boardGoal: Int?

    public init(area: Int, councilGoal: Int, boardGoal: Int?) {
        self.area = area
        self.councilGoal = councilGoal
        self.boardGoal = boardGoal
    }
}

/// An indicator with its place, its table's years and its evaluation.
public struct AnalyzedIndicator: Sendable, Equatable {
    public var indicator: Indicator
    public var path: GoalPath
    /// Position in its table.
    public var row: Int
    public var years: [Int]
    public var longTermTargetYear: Int
    public var evaluation: IndicatorEvaluation
    public var areaId: String
    public var areaTitle: String
    public var councilGoalTitle: String
    public var boardGoalTitle: String?

    /// Parsed values per year (nil where none was printed).
    public var numericValues: [(year: Int, value: Decimal?)] {
        zip(years, indicator.values).map { ($0, IndicatorValue(parsing: $1).quantity?.number.value) }
    }
}

/// An uppdrag with its place in the goal tree.
public struct AnalyzedAssignment: Sendable, Equatable {
    public var assignment: Assignment
    public var path: GoalPath
    public var row: Int
    public var areaId: String
    public var areaTitle: String
    public var councilGoalTitle: String
    public var boardGoalTitle: String
}

/// Counts of indicators by status.
public struct StatusCounts: Sendable, Equatable {
    public var met = 0
    public var approaching = 0
    public var notMet = 0
    public var notAssessed = 0

    public init() {}

    public subscript(status: IndicatorStatus) -> Int {
        get {
            switch status {
            case .met: met
            case .approaching: approaching
            case .notMet: notMet
            case .notAssessed: notAssessed
            }
        }
        set {
            switch status {
            case .met: met = newValue
            case .approaching: approaching = newValue
            case .notMet: notMet = newValue
            case .notAssessed: notAssessed = newValue
            }
        }
    }

    public var total: Int { met + approaching + notMet + notAssessed }
    /// Indicators with a status other than ej bedömd.
    public var assessed: Int { met + approaching + notMet }
}

/// Counts of uppdrag or internal-control items by printed progress.
public struct ProgressCounts: Sendable, Equatable {
    public var completed = 0
    public var likelyCompleted = 0
    public var notCompleted = 0
    public var other = 0

    public init() {}

    public init<S: Sequence>(_ statuses: S) where S.Element == Progress {
        for status in statuses { self[status] += 1 }
    }

    public subscript(progress: Progress) -> Int {
        get {
            switch progress {
            case .completed: completed
            case .likelyCompleted: likelyCompleted
            case .notCompleted: notCompleted
            case .other: other
            }
        }
        set {
            switch progress {
            case .completed: completed = newValue
            case .likelyCompleted: likelyCompleted = newValue
            case .notCompleted: notCompleted = newValue
            case .other: other = newValue
            }
        }
    }

    public var total: Int { completed + likelyCompleted + notCompleted + other }
}

/// The kinds of internal-control items.
public enum InternalControlKind: String, Sendable, CaseIterable, Codable {
    case riskReduction
    case auditAction
    case systematicControl

    /// Swedish name, plural, as headings use it.
    public var swedishName: String {
        switch self {
        case .riskReduction: "Riskreducerande åtgärder"
        case .auditAction: "Åtgärder utifrån revision"
        case .systematicControl: "Systematiska kontroller"
        }
    }
}

/// One internal-control item of any kind, flattened for lists and the matrix.
public struct InternalControlItem: Sendable, Equatable {
    public var kind: InternalControlKind
    /// Index within its kind's list.
    public var index: Int
    public var process: String
    public var title: String
    public var status: String
    public var comment: [String]
    /// Further detail lines (risk, background, rationale, diarienummer, note).
    public var details: [InternalControlDetail]

    public var progress: Progress { Progress(printed: status) }
}

/// A labelled detail of an internal-control item ("Risk", "Diarienummer").
public struct InternalControlDetail: Sendable, Equatable {
    public var label: String
    public var text: String

    public init(_ label: String, _ text: String) {
        self.label = label
        self.text = text
    }
}

/// Everything derived from a report: evaluated indicators, placed uppdrag, internal-control
/// items, and the audit. Computed once after loading; screens and commands read from it.
public struct ReportAnalysis: Sendable {
    public let report: Report
    public let rule: StatusRule
    public let indicators: [AnalyzedIndicator]
    public let assignments: [AnalyzedAssignment]
    public let internalControlItems: [InternalControlItem]
    public let audit: Audit

    public init(report: Report) {
        self.report = report
        let rule = StatusRule(config: report.statusRule, reportingYear: report.metadata.reportingYear)
        self.rule = rule
        var indicators: [AnalyzedIndicator] = []
        var assignments: [AnalyzedAssignment] = []
        for (a, area) in report.goalAreas.enumerated() {
            for (c, council) in area.councilGoals.enumerated() {
                func add(_ table: IndicatorTable?, board: Int?) {
                    guard let table else { return }
                    for (r, indicator) in table.indicators.enumerated() {
                        indicators.append(AnalyzedIndicator(
                            indicator: indicator, path: GoalPath(area: a, councilGoal: c, boardGoal: board), row: r,
                            years: table.years, longTermTargetYear: table.longTermTargetYear,
                            evaluation: rule.evaluate(indicator, years: table.years),
                            areaId: area.id, areaTitle: area.title, councilGoalTitle: council.title,
                            boardGoalTitle: board.map { council.boardGoals[$0].title }))
                    }
                }
                add(council.indicatorTable, board: nil)
                for (b, board) in council.boardGoals.enumerated() {
                    add(board.indicatorTable, board: b)
                    for (r, assignment) in board.assignments.enumerated() {
                        assignments.append(AnalyzedAssignment(
                            assignment: assignment, path: GoalPath(area: a, councilGoal: c, boardGoal: b), row: r,
                            areaId: area.id, areaTitle: area.title, councilGoalTitle: council.title, boardGoalTitle: board.title))
                    }
                }
            }
        }
        self.indicators = indicators
        self.assignments = assignments
        self.internalControlItems = Self.flatten(report.internalControl)
        self.audit = Audit(report: report, indicators: indicators, assignments: assignments)
    }

    /// Indicator counts by displayed status, for one goal area (by id) or all.
    public func indicatorCounts(area: String? = nil) -> StatusCounts {
        var counts = StatusCounts()
        for item in indicators where area == nil || item.areaId == area { counts[item.evaluation.status] += 1 }
        return counts
    }

    /// Uppdrag counts by printed status, for one goal area (by id) or all.
    public func assignmentCounts(area: String? = nil) -> ProgressCounts {
        ProgressCounts(assignments.filter { area == nil || $0.areaId == area }.map(\.assignment.progress))
    }

    /// Internal-control counts by status, for one kind or all.
    public func internalControlCounts(kind: InternalControlKind? = nil) -> ProgressCounts {
        ProgressCounts(internalControlItems.filter { kind == nil || $0.kind == kind }.map(\.progress))
    }

    /// Processes in first-printed order.
    public var internalControlProcesses: [String] {
        var seen: [String] = []
        for item in internalControlItems where !seen.contains(item.process) { seen.append(item.process) }
        return seen
    }

    private static func flatten(_ control: InternalControl) -> [InternalControlItem] {
        var items: [InternalControlItem] = []
        func noteDetail(_ note: String?) -> [InternalControlDetail] { note.map { [InternalControlDetail("Not", $0)] } ?? [] }
        for (index, item) in control.riskReductions.enumerated() {
            items.append(InternalControlItem(
                kind: .riskReduction, index: index, process: item.process, title: item.action, status: item.status, comment: item.comment,
                details: [InternalControlDetail("Risk", item.risk), InternalControlDetail("Riskåtgärd", item.action)] + noteDetail(item.note)))
        }
        for (index, item) in control.auditActions.enumerated() {
            items.append(InternalControlItem(
                kind: .auditAction, index: index, process: item.review, title: item.action, status: item.status, comment: item.comment,
                details: [InternalControlDetail("Revision/Granskning", item.review), InternalControlDetail("Diarienummer", item.registrationNumber), InternalControlDetail("Bakgrund", item.background),
                          InternalControlDetail("Riskåtgärd", item.action)] + noteDetail(item.note)))
        }
        for (index, item) in control.systematicControls.enumerated() {
            items.append(InternalControlItem(
                kind: .systematicControl, index: index, process: item.process, title: item.control, status: item.status, comment: item.comment,
                details: [InternalControlDetail("Systematisk kontroll", item.control), InternalControlDetail("Varför görs kontrollen?", item.rationale)] + noteDetail(item.note)))
        }
        return items
    }
}
