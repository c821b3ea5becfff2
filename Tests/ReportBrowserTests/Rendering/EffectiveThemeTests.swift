import Testing
@testable import ReportBrowser

/// Which look the browser draws with, from the requested theme, the terminal and NO_COLOR.
@Suite struct EffectiveThemeTests {
    @Test func aTerminalWithFewerThanEightColoursGetsTheMonochromeLook() {
        for colours in [0, 1, 2, 7] {
            #expect(Theme.effective(requested: .dark, colours: colours, noColor: false) == .mono, "\(colours) colours")
            #expect(Theme.effective(requested: .light, colours: colours, noColor: false) == .mono, "\(colours) colours")
        }
    }

    @Test func aTerminalWithEightOrMoreColoursKeepsTheRequestedTheme() {
        for colours in [8, 16, 256, 16_777_216] {
            #expect(Theme.effective(requested: .dark, colours: colours, noColor: false) == .dark)
            #expect(Theme.effective(requested: .light, colours: colours, noColor: false) == .light)
            #expect(Theme.effective(requested: .mono, colours: colours, noColor: false) == .mono)
        }
    }

    @Test func noColorWinsOverAColourTerminal() {
        #expect(Theme.effective(requested: .dark, colours: 256, noColor: true) == .mono)
        #expect(Theme.effective(requested: .light, colours: nil, noColor: true) == .mono)
    }

    @Test func anUnknownColourCountKeepsTheRequestedTheme() {
        #expect(Theme.effective(requested: .dark, colours: nil, noColor: false) == .dark)
    }
}
