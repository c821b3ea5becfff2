import ArgumentParser
import Foundation

/// A private tmux server running one program, for `bytes` and `signals`.
final class TmuxSession {
    let socket = "malkoll-bench-\(getpid())-\(UInt32.random(in: 0 ... UInt32.max))"
    let folder: String
    let sttyFile: String
    let exitFile: String

    /// Starts `command` in a detached `width × height` session; the pane stays open after it
    /// exits and shows `EXIT:<code>`, the code and `stty -a` are also written to files.
    init(command: String, width: Int, height: Int) throws {
        folder = NSTemporaryDirectory() + socket
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        sttyFile = folder + "/stty"
        exitFile = folder + "/exit"
        let script = "trap : INT QUIT; (\(command)\n); code=$?; echo EXIT:$code; echo $code > \(Measure.quote(exitFile)); "
            + "stty -a > \(Measure.quote(sttyFile)); exec sleep 600"
        let pane = "env LANG=C.UTF-8 TERM=tmux-256color SWIFT_BACKTRACE=enable=no sh -c " + Measure.quote(script)
        let result = tmux(["new-session", "-d", "-s", "bench", "-x", String(width), "-y", String(height), pane, ";",
                           "set-option", "-g", "window-size", "manual"])
        guard result.status == 0 else { throw ValidationError("tmux new-session failed: \(result.output)") }
    }

    deinit {
        tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: folder)
        unlink("/tmp/tmux-\(getuid())/\(socket)")
    }

    @discardableResult
    func tmux(_ arguments: [String]) -> (output: String, status: Int32) {
        Measure.shell((["tmux", "-L", socket, "-f", "/dev/null"] + arguments).map { $0 == ";" ? "\\;" : Measure.quote($0) }.joined(separator: " "))
    }

    func keys(_ names: String...) { tmux(["send-keys", "-t", "bench"] + names) }
    func capture(escapes: Bool = false) -> String { tmux(["capture-pane", "-p", "-t", "bench"] + (escapes ? ["-e"] : [])).output }
    func value(_ format: String) -> String { tmux(["display-message", "-p", "-t", "bench", format]).output.trimmingCharacters(in: .whitespacesAndNewlines) }

    func waitUntil(timeout: Double = 5, _ condition: () -> Bool) -> Bool {
        let deadline = Measure.now() + UInt64(timeout * 1e9)
        while Measure.now() < deadline {
            if condition() { return true }
            usleep(10000)
        }
        return condition()
    }

    /// The exit code the wrapper wrote, nil when it does not come within `timeout`.
    ///
    /// Read from a file, not the screen: a pane left at 1×1 (or 40×2) by a resize storm cannot
    /// show the `EXIT:` line, which once made exited programs count as hangs.
    func exitCode(timeout: Double = 5) -> Int? {
        var code: Int?
        _ = waitUntil(timeout: timeout) {
            let text = try? String(contentsOfFile: exitFile, encoding: .utf8)
            code = text.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return code != nil
        }
        return code
    }

    /// Processes below the pane's shell whose command name is `name`.
    func processes(named name: String) -> [pid_t] {
        guard let root = pid_t(value("#{pane_pid}")) else { return [] }
        var found: [pid_t] = [], queue = [root]
        while let pid = queue.popLast() {
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            for child in children.split(separator: " ").compactMap({ pid_t($0) }) {
                queue.append(child)
                let comm = (try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                if comm == name { found.append(child) }
            }
        }
        return found
    }
}

/// Cells of a `capture-pane -e` screen: (character, SGR state) per column, for counting changes.
func cells(ofEscapedCapture text: String) -> [[String]] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        var result: [String] = []
        var style = applySGR("0", to: "")
        var scalars = Array(line.unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalar == "\u{1B}", scalars.dropFirst().first == "[" {
                let body = scalars.dropFirst(2).prefix { !($0.value >= 0x40 && $0.value <= 0x7E) }
                let final = scalars.dropFirst(2 + body.count).first
                if final == "m" { style = applySGR(String(String.UnicodeScalarView(body)), to: style) }
                scalars = scalars.dropFirst(2 + body.count + 1)
                continue
            }
            result.append(String(scalar) + "|" + style)
            scalars = scalars.dropFirst()
        }
        return result
    }
}

/// The SGR state after `parameters`, as a canonical string (so equal looks compare equal
/// however tmux chose to write them).
func applySGR(_ parameters: String, to state: String) -> String {
    var fg = "", bg = "", attributes = Set<Int>()
    for part in state.split(separator: "/") {
        if part.hasPrefix("f") { fg = String(part.dropFirst()) } else if part.hasPrefix("b") { bg = String(part.dropFirst()) } else if let a = Int(part) { attributes.insert(a) }
    }
    var codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
    if codes.isEmpty { codes = [0] }
    while let code = codes.popFirst() {
        switch code {
        case 0: fg = ""; bg = ""; attributes = []
        case 1 ... 9: attributes.insert(code)
        case 22: attributes.remove(1); attributes.remove(2)
        case 23 ... 29: attributes.remove(code - 20)
        case 30 ... 37, 90 ... 97: fg = String(code)
        case 39: fg = ""
        case 40 ... 47, 100 ... 107: bg = String(code)
        case 49: bg = ""
        case 38, 48:
            let mode = codes.popFirst() ?? 0
            let count = mode == 5 ? 1 : mode == 2 ? 3 : 0
            let value = "\(mode):" + codes.prefix(count).map(String.init).joined(separator: ",")
            codes = codes.dropFirst(count)
            if code == 38 { fg = value } else { bg = value }
        default: break
        }
    }
    return (["f" + fg, "b" + bg] + attributes.sorted().map(String.init)).joined(separator: "/")
}

func changedCells(_ before: [[String]], _ after: [[String]]) -> Int {
    var changed = 0
    for row in 0 ..< max(before.count, after.count) {
        let a = row < before.count ? before[row] : [], b = row < after.count ? after[row] : []
        for column in 0 ..< max(a.count, b.count) {
            let blank = " |" + applySGR("0", to: "")
            let x = column < a.count ? a[column] : blank, y = column < b.count ? b[column] : blank
            if x != y { changed += 1 }
        }
    }
    return changed
}

/// `bytes`: what the real ncurses front end writes to the terminal for typical updates.
struct Bytes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bytes written to the terminal (tmux pipe-pane) for the first frame, ↓, PgDn and Ctrl-L.")

    @Option(help: "The malkoll executable (default: beside malkoll-bench).") var malkoll: String?
    @Option(help: "Comma-separated sizes.") var sizes: String = "80x24,200x50"
    @Option(help: "Keys that open the list the moves are measured in (tmux key names, comma-separated).") var open: String = "9"
    @OptionGroup var json: JSONOption

    func run() throws {
        guard Measure.which("tmux") != nil else { throw ValidationError("tmux is not installed") }
        let malkoll = Measure.malkollPath(self.malkoll)
        var table = ResultTable(title: "Bytes written by the release malkoll through ncurses (tmux pipe-pane), bundled report, indicator list",
                                columns: ["size", "step", "bytes", "changed cells", "bytes per changed cell"])
        var figures: [[String: Any]] = []
        for size in sizes.split(separator: ",") {
            let parts = size.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2 else { throw ValidationError("bad size \(size)") }
            let go = NSTemporaryDirectory() + "malkoll-bench-go-\(getpid())"
            unlink(go)
            let session = try TmuxSession(command: "while [ ! -e \(Measure.quote(go)) ]; do sleep 0.01; done; exec \(Measure.quote(malkoll))", width: parts[0], height: parts[1])
            let output = session.folder + "/pipe"
            session.tmux(["pipe-pane", "-o", "-t", "bench", "cat > \(Measure.quote(output))"])
            usleep(200_000)
            FileManager.default.createFile(atPath: go, contents: nil)
            defer { unlink(go) }
            func bytes() -> Int { (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0 }
            /// Waits until the output has not grown for 300 ms.
            func settle() -> Int {
                var last = -1
                while true {
                    usleep(300_000)
                    let now = bytes()
                    if now == last { return now }
                    last = now
                }
            }
            guard session.waitUntil({ session.capture().contains("Översikt") }) else { throw ValidationError("malkoll did not start at \(size): \(session.capture())") }
            var total = settle()
            var screen = cells(ofEscapedCapture: session.capture(escapes: true))
            let first = total
            table.add([String(size), "first frame (incl. init)", String(first), "", ""])
            figures.append(["size": String(size), "step": "first", "bytes": first])
            for key in open.split(separator: ",") { session.keys(String(key)) }
            total = settle()
            screen = cells(ofEscapedCapture: session.capture(escapes: true))
            for (name, key) in [("one row down (↓)", "Down"), ("one page down (PgDn)", "NPage"), ("full repaint (Ctrl-L)", "C-l")] {
                let before = total
                session.keys(key)
                total = settle()
                let after = cells(ofEscapedCapture: session.capture(escapes: true))
                let changed = changedCells(screen, after)
                screen = after
                let written = total - before
                table.add([String(size), name, String(written), String(changed), changed > 0 ? (Double(written) / Double(changed)).fixed(1) : "–"])
                figures.append(["size": String(size), "step": name, "bytes": written, "changedCells": changed])
            }
            session.keys("Q")
            _ = session.exitCode()
        }
        table.figures["results"] = figures
        table.print()
        try table.writeJSON(to: json.path)
    }
}

/// `signals`: SIGINT, SIGTERM, SIGHUP, Ctrl-C and resize storms against the running browser;
/// counts how often the terminal is restored and the program ends without crashing.
struct Signals: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Signals and resize storms under tmux; count restored terminals, crashes and hangs.")

    @Option(help: "The malkoll executable (default: beside malkoll-bench).") var malkoll: String?
    @Option(help: "Rounds of every scenario.") var rounds: Int = 5
    @OptionGroup var json: JSONOption

    enum Scenario: String, CaseIterable {
        case sigint = "SIGINT", sigterm = "SIGTERM", sighup = "SIGHUP", ctrlC = "Ctrl-C key", resizeStorm = "resize storm, then q"
        case resizeStormThenSigterm = "resize storm with SIGTERM in it"
    }

    func run() throws {
        guard Measure.which("tmux") != nil else { throw ValidationError("tmux is not installed") }
        let malkoll = Measure.malkollPath(self.malkoll)
        var table = ResultTable(title: "Signals and resizes under tmux (\(rounds) rounds each)",
                                columns: ["scenario", "restored", "not restored", "crash", "hang", "exit codes"])
        var figures: [[String: Any]] = []
        var failures = 0
        for scenario in Scenario.allCases {
            var restored = 0, notRestored = 0, crashes = 0, hangs = 0
            var codes: [Int: Int] = [:]
            for round in 0 ..< rounds {
                let session = try TmuxSession(command: "exec \(Measure.quote(malkoll))", width: 80, height: 24)
                guard session.waitUntil({ session.capture().contains("Översikt") }) else { hangs += 1; continue }
                session.keys("9", "Down", "Down")
                func signal(_ number: Int32) { for pid in session.processes(named: "malkoll") { kill(pid, number) } }
                func storm(count: Int) {
                    for i in 0 ..< count {
                        let width = [80, 20, 200, 1, 133, 40][(i + round) % 6], height = [24, 5, 60, 1, 40, 2][(i + round) % 6]
                        session.tmux(["resize-window", "-t", "bench", "-x", String(width), "-y", String(height)])
                    }
                }
                switch scenario {
                case .sigint: signal(SIGINT)
                case .sigterm: signal(SIGTERM)
                case .sighup: signal(SIGHUP)
                case .ctrlC: session.keys("C-c")
                case .resizeStorm:
                    storm(count: 60)
                    session.tmux(["resize-window", "-t", "bench", "-x", "80", "-y", "24"])
                    usleep(200_000)
                    session.keys("Q")
                case .resizeStormThenSigterm:
                    storm(count: 20)
                    signal(SIGTERM)
                    storm(count: 10)
                }
                guard let code = session.exitCode(timeout: 8) else {
                    // No exit code within 8 s: the program is still running.
                    hangs += 1
                    signal(SIGKILL)
                    continue
                }
                codes[code, default: 0] += 1
                // Back to full size before reading the screen: a crash report is invisible at 1×1.
                session.tmux(["resize-window", "-t", "bench", "-x", "80", "-y", "24"])
                usleep(50_000)
                let screen = session.capture()
                // 132 SIGILL, 133 SIGTRAP (Swift runtime traps), 134 SIGABRT, 135 SIGBUS, 136 SIGFPE, 139 SIGSEGV.
                if [132, 133, 134, 135, 136, 139].contains(code) || screen.contains("Fatal error") { crashes += 1 }
                let modes = session.value("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_flag}")
                var stty = ""
                _ = session.waitUntil { stty = (try? String(contentsOfFile: session.sttyFile, encoding: .utf8)) ?? ""; return !stty.isEmpty }
                let saneTTY = stty.contains(" icanon") && stty.contains(" echo ") && !stty.contains("-icanon") && !stty.contains("-echo ")
                if modes == "0 1 0 0" && saneTTY { restored += 1 } else { notRestored += 1 }
            }
            failures += notRestored + crashes + hangs
            let shownCodes = codes.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
            table.add([scenario.rawValue, String(restored), String(notRestored), String(crashes), String(hangs), shownCodes])
            figures.append(["scenario": scenario.rawValue, "restored": restored, "notRestored": notRestored, "crash": crashes, "hang": hangs])
        }
        table.figures["results"] = figures
        table.print()
        try table.writeJSON(to: json.path)
        if failures > 0 { throw ExitCode(1) }
    }
}
