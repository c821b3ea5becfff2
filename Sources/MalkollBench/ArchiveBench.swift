import ArgumentParser
import Foundation
import ReportArchive
import ReportCore
import ReportSamples
import BundledReport

enum BundledReportFile {
    static var url: URL? { BundledReport.reportURL }
}

/// `archive`: the archive's figures: add throughput, file size per report, the diff of two
/// bundled-size reports, and first-frame / listing times at 1, 1,000 and 10,000 reports.
///
/// Every report is generated (`GeneratedSeries.numbered`, labelled "genererad testdata") in
/// archives in a temporary folder that is removed afterwards.
struct ArchiveBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Archive figures: add throughput, size per report, diff time, first frame and listing at 1/1,000/10,000 reports.")

    @Option(help: "Archive sizes (reports) for the first-frame and listing figures, comma-separated.") var sizes: String = "1,1000,10000"
    @Option(help: "Runs per process measurement (the median is reported).") var runs: Int = 15
    @Option(help: "Diff repetitions (the median is reported).") var diffRuns: Int = 200
    @Option(help: "The malkoll executable (default: beside malkoll-bench).") var malkoll: String?
    @Option(help: "Folder for the temporary archives (default: the system's temporary folder).") var folder: String?
    @Flag(help: "Keep the temporary archives (to look at them afterwards).") var keep = false
    @OptionGroup var json: JSONOption

    func run() throws {
        let malkoll = Measure.malkollPath(self.malkoll)
        guard FileManager.default.isExecutableFile(atPath: malkoll) else { throw ValidationError("no malkoll at \(malkoll)") }
        let counts = sizes.split(separator: ",").compactMap { Int($0) }.sorted()
        guard let largest = counts.last, counts.first ?? 0 >= 1 else { throw ValidationError("--sizes: positive report counts, e.g. 1,1000,10000") }
        let work = (folder ?? NSTemporaryDirectory()) + "/malkoll-bench-archive-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(atPath: work) } }
        let bundled = try GeneratedSeries.bundled()
        var table = ResultTable(title: "Archive (release build, generated reports of the bundled report's size)", columns: ["measure", "figure", "target"])
        var figures: [String: Any] = [:]

        // The diff of two bundled-size reports: the bundled delårsrapport and the generated
        // verksamhetsberättelse, both analysed and diffed each time (as `malkoll diff` does after loading).
        let yearEnd = GeneratedSeries.yearEnd(from: bundled.report)
        // Interleaved after a warm-up, so that the machine's load hits the three figures alike.
        var diffTimes: [Double] = [], analysisTimes: [Double] = [], comparisonTimes: [Double] = []
        var changes = 0
        for round in -20 ..< diffRuns {
            let (diff, ms) = Measure.time { ReportDiff(from: bundled.report, to: yearEnd) }
            let (analyses, analysisMs) = Measure.time { (ReportAnalysis(report: bundled.report), ReportAnalysis(report: yearEnd)) }
            let comparisonMs = Measure.time { _ = ReportDiff(from: analyses.0, to: analyses.1) }.1
            guard round >= 0 else { continue }
            diffTimes.append(ms)
            analysisTimes.append(analysisMs)
            comparisonTimes.append(comparisonMs)
            changes = diff.changes.count
        }
        let diffMedian = Measure.median(diffTimes)
        table.add(["diff of two loaded reports, bundled delårsrapport → generated verksamhetsberättelse (\(changes) changes), median of \(diffRuns)",
                   "\(diffMedian.fixed(2)) ms (p99 \(Measure.percentile(diffTimes, 99).fixed(2)) ms)", "≤ 10 ms"])
        figures["diffMedianMs"] = diffMedian
        table.add(["  of which: analysing both reports (ReportAnalysis ×2)", "\(Measure.median(analysisTimes).fixed(2)) ms", ""])
        table.add(["  of which: comparing the analyses (ReportDiff)", "\(Measure.median(comparisonTimes).fixed(2)) ms", ""])

        // Floor: a bare Foundation program.
        let floor = try Startup.buildFloor()
        defer { try? FileManager.default.removeItem(atPath: (floor as NSString).deletingLastPathComponent) }
        let floorMs = medianWall([floor])
        table.add(["floor: bare Foundation program (swiftc -O), median of \(runs)", "\(floorMs.fixed(1)) ms", ""])
        figures["floorMs"] = floorMs
        guard let bundledURL = BundledReportFile.url else { throw ValidationError("the bundled report is missing") }
        let fileMs = medianWall([malkoll, "browse", bundledURL.path, "--keys", "q", "--dump"])
        table.add(["first frame without archive, `malkoll browse FILE --keys q --dump` (bundled report)", "\(fileMs.fixed(1)) ms (\((fileMs / floorMs).fixed(2))× floor)", ""])
        figures["firstFrameFileMs"] = fileMs

        // One growing archive: measured whenever it reaches one of the sizes.
        let path = work + "/arkiv.sqlite"
        let onePath = work + "/one.sqlite"
        try ArchiveStore.create(at: path)
        let emptySize = fileSize(path)
        var store = try ArchiveStore.open(at: path, access: .write)
        var added = 0
        var addMs: [Double] = []
        for count in counts {
            while added < count {
                // Report 0 is the bundled report itself, so that the one-report archive is the default one's shape.
                let report = added == 0 ? bundled.report : GeneratedSeries.numbered(added, from: bundled.report)
                let bytes = added == 0 ? bundled.bytes : try GeneratedSeries.encode(report)
                let (_, ms) = try Measure.time { try store.add(report, bytes: bytes, replace: false) }
                addMs.append(ms)
                added += 1
            }
            store.close()
            let size = fileSize(path)
            let perReport = Double(size - emptySize) / Double(count)
            figures["sizeBytes\(count)"] = size
            table.add(["archive file at \(count) reports", "\(mb(size)) MB, \(Int(perReport / 1024)) KiB per report", ""])
            // The listing query, in process and as `malkoll archive list --format json`.
            let reader = try ArchiveStore.open(at: path, access: .read)
            var listTimes: [Double] = []
            for _ in 0 ..< max(3, runs / 3) { listTimes.append(try Measure.time { _ = try reader.list() }.1) }
            let (_, countMs) = try Measure.time { _ = try reader.countAndSingle() }
            reader.close()
            table.add(["listing query (all \(count) rows, in process)", "\(Measure.median(listTimes).fixed(2)) ms", ""])
            table.add(["count query that decides home vs one report (in process)", "\(countMs.fixed(3)) ms", ""])
            let listMs = medianWall([malkoll, "archive", "list", "--archive", path, "--format", "json"])
            table.add(["`malkoll archive list --format json` at \(count) reports (process)", "\(listMs.fixed(1)) ms (\((listMs / floorMs).fixed(2))× floor)", ""])
            figures["listMs\(count)"] = listMs
            // First frame: the browser's first screen, headless (`--keys q --dump`). With one report the
            // archive opens it directly; with more, the archive home (its boards and periods, and the
            // cells of the boards on screen). Interleaved with the floor and the one-report archive
            // (kept as a copy), so that the machine's load hits all three alike and the ratios hold.
            if count == 1 { try? FileManager.default.copyItem(atPath: path, toPath: onePath) }
            let arguments = [malkoll, "browse", "--archive", path, "--keys", "q", "--dump"]
            if count > 1 {
                // Make sure it is the home that is measured.
                let frameFile = work + "/first-frame.txt"
                let first = Measure.run(arguments, stdout: frameFile)
                let text = (try? String(contentsOfFile: frameFile, encoding: .utf8)) ?? ""
                guard first.status == 0, text.hasPrefix(" Malkoll · Arkiv · \(count) rapporter") else {
                    throw ValidationError("the first frame at \(count) reports is not the archive home: \(text.prefix(80))")
                }
            }
            let oneArguments = [malkoll, "browse", "--archive", onePath, "--keys", "q", "--dump"]
            var frame: [Double] = [], one: [Double] = [], bare: [Double] = []
            for round in -2 ..< runs {
                let f = Measure.run(arguments).wallMilliseconds
                let o = Measure.run(oneArguments).wallMilliseconds
                let b = Measure.run([floor]).wallMilliseconds
                guard round >= 0 else { continue }
                frame.append(f)
                one.append(o)
                bare.append(b)
            }
            let frameMs = Measure.median(frame), oneMs = Measure.median(one), bareMs = Measure.median(bare)
            let target = count == 1 ? "≤ 2× floor" : count <= 1000 ? "≤ 1.5× 1 report, ≤ 2× floor" : "≤ 2× 1 report, ≤ 2× floor"
            let relative = count == 1 ? "" : ", \((frameMs / oneMs).fixed(2))× the 1-report archive's \(oneMs.fixed(1)) ms"
            table.add(["first frame, `malkoll browse --archive A` at \(count) reports\(count == 1 ? " (one report opens directly)" : " (the archive home)")",
                       "\(frameMs.fixed(1)) ms (\((frameMs / bareMs).fixed(2))× the floor's \(bareMs.fixed(1)) ms\(relative))", target])
            figures["firstFrameMs\(count)"] = frameMs
            figures["firstFrameRatioToOne\(count)"] = frameMs / oneMs
            if count != largest { store = try ArchiveStore.open(at: path, access: .write) }
        }
        let totalAdd = addMs.reduce(0, +)
        table.add(["`ArchiveStore.add` in process, one transaction per report, \(added) reports",
                   "\((Double(added) / totalAdd * 1000).fixed(0)) reports/s (median \(Measure.median(addMs).fixed(2)) ms, p99 \(Measure.percentile(addMs, 99).fixed(2)) ms)", ""])
        figures["addPerSecond"] = Double(added) / totalAdd * 1000

        // `malkoll archive add` as a user runs it: 50 files in one process, then one file per process.
        let files = try (0 ..< 50).map { index -> String in
            let file = work + "/add-\(index).json"
            try GeneratedSeries.encode(GeneratedSeries.numbered(largest + 1 + index, from: bundled.report)).write(to: URL(fileURLWithPath: file))
            return file
        }
        let cliPath = work + "/cli.sqlite"
        let batch = Measure.run([malkoll, "archive", "add", "--archive", cliPath] + files)
        guard batch.status == 0 else { throw ValidationError("malkoll archive add failed (\(batch.status.map(String.init) ?? "signal"))") }
        table.add(["`malkoll archive add` of 50 files in one process (new archive)",
                   "\(batch.wallMilliseconds.fixed(0)) ms = \((50 / batch.wallMilliseconds * 1000).fixed(0)) reports/s", ""])
        figures["cliBatchPerSecond"] = 50 / batch.wallMilliseconds * 1000
        var single: [Double] = []
        for index in 0 ..< 10 {
            let file = work + "/single-\(index).json"
            try GeneratedSeries.encode(GeneratedSeries.numbered(largest + 100 + index, from: bundled.report)).write(to: URL(fileURLWithPath: file))
            single.append(Measure.run([malkoll, "archive", "add", "--archive", cliPath, file]).wallMilliseconds)
        }
        table.add(["`malkoll archive add FILE` (one process per file), median of 10", "\(Measure.median(single).fixed(1)) ms", ""])
        table.figures = figures
        table.print()
        try table.writeJSON(to: json.path)
    }

    func medianWall(_ arguments: [String]) -> Double {
        var times: [Double] = []
        for round in -2 ..< runs {
            let result = Measure.run(arguments)
            if round >= 0 { times.append(result.wallMilliseconds) }
        }
        return Measure.median(times)
    }

    func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    func mb(_ bytes: Int) -> String { (Double(bytes) / 1_048_576).fixed(1) }
}
