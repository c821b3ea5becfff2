/// The one policy for text from report data on its way to a terminal: nothing in it may act as a
/// control sequence. The browser's grid and the command line's text output both apply it.
public enum TerminalText {
    /// What happens to one Unicode scalar.
    public enum Disposition: Sendable, Equatable {
        case keep
        /// Line-breaking and tab characters: shown as one space (or kept as a line break by
        /// callers that print several lines).
        case space
        /// C0 and C1 controls, DEL, ESC, bidi embeddings/overrides/isolates: shown as "�",
        /// visible and inert (an ESC sequence shows as "�[31m").
        case replace
        /// Invisible format characters that only disturb alignment: LRM/RLM/ALM, zero-width
        /// space, word joiner, invisible operators, BOM, soft hyphen.
        case drop
    }

    /// The visible stand-in for a dangerous control character.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The disposition of a scalar.
    @inline(__always)
    public static func disposition(of scalar: Unicode.Scalar) -> Disposition {
        switch scalar.value {
        case 0x20...0x7E: .keep
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: .space
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: .replace
        case 0xAD, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F, 0x2060...0x2064, 0x206A...0x206F, 0xFEFF, 0xFFF9...0xFFFB: .drop
        default: .keep
        }
    }

    /// Text made safe for one line of a terminal: every line break (CR LF counted once) and tab
    /// becomes a space, everything else follows `disposition(of:)`.
    public static func oneLine(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(text) }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            append(scalar, to: &result)
        }
        return String(result)
    }

    /// Multi-line text made safe for a terminal: line feeds stay (CR LF becomes LF), tabs become a
    /// space, everything else follows `disposition(of:)`.
    public static func safe(_ text: String) -> String {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" {
                if !previousWasCR { result.append("\n") }
                continue
            }
            if scalar == "\r" {
                result.append("\n")
                continue
            }
            append(scalar, to: &result)
        }
        return String(result)
    }

    /// Appends `scalar` as `disposition(of:)` says.
    @inline(__always)
    static func append(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView) {
        switch disposition(of: scalar) {
        case .keep: result.append(scalar)
        case .space: result.append(" ")
        case .replace: result.append(replacement)
        case .drop: break
        }
    }
}
