import Foundation
import ReportCore

/// A place where the search term occurs.
struct SearchHit: Sendable, Equatable {
    /// The label's parts, joined only when the hit is shown (a search can have many hits).
    var labelPrefix: String
    var labelName: String
    var jump: Jump
    /// How well the term matched (hits are ordered by it, then by their place in the report).
    var rank: SearchRank = .insideWord

    /// What the hit is, in Swedish, e.g. "Indikator: Resultat exkl exploatering".
    var label: String { labelPrefix + labelName }
}

/// How a search term matched a text; better ranks come first (see `SearchIndex.rank`).
enum SearchRank: Int, Sendable, Comparable {
    /// The whole text is the term: a name typed in full.
    case exact
    /// The term is a whole word (or words) of the text.
    case word
    /// The term begins a word of the text.
    case wordStart
    /// The term occurs only inside words.
    case insideWord

    static func < (a: SearchRank, b: SearchRank) -> Bool { a.rawValue < b.rawValue }
}
