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
        case .changes: ChangesScreen.build(context)
        case .forecast: ForecastScreen.build(context)
        case .indicatorHistory: HistoryScreen.build(context)
        case .periodOverview: PeriodOverviewScreen.build(context)
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
        case .changes: "Förändringar"
        case .forecast: "Prognos mot utfall"
        case .indicatorHistory: "Historik"
        case .periodOverview: "Hela kommunen"
        }
    }
}
