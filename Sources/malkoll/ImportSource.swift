import Foundation
import ReportImport

/// A report file as the importer takes it: a PDF (recognised by its content, `%PDF-`) read
/// through `pdftotext`, or a UTF-8 text; with the way diagnostics name a line of it.
///
/// For `archive add` and `import` alike:
/// ```swift
/// let source = try ImportSource.read(path: file)
/// let result = try ReportImporter(options: options).importReport(text: source.text, fileName: file)
/// for d in result.diagnostics { Output.error("\(source.place(ofLine: d.lines.first)): \(d.severity.rawValue): \(d.message)") }
/// ```
struct ImportSource {
    /// The path as the user gave it; diagnostics start with it.
    let path: String
    /// The text to import: the file itself, or the PDF's text without form feeds.
    let text: String
    /// The PDF's text with its line → page map; nil for a text file.
    let pdf: ExtractedText?

    /// `FILE:LINE` for a text, `FILE.pdf:pPAGE` for a PDF, `FILE` without a line.
    func place(ofLine line: Int?) -> String {
        if let pdf { return pdf.place(ofLine: line, in: path) }
        return line.map { "\(path):\($0)" } ?? path
    }

    /// Reads the file at `path`; a `CommandFailure` (one line naming the file) when it cannot be used.
    static func read(path: String, pdfTimeout: TimeInterval = 60) throws(CommandFailure) -> ImportSource {
        try read(contents(ofFile: path), path: path, pdfTimeout: pdfTimeout)
    }

    /// The bytes of the file at `path`, with the same words as `browse FILE` uses for a missing
    /// file, a directory or an unreadable one.
    static func contents(ofFile path: String) throws(CommandFailure) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("\(path): no such file")
        }
        if isDirectory.boolValue { throw CommandFailure("\(path): is a directory, not a report text file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): permission denied: the file cannot be read")
        }
        return data
    }

    /// Reads the contents `data` of the file at `path`.
    static func read(_ data: Data, path: String, pdfTimeout: TimeInterval = 60) throws(CommandFailure) -> ImportSource {
        if PDFText.isPDF(data) {
            do {
                let extracted = try PDFText.extract(from: URL(fileURLWithPath: path), timeout: pdfTimeout)
                return ImportSource(path: path, text: extracted.text, pdf: extracted)
            } catch {
                throw CommandFailure("\(path): \(error.description)")
            }
        }
        if URL(fileURLWithPath: path).pathExtension.lowercased() == "pdf" {
            throw CommandFailure("\(path): named .pdf but not a PDF (it does not start with %PDF-)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(path): the text is not UTF-8 (nor is the file a PDF)")
        }
        return ImportSource(path: path, text: text, pdf: nil)
    }
}
