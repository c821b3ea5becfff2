import ReportCore

/// Makes text from report data safe and measurable before it reaches a grid or terminal.
///
/// Policy (applied by `sanitize`, which `Grid.put` always calls):
/// - Tab, CR, LF, VT, FF, NEL (U+0085) and U+2028/U+2029 become one space each (CR LF → one space);
///   `wrap` treats LF as a paragraph break before that happens.
/// - Every other C0 control, DEL and C1 control (U+0080–U+009F) becomes `replacement` (U+FFFD "�").
///   So an ESC sequence like `ESC [31m` shows up as `�[31m`: visible, and inert.
/// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) also become
///   `replacement`, so they can neither reorder the line nor hide.
/// - Invisible marks that only disturb alignment are removed: LRM/RLM/ALM (U+200E, U+200F, U+061C),
///   zero width space U+200B, word joiner and invisible operators U+2060–U+2064, deprecated
///   format controls U+206A–U+206F, BOM U+FEFF, soft hyphen U+00AD, U+180E and U+FFF9–U+FFFB.
/// - ZWJ/ZWNJ stay: they join emoji and scripts, and measure as zero width inside a grapheme.
public enum TextSanitizer {
    /// What a dangerous control character is replaced with.
    public static let replacement = Character(TerminalText.replacement)

    /// Returns `text` with the policy above applied; never contains a control scalar.
    ///
    /// The per-character policy is `TerminalText.disposition(of:)` in the core, shared with the
    /// command line's text output; here every line break becomes a space as well.
    public static func sanitize(_ text: some StringProtocol) -> String {
        TerminalText.oneLine(text)
    }

    /// True when every byte is printable ASCII (the common case that needs no work).
    static func isPlainASCII(_ text: some StringProtocol) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }

    // MARK: - Truncate and fit

    /// Sanitizes and shortens `text` to at most `width` columns, ending in "…" when cut.
    ///
    /// Never splits a grapheme; a wide character that would straddle the limit is dropped.
    public static func truncate(_ text: some StringProtocol, width: Int) -> String {
        guard width > 0 else { return "" }
        let clean = sanitize(text)
        if DisplayWidth.of(clean) <= width { return clean }
        var result = ""
        var used = 0
        for character in clean {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        result.append("…")
        return result
    }

    /// Splits a trailing parenthesised label off `text`: "Socialnämnden (genererad testdata)" gives
    /// ("Socialnämnden", "(genererad testdata)"); nil when `text` does not end in one.
    static func trailingLabel(_ text: String) -> (body: String, label: String)? {
        guard text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else { return nil }
        let body = String(text[..<open.lowerBound])
        let label = String(text[text.index(after: open.lowerBound)...]) // "(…)"
        let inside = label.dropFirst().dropLast()
        guard !body.isEmpty, !inside.contains("("), !inside.contains(")") else { return nil }
        return (body, label)
    }

    /// Shortens `text` to at most `width` columns keeping a trailing parenthesised label visible
    /// (the "(genererad testdata)" of a generated report, so it is labelled wherever it is seen).
    /// The text before the label is cut first, down to a few columns that still tell names apart
    /// ("Soc… (genererad testdata)"); then the label is cut too ("Soc… (genererad…"); where not
    /// even that fits, the label alone is shown, cut ("(genere…").
    public static func truncateKeepingLabel(_ text: some StringProtocol, width: Int) -> String {
        guard width > 0 else { return "" }
        let clean = sanitize(text)
        guard DisplayWidth.of(clean) > width, let (body, label) = trailingLabel(clean) else { return truncate(clean, width: width) }
        let keep = min(DisplayWidth.of(body), minimumBody)
        let room = width - DisplayWidth.of(label) - 1
        if room >= keep { return truncate(body, width: room) + " " + label }
        if width - keep - 1 >= minimumLabel { return truncate(body, width: keep) + " " + truncate(label, width: width - keep - 1) }
        return truncate(label, width: width)
    }

    /// Columns of a name kept before its label when both are cut ("Soc…").
    static let minimumBody = 4
    /// Columns of a cut label kept beside a cut name ("(genere…").
    static let minimumLabel = 8

    /// Shortens two texts to share `width` columns fairly: one that needs less than half keeps
    /// all of it and the other gets the rest; otherwise each gets half.
    static func share(_ first: String, _ second: String, width: Int) -> (String, String) {
        let a = DisplayWidth.of(first), b = DisplayWidth.of(second)
        guard a + b > width else { return (first, second) }
        let half = max(0, width / 2)
        if a <= half { return (first, truncate(second, width: width - a)) }
        if b <= width - half { return (truncate(first, width: width - b), second) }
        return (truncate(first, width: half), truncate(second, width: width - half))
    }

    /// Sanitizes, truncates and pads `text` to exactly `width` columns (for table cells).
    public static func fit(_ text: some StringProtocol, width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, width: width)
        let free = width - DisplayWidth.of(cut)
        guard free > 0 else { return cut }
        switch alignment {
        case .left:
            return cut + String(repeating: " ", count: free)
        case .right:
            return String(repeating: " ", count: free) + cut
        case .center:
            let left = free / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: free - left)
        }
    }

    // MARK: - Wrap

    /// Word-wraps `text` into lines of at most `width` columns, measured per grapheme.
    ///
    /// LF (and CR LF) separate paragraphs and are kept as line breaks; an empty paragraph gives an
    /// empty line. Runs of spaces between words collapse to one, leading indentation is dropped.
    /// A word longer than `width` is broken between graphemes. Each line is sanitized.
    /// Returns `[]` when `width <= 0`.
    public static func wrap(_ text: some StringProtocol, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        let normalized = String(text).replacingCRLF()
        for paragraph in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(sanitize(paragraph), width: width, into: &lines)
        }
        return lines
    }

    /// Second bytes of the two-byte scalars U+00C0–U+00FF, and third bytes of U+2000–U+203F
    /// (E2 80 xx), that are kept as they are, one column wide and never joined into a longer
    /// character: text made only of these (and printable ASCII) has one column per scalar.
    private static let simpleLatin1: [Bool] = (0x80...0xBF).map { isSimple(Unicode.Scalar(UInt32(0xC0 + $0 - 0x80))!) }
    private static let simplePunctuation: [Bool] = (0x80...0xBF).map { isSimple(Unicode.Scalar(UInt32(0x2000 + $0 - 0x80))!) }

    private static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        // Joiners and marks that could extend a character are excluded by their width (0).
        TerminalText.disposition(of: scalar) == .keep && DisplayWidth.of(scalar) == 1 && DisplayWidth.of(Character(scalar)) == 1
    }

    /// Columns of UTF-8 made only of printable ASCII and the simple scalars above (one per
    /// scalar); nil for any other text.
    static func simpleColumns(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let latin1 = simpleLatin1, punctuation = simplePunctuation
        let n = bytes.count
        var columns = 0
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                guard b >= 0x20 && b < 0x7F else { return nil }
                i += 1
            } else if b == 0xC3, i + 1 < n, bytes[i + 1] & 0xC0 == 0x80, latin1[Int(bytes[i + 1] - 0x80)] {
                i += 2
            } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] & 0xC0 == 0x80, punctuation[Int(bytes[i + 2] - 0x80)] {
                i += 3
            } else {
                return nil
            }
            columns += 1
        }
        return columns
    }

    private static func wrapParagraph(_ paragraph: String, width: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        let linesBefore = lines.count
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
        if words.isEmpty {
            lines.append("")
            return
        }
        for word in words {
            let wordWidth = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " "
                line += word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if wordWidth <= width {
                line = String(word)
                lineWidth = wordWidth
                continue
            }
            // Hard-break an over-long word between graphemes.
            for character in word {
                let w = DisplayWidth.of(character)
                if w > width { continue } // a wide grapheme in a 1-column wrap cannot be shown
                if lineWidth + w > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += w
            }
        }
        if lineWidth > 0 || lines.count == linesBefore { lines.append(line) }
    }
}

/// Horizontal placement of text inside a column.
public enum Alignment: Sendable, Hashable {
    /// Flush left, padded on the right.
    case left
    /// Flush right, padded on the left (numbers).
    case right
    /// Centred; an odd leftover column goes to the right.
    case center
}

extension String {
    /// "\r\n" is a single grapheme in Swift; turn it into "\n" so splitting on "\n" sees it.
    fileprivate func replacingCRLF() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.append(scalar)
        }
        return String(result)
    }
}
