import Foundation

/// CSV as RFC 4180 describes it: CRLF line ends, fields quoted when they hold a comma, quote,
/// CR or LF, quotes doubled.
public enum CSVWriter {
    /// The whole document: header row, then the rows.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
