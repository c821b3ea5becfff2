import Foundation
import ReportCore

/// A plain text section (Händelser av väsentlig betydelse, Lokaler, …) with its sub-headings.
struct SectionParser {
    let lines: [Line]
    let log: DiagnosticLog

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
        }
        let blocks = HeadedText.blocks(kept, in: 0 ..< kept.count)
        var section = HeadedText.section(heading: heading, blocks: blocks)
        section.note = note
        if section.paragraphs.isEmpty && (section.subsections ?? []).isEmpty {
            log.warning([lines[headingIndex].number], "the section \"\(heading)\" has no text")
        }
        return section
    }
}
