import Foundation

/// Reads a report file: parse, decode, validate, each failure a located `ReportLoadError`.
///
/// The stages, and what stops loading:
/// 1. **Reading**: a missing file, a directory or an unreadable file.
/// 2. **Parsing** (`JSONDocument`): any RFC 8259 syntax error, invalid UTF-8, lone surrogate
///    escapes, duplicate keys in an object, nesting deeper than `JSONDocument.maximumDepth`.
/// 3. **Decoding**: a value of the wrong type, a missing or `null` required field, an enumeration
///    value that is not one of its cases, an integer that does not fit, and **unknown fields**:
///    every key of every object must be a field of the model, so that a misspelt optional field
///    (`"directon"`) is reported — with a suggestion — instead of silently dropping its data.
/// 4. **Validation** (`ReportValidator`): the rules the types cannot express.
///
/// The first problem found is thrown; the message names the file as the user gave it.
public enum ReportLoader {
    /// Loads a report from a file URL; messages name the file by the URL's relative path (the path
    /// as the user typed it when the URL was made with `URL(fileURLWithPath:)`).
    public static func load(contentsOf url: URL) throws(ReportLoadError) -> Report {
        let name = url.isFileURL ? url.relativePath : url.absoluteString
        return try load(data: readFile(at: url, name: name), file: name)
    }

    /// Loads a report from a path; messages name the file exactly as `path` does.
    public static func load(contentsOfFile path: String) throws(ReportLoadError) -> Report {
        try load(data: readFile(at: URL(fileURLWithPath: path), name: path), file: path)
    }

    /// Loads a report from bytes; `file` is the name used in messages.
    public static func load(data: Data, file: String) throws(ReportLoadError) -> Report {
        let document = try JSONDocument(data: data, file: file)
        let report = try document.decode(Report.self)
        try ReportValidator.validate(report, file: file, document: document)
        return report
    }

    static func readFile(at url: URL, name: String) throws(ReportLoadError) -> Data {
        guard url.isFileURL else {
            throw ReportLoadError(file: name, message: "not a file URL; only local files can be read")
        }
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReportLoadError(file: name, message: "no such file")
        }
        if isDirectory.boolValue {
            throw ReportLoadError(file: name, message: "is a directory, not a report file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ReportLoadError(file: name, message: "permission denied: the file cannot be read")
        }
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ReportLoadError(file: name, message: "the file cannot be read: \(error.localizedDescription)")
        }
    }
}
