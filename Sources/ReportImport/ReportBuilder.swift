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

        var summaryParser = SummaryParser(lines: lines, log: log)
        let summarySections = summaryParser.sections(in: parts.summary)
        let preliminary = summaryParser.preliminaryAssessment(in: parts.preliminaryAssessment)

        var goalParser = GoalParser(lines: lines, log: log)
        let goalAreas = goalParser.goalAreas(in: parts.goals)
        if goalAreas.isEmpty {
            throw ImportFailure(line: lines[parts.goals.lowerBound].number, message: "no goal area could be read after \"Målområde:\"")
        }

        func part(_ heading: String) -> (headingIndex: Int, content: Range<Int>)? {
            parts.topLevel.first { $0.heading == heading }.map { ($0.headingIndex, $0.content) }
        }
        let economyPart = part(Self.economyHeading)!
        let investmentsPart = part(Self.investmentsHeading)!
        let controlPart = part(Self.internalControlHeading)!

        let financial = FinancialPartParser(lines: lines, log: log)
        let economyItems = financial.parse(heading: Self.economyHeading, headingIndex: economyPart.headingIndex, content: economyPart.content)
        let investmentItems = financial.parse(heading: Self.investmentsHeading, headingIndex: investmentsPart.headingIndex, content: investmentsPart.content)
        let (economy, investments) = financial.assemble(economy: economyItems, investments: investmentItems,
                                                        economyLine: lines[economyPart.headingIndex].number,
                                                        investmentsLine: lines[investmentsPart.headingIndex].number)

        let sectionParser = SectionParser(lines: lines, log: log)
        var sections: [TextSection] = []
        for entry in parts.topLevel where options.sectionHeadings.contains(entry.heading) {
            sections.append(sectionParser.section(heading: entry.heading, headingIndex: entry.headingIndex, content: entry.content))
        }

        var controlParser = InternalControlParser(lines: lines, log: log)
        let internalControl = controlParser.parse(heading: Self.internalControlHeading, content: controlPart.content)

        var statements = StatementReader(log: log, goalAreas: goalAreas)
        let summaryStatements = statements.read(summarySections: summarySections, introduction: internalControl.introduction,
                                                 summaryLines: summaryParser.paragraphLines, introductionLines: controlParser.introductionLines)

        let metadata = MetadataReader(source: source, log: log, fileName: fileName)
            .metadata(goalAreas: goalAreas, economy: economy, investments: investments)

        return Report(
            formatVersion: 1, metadata: metadata, statusRule: nil,
            summary: ReportSummary(sections: summarySections, preliminaryAssessment: preliminary, statements: summaryStatements),
            goalAreas: goalAreas, economy: economy, investments: investments, sections: sections,
            internalControl: internalControl, transcriptionNotes: nil)
    }

    /// Finds the parts; fails when one the data format requires is missing.
    func segment() throws(ImportFailure) -> ReportParts {
        guard lines.contains(where: { !$0.isBlank }) else {
            throw ImportFailure(line: 1, message: "the text is empty")
        }
        let lastLine = source.lineCount
        guard let summaryStart = lines.firstIndex(where: { $0.trimmed == "Sammanfattning" }) else {
            throw ImportFailure(line: 1, message: "no \"Sammanfattning\" heading: this does not look like the text of a follow-up report")
        }
        guard let goalsStart = lines.indices.first(where: { $0 > summaryStart && lines[$0].trimmed.hasPrefix("Målområde:") }) else {
            throw ImportFailure(line: lastLine, message: "no \"Målområde:\" heading after the Sammanfattning (line \(lines[summaryStart].number)); the goals part is missing (is the file truncated?)")
        }
        let preliminary = lines.indices.first { index in
            index > summaryStart && index < goalsStart && lines[index].trimmed.hasPrefix("Område") && lines[index].trimmed.lowercased().contains("bedömning")
        }
        if preliminary == nil {
            log.warning([lines[summaryStart].number], "no \"Område Preliminär bedömning\" table after the Sammanfattning; the summary runs to the first Målområde")
        }

        var known = options.sectionHeadings
        known += [Self.economyHeading, Self.investmentsHeading, Self.internalControlHeading]
        var found: [(heading: String, index: Int)] = []
        for index in goalsStart ..< lines.count {
            let text = lines[index].trimmed
            guard known.contains(text), !found.contains(where: { $0.heading == text }) else { continue }
            let previousBlank = index == 0 || lines[index - 1].isBlank || lines[index - 1].text.trimmingCharacters(in: .whitespaces).hasSuffix(".")
            guard previousBlank else { continue }
            found.append((text, index))
        }
        for required in [Self.economyHeading, Self.investmentsHeading, Self.internalControlHeading]
        where !found.contains(where: { $0.heading == required }) {
            if let after = found.last {
                throw ImportFailure(line: lastLine, message: "the part \"\(required)\" is missing; the text ends at line \(lastLine), in the part \"\(after.heading)\" (line \(lines[after.index].number)); is the file truncated?")
            }
            throw ImportFailure(line: lastLine, message: "the part \"\(required)\" is missing; the text ends at line \(lastLine) inside the goals part; is the file truncated?")
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
        return ReportParts(summary: summaryStart + 1 ..< summaryEnd, preliminaryAssessment: preliminaryRange,
                           goals: goalsStart ..< goalsEnd, topLevel: topLevel)
    }
}
