import Foundation

/// How items of two reports are matched (indicators, goals, uppdrag, financial rows, controls).
///
/// In this order, and never silently:
/// 1. the same id (indicators and financial rows, which carry ids);
/// 2. the same normalised name (`normalizedName`): case folded, runs of whitespace (also
///    non-breaking) made one space, every dash (‐ ‑ – — −) made "-" with no space around it, and a
///    trailing unit in parentheses moved from the name to the unit;
/// 3. a close name: the Sørensen–Dice coefficient of the normalised names' character bigrams is
///    at least `renameThreshold` (0.6), with the same unit when both have one. Such a pair is
///    reported as *renamed?* with both names; the closest pairs are taken first.
///
/// Whatever is left is added (only in the later report) or removed (only in the earlier one).
public enum ItemMatching {
    /// The least bigram similarity for a *renamed?* pair.
    public static let renameThreshold = 0.6

    /// The name folded for matching: see the type's documentation. Works on Unicode scalars
    /// (the diff folds every name of two reports, so this is on its hot path).
    public static func normalize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        var lastIsDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            switch scalar.value {
            case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: // - ‐ ‑ ‒ – — ― −
                while let last = result.last, last == " " { result.removeLast() }
                result.append("-")
                pendingSpace = false
                lastIsDash = true
                continue
            default:
                break
            }
            if pendingSpace, !lastIsDash { result.append(" ") }
            pendingSpace = false
            lastIsDash = false
            result.append(scalar)
        }
        return String(result)
    }

    /// Splits a trailing "(unit)" off a name: ("Sjukfrånvaro", "%") from "Sjukfrånvaro (%)".
    public static func splitTrailingUnit(_ name: String) -> (name: String, unit: String?) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return (trimmed, nil) }
        let unit = trimmed[trimmed.index(after: open) ..< trimmed.index(before: trimmed.endIndex)]
        let base = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        guard !base.isEmpty, !unit.isEmpty else { return (trimmed, nil) }
        return (base, String(unit))
    }

    /// Name and unit folded into one matching key, e.g. "sjukfrånvaro (%)".
    /// A unit given separately wins; a parenthesis that repeats it is dropped from the name,
    /// any other parenthesis stays part of the name ("Sjukfrånvaro (KS)" with unit "%").
    public static func normalizedName(_ name: String, unit: String?) -> String {
        let parts = nameAndUnit(name, unit: unit)
        guard let unit = parts.unit else { return parts.name }
        return "\(parts.name) (\(unit))"
    }

    /// The normalised name without its unit, and the normalised unit.
    static func nameAndUnit(_ name: String, unit: String?) -> (name: String, unit: String?) {
        let split = splitTrailingUnit(name)
        if let unit = unit.flatMap({ $0.isEmpty ? nil : normalize($0) }) {
            if let trailing = split.unit, normalize(trailing) == unit { return (normalize(split.name), unit) }
            return (normalize(name), unit)
        }
        return (normalize(split.name), split.unit.map(normalize))
    }

    /// Sørensen–Dice similarity of two strings' character bigrams, 0…1.
    public static func similarity(_ a: String, _ b: String) -> Double {
        func bigrams(_ text: String) -> [String: Int] {
            let characters = Array(text)
            var result: [String: Int] = [:]
            guard characters.count >= 2 else {
                if !characters.isEmpty { result[String(characters)] = 1 }
                return result
            }
            for index in 0 ..< characters.count - 1 { result[String(characters[index ... index + 1]), default: 0] += 1 }
            return result
        }
        let left = bigrams(a), right = bigrams(b)
        let total = left.values.reduce(0, +) + right.values.reduce(0, +)
        guard total > 0 else { return a == b ? 1 : 0 }
        var common = 0
        for (gram, count) in left { common += min(count, right[gram] ?? 0) }
        return 2 * Double(common) / Double(total)
    }

    /// Something that can be matched: an optional id, a name and an optional unit.
    public struct Key: Sendable, Equatable {
        public var id: String?
        public var name: String
        public var unit: String?
        public init(id: String? = nil, name: String, unit: String? = nil) {
            self.id = id
            self.name = name
            self.unit = unit
        }
    }

    /// How a pair was matched.
    public enum Rule: String, Sendable {
        case id
        case name
        /// A close name: reported as renamed?.
        case similarName
    }

    /// The outcome: matched index pairs (from, to, rule), and the unmatched indices of each side.
    public struct Result: Sendable, Equatable {
        public var pairs: [(from: Int, to: Int, rule: Rule)]
        public var removed: [Int]
        public var added: [Int]
        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.removed == rhs.removed && lhs.added == rhs.added
                && lhs.pairs.map { "\($0.from)-\($0.to)-\($0.rule)" } == rhs.pairs.map { "\($0.from)-\($0.to)-\($0.rule)" }
        }
    }

    /// Matches two lists by id, then normalised name, then close name (each item at most once).
    public static func match(_ from: [Key], _ to: [Key]) -> Result {
        // Each key folded once.
        let fromFolded = from.map { nameAndUnit($0.name, unit: $0.unit) }
        let toFolded = to.map { nameAndUnit($0.name, unit: $0.unit) }
        func joined(_ folded: (name: String, unit: String?)) -> String { folded.unit.map { "\(folded.name) (\($0))" } ?? folded.name }
        var pairs: [(from: Int, to: Int, rule: Rule)] = []
        var freeFrom = Set(from.indices), freeTo = Set(to.indices)
        // 1. id
        var toByID: [String: Int] = [:]
        for (index, key) in to.enumerated() { if let id = key.id, toByID[id] == nil { toByID[id] = index } }
        for (index, key) in from.enumerated() {
            if let id = key.id, let other = toByID[id], freeTo.contains(other) {
                pairs.append((index, other, .id))
                freeFrom.remove(index)
                freeTo.remove(other)
            }
        }
        // 2. normalised name + unit
        var toByName: [String: [Int]] = [:]
        for index in to.indices where freeTo.contains(index) { toByName[joined(toFolded[index]), default: []].append(index) }
        for index in from.indices where freeFrom.contains(index) {
            let name = joined(fromFolded[index])
            if let other = toByName[name]?.first(where: { freeTo.contains($0) }) {
                pairs.append((index, other, .name))
                freeFrom.remove(index)
                freeTo.remove(other)
            }
        }
        // 3. close names, closest first
        var candidates: [(from: Int, to: Int, score: Double)] = []
        for f in freeFrom.sorted() {
            for t in freeTo.sorted() {
                if let a = fromFolded[f].unit, let b = toFolded[t].unit, a != b { continue }
                let score = similarity(fromFolded[f].name, toFolded[t].name)
                if score >= renameThreshold { candidates.append((f, t, score)) }
            }
        }
        candidates.sort { ($0.score, -$0.from, -$0.to) > ($1.score, -$1.from, -$1.to) }
        for candidate in candidates where freeFrom.contains(candidate.from) && freeTo.contains(candidate.to) {
            pairs.append((candidate.from, candidate.to, .similarName))
            freeFrom.remove(candidate.from)
            freeTo.remove(candidate.to)
        }
        pairs.sort { ($0.to, $0.from) < ($1.to, $1.from) }
        return Result(pairs: pairs, removed: freeFrom.sorted(), added: freeTo.sorted())
    }
}
