import Foundation
import ReportCore

/// A place where the search term occurs.
struct SearchHit: Sendable, Equatable {
    /// The label's parts, joined only when the hit is shown (a search can have many hits).
    var labelPrefix: String
    var labelName: String
    var jump: Jump

    /// What the hit is, in Swedish, e.g. "Indikator: Resultat exkl exploatering".
    var label: String { labelPrefix + labelName }
}
