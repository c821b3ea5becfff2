import Foundation
import ReportCore

/// A financial table as read from the text, before it is given its place in the model.
struct ParsedTable {
    var title: String?
    var headerLine: Int
    var rowHeader: String
    var unit: String
    var columns: [TableColumn]
    var rows: [TableRow]
    var rowLines: [[Int]]
    var notes: [String]
    /// The period group as printed, e.g. `Perioden jan-aug`.
    var periodGroup: String?
    /// How ambiguous rows were split, by row index; reported once the sums are known.
    var splitNotes: [(row: Int, note: FinancialPartParser.RawRow.Note)] = []
}

/// The Ekonomi and Investeringar parts: tables, headings, sub-headings and paragraphs.
struct FinancialPartParser {
    enum Item {
        /// A heading printed above a blank line.
        case heading(String, line: Int)
        /// A sub-heading printed directly above its text.
        case subheading(String, line: Int)
        case paragraph(Paragraph)
        /// A whitespace-only line right under a heading: where the PDF had an image.
        case placeholder(line: Int)
        case table(ParsedTable)
    }

    let lines: [Line]
    let log: DiagnosticLog
    /// The text lost its blank lines (`SourceText.blankLinesAreLost`): headings are told by other
    /// cues than blank lines around them, and paragraphs by `TextJoin.splitWithoutBlankLines`.
    let blankLinesAreLost: Bool

    init(lines: [Line], log: DiagnosticLog, blankLinesAreLost: Bool = false) {
        self.lines = lines
        self.log = log
        self.blankLinesAreLost = blankLinesAreLost
    }

    static let roleWords: [String: ColumnRole] = ["budget": .budget, "prognos": .forecast, "utfall": .actual, "avvikelse": .deviation]

    // MARK: - Items

    func parse(heading: String, headingIndex: Int, content: Range<Int>) -> [Item] {
        var items: [Item] = [.heading(heading, line: lines[headingIndex].number)]
        let starts = tableStarts(in: content)
        var index = content.lowerBound
        var afterHeading = true
        while index < content.upperBound {
            let line = lines[index]
            if line.isBlank {
                // Without blank lines (page ends are taken out), any blank line under a heading
                // is where the PDF had an image.
                if line.isWhitespaceOnly || blankLinesAreLost, afterHeading, case .heading = items.last {
                    items.append(.placeholder(line: line.number))
                }
                index += 1
                continue
            }
            afterHeading = false
            if let column = starts[index] {
                let (table, next) = readTable(start: index, columnLine: column, in: content)
                items.append(.table(table))
                index = next
                continue
            }
            // Without blank lines: what follows a heading, a sub-heading or a table starts
            // like a part (a sub-heading may follow a heading directly).
            let afterBoundary: Bool
            if case .paragraph = items.last { afterBoundary = false } else { afterBoundary = true }
            if let item = headingItem(index, in: content, starts: starts, afterBoundary: afterBoundary) {
                items.append(item)
                if case .heading = item { afterHeading = true }
                index += 1
                continue
            }
            var paragraph = [line]
            index += 1
            while index < content.upperBound {
                guard !lines[index].isBlank, starts[index] == nil,
                      headingItem(index, in: content, starts: starts, afterBoundary: false) == nil,
                      !(lines[index].text.hasPrefix(" ") && paragraph.last!.trimmed.hasSuffix(".")) else { break }
                paragraph.append(lines[index])
                index += 1
            }
            let runs = blankLinesAreLost ? TextJoin.splitWithoutBlankLines(paragraph) : [paragraph]
            for run in runs {
                items.append(.paragraph(Paragraph(text: TextJoin.join(run), lines: run.map(\.number))))
            }
        }
        return items
    }

    /// The heading or sub-heading the non-blank line at `index` is, or `nil`. A heading is
    /// printed between blank lines, a sub-heading directly above its text (`HeadedText`).
    /// Without blank lines (`blankLinesAreLost`) a heading is also a line that reads as one
    /// after the part's start, a heading, a table (`afterBoundary`) or a line that ends a
    /// sentence, when a table follows directly (`titlesTable`) or a blank line follows (which
    /// in such text is where the PDF had an image, or a page break).
    private func headingItem(_ index: Int, in content: Range<Int>, starts: [Int: Int], afterBoundary: Bool) -> Item? {
        let line = lines[index]
        if blankLinesAreLost, titlesTable(index, in: content, starts: starts, afterBoundary: afterBoundary) {
            return .heading(line.trimmed, line: line.number)
        }
        if HeadedText.isSubheading(lines, index, in: content, blankLinesAreLost: blankLinesAreLost, afterHeading: blankLinesAreLost && afterBoundary) {
            return .subheading(line.trimmed, line: line.number)
        }
        let nextBlank = index + 1 >= content.upperBound || lines[index + 1].isBlank
        let previousBlank = index == content.lowerBound || lines[index - 1].isBlank
        let starting = previousBlank || (blankLinesAreLost && (afterBoundary || Words.endsSentence(lines[index - 1].trimmed)))
        if Words.looksLikeHeading(line.text), nextBlank, starting {
            return .heading(line.trimmed, line: line.number)
        }
        return nil
    }

    /// Text without blank lines: a line that reads as a heading, directly above a table (its
    /// column header or group line), after the part's start, a heading, a table or a line that
    /// ends a sentence, is the table's heading (`Covid-19` above `Covid-19, ekonomiska
    /// konsekvenser, tkr Utfall perioden Prognos helår`).
    private func titlesTable(_ index: Int, in content: Range<Int>, starts: [Int: Int], afterBoundary: Bool) -> Bool {
        guard index + 1 < content.upperBound, starts[index + 1] != nil, Words.looksLikeHeading(lines[index].text) else { return false }
        return index == content.lowerBound || afterBoundary || Words.endsSentence(lines[index - 1].trimmed)
    }

    /// Column-label lines by the index where their table starts (group lines above included).
    private func tableStarts(in content: Range<Int>) -> [Int: Int] {
        var starts: [Int: Int] = [:]
        var index = content.lowerBound
        while index < content.upperBound {
            guard Self.columnHeader(lines[index].trimmed) != nil else {
                index += 1
                continue
            }
            var start = index
            var k = index - 1
            while k >= content.lowerBound {
                let text = lines[k].trimmed
                if lines[k].isBlank {
                    k -= 1
                    continue
                }
                guard Self.isGroupLine(text) else { break }
                start = k
                k -= 1
            }
            starts[start] = index
            index += 1
        }
        return starts
    }

    static func isGroupLine(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard text.count <= 60, !text.hasSuffix(".") else { return false }
        return lower.hasPrefix("helår") || lower.contains("perioden") || lower.contains(" helår")
    }

    struct ColumnHeader {
        var rowHeader: String
        var unit: String
        /// Group headings printed on the same line (`Helår För perioden`).
        var inlineGroups: String?
        /// Column labels, or empty when they are on the next line.
        var labels: [String]
    }

    /// `Verksamhet, tkr Budget Prognos …`, `Verksamhet, tkr Jan-Aug 2019 …`,
    /// `Covid-19, ekonomiska konsekvenser, tkr Utfall perioden Prognos helår`,
    /// `Investeringar samhällsbyggnad 2021 mnkr* Helår För perioden`.
    static func columnHeader(_ text: String) -> ColumnHeader? {
        guard text.hasBytes("kr") || text.hasBytes("KR") || text.hasBytes("Kr") else { return nil }
        let words = text.split(separator: " ").map(String.init)
        guard let u = words.firstIndex(where: { ["tkr", "mnkr"].contains($0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "*,:"))) }) else {
            return nil
        }
        let rowHeader = words[...u].joined(separator: " ")
        let unit = words[u].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "*,:"))
        let rest = Array(words[(u + 1)...])
        guard !rest.isEmpty, rest.count <= 16 else { return nil }
        if let labels = columnLabels(rest) {
            return ColumnHeader(rowHeader: rowHeader, unit: unit, inlineGroups: nil, labels: labels)
        }
        if rest.allSatisfy({ ["helår", "för", "perioden", "fg", "år", "föregående"].contains($0.lowercased()) || $0.lowercased().hasPrefix("perioden") }) {
            return ColumnHeader(rowHeader: rowHeader, unit: unit, inlineGroups: rest.joined(separator: " "), labels: [])
        }
        return nil
    }

    /// Role words (`Budget Prognos Avvikelse`), role words with a scope (`Utfall perioden`), or
    /// period labels (`Jan-Aug 2019`, `2019`).
    static func columnLabels(_ words: [String]) -> [String]? {
        var labels: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            let lower = word.lowercased()
            if roleWords[lower] != nil {
                if index + 1 < words.count, ["perioden", "helår"].contains(words[index + 1].lowercased()) {
                    labels.append(word + " " + words[index + 1])
                    index += 2
                } else {
                    labels.append(word)
                    index += 1
                }
            } else if word.count == 4, Int(word) != nil {
                labels.append(word)
                index += 1
            } else if word.matches("^[A-Za-zÅÄÖåäö]+-[A-Za-zÅÄÖåäö]+$"), index + 1 < words.count, words[index + 1].count == 4, Int(words[index + 1]) != nil {
                labels.append(word + " " + words[index + 1])
                index += 2
            } else {
                return nil
            }
        }
        return labels.count >= 2 ? labels : nil
    }

    /// `Helår   Perioden jan-aug   Perioden fg år` → three groups; `Helår För perioden` → two;
    /// without the runs of spaces too: `Helår Föregående år` → two.
    static func groups(_ text: String) -> [String] {
        var result: [String] = []
        for piece in text.components(separatedBy: "  ").map({ $0.trimmedWhitespace }) where !piece.isEmpty {
            var current: [String] = []
            let words = piece.split(separator: " ").map(String.init)
            for (k, word) in words.enumerated() {
                let lower = word.lowercased()
                let previous = k > 0 ? words[k - 1].lowercased() : ""
                let next = k + 1 < words.count ? words[k + 1].lowercased() : ""
                // `Föregående år` / `Fg år` is a group of its own, but `Perioden fg år` is one.
                let previousYear = (lower == "föregående" || lower == "fg") && next == "år" && previous != "perioden" && previous != "för"
                let starts = lower == "helår" || lower == "för" || (lower.hasPrefix("perioden") && previous != "för") || previousYear
                if starts, !current.isEmpty {
                    result.append(current.joined(separator: " "))
                    current = []
                }
                current.append(Self.rehyphenatedMonthRange(word) ?? word)
            }
            if !current.isEmpty { result.append(current.joined(separator: " ")) }
        }
        return result
    }

    private static let monthAbbreviations = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

    /// `janaug` → `jan-aug`: `pdftotext` joins a line that ends with a hyphen to the next one
    /// without the hyphen, so a header printed `Perioden jan-` / `aug` arrives as `janaug`.
    static func rehyphenatedMonthRange(_ word: String) -> String? {
        guard word.count == 6 else { return nil }
        let first = String(word.prefix(3)), second = String(word.suffix(3))
        guard monthAbbreviations.contains(first.lowercased()), monthAbbreviations.contains(second.lowercased()) else { return nil }
        return first + "-" + second
    }

    static func scope(ofGroup group: String) -> String {
        let lower = group.lowercased()
        if lower.contains("fg år") || lower.contains("föregående år") { return "previousYear" }
        if lower.contains("helår") { return "fullYear" }
        if lower.contains("period") { return "period" }
        return Words.slug(group)
    }

    static func roleName(_ role: ColumnRole) -> String {
        switch role {
        case .budget: "Budget"
        case .forecast: "Forecast"
        case .actual: "Actual"
        case .deviation: "Deviation"
        case .value: "Value"
        }
    }

    // MARK: - Tables

    private func readTable(start: Int, columnLine: Int, in content: Range<Int>) -> (ParsedTable, Int) {
        let headerLine = lines[columnLine]
        var header = Self.columnHeader(headerLine.trimmed)!
        var cursor = columnLine + 1
        var groupText = TextJoin.join(lines[start ..< columnLine].filter { !$0.isBlank })
        if let inline = header.inlineGroups {
            groupText = inline
            while cursor < content.upperBound, lines[cursor].isBlank { cursor += 1 }
            let words = cursor < content.upperBound ? lines[cursor].trimmed.split(separator: " ").map(String.init) : []
            if let labels = Self.columnLabels(words) {
                header.labels = labels
                cursor += 1
            } else {
                log.warning([headerLine.number], "table header with column groups but no column labels on the next line")
            }
        }
        let groups = Self.groups(groupText)
        var columns = makeColumns(labels: header.labels, groups: groups, line: headerLine.number)
        if columns.isEmpty {
            columns = [TableColumn(id: "value", label: "", role: .value)]
        }
        let periodGroup = groups.first { $0.lowercased().hasPrefix("perioden") && Self.scope(ofGroup: $0) == "period" }

        var rows: [TableRow] = []
        var rowLines: [[Int]] = []
        var notes: [String] = []
        var pending: [Line] = []
        var splitNotes: [(row: Int, note: RawRow.Note)] = []
        while cursor < content.upperBound {
            let line = lines[cursor]
            if line.isBlank {
                cursor += 1
                continue
            }
            if line.trimmed.hasPrefix("*") {
                var note = [line]
                cursor += 1
                // Without blank lines the note ends with its sentence: at a line ending with
                // `.`, `!` or `?` before a capitalised line (`Exploateringsverksamheten`).
                while cursor < content.upperBound, !lines[cursor].isBlank,
                      !(blankLinesAreLost && Words.endsSentence(note[note.count - 1].trimmed) && lines[cursor].trimmed.first?.isUppercase == true) {
                    note.append(lines[cursor])
                    cursor += 1
                }
                notes.append(TextJoin.join(note))
                break
            }
            if let row = readRow(line, pending: pending, columns: columns) {
                rows.append(TableRow(id: "", label: row.label, kind: .value, cells: row.cells))
                rowLines.append(row.lines)
                if let note = row.note { splitNotes.append((rows.count - 1, note)) }
                pending = []
                cursor += 1
                continue
            }
            if let label = headingRow(line, columns: columns.count) {
                rows.append(TableRow(id: "", label: TextJoin.join(pending + [Line(number: line.number, text: label)]), kind: .heading,
                                     cells: Array(repeating: "", count: columns.count)))
                rowLines.append((pending + [line]).map(\.number))
                pending = []
                cursor += 1
                continue
            }
            if collapsedHeading(cursor, columns: columns, in: content) {
                rows.append(TableRow(id: "", label: TextJoin.join(pending + [line]), kind: .heading,
                                     cells: Array(repeating: "", count: columns.count)))
                rowLines.append((pending + [line]).map(\.number))
                pending = []
                cursor += 1
                continue
            }
            if isLabelFragment(cursor, columns: columns, in: content) {
                pending.append(line)
                cursor += 1
                continue
            }
            break
        }
        if !pending.isEmpty {
            log.warning(pending.map(\.number), "row label without figures at the end of the table; not imported")
        }
        if rows.isEmpty {
            log.warning([headerLine.number], "table without rows")
        }
        let table = ParsedTable(title: nil, headerLine: headerLine.number, rowHeader: header.rowHeader, unit: header.unit, columns: columns,
                                rows: rows, rowLines: rowLines, notes: notes, periodGroup: periodGroup, splitNotes: splitNotes)
        return (table, cursor)
    }

    private func makeColumns(labels: [String], groups: [String], line: Int) -> [TableColumn] {
        var chunks: [[String]] = []
        for label in labels {
            let role = Self.roleWords[label.split(separator: " ").first.map { $0.lowercased() } ?? ""]
            let roles = chunks.last?.compactMap { Self.roleWords[$0.split(separator: " ").first.map { $0.lowercased() } ?? ""] } ?? []
            if chunks.isEmpty || role == .budget && !(chunks.last!.isEmpty) || (role != nil && roles.contains(role!)) {
                chunks.append([label])
            } else {
                chunks[chunks.count - 1].append(label)
            }
        }
        let grouped = !groups.isEmpty
        if grouped, chunks.count != groups.count {
            log.warning([line], "\(groups.count) column groups (\(groups.joined(separator: ", "))) for \(chunks.count) runs of column labels; groups are assigned in order")
        }
        var columns: [TableColumn] = []
        for (c, chunk) in chunks.enumerated() {
            let group = grouped && c < groups.count ? groups[c] : nil
            for label in chunk {
                let words = label.split(separator: " ").map(String.init)
                if let role = Self.roleWords[words[0].lowercased()] {
                    let scope = group.map(Self.scope(ofGroup:)) ?? (words.count > 1 ? Self.scope(ofGroup: words[1]) : "all")
                    columns.append(TableColumn(id: scope + Self.roleName(role), label: label, group: group, role: role, scope: scope))
                } else {
                    let year = words.last!
                    columns.append(TableColumn(id: "y" + year, label: label, group: group, role: .value, scope: year))
                }
            }
        }
        var seen: Set<String> = []
        for index in columns.indices {
            var id = columns[index].id
            var n = 2
            while seen.contains(id) { id = columns[index].id + "\(n)"; n += 1 }
            columns[index].id = id
            seen.insert(id)
        }
        return columns
    }

    struct RawRow {
        /// How an ambiguous split was resolved; `decided` when arithmetic left one reading.
        struct Note {
            var decided: Bool
            var message: String
        }
        var label: String
        var cells: [String]
        var lines: [Int]
        var note: Note?
    }

    /// `Personal 228 625 236 650 -8 025 …`; the label may have started on `pending` lines.
    func readRow(_ line: Line, pending: [Line], columns: [TableColumn], quiet: Bool = false) -> RawRow? {
        let tokens = NumberRow.tokens(line.text)
        guard !tokens.isEmpty else { return nil }
        var firstNumber = tokens.count
        while firstNumber > 0, NumberRow.isNumberToken(tokens[firstNumber - 1].text) { firstNumber -= 1 }
        guard firstNumber < tokens.count else { return nil }
        let numbers = (pending + [line]).map(\.number)
        for start in firstNumber ..< tokens.count {
            let labelPart = tokens[start].before.trimmedWhitespace
            let label = TextJoin.join(pending + [Line(number: line.number, text: labelPart)])
            guard !label.isEmpty, label.count <= 80, !label.hasBytes(". ") else { return nil }
            let splits = NumberRow.splits(Array(tokens[start...]), count: columns.count)
            guard !splits.isEmpty else { continue }
            if start > firstNumber, !quiet {
                log.warning(numbers, "the number(s) \"\(tokens[firstNumber ..< start].map(\.text).joined(separator: " "))\" are read as part of the label \"\(label)\" so that the row has one figure per column")
            }
            let kind = Self.provisionalKind(label)
            let scored = splits.map { ($0, NumberRow.deviationAgreement($0, columns: columns, kind: kind)) }
            let best = scored.map(\.1.agree).max() ?? 0
            let agreeing = scored.filter { $0.1.agree == best }
            // Among equally good splits, the one with like-sized numbers.
            let spread = agreeing.map { NumberRow.magnitudeSpread($0.0) }.min() ?? 0
            let winners = agreeing.filter { NumberRow.magnitudeSpread($0.0) - spread < 1e-9 }
            let chosen = winners[0].0
            var note: RawRow.Note?
            if splits.count > 1 {
                let printed = tokens[start...].map(\.text).joined(separator: " ")
                let shown = "[" + chosen.joined(separator: " | ") + "]"
                let checks = winners[0].1.checks
                if checks == 0 {
                    let others = winners.count > 1 ? "; equally plausible: " + winners.dropFirst().prefix(3).map { "[" + $0.0.joined(separator: " | ") + "]" }.joined(separator: ", ") : ""
                    note = .init(decided: false, message: "\"\(printed)\" splits into \(columns.count) numbers in \(splits.count) ways and the table has no deviation to decide; read as \(shown), the split into numbers of the most similar size\(others)")
                } else if winners.count > 1 || agreeing.count > 1 {
                    let others = agreeing.filter { $0.0 != chosen }.prefix(3).map { "[" + $0.0.joined(separator: " | ") + "]" }.joined(separator: ", ")
                    note = .init(decided: false, message: "\(agreeing.count) of the \(splits.count) ways to split \"\(printed)\" agree with the deviations (\(best) of \(checks)); read as \(shown), the one with numbers of the most similar size; also possible: \(others)")
                } else if best == checks {
                    note = .init(decided: true, message: "\"\(printed)\" splits into \(columns.count) numbers in \(splits.count) ways; only \(shown) has deviations that agree with budget and \(columns.contains { $0.role == .forecast } ? "forecast/actual" : "actual")")
                } else {
                    note = .init(decided: false, message: "none of the \(splits.count) ways to split \"\(printed)\" has all deviations agreeing; read as \(shown), which agrees in \(best) of \(checks) (the audit reports the rest)")
                }
            }
            return RawRow(label: label, cells: chosen, lines: numbers, note: note)
        }
        return nil
    }

    /// Kind by label, for choosing between splits: income (`intäkter`), result (`resultat`),
    /// cost (`kostnad`), otherwise unknown.
    static func provisionalKind(_ label: String) -> RowKind? {
        let lower = label.lowercased()
        if lower.contains("resultat") { return .result }
        if lower.contains("intäkt") { return .income }
        if lower.contains("kostnad") { return .cost }
        return nil
    }

    /// `Reinvestering       `: a label followed by one space per blank cell.
    private func headingRow(_ line: Line, columns: Int) -> String? {
        let text = line.text
        let label = text.trimmedWhitespace
        guard !label.isEmpty, label.count <= 60, !label.contains(where: \.isNumber) || !label.contains(" ") else { return nil }
        var trailing = 0
        for character in text.reversed() {
            guard character == " " else { break }
            trailing += 1
        }
        guard trailing >= columns, !label.hasSuffix(".") else { return nil }
        return label
    }

    /// Text whose spaces were collapsed (the line has no trailing space, so blank cells are not
    /// marked): a label without figures, capitalised, directly above (blank lines aside) a row
    /// whose own label is capitalised is a group heading, not the first part of that row's label.
    private func collapsedHeading(_ index: Int, columns: [TableColumn], in content: Range<Int>) -> Bool {
        let line = lines[index]
        guard line.text == line.trimmed, let first = line.trimmed.first, first.isUppercase,
              line.trimmed.count <= 60, !line.trimmed.contains(where: \.isNumber),
              !".,:;-".contains(line.trimmed.last ?? "."),
              index + 1 < content.upperBound else { return false }
        var following = index + 1
        while following + 1 < content.upperBound, lines[following].isBlank { following += 1 }
        let next = lines[following]
        guard let row = readRow(next, pending: [], columns: columns, quiet: true),
              let start = row.label.first, start.isUppercase else { return false }
        return true
    }

    private func isLabelFragment(_ index: Int, columns: [TableColumn], in content: Range<Int>) -> Bool {
        guard lines[index].trimmed.count <= 60, !lines[index].trimmed.hasSuffix(".") else { return false }
        var fragment = [lines[index]]
        var cursor = index + 1
        while cursor < content.upperBound, fragment.count <= 3 {
            let line = lines[cursor]
            cursor += 1
            if line.isBlank { continue }
            if readRow(line, pending: fragment, columns: columns, quiet: true) != nil { return true }
            guard line.trimmed.count <= 60 else { return false }
            fragment.append(line)
        }
        return false
    }
}
