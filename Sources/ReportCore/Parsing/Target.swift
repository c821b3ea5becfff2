import Foundation

/// How a target compares a value with its number.
public enum Comparator: String, Sendable, Equatable, CaseIterable {
    /// "≥2", ">=2"
    case atLeast
    /// ">80"
    case greaterThan
    /// "<7,9 %"
    case lessThan
    /// "≤4", "<=4"
    case atMost
    /// A plain number such as "19,77" or "0 %": reached or passed in the desired direction.
    case plain

    /// The printed symbol.
    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .greaterThan: ">"
        case .lessThan: "<"
        case .atMost: "≤"
        case .plain: ""
        }
    }

    /// The direction the comparator implies, `nil` for a plain number.
    public var impliedDirection: Direction? {
        switch self {
        case .atLeast, .greaterThan: .higherIsBetter
        case .lessThan, .atMost: .lowerIsBetter
        case .plain: nil
        }
    }
}

/// A numeric target: comparator, number, unit.
public struct NumericTarget: Sendable, Equatable {
    public var comparator: Comparator
    public var number: PrintedNumber
    /// "%", "km", "index" … or `nil` when none is printed.
    public var unit: String?
    /// Printed with a leading "+": an increase of this much (e.g. "+5,5 km").
    public var isIncrease: Bool

    public init(comparator: Comparator, number: PrintedNumber, unit: String? = nil, isIncrease: Bool = false) {
        self.comparator = comparator
        self.number = number
        self.unit = unit
        self.isIncrease = isIncrease
    }
}

/// A target that names a comparison rather than a number.
public enum SymbolicTarget: Sendable, Equatable {
    /// "Länssnitt": the county average.
    case countyAverage
    /// "Topp tre i länet": among the best N in the county.
    case topInCounty(Int)
    /// "Plats 13 i länet": rank N or better in the county.
    case rankInCounty(Int)

    /// Swedish description for explanations.
    public var swedishDescription: String {
        switch self {
        case .countyAverage: "en jämförelse med länssnittet"
        case .topInCounty(let n): "en placering bland de \(n) bästa i länet"
        case .rankInCounty(let n): "placering \(n) i länet"
        }
    }
}

/// An etappmål or målvärde as parsed from its printed text.
public enum Target: Sendable, Equatable {
    /// Nothing printed.
    case none
    case numeric(NumericTarget)
    case symbolic(SymbolicTarget)
    /// Printed text that cannot be read as a target, with the reason.
    case unreadable(text: String, reason: String)

    /// Parses a printed target: `≥2`, `>80`, `<7,9 %`, `0 %`, `19,77`, `48`, `+5,5 km`,
    /// `index 80`, `Länssnitt`, `Topp tre i länet`, `Plats 13 i länet`, or blank.
    public init(parsing printed: String) {
        let text = printed.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            self = .none
            return
        }
        if let symbolic = Target.parseSymbolic(text) {
            self = .symbolic(symbolic)
            return
        }
        var rest = Substring(text)
        var comparator = Comparator.plain
        for (prefix, value) in [(">=", Comparator.atLeast), ("<=", .atMost), ("≥", .atLeast), ("≤", .atMost), (">", .greaterThan), ("<", .lessThan)]
        where rest.hasPrefix(prefix) {
            comparator = value
            rest = rest.dropFirst(prefix.count)
            break
        }
        rest = rest.drop(while: { $0 == " " })
        var isIncrease = false
        if rest.hasPrefix("+") {
            isIncrease = true
            rest = rest.dropFirst()
        }
        guard let quantity = Quantity(parsing: String(rest)) else {
            self = .unreadable(text: text, reason: "\"\(text)\" är varken ett tal med jämförelse eller ett känt mål (Länssnitt, Topp N i länet, Plats N i länet)")
            return
        }
        self = .numeric(NumericTarget(comparator: comparator, number: quantity.number, unit: quantity.unit, isIncrease: isIncrease))
    }

    private static func parseSymbolic(_ text: String) -> SymbolicTarget? {
        let lower = text.lowercased()
        if lower == "länssnitt" || lower == "länssnittet" { return .countyAverage }
        let words = lower.split(separator: " ").map(String.init)
        if words.count == 4, words[0] == "topp", words[2] == "i", words[3] == "länet", let n = countWord(words[1]) {
            return .topInCounty(n)
        }
        if words.count == 4, words[0] == "plats", words[2] == "i", words[3] == "länet", let n = Int(words[1]) {
            return .rankInCounty(n)
        }
        return nil
    }

    /// Small Swedish number words as printed in targets ("Topp tre i länet"), or digits.
    static func countWord(_ word: String) -> Int? {
        let words = ["en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10]
        return words[word] ?? Int(word)
    }
}

/// A number with an optional unit, as printed in a value or target cell:
/// `2,7 %`, `19,87`, `index 80`, `index78`, `5,5 km`, `0,845`.
public struct Quantity: Sendable, Equatable {
    public var number: PrintedNumber
    public var unit: String?

    public init(number: PrintedNumber, unit: String?) {
        self.number = number
        self.unit = unit
    }

    /// Parses a quantity; `nil` when the text is not one.
    public init?(parsing printed: String) {
        // Byte-level: this runs for every indicator cell of a report, several times.
        var bytes = Substring(printed).utf8[...]
        bytes = Self.trimmed(bytes)
        var unit: String?
        let index: [UInt8] = Array("index".utf8)
        if bytes.count >= index.count, zip(bytes.prefix(index.count), index).allSatisfy({ $0 | 0x20 == $1 }) {
            unit = "index"
            bytes = Self.trimmed(bytes.dropFirst(index.count))
        }
        for (suffix, name) in [("kilometer", "km"), ("km", "km"), ("%", "%")] where !bytes.isEmpty {
            let suffixBytes = Array(suffix.utf8)
            guard bytes.count >= suffixBytes.count, bytes.suffix(suffixBytes.count).elementsEqual(suffixBytes) else { continue }
            guard unit == nil else { return nil }
            unit = name
            bytes = Self.trimmed(bytes.dropLast(suffixBytes.count))
            break
        }
        guard let number = PrintedNumber(String(Substring(bytes))) else { return nil }
        self.number = number
        self.unit = unit
    }

    /// Without leading and trailing spaces, tabs and no-break spaces.
    static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        var result = bytes
        while let first = result.first, first == 0x20 || first == 0x09 { result = result.dropFirst() }
        while let last = result.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        // A no-break space (C2 A0) at either end.
        if result.starts(with: [0xC2, 0xA0]) { return trimmed(result.dropFirst(2)) }
        if result.count >= 2, result.suffix(2).elementsEqual([0xC2, 0xA0]) { return trimmed(result.dropLast(2)) }
        return result
    }

}

/// A printed indicator value cell.
public enum IndicatorValue: Sendable, Equatable {
    /// Nothing printed.
    case blank
    /// A dash: printed as "no value".
    case dash
    case quantity(Quantity)
    /// Something that is not a value, with the text.
    case unreadable(String)

    /// Reads a printed value cell.
    public init(parsing printed: String) {
        let bytes = Quantity.trimmed(Substring(printed).utf8[...])
        if bytes.isEmpty {
            self = .blank
        } else if bytes.elementsEqual("-".utf8) || bytes.elementsEqual("–".utf8) || bytes.elementsEqual("−".utf8) {
            self = .dash
        } else if let quantity = Quantity(parsing: printed) {
            self = .quantity(quantity)
        } else {
            self = .unreadable(String(Substring(bytes)))
        }
    }


    /// The quantity, when there is one.
    public var quantity: Quantity? {
        if case .quantity(let quantity) = self { return quantity }
        return nil
    }
}
