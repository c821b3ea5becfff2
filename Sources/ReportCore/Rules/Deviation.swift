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

    /// The labels of the rows a row is grouped under, outermost first; e.g.
    /// ["Exploateringsprojekt/Område", "Genomförandeprojekt"] for an område row, and
    /// ["Verksamhetens kostnader"] for *Personal*, which is printed before its sum row.
    public func groupPath(ofRow row: Int) -> [String] {
        var path: [String] = []
        var current = row
        var seen: Set<Int> = [row]
        while let parent = parentIndex(ofRow: current), seen.insert(parent).inserted {
            path.insert(rows[parent].label, at: 0)
            current = parent
        }
        return path
    }

    /// The row a row is grouped under, by `level` and `sumOf`, or `nil` at the top level.
    ///
    /// A group is introduced either by a heading or sum row above its members (Reinvestering,
    /// Exploateringsprojekt/Område) or closed by a sum row below them (Personal … Övrigt, then
    /// Verksamhetens kostnader). So: the nearest row above with a lower level when it is a
    /// heading or a sum over the rows in between; otherwise the nearest sum row below with a
    /// lower level that adds this row up; otherwise the nearest row above with a lower level.
    public func parentIndex(ofRow row: Int) -> Int? {
        guard rows.indices.contains(row) else { return nil }
        let level = rows[row].level ?? 0
        guard level > 0 else { return nil }
        let above = (0..<row).reversed().first { (rows[$0].level ?? 0) < level }
        if let above {
            let candidate = rows[above]
            if candidate.kind == .heading { return above }
            if let members = candidate.sumOf, rows[(above + 1)...row].contains(where: { Self.sum(members, includes: $0.id) }) {
                return above
            }
        }
        if let below = rows.indices.dropFirst(row + 1).first(where: { (rows[$0].level ?? 0) < level }),
           let members = rows[below].sumOf, Self.sum(members, includes: rows[row].id) {
            return below
        }
        return above
    }

    private static func sum(_ members: [String], includes id: String) -> Bool {
        members.contains { $0 == id || ($0.hasPrefix("-") && $0.dropFirst() == id) }
    }

    /// The index of the row with the given id.
    public func rowIndex(id: String) -> Int? { rows.firstIndex { $0.id == id } }
}
