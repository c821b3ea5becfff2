import ReportCore

/// Builds each view's content and names it for the breadcrumb.
enum ScreenFactory {
    static func build(_ id: ViewID, _ context: BuildContext) -> ViewModel {
        switch id {
        case .overview: OverviewScreen.build(context)
        case .goalTree: GoalTreeScreen.build(context)
        case .goal(let ref): GoalScreen.build(ref, context)
        case .indicator(let index): IndicatorScreen.build(index, context)
        case .indicatorList: IndicatorListScreen.build(context)
        case .assignments: AssignmentsScreen.build(context)
        case .assignment(let index): AssignmentScreen.build(index, context)
        case .economy: EconomyScreen.build(context)
        case .investments: InvestmentsScreen.build(context)
        case .tableRow(let ref, let row): TableRowScreen.build(ref, row, context)
        case .internalControl: InternalControlScreen.build(context)
        case .controlItems(let process): ControlItemsScreen.build(process, context)
        case .controlItem(let index): ControlItemScreen.build(index, context)
        case .texts: TextsScreen.build(context)
        case .text(let index): TextScreen.build(index, context)
        case .audit: AuditScreen.build(context)
        }
    }

    /// The breadcrumb name of a view.
    static func crumb(_ id: ViewID, _ data: BrowserData) -> String {
        switch id {
        case .overview: Section.overview.title
        case .goalTree: Section.goals.title
        case .goal(let ref): (ref.board == nil ? "KF-mål: " : "Nämndmål: ") + data.goalTitle(ref)
        case .indicator(let index): "Indikator: " + (data.indicator(index)?.indicator.name ?? "")
        case .indicatorList: Section.indicators.title
        case .assignments: Section.assignments.title
        case .assignment(let index): "Uppdrag: " + (data.assignment(index)?.assignment.title ?? "")
        case .economy: Section.economy.title
        case .investments: Section.investments.title
        case .tableRow(let ref, let row):
            data.table(ref).rows.indices.contains(row) ? data.table(ref).rows[row].label : data.table(ref).title
        case .internalControl: Section.internalControl.title
        case .controlItems(let process):
            process.flatMap { data.processes.indices.contains($0) ? data.processes[$0] : nil } ?? "Alla processer"
        case .controlItem(let index): data.controlItem(index)?.title ?? ""
        case .texts: Section.texts.title
        case .text(let index): data.text(index)?.section.heading ?? ""
        case .audit: Section.audit.title
        }
    }
}

/// Pieces several screens share.
enum Parts {
    /// "✓ 4  ↗ 1  ✗ 2  – 1": indicator counts by status, each in its colour.
    static func statusCounts(_ counts: StatusCounts, glyphs: Glyphs) -> [Span] {
        var builder = LineBuilder()
        for (index, status) in IndicatorStatus.allCases.enumerated() {
            if index > 0 { builder.space(2) }
            builder.text("\(glyphs.status(status)) \(counts[status])", Style(counts[status] == 0 ? .muted : status.role))
        }
        return builder.spans
    }

    static func progressCounts(_ counts: ProgressCounts, glyphs: Glyphs, includeOther: Bool) -> [Span] {
        var builder = LineBuilder()
        let kinds: [Progress] = includeOther || counts.other > 0 ? Progress.allCases : [.completed, .likelyCompleted, .notCompleted]
        for (index, progress) in kinds.enumerated() {
            if index > 0 { builder.space(2) }
            builder.text("\(glyphs.progress(progress)) \(counts[progress])", Style(counts[progress] == 0 ? .muted : progress.role))
        }
        return builder.spans
    }

    static func width(_ spans: [Span]) -> Int { spans.reduce(0) { $0 + $1.width } }

    /// A heading line in the title style.
    static func heading(_ text: String, indent: Int = 1) -> Line { .text(text, .title, indent: indent) }

    /// A table header row: labels fitted to the widths (zero-width columns skipped).
    static func headerRow(_ labels: [String], _ widths: [Int], _ alignments: [Alignment], indent: Int = 1, spacing: Int = 1) -> Line {
        var builder = LineBuilder()
        builder.space(indent)
        var first = true
        for (index, label) in labels.enumerated() where widths[index] > 0 {
            if !first { builder.space(spacing) }
            first = false
            builder.cell(label, widths[index], alignments[index], Style(.tableHeader))
        }
        return builder.line()
    }

    /// The status symbol and name, e.g. "✓ uppnås".
    static func status(_ status: IndicatorStatus, glyphs: Glyphs) -> (String, StyleRole) {
        ("\(glyphs.status(status)) \(status.swedishName)", status.role)
    }
}
