import Foundation

/// Reads the cells of an indicator row as `pdftotext` prints them: cells joined by single
/// spaces, so a blank cell shows as a doubled space (`73 77  >73 Topp tre i länet`: 2021 is
/// blank), and the line ends with one trailing space.
enum IndicatorCells {
    /// Units that follow a number in a cell (`2,7 %`, `+5,5 km`).
    static let unitWords: Set<String> = ["%", "km", "kr", "st", "tkr", "mnkr", "m", "ton", "kwh"]

    /// `2,7`, `≥2`, `>80`, `<7,9`, `+5,5`, `-3`, `0,845`, `>=2`.
    static func isNumberAtom(_ atom: String) -> Bool {
        atom.matches("^(≥|≤|>=|<=|>|<)?[+−-]?[0-9]+(,[0-9]+)?$")
    }

    static func isComparator(_ atom: String) -> Bool { ["≥", "≤", ">", "<", ">=", "<="].contains(atom) }

    /// Every way to read `atoms` as cells; each reading with the number of thousands groups it
    /// merged (`18 500` read as one number).
    static func readings(_ atoms: [String], limit: Int = 64) -> [(cells: [String], merges: Int)] {
        var results: [(cells: [String], merges: Int)] = []
        func visit(_ index: Int, _ cells: [String], _ merges: Int) {
            guard results.count < limit else { return }
            if index == atoms.count {
                results.append((cells, merges))
                return
            }
            let atom = atoms[index]
            func next(_ count: Int, _ cell: String, merges extra: Int = 0) {
                visit(index + count, cells + [cell], merges + extra)
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
            if ["länssnitt", "länssnittet", "rikssnitt", "rikssnittet"].contains(lower) {
                next(1, atom)
                return
            }
            if (lower == "topp" || lower == "plats"), index + 3 < atoms.count, atoms[index + 2].lowercased() == "i",
               ["länet", "riket"].contains(atoms[index + 3].lowercased()), !atoms[index + 1].isEmpty {
                next(4, atoms[index ... index + 3].joined(separator: " "))
                return
            }
            var atom0 = atom
            var consumed = 1
            if isComparator(atom), index + 1 < atoms.count, isNumberAtom(atoms[index + 1]) {
                atom0 = atom + " " + atoms[index + 1]
                consumed = 2
            } else if !isNumberAtom(atom) {
                return
            }
            // A plain group of 1–3 digits followed by a group of exactly 3: maybe one number.
            var variants: [(text: String, count: Int, merges: Int)] = [(atom0, consumed, 0)]
            if consumed == 1, atom.matches("^[+−-]?[1-9][0-9]{0,2}$") {
                var text = atom
                var k = index + 1
                var merged = 0
                while k < atoms.count, atoms[k].matches("^[0-9]{3}(,[0-9]+)?$") {
                    text += " " + atoms[k]
                    merged += 1
                    k += 1
                    variants.append((text, k - index, merged))
                    if atoms[k - 1].contains(",") { break }
                }
            }
            for variant in variants {
                let end = index + variant.count
                if end < atoms.count, unitWords.contains(atoms[end].lowercased()) {
                    visit(end + 1, cells + [variant.text + " " + atoms[end]], merges + variant.merges)
                } else {
                    visit(end, cells + [variant.text], merges + variant.merges)
                }
            }
        }
        visit(0, [], 0)
        return results
    }

    /// The cells of `text` (the part of a line after the name) when it reads as exactly `count`
    /// cells; `ambiguous` when more than one reading with the fewest merges fits.
    static func read(_ text: String, count: Int) -> (cells: [String], ambiguous: Bool, merged: Bool)? {
        var body = text
        if body.hasSuffix(" ") { body.removeLast() }
        var candidates: [String] = [body]
        // A leading space may be a blank cell or a stray space of the layout.
        var stripped = body
        while stripped.hasPrefix(" ") {
            stripped.removeFirst()
            candidates.append(stripped)
        }
        for candidate in candidates {
            let fits = readings(candidate.spaceSeparated).filter { $0.cells.count == count }
            guard let fewest = fits.map(\.merges).min() else { continue }
            let best = fits.filter { $0.merges == fewest }
            return (best[0].cells, best.count > 1, fewest > 0)
        }
        return nil
    }
}
