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
        switch Self.parseASCII(text) {
        case .number(let value, let fractionDigits):
            self.value = value
            self.fractionDigits = fractionDigits
            self.text = text
            return
        case .notANumber:
            return nil
        case .needsGeneralParse:
            break
        }
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

    private enum ASCIIParse {
        case number(Decimal, fractionDigits: Int)
        case notANumber
        /// Not plain ASCII without surrounding whitespace, or too many digits for `UInt64`.
        case needsGeneralParse
    }

    /// The common case without Foundation: ASCII text with no surrounding whitespace and at most
    /// 18 digits, read in one pass over its UTF-8 bytes. It accepts exactly what the general
    /// parse accepts for such text (the audit parses every cell several times, so the general
    /// path's trimming and `Decimal(string:)` dominated its profile).
    private static func parseASCII(_ text: String) -> ASCIIParse {
        var text = text
        return text.withUTF8 { parseASCII(bytes: $0) }
    }

    private static func parseASCII(bytes: UnsafeBufferPointer<UInt8>) -> ASCIIParse {
        let space: UInt8 = 0x20, comma: UInt8 = 0x2C, zero: UInt8 = 0x30, nine: UInt8 = 0x39
        guard let first = bytes.first, let last = bytes.last else { return .notANumber }
        // Leading or trailing whitespace, and anything non-ASCII, take the general path.
        if first == space || first == 0x09 || last == space || last == 0x09 || first >= 0x80 || last >= 0x80 { return .needsGeneralParse }
        var i = 0
        var negative = false
        if first == 0x2D || first == 0x2B { // "-" or "+"
            negative = first == 0x2D
            i = 1
        }
        var significand: UInt64 = 0
        var digitCount = 0
        var groupLength = 0
        var groupCount = 1
        var firstGroupLength = 0
        var fractionDigits = 0
        var inFraction = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 0x80 { return .needsGeneralParse }
            if byte >= zero && byte <= nine {
                digitCount += 1
                if digitCount > 18 { return .needsGeneralParse }
                significand = significand &* 10 &+ UInt64(byte &- zero)
                if inFraction { fractionDigits += 1 } else { groupLength += 1 }
            } else if byte == space && !inFraction {
                // A group separator: the group before it must not be empty; later groups have 3 digits.
                if groupLength == 0 { return .notANumber }
                if groupCount == 1 { firstGroupLength = groupLength } else if groupLength != 3 { return .notANumber }
                groupCount += 1
                groupLength = 0
            } else if byte == comma && !inFraction {
                inFraction = true
            } else {
                return .notANumber
            }
            i += 1
        }
        if groupLength == 0 { return .notANumber } // empty integer part or group
        if groupCount > 1 && (firstGroupLength > 3 || groupLength != 3) { return .notANumber }
        if inFraction && fractionDigits == 0 { return .notANumber }
        let magnitude = Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(significand))
        return .number(negative ? -magnitude : magnitude, fractionDigits: fractionDigits)
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
