import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Timing, child processes and statistics for the benchmarks.
enum Measure {
    /// Monotonic time in nanoseconds.
    @inline(__always)
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Runs `body` and returns its result and the elapsed milliseconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let result = try body()
        return (result, Double(now() - start) / 1e6)
    }

    /// The `p`-th percentile (0…100) by nearest rank of the sorted values.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The folder of the running executable (where `malkoll` is built beside `malkoll-bench`).
    static var executableFolder: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (exe as NSString).deletingLastPathComponent
    }

    /// `malkoll` beside this executable, or `path` when given.
    static func malkollPath(_ path: String?) -> String {
        path ?? (executableFolder as NSString).appendingPathComponent("malkoll")
    }

    /// The result of a child process.
    struct ChildResult {
        /// Exit status, or `nil` when killed by a signal.
        var status: Int32?
        var signal: Int32?
        var wallMilliseconds: Double
        /// Peak resident set size in kilobytes (`ru_maxrss` of this child alone, via `wait4`).
        var maxRSSKilobytes: Int
        var userMilliseconds: Double
        var systemMilliseconds: Double
        var timedOut: Bool
    }

    /// Runs `arguments[0]` (a path) with `arguments`, stdin from /dev/null, stdout and stderr to
    /// `stdout`/`stderr` paths (default /dev/null). Measures wall time from spawn to reaping and
    /// reads the child's own rusage. A child running longer than `timeout` seconds is killed.
    static func run(
        _ arguments: [String], stdout: String = "/dev/null", stderr: String = "/dev/null",
        environment: [String: String]? = nil, timeout: Double? = nil
    ) -> ChildResult {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var pid: pid_t = 0
        let start = now()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, env)
        guard spawned == 0 else {
            fatalError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        if let timeout {
            let deadline = start + UInt64(timeout * 1e9)
            while true {
                let reaped = wait4(pid, &status, WNOHANG, &usage)
                if reaped == pid { break }
                if now() > deadline {
                    kill(pid, SIGKILL)
                    timedOut = true
                    wait4(pid, &status, 0, &usage)
                    break
                }
                usleep(1000)
            }
        } else {
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        }
        let wall = Double(now() - start) / 1e6
        let exited = status & 0x7F == 0
        return ChildResult(
            status: exited ? (status >> 8) & 0xFF : nil, signal: exited ? nil : status & 0x7F, wallMilliseconds: wall,
            maxRSSKilobytes: usage.ru_maxrss,
            userMilliseconds: Double(usage.ru_utime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec) / 1000,
            systemMilliseconds: Double(usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_stime.tv_usec) / 1000,
            timedOut: timedOut)
    }

    /// Runs a shell command line and returns its output (stdout and stderr) and exit status.
    @discardableResult
    static func shell(_ commandLine: String) -> (output: String, status: Int32) {
        guard let pipe = popen(commandLine + " 2>&1 </dev/null", "r") else { return ("popen failed", -1) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0 ..< n])
        }
        let status = pclose(pipe)
        return (String(decoding: data, as: UTF8.self), status == -1 ? -1 : (status >> 8) & 0xFF)
    }

    /// Single-quotes text for `sh`.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Which of `paths` is an executable file, the first one found.
    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if access(path, X_OK) == 0 { return path }
        }
        return nil
    }
}

/// A result table printed to stdout and optionally collected as JSON.
struct ResultTable {
    var title: String
    var columns: [String]
    var rows: [[String]] = []
    /// Named figures for `--json`.
    var figures: [String: Any] = [:]

    init(title: String, columns: [String]) {
        self.title = title
        self.columns = columns
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// A Markdown table (readable in a terminal, pasteable into the README).
    var markdown: String {
        var widths = columns.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
        }
        var text = "### \(title)\n\n" + line(columns) + "\n"
        text += "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|\n"
        for row in rows { text += line(row) + "\n" }
        return text
    }

    func print() {
        Swift.print(markdown)
    }

    /// Writes `figures` (plus the rows) as JSON to `path`, atomically.
    func writeJSON(to path: String?) throws {
        guard let path else { return }
        var object = figures
        object["title"] = title
        object["columns"] = columns
        object["rows"] = rows
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

extension Double {
    /// Fixed decimals, for tables.
    func fixed(_ digits: Int) -> String { String(format: "%.\(digits)f", self) }
}
