import ArgumentParser
import BundledReport
import Foundation
import ReportBrowser
import ReportCore
import MalkollTestSupport

/// Loads a report for the browser benchmarks: a file, a generated report of `scale`, or the bundled one.
func browserData(file: String?, scale: Int?, seed: UInt64) throws -> BrowserData {
    let report: Report
    if let file {
        report = try ReportLoader.load(contentsOfFile: file)
    } else if let scale {
        var generator = ReportGenerator(scale: scale, seed: seed)
        // Through the bytes and the loader, exactly as a user's file would come in.
        report = try ReportLoader.load(data: try ReportGenerator.encode(generator.report()), file: "generated-\(scale).json")
    } else {
        guard let url = BundledReport.reportURL else { throw ValidationError("the bundled report is missing") }
        report = try ReportLoader.load(contentsOf: url)
    }
    return BrowserData(analysis: ReportAnalysis(report: report))
}

/// `interaction`: update + render time per key over a scripted session on a large report.
struct Interaction: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Update + render time per key (p50, p99) over scripted keys on a large report.")

    @Option(help: "Number of keys.") var keys: Int = 1000
    @Option(help: "Screen size WxH.") var size: String = "200x60"
    @Option(help: "Scale of the generated report (ignored with --file).") var scale: Int = 1000
    @Option(help: "A report file instead of a generated one.") var file: String?
    @Option(help: "Seed of the generator and of the key script.") var seed: UInt64 = 1
    @Flag(help: "Type searches instead: / and a term character by character (incremental search), then Esc.") var typing = false
    @OptionGroup var json: JSONOption

    /// Searches typed one character at a time (each character searches again and shows the first hit).
    static func typingScript(count: Int) -> [Key] {
        let terms = ["sjukfrånvaro", "budget", "616 275", "investeringar", "kommunstyrelsen", "a", "medarbetare", "xyzzy"]
        var keys: [Key] = []
        var index = 0
        while keys.count < count {
            keys.append(.char("/"))
            keys.append(contentsOf: terms[index % terms.count].map { Key.char($0) })
            keys.append(.escape)
            index += 1
        }
        return Array(keys.prefix(count))
    }

    /// A deterministic mix of what a reader does: mostly moving, sometimes paging, opening,
    /// going back, switching sections, filtering, searching.
    static func script(count: Int, seed: UInt64) -> [Key] {
        var random = SeededRandom(seed: seed ^ 0x5EED)
        var keys: [Key] = []
        while keys.count < count {
            switch random.int(0 ..< 100) {
            case 0 ..< 40: keys.append(random.chance(70) ? .down : .up)
            case 40 ..< 52: keys.append(random.chance(70) ? .pageDown : .pageUp)
            case 52 ..< 62: keys.append(.enter)
            case 62 ..< 72: keys.append(.escape)
            case 72 ..< 80: keys.append(.char(Character(String(random.int(1 ... 9)))))
            case 80 ..< 84: keys.append(random.chance(50) ? .tab : .backTab)
            case 84 ..< 88: keys.append(random.chance(50) ? .char("G") : .char("g"))
            case 88 ..< 92: keys.append(.char("f"))
            case 92 ..< 95: keys.append(.char("?"))
            case 95 ..< 97: keys.append(contentsOf: [.char("/"), .char("s"), .char("k"), .char("o"), .char("l"), .enter, .char("n")])
            default: keys.append(.ctrl("d"))
            }
        }
        return Array(keys.prefix(count))
    }

    func run() throws {
        guard let screen = Headless.parseSize(size) else { throw ValidationError("--size must be WxH") }
        let (data, setup) = try Measure.time { try browserData(file: file, scale: file == nil ? scale : nil, seed: seed) }
        var state = AppState(data: data, width: screen.width, height: screen.height)
        _ = render(state)
        let script = typing ? Self.typingScript(count: keys) : Self.script(count: keys, seed: seed)
        var updateTimes: [Double] = [], renderTimes: [Double] = [], totals: [Double] = []
        var keyNames: [String] = []
        for key in script {
            let start = Measure.now()
            let effects = update(&state, .key(key))
            let middle = Measure.now()
            let grid = render(state)
            let end = Measure.now()
            precondition(grid.width == screen.width && grid.height == screen.height)
            updateTimes.append(Double(middle - start) / 1e6)
            renderTimes.append(Double(end - middle) / 1e6)
            totals.append(Double(end - start) / 1e6)
            keyNames.append(key.description)
            if effects.contains(.quit) { state = AppState(data: data, width: screen.width, height: screen.height) }
        }
        var table = ResultTable(
            title: "Interaction\(typing ? " (typing searches)" : ""): \(keys) scripted keys at \(screen.width)×\(screen.height), \(file ?? "generated report N = \(scale)") (ms per key)",
            columns: ["phase", "p50", "p90", "p99", "max", "mean"])
        for (name, values) in [("update", updateTimes), ("render", renderTimes), ("update + render", totals)] {
            table.add([name, Measure.percentile(values, 50).fixed(3), Measure.percentile(values, 90).fixed(3), Measure.percentile(values, 99).fixed(3),
                       (values.max() ?? 0).fixed(3), (values.reduce(0, +) / Double(max(1, values.count))).fixed(3)])
        }
        let p99 = Measure.percentile(totals, 99)
        table.figures = ["p50Ms": Measure.percentile(totals, 50), "p99Ms": p99, "maxMs": totals.max() ?? 0, "setupMs": setup, "keys": keys]
        table.print()
        // The slowest keys, to know where to look.
        let slowest = totals.indices.sorted { totals[$0] > totals[$1] }.prefix(5).map { "\(keyNames[$0]) #\($0): \(totals[$0].fixed(2)) ms" }
        print("Slowest keys: \(slowest.joined(separator: ", "))")
        print("Setup (generate, load, analyse, browser data): \(setup.fixed(0)) ms. Target p99 ≤ 2 ms: \(p99 <= 2 ? "met" : "missed") (\(p99.fixed(3)) ms).")
        try table.writeJSON(to: json.path)
    }
}

/// `sizes`: every screen at every size in the headless renderer: no crash, the grid has the
/// size asked for, no line is wider than the grid and no control character is in a cell.
struct Sizes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render every screen at every size from 1×1 to W×H; check the grids.")

    @Option(help: "Largest width.") var maxWidth: Int = 250
    @Option(help: "Largest height.") var maxHeight: Int = 80
    @Option(help: "A report file instead of the bundled one.") var file: String?
    @OptionGroup var json: JSONOption

    /// Key sequences that lead to each screen (from the start).
    static let screens: [(name: String, keys: String)] = [
        ("overview", ""), ("goals", "2"), ("goal", "2<Enter>"), ("goal, indicator", "2<Enter>j<Enter>"), ("assignments", "3"),
        ("assignment", "3<Enter>"), ("economy", "4"), ("economy row", "4j<Enter>"), ("investments", "5"), ("internal control", "6"),
        ("internal control item", "6<Enter><Enter>"), ("texts", "7"), ("text", "7<Enter>"), ("audit", "8"), ("audit finding", "8<Enter>"),
        ("indicators", "9"), ("indicators filtered", "9ff"), ("indicator", "9<Enter>"), ("help", "?"), ("zoom", "z"),
        ("search prompt", "/bud"), ("search hits", "/budget<Enter>"), ("scrolled", "9GG"),
    ]

    func run() throws {
        let data = try browserData(file: file, scale: nil, seed: 1)
        var renders = 0, problems: [String] = []
        let start = Measure.now()
        for screen in Self.screens {
            let keys = try KeyScript.parse(screen.keys)
            for width in 1 ... maxWidth {
                for height in 1 ... maxHeight {
                    // Reach the screen at this size, then also arrive at this size by a resize.
                    var state = AppState(data: data, width: width, height: height)
                    for key in keys { _ = update(&state, .key(key)) }
                    check(render(state), width: width, height: height, screen: screen.name, problems: &problems)
                    _ = update(&state, .resized(width: maxWidth + 1 - width, height: maxHeight + 1 - height))
                    _ = update(&state, .resized(width: width, height: height))
                    check(render(state), width: width, height: height, screen: screen.name + " after resizes", problems: &problems)
                    renders += 2
                }
            }
        }
        let seconds = Double(Measure.now() - start) / 1e9
        var table = ResultTable(title: "Every size: \(Self.screens.count) screens × 1…\(maxWidth) × 1…\(maxHeight)", columns: ["renders", "problems", "seconds"])
        table.add([String(renders), String(problems.count), seconds.fixed(1)])
        table.figures = ["renders": renders, "problems": problems.prefix(100).map { $0 }]
        table.print()
        for problem in problems.prefix(20) { print("  " + problem) }
        try table.writeJSON(to: json.path)
        if !problems.isEmpty { throw ExitCode(1) }
    }

    func check(_ grid: Grid, width: Int, height: Int, screen: String, problems: inout [String]) {
        guard grid.width == width, grid.height == height, grid.cells.count == width * height else {
            problems.append("\(screen) at \(width)×\(height): grid is \(grid.width)×\(grid.height) with \(grid.cells.count) cells")
            return
        }
        for (row, line) in grid.lines().enumerated() {
            let columns = line.reduce(0) { $0 + DisplayWidth.of($1) }
            if columns > width {
                problems.append("\(screen) at \(width)×\(height): row \(row) is \(columns) columns wide")
            }
        }
        for cell in grid.cells where cell.character.unicodeScalars.contains(where: { TerminalText.disposition(of: $0) != .keep }) {
            problems.append("\(screen) at \(width)×\(height): control or format character \(cell.character.unicodeScalars.map { String($0.value, radix: 16) }) in a cell")
            break
        }
    }
}
