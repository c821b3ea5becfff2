import ArgumentParser
import Foundation
import ReportCore

extension ReportGenerator {
    struct FileSummary {
        var bytes: Int
        var indicators: Int
        var rows: Int
        var plan: Plan
        var findings: String
    }

    /// Generates, writes atomically and (with `check`) loads the file back with `ReportLoader`.
    static func generateFile(scale: Int, seed: UInt64, output: String, check: Bool) throws -> FileSummary {
        var generator = ReportGenerator(scale: scale, seed: seed)
        let report = generator.report()
        let data = try encode(report)
        try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        let rows = report.financialTables.map(\.rows.count).reduce(0, +)
        var findings = "not checked"
        var indicators = 0
        if check {
            let loaded: Report
            do {
                loaded = try ReportLoader.load(contentsOfFile: output)
            } catch {
                throw ValidationError("the generated file does not load: \(error.description)")
            }
            let analysis = ReportAnalysis(report: loaded)
            indicators = analysis.indicators.count
            let audit = analysis.audit
            findings = Severity.allCases.map { "\(audit.findings($0).count) \($0.rawValue)" }.joined(separator: ", ")
        }
        return FileSummary(bytes: data.count, indicators: indicators, rows: rows, plan: generator.plan, findings: findings)
    }
}

/// `load FILE`: the full load (read, parse, decode, validate) and the analysis, timed in process.
/// Used as the child process of `scale`, whose peak memory is measured from outside.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load, validate and analyse one report file; print the times in ms.")

    @Argument(help: "The report file.") var file: String
    @Option(help: "Load this many times in the same process (the times printed are the median).") var repeats: Int = 1

    func run() throws {
        var loadTimes: [Double] = [], analysisTimes: [Double] = []
        var indicators = 0
        for _ in 0 ..< max(1, repeats) {
            let (result, loadTime) = Measure.time { () -> Result<Report, ReportLoadError> in
                Result { () throws(ReportLoadError) -> Report in try ReportLoader.load(contentsOfFile: file) }
            }
            switch result {
            case .failure(let error):
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(2)
            case .success(let report):
                let (analysis, analysisTime) = Measure.time { ReportAnalysis(report: report) }
                indicators = analysis.indicators.count
                loadTimes.append(loadTime)
                analysisTimes.append(analysisTime)
            }
        }
        let load = Measure.median(loadTimes), analysis = Measure.median(analysisTimes)
        print("load_ms=\(load.fixed(3)) analysis_ms=\(analysis.fixed(3)) total_ms=\((load + analysis).fixed(3)) indicators=\(indicators)")
    }
}
