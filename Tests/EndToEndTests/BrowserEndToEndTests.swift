import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The browser as a user runs it: in a real terminal (tmux), through signals and resizes, and
/// without a terminal (pipes, TERM=dumb, headless --dump).
@Suite(.enabled(if: Tmux.isAvailable, "tmux is not installed; end-to-end tests need it (CI installs it)"))
struct BrowserEndToEndTests {
    static var malkoll: String { Tmux.quote(Tmux.productPath("malkoll")) }

    /// Starts malkoll in tmux with `stty -a` saved first, so the modes after can be compared.
    static func start(_ arguments: String = "", width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws -> (Tmux, String) {
        let before = NSTemporaryDirectory() + "malkoll-stty-before-\(UInt64.random(in: 0...UInt64.max))"
        let tmux = try Tmux(command: "stty -a > \(Tmux.quote(before)); \(malkoll) \(arguments)", width: width, height: height,
                            environment: environment)
        return (tmux, before)
    }

    /// The tty settings without the size line (a resize changes rows and columns).
    static func modes(_ stty: String?) -> [String] {
        (stty ?? "").split(separator: "\n").dropFirst().map(String.init)
    }

    static func expectRestored(_ tmux: Tmux, before: String, exit code: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(tmux.waitForExit() == code, sourceLocation: sourceLocation)
        let after = tmux.sttySettings()
        let saved = try? String(contentsOfFile: before, encoding: .utf8)
        unlink(before)
        #expect(!modes(after).isEmpty, sourceLocation: sourceLocation)
        #expect(modes(after) == modes(saved), "tty settings differ after exit", sourceLocation: sourceLocation)
        #expect(tmux.paneModes() == .restored, sourceLocation: sourceLocation)
    }

    @Test func drillsSearchesShowsHelpResizesAndQuitsWithTheTerminalRestored() throws {
        let (tmux, before) = try Self.start()
        #expect(tmux.waitFor("1 Översikt"))
        #expect(tmux.paneModes()?.alternateOn == true)
        tmux.sendKeys("2", "j", "j", "Enter", "j", "Enter")
        #expect(tmux.waitFor("Indikator: Budgethållning kommunstyrelsen"))
        #expect(tmux.waitFor("Beräknad"))
        tmux.sendKeys("Escape", "Left")
        #expect(tmux.waitUntil { $0.contains("2 Mål") && !$0.contains("Nämndmål: Skattemedel används effektivt ›") && $0.contains("KF-mål: Skattemedel") })
        tmux.sendKeys("/")
        tmux.sendText("sjukfrånvaro")
        tmux.sendKeys("Enter")
        #expect(tmux.waitFor("träff 1 av"))
        tmux.sendKeys("n")
        #expect(tmux.waitFor("träff 2 av"))
        tmux.sendKeys("?")
        #expect(tmux.waitFor("Hjälp – tangenter"))
        tmux.resize(width: 40, height: 12)
        #expect(tmux.waitUntil { screen in screen.contains("Hjälp") && screen.split(separator: "\n").allSatisfy { $0.count <= 40 } })
        tmux.sendKeys("Escape")
        tmux.resize(width: 1, height: 1)
        #expect(tmux.paneValue("#{pane_width}x#{pane_height}") == "1x1")
        tmux.sendKeys("j", "k")
        tmux.resize(width: 200, height: 50)
        #expect(tmux.waitFor("9 Indikatorer")) // the section tabs fit at 200 columns
        tmux.sendKeys("Q")
        Self.expectRestored(tmux, before: before, exit: 0)
    }

    @Test func qClosesViewsAndQuitsAtTheTop() throws {
        let (tmux, before) = try Self.start()
        #expect(tmux.waitFor("1 Översikt"))
        tmux.sendKeys("Enter")
        #expect(tmux.waitFor("1 Översikt › Mål"))
        tmux.sendKeys("q")
        #expect(tmux.waitUntil { !$0.contains("› Mål") })
        tmux.sendKeys("q")
        Self.expectRestored(tmux, before: before, exit: 0)
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGHUP, Int32(129)), (SIGINT, Int32(130))])
    func aSignalRestoresTheTerminal(_ signal: Int32, _ code: Int32) throws {
        let (tmux, before) = try Self.start()
        #expect(tmux.waitFor("1 Översikt"))
        tmux.sendKeys("3", "j")
        #expect(tmux.waitFor("3 Uppdrag"))
        tmux.signalProgram(signal)
        Self.expectRestored(tmux, before: before, exit: code)
    }

    @Test func controlCQuits() throws {
        let (tmux, before) = try Self.start()
        #expect(tmux.waitFor("1 Översikt"))
        tmux.sendKeys("?")
        #expect(tmux.waitFor("Hjälp"))
        tmux.sendKeys("C-c")
        Self.expectRestored(tmux, before: before, exit: 130)
    }

    /// SGR parameters that set a colour: 30–38, 40–48, 90–97, 100–107 (39 and 49 only reset to the default).
    static func colourCodes(_ screen: String) -> [String] {
        var found: [String] = []
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { $0.isLetter }) else { break }
            if rest[end] == "m" {
                let parameters = rest[..<end].split(separator: ";").compactMap { Int($0) }
                if parameters.contains(where: { ((30...48).contains($0) && $0 != 39) || (90...107).contains($0) }) { found.append(String(rest[..<end])) }
            }
            rest = rest[end...]
        }
        return found
    }

    @Test func noColorDrawsWithoutColour() throws {
        let (mono, before) = try Self.start(environment: ["NO_COLOR": "1"])
        #expect(mono.waitFor("1 Översikt"))
        let screen = mono.capture(escapes: true)
        #expect(screen.contains("\u{1B}["), "attributes are still used")
        #expect(Self.colourCodes(screen).isEmpty)
        mono.sendKeys("q")
        Self.expectRestored(mono, before: before, exit: 0)

        let (flag, _) = try Self.start("--no-color")
        #expect(flag.waitFor("1 Översikt"))
        #expect(Self.colourCodes(flag.capture(escapes: true)).isEmpty)

        // The test runner may export NO_COLOR itself; an empty value means colour.
        let (dark, _) = try Self.start(environment: ["NO_COLOR": ""])
        #expect(dark.waitFor("1 Översikt"))
        #expect(!Self.colourCodes(dark.capture(escapes: true)).isEmpty, "the default theme is coloured")
    }

    @Test func dumbTerminalPrintsTheSummary() throws {
        let (tmux, _) = try Self.start(environment: ["TERM": "dumb"])
        #expect(tmux.waitForExit() == 0)
        #expect(tmux.capture().contains("Granskning:"))
        #expect(tmux.paneModes() == .restored)
    }

    @Test func aBadFileExitsTwoAndLeavesTheTerminalAlone() throws {
        let (tmux, before) = try Self.start("/nonexistent/rapport.json")
        Self.expectRestored(tmux, before: before, exit: 2)
        #expect(tmux.capture().contains("rapport.json"))
    }

    // MARK: - Without a terminal

    @Test func pipedOutputPrintsTheSummary() throws {
        for arguments in [[], ["browse"]] {
            let result = try MalkollBinary.run(arguments)
            #expect(result.status == 0)
            #expect(result.stdout.contains("Huddinge kommun – Kommunstyrelsen"))
            #expect(result.stdout.contains("Målområde"))
            #expect(!result.stdout.contains("\u{1B}"))
        }
    }

    @Test func aBadFileWithoutTerminalExitsTwoWithOneLine() throws {
        let result = try MalkollBinary.run(["browse", "/nonexistent/rapport.json"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func headlessDumpRunsTheKeysAndPrintsTheLastScreen() throws {
        let result = try MalkollBinary.run(["browse", "--keys", "2jj<Enter>", "--size", "60x20", "--dump"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 20)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(result.stdout.contains("Nämndmål: Skattemedel används effektivt"))
        let styled = try MalkollBinary.run(["--keys", "8", "--dump", "--styles", "--ascii"])
        #expect(styled.status == 0)
        #expect(styled.stdout.contains("--- stilar ---"))
        #expect(styled.stdout.contains("statusNotMet"))
        // Quitting ends the script early; the last frame is still printed.
        let quit = try MalkollBinary.run(["--keys", "3q4", "--dump"])
        #expect(quit.status == 0)
        #expect(quit.stdout.contains("3 Uppdrag"))
    }

    @Test func badKeysOrSizeExitTwoWithOneLine() throws {
        for arguments in [["--keys", "<Nope>", "--dump"], ["--size", "80", "--dump"], ["--size", "0x5", "--dump"], ["--theme", "pink"]] {
            let result = try MalkollBinary.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
    }
}
