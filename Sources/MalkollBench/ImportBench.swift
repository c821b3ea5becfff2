import ArgumentParser
import Foundation
import ReportCore
import ReportImport

/// `import`: how long importing a report's text takes, against how long `malkoll check` takes on
/// the JSON the import writes (the target of issue 9: at most 3×). Both are timed in process,
/// the same work as the commands do: the import reads the text, imports it (with the overlay
/// when there is one) and encodes the JSON; the check parses, decodes and validates that JSON,
/// analyses and audits it and formats the findings.
struct ImportTiming: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Time `malkoll import` of a report text against `malkoll check` of the resulting JSON; print the ratio.")

    @Option(help: "The report text (pdftotext output).") var text: String = "data/source/huddinge-kommunstyrelsen-2021-08.txt"
    @Option(help: "The overlay; by default the text's .overlay.json beside it when present.") var overlay: String?
    @Option(help: "Timed runs of each (the medians are printed).") var repeats: Int = 20
    @Flag(help: "Also time the commands as a user runs them: `malkoll import` and `malkoll check` as child processes (the `malkoll` beside this executable, or --malkoll).") var processes = false
    @Option(help: "The malkoll executable for --processes.") var malkoll: String?
    @OptionGroup var json: JSONOption

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        let overlayPath = overlay ?? (text.hasSuffix(".txt") ? String(text.dropLast(4)) + ".overlay.json" : text + ".overlay.json")
        var options = ImportOptions()
        if let data = FileManager.default.contents(atPath: overlayPath) {
            options.overlay = try Overlay.load(data: data, file: overlayPath)
        } else if overlay != nil {
            throw ValidationError("cannot read the overlay \(overlayPath)")
        }
        guard FileManager.default.fileExists(atPath: text) else {
            throw ValidationError("cannot read the report text \(text) (run from the repository root or pass --text)")
        }
        let importer = ReportImporter(options: options)
        let name = (text as NSString).lastPathComponent

        func importOnce() throws -> Data {
            guard let data = FileManager.default.contents(atPath: text), let source = String(data: data, encoding: .utf8) else {
                throw ValidationError("cannot read the report text \(text)")
            }
            return try importer.importReport(text: source, fileName: name).reportJSON()
        }
        func checkOnce(_ json: Data) throws -> Int {
            let report = try ReportLoader.load(data: json, file: "imported.json")
            let audit = ReportAnalysis(report: report).audit
            return FindingsFormatter.text(audit).count
        }

        // One untimed round of each to warm up.
        let reportJSON = try importOnce()
        _ = try checkOnce(reportJSON)
        var importTimes: [Double] = []
        var checkTimes: [Double] = []
        for _ in 0 ..< repeats {
            importTimes.append(try Measure.time { try importOnce() }.1)
            checkTimes.append(try Measure.time { try checkOnce(reportJSON) }.1)
        }
        let importMedian = Measure.median(importTimes)
        let checkMedian = Measure.median(checkTimes)
        let ratio = importMedian / checkMedian
        print(String(format: "import %@: median %.2f ms; check of the resulting JSON: median %.2f ms; ratio %.2f× (target ≤ 3×) over %d runs",
                     name, importMedian, checkMedian, ratio, repeats))
        var figures: [String: Any] = ["text": text, "repeats": repeats, "importMedianMs": importMedian, "checkMedianMs": checkMedian, "ratio": ratio]
        if processes {
            let executable = Measure.malkollPath(malkoll)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-bench-import-\(getpid())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let output = folder.appendingPathComponent("imported.json").path
            var importArguments = [executable, "import", text, "--output", output]
            if options.overlay != nil { importArguments += ["--overlay", overlayPath] }
            var importWall: [Double] = []
            var checkWall: [Double] = []
            for _ in 0 ... repeats {
                let imported = Measure.run(importArguments)
                let checked = Measure.run([executable, "check", output])
                guard imported.status == 0, checked.status == 0 || checked.status == 1 else {
                    throw ValidationError("\(executable) import/check failed (exit \(imported.status.map(String.init) ?? "signal"), \(checked.status.map(String.init) ?? "signal"))")
                }
                importWall.append(imported.wallMilliseconds)
                checkWall.append(checked.wallMilliseconds)
            }
            // The first round warms the file cache.
            let importProcess = Measure.median(Array(importWall.dropFirst()))
            let checkProcess = Measure.median(Array(checkWall.dropFirst()))
            print(String(format: "as processes: `malkoll import` median %.1f ms; `malkoll check` median %.1f ms; ratio %.2f×",
                         importProcess, checkProcess, importProcess / checkProcess))
            figures["processImportMedianMs"] = importProcess
            figures["processCheckMedianMs"] = checkProcess
            figures["processRatio"] = importProcess / checkProcess
        }
        if let path = json.path {
            let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }
}
