import Foundation
import ReportCore

/// A paragraph with the numbers of its lines.
struct Paragraph: Equatable {
    var text: String
    var lines: [Int]
}

/// Text under one (sub-)heading.
struct HeadedBlock {
    var heading: String?
    var headingLine: Int?
    var paragraphs: [Paragraph]
}

/// Splits running text at sub-headings: a short line that reads as a heading (see
/// `Words.looksLikeHeading`), printed directly above text (no blank line between), after a blank
/// line, the start of the part or a line that ends a sentence.
///
/// When the text lost its blank lines (`blankLinesAreLost`), a sub-heading also follows a line
/// ending with `!` or `?`, or another heading (`afterHeading`: `Ekonomi, drift (per verksamhet)` /
/// `Politisk verksamhet`), and paragraphs are split by `TextJoin.splitWithoutBlankLines`.
enum HeadedText {
    static func isSubheading(_ lines: [Line], _ index: Int, in range: Range<Int>, blankLinesAreLost: Bool = false, afterHeading: Bool = false) -> Bool {
        let line = lines[index]
        guard Words.looksLikeHeading(line.text), index + 1 < range.upperBound else { return false }
        let next = lines[index + 1]
        guard !next.isBlank, let first = next.trimmed.first, first.isUppercase || first.isNumber else { return false }
        guard index > range.lowerBound else { return true }
        let previous = lines[index - 1]
        if blankLinesAreLost {
            return previous.isBlank || afterHeading || Words.endsSentence(previous.trimmed)
        }
        return previous.isBlank || previous.trimmed.hasSuffix(".")
    }

    static func paragraphs(_ lines: [Line], blankLinesAreLost: Bool = false) -> [Paragraph] {
        var runs = TextJoin.blocks(lines, splitAtIndentedStart: true)
        if blankLinesAreLost {
            runs = runs.flatMap(TextJoin.splitWithoutBlankLines)
        }
        return runs.map { Paragraph(text: TextJoin.join($0), lines: $0.map(\.number)) }
    }

    static func blocks(_ lines: [Line], in range: Range<Int>, blankLinesAreLost: Bool = false) -> [HeadedBlock] {
        var result: [HeadedBlock] = [HeadedBlock(heading: nil, headingLine: nil, paragraphs: [])]
        var pending: [Line] = []
        var afterHeading = false
        func flush() {
            result[result.count - 1].paragraphs += paragraphs(pending, blankLinesAreLost: blankLinesAreLost)
            pending = []
        }
        for index in range {
            if isSubheading(lines, index, in: range, blankLinesAreLost: blankLinesAreLost, afterHeading: afterHeading) {
                flush()
                result.append(HeadedBlock(heading: lines[index].trimmed, headingLine: lines[index].number, paragraphs: []))
                afterHeading = true
            } else {
                pending.append(lines[index])
                afterHeading = false
            }
        }
        flush()
        return result
    }

    static func section(heading: String, blocks: [HeadedBlock]) -> TextSection {
        let own = blocks.first { $0.heading == nil }?.paragraphs.map(\.text) ?? []
        let subsections = blocks.filter { $0.heading != nil }.map {
            TextSection(heading: $0.heading!, paragraphs: $0.paragraphs.map(\.text))
        }
        return TextSection(id: Words.slug(heading), heading: heading, paragraphs: own, subsections: subsections.isEmpty ? nil : subsections)
    }
}

/// The Sammanfattning and its Preliminär bedömning table.
struct SummaryParser {
    let lines: [Line]
    let log: DiagnosticLog
    /// The text lost its blank lines (`SourceText.blankLinesAreLost`).
    let blankLinesAreLost: Bool
    /// Per sub-heading of the summary, its paragraphs with line numbers (for statements).
    private(set) var paragraphLines: [(heading: String, paragraphs: [Paragraph])] = []

    init(lines: [Line], log: DiagnosticLog, blankLinesAreLost: Bool = false) {
        self.lines = lines
        self.log = log
        self.blankLinesAreLost = blankLinesAreLost
    }

    mutating func sections(in range: Range<Int>) -> [TextSection] {
        let blocks = HeadedText.blocks(lines, in: range, blankLinesAreLost: blankLinesAreLost)
        paragraphLines = blocks.map { ($0.heading ?? "Sammanfattning", $0.paragraphs) }
        return [HeadedText.section(heading: "Sammanfattning", blocks: blocks)]
    }

    /// Words a printed assessment is made of (`Uppnås`, `Uppnås delvis`, `Närmar sig` …).
    static let assessmentWords: Set<String> = ["uppnås", "ej", "inte", "delvis", "helt", "närmar", "sig", "uppnått", "uppfylls", "uppfyllt", "uppnådd",
                                               "uppnåddes", "uppnåtts", "uppfylldes", "uppfyllts"]
    static let assessmentCores: Set<String> = ["uppnås", "uppnått", "närmar", "uppfylls", "uppfyllt", "uppnådd", "uppnåddes", "uppnåtts", "uppfylldes", "uppfyllts"]

    func preliminaryAssessment(in range: Range<Int>) -> [PreliminaryAssessment] {
        var result: [PreliminaryAssessment] = []
        var skipped: [Int] = []
        var ended = false
        for index in range where !lines[index].isBlank {
            let words = lines[index].trimmed.split(separator: " ").map(String.init)
            var split = words.count
            while split > 0, Self.assessmentWords.contains(words[split - 1].lowercased()) { split -= 1 }
            let tail = words[split...].map { $0.lowercased() }
            if !ended, split > 0, tail.contains(where: Self.assessmentCores.contains) {
                result.append(PreliminaryAssessment(area: words[..<split].joined(separator: " "), assessment: words[split...].joined(separator: " ")))
            } else {
                ended = true
                skipped.append(lines[index].number)
            }
        }
        if !skipped.isEmpty {
            log.info(skipped, "headings between the Preliminär bedömning table and the first Målområde are not part of the data format; skipped")
        }
        if result.isEmpty, let first = range.first {
            log.warning([lines[first].number], "the Preliminär bedömning table has no readable rows")
        }
        return result
    }
}
