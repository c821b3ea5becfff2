import ReportCore

/// A short message on the status line until the next key.
struct Message: Sendable, Equatable {
    var text: String
    var role: StyleRole = .normal
}
