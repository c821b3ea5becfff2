import Foundation

/// A number as Swedish reports print it: optional sign ("-" or "−"), digits grouped by single
/// spaces (also no-break or narrow no-break spaces), an optional decimal comma.
/// `"46 166"`, `"-8 025"`, `"-91,7"`, `"0,0"`. The printed precision is kept for the audit.
public struct PrintedNumber: Sendable, Equatable, CustomStringConvertible {
    /// The exact value of the printed digits.
    public let value: Decimal
    /// Digits after the decimal comma: 0 for "46 166", 1 for "-91,7".
    public let fractionDigits: Int
    /// The text as given.
    public let text: String

    /// Parses printed text; `nil` when it is not a number in this form.
    public init?(_ text: String) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if let first = body.first, first == "-" || first == "\u{2212}" || first == "+" {
            negative = first != "+"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(omittingEmptySubsequences: false, whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" })
        // Digits grouped by single spaces: the first group 1–3 digits when there are several,
        // every later group exactly 3.
        for (index, group) in groups.enumerated() {
            guard !group.isEmpty, group.allSatisfy(\.isASCIIDigit) else { return nil }
            if groups.count > 1 && (index == 0 ? group.count > 3 : group.count != 3) { return nil }
        }
        var digits = groups.joined()
        var fraction = 0
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = parts[1].count
            digits += "." + parts[1]
        }
        guard let magnitude = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.value = negative ? -magnitude : magnitude
        self.fractionDigits = fraction
        self.text = text
    }

    /// The value as a Double, for display and JSON export.
    public var doubleValue: Double { NSDecimalNumber(decimal: value).doubleValue }

    /// One unit in the last printed digit: 1 for "46 166", 0.1 for "-91,7".
    public var unitInLastPlace: Decimal { Decimal(sign: .plus, exponent: -fractionDigits, significand: 1) }

    public var description: String { text }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// Formats numbers the way the report prints them: space-grouped thousands, decimal comma.
public enum SwedishNumberFormat {
    /// `format(-15997, fractionDigits: 0)` → "-15 997"; `format(0.1, fractionDigits: 1)` → "0,1".
    public static func format(_ value: Decimal, fractionDigits: Int) -> String {
        var rounded = Decimal()
        var input = value
        NSDecimalRound(&rounded, &input, fractionDigits, .plain)
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        let plain = NSDecimalNumber(decimal: magnitude).stringValue
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        var fractionPart = parts.count > 1 ? String(parts[1]) : ""
        while fractionPart.count < fractionDigits { fractionPart.append("0") }
        var grouped = ""
        for (index, character) in integerPart.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(" ") }
            grouped.append(character)
        }
        var result = String(grouped.reversed())
        if fractionDigits > 0 { result += "," + fractionPart }
        let isZero = magnitude == 0
        return (negative && !isZero ? "-" : "") + result
    }

    /// Formats a Double with the given number of decimals.
    public static func format(_ value: Double, fractionDigits: Int) -> String {
        format(Decimal(value), fractionDigits: fractionDigits)
    }
}
