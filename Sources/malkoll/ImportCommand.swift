import ArgumentParser
import Foundation
import ReportCore
import ReportImport

/// `malkoll import FILE`: a report's PDF, or its text as `pdftotext` leaves it, to the JSON data
/// format.
///
/// A PDF is recognised by its content (`%PDF-`) and read through `pdftotext` (see `PDFText`).
/// Diagnostics go to stderr, one per line, `TEXTFILE:LINE: warning: …` (or `info:`) for a text,
/// `FILE.pdf:pPAGE: warning: …` for a PDF, in the order found; the JSON goes to `--output`
/// (written atomically) or stdout. Exit 0 on success, 2 when nothing could be produced (the
/// reason and place on stderr), also on the first warning with `--strict`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a report's PDF (or its pdftotext output) into Malkoll's JSON data format.",
        discussion: """
            Reads a board follow-up report, either the PDF itself (recognised by its content; its text is \
            extracted with `pdftotext` from poppler-utils, without -layout) or that text, and writes the report \
            as JSON. Everything the importer could not place, and every ambiguity it \
            resolved, is reported on stderr with its line (its page for a PDF: rapport.pdf:p12). What the text cannot carry (indicator directions, \
            reported statuses, overrides, ids, metadata) comes from --overlay; see the README for its format.
            """)

    @Argument(help: ArgumentHelp("The report: a PDF, or its text (UTF-8, LF or CRLF line endings).", valueName: "file"), completion: .file(extensions: ["pdf", "txt"]))
    var textFile: String

    @Option(name: .shortAndLong, help: "Write the JSON to this file instead of stdout.", completion: .file(extensions: ["json"]))
    var output: String?

    @Option(help: "A JSON overlay merged on top of the imported report.", completion: .file(extensions: ["json"]))
    var overlay: String?

    @Flag(help: "Fail on the first warning instead of writing the report.")
    var strict = false

    @Option(help: ArgumentHelp("Also write the text the report is imported from (a PDF's extracted text) to this file.", valueName: "file"), completion: .file(extensions: ["txt"]))
    var keepText: String?

    @Option(help: ArgumentHelp("Stop pdftotext after this many seconds.", valueName: "seconds"))
    var pdfTimeout: Double = 60

    func validate() throws {
        guard pdfTimeout > 0, pdfTimeout <= 86_400 else {
            throw ValidationError("--pdf-timeout must be a number of seconds above 0 and at most 86400, not \(pdfTimeout)")
        }
    }

    func run() throws {
        try Malkoll.guarded {
            let source = try ImportSource.read(path: textFile, pdfTimeout: pdfTimeout)
            let text = source.text
            if let keepText {
                try Output.writeAtomically(text, to: keepText)
            }
            var options = ImportOptions(strict: strict)
            if let overlay {
                do {
                    options.overlay = try Overlay.load(contentsOfFile: overlay)
                } catch let error as ReportLoadError {
                    throw CommandFailure(error.description)
                }
            }
            let result: ImportResult
            do {
                result = try ReportImporter(options: options).importReport(text: text, fileName: textFile)
            } catch let error as ImportFailure {
                throw CommandFailure("\(source.place(ofLine: error.line)): \(error.message)")
            }
            for diagnostic in result.diagnostics {
                Output.error("\(source.place(ofLine: diagnostic.lines.first)): \(diagnostic.severity.rawValue): \(diagnostic.message)")
            }
            let json = try result.reportJSON()
            // What is written must load again, with the same checks as any report; otherwise
            // nothing is written and an existing file stays as it was.
            do {
                _ = try ReportLoader.load(data: json, file: output ?? "(import)")
            } catch let error as ReportLoadError {
                throw CommandFailure("the imported report does not load back, nothing written: \(error.description)")
            }
            let contents = String(decoding: json, as: UTF8.self)
            if let output {
                try Output.writeAtomically(contents, to: output)
            } else {
                Output.write(contents, as: .json)
            }
        }
    }
}
