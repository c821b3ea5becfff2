import ReportCore

/// One table row: every printed cell, each deviation recomputed, and the audit's findings.
enum TableRowScreen {
    static func build(_ ref: TableRef, _ rowIndex: Int, _ context: BuildContext) -> ViewModel {
        let data = context.data, g = context.glyphs, width = context.width
        let table = data.table(ref)
        var model = ViewModel()
        guard table.rows.indices.contains(rowIndex) else {
            model.emptyText = "Raden finns inte i tabellen."
            return model
        }
        let row = table.rows[rowIndex]
        model.append(contentsOf: Line.wrapped(row.label, width: width, indent: 1, .title))
        model.append(contentsOf: Line.wrapped(([table.title] + table.groupPath(ofRow: rowIndex)).joined(separator: g.separator), width: width, indent: 1, .muted))
        model.blank()
        model.append(Parts.heading("Tryckta värden (\(table.unit))"))
        let cellChecks = FinancialTableWidget.cellChecks(table, audit: data.analysis.audit)[row.id] ?? [:]
        let labelWidth = min(30, max(12, table.columns.map { DisplayWidth.of($0.fullLabel) }.max() ?? 12))
        for (column, definition) in table.columns.enumerated() {
            let printed = column < row.cells.count ? row.cells[column] : ""
            var builder = LineBuilder()
            builder.space(2)
            builder.cell(definition.fullLabel, labelWidth, .left, .emphasis)
            builder.space(1)
            builder.cell(printed.isEmpty ? "–" : printed, 10, .right, printed.isEmpty ? Style(.muted) : .normal)
            let check = printed.isEmpty ? .none : cellChecks[definition.id] ?? .none
            if check != .none {
                let (mark, style) = check.mark(g)
                builder.text(" " + mark + (check == .error ? " fel" : " avrundning"), style)
            }
            model.append(builder.line())
        }
        if let members = row.sumOf, !members.isEmpty {
            let names = members.map { reference -> String in
                let negative = reference.hasPrefix("-")
                let id = negative ? String(reference.dropFirst()) : reference
                return (negative ? "− " : "") + (table.rowIndex(id: id).map { table.rows[$0].label } ?? id)
            }
            model.append(contentsOf: Line.wrapped("Summa av: " + names.joined(separator: ", "), width: width, indent: 2, .muted))
        }
        let deviations = table.deviations(ofRow: rowIndex)
        let checks = cellChecks
        if !deviations.isEmpty {
            model.blank()
            model.append(Parts.heading("Avvikelser, beräknade"))
            let maximum = deviations.map { abs(Numbers.double($0.computed)) }.max() ?? 0
            for deviation in deviations {
                let budget = table.columns[deviation.columns.budget]
                let compared = table.columns[deviation.columns.compared]
                let digits = max(deviation.budget.fractionDigits, deviation.compared.fractionDigits)
                let formula: String
                switch row.kind {
                case .income, .investment: formula = "\(compared.label.lowercased()) − budget = \(deviation.compared.text) − (\(deviation.budget.text))"
                default: formula = "budget − \(compared.label.lowercased()) = \(deviation.budget.text) − (\(deviation.compared.text))"
                }
                let scope = budget.group ?? budget.scope ?? ""
                let result = Numbers.signed(deviation.computed, fractionDigits: digits)
                model.append(contentsOf: Line.wrapped("\(scope.isEmpty ? "Avvikelse" : scope): \(formula) = \(result) \(table.unit) (\(Numbers.percent(deviation.percentOfBudget)) av budget)",
                                                      width: width, indent: 2))
                var bar = LineBuilder()
                bar.space(4)
                for span in Charts.deviationBar(Numbers.double(deviation.computed), maximum: maximum, width: min(41, max(3, width - 6)), glyphs: g) {
                    bar.append(span)
                }
                model.append(bar.line())
                if let printed = deviation.printed {
                    let computed = SwedishNumberFormat.format(deviation.computed, fractionDigits: max(digits, printed.fractionDigits))
                    // The audit's verdict on the printed figure (error, or rounding as info).
                    switch checks[table.columns[deviation.columns.deviation].id] ?? .none {
                    case _ where printed.value == deviation.computed:
                        model.append(.text("Tryckt \(printed.text): stämmer.", .muted, indent: 4))
                    case .error:
                        model.append(contentsOf: Line.wrapped("\(g.differs) Tryckt \(printed.text), beräknat \(computed): fel enligt granskningen.",
                                                              width: width, indent: 4, .warning))
                    case .rounding, .none:
                        model.append(contentsOf: Line.wrapped("\(g.rounding) Tryckt \(printed.text), beräknat \(computed): avrundning.",
                                                              width: width, indent: 4, .muted))
                    }
                }
            }
        }
        let findings = data.analysis.audit.findings.enumerated().filter { _, finding in
            if case .tableCell(let tableId, let rowId, _) = finding.subject { return tableId == table.id && rowId == row.id }
            return false
        }
        if !findings.isEmpty {
            model.blank()
            model.append(Parts.heading("Granskningens fynd"))
            for (_, finding) in findings {
                var builder = LineBuilder()
                builder.space(2)
                builder.text("\(g.severity(finding.severity)) \(finding.severity.swedishName)  ", Style(finding.severity.role))
                builder.text(g.path(finding.location), .muted)
                model.append(builder.line())
                model.append(contentsOf: Line.wrapped(finding.message, width: width, indent: 4))
            }
        }
        return model
    }
}
