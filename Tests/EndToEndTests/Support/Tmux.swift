import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives a program inside a private, detached tmux server for end-to-end tests.
///
/// - Every instance has its own server (`-L <unique socket>`, `-f /dev/null`), so tests can run
///   in parallel and never touch a user's tmux; the server is killed in `deinit`.
/// - tmux is run through `popen`, not Foundation's `Process`, which hangs waiting for the server.
/// - The command runs as `sh -c 'trap : INT QUIT; (cmd); echo EXIT:$?; …; stty -a > file; exec sleep 600'`
///   with `LANG=C.UTF-8 TERM=tmux-256color`: the pane stays open after the program exits, the exit
///   code is readable from the screen (and from a file, whatever the pane's size) and the terminal
///   modes it left behind from `stty -a`.
///
/// ```swift
/// let tmux = try Tmux(command: "\(Tmux.productPath("malkoll")) browse", width: 80, height: 24)
/// #expect(tmux.waitFor("Översikt"))
/// tmux.sendKeys("q")
/// #expect(tmux.waitForExit() == 0)
/// #expect(tmux.paneModes()?.alternateOn == false)
/// ```
final class Tmux {
    /// Why a session could not be started.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with tmux's own output.
        var description: String
    }

    /// Terminal modes of the pane, as tmux sees them.
    struct PaneModes: Equatable, CustomStringConvertible {
        /// The alternate screen is active.
        var alternateOn: Bool
        /// The cursor is visible.
        var cursorVisible: Bool
        /// Some mouse reporting mode is on.
        var mouseAny: Bool
        /// Application keypad mode is on.
        var keypad: Bool

        /// What a properly restored shell looks like.
        static let restored = PaneModes(alternateOn: false, cursorVisible: true, mouseAny: false, keypad: false)

        var description: String {
            "alternate_on=\(alternateOn) cursor=\(cursorVisible) mouse=\(mouseAny) keypad=\(keypad)"
        }
    }

    /// True when a `tmux` binary is on the PATH.
    static let isAvailable: Bool = run("command -v tmux").status == 0

    /// Absolute path of a product built next to the running test bundle (e.g. `malkoll`).
    static func productPath(_ name: String) -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let directory = (executable as NSString).deletingLastPathComponent
        return (directory as NSString).appendingPathComponent(name)
    }

    /// The private socket name (`tmux -L <socket>`).
    let socket: String
    /// Where `stty -a` writes the modes left behind by the program.
    let sttyFile: String
    /// Where the wrapper writes the program's exit code (read by `waitForExitStatus`).
    let exitFile: String
    private let target = "e2e"
    private var killed = false
    private var socketPath: String?

    /// Starts `command` (a shell command line) in a detached session of `width × height` cells.
    init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        let unique = "malkoll-e2e-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        socket = unique
        sttyFile = NSTemporaryDirectory() + unique + ".stty"
        exitFile = NSTemporaryDirectory() + unique + ".exit"
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "interactive=no"]
        env.merge(MalkollBinary.isolatedArchiveEnvironment) { _, new in new }
        env.merge(environment) { _, new in new }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Tmux.quote($0.value))" }
        // The trap keeps the wrapper alive when Ctrl-C sends SIGINT to the whole foreground group
        // (an interactive shell would have put the program in a group of its own).
        let script = "trap : INT QUIT; (\(command)\n); code=$?; echo EXIT:$code; echo $code > \(Tmux.quote(exitFile)); "
            + "stty -a > \(Tmux.quote(sttyFile)); exec sleep 600"
        let paneCommand = "env " + assignments.joined(separator: " ") + " sh -c " + Tmux.quote(script)
        let result = tmux(["new-session", "-d", "-s", target, "-x", String(width), "-y", String(height),
                           paneCommand, ";", "set-option", "-g", "window-size", "manual"])
        guard result.status == 0 else {
            throw Failure(description: "tmux new-session failed (\(result.status)): \(result.output)")
        }
        socketPath = paneValue("#{socket_path}")
    }

    deinit {
        kill()
    }

    /// Kills the private tmux server (and with it the program). Called by `deinit`.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = tmux(["kill-server"])
        unlink(sttyFile)
        unlink(exitFile)
        if let socketPath { unlink(socketPath) } // tmux leaves the socket file behind
    }

    // MARK: - Input

    /// Sends tmux key names, e.g. `sendKeys("j", "Down", "Enter", "C-c", "Escape")`.
    func sendKeys(_ keys: String...) {
        _ = tmux(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally (no key-name lookup), e.g. a search term with å.
    func sendText(_ text: String) {
        _ = tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Sends raw bytes, e.g. an X10 mouse report `[0x1b, 0x5b, 0x4d, 0x20, 0x26, 0x26]`.
    func sendBytes(_ bytes: [UInt8]) {
        _ = tmux(["send-keys", "-t", target, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) {
        _ = tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// Sends `signal` to the processes started by the pane's shell (the program under test).
    func signalProgram(_ signal: Int32) {
        guard let shell = paneValue("#{pane_pid}").flatMap({ pid_t($0) }) else { return }
        let path = "/proc/\(shell)/task/\(shell)/children"
        guard let children = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        for child in children.split(separator: " ").compactMap({ pid_t($0) }) {
            Glibc.kill(child, signal)
        }
    }

    // MARK: - Output

    /// The visible screen; with `escapes` the colour and attribute sequences too (`capture-pane -e`).
    func capture(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : [])).output
    }

    /// The visible screen as lines.
    func lines() -> [String] {
        capture().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Polls the screen until it contains `text`; false after `timeout`.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(5)) -> Bool {
        waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds for it; false after `timeout`.
    func waitUntil(timeout: Duration = .seconds(5), _ condition: (String) -> Bool) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if condition(capture()) { return true }
            if clock.now >= deadline { return false }
            usleep(20_000)
        }
    }

    /// Waits for the `EXIT:n` line the wrapper prints and returns `n` (nil after `timeout`).
    ///
    /// The line must be visible: in a pane too small to show it (1×1 after a resize storm) this
    /// times out although the program has exited; use `waitForExitStatus` there, or resize first.
    func waitForExit(timeout: Duration = .seconds(5)) -> Int32? {
        var code: Int32?
        _ = waitUntil(timeout: timeout) { screen in
            // The marker may follow output that did not end in a newline, so look anywhere.
            for line in screen.split(separator: "\n").reversed() {
                guard let range = line.range(of: "EXIT:", options: .backwards) else { continue }
                code = Int32(line[range.upperBound...].prefix { $0.isNumber })
                return code != nil
            }
            return false
        }
        return code
    }

    /// The program's exit code from the wrapper's file, whatever the pane's size; nil while the
    /// program is still running after `timeout`.
    func waitForExitStatus(timeout: Duration = .seconds(5)) -> Int32? {
        var code: Int32?
        _ = waitUntil(timeout: timeout) { _ in
            let text = try? String(contentsOfFile: exitFile, encoding: .utf8)
            code = text.flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return code != nil
        }
        return code
    }

    /// `stty -a` as the program left the terminal (available once it has exited).
    func sttySettings(timeout: Duration = .seconds(5)) -> String? {
        var text: String?
        _ = waitUntil(timeout: timeout) { _ in
            text = try? String(contentsOfFile: sttyFile, encoding: .utf8)
            return text?.isEmpty == false
        }
        return text
    }

    /// The pane's current terminal modes.
    func paneModes() -> PaneModes? {
        guard let value = paneValue("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_flag}") else {
            return nil
        }
        let flags = value.split(separator: " ").map { $0 == "1" }
        guard flags.count == 4 else { return nil }
        return PaneModes(alternateOn: flags[0], cursorVisible: flags[1], mouseAny: flags[2], keypad: flags[3])
    }

    /// Any tmux format for the pane, e.g. `#{pane_width}`.
    func paneValue(_ format: String) -> String? {
        let result = tmux(["display-message", "-p", "-t", target, format])
        guard result.status == 0 else { return nil }
        return result.output.trimmingCharacters(in: .newlines)
    }

    // MARK: - Running tmux

    /// Runs `tmux -L socket -f /dev/null <arguments>` and returns its output and exit status.
    @discardableResult
    func tmux(_ arguments: [String]) -> (output: String, status: Int32) {
        let line = (["tmux", "-L", socket, "-f", "/dev/null"] + arguments).map(Tmux.quote).joined(separator: " ")
        return Tmux.run(line)
    }

    /// Runs a shell command line with `popen`, collecting stdout and stderr.
    static func run(_ commandLine: String) -> (output: String, status: Int32) {
        guard let pipe = popen(commandLine + " 2>&1 </dev/null", "r") else { return ("popen failed", -1) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        let status = pclose(pipe)
        let exitCode = status == -1 ? -1 : (status >> 8) & 0xFF
        return (String(decoding: data, as: UTF8.self), exitCode)
    }

    /// Single-quotes `text` for `sh` (`;` is passed bare so tmux sees a command separator).
    static func quote(_ text: String) -> String {
        if text == ";" { return "\\;" }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
