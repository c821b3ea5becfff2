import Algorithms
import Foundation
import ReportCore

/// One searchable text of the report (its lower-cased text lives in the index's byte buffer).
struct SearchEntry: Sendable {
    /// What the hit is, in Swedish, e.g. "Indikator: Resultat exkl exploatering": the prefix
    /// ("Indikator: ") and the name, joined only for hits.
    var labelPrefix: String
    var labelName: String
    var jump: Jump
    /// The text is the thing's own name (a title, a row label), not a text about it.
    var isName = false

    var label: String { labelPrefix + labelName }
}

/// Every name and text of the report, built once; a search is one pass over it.
///
/// The lower-cased UTF-8 of every entry is stored in one buffer, each followed by a 0 byte, so
/// a search is one scan of that buffer (memchr to the candidates) instead of one per entry.
struct SearchIndex: Sendable {
    private(set) var entries: [SearchEntry] = []
    /// Lower-cased UTF-8 of the entries, each followed by a 0 byte.
    private var bytes: [UInt8] = []
    /// Where each entry's text starts in `bytes`.
    private var starts: [Int] = []

    init(analysis: ReportAnalysis, texts: [TextDocument]) {
        let report = analysis.report
        for (a, area) in report.goalAreas.enumerated() {
            add(area.title, "Målområde: ", area.title, Jump(view: .goalTree, focus: .area(a)))
            for (c, council) in area.councilGoals.enumerated() {
                let kf = GoalRef(area: a, council: c, board: nil)
                add(council.title, "KF-mål: ", council.title, Jump(view: .goal(kf)))
                for note in council.indicatorTable?.notes ?? [] { add(note, "Not: ", council.title, Jump(view: .goal(kf))) }
                for (b, board) in council.boardGoals.enumerated() {
                    let ref = GoalRef(area: a, council: c, board: b)
                    add(board.title, "Nämndmål: ", board.title, Jump(view: .goal(ref)))
                    for (p, paragraph) in board.narrative.enumerated() {
                        add(paragraph, "Nämndmål: ", board.title, Jump(view: .goal(ref), anchor: p))
                    }
                    for note in board.indicatorTable?.notes ?? [] { add(note, "Not: ", board.title, Jump(view: .goal(ref))) }
                }
            }
        }
        for (i, item) in analysis.indicators.enumerated() {
            let jump = Jump(view: .indicator(i))
            let label = item.indicator.printedName
            add(item.indicator.printedName, "Indikator: ", label, jump)
            if let note = item.indicator.note { add(note, "Indikator: ", label, jump) }
            if let quote = item.indicator.reportedStatus?.quote { add(quote, "Indikator: ", label, jump) }
            if let reason = item.indicator.override?.reason { add(reason, "Indikator: ", label, jump) }
        }
        for (i, item) in analysis.assignments.enumerated() {
            let label = item.assignment.title
            add(item.assignment.title, "Uppdrag: ", label, Jump(view: .assignment(i)))
            for paragraph in item.assignment.comment { add(paragraph, "Uppdrag: ", label, Jump(view: .assignment(i))) }
        }
        for ref in TableRef.allCases {
            let table = ref.table(in: report)
            let view: ViewID = ref.section == .economy ? .economy : .investments
            add(table.title, "Tabell: ", table.title, Jump(view: view, focus: table.rows.isEmpty ? nil : .tableRow(ref, 0)))
            let rowPrefix = table.title + ": "
            for (r, row) in table.rows.enumerated() {
                add(row.label, rowPrefix, row.label, Jump(view: view, focus: .tableRow(ref, r)))
                // The row's figures as printed ("616 275") and without the thousands spaces
                // ("616275"), cell by cell, so a search never matches across two cells.
                let figures = row.cells.filter { !$0.isEmpty }.map { cell in
                    cell.contains(" ") ? cell + " | " + cell.replacingOccurrences(of: " ", with: "") : cell
                }
                if !figures.isEmpty { add(figures.joined(separator: " | "), rowPrefix, row.label, Jump(view: view, focus: .tableRow(ref, r))) }
            }
            for note in table.notes ?? [] { add(note, "Tabell: ", table.title, Jump(view: view)) }
        }
        for absent in report.economy.absentTables {
            add(absent.title + " " + absent.reason, "Saknad tabell: ", absent.title, Jump(view: .economy))
        }
        for (t, document) in texts.enumerated() {
            var paragraph = 0
            func walk(_ section: TextSection) {
                add(section.heading, "Text: ", section.heading, Jump(view: .text(t), anchor: paragraph))
                for text in section.paragraphs {
                    add(text, "Text: ", document.section.heading, Jump(view: .text(t), anchor: paragraph))
                    paragraph += 1
                }
                if let note = section.note { add(note, "Text: ", document.section.heading, Jump(view: .text(t))) }
                for sub in section.subsections ?? [] { walk(sub) }
            }
            walk(document.section)
        }
        for (i, item) in analysis.internalControlItems.enumerated() {
            let label = item.title
            let jump = Jump(view: .controlItem(i))
            add(item.title + " " + item.process, "Intern kontroll: ", label, jump)
            for paragraph in item.comment { add(paragraph, "Intern kontroll: ", label, jump) }
            for detail in item.details { add(detail.text, "Intern kontroll: ", label, jump) }
        }
        for (i, finding) in analysis.audit.findings.enumerated() {
            add(finding.location + " " + finding.message, "Granskning: ", finding.location, Jump(view: .audit, focus: .finding(i)))
        }
    }

    private mutating func add(_ text: String, _ labelPrefix: String, _ labelName: String, _ jump: Jump) {
        guard !text.isEmpty else { return }
        starts.append(bytes.count)
        Self.appendLowercased(text, to: &bytes)
        bytes.append(0)
        entries.append(SearchEntry(labelPrefix: labelPrefix, labelName: labelName, jump: jump, isName: text == labelName))
    }

    /// The places whose texts contain `term` (case-insensitive), one hit per place, ranked:
    /// first where a whole text is the term (a name typed in full), then where the term is a
    /// whole word or words of a text, then where it begins a word, last where it occurs only
    /// inside words; within a rank names (titles, row labels) before other texts, then report
    /// order. A place with several texts gets its best rank.
    func search(_ term: String) -> [SearchHit] {
        var lowered: [UInt8] = []
        Self.appendLowercased(term, to: &lowered)
        let pattern = lowered
        // Entries are separated by 0 bytes: a pattern without one never spans two entries.
        guard !pattern.isEmpty, !pattern.contains(0) else { return [] }
        var hits: [SearchHit] = []
        var placeOf: [Jump: Int] = [:]
        var named: [Bool] = []
        Self.forEachMatch(of: pattern, in: bytes, starts: starts) { entry in
            let jump = entries[entry].jump
            let end = entry + 1 < starts.count ? starts[entry + 1] - 1 : bytes.count - 1
            let rank = bytes.withUnsafeBufferPointer { all in
                pattern.withUnsafeBufferPointer { Self.rank(of: $0, in: UnsafeBufferPointer(rebasing: all[starts[entry]..<end])) }
            }
            let isName = entries[entry].isName
            if let place = placeOf[jump] {
                if (rank, !isName ? 1 : 0) < (hits[place].rank, !named[place] ? 1 : 0) {
                    hits[place].rank = rank
                    named[place] = isName
                }
                return
            }
            placeOf[jump] = hits.count
            named.append(isName)
            hits.append(SearchHit(labelPrefix: entries[entry].labelPrefix, labelName: entries[entry].labelName, jump: jump, rank: rank))
        }
        func order(_ i: Int) -> (Int, Int, Int) { (hits[i].rank.rawValue, named[i] ? 0 : 1, i) }
        return hits.indices.sorted { order($0) < order($1) }.map { hits[$0] }
    }

    /// How `pattern` matches `text` (both lower-cased UTF-8). Word characters are ASCII letters
    /// and digits and every non-ASCII byte (å, ä, ö …); anything else separates words.
    static func rank(of pattern: [UInt8], in text: [UInt8]) -> SearchRank {
        pattern.withUnsafeBufferPointer { needle in text.withUnsafeBufferPointer { rank(of: needle, in: $0) } }
    }

    /// `rank(of:in:)` without copying: one scan of the text (memchr to the pattern's first byte).
    static func rank(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> SearchRank {
        let m = needle.count, n = haystack.count
        guard m > 0, m <= n, let first = needle.baseAddress, let base = haystack.baseAddress else { return .insideWord }
        if m == n, memcmp(base, first, m) == 0 { return .exact }
        @inline(__always) func isWord(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte &- 0x30) < 10 || (byte &- 0x61) < 26 || (byte &- 0x41) < 26
        }
        let needleOpens = isWord(first[0]), needleCloses = isWord(first[m - 1])
        var best = SearchRank.insideWord
        var start = 0
        while start + m <= n {
            guard let hit = memchr(base + start, Int32(first[0]), n - m + 1 - start) else { break }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, first, m) == 0 {
                let opens = at == 0 || !needleOpens || !isWord(base[at - 1])
                let closes = at + m == n || !needleCloses || !isWord(base[at + m])
                if opens && closes { return .word }
                if opens { best = .wordStart }
            }
            start = at + 1
        }
        return best
    }
}

extension SearchIndex {
    /// Rough frequency of each byte in lower-cased Swedish report text (per mille; letters by
    /// their Swedish frequency, space and the lead byte of å, ä, ö common): the scan jumps with
    /// memchr to the pattern's least frequent byte.
    static let byteFrequency: [UInt8] = {
        var table = [UInt8](repeating: 2, count: 256)
        let letters: [(Character, UInt8)] = [
            ("e", 100), ("a", 94), ("n", 85), ("r", 84), ("t", 77), ("s", 66), ("i", 58), ("l", 53), ("d", 47), ("o", 45),
            ("m", 35), ("k", 31), ("g", 28), ("v", 24), ("h", 21), ("f", 20), ("u", 19), ("p", 18), ("c", 15), ("b", 15),
            ("y", 7), ("j", 6), ("x", 2), ("w", 1), ("z", 1), ("q", 1),
        ]
        for (letter, frequency) in letters { table[Int(letter.asciiValue!)] = frequency }
        table[0x20] = 150
        table[0xC3] = 45
        for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(digit)] = 10 }
        table[Int(UInt8(ascii: ","))] = 10
        table[Int(UInt8(ascii: "."))] = 10
        return table
    }()

    /// Calls `found` with each entry (in order, once) whose text contains `pattern`: memchr to
    /// each occurrence of the pattern's least frequent byte, then a comparison of the pattern.
    static func forEachMatch(of pattern: [UInt8], in bytes: [UInt8], starts: [Int], _ found: (Int) -> Void) {
        let m = pattern.count
        guard m > 0, !starts.isEmpty else { return }
        let frequency = byteFrequency
        var anchor = 0
        for index in pattern.indices where frequency[Int(pattern[index])] < frequency[Int(pattern[anchor])] { anchor = index }
        bytes.withUnsafeBufferPointer { buffer in
            pattern.withUnsafeBufferPointer { needle in
                guard let base = buffer.baseAddress, let first = needle.baseAddress else { return }
                let n = buffer.count
                let anchorByte = Int32(first[anchor])
                // `position`: the first start not yet examined.
                var position = 0
                while position + m <= n {
                    guard let hit = memchr(base + position + anchor, anchorByte, n - m + 1 - position) else { return }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                    if memcmp(base + at, first, m) == 0 {
                        // The entry holding `at`: the last start at or before it.
                        let entry = max(0, starts.partitioningIndex { $0 > at } - 1)
                        found(entry)
                        if entry + 1 >= starts.count { return }
                        position = starts[entry + 1]
                    } else {
                        position = at + 1
                    }
                }
            }
        }
    }

    /// Appends `text.lowercased()` as UTF-8. Scalars without case mappings beyond Latin-1 (ASCII,
    /// Latin-1 letters, general punctuation) are mapped here byte by byte; a text with any
    /// other non-ASCII scalar is lower-cased by the standard library.
    static func appendLowercased(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        let start = buffer.count
        text.withUTF8 { buffer.append(contentsOf: $0) }
        // Lower-cased in place; false when a scalar needs the standard library.
        let simple = buffer.withUnsafeMutableBufferPointer { all -> Bool in
            guard let base = all.baseAddress else { return true }
            let bytes = base + start
            let n = all.count - start
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b &- 0x41 < 26 { bytes[i] = b | 0x20 }
                    i += 1
                } else if b == 0xC2, i + 1 < n {
                    // U+0080–U+00BF: no lower-case mapping.
                    i += 2
                } else if b == 0xC3, i + 1 < n {
                    // U+00C0–U+00DE (not ×) lower-case to U+00E0–U+00FE; the rest stay.
                    let c = bytes[i + 1]
                    if c >= 0x80 && c <= 0x9E && c != 0x97 { bytes[i + 1] = c + 0x20 }
                    i += 2
                } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x88 {
                    // U+2000–U+203F (spaces, dashes, quotes) and U+2200–U+223F (−): no mapping.
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
        if !simple {
            buffer.removeSubrange(start...)
            buffer.append(contentsOf: text.lowercased().utf8)
        }
    }
}
