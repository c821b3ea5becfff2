import Testing
@testable import ReportBrowser

/// Every screen at every size from 1×1 to 120×40 (and a few larger) renders without a crash,
/// fills exactly its grid, and keeps working after the resize.
@Suite struct SizeSweepTests {
    static func check(_ state: AppState, _ label: String) {
        let grid = render(state)
        #expect(grid.width == state.width && grid.height == state.height, "\(label)")
        #expect(grid.cells.count == state.width * state.height, "\(label)")
        let lines = grid.lines()
        #expect(lines.count == state.height, "\(label)")
        for line in lines where DisplayWidth.of(line) > state.width {
            Issue.record("\(label): a line is wider than the grid: \(line)")
        }
    }

    @Test(arguments: ScreenScripts.all.map(\.name))
    func screenRendersAtEverySize(_ name: String) throws {
        let keys = ScreenScripts.all.first { $0.name == name }?.keys ?? ""
        var state = try BrowserFixture.state(keys, width: 80, height: 24)
        for width in 1...120 {
            for height in [1, 3, 6, 7, 24, 40] {
                _ = update(&state, .resized(width: width, height: height))
                Self.check(state, "\(name) \(width)x\(height)")
            }
        }
        for height in 1...40 {
            for width in [1, 20, 21, 80] {
                _ = update(&state, .resized(width: width, height: height))
                Self.check(state, "\(name) \(width)x\(height)")
            }
        }
        for (width, height) in [(160, 50), (200, 60), (250, 80)] {
            _ = update(&state, .resized(width: width, height: height))
            Self.check(state, "\(name) \(width)x\(height)")
        }
        // Keys keep working at a tiny size and after growing again.
        _ = update(&state, .resized(width: 3, height: 2))
        for key in try KeyScript.parse("jjG<Enter>ghf?<Esc>/a<Enter>nNz<Esc>") {
            _ = update(&state, .key(key))
            Self.check(state, "\(name) keys at 3x2")
        }
        _ = update(&state, .resized(width: 100, height: 30))
        Self.check(state, "\(name) back to 100x30")
    }

    @Test func everyCombinationOfKeysAtOneByOneIsHarmless() throws {
        var state = try BrowserFixture.state("", width: 1, height: 1)
        for key in try KeyScript.parse("23456789<Enter>jjjkkk<PageDown><PageUp>?z/x<Enter>nNffF<Tab><S-Tab>hl<Esc>") {
            _ = update(&state, .key(key))
            Self.check(state, "1x1 after \(key)")
        }
    }

    @Test func theSmallSizeMessageFitsOrIsCut() throws {
        let state = try BrowserFixture.state("", width: 19, height: 5)
        #expect(render(state).lines().contains { $0.contains("Fönstret är för") })
        let tiny = try BrowserFixture.state("", width: 10, height: 3)
        #expect(render(tiny).lines()[0].hasPrefix("Fönstret"))
    }
}
