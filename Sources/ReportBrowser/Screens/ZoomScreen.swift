import Foundation
import ReportCore

/// Zoom (`z`): the one-screen meeting view for a projector. The report and its period; per
/// målområde the indicator statuses (on the `r` basis) and the uppdrag; the economy in words
/// ("16,0 mnkr sämre än budget"); investments; internal control; the audit's errors. The same
/// content from every section; the layout grows with the screen (big digits when there is room).
enum ZoomScreen {
    /// A line of text in parts.
    typealias Spans = [(String, Style)]

    static func draw(_ state: AppState, into grid: inout Grid) {
        let data = state.data, g = state.glyphs
        let width = state.width, rows = state.height - 1 // the hint bar below
        let areas = data.report.goalAreas
        let labelWidth = min(22, max(9, width / 6))

        // Header: the report, its period, whose statuses.
        // A generated report's label stays visible where its name is cut.
        let titleRoom = width - Chrome.basisWidth(state)
        grid.put(" " + TextSanitizer.truncateKeepingLabel(data.title, width: titleRoom - 1), x: 0, y: 0, style: Style(.title, .bold), maxWidth: titleRoom)
        Chrome.drawBasis(state, y: 0, into: &grid)
        grid.put(" " + TextSanitizer.truncateKeepingLabel(data.subtitle, width: width - 1), x: 0, y: 1, style: Style(.muted), maxWidth: width)

        // Facts at the bottom, errors last.
        let factWidth = min(16, max(6, width / 4))
        var facts: [Spans] = economyFacts(data).map { fact(factWidth, $0.0, $0.1) }
        facts.append(fact(factWidth, "Intern kontroll", controlSpans(data, g, compact: width < 95)))
        let errors = data.analysis.audit.findings.filter { $0.severity == .error }
        facts.append(fact(factWidth, "Granskning", [(errors.isEmpty ? "inga fel" : errors.count == 1 ? "1 fel" : "\(errors.count) fel",
                                                      Style(errors.isEmpty ? .muted : .statusNotMet, .bold))]))
        var errorLines: [Spans] = []
        for finding in errors {
            let text = TextSanitizer.wrap("\(g.status(.notMet)) \(finding.location): \(finding.message)", width: max(8, width - factWidth - 3))
            errorLines += text.map { [(String(repeating: " ", count: factWidth + 2) + $0, Style(.statusNotMet))] }
        }

        // The målområden take the rows the facts leave.
        // A blank line under the header and above the facts when the målområden still fit.
        let roomy = rows - 2 - facts.count - max(1, areas.count) >= 2
        let top = roomy ? 3 : 2
        let factRows = facts.count + min(errorLines.count, max(0, rows - top - facts.count - areas.count * 2 - 1))
        let spare = rows - top - factRows - (roomy ? 1 : 0)
        // A blank line between the facts when the målområden keep room for the largest digits.
        let spacing = spare - (areas.count * 12 + 1) >= facts.count ? 1 : 0
        let areaRows = spare - spacing * facts.count
        let bottom = drawAreas(state, y: top, rows: areaRows, labelWidth: labelWidth, into: &grid)

        var y = max(bottom + 1, rows - factRows - spacing * facts.count)
        for (index, line) in facts.enumerated() where y < rows {
            put(line, y: y, width: width, into: &grid)
            y += 1
            if index == facts.count - 1 {
                for error in errorLines where y < rows {
                    put(error, y: y, width: width, into: &grid)
                    y += 1
                }
            }
            y += spacing
        }
    }

    /// "Ekonomi  16,0 mnkr sämre än budget (prognos helår, −2,7 %)" for the economy, the
    /// investments and the samhällsbyggnad headlines, from the printed figures.
    static func economyFacts(_ data: BrowserData) -> [(String, Spans)] {
        let tables: [(String, FinancialTable)] = [
            ("Ekonomi", data.report.economy.operations),
            ("Investeringar", data.report.investments.board),
            ("Samhällsbyggnad", data.report.investments.urbanDevelopment),
        ]
        return tables.compactMap { label, table in
            guard let headline = Headline(table), let deviation = headline.deviations.first else { return nil }
            return (label, words(deviation, unit: headline.unit))
        }
    }

    /// A deviation in words, in mnkr: "16,0 mnkr sämre än budget".
    static func words(_ deviation: Headline.Deviation, unit: String) -> Spans {
        let magnitude = abs(deviation.shown)
        let amount: String
        switch unit.lowercased() {
        case "tkr": amount = SwedishNumberFormat.format(magnitude / 1000, fractionDigits: 1) + " mnkr"
        case "mnkr": amount = SwedishNumberFormat.format(magnitude, fractionDigits: max(1, deviation.shownFractionDigits)) + " mnkr"
        default: amount = SwedishNumberFormat.format(magnitude, fractionDigits: deviation.shownFractionDigits) + " " + unit
        }
        let phrase: String, role: StyleRole
        switch deviation.outcome {
        case .better: (phrase, role) = ("\(amount) bättre än budget", .deviationGood)
        case .worse: (phrase, role) = ("\(amount) sämre än budget", .deviationBad)
        case .asBudgeted: (phrase, role) = ("enligt budget", .normal)
        }
        let scope = deviation.scope.isEmpty ? "" : " \(deviation.scope.lowercased())"
        let detail = " (\(deviation.comparedLabel.lowercased())\(scope), \(Numbers.percent(DeviationRule.percentOfBudget(deviation.shown, budget: deviation.budget.value))))"
        return [(phrase, Style(role, .bold)), (detail, Style(.muted))]
    }

    private static func controlSpans(_ data: BrowserData, _ g: Glyphs, compact: Bool) -> Spans {
        let counts = data.analysis.internalControlCounts()
        var spans: Spans = []
        for progress in data.progressColumns where counts[progress] > 0 || progress != .other {
            if !spans.isEmpty { spans.append(("  ", .normal)) }
            let name = compact ? "" : " " + progress.swedishName.lowercased()
            spans.append(("\(g.progress(progress)) \(counts[progress])\(name)", Style(counts[progress] == 0 ? .muted : progress.role)))
        }
        spans.append(("  av \(counts.total)", Style(.muted)))
        return spans
    }

    /// A fact: its label in a column of `labelWidth` (cut when narrower), a space, the spans.
    private static func fact(_ labelWidth: Int, _ label: String, _ spans: Spans) -> Spans {
        var cut = label
        while DisplayWidth.of(cut) > labelWidth, !cut.isEmpty { cut.removeLast() }
        let padded = cut + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(cut)))
        return [(" " + padded + " ", Style(.emphasis, .bold))] + spans
    }

    private static func put(_ spans: Spans, y: Int, x: Int = 0, width: Int, into grid: inout Grid) {
        var x = x
        for (text, style) in spans where x < width {
            x += grid.put(text, x: x, y: y, style: style, maxWidth: width - x)
        }
    }

    /// The målområden from row `y` in `rows` rows; returns the row after the last drawn.
    private static func drawAreas(_ state: AppState, y top: Int, rows: Int, labelWidth: Int, into grid: inout Grid) -> Int {
        let data = state.data, g = state.glyphs, width = state.width
        let areas = data.report.goalAreas
        guard !areas.isEmpty else {
            grid.put(" Inga målområden", x: 0, y: top, style: Style(.muted), maxWidth: width)
            return top + 1
        }
        let statuses = IndicatorStatus.allCases
        let countsX = labelWidth + 2
        let columnWidth = max(1, (width - countsX - 1) / statuses.count)
        let perArea = rows / max(1, areas.count)
        var y = top
        if perArea >= 7, columnWidth >= 8, rows >= areas.count * 7 + 1 {
            // Big digits: a column per status, its name on top.
            for (index, status) in statuses.enumerated() {
                let label = "\(g.status(status)) \(status.swedishName)"
                grid.put(DisplayWidth.of(label) <= columnWidth ? label : g.status(status), x: countsX + index * columnWidth, y: y,
                         width: columnWidth, alignment: .center, style: Style(status.role, .bold))
            }
            y += 1
            let height = (rows - 1) / areas.count
            // Digits twice as large (ten rows) where the rows and the columns allow.
            let scale = height >= 11 && columnWidth >= 16 ? 2 : 1
            for area in areas.indices {
                let (counts, unstated) = data.indicatorCounts(area: area, basis: state.statusBasis)
                let name = TextSanitizer.wrap(data.shortAreaTitle(area), width: labelWidth).prefix(3)
                let first = y + (height - 5 * scale) / 2
                for (offset, line) in name.enumerated() {
                    grid.put(" " + line, x: 0, y: first + offset, style: Style(.title, .bold), maxWidth: labelWidth + 1)
                }
                grid.put("uppdrag", x: 1, y: first + name.count + 1, style: Style(.muted), maxWidth: labelWidth)
                put(assignmentSpans(data, area, g), y: first + name.count + 2, x: 1, width: labelWidth + 1, into: &grid)
                if unstated > 0 {
                    grid.put("? \(unstated) \(StatusBasis.unstated)", x: countsX, y: first + 5 * scale, width: width - countsX,
                             alignment: .center, style: Style(.muted))
                }
                for (column, status) in statuses.enumerated() {
                    let x = countsX + column * columnWidth
                    let style = Style(counts[status] == 0 ? .muted : status.role)
                    let rendered = BigDigits.render(counts[status], glyph: g.bar, scale: scale)
                    let w = rendered.first.map { DisplayWidth.of($0) } ?? 0
                    for (offset, text) in rendered.enumerated() {
                        grid.put(text, x: x + max(0, (columnWidth - w) / 2), y: first + offset, style: style, maxWidth: columnWidth)
                    }
                }
                y += height
            }
            return y
        }
        // Text: one or two lines per målområde, the rows left spread between them.
        let twoLines = rows >= areas.count * 2
        let gap = min(3, max(0, rows - areas.count * (twoLines ? 2 : 1)) / areas.count)
        for area in areas.indices where y < top + rows {
            let (counts, unstated) = data.indicatorCounts(area: area, basis: state.statusBasis)
            let compact = width < 70
            var indicators: Spans = compact ? [] : [("indikatorer ", Style(.muted))]
            for status in statuses {
                indicators.append(("\(g.status(status))\(compact ? "" : " ")\(counts[status]) ", Style(counts[status] == 0 ? .muted : status.role, .bold)))
            }
            if unstated > 0 { indicators.append(("?\(compact ? "" : " ")\(unstated)\(compact ? "" : " " + StatusBasis.unstated) ", Style(.muted))) }
            let assignments: Spans = [(compact ? "| " : " uppdrag ", Style(.muted))] + assignmentSpans(data, area, g, compact: compact)
            let name = [(" " + data.shortAreaTitle(area), Style(.title, .bold))]
            if twoLines {
                put(name, y: y, width: width, into: &grid)
                put([("   ", .normal)] + indicators + [("  ", .normal)] + assignments, y: y + 1, width: width, into: &grid)
                y += 2 + (area == areas.count - 1 ? 0 : gap)
            } else {
                grid.put(" " + data.shortAreaTitle(area), x: 0, y: y, style: Style(.title, .bold), maxWidth: min(countsX, 12) - 1)
                put(indicators + assignments, y: y, x: min(countsX, 12), width: width, into: &grid)
                y += 1 + (area == areas.count - 1 ? 0 : gap)
            }
        }
        return y
    }

    private static func assignmentSpans(_ data: BrowserData, _ area: Int, _ g: Glyphs, compact: Bool = false) -> Spans {
        let progress = data.assignmentCounts(area: area)
        return [.completed, .likelyCompleted, .notCompleted].map { kind in
            ("\(g.progress(kind))\(compact ? "" : " ")\(progress[kind]) ", Style(progress[kind] == 0 ? .muted : kind.role))
        }
    }
}
