import ArgumentParser
import ReportCore

/// `malkoll check`: the audit of the report's own arithmetic and stated counts.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit the report: recompute deviations and sums, compare stated counts. Exit 0 when no finding is an error, 1 when one is, 2 when the input cannot be used.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var report: ReportFileArgument
    @Option(help: "Output format: text, json.") var format: Format = .text

    func run() throws {
        var hasErrors = false
        try Malkoll.guarded {
            let audit = try report.analysis().audit
            switch format {
            case .text: Output.write(FindingsFormatter.text(audit), as: .humanText)
            case .json: Output.write(FindingsFormatter.json(audit).serialized() + "\n", as: .json)
            }
            hasErrors = !audit.findings(.error).isEmpty
        }
        if hasErrors { throw ExitCode(1) }
    }
}
