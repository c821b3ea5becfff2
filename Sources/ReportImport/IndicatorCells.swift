import Foundation

/// Reads the cells of an indicator row as `pdftotext` prints them: cells joined by single
/// spaces, so a blank cell shows as a doubled space (`73 77  >73 Topp tre i länet`: 2021 is
/// blank), and the line ends with one trailing space.
///
/// Swedish reports group thousands with a space (`1 250`, `≤2 500`, `>12 000`), so the spaces
/// alone do not tell the cells apart: the row is split by the table's columns instead. Every
/// reading of the atoms into exactly as many cells as the table has columns is considered, and
/// the one whose numbers are of the most similar size is taken (a year's values and its targets
/// measure the same thing); among equally similar readings, the one that merges fewest groups.
enum IndicatorCells {
    /// Units that follow a number in a cell (`2,7 %`, `+5,5 km`).
    static let unitWords: Set<String> = ["%", "km", "kr", "st", "tkr", "mnkr", "m", "ton", "kwh", "m²", "dagar", "år"]

    /// Single-word symbolic targets (any case).
    static let symbolicWords: Set<String> = [
        "länssnitt", "länssnittet", "rikssnitt", "rikssnittet", "öka", "minska", "ökning", "minskning", "oförändrat", "bibehålla",
    ]

    /// `2,7`, `≥2`, `>80`, `<7,9`, `+5,5`, `-3`, `0,845`, `>=2`.
    static func isNumberAtom(_ atom: String) -> Bool {
        var scalars = Substring(atom).unicodeScalars[...]
        for prefix in ["≥", "≤", ">=", "<=", ">", "<"] where atom.hasPrefix(prefix) {
            scalars = Substring(atom.dropFirst(prefix.count)).unicodeScalars[...]
            break
        }
        if let first = scalars.first, first == "+" || first == "−" || first == "-" { scalars = scalars.dropFirst() }
        var digits = 0
        var comma = false
        var afterComma = 0
        for scalar in scalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                if comma { afterComma += 1 } else { digits += 1 }
            } else if scalar == ",", !comma, digits > 0 {
                comma = true
            } else {
                return false
            }
        }
        return digits > 0 && (!comma || afterComma > 0)
    }

    static func isComparator(_ atom: String) -> Bool { ["≥", "≤", ">", "<", ">=", "<="].contains(atom) }

    /// The comparator a number atom starts with (`≥2` → `≥`), or "".
    static func comparatorPrefix(_ atom: String) -> String {
        for prefix in [">=", "<=", "≥", "≤", ">", "<"] where atom.hasPrefix(prefix) { return prefix }
        return ""
    }

    /// A first group of a number that may continue with thousands groups: optional comparator
    /// and sign, 1–3 digits, no leading zero.
    static func isLeadingGroup(_ atom: String) -> Bool {
        var body = Substring(atom.dropFirst(comparatorPrefix(atom).count))
        if let first = body.first, "+−-".contains(first) { body = body.dropFirst() }
        return (1 ... 3).contains(body.count) && body.allSatisfy({ $0.isASCII && $0.isNumber }) && body.first != "0"
    }

    /// A thousands group: exactly three digits, the last group may carry decimals (`000`, `500,5`).
    static func isThousandsGroup(_ atom: String) -> Bool {
        let parts = atom.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count == 3, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber })
    }

    static func isWordAtom(_ atom: String) -> Bool {
        !atom.isEmpty && atom.allSatisfy { $0.isLetter }
    }

    struct Reading {
        var cells: [String]
        /// Thousands groups merged into a number (`18 500` counts one).
        var merges: Int
        /// Indices of cells read as free text (a symbolic target the importer has no word for).
        var freeText: [Int]
    }

    /// Every way to read `atoms` as at most `maxCells` cells (at most `limit` readings).
    static func readings(_ atoms: [String], maxCells: Int = .max, limit: Int = 512) -> [Reading] {
        var results: [Reading] = []
        var cells: [String] = []
        func visit(_ index: Int, _ merges: Int, _ free: [Int]) {
            guard results.count < limit, cells.count <= maxCells else { return }
            if index == atoms.count {
                results.append(Reading(cells: cells, merges: merges, freeText: free))
                return
            }
            let atom = atoms[index]
            func next(_ count: Int, _ cell: String, merges extra: Int = 0, freeText: Bool = false) {
                let position = cells.count
                cells.append(cell)
                visit(index + count, merges + extra, freeText ? free + [position] : free)
                cells.removeLast()
            }
            if atom.isEmpty {
                next(1, "")
                return
            }
            if atom == "-" || atom == "–" || atom == "−" {
                next(1, atom)
                return
            }
            let lower = atom.lowercased()
            if lower == "index", index + 1 < atoms.count, isNumberAtom(atoms[index + 1]) {
                next(2, atom + " " + atoms[index + 1])
                return
            }
            if lower.hasPrefix("index"), isNumberAtom(String(atom.dropFirst(5))) {
                next(1, atom)
                return
            }
            if symbolicWords.contains(lower) {
                next(1, atom)
                return
            }
            // `Topp 5 i länet`, `Plats 13 i riket`, `Topp tre i länet`.
            if lower == "topp" || lower == "plats", index + 3 < atoms.count, atoms[index + 2].lowercased() == "i",
               ["länet", "riket", "landet", "sverige"].contains(atoms[index + 3].lowercased()), !atoms[index + 1].isEmpty {
                next(4, atoms[index ... index + 3].joined(separator: " "))
                return
            }
            // Any other capitalised words: a symbolic target in words (`Högre än länssnittet`),
            // up to the next blank, number or capitalised word.
            if isWordAtom(atom), atom.first?.isUppercase ?? false {
                var end = index + 1
                while end < atoms.count, isWordAtom(atoms[end]), atoms[end].first?.isLowercase ?? false { end += 1 }
                next(end - index, atoms[index ..< end].joined(separator: " "), freeText: true)
                return
            }
            var first = atom
            var consumed = 1
            if isComparator(atom), index + 1 < atoms.count, isNumberAtom(atoms[index + 1]) {
                first = atom + " " + atoms[index + 1]
                consumed = 2
            } else if !isNumberAtom(atom) {
                return
            }
            // A first group of 1–3 digits followed by groups of exactly 3: maybe one number.
            var variants: [(text: String, count: Int, merges: Int)] = [(first, consumed, 0)]
            let lead = consumed == 1 ? atom : atoms[index + 1]
            if isLeadingGroup(lead), !lead.contains(",") {
                var text = first
                var k = index + consumed
                var merged = 0
                while k < atoms.count, isThousandsGroup(atoms[k]) {
                    text += " " + atoms[k]
                    merged += 1
                    k += 1
                    variants.append((text, k - index, merged))
                    if atoms[k - 1].contains(",") { break }
                }
            }
            for variant in variants.reversed() {
                let end = index + variant.count
                if end < atoms.count, unitWords.contains(atoms[end].lowercased()) {
                    cells.append(variant.text + " " + atoms[end])
                    visit(end + 1, merges + variant.merges, free)
                } else {
                    cells.append(variant.text)
                    visit(end, merges + variant.merges, free)
                }
                cells.removeLast()
            }
        }
        visit(0, 0, [])
        return results
    }

    /// How far apart the magnitudes of the numbers in `cells` are (powers of ten).
    static func spread(_ cells: [String]) -> Double {
        var low = Double.infinity
        var high = -Double.infinity
        for cell in cells {
            guard let value = magnitude(cell), value > 0 else { continue }
            let l = log10(value)
            low = min(low, l)
            high = max(high, l)
        }
        return high >= low ? high - low : 0
    }

    /// `≤105 000` → 105000; `2,7 %` → 2.7; `index 80` → 80; text → nil.
    static func magnitude(_ cell: String) -> Double? {
        var digits = ""
        var seen = false
        for character in cell {
            if character.isASCII && character.isNumber {
                digits.append(character)
                seen = true
            } else if character == ",", seen {
                digits.append(".")
            } else if character == " " || "≥≤<>=+-−%".contains(character) || character.isLetter {
                continue
            } else {
                return nil
            }
        }
        return seen ? Double(digits).map(abs) : nil
    }

    /// The cells of `text` (the part of a line after the name) when it reads as exactly `count`
    /// cells with free-text cells only after the first `valueCount` (the years' values);
    /// `ambiguous` when another reading fits as well.
    static func read(_ text: String, count: Int, valueCount: Int = 0) -> (cells: [String], ambiguous: Bool, merged: Bool, freeText: Bool)? {
        read(atoms: text.spaceSeparated[...], count: count, valueCount: valueCount)
    }

    /// `read` on the text's space-separated atoms (empty atoms where spaces are doubled).
    static func read(atoms text: ArraySlice<String>, count: Int, valueCount: Int = 0) -> (cells: [String], ambiguous: Bool, merged: Bool, freeText: Bool)? {
        var body = text
        // The line's one trailing space.
        if body.count > 1, body.last == "" { body.removeLast() }
        var candidates: [ArraySlice<String>] = [body]
        // A leading space may be a blank cell or a stray space of the layout.
        var stripped = body
        while stripped.count > 1, stripped.first == "" {
            stripped.removeFirst()
            candidates.append(stripped)
        }
        for candidate in candidates {
            let fits = readings(Array(candidate), maxCells: count).filter { reading in
                reading.cells.count == count && reading.freeText.allSatisfy { $0 >= valueCount }
            }
            guard !fits.isEmpty else { continue }
            // Like-sized numbers first (within a factor of about three), then fewest merges.
            let scored = fits.map { (reading: $0, spread: (spread($0.cells) * 2).rounded()) }
            guard let best = scored.min(by: { ($0.spread, $0.reading.merges) < ($1.spread, $1.reading.merges) }) else { continue }
            let ties = scored.filter { $0.spread == best.spread && $0.reading.merges == best.reading.merges && $0.reading.cells != best.reading.cells }
            return (best.reading.cells, !ties.isEmpty, best.reading.merges > 0, !best.reading.freeText.isEmpty)
        }
        return nil
    }
}

// MARK: - Cells placed by kind (spacing lost)

extension IndicatorCells {
    enum Kind { case value, target }

    /// A target: a comparator expression (`>73`, `≤2 500`), a signed change (`+5,5 km`), a
    /// symbolic word (`Länssnitt`, `Öka`), a ranking (`Topp tre i länet`, `Plats 13 i länet`) or
    /// other capitalised words. A value: a number, percentage, `index 80` or a dash.
    static func kind(_ cell: String) -> Kind {
        if !comparatorPrefix(cell).isEmpty || cell.hasPrefix("+") { return .target }
        if cell.first?.isLetter ?? false, !cell.lowercased().hasPrefix("index") { return .target }
        return .value
    }

    struct Placement {
        /// One cell per column: the years' values, etappmål, målvärde.
        var cells: [String]
        /// Fewer values than years were printed: the values are placed from the earliest year.
        var valuesGuessed: Bool
        /// One target was printed: it is placed as målvärde.
        var targetGuessed: Bool
        /// The cells as printed, without blanks.
        var printed: [String]
    }

    /// Places the cells of a line whose blank cells are not marked by spaces (`pdftotext`
    /// without `-layout` collapses runs of spaces) into `years` value columns and the two target
    /// columns, by what the cells are. Printed values come first, then targets (a target before
    /// a value: nil). A target in free words (`Högre än länssnittet`) is not accepted here: without
    /// spaces it cannot be told from a name's continuation line. Values fill the years from the earliest; plain numbers beyond the years
    /// are targets, and so is a plain number printed last after a comparator target (`≥95 % 100 %`).
    /// Two targets are etappmål and målvärde; one target alone is the målvärde.
    static func placeByKind(atoms text: ArraySlice<String>, years: Int) -> Placement? {
        let atoms = text.filter { !$0.isEmpty }
        guard !atoms.isEmpty, years > 0 else { return nil }
        var best: (reading: Reading, spread: Double, placement: Placement)?
        for reading in readings(atoms, maxCells: years + 2) where !reading.cells.isEmpty && reading.freeText.isEmpty {
            var kinds = reading.cells.map(kind)
            let firstTarget = kinds.firstIndex(of: .target) ?? kinds.count
            // A plain number right after a comparator target is the målvärde (`≥95 % 100 %`),
            // unless it may be a thousands group of that target (`≥440 000`).
            if firstTarget == kinds.count - 2, kinds.last == .value, let last = reading.cells.last,
               !(last.count == 3 && last.allSatisfy(\.isNumber) && reading.cells[firstTarget].last?.isNumber == true) {
                kinds[kinds.count - 1] = .target
            }
            guard kinds[firstTarget...].allSatisfy({ $0 == .target }) else { continue }
            let valueCount = min(firstTarget, years)
            let values = Array(reading.cells.prefix(valueCount))
            let targets = Array(reading.cells.dropFirst(valueCount))
            guard targets.count <= 2 else { continue }
            let cells = values + Array(repeating: "", count: years - valueCount)
                + (targets.count == 2 ? targets : ["", targets.first ?? ""])
            let placement = Placement(cells: cells, valuesGuessed: valueCount > 0 && valueCount < years,
                                      targetGuessed: targets.count == 1, printed: reading.cells)
            let spread = (spread(reading.cells) * 2).rounded()
            if let current = best, (current.spread, current.reading.merges) <= (spread, reading.merges) { continue }
            best = (reading, spread, placement)
        }
        return best?.placement
    }
}
