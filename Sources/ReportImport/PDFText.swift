import Foundation

/// The text of a PDF as the importer expects it: `pdftotext` (poppler-utils) without `-layout`,
/// UTF-8, run as a subprocess without a shell and with a time limit.
///
/// `pdftotext` ends every page with a form feed; the text handed on has none, and `pageOfLine`
/// keeps where each line came from, so diagnostics can name the page (`rapport.pdf:p12`).
public enum PDFText {
    /// The Debian package that provides `pdftotext`.
    public static let package = "poppler-utils"

    /// Whether `data` is a PDF by its content: `%PDF-` within the first 1024 bytes, where
    /// readers (poppler among them) look for the header.
    public static func isPDF(_ data: Data) -> Bool {
        let head = data.prefix(1024)
        let marker = Data("%PDF-".utf8)
        return head.range(of: marker) != nil
    }

    /// Whether the file at `url` is a PDF by its content (see `isPDF(_:)`); false when it cannot be read.
    public static func isPDF(fileAt url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1024) else { return false }
        return isPDF(head)
    }

    /// Extracts the text of the PDF at `url` with `pdftotext -enc UTF-8 -eol unix FILE -`.
    ///
    /// `pdftotext` is looked up on `PATH` (or `searchPath`, for tests). It is killed when it runs
    /// longer than `timeout` seconds. Throws `PDFTextError`, whose description is one line
    /// without the file name.
    public static func extract(from url: URL, timeout: TimeInterval = 60, searchPath: String? = nil) throws(PDFTextError) -> ExtractedText {
        guard let tool = executable(named: "pdftotext", searchPath: searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "") else {
            throw .toolMissing
        }
        let run = try Subprocess.run(tool, arguments: ["-enc", "UTF-8", "-eol", "unix", url.path, "-"], timeout: timeout)
        if run.timedOut { throw .timedOut(seconds: timeout) }
        guard run.status == 0 else {
            throw .unreadable(status: run.status, detail: firstLine(of: run.stderr))
        }
        guard let text = String(data: run.stdout, encoding: .utf8) else { throw .notUTF8 }
        let extracted = ExtractedText(pdftotextOutput: text)
        guard extracted.text.contains(where: { !$0.isWhitespace }) else {
            throw .noText(pages: extracted.pageCount)
        }
        return extracted
    }

    /// The first non-empty line of what a tool wrote to stderr, trimmed and shortened.
    static func firstLine(of data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty }) else {
            return nil
        }
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    /// The full path of an executable found on a `PATH`-style search path.
    static func executable(named name: String, searchPath: String) -> String? {
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// The text of a PDF without form feeds, and the page of every line.
public struct ExtractedText: Sendable, Equatable {
    /// The text as the importer takes it: `pdftotext`'s output with the form feeds removed.
    public let text: String
    /// The 1-based page of each line of `text` (index 0 is line 1).
    public let pageOfLine: [Int]
    /// The number of pages.
    public let pageCount: Int

    /// Splits `pdftotext` output at its form feeds: each page's text ends with one (an empty,
    /// image-only page is a form feed alone).
    ///
    /// `pdftotext` ends every page with a blank line, as it ends every flow of text. Where the
    /// next page starts with a lower-case letter, the sentence goes on across the page break, so
    /// that blank line is dropped (and one between the text and a footer, `Kommunstyrelsen | 9`):
    /// otherwise a paragraph (an uppdrag's comment) would split in two at every page break.
    /// Elsewhere it stays, as the end of a paragraph or table.
    public init(pdftotextOutput output: String) {
        var pieces = output.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        // The text after the last form feed: empty for complete output.
        if pieces.count > 1, pieces.last?.isEmpty == true { pieces.removeLast() }
        var text = ""
        text.reserveCapacity(output.utf8.count)
        var pages: [Int] = []
        for (index, piece) in pieces.enumerated() {
            var page = piece.replacingOccurrences(of: "\r\n", with: "\n")
            if !page.isEmpty, !page.hasSuffix("\n") { page += "\n" }
            if page.hasSuffix("\n\n"), index + 1 < pieces.count, pieces[index + 1].first?.isLowercase == true {
                page.removeLast()
                page = Self.withoutBlankLineBeforeFooter(page)
            }
            let lineCount = page.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            pages += Array(repeating: index + 1, count: lineCount)
            text += page
        }
        self.text = text
        self.pageOfLine = pages
        self.pageCount = pieces.count
    }

    /// `…för\n\nKommunstyrelsen | 9\n` → `…för\nKommunstyrelsen | 9\n`: where the page ends with
    /// its footer (page furniture, which the importer takes out) after a blank line, that blank
    /// line goes too, so the sentence still goes on across the page break.
    private static func withoutBlankLineBeforeFooter(_ page: String) -> String {
        var lines = page.components(separatedBy: "\n")
        // The text ends with a line break: the last component is empty.
        guard lines.count >= 4, lines[lines.count - 1].isEmpty,
              SourceText.furnitureLabel(lines[lines.count - 2]) != nil,
              lines[lines.count - 3].allSatisfy(\.isWhitespace),
              !lines[lines.count - 4].allSatisfy(\.isWhitespace)
        else { return page }
        lines.remove(at: lines.count - 3)
        return lines.joined(separator: "\n")
    }

    /// The page of a 1-based line of `text`; nil outside the text.
    public func page(ofLine line: Int) -> Int? {
        guard line >= 1, line <= pageOfLine.count else { return nil }
        return pageOfLine[line - 1]
    }

    /// Where a diagnostic points: `rapport.pdf:p12`, or `rapport.pdf` without a line.
    public func place(ofLine line: Int?, in fileName: String) -> String {
        guard let line, let page = page(ofLine: line) else { return fileName }
        return "\(fileName):p\(page)"
    }
}

/// Why the text of a PDF could not be had. Descriptions are one line without the file name.
public enum PDFTextError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `pdftotext` is not installed.
    case toolMissing
    /// `pdftotext` ran longer than the limit and was killed.
    case timedOut(seconds: TimeInterval)
    /// `pdftotext` failed: a damaged, truncated or encrypted PDF.
    case unreadable(status: Int32, detail: String?)
    /// The PDF has no text layer: a scanned report, pages as images.
    case noText(pages: Int)
    /// `pdftotext` wrote something that is not UTF-8 (it was asked for UTF-8).
    case notUTF8
    /// `pdftotext` could not be started.
    case cannotStart(String)

    public var description: String {
        switch self {
        case .toolMissing:
            return "reading a PDF needs pdftotext, which is not installed; it comes with the Debian package \(PDFText.package) (apt-get install \(PDFText.package))"
        case .timedOut(let seconds):
            return "pdftotext did not finish within \(Self.format(seconds)) s and was stopped; the PDF may be damaged or very large"
        case .unreadable(let status, let detail):
            let reason = detail.map { ": \($0)" } ?? " (exit status \(status))"
            return "pdftotext cannot read this PDF, it is damaged, truncated or protected\(reason)"
        case .noText(let pages):
            let counted = pages > 0 ? " in \(pages) page\(pages == 1 ? "" : "s")" : ""
            return "the PDF has no text\(counted); a scanned report (pages as images) needs OCR before it can be imported"
        case .notUTF8:
            return "pdftotext did not write UTF-8 text"
        case .cannotStart(let reason):
            return "pdftotext could not be started: \(reason)"
        }
    }

    private static func format(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// A program run without a shell, its output read while it runs (so a large output cannot fill
/// the pipe and stall it), killed at a time limit.
enum Subprocess {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
    }

    /// Collects a pipe's bytes on its own thread.
    private final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        func start(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                let bytes = handle.readDataToEndOfFile()
                lock.lock()
                data = bytes
                lock.unlock()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            lock.lock()
            defer { lock.unlock() }
            return data
        }
    }

    static func run(_ executable: String, arguments: [String], timeout: TimeInterval) throws(PDFTextError) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw .cannotStart(error.localizedDescription)
        }
        // The parent's copies of the write ends must close, or the readers never see the end.
        try? stdout.fileHandleForWriting.close()
        try? stderr.fileHandleForWriting.close()
        let out = Collector()
        let err = Collector()
        out.start(stdout.fileHandleForReading)
        err.start(stderr.fileHandleForReading)
        var timedOut = false
        if exited.wait(timeout: .now() + max(timeout, 0)) == .timedOut {
            timedOut = true
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
        }
        return Result(status: process.terminationStatus, stdout: out.wait(), stderr: err.wait(), timedOut: timedOut)
    }
}
