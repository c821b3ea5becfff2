import Foundation
import ReportCore

/// Turns the text of a follow-up report, as `pdftotext` (without `-layout`) leaves it, into a
/// `Report`.
///
/// The importer knows the *template* of a Swedish board follow-up report (the headings
/// `Sammanfattning`, `Målområde:`, `Kommunfullmäktigemål:`, `Nämndmål:`, `Indikatorer …`,
/// `Status Uppdrag Kommentar`, `Ekonomi`, `Investeringar`, `Plan för intern kontroll`, the
/// column words `Budget`/`Prognos`/`Utfall`/`Avvikelse`, the printed statuses `Blir klart i år`
/// …) but nothing about a particular report: names, counts, values and years all come from the
/// text. What the text cannot carry comes from documented defaults or from an `Overlay`:
///
/// | field | default |
/// |---|---|
/// | indicator `id` | the name folded to ASCII, lower case, non-alphanumerics as `-` (`Skattesats, kommun` → `skattesats-kommun`) |
/// | goal area `id` | the first word after the last ` - ` of the title (`… - ekonomisk hållbarhet` → `ekonomisk`) |
/// | top-level section `id` | the heading, folded like indicator ids |
/// | financial row `id` | the label, folded; repeated labels get their group's heading as prefix |
/// | `direction`, `reportedStatus`, `override`, notes | none |
/// | `statusRule` | none (the documented default rule) |
/// | `metadata.municipality` | the most frequent "X kommun" in the text |
/// | `metadata.board` | the label of the page furniture (`Kommunstyrelsen | 9`) |
/// | `metadata.kind`, `period…` | from the operations table's period group (`Perioden jan-aug`) |
/// | `metadata.reportingYear` | the last year column of the indicator tables |
/// | `metadata.source` | the file name given to `importReport` |
///
/// Every block the importer cannot place and every ambiguity it resolves is reported in
/// `ImportResult.diagnostics`, with line numbers of the text (1-based, CRLF or LF).
public struct ReportImporter: Sendable {
    public let options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// Imports a report text. `fileName` names the text in diagnostics and becomes the default
    /// `metadata.source`.
    ///
    /// Throws `ImportFailure` when no report can be produced: an empty text, a text extracted
    /// with `pdftotext -layout`, a text without any `Målområde:` (no recognisable report), and,
    /// with `options.strict`, the first warning or missing part (Sammanfattning, Ekonomi,
    /// Investeringar, Plan för intern kontroll: each imports as empty with an info otherwise).
    public func importReport(text: String, fileName: String) throws(ImportFailure) -> ImportResult {
        let log = DiagnosticLog()
        let source = SourceText(text, log: log)
        if let line = LayoutText.firstAlignedLine(source.lines) {
            throw ImportFailure(line: line, message: LayoutText.message)
        }
        var builder = ReportBuilder(source: source, options: options, log: log, fileName: fileName)
        var report = try builder.build()
        if let overlay = options.overlay {
            overlay.apply(to: &report, log: log)
        }
        for problem in ReportValidator.problems(in: report, file: fileName) {
            log.warning([], "the imported report breaks a rule of the data format: \(problem.description)")
        }
        let diagnostics = log.entries
        if options.strict, let first = diagnostics.indices.first(where: { diagnostics[$0].severity == .warning || log.refusedByStrict.contains($0) }) {
            throw ImportFailure(line: diagnostics[first].lines.first, message: "strict import: \(diagnostics[first].message)")
        }
        return ImportResult(report: report, diagnostics: diagnostics)
    }
}

/// How to import.
public struct ImportOptions: Sendable {
    /// Data the text cannot carry, merged on top of the imported report.
    public var overlay: Overlay?
    /// Treat the first warning as a failure.
    public var strict: Bool
    /// Headings of the plain text sections (`Report.sections`) as the template prints them.
    public var sectionHeadings: [String]

    /// The text-section headings of the Swedish report template.
    public static let defaultSectionHeadings = [
        "Händelser av väsentlig betydelse", "Lokaler", "Väsentliga personalförhållanden", "Effektivitetsanalys",
        "Plan för uppföljning och insyn", "Konkurrensprövningsplan",
    ]

    public init(overlay: Overlay? = nil, strict: Bool = false, sectionHeadings: [String] = ImportOptions.defaultSectionHeadings) {
        self.overlay = overlay
        self.strict = strict
        self.sectionHeadings = sectionHeadings
    }
}

/// The imported report and what the importer has to say about it.
public struct ImportResult: Sendable {
    public var report: Report
    /// In the order found; warnings and infos mixed.
    public var diagnostics: [ImportDiagnostic]

    public init(report: Report, diagnostics: [ImportDiagnostic]) {
        self.report = report
        self.diagnostics = diagnostics
    }

    public var warnings: [ImportDiagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// One thing the importer reports.
public struct ImportDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        /// A block that could not be placed, or an ambiguity resolved by a guess worth checking.
        case warning
        /// An ambiguity resolved with certainty (e.g. by arithmetic), or a default applied.
        case info
    }

    public var severity: Severity
    /// The lines of the text concerned, 1-based; empty for the document as a whole.
    public var lines: [Int]
    public var message: String

    public init(severity: Severity, lines: [Int], message: String) {
        self.severity = severity
        self.lines = lines
        self.message = message
    }

    /// `warning: lines 1374, 1392: …`
    public var description: String {
        let place: String
        switch lines.count {
        case 0: place = ""
        case 1: place = "line \(lines[0]): "
        default: place = "lines \(lines.map(String.init).joined(separator: ", ")): "
        }
        return "\(severity.rawValue): \(place)\(message)"
    }
}

/// Why no report could be produced.
public struct ImportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line where the problem shows (1-based), when there is one.
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let line else { return message }
        return "line \(line): \(message)"
    }
}

/// Collects diagnostics while importing. Not `Sendable`: one import fills it on one thread, and
/// the compiler keeps it so.
final class DiagnosticLog {
    private(set) var entries: [ImportDiagnostic] = []

    func warning(_ lines: [Int], _ message: String) {
        entries.append(ImportDiagnostic(severity: .warning, lines: lines, message: message))
    }

    func info(_ lines: [Int], _ message: String) {
        entries.append(ImportDiagnostic(severity: .info, lines: lines, message: message))
    }

    /// Indices of the entries that `--strict` refuses although they are infos.
    private(set) var refusedByStrict: Set<Int> = []

    /// A part the report does not have: an info, refused by `--strict`.
    func missingPart(_ lines: [Int], _ message: String) {
        refusedByStrict.insert(entries.count)
        info(lines, message)
    }
}

extension ImportResult {
    /// The report in Malkoll's JSON data format, pretty-printed with a final line break. Keys are
    /// sorted: Foundation's encoder on Linux otherwise orders them by hash, which differs from
    /// process to process, and the same text must give the same bytes (the archive knows a report
    /// it already holds by its bytes).
    public func reportJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report) + Data("\n".utf8)
    }
}
