import Foundation
import ReportCore

/// A line of the source text with its 1-based number in the file.
struct Line: Sendable, Equatable {
    let number: Int
    /// The text without the line break (and without a CR of a CRLF).
    let text: String
    /// The text without leading and trailing whitespace (computed once: it is read often).
    let trimmed: String

    init(number: Int, text: String) {
        self.number = number
        self.text = text
        self.trimmed = text.trimmedWhitespace
    }

    /// Empty or whitespace only.
    var isBlank: Bool { trimmed.isEmpty }
    /// Whitespace only, but not empty: where `pdftotext` left an image or an empty table cell.
    var isWhitespaceOnly: Bool { !text.isEmpty && isBlank }
}

/// The text split into lines, with page furniture (`Kommunstyrelsen | 9`) taken out.
struct SourceText {
    /// All lines but the page furniture, in order.
    let lines: [Line]
    /// The labels of the removed page furniture (`Kommunstyrelsen`), in order.
    let furnitureLabels: [String]
    let lineCount: Int
    /// Fewer than one blank line to 20 lines of text, not counting the blank lines at page ends
    /// (next to page furniture): the blank lines were lost (`pdftotext` of a PDF whose paragraphs
    /// are separated by space alone), so structure that the template marks by blank lines must be
    /// read from other cues (README, "When blank lines are lost").
    let blankLinesAreLost: Bool

    init(_ text: String, log: DiagnosticLog) {
        var raw = text
        if raw.utf8.contains(0x0D) {
            raw = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if raw.hasPrefix("\u{FEFF}") { raw.removeFirst() }
        var parts = raw.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
        if parts.last == "" { parts.removeLast() }
        var lines: [Line] = []
        var labels: [String] = []
        var furnitureLines: [Int] = []
        var pageBreaks: [Int] = []
        for (index, original) in parts.enumerated() {
            // `pdftotext` ends every page with a form feed, which starts the next page's first
            // line: a page break, not a line of its own (line numbers stay those of an editor).
            var part = original
            if part.utf8.contains(0x0C) {
                part = part.replacingOccurrences(of: "\u{0C}", with: "")
                pageBreaks.append(index + 1)
            }
            if let label = Self.furnitureLabel(part) {
                labels.append(label)
                furnitureLines.append(index + 1)
                continue
            }
            lines.append(Line(number: index + 1, text: part))
        }
        if !furnitureLines.isEmpty {
            log.info(furnitureLines, "page furniture (\"\(labels[0]) | N\") removed")
        }
        if !pageBreaks.isEmpty {
            log.info(pageBreaks.count > 12 ? [] : pageBreaks, "\(pageBreaks.count) page break(s) (form feeds) read as page ends")
        }
        self.furnitureLabels = labels
        self.lineCount = parts.count
        // Blank lines next to page furniture are page ends, which even such text keeps.
        let pageEnds = Self.pageEndBlanks(lines)
        let blankCount = lines.indices.reduce(0) { $0 + (lines[$1].isBlank && !pageEnds.contains($1) ? 1 : 0) }
        let textCount = lines.reduce(0) { $0 + ($1.isBlank ? 0 : 1) }
        let lost = blankCount * 20 < textCount
        self.blankLinesAreLost = lost
        // In such text they carry nothing (a paragraph, an uppdrag, a control goes on across the
        // page): they are left out here, once, for every part of the importer.
        self.lines = lost ? lines.indices.filter { !pageEnds.contains($0) }.map { lines[$0] } : lines
    }

    /// The indices of the blank lines at page ends: each run of blank lines next to or around
    /// page furniture that was taken out (where line numbers are not consecutive).
    static func pageEndBlanks(_ lines: [Line]) -> Set<Int> {
        var result: Set<Int> = []
        var start = 0
        while start < lines.count {
            guard lines[start].isBlank else { start += 1; continue }
            var end = start
            while end + 1 < lines.count, lines[end + 1].isBlank { end += 1 }
            // A gap anywhere from the line before the run to the line after it (the furniture
            // may stand between two blank lines).
            let around = max(0, start - 1) ... min(lines.count - 1, end + 1)
            if around.dropFirst().contains(where: { lines[$0].number != lines[$0 - 1].number + 1 }) { result.formUnion(start ... end) }
            start = end + 1
        }
        return result
    }

    /// `Kommunstyrelsen | 9` → `Kommunstyrelsen`: a short label, a bar and a page number (or the
    /// page number first: `9 | Grundskolenämnden`).
    static func furnitureLabel(_ line: String) -> String? {
        guard line.utf8.contains(0x7C) else { return nil }
        let trimmed = line.trimmedWhitespace
        let pieces = trimmed.components(separatedBy: "|")
        guard pieces.count == 2 else { return nil }
        var label = pieces[0].trimmedWhitespace
        var page = pieces[1].trimmedWhitespace
        if !label.isEmpty, label.allSatisfy(\.isNumber) { swap(&label, &page) }
        guard !label.isEmpty, label.count <= 60, !page.isEmpty, page.allSatisfy(\.isNumber), page.count <= 3 else { return nil }
        guard !label.contains(where: \.isNumber) else { return nil }
        return label
    }
}

/// Text extracted with `pdftotext -layout` keeps the page's columns by padding with runs of
/// spaces; the importer reads the reading-order text `pdftotext` gives without `-layout`.
enum LayoutText {
    /// The one-line refusal.
    static let message = "this text was extracted with `pdftotext -layout` (its columns are aligned with runs of spaces); extract it again without -layout: `pdftotext FILE.pdf FILE.txt`"

    /// The first line number of a column-aligned text, or `nil`: at least 8 lines, and at least a
    /// tenth of the non-blank lines, have a run of four or more spaces between two words.
    static func firstAlignedLine(_ lines: [Line]) -> Int? {
        var aligned: [Int] = []
        var nonBlank = 0
        for line in lines {
            let utf8 = line.text.utf8
            var seenText = false
            var run = 0
            var found = false
            for byte in utf8 {
                if byte == 0x20 {
                    run += 1
                } else {
                    if seenText, run >= 4 { found = true; break }
                    seenText = true
                    run = 0
                }
            }
            if seenText { nonBlank += 1 }
            if found { aligned.append(line.number) }
        }
        guard aligned.count >= 8, aligned.count * 10 >= nonBlank, let first = aligned.first else { return nil }
        return first
    }
}

/// How printed lines become running text.
enum TextJoin {
    /// Joins lines into one text: trimmed, separated by a space, except after a line that ends
    /// with a hyphen right after a letter and no trailing space (`VR-` + `utbildning` →
    /// `VR-utbildning`), which `pdftotext` prints for a word hyphenated at the line end. A
    /// hyphen followed by a space (`planerings- `) is a Swedish compound ellipsis and keeps the
    /// space.
    static func join<S: Sequence>(_ lines: S) -> String where S.Element == Line {
        var out = ""
        var previous: String?
        for line in lines {
            let text = line.trimmed
            if text.isEmpty { continue }
            if let previous, !out.isEmpty {
                if previous.hasSuffix("-") && !previous.hasSuffix(" -") {
                    out += text
                } else {
                    out += " " + text
                }
            } else {
                out = text
            }
            previous = line.text
        }
        return out
    }

    /// Paragraphs split at blank (or whitespace-only) lines, and where a line that starts with a
    /// space follows a line that ends a sentence (a paragraph that begins on a new page).
    static func paragraphs(_ lines: [Line], blankLinesAreLost: Bool = false) -> [String] {
        let runs = blocks(lines, splitAtIndentedStart: true)
        return (blankLinesAreLost ? runs.flatMap(splitWithoutBlankLines) : runs).map { join($0) }
    }

    /// Runs of non-blank lines; with `splitAtIndentedStart`, a line that starts with a space
    /// after a line ending with `.` also starts a new run.
    static func blocks(_ lines: [Line], splitAtIndentedStart: Bool = false) -> [[Line]] {
        var result: [[Line]] = []
        var current: [Line] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { result.append(current); current = [] }
            } else {
                if splitAtIndentedStart, let last = current.last, line.text.hasPrefix(" "), last.trimmed.hasSuffix(".") {
                    result.append(current)
                    current = []
                }
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Paragraphs of a run of lines that lost its blank lines (README, "When blank lines are
    /// lost"): a paragraph ends at a line that ends a sentence (`.`, `!`, `?`, `:`) followed by a
    /// line starting with a capital letter, when the next line's first word would have fitted on
    /// it: its length plus a space and that word stays under 95 % of the run's longest line (the
    /// run's full width, measured in characters: the margin allows for a proportional font).
    /// The last line of a printed paragraph rarely reaches the right margin; a line of a running
    /// paragraph breaks only where the next word no longer fits.
    static func splitWithoutBlankLines(_ run: [Line]) -> [[Line]] {
        guard run.count > 1 else { return run.isEmpty ? [] : [run] }
        let fullWidth = run.map(\.trimmed.count).max() ?? 0
        var result: [[Line]] = []
        var current: [Line] = []
        for (position, line) in run.enumerated() {
            current.append(line)
            guard position + 1 < run.count else { break }
            if endsParagraph(line, before: run[position + 1], fullWidth: fullWidth) {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Whether `line` ends a paragraph before `next` (see `splitWithoutBlankLines`).
    static func endsParagraph(_ line: Line, before next: Line, fullWidth: Int) -> Bool {
        guard let last = line.trimmed.last, ".!?:".contains(last), next.trimmed.first?.isUppercase == true else { return false }
        let nextWord = next.trimmed.prefix { $0 != " " }.count
        return Double(line.trimmed.count + 1 + nextWord) < 0.95 * Double(fullWidth)
    }

    /// A comment in a narrow table cell: line breaks are soft; a new paragraph starts after a
    /// blank line or after a line that ends with `.` or `:`.
    static func cellParagraphs(_ lines: [Line]) -> [String] {
        var result: [String] = []
        var current: [Line] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { result.append(join(current)); current = [] }
                continue
            }
            current.append(line)
            let end = line.text.trimmedWhitespace
            if end.hasSuffix(".") || end.hasSuffix(":") {
                result.append(join(current))
                current = []
            }
        }
        if !current.isEmpty { result.append(join(current)) }
        return result
    }

    /// Sentences of a paragraph: split after `.`, `!` or `?` followed by a space and an
    /// upper-case letter or a digit.
    static func sentences(_ paragraph: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(paragraph)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            current.append(character)
            if ".!?".contains(character), index + 2 < characters.count, characters[index + 1] == " ",
               characters[index + 2].isUppercase || characters[index + 2].isNumber {
                result.append(current.trimmedWhitespace)
                current = ""
            }
            index += 1
        }
        let rest = current.trimmedWhitespace
        if !rest.isEmpty { result.append(rest) }
        return result
    }
}

/// Identifier making and Swedish words.
enum Words {
    /// `Skattesats, kommun` → `skattesats-kommun`; `Åtgärdad cykelväg` → `atgardad-cykelvag`.
    static func slug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let folded: UInt8?
            switch scalar {
            case "å", "ä", "á", "à", "â": folded = UInt8(ascii: "a")
            case "ö", "ó", "ò", "ô": folded = UInt8(ascii: "o")
            case "é", "è", "ê", "ë": folded = UInt8(ascii: "e")
            default:
                let v = scalar.value
                folded = (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) ? UInt8(v) : nil
            }
            if let folded {
                if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(folded)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Small Swedish number words and digits: `en`, `ett` → 1 … `tolv` → 12, `14` → 14.
    static let numberWords: [String: Int] = [
        "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
        "elva": 11, "tolv": 12,
    ]

    static func number(_ word: String) -> Int? {
        numberWords[word.lowercased()] ?? Int(word)
    }

    /// A regular-expression group matching a number word or digits.
    static let numberPattern = "(en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|[0-9]+)"

    /// The printed statuses of uppdrag and internal control that the progress scale knows
    /// (`Progress.printedStatuses`), longest first, in their printed capitalisation.
    static let progressStatuses: [String] = Progress.printedStatuses.keys
        .map { $0.prefix(1).uppercased() + $0.dropFirst() }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }

    /// The status printed at the start of `text` (a whole word or words), and the rest.
    static func leadingStatus(_ text: String) -> (status: String, rest: String)? {
        let trimmed = text.trimmedWhitespace
        let lower = trimmed.lowercased()
        for status in progressStatuses where lower.hasPrefix(status.lowercased()) {
            let after = trimmed.dropFirst(status.count)
            guard after.isEmpty || after.first == " " else { continue }
            let rest = after.trimmedWhitespace
            return (String(trimmed.prefix(status.count)), rest)
        }
        return nil
    }

    /// A status the scale does not know, printed before a title: the words before the first
    /// capitalised word after the first (`Vilande Utreda behovet …` → `Vilande`), at most four.
    static func unknownLeadingStatus(_ text: String) -> (status: String, rest: String)? {
        let words = text.trimmedWhitespace.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 2, let first = words[0].first, first.isLetter else { return nil }
        guard let next = words.indices.dropFirst().first(where: { words[$0].first?.isUppercase ?? false }), next <= 4 else { return nil }
        return (words[..<next].joined(separator: " "), words[next...].joined(separator: " "))
    }

    /// A short line that reads as a heading: starts with an upper-case letter, at most
    /// `maxWords` words and 60 characters, no sentence punctuation at the end.
    static func looksLikeHeading(_ text: String, maxWords: Int = 7) -> Bool {
        let trimmed = text.trimmedWhitespace
        guard let first = trimmed.first, first.isUppercase, trimmed.count <= 60 else { return false }
        guard let last = trimmed.last, !".,:;!?".contains(last) else { return false }
        return trimmed.split(separator: " ").count <= maxWords
    }

    /// The line ends a sentence: its last character is `.`, `!` or `?`.
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.trimmedWhitespace.last else { return false }
        return ".!?".contains(last)
    }
}

extension String {
    /// Without leading and trailing whitespace (spaces, tabs, no-break spaces): what
    /// `trimmingCharacters(in: .whitespaces)` gives, without its cost.
    var trimmedWhitespace: String { Substring(self).trimmedWhitespace }
}

extension Substring {
    /// Without leading and trailing whitespace (see `String.trimmedWhitespace`).
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        guard let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(Substring(scalars[first ... last]))
    }
}

/// Compiled regular expressions by pattern: compiling one costs far more than matching it.
enum RegexCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var compiled: [String: NSRegularExpression] = [:]

    static func regex(_ pattern: String, caseInsensitive: Bool) -> NSRegularExpression? {
        let key = (caseInsensitive ? "i:" : "s:") + pattern
        lock.lock()
        defer { lock.unlock() }
        if let regex = compiled[key] { return regex }
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else { return nil }
        compiled[key] = regex
        return regex
    }
}

extension String {
    /// Whether `other` occurs in the text, byte for byte (UTF-8). The importer searches short
    /// words in lines many times; Foundation's `contains` bridges every call to `NSString`.
    /// (Named apart from `contains` so that it shadows nothing in other modules' files.)
    func hasBytes(_ other: String) -> Bool {
        let needle = Array(other.utf8)
        guard let first = needle.first else { return true }
        return withContiguousUTF8 { haystack in
            guard haystack.count >= needle.count else { return false }
            var index = 0
            let last = haystack.count - needle.count
            while index <= last {
                if haystack[index] == first {
                    var k = 1
                    while k < needle.count, haystack[index + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    private func withContiguousUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = self
        return copy.withUTF8(body)
    }

    /// Words separated by single spaces, keeping empty words where spaces are doubled.
    var spaceSeparated: [String] { utf8.split(separator: 0x20, omittingEmptySubsequences: false).map { String(Substring($0)) } }

    func matches(_ pattern: String) -> Bool {
        guard let regex = RegexCache.regex(pattern, caseInsensitive: false) else { return false }
        return regex.firstMatch(in: self, range: NSRange(startIndex..., in: self)) != nil
    }

    /// The capture groups of the first match of `pattern` (case-insensitive), or `nil`.
    func firstMatch(_ pattern: String) -> [String]? {
        guard let regex = RegexCache.regex(pattern, caseInsensitive: true) else { return nil }
        let range = NSRange(startIndex..., in: self)
        guard let match = regex.firstMatch(in: self, range: range) else { return nil }
        return (0 ..< match.numberOfRanges).map { index in
            let r = match.range(at: index)
            guard r.location != NSNotFound, let swiftRange = Range(r, in: self) else { return "" }
            return String(self[swiftRange])
        }
    }
}
