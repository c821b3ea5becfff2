import Foundation
import ReportCore

/// The parts of the report text, as line index ranges into `SourceText.lines`.
struct ReportParts {
    var summary: Range<Int>
    var preliminaryAssessment: Range<Int>
    var goals: Range<Int>
    /// Top-level headings after the goals, in printed order, with the range of their content.
    var topLevel: [(heading: String, headingIndex: Int, content: Range<Int>)]
}

/// Assembles a `Report` from the parts of the text.
struct ReportBuilder {
    let source: SourceText
    let options: ImportOptions
    let log: DiagnosticLog
    let fileName: String
    var lines: [Line] { source.lines }

    static let economyHeading = "Ekonomi"
    static let investmentsHeading = "Investeringar"
    static let internalControlHeading = "Plan för intern kontroll"

    init(source: SourceText, options: ImportOptions, log: DiagnosticLog, fileName: String) {
        self.source = source
        self.options = options
        self.log = log
        self.fileName = fileName
    }

    mutating func build() throws(ImportFailure) -> Report {
        let parts = try segment()

        var summaryParser = SummaryParser(lines: lines, log: log, blankLinesAreLost: source.blankLinesAreLost)
        let summarySections = summaryParser.sections(in: parts.summary)
        let preliminary = summaryParser.preliminaryAssessment(in: parts.preliminaryAssessment)

        var goalParser = GoalParser(lines: lines, log: log, blankLinesAreLost: source.blankLinesAreLost)
        let goalAreas = goalParser.goalAreas(in: parts.goals)
        if goalAreas.isEmpty {
            throw ImportFailure(line: lines[parts.goals.lowerBound].number, message: "no goal area could be read after \"Målområde:\"")
        }

        func part(_ heading: String) -> (headingIndex: Int, content: Range<Int>)? {
            parts.topLevel.first { $0.heading == heading }.map { ($0.headingIndex, $0.content) }
        }
        let financial = FinancialPartParser(lines: lines, log: log, blankLinesAreLost: source.blankLinesAreLost)
        // A part the report does not have is an empty list of items (its tables are recorded
        // empty by the assembly).
        let economyPart = part(Self.economyHeading)
        let investmentsPart = part(Self.investmentsHeading)
        let economyItems = economyPart.map { financial.parse(heading: Self.economyHeading, headingIndex: $0.headingIndex, content: $0.content) }
            ?? [.heading(Self.economyHeading, line: 0)]
        let investmentItems = investmentsPart.map { financial.parse(heading: Self.investmentsHeading, headingIndex: $0.headingIndex, content: $0.content) }
            ?? [.heading(Self.investmentsHeading, line: 0)]
        let (economy, investments) = financial.assemble(economy: economyItems, investments: investmentItems,
                                                        economyLine: economyPart.map { lines[$0.headingIndex].number },
                                                        investmentsLine: investmentsPart.map { lines[$0.headingIndex].number })

        let sectionParser = SectionParser(lines: lines, log: log, blankLinesAreLost: source.blankLinesAreLost)
        var sections: [TextSection] = []
        for entry in parts.topLevel where options.sectionHeadings.contains(entry.heading) {
            sections.append(sectionParser.section(heading: entry.heading, headingIndex: entry.headingIndex, content: entry.content))
        }

        var controlParser = InternalControlParser(lines: lines, log: log, blankLinesAreLost: source.blankLinesAreLost)
        let internalControl: InternalControl
        if let controlPart = part(Self.internalControlHeading) {
            internalControl = controlParser.parse(heading: Self.internalControlHeading, content: controlPart.content)
        } else {
            internalControl = InternalControl(introduction: TextSection(id: Words.slug(Self.internalControlHeading), heading: Self.internalControlHeading, paragraphs: []),
                                              riskReductions: [], auditActions: [], systematicControls: [])
        }

        var statements = StatementReader(log: log, goalAreas: goalAreas)
        let summaryStatements = statements.read(summarySections: summarySections, introduction: internalControl.introduction,
                                                 summaryLines: summaryParser.paragraphLines, introductionLines: controlParser.introductionLines)

        let metadata = MetadataReader(source: source, log: log, fileName: fileName)
            .metadata(goalAreas: goalAreas, economy: economy, investments: investments, cover: cover(before: parts.summary.lowerBound - 1))

        return Report(
            formatVersion: 1, metadata: metadata, statusRule: nil,
            summary: ReportSummary(sections: summarySections, preliminaryAssessment: preliminary, statements: summaryStatements),
            goalAreas: goalAreas, economy: economy, investments: investments, sections: sections,
            internalControl: internalControl, transcriptionNotes: nil)
    }

    /// The lines before the Sammanfattning heading: a cover page (title, board, municipality,
    /// diarienummer) or nothing.
    func cover(before end: Int) -> [Line] {
        Array(lines[0 ..< max(0, end)]).filter { !$0.isBlank }
    }

    /// Finds the parts. Only a text with no recognisable report fails: no `Målområde:` at all.
    /// A part the report does not have (Sammanfattning, Ekonomi, Investeringar, Plan för intern
    /// kontroll, a text section) is an info, which `--strict` refuses.
    func segment() throws(ImportFailure) -> ReportParts {
        guard lines.contains(where: { !$0.isBlank }) else {
            throw ImportFailure(line: 1, message: "the text is empty")
        }
        let lastLine = source.lineCount
        let summaryHeading = lines.firstIndex { $0.trimmed == "Sammanfattning" }
        let searchFrom = summaryHeading ?? 0
        guard let goalsStart = lines.indices.first(where: { $0 >= searchFrom && lines[$0].trimmed.hasPrefix("Målområde:") }) else {
            if let summaryHeading {
                throw ImportFailure(line: lastLine, message: "no \"Målområde:\" heading after the Sammanfattning (line \(lines[summaryHeading].number)); the goals part is missing (is the file truncated?)")
            }
            throw ImportFailure(line: 1, message: "no \"Sammanfattning\" and no \"Målområde:\" heading: this does not look like the text of a follow-up report")
        }
        // Without a Sammanfattning heading the summary is empty; a cover page may stand before the goals.
        let summaryStart = summaryHeading ?? goalsStart
        if summaryHeading == nil {
            log.missingPart([lines[goalsStart].number], "no \"Sammanfattning\" heading before the first Målområde; the summary is left empty")
        }
        let preliminary = lines.indices.first { index in
            index > summaryStart && index < goalsStart && Self.isAssessmentHeader(lines[index].trimmed)
        }
        if preliminary == nil, summaryHeading != nil {
            log.warning([lines[summaryStart].number], "no assessment table (\"Område Preliminär bedömning\", \"Område Bedömning\" …) after the Sammanfattning; the summary runs to the first Målområde")
        }

        var known = options.sectionHeadings
        known += [Self.economyHeading, Self.investmentsHeading, Self.internalControlHeading]
        var found: [(heading: String, index: Int)] = []
        for index in goalsStart ..< lines.count {
            let text = lines[index].trimmed
            guard known.contains(text), !found.contains(where: { $0.heading == text }) else { continue }
            let previousBlank = index == 0 || lines[index - 1].isBlank || lines[index - 1].text.trimmedWhitespace.hasSuffix(".")
            // Without blank lines a heading is told from a wrapped line of text by the line
            // after it, which opens a paragraph.
            let opensParagraph = source.blankLinesAreLost && index > 0 && index + 1 < lines.count && lines[index + 1].trimmed.first?.isUppercase == true
                && !(lines[index - 1].trimmed.last.map { ",-–".contains($0) } ?? false)
            guard previousBlank || opensParagraph else { continue }
            found.append((text, index))
        }
        for required in [Self.economyHeading, Self.investmentsHeading, Self.internalControlHeading]
        where !found.contains(where: { $0.heading == required }) {
            let place = found.last.map { "the text ends at line \(lastLine), in the part \"\($0.heading)\" (line \(lines[$0.index].number))" }
                ?? "the text ends at line \(lastLine) inside the goals part"
            log.missingPart([lastLine], "the report has no part \"\(required)\" (\(place)); imported without it (is the file truncated?)")
        }
        var topLevel: [(heading: String, headingIndex: Int, content: Range<Int>)] = []
        for (position, entry) in found.enumerated() {
            let end = position + 1 < found.count ? found[position + 1].index : lines.count
            topLevel.append((entry.heading, entry.index, entry.index + 1 ..< end))
        }
        for heading in options.sectionHeadings where !found.contains(where: { $0.heading == heading }) {
            log.info([], "no section \"\(heading)\" in the text")
        }
        let goalsEnd = found.first?.index ?? lines.count
        let summaryEnd = preliminary ?? goalsStart
        let preliminaryRange = preliminary.map { $0 + 1 ..< goalsStart } ?? goalsStart ..< goalsStart
        let summaryRange = summaryHeading == nil ? goalsStart ..< goalsStart : summaryStart + 1 ..< summaryEnd
        return ReportParts(summary: summaryRange, preliminaryAssessment: preliminaryRange,
                           goals: goalsStart ..< goalsEnd, topLevel: topLevel)
    }

    /// The assessment table's header: `Område Preliminär bedömning`, `Område Bedömning`,
    /// `Område Bedömning helår`, `Område Måluppfyllelse` ….
    static func isAssessmentHeader(_ text: String) -> Bool {
        guard text.hasPrefix("Område ") else { return false }
        let lower = text.lowercased()
        return lower.contains("bedömning") || lower.contains("måluppfyllelse")
    }
}
