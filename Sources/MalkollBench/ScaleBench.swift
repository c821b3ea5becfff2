import ArgumentParser
import Foundation

/// `scale`: load + validate + analysis of generated reports of growing size, each in a child
/// process (`malkoll-bench load FILE`) whose peak memory is read with `wait4`, beside Python's
/// `json.load` of the same file.
struct Scale: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load + validate + analysis time and peak memory at growing report sizes, against Python's json.load.")

    @Option(help: "Comma-separated scales.") var scales: String = "1,10,100,1000"
    @Option(help: "Folder for the generated reports (kept for reuse).") var work: String = NSTemporaryDirectory() + "malkoll-bench"
    @Option(help: "Runs per scale and program (the median is reported).") var runs: Int = 5
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @OptionGroup var json: JSONOption

    struct Row {
        var scale: Int
        var bytes: Int
        var loadMs: Double
        var analysisMs: Double
        var processWallMs: Double
        var peakKB: Int
        var pythonParseMs: Double
        var pythonWallMs: Double
        var pythonPeakKB: Int
        var totalMs: Double { loadMs + analysisMs }
    }

    func run() throws {
        let scaleList = scales.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !scaleList.isEmpty, scaleList.allSatisfy({ $0 >= 1 }) else { throw ValidationError("--scales must list positive integers") }
        guard let python = Measure.which("python3") else { throw ValidationError("python3 is not on the PATH") }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let bench = (Measure.executableFolder as NSString).appendingPathComponent("malkoll-bench")
        let outFile = work + "/load-output.txt"
        var rows: [Row] = []
        for scale in scaleList {
            let file = "\(work)/report-scale-\(scale)-seed-\(seed).json"
            if !FileManager.default.fileExists(atPath: file) {
                _ = try ReportGenerator.generateFile(scale: scale, seed: seed, output: file, check: false)
            }
            let bytes = (try FileManager.default.attributesOfItem(atPath: (file as NSString).resolvingSymlinksInPath)[.size] as? Int) ?? 0
            var loads: [Double] = [], analyses: [Double] = [], walls: [Double] = [], peaks: [Int] = []
            var pyParse: [Double] = [], pyWall: [Double] = [], pyPeaks: [Int] = []
            for _ in 0 ..< max(1, runs) {
                let ours = Measure.run([bench, "load", file], stdout: outFile)
                guard ours.status == 0, let line = try? String(contentsOfFile: outFile, encoding: .utf8) else {
                    throw ValidationError("malkoll-bench load \(file) failed (status \(ours.status.map(String.init) ?? "signal"))")
                }
                let fields = Dictionary(line.split(whereSeparator: \.isWhitespace).compactMap { pair -> (String, Double)? in
                    let parts = pair.split(separator: "=")
                    guard parts.count == 2, let value = Double(parts[1]) else { return nil }
                    return (String(parts[0]), value)
                }, uniquingKeysWith: { a, _ in a })
                loads.append(fields["load_ms"] ?? .nan)
                analyses.append(fields["analysis_ms"] ?? .nan)
                walls.append(ours.wallMilliseconds)
                peaks.append(ours.maxRSSKilobytes)
                // The exact command of the comparison, timed as a whole process …
                let py = Measure.run([python, "-c", "import json,sys; json.load(open(sys.argv[1]))", file])
                pyWall.append(py.wallMilliseconds)
                pyPeaks.append(py.maxRSSKilobytes)
                // … and its parse alone, timed inside Python.
                let inner = Measure.run([python, "-c", "import json,sys,time; t=time.perf_counter(); json.load(open(sys.argv[1])); print((time.perf_counter()-t)*1000)", file], stdout: outFile)
                if inner.status == 0, let text = try? String(contentsOfFile: outFile, encoding: .utf8), let ms = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    pyParse.append(ms)
                }
            }
            let row = Row(scale: scale, bytes: bytes, loadMs: Measure.median(loads), analysisMs: Measure.median(analyses),
                          processWallMs: Measure.median(walls), peakKB: peaks.max() ?? 0, pythonParseMs: Measure.median(pyParse),
                          pythonWallMs: Measure.median(pyWall), pythonPeakKB: pyPeaks.max() ?? 0)
            rows.append(row)
            FileHandle.standardError.write(Data("scale \(scale): \(row.totalMs.fixed(1)) ms, peak \(row.peakKB / 1024) MB\n".utf8))
        }
        try? FileManager.default.removeItem(atPath: outFile)
        var table = ResultTable(
            title: "Scale (median of \(runs) runs; times in ms; in-process unless marked 'process')",
            columns: ["N", "file MB", "load+validate", "analysis", "total", "MB/s", "process wall", "peak RSS MB", "RSS/file",
                      "python parse", "python process", "total/python parse", "µs per KB"])
        var figures: [[String: Any]] = []
        for row in rows {
            let mb = Double(row.bytes) / 1_048_576
            let peakMB = Double(row.peakKB) / 1024
            table.add([
                String(row.scale), mb.fixed(2), row.loadMs.fixed(1), row.analysisMs.fixed(1), row.totalMs.fixed(1),
                (mb / (row.totalMs / 1000)).fixed(1), row.processWallMs.fixed(1), peakMB.fixed(1), (peakMB / mb).fixed(2),
                row.pythonParseMs.fixed(1), row.pythonWallMs.fixed(1), (row.totalMs / row.pythonParseMs).fixed(2),
                (row.totalMs * 1000 / (Double(row.bytes) / 1024)).fixed(1),
            ])
            figures.append([
                "scale": row.scale, "bytes": row.bytes, "loadMs": row.loadMs, "analysisMs": row.analysisMs, "totalMs": row.totalMs,
                "processWallMs": row.processWallMs, "peakRSSKB": row.peakKB, "pythonParseMs": row.pythonParseMs,
                "pythonProcessMs": row.pythonWallMs, "pythonPeakRSSKB": row.pythonPeakKB,
            ])
        }
        table.figures["results"] = figures
        table.print()
        if let last = rows.last {
            let mb = Double(last.bytes) / 1_048_576
            print("Targets at N = \(last.scale): full load \(last.totalMs.fixed(0)) ms vs Python parse \(last.pythonParseMs.fixed(0)) ms "
                + "(\(last.totalMs <= last.pythonParseMs ? "met" : "missed")); peak memory \((Double(last.peakKB) / 1024 / mb).fixed(2))× the file "
                + "(\(Double(last.peakKB) / 1024 <= 5 * mb ? "met" : "missed"), target ≤ 5×).")
        }
        if rows.count >= 2, let first = rows.first(where: { $0.scale >= 10 }) ?? rows.first, let last = rows.last, last.scale > first.scale {
            let growth = (last.totalMs / first.totalMs) / (Double(last.bytes) / Double(first.bytes))
            print("Time per byte at N = \(last.scale) is \(growth.fixed(2))× that at N = \(first.scale) (1.00 = linear).")
        }
        try table.writeJSON(to: json.path)
    }
}
