import ArgumentParser
import Foundation
import ReportCore
import ReportImport

/// `malkoll import TEXTFILE`: a report's text, as `pdftotext` leaves it, to the JSON data format.
///
/// Diagnostics go to stderr, one per line, `TEXTFILE:LINE: warning: …` (or `info:`), in the
/// order found; the JSON goes to `--output` (written atomically) or stdout. Exit 0 on success,
/// 2 when nothing could be produced (the reason and line on stderr), also on the first warning
/// with `--strict`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a report's text (pdftotext output) into Malkoll's JSON data format.",
        discussion: """
            Reads the text of a board follow-up report as `pdftotext` (without -layout) extracts it from the PDF, \
            and writes the report as JSON. Everything the importer could not place, and every ambiguity it \
            resolved, is reported on stderr with line numbers. What the text cannot carry (indicator directions, \
            reported statuses, overrides, ids, metadata) comes from --overlay; see the README for its format.
            """)

    @Argument(help: "The report text (UTF-8, LF or CRLF line endings).", completion: .file(extensions: ["txt"]))
    var textFile: String

    @Option(name: .shortAndLong, help: "Write the JSON to this file instead of stdout.", completion: .file(extensions: ["json"]))
    var output: String?

    @Option(help: "A JSON overlay merged on top of the imported report.", completion: .file(extensions: ["json"]))
    var overlay: String?

    @Flag(help: "Fail on the first warning instead of writing the report.")
    var strict = false

    func run() throws {
        try Malkoll.guarded {
            // The same words as `browse FILE` uses for a missing file, a directory or an unreadable one.
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: textFile, isDirectory: &isDirectory) else {
                throw CommandFailure("\(textFile): no such file")
            }
            if isDirectory.boolValue { throw CommandFailure("\(textFile): is a directory, not a report text file") }
            guard let data = FileManager.default.contents(atPath: textFile) else {
                throw CommandFailure("\(textFile): permission denied: the file cannot be read")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure("\(textFile): the text is not UTF-8")
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
                throw CommandFailure("\(textFile)\(error.line.map { ":\($0)" } ?? ""): \(error.message)")
            }
            for diagnostic in result.diagnostics {
                let place = diagnostic.lines.first.map { "\(textFile):\($0)" } ?? textFile
                Output.error("\(place): \(diagnostic.severity.rawValue): \(diagnostic.message)")
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
