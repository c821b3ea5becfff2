import Foundation

/// A problem found while reading, parsing, decoding or validating a report file, with where it is.
///
/// Its `description` is a single line, `FILE:LINE:COLUMN: at PATH: MESSAGE`, in the style of
/// compiler diagnostics, so that editors and terminals can jump to the spot. Parts that are not
/// known are left out: an error about the file as a whole (missing, a directory, unreadable) reads
/// `FILE: MESSAGE`. The JSON path of the document's root prints as `(root)`.
public struct ReportLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (or the name given to `ReportLoader.load(data:file:)`).
    public var file: String
    /// The JSON path of the offending value, e.g. `goalAreas[0].councilGoals[1].title`;
    /// `""` for the root (or for errors about the file as a whole).
    public var path: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, counted in characters (grapheme clusters) of the line, when known.
    public var column: Int?
    /// What is wrong, e.g. `expected a string, found a number`.
    public var message: String

    public init(file: String, path: String = "", line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var text = ""
        if !file.isEmpty { text += file }
        if let line {
            text += text.isEmpty ? "\(line)" : ":\(line)"
            if let column { text += ":\(column)" }
        }
        if !text.isEmpty { text += ": " }
        if line != nil || !path.isEmpty {
            text += "at \(path.isEmpty ? "(root)" : path): "
        }
        // Text from the file (an id, a cell, a key) can hold line breaks and control characters:
        // the description stays one line and inert in a terminal.
        return TerminalText.oneLine(text + message)
    }
}
