import Foundation
import ReportCore

/// Splits a flattened row of printed numbers into cells.
///
/// `pdftotext` joins the cells of a table row with single spaces, and Swedish reports group
/// thousands with a space too, so `228 625 236 650 -8 025` has many readings. A reading is a
/// split of the space-separated tokens into numbers where a number is an optional sign, a first
/// group of 1–3 digits (no leading zero when more groups follow) and further groups of exactly
/// 3 digits, the decimal comma only in the last group. A doubled space always separates cells.
enum NumberRow {
    struct Token {
        var text: String
        /// Printed after two or more spaces.
        var hardBreakBefore: Bool
        /// The text of the line before this token, as printed (spacing kept).
        var before: String
    }

    static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var hard = false
        var before = ""
        let trimmed = text.trimmedWhitespace
        for (index, piece) in trimmed.components(separatedBy: " ").enumerated() {
            if index > 0 { before += " " }
            if piece.isEmpty {
                hard = true
                continue
            }
            result.append(Token(text: piece, hardBreakBefore: hard, before: before))
            before += piece
            hard = false
        }
        return result
    }

    /// How far apart the magnitudes of a row's numbers are (in powers of ten): rows of money
    /// tables hold figures of similar size, so a split into like-sized numbers is the plausible one.
    static func magnitudeSpread(_ cells: [String]) -> Double {
        let logs = cells.compactMap { quickNumber($0) }.map { abs($0.value) }.filter { $0 > 0 }.map { log10($0) }
        guard let low = logs.min(), let high = logs.max() else { return 0 }
        return high - low
    }

    /// `^[-−]?[0-9]+(,[0-9]+)?$`
    static func isNumberToken(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "−" { scalars = scalars.dropFirst() }
        var digits = 0
        var comma = false
        var decimals = 0
        for scalar in scalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                if comma { decimals += 1 } else { digits += 1 }
            } else if scalar == ",", !comma, digits > 0 {
                comma = true
            } else {
                return false
            }
        }
        return digits > 0 && (!comma || decimals > 0)
    }

    /// The digits of a number token without its sign and decimals (`-8 025` → `8`).
    private static func integerDigits(_ text: String) -> Substring {
        var body = Substring(text)
        if body.hasPrefix("-") || body.hasPrefix("−") { body = body.dropFirst() }
        if let comma = body.firstIndex(of: ",") { body = body[..<comma] }
        return body
    }

    /// `^[-−]?0[0-9]`: a leading zero followed by a digit.
    static func hasLeadingZero(_ text: String) -> Bool {
        let digits = integerDigits(text)
        return digits.count >= 2 && digits.first == "0"
    }

    /// `^[-−]?[1-9][0-9]{0,2}$`: a first group that grouped thousands may follow.
    static func isLeadingGroup(_ text: String) -> Bool {
        guard !text.contains(",") else { return false }
        let digits = integerDigits(text)
        return (1 ... 3).contains(digits.count) && digits.first != "0"
    }

    /// `^[0-9]{3}(,[0-9]+)?$`: a thousands group, the last one may carry decimals.
    static func isThousandsGroup(_ text: String) -> Bool {
        guard isNumberToken(text), !text.hasPrefix("-"), !text.hasPrefix("−") else { return false }
        return integerDigits(text).count == 3
    }

    /// Every split of `tokens` into exactly `count` numbers (at most `limit`), longest first
    /// numbers first.
    static func splits(_ tokens: [Token], count: Int, limit: Int = 2000) -> [[String]] {
        var results: [[String]] = []
        let isNumber = tokens.map { isNumberToken($0.text) }
        let leadingZero = tokens.map { hasLeadingZero($0.text) }
        let leadingGroup = tokens.map { isLeadingGroup($0.text) }
        let thousandsGroup = tokens.map { isThousandsGroup($0.text) }
        // The text of the cell made of tokens index..<end, joined once.
        var cellTexts: [Int: String] = [:]
        func cellText(_ index: Int, _ end: Int) -> String {
            let key = index &* 4096 &+ end
            if let text = cellTexts[key] { return text }
            let text = tokens[index ..< end].map(\.text).joined(separator: " ")
            cellTexts[key] = text
            return text
        }
        var cells: [String] = []
        cells.reserveCapacity(count)
        func visit(_ index: Int) {
            guard results.count < limit else { return }
            if index == tokens.count {
                if cells.count == count { results.append(cells) }
                return
            }
            guard cells.count < count else { return }
            // The remaining tokens must make the remaining cells: each cell takes at least one.
            let remainingCells = count - cells.count
            guard tokens.count - index >= remainingCells else { return }
            // No leading zeros: `047` is the tail of a grouped number, never a number of its own.
            guard isNumber[index], !leadingZero[index] else { return }
            var ends = [index + 1]
            if leadingGroup[index] {
                var k = index + 1
                while k < tokens.count, !tokens[k].hardBreakBefore, thousandsGroup[k] {
                    k += 1
                    ends.append(k)
                    if tokens[k - 1].text.utf8.contains(0x2C) { break }
                }
            }
            for end in ends.reversed() {
                cells.append(cellText(index, end))
                visit(end)
                cells.removeLast()
            }
        }
        visit(0)
        return results
    }

    /// How many of the row's deviation cells agree with its budget and forecast/actual, for the
    /// row kind's sign convention (either sign when the kind is not known).
    static func deviationAgreement(_ cells: [String], columns: [TableColumn], kind: RowKind?) -> (agree: Int, checks: Int) {
        var agree = 0
        var checks = 0
        for (d, column) in columns.enumerated() where column.role == .deviation {
            let scoped = columns.indices.filter { columns[$0].scope == column.scope }
            guard let b = scoped.first(where: { columns[$0].role == .budget }),
                  let c = scoped.first(where: { columns[$0].role == .forecast }) ?? scoped.first(where: { columns[$0].role == .actual }),
                  d < cells.count, b < cells.count, c < cells.count,
                  let deviation = quickNumber(cells[d]), let budget = quickNumber(cells[b]), let compared = quickNumber(cells[c])
            else { continue }
            checks += 1
            let unit = max(deviation.ulp, budget.ulp, compared.ulp)
            let tolerance = unit * 1.5 + 1e-9 * max(1, abs(budget.value), abs(compared.value))
            let plus = compared.value - budget.value
            let signs: [Double]
            switch kind {
            case .income, .investment: signs = [1]
            case .cost, .result: signs = [-1]
            default: signs = [1, -1]
            }
            if signs.contains(where: { abs(deviation.value - $0 * plus) <= tolerance }) { agree += 1 }
        }
        return (agree, checks)
    }

    /// A printed number read fast for comparing splits (`-8 025` → -8025, unit 1; `3,8` → 3.8,
    /// unit 0.1): sign, digits in groups separated by single spaces, a decimal comma. The figures
    /// kept in the model stay as printed; this only ranks readings.
    static func quickNumber(_ cell: String) -> (value: Double, ulp: Double)? {
        var value = 0.0
        var ulp = 1.0
        var negative = false
        var digits = 0
        var decimals = -1
        for (index, byte) in cell.utf8.enumerated() {
            switch byte {
            case 0x30 ... 0x39:
                value = value * 10 + Double(byte - 0x30)
                digits += 1
                if decimals >= 0 { decimals += 1 }
            case 0x2C where decimals < 0 && digits > 0: decimals = 0
            case 0x20 where decimals < 0 && digits > 0: continue
            case 0x2D where index == 0: negative = true
            case 0xE2 where index == 0: negative = true // the first byte of U+2212 MINUS SIGN
            case 0x88, 0x92: guard negative, index <= 2 else { return nil }
            default: return nil
            }
        }
        guard digits > 0, decimals != 0 else { return nil }
        if decimals > 0 {
            ulp = pow(10, -Double(decimals))
            value *= ulp
        }
        return (negative ? -value : value, ulp)
    }
}
