import Foundation

/// Which of an indicator table's notes is about which indicator.
///
/// The report prints notes under a table, some about one indicator ("Det inrapporterade
/// resultatet för sjukfrånvaro (%) 2021 avser delår 2 …"), some about the whole table
/// ("Indikatorerna är nya …"). The data keeps them exactly as printed; which indicator a note
/// is about is derived here from the text: a note names an indicator when every word of the
/// indicator's name, without its parenthesised qualifiers, occurs in the note (ignoring case
/// and punctuation). A note that names no indicator of the table belongs to the table.
extension IndicatorTable {
    /// The indices of the notes that name the indicator at `index`, in printed order.
    public func noteIndices(namingIndicatorAt index: Int) -> [Int] {
        guard indicators.indices.contains(index) else { return [] }
        let name = Self.nameWords(indicators[index].name)
        guard !name.isEmpty else { return [] }
        return notes.indices.filter { name.isSubset(of: Self.words(notes[$0])) }
    }

    /// The indices of the notes that name no indicator of the table: the table's general notes.
    public var generalNoteIndices: [Int] {
        let named = Set(indicators.indices.flatMap { noteIndices(namingIndicatorAt: $0) })
        return notes.indices.filter { !named.contains($0) }
    }

    /// The lower-cased words of a name without parenthesised parts: "Sjukfrånvaro (KS)" → {sjukfrånvaro}.
    static func nameWords(_ name: String) -> Set<String> {
        var depth = 0
        var kept = ""
        for character in name {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { kept.append(character) }
        }
        return words(kept)
    }

    /// The lower-cased runs of letters and digits.
    static func words(_ text: String) -> Set<String> {
        var result: Set<String> = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                result.insert(current)
                current = ""
            }
        }
        if !current.isEmpty { result.insert(current) }
        return result
    }
}
