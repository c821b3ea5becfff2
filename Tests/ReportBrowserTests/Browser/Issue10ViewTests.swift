import Testing
import ReportCore
@testable import ReportBrowser

/// Issue 10, points 3, 8, 9, 12 and 14: defects a user hit in the browser.
struct ResizeRecoveryTests {
    @Test func titlesAndColumnHeadersComeBackAfterTheWindowWasBrieflyTiny() throws {
        let fresh = try BrowserFixture.state("4", width: 100, height: 30)
        let recovered = try BrowserFixture.state("4<resize 100x3><resize 100x30>", width: 100, height: 30)
        #expect(recovered.top.selection == fresh.top.selection)
        #expect(render(recovered).lines() == render(fresh).lines())
    }

    @Test func titlesComeBackAfterAShortWindowFurtherDownATable() throws {
        // The third row of the first economy table: its title and headers fit with it at 30 rows.
        let fresh = try BrowserFixture.state("4jjj", width: 100, height: 30)
        let recovered = try BrowserFixture.state("4jjj<resize 100x8><resize 100x3><resize 100x30>", width: 100, height: 30)
        #expect(render(recovered).lines() == render(fresh).lines())
    }

    @Test func everyResizeKeepsTheSelectionVisibleAndTheScrollInRange() throws {
        for script in ["4G", "9G", "7<Enter><Space><Space>", "5jjjjjjjjjj", "6<Enter>jjjj"] {
            var state = try BrowserFixture.state(script, width: 120, height: 40)
            for (width, height) in [(100, 3), (60, 9), (200, 60), (30, 7), (120, 40)] {
                _ = update(&state, .resized(width: width, height: height))
                let view = state.top
                #expect(view.scroll >= 0 && view.scroll <= view.maxScroll(state.viewportHeight), "\(script) \(width)x\(height)")
                if let line = view.selectedLine {
                    #expect(view.isVisible(line, state.viewportHeight), "\(script) \(width)x\(height)")
                }
            }
        }
    }
}
