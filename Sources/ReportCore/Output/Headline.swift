import Foundation

/// A table's headline: its top-level total row with its deviations.
public struct Headline: Sendable, Equatable {
    public var tableTitle: String
    public var rowLabel: String
    /// The id of the headline's row in its table.
    public var rowId: String
    public var unit: String
    /// One per deviation scope (helår, perioden …).
    public var deviations: [Deviation]

    /// The headline row's deviation in one scope: the printed figures and the computed one.
    public struct Deviation: Sendable, Equatable {
        /// The column group or scope ("Helår").
        public var scope: String
        public var budget: PrintedNumber
        public var compared: PrintedNumber
        /// The label of the column compared with the budget ("Prognos", "Utfall").
        public var comparedLabel: String
        public var printed: PrintedNumber?
        public var computed: Decimal
        public var percentOfBudget: Decimal?

        /// The deviation as the report prints it; the computed one where it prints none.
        public var shown: Decimal { printed?.value ?? computed }
        /// Decimals of `shown` as printed.
        public var shownFractionDigits: Int { printed?.fractionDigits ?? budget.fractionDigits }
        /// Better or worse than budget, by `DeviationRule`'s sign convention (positive is better).
        public var outcome: BudgetOutcome { shown > 0 ? .better : shown < 0 ? .worse : .asBudgeted }
    }

    /// How a deviation compares with the budget.
    public enum BudgetOutcome: Sendable, Equatable {
        case better, worse, asBudgeted
    }

    /// The headline of a table: the last sum row that no other row sums up; `nil` when the table
    /// has no such row or it has no deviations.
    public init?(_ table: FinancialTable) {
        let referenced = Set(table.rows.flatMap { $0.sumOf ?? [] }.map { $0.hasPrefix("-") ? String($0.dropFirst()) : $0 })
        guard let row = table.rows.indices.last(where: { table.rows[$0].isSum && !referenced.contains(table.rows[$0].id) }) else { return nil }
        let deviations = table.deviations(ofRow: row)
        guard !deviations.isEmpty else { return nil }
        tableTitle = table.title
        rowLabel = table.rows[row].label
        rowId = table.rows[row].id
        unit = table.unit
        self.deviations = deviations.map { deviation in
            let budgetColumn = table.columns[deviation.columns.budget]
            return Deviation(scope: budgetColumn.group ?? budgetColumn.scope ?? "", budget: deviation.budget, compared: deviation.compared,
                             comparedLabel: table.columns[deviation.columns.compared].label, printed: deviation.printed,
                             computed: deviation.computed, percentOfBudget: deviation.percentOfBudget)
        }
    }
}
