import ArgumentParser
import Foundation

/// `startup`: wall time of short `malkoll` runs against the floor of any Swift program that links
/// Foundation (built here with `swiftc -O` in a temporary folder).
struct Startup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Wall time of `malkoll summary` and of a headless browse run, as ratios to a minimal Foundation executable.")

    @Option(help: "Runs per command (the median is reported); at least 20.") var runs: Int = 41
    @Option(help: "The malkoll executable (default: beside malkoll-bench).") var malkoll: String?
    @OptionGroup var json: JSONOption

    func validate() throws {
        guard runs >= 20 else { throw ValidationError("--runs must be at least 20") }
    }

    /// Builds the floor: a Swift program that links Foundation, touches it and exits.
    static func buildFloor() throws -> String {
        let folder = NSTemporaryDirectory() + "malkoll-bench-floor-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = folder + "/floor.swift", binary = folder + "/floor"
        // Reading an argument through Foundation makes sure the library is loaded and initialised.
        try "import Foundation\nif ProcessInfo.processInfo.arguments.count > 99 { print(Date()) }\n"
            .write(toFile: source, atomically: true, encoding: .utf8)
        let swiftc = Measure.which("swiftc") ?? "swiftc"
        let result = Measure.shell("\(Measure.quote(swiftc)) -O \(Measure.quote(source)) -o \(Measure.quote(binary))")
        guard result.status == 0 else { throw ValidationError("cannot build the floor executable: \(result.output)") }
        return binary
    }

    func run() throws {
        let malkoll = Measure.malkollPath(self.malkoll)
        guard FileManager.default.isExecutableFile(atPath: malkoll) else { throw ValidationError("no malkoll at \(malkoll)") }
        let floor = try Self.buildFloor()
        defer { try? FileManager.default.removeItem(atPath: (floor as NSString).deletingLastPathComponent) }
        let commands: [(name: String, arguments: [String])] = [
            ("floor (swiftc -O, links Foundation)", [floor]),
            ("malkoll summary", [malkoll, "summary"]),
            ("malkoll browse --keys q --size 80x24 --dump", [malkoll, "browse", "--keys", "q", "--size", "80x24", "--dump"]),
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        for command in commands {
            let check = Measure.run(command.arguments, environment: environment)
            guard check.status == 0 else {
                throw ValidationError("\(command.name) exits with \(check.status.map(String.init) ?? "signal \(check.signal ?? 0)")")
            }
        }
        // Interleaved, after a warm-up, so that drift in the machine's load hits every command alike.
        var wall = [[Double]](repeating: [], count: commands.count)
        var cpu = [[Double]](repeating: [], count: commands.count)
        for round in -3 ..< runs {
            for (i, command) in commands.enumerated() {
                let result = Measure.run(command.arguments, environment: environment)
                guard round >= 0 else { continue }
                wall[i].append(result.wallMilliseconds)
                cpu[i].append(result.userMilliseconds + result.systemMilliseconds)
            }
        }
        var table = ResultTable(title: "Startup (median of \(runs) runs, bundled report)",
                                columns: ["command", "median wall ms", "p90 wall ms", "median CPU ms", "× floor (wall)", "target"])
        let floorMedian = Measure.median(wall[0])
        var figures: [[String: Any]] = []
        for (i, command) in commands.enumerated() {
            let median = Measure.median(wall[i])
            let ratio = median / floorMedian
            let target = i == 0 ? "" : (ratio <= 1.5 ? "met (≤ 1.5×)" : "missed (> 1.5×)")
            table.add([command.name, median.fixed(2), Measure.percentile(wall[i], 90).fixed(2), Measure.median(cpu[i]).fixed(2), ratio.fixed(2) + "×", target])
            figures.append(["command": command.name, "medianWallMs": median, "medianCpuMs": Measure.median(cpu[i]), "ratioToFloor": ratio])
        }
        table.figures["results"] = figures
        table.figures["runs"] = runs
        table.print()
        try table.writeJSON(to: json.path)
    }
}
