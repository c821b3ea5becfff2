import ArgumentParser
import BundledReport
import Foundation
import ReportCore
import ReportImport
import MalkollTestSupport

/// What a damaged file did.
enum FuzzOutcome: String, CaseIterable {
    case loaded = "L"
    case rejectedLocated = "R"
    case rejectedUnlocated = "U"
    case crash = "C"
    case hang = "H"

    var name: String {
        switch self {
        case .loaded: "loaded (and analysed, summarised, exported)"
        case .rejectedLocated: "rejected with a located error"
        case .rejectedUnlocated: "rejected without a location"
        case .crash: "crash"
        case .hang: "hang (timeout)"
        }
    }
}

/// Loads one damaged file and, when it loads, runs everything that reads a report.
func exercise(_ data: Data) -> (FuzzOutcome, String) {
    do {
        let report = try ReportLoader.load(data: data, file: "mutated.json")
        let analysis = ReportAnalysis(report: report)
        let summary = SummaryFormatter(analysis: analysis)
        var size = summary.text().utf8.count + summary.markdown().utf8.count + summary.json().serialized().utf8.count
        size += FindingsFormatter.text(analysis.audit).utf8.count + FindingsFormatter.json(analysis.audit).serialized().utf8.count
        let exporter = Exporter(analysis: analysis)
        for table in ExportTable.allCases {
            for format in ExportFormat.allCases { size += exporter.render(table, format: format).utf8.count }
        }
        return (.loaded, "\(size) bytes of output")
    } catch {
        // Located: a line (syntax) or a JSON path (decoding, validation) says where.
        let located = error.line != nil || !error.path.isEmpty
        return (located ? .rejectedLocated : .rejectedUnlocated, error.description)
    }
}

/// Imports one damaged report text and, when it imports, runs on the result everything that
/// reads a report (`exercise`), as `malkoll import` loads what it writes back before writing it.
func exerciseImport(_ text: String) -> (FuzzOutcome, String) {
    do {
        let result = try ReportImporter().importReport(text: text, fileName: "mutated.txt")
        let (outcome, detail) = exercise(try result.reportJSON())
        return (outcome, "imported with \(result.diagnostics.count) diagnostics; \(detail)")
    } catch let failure as ImportFailure {
        return (failure.line != nil ? .rejectedLocated : .rejectedUnlocated, failure.description)
    } catch {
        return (.rejectedUnlocated, "\(error)")
    }
}

/// What the fuzz damages: the bundled report's JSON (loaded) or its source text (imported).
enum FuzzSubject: String, ExpressibleByArgument, CaseIterable {
    case json
    case `import`
}

/// The source text the `import` subject damages, read from the repository (the bench runs there).
let fuzzSourceText = "data/source/huddinge-kommunstyrelsen-2021-08.txt"

/// Case `index` of `seed`: its description and what it did.
struct FuzzCases {
    let subject: FuzzSubject
    let reportMutator: ReportMutator?
    let textMutator: TextMutator?

    init(subject: FuzzSubject) throws {
        self.subject = subject
        switch subject {
        case .json:
            reportMutator = try ReportMutator(data: try bundledReportData())
            textMutator = nil
        case .import:
            guard let data = FileManager.default.contents(atPath: fuzzSourceText) else {
                throw ValidationError("the source text \(fuzzSourceText) is missing: run from the repository's top folder")
            }
            reportMutator = nil
            textMutator = TextMutator(text: String(decoding: data, as: UTF8.self))
        }
    }

    func description(seed: UInt64, case index: Int) -> String {
        reportMutator?.mutate(seed: seed, case: index).description ?? textMutator?.mutate(seed: seed, case: index).description ?? ""
    }

    func run(seed: UInt64, case index: Int) -> (FuzzOutcome, String) {
        if let reportMutator { return exercise(reportMutator.mutate(seed: seed, case: index).data) }
        if let textMutator { return exerciseImport(textMutator.mutate(seed: seed, case: index).text) }
        return (.rejectedUnlocated, "no mutator")
    }
}

func bundledReportData() throws -> Data {
    guard let url = BundledReport.reportURL else { throw ValidationError("the bundled report is missing") }
    return try Data(contentsOf: url)
}

/// `fuzz-worker`: runs a range of cases and prints one line per case; the parent isolates crashes and hangs.
struct FuzzWorker: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "(internal) Run fuzz cases, one result line each.", shouldDisplay: false)

    @Option var seed: UInt64
    @Option var from: Int
    @Option var count: Int
    @Option var subject: FuzzSubject = .json

    func run() throws {
        let cases = try FuzzCases(subject: subject)
        for index in from ..< from + count {
            let (outcome, detail) = cases.run(seed: seed, case: index)
            let line = "\(index) \(outcome.rawValue) \(detail.prefix(200).replacingOccurrences(of: "\n", with: " "))\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}

/// `fuzz`: many damaged versions of the bundled report, each loaded in a worker process; counts outcomes.
struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load many damaged versions of the bundled report (or import many damaged versions of its source text); count loaded / rejected / crash / hang.")

    @Option(help: "What to damage: json (the bundled report, loaded) or import (its source text, with and without blank lines, imported; run from the repository's top folder).")
    var subject: FuzzSubject = .json

    @Option(help: "Number of cases.") var count: Int = 100_000
    @Option(help: "Seed (case n of seed s is always the same mutation).") var seed: UInt64 = 1
    @Option(help: "Seconds one case may take before it counts as a hang.") var timeout: Double = 20
    @Option(help: "Cases per worker process.") var batch: Int = 5000
    @Option(help: "Worker processes in parallel.") var jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    @Option(help: "Write every crash, hang and unlocated rejection here (case number, mutation, detail).") var log: String?
    @OptionGroup var json: JSONOption

    /// A running worker: its pipe and where it is.
    final class Worker {
        let pid: pid_t
        let fd: Int32
        var next: Int
        let end: Int
        var buffer: [UInt8] = []
        var lastProgress = Measure.now()

        init(pid: pid_t, fd: Int32, from: Int, end: Int) {
            self.pid = pid
            self.fd = fd
            next = from
            self.end = end
        }
    }

    func spawn(from: Int, end: Int) -> Worker {
        var pipeFDs: [Int32] = [0, 0]
        pipe(&pipeFDs)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        let bench = (Measure.executableFolder as NSString).appendingPathComponent("malkoll-bench")
        let arguments = [bench, "fuzz-worker", "--seed", String(seed), "--from", String(from), "--count", String(end - from), "--subject", subject.rawValue]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no" // a crash should end the worker quickly
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, bench, &actions, nil, argv, envp)
        precondition(status == 0, "cannot start a fuzz worker")
        close(pipeFDs[1])
        return Worker(pid: pid, fd: pipeFDs[0], from: from, end: end)
    }

    func run() throws {
        let cases = try FuzzCases(subject: subject)
        var counts = [FuzzOutcome: Int]()
        var logLines: [String] = []
        var pending: [(Int, Int)] = stride(from: 0, to: count, by: batch).map { ($0, min($0 + batch, count)) }
        var workers: [Worker] = []
        let start = Measure.now()
        var done = 0
        var reported = 0
        func record(_ index: Int, _ outcome: FuzzOutcome, _ detail: String) {
            counts[outcome, default: 0] += 1
            done += 1
            if outcome == .crash || outcome == .hang || outcome == .rejectedUnlocated {
                logLines.append("case \(index) [\(outcome.name)]: \(cases.description(seed: seed, case: index)) — \(detail)")
            }
        }
        func finish(_ worker: Worker, killed: Bool) {
            if killed { kill(worker.pid, SIGKILL) }
            var status: Int32 = 0
            waitpid(worker.pid, &status, 0)
            close(worker.fd)
            if worker.next < worker.end {
                // The case in flight crashed or hung; the rest of the batch goes to a new worker.
                let signal = status & 0x7F
                record(worker.next, killed ? .hang : .crash, killed ? "no result within \(timeout) s" : "worker ended with signal \(signal), status \((status >> 8) & 0xFF)")
                if worker.next + 1 < worker.end { pending.insert((worker.next + 1, worker.end), at: 0) }
            }
        }
        while !pending.isEmpty || !workers.isEmpty {
            while workers.count < jobs, !pending.isEmpty {
                let (from, end) = pending.removeFirst()
                workers.append(spawn(from: from, end: end))
            }
            var fds = workers.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            _ = poll(&fds, nfds_t(fds.count), 200)
            var finished: [Int] = []
            for (i, worker) in workers.enumerated() {
                if fds[i].revents != 0 {
                    var chunk = [UInt8](repeating: 0, count: 65536)
                    let n = read(worker.fd, &chunk, chunk.count)
                    if n <= 0 {
                        finish(worker, killed: false)
                        finished.append(i)
                        continue
                    }
                    worker.buffer.append(contentsOf: chunk[0 ..< n])
                    while let newline = worker.buffer.firstIndex(of: 0x0A) {
                        let line = String(decoding: worker.buffer[..<newline], as: UTF8.self)
                        worker.buffer.removeSubrange(...newline)
                        let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
                        guard fields.count >= 2, let index = Int(fields[0]), let outcome = FuzzOutcome(rawValue: String(fields[1])) else { continue }
                        record(index, outcome, fields.count > 2 ? String(fields[2]) : "")
                        worker.next = index + 1
                        worker.lastProgress = Measure.now()
                    }
                } else if Double(Measure.now() - worker.lastProgress) / 1e9 > timeout {
                    finish(worker, killed: true)
                    finished.append(i)
                }
            }
            for i in finished.reversed() { workers.remove(at: i) }
            if done / 1000 > reported {
                reported = done / 1000
                FileHandle.standardError.write(Data("\r\(done)/\(count)".utf8))
            }
        }
        FileHandle.standardError.write(Data("\n".utf8))
        let seconds = Double(Measure.now() - start) / 1e9
        let what = subject == .json ? "the bundled report" : "the bundled report's source text, imported"
        var table = ResultTable(title: "Fuzz: \(count) damaged versions of \(what) (seed \(seed), \(seconds.fixed(0)) s)", columns: ["outcome", "count"])
        for outcome in FuzzOutcome.allCases { table.add([outcome.name, String(counts[outcome] ?? 0)]) }
        table.figures = Dictionary(uniqueKeysWithValues: FuzzOutcome.allCases.map { ($0.name, counts[$0] ?? 0) })
        table.print()
        for line in logLines.prefix(20) { print(line) }
        if let log { try logLines.joined(separator: "\n").write(toFile: log, atomically: true, encoding: .utf8) }
        try table.writeJSON(to: json.path)
        let bad = (counts[.crash] ?? 0) + (counts[.hang] ?? 0) + (counts[.rejectedUnlocated] ?? 0)
        if bad > 0 { throw ExitCode(1) }
    }
}
