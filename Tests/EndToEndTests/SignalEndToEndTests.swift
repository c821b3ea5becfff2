import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension BrowserEndToEndTests {
    /// SIGTERM in the middle of a resize storm (the `malkoll-bench signals` scenario that once
    /// counted 2 hangs in 10): the browser exits 143 with the tty settings and pane modes restored.
    ///
    /// Every storm ends at 1×1, the size at which the bench used to miss the `EXIT:` line although
    /// the program had exited, so the exit code is read from the wrapper's file first (a real hang
    /// gives nil there), then the pane goes back to 80×24 for the usual checks.
    @Test func sigtermDuringAResizeStormExitsWithTheTerminalRestored() throws {
        let sizes = [(80, 24), (20, 5), (200, 60), (1, 1), (133, 40), (40, 2)]
        /// `count` resizes in one tmux call (each one sets the pty size and raises SIGWINCH while the browser is still redrawing).
        func storm(_ tmux: Tmux, count: Int, from start: Int) {
            var arguments: [String] = []
            for step in 0..<count {
                let (width, height) = sizes[(start + step) % sizes.count]
                if !arguments.isEmpty { arguments.append(";") }
                arguments += ["resize-window", "-t", "e2e", "-x", String(width), "-y", String(height)]
            }
            let result = tmux.tmux(arguments)
            #expect(result.status == 0, "resize storm: \(result.output)")
        }
        for round in 0..<3 {
            let (tmux, before) = try Self.start()
            #expect(tmux.waitFor("1 Översikt"))
            tmux.sendKeys("9", "Down", "Down")
            storm(tmux, count: 20, from: round)
            tmux.signalProgram(SIGTERM)
            storm(tmux, count: 10, from: round)
            tmux.resize(width: 1, height: 1)
            let status = tmux.waitForExitStatus()
            #expect(status == 143, "round \(round): SIGTERM in a resize storm")
            guard status != nil else { continue } // still running: the checks below would only time out
            tmux.resize(width: 80, height: 24)
            Self.expectRestored(tmux, before: before, exit: 143)
        }
    }
}
