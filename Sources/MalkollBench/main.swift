import ArgumentParser
import Foundation

/// `malkoll-bench`: benchmarks and long robustness runs for Malkoll. Build it in release mode:
/// `swift build -c release --product malkoll-bench` (it finds `malkoll` beside itself).
struct MalkollBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "malkoll-bench",
        abstract: "Benchmarks and robustness runs for Malkoll (build in release mode).",
        subcommands: [
            Generate.self, Series.self, ArchiveBenchmark.self, Load.self, Startup.self, Scale.self, Interaction.self, Sizes.self, Fuzz.self, FuzzWorker.self, Bytes.self, Signals.self, ImportTiming.self,
        ]
    )
}

/// `--json FILE`, shared by the benchmark commands.
struct JSONOption: ParsableArguments {
    @Option(name: .customLong("json"), help: "Also write the figures as JSON to this file.") var path: String?
}

/// `generate`: a synthetic report N times the bundled one.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a deterministic synthetic report, N times the size of the bundled one.")

    @Option(help: "How many times the bundled report's goals, indicators, uppdrag, table rows and controls.") var scale: Int = 1
    @Option(help: "Where to write the report (atomically).") var output: String
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Flag(help: "Do not load the written file back to check it.") var noCheck = false

    func validate() throws {
        guard scale >= 1 else { throw ValidationError("--scale must be at least 1") }
    }

    func run() throws {
        let data = try ReportGenerator.generateFile(scale: scale, seed: seed, output: output, check: !noCheck)
        print("wrote \(output): \(data.bytes) bytes, \(data.indicators) indicators, \(data.rows) table rows; "
            + "planted \(data.plan.roundingDifferences) rounding differences, \(data.plan.realErrors) real errors, "
            + "\(data.plan.wrongStatements) wrong stated counts; audit: \(data.findings)")
    }
}

// Every malkoll the benchmarks start uses an archive of their own, never the user's default one.
setenv("XDG_DATA_HOME", NSTemporaryDirectory() + "malkoll-bench-data-\(getpid())", 1)
setenv("MALKOLL_ARCHIVE", "", 1)
MalkollBenchCommand.main()
