import Foundation
import ReportCore

/// The goals part: `Målområde:`, `Kommunfullmäktigemål:`, `Nämndmål:` headings, narratives,
/// indicator tables with their notes, and `Status Uppdrag Kommentar` blocks.
struct GoalParser {
    let lines: [Line]
    let log: DiagnosticLog
    private var indicatorIDs: Set<String> = []

    /// The text lost its blank lines (`SourceText.blankLinesAreLost`): narratives and table
    /// notes are split into paragraphs by `TextJoin.splitWithoutBlankLines`.
    let blankLinesAreLost: Bool

    init(lines: [Line], log: DiagnosticLog, blankLinesAreLost: Bool = false) {
        self.lines = lines
        self.log = log
        self.blankLinesAreLost = blankLinesAreLost
    }

    static let areaPrefix = "Målområde:"
    static let councilPrefix = "Kommunfullmäktigemål:"
    static let boardPrefix = "Nämndmål:"
    static let assignmentHeader = "Status Uppdrag Kommentar"

    static func isIndicatorHeader(_ text: String) -> Bool {
        text.hasPrefix("Indikatorer") && (text.hasBytes("Etappmål") || text.matches("[0-9]{4}"))
    }

    static func isStructural(_ line: Line) -> Bool {
        let text = line.trimmed
        return text.hasPrefix(areaPrefix) || text.hasPrefix(councilPrefix) || text.hasPrefix(boardPrefix)
            || isIndicatorHeader(text) || text == assignmentHeader
    }

    mutating func goalAreas(in range: Range<Int>) -> [GoalArea] {
        var areas: [GoalArea] = []
        var hasCouncil = false
        var hasBoard = false
        var index = range.lowerBound
        var areaIDs: Set<String> = []

        while index < range.upperBound {
            let line = lines[index]
            let text = line.trimmed
            if text.hasPrefix(Self.areaPrefix) {
                let (title, next) = heading(at: index, prefix: Self.areaPrefix, in: range)
                var id = Self.defaultAreaID(title)
                if areaIDs.contains(id) { id = Words.slug(title) }
                areaIDs.insert(id)
                areas.append(GoalArea(id: id, title: title, councilGoals: []))
                hasCouncil = false
                hasBoard = false
                index = unplacedText(from: next, in: range, what: "under the Målområde \"\(title)\" before its first Kommunfullmäktigemål")
            } else if text.hasPrefix(Self.councilPrefix) {
                let (title, next) = heading(at: index, prefix: Self.councilPrefix, in: range)
                if areas.isEmpty {
                    log.warning([line.number], "Kommunfullmäktigemål \"\(title)\" before any Målområde; placed in an untitled goal area")
                    areas.append(GoalArea(id: "omrade", title: "", councilGoals: []))
                }
                areas[areas.count - 1].councilGoals.append(CouncilGoal(title: title, boardGoals: []))
                hasCouncil = true
                hasBoard = false
                index = unplacedText(from: next, in: range, what: "under the Kommunfullmäktigemål \"\(title)\" outside a table")
            } else if text.hasPrefix(Self.boardPrefix) {
                let (title, next) = heading(at: index, prefix: Self.boardPrefix, in: range)
                if !hasCouncil {
                    log.warning([line.number], "Nämndmål \"\(title)\" before any Kommunfullmäktigemål; placed under an untitled one")
                    if areas.isEmpty { areas.append(GoalArea(id: "omrade", title: "", councilGoals: [])) }
                    areas[areas.count - 1].councilGoals.append(CouncilGoal(title: "", boardGoals: []))
                    hasCouncil = true
                }
                var end = next
                while end < range.upperBound, !Self.isStructural(lines[end]) { end += 1 }
                let narrative = TextJoin.paragraphs(Array(lines[next ..< end]), blankLinesAreLost: blankLinesAreLost)
                let a = areas.count - 1, c = areas[a].councilGoals.count - 1
                areas[a].councilGoals[c].boardGoals.append(BoardGoal(title: title, narrative: narrative, assignments: []))
                hasBoard = true
                index = end
            } else if Self.isIndicatorHeader(text) {
                let (table, next) = indicatorTable(at: index, in: range)
                index = next
                guard hasCouncil else {
                    log.warning([line.number], "indicator table outside any Kommunfullmäktigemål; not placed")
                    continue
                }
                let a = areas.count - 1, c = areas[a].councilGoals.count - 1
                if hasBoard {
                    let b = areas[a].councilGoals[c].boardGoals.count - 1
                    Self.attach(table, to: &areas[a].councilGoals[c].boardGoals[b].indicatorTable, line: line.number, log: log)
                } else {
                    Self.attach(table, to: &areas[a].councilGoals[c].indicatorTable, line: line.number, log: log)
                }
            } else if text == Self.assignmentHeader {
                let (assignment, next) = self.assignment(at: index, in: range)
                index = next
                guard hasBoard, let assignment else {
                    if assignment != nil {
                        log.warning([line.number], "uppdrag \"\(assignment!.title)\" outside any Nämndmål; not placed")
                    }
                    continue
                }
                let a = areas.count - 1, c = areas[a].councilGoals.count - 1
                let b = areas[a].councilGoals[c].boardGoals.count - 1
                areas[a].councilGoals[c].boardGoals[b].assignments.append(assignment)
            } else {
                index = unplacedText(from: index, in: range, what: "in the goals part")
            }
        }
        return areas
    }

    /// `God ekonomi och effektiv verksamhet - ekonomisk hållbarhet` → `ekonomisk`.
    static func defaultAreaID(_ title: String) -> String {
        if let range = title.range(of: " - ", options: .backwards) {
            let tail = title[range.upperBound...].trimmedWhitespace
            if let first = tail.split(separator: " ").first {
                let slug = Words.slug(String(first))
                if !slug.isEmpty { return slug }
            }
        }
        return Words.slug(title)
    }

    private static func attach(_ table: IndicatorTable, to slot: inout IndicatorTable?, line: Int, log: DiagnosticLog) {
        guard var existing = slot else {
            slot = table
            return
        }
        if existing.years == table.years && existing.longTermTargetYear == table.longTermTargetYear {
            existing.indicators += table.indicators
            existing.notes += table.notes
            slot = existing
            log.warning([line], "a second indicator table under the same goal; its rows are appended to the first table")
        } else {
            log.warning([line], "a second indicator table with other years under the same goal; not placed (the data format has one table per goal)")
        }
    }

    /// A heading's title (continued on following non-blank lines) and the index after it.
    private func heading(at index: Int, prefix: String, in range: Range<Int>) -> (String, Int) {
        var parts = [Line(number: lines[index].number, text: String(lines[index].trimmed.dropFirst(prefix.count)))]
        var next = index + 1
        var previousLength = lines[index].text.count
        // A heading wraps only when its line is full; a short line right under it is text.
        while next < range.upperBound, !lines[next].isBlank, !Self.isStructural(lines[next]),
              previousLength >= 70, lines[next].trimmed.count < 70, !lines[next].trimmed.hasSuffix(".") {
            parts.append(lines[next])
            previousLength = lines[next].text.count
            next += 1
        }
        if parts.count > 1 {
            log.info(parts.map(\.number), "heading continues over \(parts.count) lines; joined")
        }
        return (TextJoin.join(parts), next)
    }

    /// Skips text that has no place in the data format, with a warning; returns the next
    /// structural line.
    private func unplacedText(from start: Int, in range: Range<Int>, what: String) -> Int {
        var end = start
        var skipped: [Int] = []
        while end < range.upperBound, !Self.isStructural(lines[end]) {
            if !lines[end].isBlank { skipped.append(lines[end].number) }
            end += 1
        }
        if !skipped.isEmpty {
            let text = TextJoin.join(skipped.compactMap { number in lines.first { $0.number == number } })
            log.warning(skipped, "text \(what) has no place in the data format; not imported: \"\(text.prefix(80))\(text.count > 80 ? "…" : "")\"")
        }
        return end
    }

    // MARK: - Indicator tables

    /// Reads `Indikatorer 2019 2020 2021 Etappmål Målvärde 2030` and the rows and notes under it.
    private mutating func indicatorTable(at index: Int, in range: Range<Int>) -> (IndicatorTable, Int) {
        let header = lines[index]
        let words = header.trimmed.split(separator: " ").map(String.init)
        var years: [Int] = []
        var longTermYear: Int?
        var seenTarget = false
        for (position, word) in words.enumerated() {
            if word.hasPrefix("Målvärde") || word.hasPrefix("Etappmål") { seenTarget = true }
            guard word.count == 4, let year = Int(word) else { continue }
            if seenTarget, position > 0, words[position - 1].hasPrefix("Målvärde") {
                longTermYear = year
            } else if !seenTarget {
                years.append(year)
            }
        }
        if years.isEmpty {
            log.warning([header.number], "indicator table header without year columns: \"\(header.trimmed)\"")
        }
        if longTermYear == nil {
            log.warning([header.number], "indicator table header without \"Målvärde YYYY\"; the long-term target year is taken as 0")
        }
        if !header.trimmed.contains("Etappmål") {
            log.warning([header.number], "indicator table header without \"Etappmål\"; the two columns after the years are read as etappmål and målvärde")
        }
        let columns = years.count + 2
        var indicators: [Indicator] = []
        var noteLines: [Line] = []
        var pendingName: [Line] = []
        var inNotes = false
        var cursor = index + 1
        while cursor < range.upperBound {
            let line = lines[cursor]
            // The header repeated at the top of the next page (or standing alone there): the
            // table goes on.
            if !inNotes, pendingName.isEmpty, line.trimmed == header.trimmed {
                log.info([line.number], "the indicator table's header repeated (a page break); the table goes on")
                cursor += 1
                continue
            }
            guard !Self.isStructural(line) else { break }
            defer { cursor += 1 }
            if inNotes {
                noteLines.append(line)
                continue
            }
            if line.isBlank { continue }
            if let name = Self.blankRowName(line, pendingName: pendingName, columns: columns) {
                log.warning((pendingName + [line]).map(\.number), "the indicator \"\(name)\" has no value or target printed (only blanks); imported with blank cells")
                indicators.append(makeIndicator(ParsedRow(name: name, cells: Array(repeating: "", count: columns), lines: (pendingName + [line]).map(\.number)), years: years))
                pendingName = []
                continue
            }
            if let row = parseRow(line, pendingName: pendingName, columns: columns, allowShort: true) {
                indicators.append(makeIndicator(row, years: years))
                pendingName = []
            } else if let row = Self.unreadableRow(line, pendingName: pendingName, columns: columns) {
                // Never dropped: imported with the cells it has.
                log.warning(row.lines, "the cells of the indicator \"\(row.name)\" cannot be read by the table's columns; imported with the cells as printed, split at spaces: \(Self.show(row.cells)) (check them)")
                indicators.append(makeIndicator(row, years: years))
                pendingName = []
            } else if isNameFragment(cursor, columns: columns, in: range) {
                pendingName.append(line)
            } else if let name = Self.bareUnitName(line, pendingName: pendingName) {
                log.warning((pendingName + [line]).map(\.number), "the line \"\(line.trimmed)\" ends with a unit and has no cells and no trailing blanks (spacing lost); read as the indicator \"\(name)\" with blank cells (check it)")
                indicators.append(makeIndicator(ParsedRow(name: name, cells: Array(repeating: "", count: columns), lines: (pendingName + [line]).map(\.number)), years: years))
                pendingName = []
            } else {
                if !pendingName.isEmpty {
                    log.warning(pendingName.map(\.number), "lines that read as an indicator name without values; taken as a note")
                    noteLines += pendingName
                    pendingName = []
                }
                inNotes = true
                noteLines.append(line)
            }
        }
        if !pendingName.isEmpty {
            log.warning(pendingName.map(\.number), "lines that read as an indicator name without values; taken as a note")
            noteLines += pendingName
        }
        if indicators.isEmpty {
            log.warning([header.number], "indicator table without rows")
        }
        let notes = TextJoin.paragraphs(noteLines, blankLinesAreLost: blankLinesAreLost)
        return (IndicatorTable(years: years, longTermTargetYear: longTermYear ?? 0, indicators: indicators, notes: notes), cursor)
    }

    /// `Frånvaro över 15 procent (%)      `: a name that ends with its unit, followed by a blank
    /// per cell (at least as many spaces as there are columns less one), and nothing else.
    static func blankRowName(_ line: Line, pendingName: [Line], columns: Int) -> String? {
        let text = line.text
        var trailing = 0
        for character in text.reversed() {
            guard character == " " else { break }
            trailing += 1
        }
        let name = text.trimmedWhitespace
        guard trailing >= max(2, columns - 1), name.hasSuffix(")"), name.contains("("), name.count <= 90,
              !name.contains("  ") else { return nil }
        return TextJoin.join(pendingName + [Line(number: line.number, text: name)])
    }

    /// `Frånvaro över 15 procent (%)` with no cells and no trailing spaces (spacing lost, so
    /// `blankRowName` cannot count the blanks): a name ending with a unit (`%`, an acronym or a
    /// lower-case word) that is not a note's sentence.
    static func bareUnitName(_ line: Line, pendingName: [Line]) -> String? {
        let text = line.text
        guard !text.hasSuffix(" "), !text.hasPrefix(" "), !text.contains("  ") else { return nil }
        let name = text.trimmedWhitespace
        guard name.hasSuffix(")"), let open = name.range(of: "(", options: .backwards), open.lowerBound > name.startIndex,
              name.count <= 90, name.first?.isUppercase ?? false else { return nil }
        let content = name[open.upperBound ..< name.index(before: name.endIndex)]
        let unitLike = content == "%" || ((2 ... 5).contains(content.count) && content.allSatisfy(\.isUppercase))
            || ((content.first?.isLowercase ?? false) && content.split(separator: " ").count <= 3)
        guard unitLike else { return nil }
        return TextJoin.join(pendingName + [Line(number: line.number, text: name)])
    }

    /// A row whose name ends with its unit (`… (%)`) followed by cells that do not read by the
    /// table's columns (`81 % ca 83 % …`): the atoms after the name, the surplus joined into the
    /// last cell, missing ones blank. Not a sentence: every atom has a digit, is a comparator or
    /// dash, is capitalised, or is at most three letters (`ca`, `n/a`).
    static func unreadableRow(_ line: Line, pendingName: [Line], columns: Int) -> ParsedRow? {
        let text = line.trimmed
        guard let close = text.lastIndex(of: ")"), let open = text[..<close].lastIndex(of: "(") else { return nil }
        let name = String(text[...close])
        let rest = text[text.index(after: close)...].trimmedWhitespace
        guard !rest.isEmpty, name.count <= 90, open > text.startIndex || !pendingName.isEmpty else { return nil }
        let atoms = rest.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard atoms.contains(where: { $0.contains(where: \.isNumber) }) else { return nil }
        for atom in atoms where !atom.isEmpty {
            let plausible = atom.contains(where: \.isNumber) || ["-", "–", "−", "%"].contains(atom) || IndicatorCells.isComparator(atom)
                || (atom.first?.isUppercase ?? false) || atom.count <= 3
            guard plausible else { return nil }
        }
        var cells = Array(atoms.prefix(columns))
        if atoms.count > columns {
            cells[columns - 1] = atoms[(columns - 1)...].joined(separator: " ")
        }
        cells += Array(repeating: "", count: max(0, columns - cells.count))
        return ParsedRow(name: TextJoin.join(pendingName + [Line(number: line.number, text: name)]), cells: cells, lines: (pendingName + [line]).map(\.number))
    }

    struct ParsedRow {
        var name: String
        var cells: [String]
        var lines: [Int]
    }

    /// A line with cells, after `pendingName` lines with the start of the name.
    private func parseRow(_ line: Line, pendingName: [Line], columns: Int, allowShort: Bool) -> ParsedRow? {
        var text = line.text
        if text.hasPrefix(" "), pendingName.isEmpty, !text.hasPrefix("  ") { text.removeFirst() }
        let atoms = text.spaceSeparated
        let numbers = (pendingName + [line]).map(\.number)
        // The name is atoms[..<split]; try the longest cell part first.
        for split in 0 ..< atoms.count {
            if split == 0 && pendingName.isEmpty { continue }
            if split > 0, atoms[split - 1].isEmpty { continue }
            if split > 0, pendingName.isEmpty, atoms[..<split].allSatisfy(\.isEmpty) { continue }
            guard let read = IndicatorCells.read(atoms: atoms[split...], count: columns, valueCount: columns - 2) else { continue }
            let name = atoms[..<split].joined(separator: " ").trimmedWhitespace
            let rest = atoms[split...].joined(separator: " ")
            if read.cells.allSatisfy({ $0.isEmpty }) { continue }
            let fullName = TextJoin.join(pendingName + [Line(number: line.number, text: name)])
            if read.ambiguous {
                log.warning(numbers, "the cells \"\(rest.trimmedWhitespace)\" can be read in more than one way; read as \(Self.show(read.cells)), the reading with numbers of the most similar size")
            } else if read.merged {
                log.info(numbers, "digits separated by a space are read as numbers with a thousands separator, by the table's columns: \(Self.show(read.cells))")
            }
            if read.freeText {
                log.info(numbers, "a target in words is read as printed: \(Self.show(read.cells))")
            }
            return ParsedRow(name: fullName, cells: read.cells, lines: numbers)
        }
        // Spacing lost (`pdftotext` without `-layout`): no doubled space marks a blank cell, so
        // the cells are placed by what they are.
        if !text.trimmedWhitespace.contains("  "), let row = rowByKind(atoms, line: line, pendingName: pendingName, columns: columns, log: allowShort) {
            return row
        }
        guard allowShort else { return nil }
        // A row with fewer cells than columns: only when the name is clearly complete.
        let trimmedName = TextJoin.join(pendingName)
        for split in 0 ..< atoms.count {
            let name = atoms[..<split].joined(separator: " ").trimmedWhitespace
            let complete = (split == 0 && !pendingName.isEmpty) || name.hasSuffix(")")
            guard complete else { continue }
            for short in stride(from: columns - 1, through: max(2, columns - 2), by: -1) {
                guard let read = IndicatorCells.read(atoms: atoms[split...], count: short, valueCount: min(short, columns - 2)), read.cells.contains(where: { !$0.isEmpty }) else { continue }
                let cells = read.cells + Array(repeating: "", count: columns - short)
                let fullName = split == 0 ? trimmedName : TextJoin.join(pendingName + [Line(number: line.number, text: name)])
                log.warning(numbers, "the row \"\(fullName)\" has \(short) cells for \(columns) columns; the missing ones are taken as blank at the end: \(Self.show(cells)) (which column is blank cannot be told from the text)")
                return ParsedRow(name: fullName, cells: cells, lines: numbers)
            }
        }
        return nil
    }

    /// A row read by `IndicatorCells.placeByKind`: the name is complete (continued from earlier
    /// lines, or ending with its unit) or, with no unit anywhere in it (`Lokalyta per elev (m²)
    /// 9,8 ca` is not a name), is followed by at least as many cells as there are years. Placements that are guesses are logged with the row's lines.
    private func rowByKind(_ atoms: [String], line: Line, pendingName: [Line], columns: Int, log shouldLog: Bool) -> ParsedRow? {
        let years = columns - 2
        let numbers = (pendingName + [line]).map(\.number)
        for split in 0 ..< atoms.count {
            if split == 0 && pendingName.isEmpty { continue }
            let name = atoms[..<split].joined(separator: " ").trimmedWhitespace
            if split > 0, name.isEmpty { continue }
            guard let placement = IndicatorCells.placeByKind(atoms: atoms[split...], years: years) else { continue }
            let complete = split == 0 || name.hasSuffix(")") || (!name.contains(")") && placement.printed.count >= years)
            guard complete else { continue }
            let fullName = split == 0 ? TextJoin.join(pendingName) : TextJoin.join(pendingName + [Line(number: line.number, text: name)])
            if shouldLog {
                var guesses: [String] = []
                if placement.valuesGuessed {
                    guesses.append("fewer values than years are printed; they are placed from the earliest year and the latest years left blank")
                }
                if placement.targetGuessed {
                    guesses.append("one target is printed; it is placed as målvärde and etappmål is left blank")
                }
                if guesses.isEmpty {
                    log.info(numbers, "blank cells not marked by spaces; the cells are placed by kind (values, then targets): \(Self.show(placement.cells))")
                } else {
                    log.warning(numbers, "the row \"\(fullName)\" has blank cells not marked by spaces (\(Self.show(placement.printed)) for \(columns) columns): \(guesses.joined(separator: "; ")); read as \(Self.show(placement.cells)) (a guess, check it)")
                }
            }
            return ParsedRow(name: fullName, cells: placement.cells, lines: numbers)
        }
        return nil
    }

    static func show(_ cells: [String]) -> String {
        "[" + cells.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }

    /// Whether the line at `index` starts a name whose cells follow within a few lines.
    private func isNameFragment(_ index: Int, columns: Int, in range: Range<Int>) -> Bool {
        guard lines[index].trimmed.count <= 70 else { return false }
        var fragment = [lines[index]]
        var cursor = index + 1
        while cursor < range.upperBound, fragment.count <= 4 {
            let line = lines[cursor]
            cursor += 1
            if line.isBlank { continue }
            if Self.isStructural(line) { return false }
            if parseRow(line, pendingName: fragment, columns: columns, allowShort: false) != nil { return true }
            guard line.trimmed.count <= 70 else { return false }
            fragment.append(line)
        }
        return false
    }

    private mutating func makeIndicator(_ row: ParsedRow, years: [Int]) -> Indicator {
        var name = row.name
        var unit: String?
        if name.hasSuffix(")"), let open = name.range(of: "(", options: .backwards) {
            let content = String(name[open.upperBound ..< name.index(before: name.endIndex)])
            let first = content.first
            let acronym = (2 ... 5).contains(content.count) && content.allSatisfy { $0.isUppercase }
            let unitLike = content == "%" || acronym || (first?.isLowercase ?? false && content.split(separator: " ").count <= 6)
            if unitLike {
                unit = content
                name = String(name[..<open.lowerBound]).trimmedWhitespace
            } else {
                log.info(row.lines, "\"(\(content))\" at the end of \"\(name)\" is read as part of the name, not as a unit (a unit is %, an acronym or starts with a lower-case letter)")
            }
        }
        var id = Words.slug(name)
        if indicatorIDs.contains(id) {
            var n = 2
            while indicatorIDs.contains("\(id)-\(n)") { n += 1 }
            log.warning(row.lines, "indicator id \"\(id)\" is already used; this one gets \"\(id)-\(n)\"")
            id = "\(id)-\(n)"
        }
        indicatorIDs.insert(id)
        let values = Array(row.cells.prefix(years.count))
        let targets = Array(row.cells.dropFirst(years.count))
        return Indicator(id: id, name: name, unit: unit, values: values,
                         milestoneTarget: targets.first ?? "", longTermTarget: targets.dropFirst().first ?? "")
    }

    // MARK: - Uppdrag

    /// The index of the last title line when title and comment run together without a blank
    /// line: the first of the first four lines that ends without punctuation and whose next
    /// line starts with an upper-case letter; nil when no line up to there qualifies or a line
    /// up to there ends a sentence (at its end or inside it: then the comment starts on the
    /// title's line, which the one-line split handles).
    static func titleEnd(_ lines: [Line]) -> Int? {
        let limit = min(lines.count - 1, 4)
        for k in 0 ..< limit {
            let text = lines[k].trimmed
            guard let last = text.last else { return nil }
            if ".:;!?".contains(last) || text.contains(". ") { return nil }
            if last == "," { continue }
            if let c = lines[k + 1].trimmed.first, c.isUppercase { return k }
        }
        return nil
    }

    /// Reads a `Status Uppdrag Kommentar` block: status first on the line, the title wrapping
    /// until a blank line, then the comment.
    private func assignment(at index: Int, in range: Range<Int>) -> (Assignment?, Int) {
        var end = index + 1
        while end < range.upperBound, !Self.isStructural(lines[end]) { end += 1 }
        var cursor = index + 1
        while cursor < end, lines[cursor].isBlank { cursor += 1 }
        guard cursor < end else {
            log.warning([lines[index].number], "\"Status Uppdrag Kommentar\" without an uppdrag under it")
            return (nil, end)
        }
        let first = lines[cursor]
        var status = ""
        var titleStart = first.text
        if let leading = Words.leadingStatus(first.text) {
            status = leading.status
            if let range = first.text.range(of: leading.rest), !leading.rest.isEmpty {
                titleStart = String(first.text[range.lowerBound...])
            } else {
                titleStart = leading.rest
            }
        } else if let unknown = Words.unknownLeadingStatus(first.text) {
            status = unknown.status
            titleStart = unknown.rest
            log.warning([first.number], "uppdrag status \"\(unknown.status)\" is not one the progress scale knows (Klart, Pågår, Ej påbörjad, Blir klart i år … see the README); kept as printed and counted as not assessed")
        } else {
            status = first.trimmed.split(separator: " ").first.map(String.init) ?? ""
            titleStart = String(first.trimmed.dropFirst(status.count))
            log.warning([first.number], "uppdrag without a recognisable status before its title; the first word \"\(status)\" is kept as the status and counted as not assessed")
        }
        var titleLines = [Line(number: first.number, text: titleStart)]
        var next = cursor + 1
        while next < end, !lines[next].isBlank {
            titleLines.append(lines[next])
            next += 1
        }
        let merged = titleLines.count > 4 || titleLines.dropLast().contains { $0.trimmed.hasSuffix(".") }
            || (titleLines.count > 1 && titleLines.last!.trimmed.hasSuffix(".") && titleLines.count > 3)
        // No blank line before the end of the block, or the title run reads as title plus
        // comment: the title is the lines up to the first one that ends without punctuation and
        // is followed by a line starting with a capital letter (titles carry no full stop; the
        // comment opens a sentence).
        if next == end || merged, titleLines.count > 1,
           let cut = Self.titleEnd(titleLines) {
            let title = TextJoin.join(Array(titleLines[...cut]))
            let comment = TextJoin.cellParagraphs(Array(titleLines[(cut + 1)...]) + Array(lines[next ..< end]))
            log.warning(titleLines.map(\.number), "uppdrag title and comment are not separated by a blank line; the title is read as the \(cut + 1) line(s) up to \"\(title)\", before a capitalised line")
            return (Assignment(title: title, status: status, comment: comment), end)
        }
        if !merged {
            let title = TextJoin.join(titleLines)
            let comment = TextJoin.cellParagraphs(Array(lines[next ..< end]))
            if comment.isEmpty {
                log.warning(titleLines.map(\.number), "uppdrag \"\(title)\" without a comment")
            }
            return (Assignment(title: title, status: status, comment: comment), end)
        }
        // Title and comment start on one line: the comment begins at a capitalised word after
        // a lower-case one, within the title column.
        let words = titleStart.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var offset = 0
        var candidates: [(word: Int, offset: Int)] = []
        for (k, word) in words.enumerated() {
            if k >= 2, let c = word.first, c.isUppercase, let p = words[k - 1].first, p.isLowercase, offset <= 60 {
                candidates.append((k, offset))
            }
            offset += word.count + 1
        }
        guard let chosen = candidates.last else {
            let title = TextJoin.join(titleLines)
            log.warning(titleLines.map(\.number), "uppdrag title runs into its comment without a blank line and no point where the comment starts can be found; everything is read as the title")
            return (Assignment(title: title, status: status, comment: TextJoin.cellParagraphs(Array(lines[next ..< end]))), end)
        }
        let title = words[..<chosen.word].joined(separator: " ").trimmedWhitespace
        let commentFirst = Line(number: first.number, text: words[chosen.word...].joined(separator: " "))
        let comment = TextJoin.cellParagraphs([commentFirst] + titleLines.dropFirst() + Array(lines[next ..< end]))
        var message = "uppdrag title and comment start on the same line; the title is read as \"\(title)\" and the comment as starting at \"\(words[chosen.word])\""
        if candidates.count > 1 {
            message += " (other possible starts: \(candidates.dropLast().map { "\"\(words[$0.word])\"" }.joined(separator: ", ")))"
        }
        log.warning([first.number], message)
        return (Assignment(title: title, status: status, comment: comment), end)
    }
}
