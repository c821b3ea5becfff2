import ReportCore

/// The inputs a view model depends on.
struct ModelKey: Sendable, Hashable {
    var width: Int
    var ascii: Bool
    var color: Bool
    var filter: Int
    var collapsed: Set<String>
    /// `ArchiveSession.revision`: archive screens rebuild when their values load.
    var archiveRevision = 0
    /// Whose indicator statuses the view shows (`r`).
    var basis: StatusBasis = .computed
}
