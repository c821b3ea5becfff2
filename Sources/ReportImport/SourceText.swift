import Foundation

/// A line of the source text with its 1-based number in the file.
struct Line: Sendable, Equatable {
    let number: Int
    /// The text without the line break (and without a CR of a CRLF).
    let text: String

    var trimmed: String { text.trimmingCharacters(in: .whitespaces) }
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

    init(_ text: String, log: DiagnosticLog) {
        var raw = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        raw = raw.replacingOccurrences(of: "\u{0C}", with: "\n")
        if raw.hasPrefix("\u{FEFF}") { raw.removeFirst() }
        var parts = raw.components(separatedBy: "\n")
        if parts.last == "" { parts.removeLast() }
        var lines: [Line] = []
        var labels: [String] = []
        var furnitureLines: [Int] = []
        for (index, part) in parts.enumerated() {
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
        self.lines = lines
        self.furnitureLabels = labels
        self.lineCount = parts.count
    }

    /// `Kommunstyrelsen | 9` → `Kommunstyrelsen`: a short label, a bar and a page number.
    static func furnitureLabel(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let pieces = trimmed.components(separatedBy: "|")
        guard pieces.count == 2 else { return nil }
        let label = pieces[0].trimmingCharacters(in: .whitespaces)
        let page = pieces[1].trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, label.count <= 60, !page.isEmpty, page.allSatisfy(\.isNumber), page.count <= 3 else { return nil }
        guard !label.contains(where: \.isNumber) else { return nil }
        return label
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
    static func paragraphs(_ lines: [Line]) -> [String] {
        blocks(lines, splitAtIndentedStart: true).map { join($0) }
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
            let end = line.text.trimmingCharacters(in: .whitespaces)
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
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
            index += 1
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { result.append(rest) }
        return result
    }
}

/// Identifier making and Swedish words.
enum Words {
    /// `Skattesats, kommun` → `skattesats-kommun`; `Åtgärdad cykelväg` → `atgardad-cykelvag`.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for character in text.lowercased() {
            let folded: String
            switch character {
            case "å", "ä", "á", "à", "â": folded = "a"
            case "ö", "ó", "ò", "ô": folded = "o"
            case "é", "è", "ê", "ë": folded = "e"
            default: folded = String(character)
            }
            if folded.count == 1, let scalar = folded.unicodeScalars.first, scalar.isASCII,
               CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out += folded
            } else {
                pendingDash = true
            }
        }
        return out
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

    /// The printed statuses of uppdrag and internal control.
    static let progressStatuses = ["Troligen klart i år", "Blir klart i år", "Ej klart i år"]

    /// The status printed at the start of `text`, and the rest.
    static func leadingStatus(_ text: String) -> (status: String, rest: String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for status in progressStatuses where trimmed.lowercased().hasPrefix(status.lowercased()) {
            let rest = trimmed.dropFirst(status.count).trimmingCharacters(in: .whitespaces)
            return (String(trimmed.prefix(status.count)), rest)
        }
        return nil
    }

    /// A short line that reads as a heading: starts with an upper-case letter, at most
    /// `maxWords` words and 60 characters, no sentence punctuation at the end.
    static func looksLikeHeading(_ text: String, maxWords: Int = 7) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, first.isUppercase, trimmed.count <= 60 else { return false }
        guard let last = trimmed.last, !".,:;!?".contains(last) else { return false }
        return trimmed.split(separator: " ").count <= maxWords
    }
}

extension String {
    /// Words separated by single spaces, keeping empty words where spaces are doubled.
    var spaceSeparated: [String] { components(separatedBy: " ") }

    func matches(_ pattern: String) -> Bool {
        range(of: pattern, options: .regularExpression) != nil
    }

    /// The capture groups of the first match of `pattern` (case-insensitive), or `nil`.
    func firstMatch(_ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        let range = NSRange(startIndex..., in: self)
        guard let match = regex.firstMatch(in: self, range: range) else { return nil }
        return (0 ..< match.numberOfRanges).map { index in
            let r = match.range(at: index)
            guard r.location != NSNotFound, let swiftRange = Range(r, in: self) else { return "" }
            return String(self[swiftRange])
        }
    }
}
