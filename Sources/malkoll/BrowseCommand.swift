import ArgumentParser
import Foundation
import ReportCore

/// `malkoll [browse] [FILE]`: the interactive browser; prints the summary when there is no usable terminal.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the report in the terminal browser (the default command).")

    @OptionGroup var report: ReportFileArgument

    func run() throws {
        try Malkoll.guarded {
            let analysis = try report.analysis()
            Output.write(SummaryFormatter(analysis: analysis).text())
        }
    }
}
