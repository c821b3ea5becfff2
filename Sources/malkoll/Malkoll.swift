import ArgumentParser
import BundledReport
import Foundation
import ReportCore

/// The `malkoll` command: a terminal browser for Swedish municipal follow-up reports, and the same
/// information without the interface.
struct Malkoll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "malkoll",
        abstract: "Browse a municipal follow-up report (delårsrapport, verksamhetsberättelse) in the terminal.",
        discussion: """
            With no FILE, `browse` opens the archive (see `malkoll archive --help`); the default archive is created on first use holding the bundled report (Huddinge kommun, kommunstyrelsen, delårsrapport per augusti 2021), which then opens directly. The other commands use the bundled report without FILE.
            Exit codes: 0 success; 1 `check` found an error; 2 the input or the command line cannot be used.
            """,
        subcommands: [Browse.self, Summary.self, Check.self, Export.self, Import.self,
                      Archive.self,
                      Diff.self],
        defaultSubcommand: Browse.self
    )
}

/// The report file argument shared by all commands.
struct ReportFileArgument: ParsableArguments {
    @Argument(help: "A report in Malkoll's JSON data format (default: the bundled report).", completion: .file(extensions: ["json"]))
    var file: String?

    /// Loads and analyses the report, or exits 2 with one clear line on stderr.
    func analysis() throws -> ReportAnalysis {
        ReportAnalysis(report: try loadReport())
    }

    /// Loads the report, or exits 2 with one clear line on stderr.
    func loadReport() throws -> Report {
        do {
            if let file {
                return try ReportLoader.load(contentsOfFile: file)
            }
            guard let url = BundledReport.reportURL else {
                throw CommandFailure("the bundled report was not found beside the program; name a report FILE or reinstall Malkoll")
            }
            return try ReportLoader.load(contentsOf: url)
        } catch let error as ReportLoadError {
            throw CommandFailure(error.description)
        }
    }
}

/// A user-facing failure: printed as one line on stderr, exit code 2.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Writes to stdout under the control-character policy of the kind of output.
enum Output {
    /// What is written, which decides how text from the data is treated.
    enum Kind {
        /// Text for people (summary, check, Markdown): always made safe, wherever it goes, since
        /// a file or a pipe ends up on a terminal sooner or later.
        case humanText
        /// Data for programs (CSV): written as it is, except when it goes straight to a terminal.
        case data
        /// JSON: its own escaping already keeps control characters out.
        case json
    }

    static func write(_ text: String, as kind: Kind) {
        let safe: String
        switch kind {
        case .humanText: safe = TerminalText.safe(text)
        case .data: safe = isatty(STDOUT_FILENO) != 0 ? TerminalText.safe(text) : text
        case .json: safe = text
        }
        FileHandle.standardOutput.write(Data(safe.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(text) + "\n").utf8))
    }

    /// Writes `contents` to `path` atomically: a temporary file in the same folder, then rename,
    /// so that a reader never sees half a file and an error leaves the old file untouched.
    static func writeAtomically(_ contents: String, to path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                throw CommandFailure("\(path): is a folder, not a file")
            }
            // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written into: renaming over
            // it would replace it with a file (as root, even /dev/null).
            if kind != S_IFREG {
                guard let handle = FileHandle(forWritingAtPath: path) else {
                    throw CommandFailure("\(path): cannot write there")
                }
                defer { try? handle.close() }
                do {
                    try handle.write(contentsOf: Data(contents.utf8))
                } catch {
                    throw CommandFailure("\(path): cannot write there (\(error.localizedDescription))")
                }
                return
            }
        }
        // Through a symbolic link, the file it points to is replaced, not the link.
        var target = path
        if let real = realpath(path, nil) {
            target = String(cString: real)
            free(real)
        }
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        var folderIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &folderIsDirectory) else {
            throw CommandFailure("\(path): the folder \(folder.path) does not exist")
        }
        guard folderIsDirectory.boolValue else {
            throw CommandFailure("\(path): \(folder.path) is not a folder")
        }
        guard access(folder.path, W_OK) == 0 else {
            throw CommandFailure("\(path): cannot write in the folder \(folder.path) (\(String(cString: strerror(errno))))")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(contents.utf8).write(to: temporary)
        } catch {
            // Our own words, with the system's reason when there is one (e.g. "No space left on device").
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = underlying?.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(underlying?.code ?? 0))) : nil
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("\(path): cannot write the file" + (reason.map { " (\($0))" } ?? ""))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("\(path): cannot replace the file (\(reason))")
        }
    }
}

extension Malkoll {
    /// A command-line error as one line: "Unknown option '--colour'; see 'malkoll summary --help'".
    /// The parser's own message spans lines (a list of valid values, a usage block); the values
    /// are folded into the line and the usage block becomes the pointer to the help.
    static func oneLineMessage(for error: Error) -> String {
        var parts: [String] = []
        var values: [String] = []
        for line in message(for: error).split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- ") { values.append(String(trimmed.dropFirst(2))) } else if !trimmed.isEmpty { parts.append(trimmed) }
        }
        var text = parts.joined(separator: " ")
        if !values.isEmpty { text += " " + values.joined(separator: ", ") }
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        if text.hasSuffix(".") { text.removeLast() }
        // "See 'malkoll export --help' for more information." names the subcommand's help.
        let full = fullMessage(for: error)
        if let start = full.range(of: "See '"), let end = full[start.upperBound...].firstIndex(of: "'") {
            text += "; see '" + full[start.upperBound..<end] + "'"
        }
        return text
    }

    /// Runs a command body, turning `CommandFailure` into one stderr line and exit code 2.
    static func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            Output.error("malkoll: \(failure.description)")
            throw ExitCode(2)
        }
    }
}
