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

/// The outcome of applying the rule to one indicator.
public struct IndicatorEvaluation: Sendable, Equatable {
    /// The status to show: the override when there is one, else the computed status.
    public var status: IndicatorStatus
    /// What the rule computed, whatever the override says.
    public var computedStatus: IndicatorStatus
    /// The report's own judgement, where its text states one.
    public var reportedStatus: IndicatorStatus?
    /// Whether a manual override decided `status`.
    public var isOverridden: Bool
    /// A short Swedish explanation a politician can read.
    public var explanation: String
    /// The year whose value was assessed, when one was.
    public var valueYear: Int?
    /// The parsed etappmål (or målvärde when that stood in).
    public var target: Target
    /// The direction used, when known.
    public var direction: Direction?

    /// Whether the computed and the reported status differ.
    public var disagreesWithReport: Bool {
        guard let reportedStatus else { return false }
        return reportedStatus != computedStatus
    }
}

extension StatusRule {
    /// Applies the rule to an indicator of a table with the given year columns.
    public func evaluate(_ indicator: Indicator, years: [Int]) -> IndicatorEvaluation {
        var result = compute(indicator, years: years)
        result.reportedStatus = indicator.reportedStatus?.status
        if let override = indicator.override {
            result.status = override.status
            result.isOverridden = true
            result.explanation = "Manuellt satt till \(override.status.swedishName): \(override.reason) (beräknat: \(result.computedStatus.swedishName) – \(result.explanation))"
        }
        return result
    }

    private func compute(_ indicator: Indicator, years: [Int]) -> IndicatorEvaluation {
        var milestone = Target(parsing: indicator.milestoneTarget)
        var targetName = "etappmålet"
        if milestone == .none, useLongTermTargetWhenNoMilestone {
            let longTerm = Target(parsing: indicator.longTermTarget)
            if longTerm != .none {
                milestone = longTerm
                targetName = "målvärdet"
            }
        }
        func notAssessed(_ why: String, year: Int? = nil, direction: Direction? = nil) -> IndicatorEvaluation {
            IndicatorEvaluation(
                status: .notAssessed, computedStatus: .notAssessed, reportedStatus: nil, isOverridden: false,
                explanation: why, valueYear: year, target: milestone, direction: direction)
        }

        // The value of the assessed year (or, when allowed, the latest earlier one).
        guard let column = years.firstIndex(of: assessedYear), column < indicator.values.count else {
            return notAssessed("Tabellen har ingen kolumn för \(assessedYear).")
        }
        var valueColumn = column
        var cell = IndicatorValue(parsing: indicator.values[column])
        var standIn = ""
        if cell.quantity == nil, allowEarlierValue,
           let earlier = (0..<column).reversed().first(where: { IndicatorValue(parsing: indicator.values[$0]).quantity != nil }) {
            valueColumn = earlier
            cell = IndicatorValue(parsing: indicator.values[earlier])
            standIn = " (värdet för \(years[earlier]); \(assessedYear) saknas)"
        }
        let valueYear = years[valueColumn]
        guard let value = cell.quantity else {
            switch cell {
            case .dash: return notAssessed("Inget värde för \(assessedYear) (streck i tabellen).")
            case .unreadable(let text): return notAssessed("Värdet \"\(text)\" för \(assessedYear) går inte att läsa som ett tal.")
            default: return notAssessed("Inget värde för \(assessedYear) (tom cell).")
            }
        }
        let shownValue = Self.show(value)

        let numeric: NumericTarget
        switch milestone {
        case .none:
            return notAssessed("Inget etappmål angivet; \(shownValue) för \(valueYear) kan inte bedömas.", year: valueYear)
        case .symbolic(let symbolic):
            return notAssessed(
                "Etappmålet \"\(indicator.milestoneTarget.trimmingCharacters(in: .whitespaces))\" är \(symbolic.swedishDescription); rapporten anger inget jämförelsevärde för \(shownValue).",
                year: valueYear)
        case .unreadable(_, let reason):
            return notAssessed("Etappmålet kan inte läsas: \(reason).", year: valueYear)
        case .numeric(let parsed):
            numeric = parsed
        }
        let valueUnit = Self.normalizedUnit(value.unit ?? indicator.unit)
        let targetUnit = Self.normalizedUnit(numeric.unit)
        if let valueUnit, let targetUnit, valueUnit != targetUnit, !(valueUnit == "index" || targetUnit == "index") {
            return notAssessed("Enheterna skiljer sig åt: värdet i \(valueUnit), \(targetName) i \(targetUnit).", year: valueYear)
        }
        guard let direction = numeric.comparator.impliedDirection ?? indicator.direction else {
            return notAssessed("Det framgår inte om högre eller lägre värde är bättre; \(shownValue) mot \(targetName) \(indicator.milestoneTarget) kan inte bedömas.", year: valueYear)
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
        let printedTarget = Self.show(numeric)
        let head = "\(shownValue)\(standIn) mot \(targetName) \(printedTarget)"
        let gap = Self.showDifference(v - t, unit: valueUnit ?? targetUnit, fractionDigits: max(value.number.fractionDigits, numeric.number.fractionDigits))
        let trend = previousTrend(indicator, years: years, column: valueColumn, value: v, direction: direction)
        func result(_ status: IndicatorStatus, _ text: String) -> IndicatorEvaluation {
            IndicatorEvaluation(status: status, computedStatus: status, reportedStatus: nil, isOverridden: false,
                                explanation: text, valueYear: valueYear, target: milestone, direction: direction)
        }
        if reached {
            let margin = v == t ? "precis på målet" : "\(gap) \(Self.beyondWord(v - t, direction: direction))"
            return result(.met, "\(head): uppnås (\(margin))\(trend.map { ", \($0.text)" } ?? "").")
        }
        let remaining = "\(gap) kvar"
        switch approaching {
        case .trend:
            if let trend, trend.improved {
                return result(.approaching, "\(head): \(remaining), \(trend.text).")
            }
            let why = trend.map { ", \($0.text)" } ?? ", inget värde året innan att jämföra med"
            return result(.notMet, "\(head): \(remaining)\(why).")
        case .tolerance:
            let band = abs(t) * tolerancePercent / 100
            if abs(v - t) <= band {
                return result(.approaching, "\(head): \(remaining), inom \(Self.show(tolerancePercent)) % av målet.")
            }
            return result(.notMet, "\(head): \(remaining), mer än \(Self.show(tolerancePercent)) % från målet.")
        }
    }

    private func previousTrend(_ indicator: Indicator, years: [Int], column: Int, value: Decimal, direction: Direction) -> (improved: Bool, text: String)? {
        guard column > 0, let previous = IndicatorValue(parsing: indicator.values[column - 1]).quantity else { return nil }
        let p = previous.number.value
        let shown = "\(Self.show(previous)) (\(years[column - 1]))"
        if value == p { return (false, "oförändrat från \(shown)") }
        let better = direction == .higherIsBetter ? value > p : value < p
        return (better, better ? "förbättring från \(shown)" : "försämring från \(shown)")
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

    static func beyondWord(_ difference: Decimal, direction: Direction) -> String {
        difference > 0 ? "över" : "under"
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
