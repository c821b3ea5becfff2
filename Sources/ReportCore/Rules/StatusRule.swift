import Foundation

/// The status rule with its settings resolved against defaults.
///
/// Default rule (documented in the README):
/// - The assessed year is the report's `reportingYear`; only that year's value is assessed.
/// - The target is the etappmål. A numeric etappmål is compared with the value: `≥`/`>` and
///   `<`/`≤` say it directly; a plain number is reached when the value is at or beyond it in the
///   indicator's desired direction.
/// - *Uppnås* when the comparison holds. Otherwise *närmar sig* when the value improved on the
///   previous year's value (trend rule), else *uppnås ej*.
/// - *Ej bedömd* when the assessed year has no value (blank or dash), no etappmål is printed, the
///   etappmål is symbolic (Länssnitt, Topp tre i länet, Plats N i länet: the report carries no
///   comparison figure), the target cannot be read, the units disagree, or the desired direction
///   is unknown.
/// - A manual override in the data wins, and its reason is shown.
public struct StatusRule: Sendable, Equatable {
    public var assessedYear: Int
    public var approaching: ApproachingRule
    public var tolerancePercent: Decimal
    public var allowEarlierValue: Bool
    public var useLongTermTargetWhenNoMilestone: Bool

    /// The rule for a report: its configuration over the defaults.
    public init(config: StatusRuleConfig?, reportingYear: Int) {
        assessedYear = config?.assessedYear ?? reportingYear
        approaching = config?.approaching ?? .trend
        tolerancePercent = Decimal(config?.tolerancePercent ?? 10)
        allowEarlierValue = config?.allowEarlierValue ?? false
        useLongTermTargetWhenNoMilestone = config?.useLongTermTargetWhenNoMilestone ?? false
    }
}

/// Why the rule gave the status it gave: the facts, from which the Swedish explanation is
/// written on demand (the analysis of a large report evaluates every indicator; only the shown
/// ones need their sentence).
public enum EvaluationReason: Sendable, Equatable {
    /// The table has no column for the assessed year.
    case noColumn(year: Int)
    /// No value for the assessed year; `dash` when a dash is printed rather than a blank cell.
    case noValue(year: Int, dash: Bool)
    case unreadableValue(year: Int, text: String)
    case noMilestone(value: Quantity, year: Int)
    case symbolicTarget(printed: String, target: SymbolicTarget, value: Quantity)
    case unreadableTarget(reason: String)
    case unitMismatch(valueUnit: String, targetUnit: String, targetName: String)
    case unknownDirection(value: Quantity, printedTarget: String, targetName: String)
    /// The value was compared with a numeric target.
    case compared(Comparison)
}

/// A value compared with a numeric target, with what the status needs to be explained.
public struct Comparison: Sendable, Equatable {
    public var value: Quantity
    /// The assessed year when an earlier value stood in for it.
    public var standInFor: Int?
    public var valueYear: Int
    public var target: NumericTarget
    /// "etappmålet" or "målvärdet".
    public var targetName: String
    public var unit: String?
    public var direction: Direction
    public var reached: Bool
    /// The previous year's value, when printed.
    public var previous: YearValue?
    public var rule: ApproachingRule
    public var tolerancePercent: Decimal

}

/// A value and the year it was printed for.
public struct YearValue: Sendable, Equatable {
    public var value: Quantity
    public var year: Int
}

/// The outcome of applying the rule to one indicator.
public struct IndicatorEvaluation: Sendable, Equatable {
    /// The status to show: the override when there is one, else the computed status.
    public var status: IndicatorStatus
    /// What the rule computed, whatever the override says.
    public var computedStatus: IndicatorStatus
    /// The report's own judgement, where its text states one.
    public var reportedStatus: IndicatorStatus?
    /// The manual override that decided `status`, if any.
    public var override: StatusOverride?
    /// Why the rule computed what it did.
    public var reason: EvaluationReason
    /// The year whose value was assessed, when one was.
    public var valueYear: Int?
    /// The parsed etappmål (or målvärde when that stood in).
    public var target: Target
    /// The direction used, when known.
    public var direction: Direction?

    /// Whether a manual override decided `status`.
    public var isOverridden: Bool { override != nil }

    /// A short Swedish explanation a politician can read, e.g. "8,9 % mot etappmålet <7,9 %:
    /// 1,0 procentenheter kvar, förbättring från 9,9 % (2020)."
    public var explanation: String {
        let computed = StatusRule.explain(reason)
        guard let override else { return computed }
        return "Manuellt satt till \(override.status.swedishName): \(override.reason) (beräknat: \(computedStatus.swedishName) – \(computed))"
    }

    /// Whether the computed and the reported status differ.
    public var disagreesWithReport: Bool {
        guard let reportedStatus else { return false }
        return reportedStatus != computedStatus
    }
}

extension StatusRule {
    /// The direction in which an indicator's value is better: from the comparator of the target
    /// assessed (`≥`/`>` higher, `<`/`≤` lower), otherwise the indicator's own `direction`,
    /// otherwise the comparator of its other target. Known even when there is no value to assess.
    public static func desiredDirection(of indicator: Indicator, assessed: Target? = nil) -> Direction? {
        func implied(_ target: Target) -> Direction? {
            if case .numeric(let numeric) = target { return numeric.comparator.impliedDirection }
            return nil
        }
        let milestone = Target(parsing: indicator.milestoneTarget)
        return implied(assessed ?? milestone) ?? indicator.direction
            ?? implied(milestone) ?? implied(Target(parsing: indicator.longTermTarget))
    }

    /// Applies the rule to an indicator of a table with the given year columns.
    public func evaluate(_ indicator: Indicator, years: [Int]) -> IndicatorEvaluation {
        var result = compute(indicator, years: years)
        result.reportedStatus = indicator.reportedStatus?.status
        if let override = indicator.override {
            result.status = override.status
            result.override = override
        }
        return result
    }

    private func compute(_ indicator: Indicator, years: [Int]) -> IndicatorEvaluation {
        var milestone = Target(parsing: indicator.milestoneTarget)
        var milestoneText = indicator.milestoneTarget
        var targetName = "etappmålet"
        if milestone == .none, useLongTermTargetWhenNoMilestone {
            let longTerm = Target(parsing: indicator.longTermTarget)
            if longTerm != .none {
                milestone = longTerm
                milestoneText = indicator.longTermTarget
                targetName = "målvärdet"
            }
        }
        let desired = Self.desiredDirection(of: indicator, assessed: milestone)
        func result(_ status: IndicatorStatus, _ reason: EvaluationReason, year: Int? = nil, direction: Direction? = nil) -> IndicatorEvaluation {
            IndicatorEvaluation(status: status, computedStatus: status, reportedStatus: nil, override: nil, reason: reason,
                                valueYear: year, target: milestone, direction: direction ?? desired)
        }

        // The value of the assessed year (or, when allowed, the latest earlier one).
        guard let column = years.firstIndex(of: assessedYear), column < indicator.values.count else {
            return result(.notAssessed, .noColumn(year: assessedYear))
        }
        var valueColumn = column
        var cell = IndicatorValue(parsing: indicator.values[column])
        if cell.quantity == nil, allowEarlierValue,
           let earlier = (0..<column).reversed().first(where: { IndicatorValue(parsing: indicator.values[$0]).quantity != nil }) {
            valueColumn = earlier
            cell = IndicatorValue(parsing: indicator.values[earlier])
        }
        let valueYear = years[valueColumn]
        guard let value = cell.quantity else {
            switch cell {
            case .dash: return result(.notAssessed, .noValue(year: assessedYear, dash: true))
            case .unreadable(let text): return result(.notAssessed, .unreadableValue(year: assessedYear, text: text))
            default: return result(.notAssessed, .noValue(year: assessedYear, dash: false))
            }
        }

        let numeric: NumericTarget
        switch milestone {
        case .none:
            return result(.notAssessed, .noMilestone(value: value, year: valueYear), year: valueYear)
        case .symbolic(let symbolic):
            return result(.notAssessed, .symbolicTarget(printed: milestoneText.trimmingCharacters(in: .whitespaces), target: symbolic, value: value), year: valueYear)
        case .unreadable(_, let reason):
            return result(.notAssessed, .unreadableTarget(reason: reason), year: valueYear)
        case .numeric(let parsed):
            numeric = parsed
        }
        let valueUnit = Self.normalizedUnit(value.unit ?? indicator.unit)
        let targetUnit = Self.normalizedUnit(numeric.unit)
        if let valueUnit, let targetUnit, valueUnit != targetUnit, !(valueUnit == "index" || targetUnit == "index") {
            return result(.notAssessed, .unitMismatch(valueUnit: valueUnit, targetUnit: targetUnit, targetName: targetName), year: valueYear)
        }
        guard let direction = desired else {
            return result(.notAssessed, .unknownDirection(value: value, printedTarget: milestoneText, targetName: targetName), year: valueYear)
        }

        let v = value.number.value
        let t = numeric.number.value
        let reached: Bool
        switch numeric.comparator {
        case .atLeast: reached = v >= t
        case .greaterThan: reached = v > t
        case .lessThan: reached = v < t
        case .atMost: reached = v <= t
        case .plain: reached = direction == .higherIsBetter ? v >= t : v <= t
        }
        var previous: YearValue?
        if valueColumn > 0, let quantity = IndicatorValue(parsing: indicator.values[valueColumn - 1]).quantity {
            previous = YearValue(value: quantity, year: years[valueColumn - 1])
        }
        let status: IndicatorStatus
        if reached {
            status = .met
        } else {
            switch approaching {
            case .trend:
                let improved = previous.map { direction == .higherIsBetter ? v > $0.value.number.value : v < $0.value.number.value } ?? false
                status = improved ? .approaching : .notMet
            case .tolerance:
                status = abs(v - t) <= abs(t) * tolerancePercent / 100 ? .approaching : .notMet
            }
        }
        let comparison = Comparison(
            value: value, standInFor: valueColumn == column ? nil : assessedYear, valueYear: valueYear, target: numeric,
            targetName: targetName, unit: valueUnit ?? targetUnit, direction: direction, reached: reached, previous: previous, rule: approaching,
            tolerancePercent: tolerancePercent)
        return result(status, .compared(comparison), year: valueYear, direction: direction)
    }

    // MARK: - Explanations

    /// The Swedish sentence for a reason.
    static func explain(_ reason: EvaluationReason) -> String {
        switch reason {
        case .noColumn(let year):
            return "Tabellen har ingen kolumn för \(year)."
        case .noValue(let year, let dash):
            return "Inget värde för \(year) (\(dash ? "streck i tabellen" : "tom cell"))."
        case .unreadableValue(let year, let text):
            return "Värdet \"\(text)\" för \(year) går inte att läsa som ett tal."
        case .noMilestone(let value, let year):
            return "Inget etappmål angivet; \(show(value)) för \(year) kan inte bedömas."
        case .symbolicTarget(let printed, let target, let value):
            return "Etappmålet \"\(printed)\" är \(target.swedishDescription); rapporten anger inget jämförelsevärde för \(show(value))."
        case .unreadableTarget(let reason):
            return "Etappmålet kan inte läsas: \(reason)."
        case .unitMismatch(let valueUnit, let targetUnit, let targetName):
            return "Enheterna skiljer sig åt: värdet i \(valueUnit), \(targetName) i \(targetUnit)."
        case .unknownDirection(let value, let printedTarget, let targetName):
            return "Det framgår inte om högre eller lägre värde är bättre; \(show(value)) mot \(targetName) \(printedTarget) kan inte bedömas."
        case .compared(let c):
            return explain(c)
        }
    }

    private static func explain(_ c: Comparison) -> String {
        let v = c.value.number.value
        let t = c.target.number.value
        let standIn = c.standInFor.map { " (värdet för \(c.valueYear); \($0) saknas)" } ?? ""
        let head = "\(show(c.value))\(standIn) mot \(c.targetName) \(show(c.target))"
        let gap = showDifference(v - t, unit: c.unit, fractionDigits: max(c.value.number.fractionDigits, c.target.number.fractionDigits))
        var trend: (improved: Bool, text: String)?
        if let previous = c.previous {
            let p = previous.value.number.value
            let shown = "\(show(previous.value)) (\(previous.year))"
            if v == p {
                trend = (false, "oförändrat från \(shown)")
            } else {
                let better = c.direction == .higherIsBetter ? v > p : v < p
                trend = (better, better ? "förbättring från \(shown)" : "försämring från \(shown)")
            }
        }
        if c.reached {
            let margin = v == t ? "precis på målet" : "\(gap) \(v - t > 0 ? "över" : "under")"
            return "\(head): uppnås (\(margin))\(trend.map { ", \($0.text)" } ?? "")."
        }
        let remaining = "\(gap) kvar"
        switch c.rule {
        case .trend:
            if let trend, trend.improved { return "\(head): \(remaining), \(trend.text)." }
            return "\(head): \(remaining)\(trend.map { ", \($0.text)" } ?? ", inget värde året innan att jämföra med")."
        case .tolerance:
            let band = abs(t) * c.tolerancePercent / 100
            if abs(v - t) <= band { return "\(head): \(remaining), inom \(show(c.tolerancePercent)) % av målet." }
            return "\(head): \(remaining), mer än \(show(c.tolerancePercent)) % från målet."
        }
    }

    // MARK: - Formatting

    static func normalizedUnit(_ unit: String?) -> String? {
        guard let unit = unit?.trimmingCharacters(in: .whitespaces).lowercased(), !unit.isEmpty else { return nil }
        return unit == "kilometer" ? "km" : unit
    }

    static func show(_ quantity: Quantity) -> String {
        let number = SwedishNumberFormat.format(quantity.number.value, fractionDigits: quantity.number.fractionDigits)
        switch quantity.unit {
        case nil: return number
        case "index": return "index \(number)"
        case let unit?: return "\(number) \(unit)"
        }
    }

    static func show(_ target: NumericTarget) -> String {
        let quantity = show(Quantity(number: target.number, unit: target.unit))
        return target.comparator.symbol + (target.isIncrease ? "+" : "") + quantity
    }

    static func show(_ number: Decimal) -> String {
        SwedishNumberFormat.format(number, fractionDigits: number == number.rounded(0) ? 0 : 1)
    }

    static func showDifference(_ difference: Decimal, unit: String?, fractionDigits: Int) -> String {
        let magnitude = SwedishNumberFormat.format(abs(difference), fractionDigits: fractionDigits)
        switch unit {
        case "%": return "\(magnitude) procentenheter"
        case "index", nil: return magnitude
        case let unit?: return "\(magnitude) \(unit)"
        }
    }

}

extension Decimal {
    /// Rounded to the given number of decimals.
    func rounded(_ scale: Int) -> Decimal {
        var input = self
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, .plain)
        return output
    }
}
