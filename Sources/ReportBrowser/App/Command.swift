

/// What a key does.
enum Command: Sendable, Equatable {
    case down, up, pageDown, pageUp, halfDown, halfUp, top, bottom
    case drill, back, close, quit
    /// Open a section: the section is the digit pressed (`1` Översikt …).
    case section
    case nextSection, previousSection
    case search, nextHit, previousHit
    case cycleFilter, clearFilter
    case help, redraw, zoom
    /// Switch between computed statuses and the report's own assessment.
    case statusBasis
    // Search prompt
    case confirmSearch, cancelSearch, deleteSearchCharacter
    // The archive
    case archiveHome, changes, forecast, history, kommun, previousColumn, nextColumn
}
