import ReportCore

/// Översikt: title and period, per målområde stacked status bars for indicators and uppdrag,
/// the budget and investment headlines, internal control, Preliminär bedömning, audit findings.
enum OverviewScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        let data = context.data, g = context.glyphs, width = context.width
        let analysis = data.analysis
        var model = ViewModel()
        // A generated report's label stays visible where its name is cut.
        model.append(.text(TextSanitizer.truncateKeepingLabel(data.title, width: max(1, width - 1)), .title, indent: 1))
        model.append(.text(TextSanitizer.truncateKeepingLabel(data.subtitle, width: max(1, width - 1)), .muted, indent: 1))
        model.blank()

        let labelWidth = 12
        let countsWidth = 22
        let room = width - 3 - labelWidth - 1 - 1 - countsWidth
        let barWidth = room >= 8 ? min(40, room) : 0
        func barLine(_ label: String, _ bar: [Span], _ counts: [Span], suffix: String) -> Line {
            var builder = LineBuilder()
            builder.space(3)
            builder.cell(label, labelWidth, .left, .muted)
            builder.space(1)
            for span in bar { builder.append(span) }
            if !bar.isEmpty { builder.space(1) }
            for span in counts { builder.append(span) }
            builder.text(suffix, .muted)
            return builder.line()
        }
        let areas = data.report.goalAreas
        // Three lines per målområde.
        func item(_ index: Int) -> [Line] {
            var title = LineBuilder()
            title.text(" \(g.collapsed) ", .muted)
            title.text(data.shortAreaTitle(index), Style(.emphasis))
            if data.shortAreaTitle(index) != areas[index].title, width >= 100 {
                title.text("  " + areas[index].title, .muted)
            }
            return [title.line(key: .area(index), action: .open(Jump(view: .goalTree, focus: .area(index))))]
                + areaBars(data.indicatorCounts(area: index, basis: context.basis), data.assignmentCounts(area: index), barWidth, context, barLine)
        }
        for index in 0..<areas.count { model.append(contentsOf: item(index)) }
        if areas.count != 1 {
            var title = LineBuilder()
            title.text(" \(g.collapsed) ", .muted)
            title.text(areas.isEmpty ? "Inga målområden" : "Alla", Style(.emphasis))
            title.pad(to: 3 + labelWidth + 1)
            let all = data.indicatorCounts(area: nil, basis: context.basis)
            for span in Parts.statusCounts(all.counts, glyphs: g) { title.append(span) }
            if all.unstated > 0 { title.text("  ? \(all.unstated) \(StatusBasis.unstated)", .muted) }
            title.text("  uppdrag ", .muted)
            for span in Parts.progressCounts(analysis.assignmentCounts(), glyphs: g, includeOther: false) { title.append(span) }
            model.append(title.line(key: .link("alla"), action: .open(Jump(view: .indicatorList))))
        }
        model.blank()

        let keyWidth = 16
        func factLine(_ label: String, _ spans: [Span], key: String, jump: Jump?) -> Line {
            var builder = LineBuilder()
            builder.space(1)
            builder.cell(label, keyWidth, .left, .emphasis)
            builder.space(1)
            for span in spans { builder.append(span) }
            return builder.line(key: .link(key), action: jump.map { .open($0) })
        }
        let headlines: [(String, FinancialTable, TableRef)] = [
            ("Ekonomi", data.report.economy.operations, .operations),
            ("Investeringar", data.report.investments.board, .boardInvestments),
            ("Samhällsbyggnad", data.report.investments.urbanDevelopment, .urbanDevelopment),
        ]
        for (label, table, ref) in headlines {
            guard let headline = Headline(table), let deviation = headline.deviations.first else { continue }
            var builder = LineBuilder()
            // The printed figure, as the paper shows it; the computed one only beside an error.
            let value = deviation.printed?.value ?? deviation.computed
            let digits = deviation.printed?.fractionDigits ?? deviation.budget.fractionDigits
            let percent = DeviationRule.percentOfBudget(value, budget: deviation.budget.value)
            let check = headlineCheck(table, headline: headline, audit: analysis.audit)
            builder.text("\(deviation.scope.isEmpty ? "avvikelse" : deviation.scope.lowercased()) ")
            builder.text("\(Numbers.signed(value, fractionDigits: digits)) \(headline.unit)",
                         Style(check == .error ? .warning : value < 0 ? .deviationBad : .deviationGood))
            builder.text(" (\(Numbers.percent(percent)))", .muted)
            if check == .error {
                let digits = max(digits, deviation.budget.fractionDigits, deviation.compared.fractionDigits)
                builder.text(" \(g.differs) beräknat \(Numbers.signed(deviation.computed, fractionDigits: digits))", Style(.warning, .bold))
            }
            builder.text(" · budget \(deviation.budget.text) · \(deviation.comparedLabel.lowercased()) \(deviation.compared.text)", .muted)
            // Opens the table's section at the table itself (its first row selected, its title shown).
            let jump = Jump(view: ref.section.root, focus: table.rows.isEmpty ? nil : .tableRow(ref, 0))
            model.append(factLine(label, builder.spans, key: "headline-\(table.id)", jump: jump))
        }
        let control = analysis.internalControlCounts()
        var controlSpans = Parts.progressCounts(control, glyphs: g, includeOther: false)
        controlSpans.append(Span(text: "  av \(control.total)", style: Style(.muted), width: DisplayWidth.of("  av \(control.total)")))
        model.append(factLine("Intern kontroll", controlSpans, key: "ik", jump: Jump(view: .internalControl)))
        let assessments = data.report.summary.preliminaryAssessment
        if !assessments.isEmpty {
            var builder = LineBuilder()
            for (index, row) in assessments.enumerated() {
                if index > 0 { builder.text(" · ", .muted) }
                builder.text("\(row.area): ")
                builder.text(row.assessment, .emphasis)
            }
            let summaryText = data.texts.firstIndex { $0.group == "Sammanfattning" }
            model.append(factLine("Prel. bedömning", builder.spans, key: "bedomning", jump: summaryText.map { Jump(view: .text($0)) }))
        }
        let audit = analysis.audit
        var auditLine = LineBuilder()
        auditLine.text("\(audit.findings.lazy.filter { $0.severity == .error }.count) fel", Style(!audit.findings.contains { $0.severity == .error } ? .muted : .statusNotMet))
        auditLine.text(" · ", .muted)
        auditLine.text("\(audit.findings.lazy.filter { $0.severity == .warning }.count) varningar", Style(!audit.findings.contains { $0.severity == .warning } ? .muted : .warning))
        auditLine.text(" · \(audit.findings.lazy.filter { $0.severity == .info }.count) info", .muted)
        model.append(factLine("Granskning", auditLine.spans, key: "granskning", jump: Jump(view: .audit)))
        return model
    }

    /// The audit's verdict on the printed deviation a headline shows (its first scope).
    private static func headlineCheck(_ table: FinancialTable, headline: Headline, audit: Audit) -> FinancialTableWidget.CellCheck {
        guard let row = table.rows.firstIndex(where: { $0.id == headline.rowId }),
              let first = table.deviations(ofRow: row).first else { return .none }
        return FinancialTableWidget.cellChecks(table, audit: audit)[headline.rowId]?[table.columns[first.columns.deviation].id] ?? .none
    }

    private static func areaBars(_ basisCounts: (counts: StatusCounts, unstated: Int), _ progress: ProgressCounts, _ barWidth: Int, _ context: BuildContext,
                                 _ barLine: (String, [Span], [Span], String) -> Line) -> [Line] {
        let g = context.glyphs
        let counts = basisCounts.counts
        let indicatorBar = Charts.stackedBar(IndicatorStatus.allCases.map { (counts[$0], $0.barRole) }, width: barWidth, color: context.color, glyphs: g)
        let progressKinds: [Progress] = progress.other > 0 ? Progress.allCases : [.completed, .likelyCompleted, .notCompleted]
        let assignmentBar = Charts.stackedBar(progressKinds.map { (progress[$0], $0.barRole) }, width: barWidth, color: context.color, glyphs: g)
        return [
            barLine("Indikatorer", indicatorBar, Parts.statusCounts(counts, glyphs: g),
                    basisCounts.unstated > 0 ? "  ? \(basisCounts.unstated) \(StatusBasis.unstated)" : ""),
            barLine("Uppdrag", assignmentBar, Parts.progressCounts(progress, glyphs: g, includeOther: false), ""),
        ]
    }
}
