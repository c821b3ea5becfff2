import Foundation

/// How serious an audit finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// A real inconsistency: a sign flip, a sum or deviation off by more than rounding.
    case error
    /// The report's own statements do not reproduce from its tables.
    case warning
    /// Worth knowing, not wrong: rounding differences, computed and reported status differing.
    case info

    /// Most serious first: error < warning < info.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Swedish name for the browser.
    public var swedishName: String {
        switch self {
        case .error: "fel"
        case .warning: "varning"
        case .info: "info"
        }
    }
}

/// What a finding points at, so that a browser can jump to it.
public enum FindingSubject: Sendable, Equatable {
    /// A table cell: table id, row id, column id.
    case tableCell(table: String, row: String, column: String)
    case indicator(id: String)
    /// A summary statement, by index in `summary.statements`.
    case statement(index: Int)
}

/// One result of the audit.
public struct AuditFinding: Sendable, Equatable {
    public var severity: Severity
    /// Where a person finds it in the PDF, e.g. "Nämndernas investeringar › Fiberutbyggnad IT › Helår avvikelse".
    public var location: String
    /// One sentence in Swedish.
    public var message: String
    public var printed: Decimal?
    public var computed: Decimal?
    public var subject: FindingSubject
}

/// A summary statement next to what the tables give.
public struct StatementCheck: Sendable, Equatable {
    public var statementIndex: Int
    public var statement: SummaryStatement
    /// Per stated category: what the report states and what the tables give.
    public var comparisons: [StatedComparison]

    public var agrees: Bool { comparisons.allSatisfy { $0.stated == $0.computed } }
}

/// One stated count of a summary statement next to the count the tables give.
public struct StatedComparison: Sendable, Equatable {
    /// What is counted, in Swedish ("uppnås", "uppdrag totalt").
    public var label: String
    public var stated: Int
    public var computed: Int
}

/// The audit of a report's own arithmetic and stated counts.
///
/// Every deviation is recomputed from the printed budget and forecast/actual with the domain's sign
/// conventions, and every sum row from its printed members. A difference is *rounding* when it is
/// within what independent rounding of the printed figures allows: each of the n printed operands
/// and the printed result can be off by half a unit in the last printed digit, so at most
/// (n + 1) / 2 units. Anything larger, or a reversed sign, is an error.
public struct Audit: Sendable {
    public private(set) var findings: [AuditFinding] = []
    public private(set) var statementChecks: [StatementCheck] = []

    public init(report: Report, indicators: [AnalyzedIndicator], assignments: [AnalyzedAssignment]) {
        for table in report.financialTables {
            checkDeviations(table)
            checkSums(table)
        }
        checkStatements(report, indicators: indicators, assignments: assignments)
        checkReportedStatuses(indicators)
        findings.sort { $0.severity < $1.severity }
    }

    /// Findings of the given severity.
    public func findings(_ severity: Severity) -> [AuditFinding] { findings.filter { $0.severity == severity } }

    /// The largest difference rounding can explain for `operands` printed figures and a printed
    /// result, in units of the last printed digit.
    public static func roundingTolerance(operands: Int, unit: Decimal) -> Decimal {
        Decimal(operands + 1) / 2 * unit
    }

    // MARK: - Arithmetic

    private static func location(_ table: FinancialTable, row: Int, column: Int) -> String {
        ([table.title] + table.groupPath(ofRow: row) + [table.rows[row].label, table.columns[column].fullLabel]).joined(separator: " › ")
    }

    private mutating func compare(
        _ table: FinancialTable, row: Int, column: Int, printed: PrintedNumber, computed: Decimal, operands: [PrintedNumber],
        what describe: @autoclosure () -> String
    ) {
        let difference = printed.value - computed
        guard difference != 0 else { return }
        let what = describe() // only built for a finding
        let unit = ([printed] + operands).map(\.unitInLastPlace).max() ?? 1
        let tolerance = Self.roundingTolerance(operands: operands.count, unit: unit)
        let fractionDigits = ([printed] + operands).map(\.fractionDigits).max() ?? 0
        let shownComputed = SwedishNumberFormat.format(computed, fractionDigits: fractionDigits)
        let shownDifference = SwedishNumberFormat.format(abs(difference), fractionDigits: fractionDigits)
        let subject = FindingSubject.tableCell(table: table.id, row: table.rows[row].id, column: table.columns[column].id)
        let location = Self.location(table, row: row, column: column)
        if abs(difference) <= tolerance {
            findings.append(AuditFinding(
                severity: .info, location: location,
                message: "Avrundning: \(what) ger \(shownComputed), tryckt \(printed.text) (skillnad \(shownDifference) \(table.unit), inom avrundning av \(operands.count) tryckta tal).",
                printed: printed.value, computed: computed, subject: subject))
        } else if printed.value == -computed {
            findings.append(AuditFinding(
                severity: .error, location: location,
                message: "Omvänt tecken: \(what) ger \(shownComputed), men tabellen trycker \(printed.text).",
                printed: printed.value, computed: computed, subject: subject))
        } else {
            findings.append(AuditFinding(
                severity: .error, location: location,
                message: "Stämmer inte: \(what) ger \(shownComputed), men tabellen trycker \(printed.text) (skillnad \(shownDifference) \(table.unit), mer än avrundning).",
                printed: printed.value, computed: computed, subject: subject))
        }
    }

    private mutating func checkDeviations(_ table: FinancialTable) {
        let deviationColumns = table.deviationColumns
        for row in table.rows.indices {
            let kind = table.rows[row].kind
            for deviation in table.deviations(ofRow: row, columns: deviationColumns) {
                guard let printed = deviation.printed else { continue }
                compare(table, row: row, column: deviation.columns.deviation, printed: printed, computed: deviation.computed,
                        operands: [deviation.budget, deviation.compared], what: {
                            let comparedName = table.columns[deviation.columns.compared].label.lowercased()
                            switch kind {
                            case .income, .investment: return "avvikelsen (\(comparedName) − budget)"
                            default: return "avvikelsen (budget − \(comparedName))"
                            }
                        }())
            }
        }
    }

    private mutating func checkSums(_ table: FinancialTable) {
        let deviationColumns = Set(table.deviationColumns.map(\.deviation))
        // Row ids to indices once per table (the first row with an id wins, as `rowIndex(id:)`),
        // so that sums over many rows stay linear.
        var rowIndices: [String: Int] = [:]
        rowIndices.reserveCapacity(table.rows.count)
        for (index, row) in table.rows.enumerated() where rowIndices[row.id] == nil { rowIndices[row.id] = index }
        for row in table.rows.indices {
            guard let members = table.rows[row].sumOf, !members.isEmpty else { continue }
            let resolved: [(index: Int, sign: Decimal)] = members.compactMap { reference in
                let negative = reference.hasPrefix("-")
                let id = negative ? String(reference.dropFirst()) : reference
                return rowIndices[id].map { ($0, negative ? -1 : 1) }
            }
            guard resolved.count == members.count else { continue }
            for column in table.columns.indices where !deviationColumns.contains(column) {
                // Deviation columns of sum rows are checked by their own formula above, so a wrong
                // member deviation is reported once, on its row.
                guard let printed = table.number(row: row, column: column) else { continue }
                let operands = resolved.compactMap { table.number(row: $0.index, column: column) }
                guard operands.count == resolved.count else { continue }
                let computed = zip(resolved, operands).reduce(Decimal(0)) { $0 + $1.0.sign * $1.1.value }
                compare(table, row: row, column: column, printed: printed, computed: computed, operands: operands, what: {
                    let names = resolved.map { ($0.sign < 0 ? "− " : "") + table.rows[$0.index].label }
                    return "summan av \(names.count) rader (\(names.joined(separator: ", ")))"
                }())
            }
        }
    }

    // MARK: - Stated counts

    private mutating func checkStatements(_ report: Report, indicators: [AnalyzedIndicator], assignments: [AnalyzedAssignment]) {
        let year = StatusRule(config: report.statusRule, reportingYear: report.metadata.reportingYear).assessedYear
        // Items by goal area once, so that a statement per area does not scan every item.
        let indicatorsByArea = Dictionary(grouping: indicators, by: \.areaId)
        let assignmentsByArea = Dictionary(grouping: assignments, by: \.areaId)
        let boardGoalsByArea = report.goalAreas.reduce(into: [String: Int]()) { counts, area in
            counts[area.id, default: 0] += area.councilGoals.map(\.boardGoals.count).reduce(0, +)
        }
        for (index, statement) in report.summary.statements.enumerated() {
            let areaIndicators = statement.goalArea.map { indicatorsByArea[$0] ?? [] } ?? indicators
            let areaAssignments = statement.goalArea.map { assignmentsByArea[$0] ?? [] } ?? assignments
            let stated = statement.counts
            var comparisons: [(String, Int?, Int)] = []
            switch statement.subject {
            case .indicators:
                let scoped = areaIndicators
                // The rule already read each value: it assessed the year's own value exactly when
                // the evaluation's value year is that year (an earlier stand-in does not count).
                let withValue = scoped.filter { $0.evaluation.valueYear == year }
                var counts = StatusCounts()
                for item in withValue { counts[item.evaluation.status] += 1 }
                comparisons = [
                    ("indikatorer med värde för \(year)", stated.total, withValue.count),
                    ("uppnås", stated.met, counts.met), ("närmar sig", stated.approaching, counts.approaching),
                    ("uppnås ej", stated.notMet, counts.notMet),
                ]
            case .boardGoals:
                let count = statement.goalArea.map { boardGoalsByArea[$0] ?? 0 } ?? boardGoalsByArea.values.reduce(0, +)
                comparisons = [("nämndmål", stated.total, count)]
            case .assignments:
                comparisons = Self.progressComparisons(stated, ProgressCounts(areaAssignments.map(\.assignment.progress)), noun: "uppdrag")
            case .systematicControls:
                comparisons = Self.progressComparisons(stated, ProgressCounts(report.internalControl.systematicControls.map { Progress(printed: $0.status) }), noun: "kontroller")
            case .riskReductions:
                comparisons = Self.progressComparisons(stated, ProgressCounts(report.internalControl.riskReductions.map { Progress(printed: $0.status) }), noun: "riskreducerande åtgärder", qualified: true)
            case .auditActions:
                comparisons = Self.progressComparisons(stated, ProgressCounts(report.internalControl.auditActions.map { Progress(printed: $0.status) }), noun: "åtgärder utifrån revision", qualified: true)
            case .internalControlActions:
                let all = report.internalControl.riskReductions.map(\.status) + report.internalControl.auditActions.map(\.status)
                comparisons = Self.progressComparisons(stated, ProgressCounts(all.map(Progress.init(printed:))), noun: "åtgärder")
            }
            let checked = comparisons.compactMap { label, value, computed in
                value.map { StatedComparison(label: label, stated: $0, computed: computed) }
            }
            statementChecks.append(StatementCheck(statementIndex: index, statement: statement, comparisons: checked))
            for comparison in checked where comparison.stated != comparison.computed {
                findings.append(AuditFinding(
                    severity: .warning, location: statement.location,
                    message: "Rapporten anger \(comparison.stated) (\(comparison.label)), tabellerna ger \(comparison.computed): \"\(statement.quote)\"",
                    printed: Decimal(comparison.stated), computed: Decimal(comparison.computed), subject: .statement(index: index)))
            }
        }
    }

    /// The stated and counted figures of a statement about progress. `qualified` names the
    /// group in every label ("riskreducerande åtgärder ej klart i år"): one sentence of the report
    /// can give counts for two groups, and each count must say which group it is.
    private static func progressComparisons(_ stated: StatedCounts, _ counts: ProgressCounts, noun: String, qualified: Bool = false) -> [(String, Int?, Int)] {
        let prefix = qualified ? noun + " " : ""
        return [
            ("\(noun) totalt", stated.total, counts.total),
            (prefix + "blir klart i år", stated.completed, counts.completed),
            (prefix + "troligen klart i år", stated.likelyCompleted, counts.likelyCompleted),
            (prefix + "ej klart i år", stated.notCompleted, counts.notCompleted),
            (prefix + "blir eller troligen klart i år", stated.completedOrLikely, counts.completed + counts.likelyCompleted),
        ]
    }

    // MARK: - Statuses

    private mutating func checkReportedStatuses(_ indicators: [AnalyzedIndicator]) {
        for item in indicators where item.evaluation.disagreesWithReport {
            guard let reported = item.evaluation.reportedStatus else { continue }
            let place = [item.areaTitle, item.councilGoalTitle, item.boardGoalTitle].compactMap { $0 }.joined(separator: " › ")
            findings.append(AuditFinding(
                severity: .info, location: "\(place) › \(item.indicator.printedName)",
                message: "Beräknad status \(item.evaluation.computedStatus.swedishName), rapporten anger \(reported.swedishName): \(item.evaluation.explanation)",
                printed: nil, computed: nil, subject: .indicator(id: item.indicator.id)))
        }
    }
}
