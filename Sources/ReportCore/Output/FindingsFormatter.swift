import Foundation

/// The `check` command's output: every audit finding, in text or JSON.
public enum FindingsFormatter {
    /// One line per finding, grouped by severity, with a closing count.
    public static func text(_ audit: Audit) -> String {
        var lines: [String] = []
        for finding in audit.findings {
            var line = "\(finding.severity.rawValue.uppercased()): \(finding.location): \(finding.message)"
            if let printed = finding.printed, let computed = finding.computed {
                line += " [tryckt \(JSONOutput.format(printed)), beräknat \(JSONOutput.format(computed))]"
            }
            lines.append(line)
        }
        lines.append("\(audit.findings(.error).count) fel, \(audit.findings(.warning).count) varningar, \(audit.findings(.info).count) info")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"findings": [{"severity", "location", "message", "printed", "computed"}]}` with numbers as JSON numbers.
    public static func json(_ audit: Audit) -> JSONOutput {
        .object([("findings", .array(audit.findings.map { finding in
            .object([("severity", .string(finding.severity.rawValue)), ("location", .string(finding.location)),
                     ("message", .string(finding.message)), ("printed", .number(finding.printed)), ("computed", .number(finding.computed))])
        }))])
    }
}
