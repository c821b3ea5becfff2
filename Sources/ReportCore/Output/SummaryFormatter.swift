import Foundation

/// The `summary` command's content in text, Markdown or JSON: per målområde the indicator counts
/// by computed status and the uppdrag counts by status, totals, internal control, the headline
/// budget and investment deviations, the Preliminär bedömning, the report's own count statements
/// beside what the tables give, and the number of audit findings.
public struct SummaryFormatter {
    public let analysis: ReportAnalysis

    public init(analysis: ReportAnalysis) {
        self.analysis = analysis
    }

    private var report: Report { analysis.report }

    /// The report's title line, e.g. "Huddinge kommun – Kommunstyrelsen".
    public var title: String { "\(report.metadata.municipality) – \(report.metadata.board)" }

    /// The kind and period, e.g. "Delårsrapport januari–augusti 2021".
    public var subtitle: String {
        let kind = report.metadata.kind.swedishName
        return kind.prefix(1).uppercased() + kind.dropFirst() + " " + report.metadata.period
    }

    var headlines: [Headline] {
        [report.economy.operations, report.investments.board, report.investments.urbanDevelopment].compactMap(Headline.init)
    }

    /// The statement checks, one per sentence: the report can state counts for two groups in one
    /// sentence (riskreducerande åtgärder and åtgärder utifrån revision), recorded as two
    /// statements with the same quote; they are listed once, with every count naming its group.
    var statementGroups: [StatementGroup] {
        var groups: [StatementGroup] = []
        for check in analysis.audit.statementChecks {
            if let last = groups.indices.last, groups[last].location == check.statement.location, groups[last].quote == check.statement.quote {
                groups[last].agrees = groups[last].agrees && check.agrees
                groups[last].comparisons += check.comparisons
            } else {
                groups.append(StatementGroup(location: check.statement.location, quote: check.statement.quote,
                                             agrees: check.agrees, comparisons: check.comparisons))
            }
        }
        return groups
    }

    /// One quoted sentence of the report with every count it states.
    struct StatementGroup: Equatable {
        var location: String
        var quote: String
        var agrees: Bool
        var comparisons: [StatedComparison]
    }

    static func percent(_ value: Decimal?) -> String {
        guard let value else { return "–" }
        return SwedishNumberFormat.format(value, fractionDigits: 1) + " %"
    }

    static func signed(_ value: Decimal, fractionDigits: Int) -> String {
        let text = SwedishNumberFormat.format(value, fractionDigits: fractionDigits)
        return value > 0 ? "+" + text : text
    }

    // MARK: - Text

    /// Plain text for a terminal or an e-mail.
    public func text() -> String {
        var lines: [String] = [title, subtitle, ""]
        let nameWidth = max(12, report.goalAreas.map(\.title.count).max() ?? 0, "Totalt".count)
        let header = "Målområde".padding(nameWidth) + "  Indikatorer (uppnås/närmar sig/uppnås ej/ej bedömd)   Uppdrag (klart/troligen/ej klart)"
        lines.append(header)
        func row(_ name: String, _ counts: StatusCounts, _ progress: ProgressCounts) -> String {
            let indicators = "\(counts.met)/\(counts.approaching)/\(counts.notMet)/\(counts.notAssessed) av \(counts.total)"
            let assignments = "\(progress.completed)/\(progress.likelyCompleted)/\(progress.notCompleted)" + (progress.other > 0 ? " (+\(progress.other) annan)" : "") + " av \(progress.total)"
            return name.padding(nameWidth) + "  " + indicators.padding(53) + assignments
        }
        for area in report.goalAreas {
            lines.append(row(area.title, analysis.indicatorCounts(area: area.id), analysis.assignmentCounts(area: area.id)))
        }
        lines.append(row("Totalt", analysis.indicatorCounts(), analysis.assignmentCounts()))
        lines.append("")
        lines.append("Intern kontroll (klart/troligen/ej klart i år)")
        for kind in InternalControlKind.allCases {
            let counts = analysis.internalControlCounts(kind: kind)
            lines.append("  " + kind.swedishName.padding(28) + "\(counts.completed)/\(counts.likelyCompleted)/\(counts.notCompleted) av \(counts.total)")
        }
        lines.append("")
        for headline in headlines {
            lines.append("\(headline.tableTitle), \(headline.rowLabel) (\(headline.unit))")
            for deviation in headline.deviations {
                let digits = deviation.budget.fractionDigits
                let printedNote = deviation.printed.map { $0.value == deviation.computed ? "" : " (tryckt \($0.text))" } ?? ""
                lines.append("  " + deviation.scope.padding(18) + "budget \(deviation.budget.text), \(deviation.comparedLabel.lowercased()) \(deviation.compared.text), avvikelse \(Self.signed(deviation.computed, fractionDigits: digits))\(printedNote) = \(Self.percent(deviation.percentOfBudget)) av budget")
            }
        }
        lines.append("")
        lines.append("Preliminär bedömning")
        for row in report.summary.preliminaryAssessment {
            lines.append("  " + row.area.padding(28) + row.assessment)
        }
        lines.append("")
        lines.append("Rapportens egna uppgifter mot tabellerna")
        for check in statementGroups {
            lines.append("  \(check.agrees ? "✓" : "✗") \(check.location): \"\(check.quote)\"")
            for comparison in check.comparisons {
                lines.append("      \(comparison.label): rapporten \(comparison.stated), tabellerna \(comparison.computed)")
            }
        }
        lines.append("")
        let audit = analysis.audit
        lines.append("Granskning: \(audit.findings(.error).count) fel, \(audit.findings(.warning).count) varningar, \(audit.findings(.info).count) info (malkoll check visar alla)")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Markdown

    /// Markdown for minutes and wikis.
    public func markdown() -> String {
        var lines: [String] = ["# \(Markdown.escape(title))", "", Markdown.escape(subtitle), "", "## Mål", ""]
        lines.append("| Målområde | Uppnås | Närmar sig | Uppnås ej | Ej bedömd | Uppdrag klart | Troligen klart | Ej klart |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        func row(_ name: String, _ c: StatusCounts, _ p: ProgressCounts) -> String {
            "| \(name) | \(c.met) | \(c.approaching) | \(c.notMet) | \(c.notAssessed) | \(p.completed) | \(p.likelyCompleted) | \(p.notCompleted) |"
        }
        for area in report.goalAreas {
            lines.append(row(Markdown.escape(area.title), analysis.indicatorCounts(area: area.id), analysis.assignmentCounts(area: area.id)))
        }
        lines.append(row("**Totalt**", analysis.indicatorCounts(), analysis.assignmentCounts()))
        lines += ["", "## Intern kontroll", "", "| Slag | Blir klart i år | Troligen klart i år | Ej klart i år | Totalt |", "|---|---:|---:|---:|---:|"]
        for kind in InternalControlKind.allCases {
            let c = analysis.internalControlCounts(kind: kind)
            lines.append("| \(Markdown.escape(kind.swedishName)) | \(c.completed) | \(c.likelyCompleted) | \(c.notCompleted) | \(c.total) |")
        }
        lines += ["", "## Ekonomi och investeringar", "", "| Tabell | Rad | Period | Budget | Prognos/utfall | Avvikelse | % av budget |", "|---|---|---|---:|---:|---:|---:|"]
        for headline in headlines {
            for d in headline.deviations {
                let cells = ["\(headline.tableTitle) (\(headline.unit))", headline.rowLabel, d.scope, d.budget.text, d.compared.text,
                             Self.signed(d.computed, fractionDigits: d.budget.fractionDigits), Self.percent(d.percentOfBudget)]
                lines.append("| " + cells.map(Markdown.escape).joined(separator: " | ") + " |")
            }
        }
        lines += ["", "## Preliminär bedömning", "", "| Område | Bedömning |", "|---|---|"]
        for row in report.summary.preliminaryAssessment { lines.append("| \(Markdown.escape(row.area)) | \(Markdown.escape(row.assessment)) |") }
        lines += ["", "## Rapportens egna uppgifter", ""]
        for check in statementGroups {
            let details = check.comparisons.map { "\($0.label): \($0.stated) / \($0.computed)" }.joined(separator: "; ")
            lines.append("- \(check.agrees ? "✓" : "✗") \(Markdown.escape(check.location)): \"\(Markdown.escape(check.quote))\" (rapporten / tabellerna: \(Markdown.escape(details)))")
        }
        let audit = analysis.audit
        lines += ["", "Granskning: \(audit.findings(.error).count) fel, \(audit.findings(.warning).count) varningar, \(audit.findings(.info).count) info."]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - JSON

    /// The same content as JSON.
    public func json() -> JSONOutput {
        func statusObject(_ c: StatusCounts) -> JSONOutput {
            .object([("met", .int(c.met)), ("approaching", .int(c.approaching)), ("notMet", .int(c.notMet)), ("notAssessed", .int(c.notAssessed)), ("total", .int(c.total))])
        }
        func progressObject(_ p: ProgressCounts) -> JSONOutput {
            .object([("completed", .int(p.completed)), ("likelyCompleted", .int(p.likelyCompleted)), ("notCompleted", .int(p.notCompleted)), ("other", .int(p.other)), ("total", .int(p.total))])
        }
        let meta = report.metadata
        let areas: [JSONOutput] = report.goalAreas.map { area in
            .object([("id", .string(area.id)), ("title", .string(area.title)),
                     ("indicators", statusObject(analysis.indicatorCounts(area: area.id))),
                     ("assignments", progressObject(analysis.assignmentCounts(area: area.id)))])
        }
        let headlineJSON: [JSONOutput] = headlines.map { headline in
            .object([("table", .string(headline.tableTitle)), ("row", .string(headline.rowLabel)), ("unit", .string(headline.unit)),
                     ("deviations", .array(headline.deviations.map { d in
                         .object([("scope", .string(d.scope)), ("budget", .number(d.budget.value)), ("compared", .number(d.compared.value)),
                                  ("comparedLabel", .string(d.comparedLabel)), ("printedDeviation", .number(d.printed?.value)),
                                  ("computedDeviation", .number(d.computed)), ("percentOfBudget", .number(d.percentOfBudget.map { $0.rounded(1) }))])
                     }))])
        }
        let audit = analysis.audit
        return .object([
            ("report", .object([("municipality", .string(meta.municipality)), ("board", .string(meta.board)), ("kind", .string(meta.kind.rawValue)),
                                ("period", .string(meta.period)), ("reportingYear", .int(meta.reportingYear))])),
            ("areas", .array(areas)),
            ("totals", .object([("indicators", statusObject(analysis.indicatorCounts())), ("assignments", progressObject(analysis.assignmentCounts()))])),
            ("internalControl", .object(InternalControlKind.allCases.map { ($0.rawValue, progressObject(analysis.internalControlCounts(kind: $0))) })),
            ("headlines", .array(headlineJSON)),
            ("preliminaryAssessment", .array(report.summary.preliminaryAssessment.map { .object([("area", .string($0.area)), ("assessment", .string($0.assessment))]) })),
            ("statements", .array(audit.statementChecks.map { check in
                .object([("location", .string(check.statement.location)), ("subject", .string(check.statement.subject.rawValue)), ("quote", .string(check.statement.quote)), ("agrees", .bool(check.agrees)),
                         ("comparisons", .array(check.comparisons.map { .object([("label", .string($0.label)), ("stated", .int($0.stated)), ("computed", .int($0.computed))]) }))])
            })),
            ("audit", .object([("errors", .int(audit.findings(.error).count)), ("warnings", .int(audit.findings(.warning).count)), ("infos", .int(audit.findings(.info).count))])),
        ])
    }
}

extension String {
    /// Pads with spaces to at least `width` characters (graphemes, so å counts once).
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

/// Markdown helpers.
enum Markdown {
    /// Escapes what would break a table cell or start markup: `|` and line breaks, and the
    /// characters of emphasis, code, links, HTML and entities (backslash, backtick, * _ [ ] < > ~ &), so text
    /// from the data shows as printed.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "~", "&": out += "\\" + String(character)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
