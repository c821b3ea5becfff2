import ArgumentParser
import ReportCore

/// `malkoll summary`: the overview without the interface.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print per målområde the indicators by status and the uppdrag by status, internal control, and the headline deviations.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var report: ReportFileArgument
    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).") var format: Format = .text

    func run() throws {
        try Malkoll.guarded {
            let formatter = SummaryFormatter(analysis: try report.analysis())
            switch format {
            case .text: Output.write(formatter.text(), as: .humanText)
            case .markdown: Output.write(formatter.markdown(), as: .humanText)
            case .json: Output.write(formatter.json().serialized() + "\n", as: .json)
            }
        }
    }
}
