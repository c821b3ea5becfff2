import Foundation
import ReportCore

extension FinancialPartParser {
    /// The reason recorded for a table that the text lacks.
    static let absentReason = "Tabellen var en bild i PDF:en och finns inte i textversionen; inga värden har hittats på."

    /// Places the tables and texts of the two parts in the model.
    ///
    /// Tables: in Ekonomi the first table with deviation columns is the operations table, the
    /// first with only year columns the net cost table, and the next remaining one (preferably
    /// one that mentions Covid) the Covid-19 table; in Investeringar the first table is the
    /// board's investments, the second the urban-development projects. A table's title is the
    /// heading printed above it; a table printed under running text gets a title made from its
    /// sum row (`Summa Nettokostnad` + `Verksamhet, tkr` → `Nettokostnad per verksamhet`).
    ///
    /// Texts: paragraphs after a table form a section headed by the table's title; a heading
    /// starts a section; a sub-heading that names a verksamhet of the net cost table is a
    /// subsection of the section before it (or of a section named after the table it follows),
    /// any other sub-heading starts a section of its own. A heading with an image placeholder
    /// under it and no table is recorded in `absentTables`.
    func assemble(economy economyItems: [Item], investments investmentItems: [Item], economyLine: Int?, investmentsLine: Int?)
        -> (Economy, Investments) {
        var economyTables = tablesWithTitles(economyItems)
        var investmentTables = tablesWithTitles(investmentItems)

        func take(_ tables: inout [ParsedTable], where predicate: (ParsedTable) -> Bool) -> ParsedTable? {
            guard let index = tables.firstIndex(where: predicate) else { return nil }
            return tables.remove(at: index)
        }
        let operations = take(&economyTables) { $0.columns.contains { $0.role == .deviation } }
        let netCost = take(&economyTables) { $0.columns.allSatisfy { $0.role == .value } }
        let covid = take(&economyTables) { ($0.title ?? "").lowercased().contains("covid") || $0.rowHeader.lowercased().contains("covid") }
            ?? take(&economyTables) { _ in true }
        for table in economyTables {
            log.warning([table.headerLine], "a further table in the Ekonomi part (\"\(table.rowHeader)\") has no place in the data format; not imported")
        }
        let board = investmentTables.isEmpty ? nil : investmentTables.removeFirst()
        let urban = investmentTables.isEmpty ? nil : investmentTables.removeFirst()
        for table in investmentTables {
            log.warning([table.headerLine], "a further table in the Investeringar part (\"\(table.rowHeader)\") has no place in the data format; not imported")
        }

        let verksamheter = (netCost?.rows ?? []).filter { !$0.label.lowercased().hasPrefix("summa") }.map(\.label)
        let (economyCommentary, absent) = commentary(economyItems, verksamheter: verksamheter)
        let (investmentCommentary, moreAbsent) = commentary(investmentItems, verksamheter: verksamheter)

        /// `optional`: a table many boards do not have (Covid-19, nettokostnad,
        /// samhällsbyggnadsprojekt); its absence is an info, not a warning.
        func finish(_ table: ParsedTable?, id: String, what: String, line: Int?, optional: Bool = true, kind: (String) -> RowKind) -> FinancialTable {
            guard var table else {
                if let line {
                    if optional {
                        log.info([line], "no \(what) table in the part; recorded as an empty table (the board does not report one)")
                    } else {
                        log.warning([line], "no \(what) table found; an empty table is recorded")
                    }
                }
                return FinancialTable(id: id, title: what, rowHeader: "", unit: "", columns: [], rows: [])
            }
            structure(&table, kind: kind)
            return FinancialTable(id: id, title: table.title ?? what, rowHeader: table.rowHeader, unit: table.unit, columns: table.columns,
                                  rows: table.rows, notes: table.notes.isEmpty ? nil : table.notes)
        }
        let economy = Economy(
            operations: finish(operations, id: "operations", what: "Ekonomi", line: economyLine, optional: false) { FinancialPartParser.provisionalKind($0) ?? .cost },
            netCost: finish(netCost, id: "netCost", what: "Nettokostnad", line: economyLine) { _ in .value },
            covid: finish(covid, id: "covid", what: "Covid-19", line: economyLine) { _ in .value },
            absentTables: absent + moreAbsent, commentary: economyCommentary)
        let investments = Investments(
            board: finish(board, id: "boardInvestments", what: "Nämndernas investeringar", line: investmentsLine, optional: false) { _ in .investment },
            urbanDevelopment: finish(urban, id: "urbanDevelopment", what: "Samhällsbyggnadsprojekt", line: investmentsLine) { _ in .investment },
            commentary: investmentCommentary)
        return (economy, investments)
    }

    /// Tables in printed order, titled by the heading above them when no text came between.
    private func tablesWithTitles(_ items: [Item]) -> [ParsedTable] {
        var tables: [ParsedTable] = []
        var heading: String?
        for item in items {
            switch item {
            case .heading(let text, _): heading = text
            case .placeholder: break
            case .subheading, .paragraph: heading = nil
            case .table(var table):
                table.title = heading ?? Self.defaultTitle(table)
                if heading == nil {
                    log.info([table.headerLine], "the table \"\(table.rowHeader)\" has no heading of its own; titled \"\(table.title!)\"")
                }
                tables.append(table)
                heading = nil
            }
        }
        return tables
    }

    static func defaultTitle(_ table: ParsedTable) -> String {
        let subject = table.rowHeader.split(separator: ",").first.map { $0.trimmedWhitespace.lowercased() } ?? ""
        if let sum = table.rows.last(where: { $0.label.lowercased().hasPrefix("summa ") }) {
            let what = sum.label.dropFirst("summa ".count).trimmedWhitespace
            let capitalised = what.prefix(1).uppercased() + what.dropFirst()
            return subject.isEmpty ? capitalised : "\(capitalised) per \(subject)"
        }
        return table.rowHeader
    }

    /// Whether a sub-heading names one of the verksamheter (by its first word).
    private static func namesVerksamhet(_ heading: String, _ verksamheter: [String]) -> Bool {
        func firstWord(_ text: String) -> String {
            text.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",.:")) } ?? ""
        }
        return verksamheter.contains { firstWord($0) == firstWord(heading) }
    }

    private func commentary(_ items: [Item], verksamheter: [String]) -> ([TextSection], [AbsentTable]) {
        var sections: [TextSection] = []
        var absent: [AbsentTable] = []
        var partHeading = ""
        var pending = ""
        var open = false
        var placeholderUnder: (heading: String, line: Int)?
        var textSinceHeading = false
        var pendingIsSynthetic = false

        func openSection(_ heading: String) {
            sections.append(TextSection(id: Words.slug(heading), heading: heading, paragraphs: []))
            open = true
        }
        func resolvePlaceholder(tableFollows: Bool) {
            guard let placeholder = placeholderUnder else { return }
            placeholderUnder = nil
            guard !tableFollows else { return }
            absent.append(AbsentTable(title: placeholder.heading, location: "\(partHeading), under rubriken \"\(placeholder.heading)\"", reason: Self.absentReason))
            log.info([placeholder.line], "under the heading \"\(placeholder.heading)\" the text has an empty line where the PDF had an image and no table; recorded as an absent table")
        }

        for (position, item) in items.enumerated() {
            switch item {
            case .heading(let text, _):
                resolvePlaceholder(tableFollows: false)
                if position == 0 { partHeading = text }
                pending = text
                open = false
                textSinceHeading = false
                pendingIsSynthetic = false
            case .placeholder(let line):
                placeholderUnder = (pending, line)
            case .table(let table):
                resolvePlaceholder(tableFollows: true)
                if textSinceHeading {
                    pending = Self.defaultTitle(table)
                    pendingIsSynthetic = true
                }
                open = false
                textSinceHeading = false
            case .paragraph(let paragraph):
                resolvePlaceholder(tableFollows: false)
                textSinceHeading = true
                if !open { openSection(pending) }
                let last = sections.count - 1
                if var subsections = sections[last].subsections, !subsections.isEmpty {
                    subsections[subsections.count - 1].paragraphs.append(paragraph.text)
                    sections[last].subsections = subsections
                } else {
                    sections[last].paragraphs.append(paragraph.text)
                }
            case .subheading(let text, let line):
                resolvePlaceholder(tableFollows: false)
                textSinceHeading = true
                if Self.namesVerksamhet(text, verksamheter) {
                    if !open {
                        openSection(pending)
                        if pendingIsSynthetic {
                            sections[sections.count - 1].note = "Rubriken är satt vid importen; i rapporten står texterna direkt under tabellen."
                            log.info([line], "sub-headings naming verksamheter directly under the table \"\(pending)\"; grouped under a section with the table's title")
                        }
                    }
                    let last = sections.count - 1
                    if !sections[last].paragraphs.isEmpty, sections[last].subsections == nil {
                        // The section has text of its own: the verksamhet starts a section instead.
                        openSection(text)
                        continue
                    }
                    sections[last].subsections = (sections[last].subsections ?? []) + [TextSection(heading: text, paragraphs: [])]
                } else {
                    openSection(text)
                    pending = text
                    pendingIsSynthetic = false
                }
            }
        }
        resolvePlaceholder(tableFollows: false)
        for index in sections.indices where absent.contains(where: { $0.title == sections[index].heading }) {
            sections[index].note = "Tabellen under rubriken saknas i textversionen (den var en bild i PDF:en)."
        }
        return (sections, absent)
    }

    // MARK: - Structure

    /// Row kinds, sum rows, levels and ids.
    ///
    /// - A heading row (no figures) opens a group; its rows are level 1 and a following
    ///   `Summa …` row adds them up.
    /// - A row with figures printed right above a heading row is a group total printed before
    ///   its members (`Exploateringsprojekt/Område`); its sub-headings are level 1, their rows
    ///   level 2, and it adds up those rows.
    /// - A `Summa …` row after closed groups adds up their sums; with no groups, it adds up every
    ///   row above it.
    /// - Without headings and `Summa` rows, a row that equals the sum of the rows right above it
    ///   (in most columns, within rounding) is a sum row; a `resultat` row that equals the
    ///   difference of two rows above it is their difference. The audit checks the figures.
    func structure(_ table: inout ParsedTable, kind: (String) -> RowKind) {
        var rows = table.rows
        for index in rows.indices where rows[index].kind != .heading {
            rows[index].kind = kind(rows[index].label)
        }
        var sums: [Int: [(Int, Bool)]] = [:]
        let hasGroups = rows.contains { $0.kind == .heading }
        let isSummaRow: (Int) -> Bool = { rows[$0].label.lowercased().hasPrefix("summa") && rows[$0].kind != .heading }
        if hasGroups || rows.indices.contains(where: isSummaRow) {
            var topSums: [Int] = []
            var openTotal: Int?
            var totalHasSubheadings = false
            var openHeading: Int?
            var members: [Int] = []
            var plain: [Int] = []
            func closeTotal() {
                if let total = openTotal {
                    sums[total] = members.map { ($0, false) }
                    topSums.append(total)
                }
                openTotal = nil
                members = []
            }
            for r in rows.indices {
                var isTotal = rows[r].kind != .heading && r + 1 < rows.count && rows[r + 1].kind == .heading && !isSummaRow(r)
                if isTotal, let total = openTotal, totalHasSubheadings {
                    // Inside a total with sub-groups, a row above a heading is the group's last
                    // row, unless the group pattern starts again (the same sub-heading follows, or
                    // the label ends like the open total's: `…/Område`).
                    let firstSubheading = rows[(total + 1)...].first { $0.kind == .heading }?.label
                    let suffix = { (label: String) in label.split(separator: "/").count > 1 ? label.split(separator: "/").last.map(String.init) : nil }
                    isTotal = rows[r + 1].label == firstSubheading || (suffix(rows[r].label) != nil && suffix(rows[r].label) == suffix(rows[total].label))
                }
                if rows[r].kind == .heading {
                    if openTotal != nil {
                        rows[r].level = 1
                        totalHasSubheadings = true
                    } else {
                        rows[r].level = 0
                        openHeading = r
                        members = []
                    }
                } else if isTotal {
                    closeTotal()
                    openHeading = nil
                    openTotal = r
                    totalHasSubheadings = false
                    rows[r].level = 0
                } else if isSummaRow(r) {
                    if openTotal == nil, openHeading != nil, !members.isEmpty {
                        sums[r] = members.map { ($0, false) }
                        topSums.append(r)
                        openHeading = nil
                        members = []
                        rows[r].level = 0
                    } else {
                        closeTotal()
                        openHeading = nil
                        if !topSums.isEmpty {
                            sums[r] = topSums.map { ($0, false) }
                            rows[r].level = hasGroups ? 0 : nil
                            topSums = [r]
                        } else {
                            sums[r] = plain.map { ($0, false) }
                            plain = []
                        }
                    }
                } else if openTotal != nil {
                    rows[r].level = totalHasSubheadings ? 2 : 1
                    members.append(r)
                } else if openHeading != nil {
                    rows[r].level = 1
                    members.append(r)
                } else {
                    if hasGroups { rows[r].level = 0 }
                    plain.append(r)
                }
            }
            closeTotal()
        } else {
            inferSumsByArithmetic(rows: &rows, columns: table.columns, sums: &sums, lines: table.rowLines)
        }

        Self.kindsByStructure(&rows, sums: sums, lines: table.rowLines, log: log)

        // Ids: the label folded; a repeated label gets its heading (and total) as prefix.
        var used: Set<String> = []
        var ids: [String] = []
        let labelCounts = Dictionary(rows.map { (Words.slug($0.label), 1) }, uniquingKeysWith: +)
        var heading = ""
        var total = ""
        for r in rows.indices {
            let slug = Words.slug(rows[r].label).isEmpty ? "rad" : Words.slug(rows[r].label)
            var id = slug
            if (labelCounts[slug] ?? 0) > 1, rows[r].kind != .heading || (rows[r].level ?? 0) > 0 {
                id = [total, rows[r].kind == .heading ? "" : heading, slug].filter { !$0.isEmpty }.joined(separator: "-")
            }
            var candidate = id
            var n = 2
            while used.contains(candidate) { candidate = "\(id)-\(n)"; n += 1 }
            used.insert(candidate)
            ids.append(candidate)
            if rows[r].kind == .heading {
                heading = Self.shortSlug(rows[r].label)
                if (rows[r].level ?? 0) == 0 { total = "" }
            } else if (rows[r].level ?? 0) == 0, r + 1 < rows.count, rows[r + 1].kind == .heading {
                total = Self.shortSlug(rows[r].label)
                heading = ""
            }
        }
        for r in rows.indices {
            rows[r].id = ids[r]
            if let members = sums[r] {
                rows[r].sumOf = members.map { ($0.1 ? "-" : "") + ids[$0.0] }
            }
        }
        table.rows = rows
        reportSplits(table, sums: sums)
    }

    /// Income and cost told apart by the table's structure, not by each row's label: the rows
    /// of a group headed `Intäkter` (or `Kostnader`) take the group's kind, and so do the
    /// members of a sum row that is income or cost (`Summa intäkter`, `Verksamhetens
    /// intäkter`). A row called `Avgifter` or `Ersättningar` under the income heading is income.
    static func kindsByStructure(_ rows: inout [TableRow], sums: [Int: [(Int, Bool)]], lines: [[Int]], log: DiagnosticLog) {
        guard rows.contains(where: { $0.kind == .income || $0.kind == .cost }) else { return }
        func groupKind(_ label: String) -> RowKind? {
            let lower = label.lowercased()
            if lower.contains("intäkt") { return .income }
            if lower.contains("kostnad") { return .cost }
            return nil
        }
        var changed: [Int] = []
        func assign(_ r: Int, _ kind: RowKind) {
            guard rows[r].kind != kind, rows[r].kind == .income || rows[r].kind == .cost else { return }
            rows[r].kind = kind
            changed.append(r)
        }
        var current: RowKind?
        for r in rows.indices {
            if rows[r].kind == .heading {
                current = (rows[r].level ?? 0) == 0 ? groupKind(rows[r].label) : current
            } else if (rows[r].level ?? 0) >= 1, let kind = current {
                assign(r, kind)
            } else if (rows[r].level ?? 0) == 0, sums[r] == nil {
                current = nil
            }
        }
        // Members of income and cost sums, down through nested sums.
        var pass = 0
        var again = true
        while again, pass < 8 {
            again = false
            pass += 1
            for (sum, members) in sums where rows[sum].kind == .income || rows[sum].kind == .cost {
                for (member, negative) in members where !negative && rows[member].kind != rows[sum].kind && rows[member].kind != .heading {
                    assign(member, rows[sum].kind)
                    again = true
                }
            }
        }
        if !changed.isEmpty {
            let names = changed.sorted().map { "\(rows[$0].label) (\(rows[$0].kind == .income ? "income" : "cost"))" }
            log.info(changed.sorted().flatMap { lines[$0] }, "rows given their kind by the table's groups and sums: \(names.joined(separator: ", "))")
        }
    }

    /// Reports how ambiguous rows were split: an arithmetic decision is an info; a choice by
    /// magnitude is an info when every sum of the table then adds up, else a warning.
    private func reportSplits(_ table: ParsedTable, sums: [Int: [(Int, Bool)]]) {
        let valueColumns = table.columns.indices.filter { table.columns[$0].role != .deviation }
        func sumsAgree(_ row: Int) -> Bool {
            let involved = sums.filter { $0.key == row || $0.value.contains { $0.0 == row } }
            guard !involved.isEmpty else { return false }
            for (sumRow, terms) in involved {
                for c in valueColumns {
                    guard let printed = PrintedNumber(table.rows[sumRow].cells[c]) else { continue }
                    let operands = terms.compactMap { PrintedNumber(table.rows[$0.0].cells[c]) }
                    guard operands.count == terms.count else { return false }
                    let total = zip(terms, operands).reduce(Decimal(0)) { $0 + ($1.0.1 ? -$1.1.value : $1.1.value) }
                    let unit = ([printed] + operands).map(\.unitInLastPlace).max() ?? 1
                    if abs(printed.value - total) > Decimal(operands.count + 1) / 2 * unit { return false }
                }
            }
            return true
        }
        for (row, note) in table.splitNotes {
            let lines = table.rowLines[row]
            if note.decided {
                log.info(lines, note.message)
            } else if sumsAgree(row) {
                log.info(lines, note.message + "; confirmed: the table's sums add up with this reading")
            } else {
                log.warning(lines, note.message)
            }
        }
    }

    private static func shortSlug(_ label: String) -> String {
        Words.slug(label.split(separator: "/").first.map(String.init) ?? label)
    }

    private func inferSumsByArithmetic(rows: inout [TableRow], columns: [TableColumn], sums: inout [Int: [(Int, Bool)]], lines: [[Int]]) {
        let valueColumns = columns.indices.filter { columns[$0].role != .deviation }
        var used: Set<Int> = []
        func agrees(_ r: Int, _ terms: [(Int, Bool)]) -> Bool {
            var agreeing = 0
            var compared = 0
            for c in valueColumns {
                guard let printed = PrintedNumber(rows[r].cells[c]) else { continue }
                let operands = terms.compactMap { PrintedNumber(rows[$0.0].cells[c]) }
                guard operands.count == terms.count else { continue }
                compared += 1
                let sum = zip(terms, operands).reduce(Decimal(0)) { $0 + ($1.0.1 ? -$1.1.value : $1.1.value) }
                let unit = ([printed] + operands).map(\.unitInLastPlace).max() ?? 1
                if abs(printed.value - sum) <= Decimal(operands.count + 1) / 2 * unit { agreeing += 1 }
            }
            return compared > 0 && Double(agreeing) >= 0.6 * Double(compared)
        }
        for r in rows.indices where r >= 2 {
            var found: [(Int, Bool)]?
            var start = r - 1
            var candidates: [[(Int, Bool)]] = []
            while start >= 0, !used.contains(start), sums[start] == nil {
                if r - start >= 2 { candidates.append((start ..< r).map { ($0, false) }) }
                start -= 1
            }
            found = candidates.reversed().first { agrees(r, $0) }
            if found == nil, rows[r].kind == .result {
                let tops = (0 ..< r).filter { !used.contains($0) }
                outer: for a in tops.reversed() {
                    for b in tops where b != a {
                        if agrees(r, [(a, false), (b, true)]) {
                            found = [(a, false), (b, true)]
                            break outer
                        }
                    }
                }
            }
            guard let terms = found else { continue }
            sums[r] = terms
            let coversAll = terms.count == r && terms.allSatisfy { !$0.1 }
            for (member, _) in terms {
                used.insert(member)
                if !coversAll && terms.allSatisfy({ !$0.1 }) { rows[member].level = 1 }
            }
            let names = terms.map { ($0.1 ? "− " : "") + rows[$0.0].label }.joined(separator: ", ")
            log.info(lines[r], "\"\(rows[r].label)\" is read as the sum of \(names): its figures add up (within rounding) in most columns")
        }
    }
}
