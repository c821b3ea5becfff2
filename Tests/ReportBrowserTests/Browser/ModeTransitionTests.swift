import Testing
@testable import ReportBrowser

/// Every transition between the input modes, one test each: the mode a key leads to from each mode.
@Suite struct ModeTransitionTests {
    static func mode(_ keys: String) throws -> Mode { try BrowserFixture.state(keys).mode }

    @Test func browseStartsEverything() throws {
        #expect(try Self.mode("") == .browse)
        #expect(try Self.mode("z") == .zoom)
        #expect(try Self.mode("+") == .zoom)
        #expect(try Self.mode("?") == .help(over: .browse, scroll: 0))
        #expect(try Self.mode("<F1>") == .help(over: .browse, scroll: 0))
        #expect(try Self.mode("/") == .searchInput(""))
    }

    @Test func helpOverBrowseScrollsAndEveryClosingKeyReturnsToBrowse() throws {
        #expect(try Self.mode("?jj") == .help(over: .browse, scroll: 2))
        for close in ["?", "<F1>", "<Esc>", "q", "h", "<Left>", "<BS>"] {
            #expect(try Self.mode("?j" + close) == .browse, "closing with \(close)")
        }
        #expect(try BrowserFixture.state("?q").hasQuit == false)
    }

    @Test func helpOverZoomReturnsToZoom() throws {
        #expect(try Self.mode("z?") == .help(over: .zoom, scroll: 0))
        // Zoom's few keys fit at 80×24; on a small screen the help scrolls as over the screens.
        #expect(try Self.mode("z?j") == .help(over: .zoom, scroll: 0))
        #expect(try BrowserFixture.state("z?j", width: 40, height: 12).mode == .help(over: .zoom, scroll: 1))
        for close in ["?", "<Esc>", "q"] {
            #expect(try Self.mode("z?" + close) == .zoom, "closing with \(close)")
        }
        // z is not a help key: it neither closes the help nor leaves zoom under it.
        #expect(try Self.mode("z?z") == .help(over: .zoom, scroll: 0))
    }

    @Test func zoomLeavesWithZEscOrQ() throws {
        #expect(try Self.mode("zz") == .browse)
        #expect(try Self.mode("z<Esc>") == .browse)
        #expect(try Self.mode("zq") == .browse)
        #expect(try BrowserFixture.state("zq").hasQuit == false)
        // Keys of the screens do nothing in zoom.
        #expect(try BrowserFixture.state("zj").top.selection == 0)
    }

    @Test func searchInputTypesDeletesConfirmsAndCancels() throws {
        #expect(try Self.mode("/bud") == .searchInput("bud"))
        #expect(try Self.mode("/bud<BS>") == .searchInput("bu"))
        #expect(try Self.mode("/b<BS><BS>") == .browse)
        #expect(try Self.mode("/bud<Esc>") == .browse)
        #expect(try Self.mode("/budget<Enter>") == .browse)
        // Keys bound in browse are text in the prompt.
        #expect(try Self.mode("/z?q") == .searchInput("z?q"))
    }

    @Test func quitWorksFromEveryMode() throws {
        for keys in ["Q", "zQ", "?Q", "z?Q", "/abQ"] {
            #expect(try BrowserFixture.state(keys).hasQuit, "\(keys)")
        }
    }

    @Test func resizeKeepsTheModeAndClampsTheHelpScroll() throws {
        var state = try BrowserFixture.state("?G", width: 80, height: 12)
        guard case .help(.browse, let scroll) = state.mode else {
            Issue.record("help expected, got \(state.mode)")
            return
        }
        #expect(scroll > 0)
        _ = update(&state, .resized(width: 200, height: 80))
        #expect(state.mode == .help(over: .browse, scroll: HelpOverlay.maxScroll(state)))
    }
}
