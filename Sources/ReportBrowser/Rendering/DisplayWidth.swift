import Algorithms

/// Display width in terminal columns, from tables generated out of a pinned Unicode version
/// (`DisplayWidthTables`, written by `scripts/generate-display-width`).
///
/// Rules (chosen to agree with glibc's `wcwidth` in a UTF-8 locale, which is what ncurses and
/// most terminals use; `DisplayWidthTests` compares every assigned scalar):
/// - a grapheme takes the width of its first scalar: 0, 1 or 2;
/// - East Asian Wide/Fullwidth scalars (which include the emoji with default emoji
///   presentation) are 2;
/// - a text-default emoji followed by U+FE0F (emoji presentation selector) is 2,
///   followed by U+FE0E it stays 1; a pair of regional indicators (a flag) is 2;
/// - combining marks, format characters and other zero-width scalars are 0, so a grapheme made
///   only of them (a stray accent at the start of a string) is 0 wide and is skipped by `Grid`;
/// - ambiguous-width characters (`…`, `─`, `●`) count as 1, as in non-CJK locales;
/// - deliberate differences from glibc 2.36: the soft hyphen U+00AD is 0 (glibc: 1); U+3248–
///   U+324F and U+4DC0–U+4DFF follow Unicode 14 (1; glibc already makes them 2).
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
        if value == 0xAD { return 0 }          // soft hyphen: invisible unless a line breaks there
        if value < 0x300 { return 1 }          // Latin-1 and friends
        if contains(DisplayWidthTables.zeroWidth, value) { return 0 }
        if contains(DisplayWidthTables.wide, value) { return 2 }
        return 1
    }

    // MARK: - Tables

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Whether `value` lies in one of the sorted, disjoint `ranges`.
    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        let index = ranges.partitioningIndex { $0.upperBound >= value }
        return index < ranges.endIndex && ranges[index].lowerBound <= value
    }
}
