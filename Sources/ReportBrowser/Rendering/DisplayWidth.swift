/// Display width in terminal columns, computed from Unicode properties in pure Swift.
///
/// Rules (chosen to agree with glibc's `wcwidth` in a UTF-8 locale, which is what ncurses and
/// most terminals use):
/// - a grapheme takes the width of its first scalar: 0, 1 or 2;
/// - East Asian Wide/Fullwidth scalars and emoji with default emoji presentation are 2;
/// - a text-default emoji followed by U+FE0F (emoji presentation selector) is 2,
///   followed by U+FE0E it stays 1; a pair of regional indicators (a flag) is 2;
/// - combining marks, format characters and other zero-width scalars are 0, so a grapheme made
///   only of them (a stray accent at the start of a string) is 0 wide and is skipped by `Grid`;
/// - ambiguous-width characters (`…`, `─`, `●`) count as 1, as in non-CJK locales.
///
/// Control characters are never measured here: `TextSanitizer` removes them first.
public enum DisplayWidth {
    /// Width in columns of one grapheme cluster (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        // Fast path: the vast majority of cells are ASCII or Latin-1 letters.
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii != 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = of(first)
        if scalars.count == 1 { return base }
        if base == 0 { return 0 }
        var iterator = scalars.makeIterator()
        _ = iterator.next()
        while let next = iterator.next() {
            switch next.value {
            case 0xFE0F where first.properties.isEmoji:
                return 2
            case 0xFE0E:
                return 1
            case 0x1F1E6...0x1F1FF where isRegionalIndicator(first):
                return 2
            default:
                continue
            }
        }
        return base
    }

    /// Width in columns of a whole string (sum over its graphemes). Does not sanitize.
    public static func of(_ text: some StringProtocol) -> Int {
        // Fast path: printable ASCII, Latin-1 letters and general punctuation, one column each.
        if let simple = text.utf8.withContiguousStorageIfAvailable({ TextSanitizer.simpleColumns($0) }), let columns = simple {
            return columns
        }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Width in columns of a single scalar (0, 1 or 2), ignoring what follows it.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }           // DEL and C1 controls
        if value < 0x300 { return value == 0xAD ? 0 : 1 } // Latin-1 and friends, soft hyphen
        if isZeroWidth(scalar) { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    // MARK: - Tables

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Hangul medial vowels and final consonants combine with the preceding syllable.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        if value == 0x200B { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, except emoji (handled via
    /// `isEmojiPresentation`, which Unicode keeps in step with EAW=W for pictographs).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation, ideographic space
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compat
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x17000...0x18CFF, // Tangut
        0x1AFF0...0x1B2FF, // Kana supplement/extended, Nushu
        0x1F200...0x1F202, // enclosed ideographic supplement
        0x1F210...0x1F23B,
        0x1F240...0x1F248,
        0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x20000...0x2FFFD, // CJK extensions B-F
        0x30000...0x3FFFD, // CJK extension G+
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        // Ranges are sorted and few; a linear scan stops early for common text.
        for range in wideRanges {
            if value < range.lowerBound { return false }
            if value <= range.upperBound { return true }
        }
        return false
    }
}
