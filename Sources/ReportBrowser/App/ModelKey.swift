import ReportCore

/// The inputs a view model depends on.
struct ModelKey: Sendable, Hashable {
    var width: Int
    var ascii: Bool
    var color: Bool
    var filter: Int
    var collapsed: Set<String>
    var basis: StatusBasis = .computed
}
