import ArgumentParser
import Foundation
import ReportCore
import ReportSamples

/// `series`: writes the generated test series (labelled as generated) as report files.
struct Series: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the generated test series built from the bundled report (every report labelled \"genererad testdata\").")

    @Option(help: "The folder to write into (created when missing).") var output: String

    func run() throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let bundled = try GeneratedSeries.bundled()
        for report in GeneratedSeries.series(from: bundled.report) {
            let meta = report.metadata
            let name = "\(meta.board.split(separator: " ").first ?? "rapport")-\(meta.periodEnd)-genererad.json".lowercased()
            let path = (output as NSString).appendingPathComponent(name)
            let data = try GeneratedSeries.encode(report)
            _ = try ReportLoader.load(data: data, file: path) // what is written loads back
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            print("wrote \(path): \(meta.board), \(meta.kind.swedishName) \(meta.period)")
        }
    }
}
