import Foundation
import Testing

/// The mouse through a real terminal: `malkoll browse --mouse` in tmux, with the mouse reports a
/// terminal sends written to the pane's input (`tmux send-keys -H`). tmux's `tmux-256color` entry
/// has `kmous=\E[M`, so ncurses asks for the X10-style reports (mode 1000) and reads
/// `ESC [ M Cb Cx Cy` (button and 1-based column and row, each plus 32): the bytes tmux itself
/// sends an application in that mode when the user clicks.
@Suite(.enabled(if: Tmux.isAvailable, "tmux is not installed; end-to-end tests need it (CI installs it)"))
struct MouseEndToEndTests {
    static var bundledReport: String { MalkollBinary.repositoryRoot.appendingPathComponent("data/huddinge-kommunstyrelsen-2021-08.json").path }

    /// An X10 mouse report: `button` 0 is a left press, 3 a release; `x`, `y` 0-based cells.
    static func report(button: UInt8, x: Int, y: Int) -> [UInt8] {
        [0x1B, 0x5B, 0x4D, 32 + button, UInt8(33 + x), UInt8(33 + y)]
    }

    static func press(x: Int, y: Int) -> [UInt8] { report(button: 0, x: x, y: y) }
    static func release(x: Int, y: Int) -> [UInt8] { report(button: 3, x: x, y: y) }

    /// The goal tree (section 2) of the bundled report, as a file (no archive), mouse on.
    static func startOnTheGoalTree() throws -> Tmux {
        let tmux = try Tmux(command: "\(Tmux.quote(Tmux.productPath("malkoll"))) browse \(Tmux.quote(bundledReport)) --mouse", width: 80, height: 24)
        #expect(tmux.waitFor("1 Översikt"))
        #expect(tmux.paneModes()?.mouseAny == true, "the browser switched mouse reporting on")
        tmux.sendKeys("2")
        #expect(tmux.waitFor("KF-mål: Huddinge kommun är en attraktiv arbetsgivare"))
        return tmux
    }

    /// The screen row of the nämndmål line starting with `title`.
    static func row(of title: String, in tmux: Tmux) -> Int? {
        tmux.lines().firstIndex { $0.hasPrefix("     " + title) }
    }

    static let opened = "2 Mål › Nämndmål: Huddinge kommun är en attraktiv arbetsgivare"

    @Test func aDoubleClickOpensTheRowUnderTheMouse() throws {
        let tmux = try Self.startOnTheGoalTree()
        let y = try #require(Self.row(of: "Huddinge kommun är en attraktiv arbetsgivare", in: tmux))
        // As a hand clicks: press, release, press, release, each its own write, so ncurses reports
        // two presses and the session's click tracker makes the second a double click. Each try
        // needs both presses read within the double-click interval (0.4 s); on a loaded machine
        // the writes themselves can take longer, so a slow try is repeated (at most five times).
        var tries: [String] = []
        var opened = false
        for _ in 0..<5 where !opened {
            let clock = ContinuousClock()
            let start = clock.now
            tmux.sendBytes(Self.press(x: 10, y: y))
            tmux.sendBytes(Self.release(x: 10, y: y))
            tmux.sendBytes(Self.press(x: 10, y: y))
            let between = start.duration(to: clock.now)
            tmux.sendBytes(Self.release(x: 10, y: y))
            opened = tmux.waitFor(Self.opened, timeout: .seconds(2))
            tries.append("\(between)")
        }
        #expect(opened, "no double click opened the row; time between the presses of each try: \(tries)\n\(tmux.capture())")
        tmux.sendKeys("Q")
        #expect(tmux.waitForExit() == 0)
    }

    @Test func aDoubleClickArrivingInOneReadOpensTheRow() throws {
        // Both clicks in one write (a burst, as over a slow link): ncurses reads the four reports
        // at once and reports the double click itself.
        let tmux = try Self.startOnTheGoalTree()
        let y = try #require(Self.row(of: "Huddinge kommun är en attraktiv arbetsgivare", in: tmux))
        tmux.sendBytes(Self.press(x: 10, y: y) + Self.release(x: 10, y: y) + Self.press(x: 10, y: y) + Self.release(x: 10, y: y))
        #expect(tmux.waitFor(Self.opened), "\(tmux.capture())")
    }

    @Test func aSingleClickSelectsTheRowWithoutOpeningIt() throws {
        let tmux = try Self.startOnTheGoalTree()
        let y = try #require(Self.row(of: "Skattemedel används effektivt", in: tmux))
        tmux.sendBytes(Self.press(x: 10, y: y))
        usleep(50_000)
        tmux.sendBytes(Self.release(x: 10, y: y))
        // Still the goal tree; Enter then opens the clicked row, so the click selected it.
        #expect(tmux.waitFor(" 3/22 "), "the click did not select the row\n\(tmux.capture())")
        #expect(!tmux.capture().contains("2 Mål ›"))
        tmux.sendKeys("Enter")
        #expect(tmux.waitFor("2 Mål › Nämndmål: Skattemedel används effektivt"), "\(tmux.capture())")
    }

    @Test func aClickWhosePressAndReleaseArriveTogetherSelectsTheRow() throws {
        // Press and release in one write (a quick click over a slow link): ncurses merges them into
        // one click report, which must select the row like a press.
        let tmux = try Self.startOnTheGoalTree()
        let y = try #require(Self.row(of: "Skattemedel används effektivt", in: tmux))
        tmux.sendBytes(Self.press(x: 10, y: y) + Self.release(x: 10, y: y))
        #expect(tmux.waitUntil(timeout: .seconds(3)) { !$0.contains(" 1/22 ") }, "the click did not move the selection\n\(tmux.capture())")
        tmux.sendKeys("Enter")
        #expect(tmux.waitFor("2 Mål › Nämndmål: Skattemedel används effektivt"), "\(tmux.capture())")
    }
}
