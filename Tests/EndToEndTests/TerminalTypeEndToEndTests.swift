import Foundation
import Testing

/// The browser on terminals that lack what a modern terminal has: colours (vt100, linux-m) and
/// an alternate screen (vt100 has no `smcup`).
@Suite(.enabled(if: Tmux.isAvailable, "tmux is not installed; end-to-end tests need it (CI installs it)"))
struct TerminalTypeEndToEndTests {
    /// The screen's lines with their escape sequences (`capture-pane -e`).
    static func escapedLines(_ tmux: Tmux) -> [String] {
        tmux.capture(escapes: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func aTerminalWithoutColoursGetsReverseVideoSelectionAndFilledBars() throws {
        // NO_COLOR empty: the runner may export it; here the terminal alone must decide.
        let (tmux, before) = try BrowserEndToEndTests.start(environment: ["TERM": "vt100", "NO_COLOR": ""])
        #expect(tmux.waitFor("1 Översikt"))
        let lines = Self.escapedLines(tmux)
        // The first målområde is selected when the overview opens.
        let selected = lines.first { $0.contains("Ekonomisk hållbarhet") } ?? ""
        #expect(selected.contains("\u{1B}[7m"), "the selected row is in reverse video: \(selected.debugDescription)")
        #expect(BrowserEndToEndTests.colourCodes(tmux.capture(escapes: true)).isEmpty, "vt100 gets no colour codes")
        // The status bars have a fill glyph per segment instead of coloured blanks.
        let bars = tmux.lines().filter { $0.contains("Indikatorer") }
        #expect(!bars.isEmpty)
        for bar in bars {
            #expect(bar.contains { "█▓▒░".contains($0) }, "a bar without fill glyphs: \(bar)")
        }
        tmux.sendKeys("q")
        BrowserEndToEndTests.expectRestored(tmux, before: before, exit: 0)
    }

    @Test func withoutAnAlternateScreenTheLastLineSurvivesAndThePromptLandsBelowIt() throws {
        let (tmux, before) = try BrowserEndToEndTests.start(width: 80, height: 24, environment: ["TERM": "vt100", "NO_COLOR": ""])
        #expect(tmux.waitFor("1 Översikt"))
        let hint = "? hjälp"
        #expect(tmux.waitFor(hint))
        tmux.sendKeys("q")
        BrowserEndToEndTests.expectRestored(tmux, before: before, exit: 0)
        let lines = tmux.lines()
        let hintLine = lines.lastIndex { $0.contains(hint) }
        let exitLine = lines.lastIndex { $0.contains("EXIT:0") }
        #expect(hintLine != nil, "the last drawn line is still on screen:\n\(lines.joined(separator: "\n"))")
        #expect(exitLine != nil)
        if let hintLine, let exitLine {
            #expect(exitLine > hintLine, "what the shell prints comes below the last drawn line")
            #expect(lines[hintLine].hasPrefix(" " + hint), "the last drawn line is intact: \(lines[hintLine])")
        }
    }
}
