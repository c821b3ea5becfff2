/// Lookups derived from an analysed report once: items by goal, by id, by process, and counts
/// per målområde. Positions are indices into the analysis' lists.
public struct ReportIndex: Sendable, Equatable {
    /// Indicators per goal (items printed directly under a KF-mål have `boardGoal == nil`).
    public let indicatorsByGoal: [GoalPath: [Int]]
    /// Uppdrag per nämndmål.
    public let assignmentsByGoal: [GoalPath: [Int]]
    /// The first indicator with each id.
    public let indicatorById: [String: Int]
    /// Indicator counts by status, per målområde (by position).
    public let indicatorCountsByArea: [StatusCounts]
    /// Uppdrag counts by progress, per målområde (by position).
    public let assignmentCountsByArea: [ProgressCounts]
    /// Internal-control items per process, in the order of `ReportAnalysis.internalControlProcesses`.
    public let itemsByProcess: [[Int]]
    /// Each internal-control item's progress, read from its printed status once.
    public let controlProgress: [Progress]

    /// Builds the lookups (linear in the report's size).
    public init(_ analysis: ReportAnalysis) {
        let areaCount = analysis.report.goalAreas.count
        var byGoal: [GoalPath: [Int]] = [:]
        var ids: [String: Int] = [:]
        var indicatorCounts = Array(repeating: StatusCounts(), count: areaCount)
        for (index, item) in analysis.indicators.enumerated() {
            byGoal[item.path, default: []].append(index)
            if ids[item.indicator.id] == nil { ids[item.indicator.id] = index }
            if indicatorCounts.indices.contains(item.path.area) { indicatorCounts[item.path.area][item.evaluation.status] += 1 }
        }
        indicatorsByGoal = byGoal
        indicatorById = ids
        indicatorCountsByArea = indicatorCounts
        var assignments: [GoalPath: [Int]] = [:]
        var progressCounts = Array(repeating: ProgressCounts(), count: areaCount)
        for (index, item) in analysis.assignments.enumerated() {
            assignments[item.path, default: []].append(index)
            if progressCounts.indices.contains(item.path.area) { progressCounts[item.path.area][item.assignment.progress] += 1 }
        }
        assignmentsByGoal = assignments
        assignmentCountsByArea = progressCounts
        let processes = analysis.internalControlProcesses
        var positions: [String: Int] = [:]
        for (index, name) in processes.enumerated() where positions[name] == nil { positions[name] = index }
        var items = Array(repeating: [Int](), count: processes.count)
        for (index, item) in analysis.internalControlItems.enumerated() {
            if let position = positions[item.process] { items[position].append(index) }
        }
        itemsByProcess = items
        controlProgress = analysis.internalControlItems.map(\.progress)
    }
}
