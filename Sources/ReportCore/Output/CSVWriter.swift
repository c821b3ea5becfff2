import Foundation

/// CSV as RFC 4180 describes it: CRLF line ends, fields quoted when they hold the separator, a
/// quote, CR or LF, quotes doubled. The separator is `,`, or `;` for Swedish spreadsheets.
public enum CSVWriter {
    /// The whole document: header row, then the rows.
    public static func document(header: [String], rows: [[String]], separator: Character = ",") -> String {
        ([header] + rows).map { $0.map { field($0, separator: separator) }.joined(separator: String(separator)) + "\r\n" }.joined()
    }

    static func field(_ text: String, separator: Character = ",") -> String {
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
