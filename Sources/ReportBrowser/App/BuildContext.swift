import ReportCore

/// What a screen needs to lay out its content.
struct BuildContext: Sendable {
    let data: BrowserData
    /// Columns available to the body.
    let width: Int
    let glyphs: Glyphs
    /// False in the monochrome theme: bars use distinct fill glyphs instead of colours.
    let color: Bool
    let filter: Int
    let collapsed: Set<String>
    var markedAnchor: Int? = nil
    /// The archive values the archive screens show.
    var archive = ArchiveSession()
    /// Whose indicator statuses to show (`r`).
    var basis: StatusBasis = .computed

    /// An indicator's status on the chosen basis (nil: the report states none).
    func status(ofIndicator index: Int) -> IndicatorStatus? { data.status(ofIndicator: index, basis: basis) }
}
