import ArgumentParser
import ReportCore

extension ExportTable: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension ExportLocale: ExpressibleByArgument {}

/// `malkoll export`: one table as CSV, JSON or Markdown.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export one table of the report as CSV (RFC 4180), JSON or Markdown.")

    @OptionGroup var report: ReportFileArgument
    @Option(help: "The table: \(ExportTable.allCases.map(\.rawValue).joined(separator: ", ")).") var table: ExportTable
    @Option(help: "Output format: csv, json, markdown.") var format: ExportFormat = .csv
    @Option(help: "CSV for: en (default; ids, codes, '.' decimals, ',' separated) or sv (Swedish headers and terms, decimal commas, ';' separated). Markdown is always Swedish.")
    var locale: ExportLocale = .en
    @Option(help: "Write to this file (atomically) instead of standard output.", completion: .file()) var output: String?

    func run() throws {
        try Malkoll.guarded {
            let text = Exporter(analysis: try report.analysis()).render(table, format: format, locale: locale)
            if let output {
                // Markdown is for people and gets the same control-character policy as the
                // terminal; CSV and JSON are data and are written as they are (JSON is escaped).
                try Output.writeAtomically(format == .markdown ? TerminalText.safe(text) : text, to: output)
            } else {
                Output.write(text, as: format == .json ? .json : format == .markdown ? .humanText : .data)
            }
        }
    }
}
