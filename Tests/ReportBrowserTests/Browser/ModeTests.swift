import Testing
@testable import ReportBrowser

/// The input modes as the user sees them: what is drawn and what the next key does.
@Suite struct ModeScreenTests {
    static func screen(_ keys: String) throws -> String {
        render(try BrowserFixture.state(keys, width: 100, height: 30)).lines().joined(separator: "\n")
    }

    /// Issue 10.10: `z` then `?` left zoom on screen with the help's hint bar and no help, and
    /// then `z` did nothing.
    @Test func helpOpensOverZoomEscReturnsToZoomAndZLeavesIt() throws {
        let zoom = try Self.screen("z")
        let browse = try Self.screen("")
        let helpOverZoom = try Self.screen("z?")
        #expect(helpOverZoom.contains("Hjälp – tangenter"))
        #expect(!zoom.contains("Hjälp – tangenter"))
        #expect(try Self.screen("z?<Esc>") == zoom)
        #expect(try Self.screen("z??") == zoom)
        #expect(try Self.screen("z?<Esc>z") == browse)
        #expect(try Self.screen("z?jj<Esc>z") == browse)
    }
}
