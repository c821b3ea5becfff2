import ReportCore

/// A screen the navigation stack can hold.
enum ViewID: Sendable, Hashable {
    case overview
    case goalTree
    case goal(GoalRef)
    case indicator(Int)
    case indicatorList
    case assignments
    case assignment(Int)
    case economy
    case investments
    case tableRow(TableRef, Int)
    case internalControl
    /// Items of one process (`nil`: every process), filtered by the view's status filter.
    case controlItems(process: Int?)
    case controlItem(Int)
    case texts
    case text(Int)
    case audit
    /// Förändringar against the previous report of the board (`AppState.archive.comparison`).
    case changes
    /// Prognos mot utfall (delår → helår of one year).
    case forecast
    /// An indicator's values across the board's archived reports (`archive.history`).
    case indicatorHistory
    /// Every board of one period (`archive.period`).
    case periodOverview
}
