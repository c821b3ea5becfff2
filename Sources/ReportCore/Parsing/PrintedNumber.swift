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
        var digits = ""
        var negative = false
        var fraction = -1
        var previousWasGroupSpace = false
        var sawDigit = false
        for (offset, scalar) in text.trimmingCharacters(in: .whitespaces).unicodeScalars.enumerated() {
            switch scalar {
            case "-", "\u{2212}":
                guard offset == 0 else { return nil }
                negative = true
            case "+":
                guard offset == 0 else { return nil }
            case "0"..."9":
                digits.unicodeScalars.append(scalar)
                sawDigit = true
                previousWasGroupSpace = false
                if fraction >= 0 { fraction += 1 }
            case " ", "\u{00A0}", "\u{202F}":
                // A thousands separator: only between digits of the integer part, never doubled.
                guard sawDigit, fraction < 0, !previousWasGroupSpace else { return nil }
                previousWasGroupSpace = true
            case ",":
                guard sawDigit, fraction < 0, !previousWasGroupSpace else { return nil }
                fraction = 0
                digits.append(".")
            default:
                return nil
            }
        }
        guard sawDigit, !previousWasGroupSpace, fraction != 0 else { return nil }
        guard let magnitude = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.value = negative ? -magnitude : magnitude
        self.fractionDigits = max(fraction, 0)
        self.text = text
    }

    /// The value as a Double, for display and JSON export.
    public var doubleValue: Double { NSDecimalNumber(decimal: value).doubleValue }

    /// One unit in the last printed digit: 1 for "46 166", 0.1 for "-91,7".
    public var unitInLastPlace: Decimal { Decimal(sign: .plus, exponent: -fractionDigits, significand: 1) }

    public var description: String { text }
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
