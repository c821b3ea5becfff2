import Foundation
import ReportCore

/// A plain text section (Händelser av väsentlig betydelse, Lokaler, …) with its sub-headings.
struct SectionParser {
    let lines: [Line]
    let log: DiagnosticLog
    /// The text lost its blank lines (`SourceText.blankLinesAreLost`).
    var blankLinesAreLost = false

    /// An empty table in the text: two or more lines of three or more spaces only (its empty rows),
    /// with its caption and column header (up to two short lines) above them. It carries no data;
    /// the section gets a note and the lines are left out.
    func section(heading: String, headingIndex: Int, content: Range<Int>) -> TextSection {
        var kept = Array(lines[content])
        var note: String?
        let emptyRows = kept.indices.filter { kept[$0].isWhitespaceOnly && kept[$0].text.count >= 3 }
        if emptyRows.count >= 2, let first = emptyRows.first {
            var captionLines: [Int] = []
            var k = first - 1
            while k >= 0, captionLines.count < 2 {
                if kept[k].isBlank { k -= 1; continue }
                guard kept[k].trimmed.count <= 70, !kept[k].trimmed.hasSuffix("."), k == 0 || kept[k - 1].isBlank else { break }
                captionLines.insert(k, at: 0)
                k -= 1
            }
            let texts = captionLines.map { kept[$0].trimmed }
            let removed = Set(captionLines + emptyRows)
            let numbers = removed.sorted().map { kept[$0].number }
            if texts.count == 2 {
                let columns = texts[1].split(separator: " ").map(String.init)
                let list = columns.count > 1 ? columns.dropLast().joined(separator: ", ") + " och " + columns.last! : texts[1]
                note = "Tabellen \"\(texts[0])\" med kolumnerna \(list) är tryckt med \(emptyRows.count) tomma rader."
            } else {
                note = "En tabell \(texts.first.map { "\"\($0)\" " } ?? "")är tryckt med \(emptyRows.count) tomma rader."
            }
            log.info(numbers, "an empty table (\(texts.joined(separator: " / "))) with \(emptyRows.count) empty rows; left out, noted on the section \"\(heading)\"")
            kept = kept.indices.filter { !removed.contains($0) }.map { kept[$0] }
        } else if blankLinesAreLost, let table = trailingEmptyTable(kept) {
            let caption = kept[table.caption].trimmed
            let columns = kept[table.header].trimmed.split(separator: " ").map(String.init)
            let list = columns.dropLast().joined(separator: ", ") + " och " + (columns.last ?? "")
            note = "Tabellen \"\(caption)\" med kolumnerna \(list) har inga ifyllda rader i texten."
            log.info([kept[table.caption].number, kept[table.header].number],
                     "a table caption and column header (\(caption)) without rows end the section \"\(heading)\" (empty rows are lost with the blank lines); left out, noted on the section")
            kept.removeSubrange(table.caption...)
        }
        let blocks = HeadedText.blocks(kept, in: 0 ..< kept.count, blankLinesAreLost: blankLinesAreLost)
        var section = HeadedText.section(heading: heading, blocks: blocks)
        section.note = note
        if section.paragraphs.isEmpty && (section.subsections ?? []).isEmpty {
            log.warning([lines[headingIndex].number], "the section \"\(heading)\" has no text")
        }
        return section
    }

    /// Text without blank lines, whose empty table rows were lost with them: the section ends
    /// with a caption (a line that reads as a heading) and a column header (two or more words,
    /// each capitalised, no end punctuation), after a line that ends a sentence. Their indices in
    /// `kept`, or `nil`.
    func trailingEmptyTable(_ kept: [Line]) -> (caption: Int, header: Int)? {
        let filled = kept.indices.filter { !kept[$0].isBlank }
        guard filled.count >= 3 else { return nil }
        let (before, captionIndex, headerIndex) = (filled[filled.count - 3], filled[filled.count - 2], filled[filled.count - 1])
        let header = kept[headerIndex].trimmed
        let words = header.split(separator: " ")
        guard words.count >= 2, header.count <= 70, !".,:;!?".contains(header.last ?? "."),
              words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        guard Words.looksLikeHeading(kept[captionIndex].text), Words.endsSentence(kept[before].trimmed) else { return nil }
        return (captionIndex, headerIndex)
    }
}
