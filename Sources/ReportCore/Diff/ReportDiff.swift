import Foundation

/// What changed from one report to another (normally the previous report of the same board to
/// the current one). Items are matched by `ItemMatching`; nothing unchanged is reported.
///
/// Shared by `malkoll diff` and the browser's Förändringar screen: it compares two `Report`
/// values and needs no database.
public struct ReportDiff: Sendable {
    /// A deviation cell is also reported as *moved* (`deviationMoved`) when it changed by more than
    /// this share of the row's budget in the same scope (or by anything when there is no budget).
    public static let deviationThresholdPercent: Decimal = 5

    public let from: Report
    public let to: Report
    /// Every change, grouped by kind of item; a forecast row appears only when it missed.
    public let changes: [ReportChange]
    /// For a delår → helår pair of one year: every matched row's forecast against its outcome,
    /// also those that hit exactly (for the Prognos mot utfall screen), and each table's accuracy.
    public let forecastOutcomes: [ReportChange]

    public init(from: Report, to: Report) {
        self.init(from: ReportAnalysis(report: from), to: ReportAnalysis(report: to))
    }

    public init(from: ReportAnalysis, to: ReportAnalysis) {
        self.from = from.report
        self.to = to.report
        var builder = Builder(from: from, to: to)
        builder.build()
        forecastOutcomes = builder.forecastOutcomes
        changes = builder.changes + builder.forecastOutcomes.filter { $0.kind == .forecastAccuracy || $0.miss != 0 }
    }

    /// Whether the pair is a delårsrapport (or tertialrapport) and the same year's
    /// verksamhetsberättelse, so that forecasts can be held against outcomes.
    public static func isForecastPair(from: ReportMetadata, to: ReportMetadata) -> Bool {
        from.kind.isPartOfYear && to.kind == .annualReport && from.reportingYear == to.reportingYear
            && from.municipality == to.municipality && from.board == to.board
    }

    private struct Builder {
        let from: ReportAnalysis
        let to: ReportAnalysis
        var changes: [ReportChange] = []
        var forecastOutcomes: [ReportChange] = []

        mutating func build() {
            indicators()
            goals()
            assignments()
            financialTables()
            controls()
            if ReportDiff.isForecastPair(from: from.report.metadata, to: to.report.metadata) { forecasts() }
        }

        static func location(_ item: AnalyzedIndicator) -> String {
            [item.areaTitle, item.councilGoalTitle, item.boardGoalTitle].compactMap { $0 }.joined(separator: " › ")
        }

        mutating func indicators() {
            let a = from.indicators, b = to.indicators
            let result = ItemMatching.match(
                a.map { .init(id: $0.indicator.id, name: $0.indicator.name, unit: $0.indicator.unit) },
                b.map { .init(id: $0.indicator.id, name: $0.indicator.name, unit: $0.indicator.unit) })
            for index in result.removed {
                changes.append(.init(kind: .indicatorRemoved, location: Self.location(a[index]), name: a[index].indicator.printedName))
            }
            for index in result.added {
                changes.append(.init(kind: .indicatorAdded, location: Self.location(b[index]), name: b[index].indicator.printedName))
            }
            for (f, t, rule) in result.pairs {
                let old = a[f], new = b[t]
                let name = new.indicator.printedName
                let location = Self.location(new)
                if ItemMatching.normalizedName(old.indicator.name, unit: old.indicator.unit)
                    != ItemMatching.normalizedName(new.indicator.name, unit: new.indicator.unit) {
                    changes.append(.init(kind: .indicatorRenamed, location: location, name: name, from: old.indicator.printedName,
                                         to: new.indicator.printedName, match: rule.rawValue))
                }
                for (year, oldIndex) in zip(old.years, old.years.indices) {
                    guard let newIndex = new.years.firstIndex(of: year) else { continue }
                    let before = old.indicator.values.indices.contains(oldIndex) ? old.indicator.values[oldIndex] : ""
                    let after = new.indicator.values.indices.contains(newIndex) ? new.indicator.values[newIndex] : ""
                    guard before != after else { continue }
                    let revised = !before.isEmpty && year < to.report.metadata.reportingYear
                    changes.append(.init(kind: .indicatorValue, location: location, name: name, from: before, to: after, year: year, revised: revised))
                }
                let oldComputed = old.evaluation.computedStatus, newComputed = new.evaluation.computedStatus
                if oldComputed != newComputed {
                    changes.append(.init(kind: .indicatorStatus, location: location, name: name, from: oldComputed.rawValue, to: newComputed.rawValue,
                                         fromYear: from.report.metadata.reportingYear, toYear: to.report.metadata.reportingYear))
                }
                let oldReported = old.indicator.reportedStatus?.status, newReported = new.indicator.reportedStatus?.status
                if oldReported != newReported {
                    changes.append(.init(kind: .reportedStatus, location: location, name: name, from: oldReported?.rawValue, to: newReported?.rawValue,
                                         fromYear: from.report.metadata.reportingYear, toYear: to.report.metadata.reportingYear))
                }
            }
        }

        struct GoalItem {
            var areaID: String
            var areaTitle: String
            var title: String
            var location: String
        }

        static func goalItems(_ report: Report) -> [GoalItem] {
            var items: [GoalItem] = []
            for area in report.goalAreas {
                for council in area.councilGoals {
                    items.append(GoalItem(areaID: area.id, areaTitle: area.title, title: "KF-mål: " + council.title, location: area.title))
                    for board in council.boardGoals {
                        items.append(GoalItem(areaID: area.id, areaTitle: area.title, title: "Nämndmål: " + board.title,
                                              location: "\(area.title) › \(council.title)"))
                    }
                }
            }
            return items
        }

        /// Goals match by title within the målområde (by the area's id, else its title).
        mutating func goals() {
            let a = Self.goalItems(from.report), b = Self.goalItems(to.report)
            // Match within each målområde: the area's key is prefixed to the name with a separator
            // that similarity treats as part of the name, so goals never pair across areas.
            let areaKeys = Self.areaKeys(from.report, to.report)
            let result = ItemMatching.match(
                a.map { .init(name: "\(areaKeys.from[$0.areaID] ?? $0.areaID)¦\($0.title)") },
                b.map { .init(name: "\(areaKeys.to[$0.areaID] ?? $0.areaID)¦\($0.title)") })
            for index in result.removed { changes.append(.init(kind: .goalRemoved, location: a[index].location, name: a[index].title)) }
            for index in result.added { changes.append(.init(kind: .goalAdded, location: b[index].location, name: b[index].title)) }
            for (f, t, _) in result.pairs where ItemMatching.normalize(a[f].title) != ItemMatching.normalize(b[t].title) {
                changes.append(.init(kind: .goalRenamed, location: b[t].location, name: b[t].title, from: a[f].title, to: b[t].title, match: "similarName"))
            }
        }

        /// One key per målområde across both reports: the same id, else the same normalised title.
        static func areaKeys(_ from: Report, _ to: Report) -> (from: [String: String], to: [String: String]) {
            var fromKeys: [String: String] = [:], toKeys: [String: String] = [:]
            for area in to.goalAreas { toKeys[area.id] = area.id }
            for area in from.goalAreas {
                if to.goalAreas.contains(where: { $0.id == area.id }) {
                    fromKeys[area.id] = area.id
                } else if let same = to.goalAreas.first(where: { ItemMatching.normalize($0.title) == ItemMatching.normalize(area.title) }) {
                    fromKeys[area.id] = same.id
                } else {
                    fromKeys[area.id] = "from:" + area.id
                }
            }
            return (fromKeys, toKeys)
        }

        mutating func assignments() {
            let a = from.assignments, b = to.assignments
            let result = ItemMatching.match(a.map { .init(name: $0.assignment.title) }, b.map { .init(name: $0.assignment.title) })
            func location(_ item: AnalyzedAssignment) -> String { "\(item.areaTitle) › \(item.boardGoalTitle)" }
            for index in result.removed { changes.append(.init(kind: .assignmentRemoved, location: location(a[index]), name: a[index].assignment.title)) }
            for index in result.added { changes.append(.init(kind: .assignmentAdded, location: location(b[index]), name: b[index].assignment.title)) }
            for (f, t, rule) in result.pairs {
                let old = a[f].assignment, new = b[t].assignment
                if rule == .similarName {
                    changes.append(.init(kind: .assignmentRenamed, location: location(b[t]), name: new.title, from: old.title, to: new.title, match: rule.rawValue))
                }
                if old.status != new.status {
                    changes.append(.init(kind: .assignmentStatus, location: location(b[t]), name: new.title, from: old.status, to: new.status))
                }
            }
        }

        mutating func financialTables() {
            for new in to.report.financialTables {
                guard let old = from.report.financialTables.first(where: { $0.id == new.id }) else { continue }
                let result = ItemMatching.match(old.rows.map { .init(id: $0.id, name: $0.label) }, new.rows.map { .init(id: $0.id, name: $0.label) })
                for index in result.removed {
                    changes.append(.init(kind: .financialRowRemoved, location: old.title, name: old.rows[index].label))
                }
                for index in result.added {
                    changes.append(.init(kind: .financialRowAdded, location: new.title, name: new.rows[index].label))
                }
                for (f, t, rule) in result.pairs {
                    let oldRow = old.rows[f], newRow = new.rows[t]
                    if ItemMatching.normalize(oldRow.label) != ItemMatching.normalize(newRow.label) {
                        changes.append(.init(kind: .financialRowRenamed, location: new.title, name: newRow.label, from: oldRow.label, to: newRow.label,
                                             match: rule.rawValue))
                    }
                    for (c, column) in new.columns.enumerated() {
                        guard let oc = old.columns.firstIndex(where: { $0.id == column.id }) else { continue }
                        let before = oldRow.cells.indices.contains(oc) ? oldRow.cells[oc] : ""
                        let after = newRow.cells.indices.contains(c) ? newRow.cells[c] : ""
                        guard before != after else { continue }
                        changes.append(.init(kind: .financialCell, location: new.title, name: newRow.label, from: before, to: after,
                                             column: column.fullLabel, unit: new.unit))
                        if column.role == .deviation, let moved = Self.deviationMove(before: before, after: after, row: newRow, table: new, scope: column.scope) {
                            changes.append(.init(kind: .deviationMoved, location: new.title, name: newRow.label, from: before, to: after,
                                                 column: column.fullLabel, unit: new.unit, miss: moved))
                        }
                    }
                }
            }
        }

        /// The move of a deviation when it exceeds the threshold, else nil.
        static func deviationMove(before: String, after: String, row: TableRow, table: FinancialTable, scope: String?) -> Decimal? {
            guard let old = PrintedNumber(before)?.value, let new = PrintedNumber(after)?.value else { return nil }
            let move = new - old
            guard move != 0 else { return nil }
            if let budgetColumn = table.columns.firstIndex(where: { $0.role == .budget && $0.scope == scope }),
               row.cells.indices.contains(budgetColumn), let budget = PrintedNumber(row.cells[budgetColumn])?.value, budget != 0 {
                let share = abs(move) / abs(budget) * 100
                return share > ReportDiff.deviationThresholdPercent ? move : nil
            }
            return move
        }

        mutating func controls() {
            let a = from.internalControlItems, b = to.internalControlItems
            func key(_ item: InternalControlItem) -> ItemMatching.Key { .init(name: "\(item.kind.rawValue)¦\(item.title)") }
            let result = ItemMatching.match(a.map(key), b.map(key))
            func location(_ item: InternalControlItem) -> String { "\(item.kind.swedishName) › \(item.process)" }
            for index in result.removed { changes.append(.init(kind: .controlRemoved, location: location(a[index]), name: a[index].title)) }
            for index in result.added { changes.append(.init(kind: .controlAdded, location: location(b[index]), name: b[index].title)) }
            for (f, t, rule) in result.pairs {
                if rule == .similarName {
                    changes.append(.init(kind: .controlRenamed, location: location(b[t]), name: b[t].title, from: a[f].title, to: b[t].title, match: rule.rawValue))
                }
                if a[f].status != b[t].status {
                    changes.append(.init(kind: .controlStatus, location: location(b[t]), name: b[t].title, from: a[f].status, to: b[t].status))
                }
            }
        }

        /// Each row's full-year forecast (FROM) against the year's actual outcome (TO), the miss
        /// (actual − forecast) in the table's unit and in percent of the forecast, and per table
        /// the forecast accuracy: 100 × (1 − Σ|miss| / Σ|actual|) over the rows that are neither
        /// headings nor sums.
        mutating func forecasts() {
            for new in to.report.financialTables {
                guard let old = from.report.financialTables.first(where: { $0.id == new.id }) else { continue }
                for forecastColumn in old.columns.indices where old.columns[forecastColumn].role == .forecast {
                    let scope = old.columns[forecastColumn].scope
                    guard let actualColumn = new.columns.firstIndex(where: { $0.role == .actual && $0.scope == scope }) else { continue }
                    let result = ItemMatching.match(old.rows.map { .init(id: $0.id, name: $0.label) }, new.rows.map { .init(id: $0.id, name: $0.label) })
                    var totalMiss: Decimal = 0, totalActual: Decimal = 0, counted = 0
                    for (f, t, _) in result.pairs {
                        let oldRow = old.rows[f], newRow = new.rows[t]
                        guard oldRow.cells.indices.contains(forecastColumn), newRow.cells.indices.contains(actualColumn),
                              let forecast = PrintedNumber(oldRow.cells[forecastColumn])?.value,
                              let actual = PrintedNumber(newRow.cells[actualColumn])?.value else { continue }
                        let miss = actual - forecast
                        let percent: Decimal? = forecast == 0 ? nil : Self.rounded(miss / abs(forecast) * 100, digits: 1)
                        forecastOutcomes.append(.init(kind: .forecastOutcome, location: new.title, name: newRow.label, from: oldRow.cells[forecastColumn],
                                             to: newRow.cells[actualColumn], column: old.columns[forecastColumn].fullLabel, unit: new.unit,
                                             miss: miss, missPercent: percent))
                        if newRow.kind != .heading, !newRow.isSum {
                            totalMiss += abs(miss)
                            totalActual += abs(actual)
                            counted += 1
                        }
                    }
                    if counted > 0, totalActual != 0 {
                        let accuracy = Self.rounded((1 - totalMiss / totalActual) * 100, digits: 1)
                        forecastOutcomes.append(.init(kind: .forecastAccuracy, location: new.title, name: new.title, column: old.columns[forecastColumn].fullLabel,
                                             unit: new.unit, miss: totalMiss, accuracyPercent: accuracy))
                    }
                }
            }
        }

        static func rounded(_ value: Decimal, digits: Int) -> Decimal {
            var input = value, output = Decimal()
            NSDecimalRound(&output, &input, digits, .plain)
            return output
        }
    }
}

/// One reported change.
public struct ReportChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case indicatorAdded, indicatorRemoved, indicatorRenamed, indicatorValue, indicatorStatus, reportedStatus
        case goalAdded, goalRemoved, goalRenamed
        case assignmentAdded, assignmentRemoved, assignmentRenamed, assignmentStatus
        case financialRowAdded, financialRowRemoved, financialRowRenamed, financialCell, deviationMoved
        case controlAdded, controlRemoved, controlRenamed, controlStatus
        case forecastOutcome, forecastAccuracy
    }

    public var kind: Kind
    /// Where the item stands (målområde › mål, or the table's title), in the later report where it exists.
    public var location: String
    public var name: String
    public var from: String?
    public var to: String?
    /// For `indicatorValue`: the year of the value, and whether it restates a printed earlier year.
    public var year: Int?
    public var revised: Bool?
    /// For status changes: the reporting years the statuses belong to.
    public var fromYear: Int?
    public var toYear: Int?
    /// For renames: "id", "name" or "similarName" (the *renamed?* of a close name).
    public var match: String?
    /// For financial changes: the column and the table's unit.
    public var column: String?
    public var unit: String?
    /// `forecastOutcome`: actual − forecast; `deviationMoved`: new − old; `forecastAccuracy`: Σ|miss|.
    public var miss: Decimal?
    public var missPercent: Decimal?
    public var accuracyPercent: Decimal?

    public init(kind: Kind, location: String, name: String, from: String? = nil, to: String? = nil, year: Int? = nil, revised: Bool? = nil,
                fromYear: Int? = nil, toYear: Int? = nil, match: String? = nil, column: String? = nil, unit: String? = nil,
                miss: Decimal? = nil, missPercent: Decimal? = nil, accuracyPercent: Decimal? = nil) {
        self.kind = kind
        self.location = location
        self.name = name
        self.from = from
        self.to = to
        self.year = year
        self.revised = revised
        self.fromYear = fromYear
        self.toYear = toYear
        self.match = match
        self.column = column
        self.unit = unit
        self.miss = miss
        self.missPercent = missPercent
        self.accuracyPercent = accuracyPercent
    }
}
