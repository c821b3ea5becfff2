import ReportCore

/// One level of the navigation stack: the view, its selection, scroll, filter and collapsed
/// groups, and its content laid out for the current width.
struct ViewState: Sendable, Equatable {
    var id: ViewID
    /// Index into `model.selectable`.
    var selection = 0
    /// First body line shown.
    var scroll = 0
    /// 0: no filter; n: the view's n-th filter option.
    var filter = 0
    /// Ids of collapsed groups.
    var collapsed: Set<String> = []
    /// Paragraph to mark (a jump from the audit to a statement).
    var markedAnchor: Int?
    var model = ViewModel()
    /// What `model` was built for; a change rebuilds it.
    var modelKey: ModelKey?
    /// The window height the scroll was last settled for; a view shown again after a resize is
    /// settled for the new height (see `settle`).
    var laidOutHeight: Int?
    /// The line selected when `f` was first pressed, and the line `f` last selected: while the
    /// user cycles the filter without moving, each filter goes back to the original line if it
    /// shows it (so cycling does not drift from line to line).
    var filterOrigin: LineKey?
    var filterPlaced: LineKey?

    init(id: ViewID) {
        self.id = id
    }
}
