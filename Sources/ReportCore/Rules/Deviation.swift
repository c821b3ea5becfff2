import Foundation

/// Deviations (avvikelse) with the sign conventions of the domain: positive is better than budget.
///
/// Income and investment rows: compared − budget (investments are printed as negative spending).
/// Cost and result (net cost) rows: budget − compared. "Compared" is the forecast for helår and
/// the actual for a period.
public enum DeviationRule {
    /// The deviation for a row kind, or `nil` for kinds without a deviation rule.
    public static func deviation(kind: RowKind, budget: Decimal, compared: Decimal) -> Decimal? {
        switch kind {
        case .income, .investment: compared - budget
        case .cost, .result: budget - compared
        case .value, .heading: nil
        }
    }

    /// The deviation as percent of the budget's magnitude, `nil` when the budget is zero.
    public static func percentOfBudget(_ deviation: Decimal, budget: Decimal) -> Decimal? {
        guard budget != 0 else { return nil }
        return deviation / abs(budget) * 100
    }
}

/// A deviation column with the two columns it is computed from.
public struct DeviationColumns: Sendable, Equatable {
    public var deviation: Int
    public var budget: Int
    /// The forecast (helår) or actual (period) column.
    public var compared: Int
}

/// One row's deviation in one scope: printed and computed.
public struct RowDeviation: Sendable, Equatable {
    public var columns: DeviationColumns
    public var budget: PrintedNumber
    public var compared: PrintedNumber
    /// What the table prints, when it prints a number.
    public var printed: PrintedNumber?
    /// What the sign convention gives from the printed budget and forecast/actual.
    public var computed: Decimal
    /// `computed` as percent of the budget, when the budget is not zero (computed on demand:
    /// the audit needs thousands of deviations and none of their percentages).
    public var percentOfBudget: Decimal? { DeviationRule.percentOfBudget(computed, budget: budget.value) }
}

extension FinancialTable {
    /// Every deviation column with the budget and forecast/actual columns of the same scope.
    public var deviationColumns: [DeviationColumns] {
        columns.indices.compactMap { index in
            let column = columns[index]
            guard column.role == .deviation else { return nil }
            let sameScope = columns.indices.filter { columns[$0].scope == column.scope && $0 != index }
            guard let budget = sameScope.first(where: { columns[$0].role == .budget }),
                  let compared = sameScope.first(where: { columns[$0].role == .forecast })
                    ?? sameScope.first(where: { columns[$0].role == .actual })
            else { return nil }
            return DeviationColumns(deviation: index, budget: budget, compared: compared)
        }
    }

    /// The printed number of a cell, `nil` when blank or not a number.
    public func number(row: Int, column: Int) -> PrintedNumber? {
        guard rows.indices.contains(row), rows[row].cells.indices.contains(column) else { return nil }
        let text = rows[row].cells[column]
        // Blank and whitespace-only cells are no number: `PrintedNumber` rejects them itself.
        return text.isEmpty ? nil : PrintedNumber(text)
    }

    /// The row's deviations, one per deviation column where budget and forecast/actual are printed.
    public func deviations(ofRow row: Int) -> [RowDeviation] {
        deviations(ofRow: row, columns: deviationColumns)
    }

    /// The row's deviations for deviation columns already worked out (`deviationColumns`), so a
    /// caller going through every row finds the columns once.
    public func deviations(ofRow row: Int, columns deviationColumns: [DeviationColumns]) -> [RowDeviation] {
        guard rows.indices.contains(row) else { return [] }
        return deviationColumns.compactMap { columns in
            guard let budget = number(row: row, column: columns.budget),
                  let compared = number(row: row, column: columns.compared),
                  let computed = DeviationRule.deviation(kind: rows[row].kind, budget: budget.value, compared: compared.value)
            else { return nil }
            return RowDeviation(
                columns: columns, budget: budget, compared: compared, printed: number(row: row, column: columns.deviation),
                computed: computed)
        }
    }

    /// The labels of the rows a row is grouped under (by `level`), outermost first; e.g.
    /// ["Exploateringsprojekt/Område", "Genomförandeprojekt"] for an område row.
    public func groupPath(ofRow row: Int) -> [String] {
        guard rows.indices.contains(row) else { return [] }
        var level = rows[row].level ?? 0
        var path: [String] = []
        var index = row - 1
        while index >= 0, level > 0 {
            let candidate = rows[index].level ?? 0
            if candidate < level {
                path.insert(rows[index].label, at: 0)
                level = candidate
            }
            index -= 1
        }
        return path
    }

    /// The index of the row with the given id.
    public func rowIndex(id: String) -> Int? { rows.firstIndex { $0.id == id } }
}
