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

struct SelectionKeepingTests {
    static func mouseState(_ script: String, width: Int = 80, height: Int = 24) throws -> AppState {
        var state = AppState(data: BrowserFixture.data, width: width, height: height, options: BrowserOptions(mouse: true))
        for key in try KeyScript.parse(script) { _ = update(&state, .key(key)) }
        return state
    }

    static func selectedKey(_ state: AppState) -> LineKey? {
        state.top.selectedLine.map { state.top.model.line($0).key } ?? nil
    }

    @Test func filterInInternalControlKeepsTheSelectedItemWhenItStaysShown() throws {
        var state = try BrowserFixture.state("6" + String(repeating: "j", count: 12), width: 120, height: 40)
        guard case .controlItem(let item)? = Self.selectedKey(state) else {
            Issue.record("expected a control item selected, got \(String(describing: Self.selectedKey(state)))")
            return
        }
        let progress = BrowserFixture.data.index.controlProgress[item]
        let position = try #require(BrowserFixture.data.progressColumns.firstIndex(of: progress))
        for _ in 0...position { _ = update(&state, .key(.char("f"))) }
        #expect(state.top.filter == position + 1)
        #expect(Self.selectedKey(state) == .controlItem(item))
        #expect(state.top.visibleSelectedLine(state.viewportHeight) != nil)
    }

    @Test func filterInInternalControlMovesToTheNearestShownItemWhenTheSelectedOneIsHidden() throws {
        var state = try BrowserFixture.state("6" + String(repeating: "j", count: 12), width: 120, height: 40)
        guard case .controlItem(let item)? = Self.selectedKey(state) else {
            Issue.record("expected a control item selected")
            return
        }
        let progress = BrowserFixture.data.index.controlProgress[item]
        let other = try #require(BrowserFixture.data.progressColumns.firstIndex { $0 != progress && BrowserFixture.data.index.controlProgress.contains($0) })
        for _ in 0...other { _ = update(&state, .key(.char("f"))) }
        guard case .controlItem(let shown)? = Self.selectedKey(state) else {
            Issue.record("expected the nearest shown control item, got \(String(describing: Self.selectedKey(state)))")
            return
        }
        #expect(BrowserFixture.data.index.controlProgress[shown] == BrowserFixture.data.progressColumns[other])
        #expect(state.top.visibleSelectedLine(state.viewportHeight) != nil)
    }

    @Test func enterOnSamhallsbyggnadInTheOverviewOpensTheUrbanDevelopmentTable() throws {
        let overview = try BrowserFixture.state("", width: 120, height: 40)
        let index = try #require(overview.top.model.index(of: .link("headline-\(BrowserFixture.data.report.investments.urbanDevelopment.id)")))
        var state = overview
        for _ in 0..<index { _ = update(&state, .key(.char("j"))) }
        _ = update(&state, .key(.enter))
        #expect(state.top.id == .investments)
        guard case .tableRow(.urbanDevelopment, _)? = Self.selectedKey(state) else {
            Issue.record("expected a samhällsbyggnad row, got \(String(describing: Self.selectedKey(state)))")
            return
        }
        let lines = render(state).lines().joined(separator: "\n")
        #expect(lines.contains(BrowserFixture.data.report.investments.urbanDevelopment.title))
    }

    @Test func oneWheelNotchMovesAFewLinesNotToTheLastRow() throws {
        // The internal-control matrix at 200×60 fits on the screen: there is nothing to scroll.
        for (script, width, height) in [("6", 200, 60), ("2", 200, 60), ("8", 80, 24), ("9", 80, 24)] {
            var state = try Self.mouseState(script, width: width, height: height)
            let before = state.top
            _ = update(&state, .key(.mouse(MouseEvent(kind: .wheelDown, x: 5, y: 5))))
            let after = state.top
            #expect(after.scroll - before.scroll <= 3, "\(script)")
            #expect(after.selection - before.selection <= 3, "\(script)")
            #expect(after.selection != before.model.selectableCount - 1 || before.model.selectableCount <= 4, "\(script)")
            #expect(after.scroll != before.scroll || after.selection != before.selection, "\(script): the wheel did nothing")
            _ = update(&state, .key(.mouse(MouseEvent(kind: .wheelUp, x: 5, y: 5))))
            #expect(state.top.scroll == before.scroll, "\(script)")
            #expect(state.top.selection - before.selection <= 3, "\(script)")
        }
    }

    @Test func aDoubleClickOpensTheRowLikeEnter() throws {
        // The goal tree has no sticky header: body row 2 is line 0, so row 3 is the first area.
        let clicked = try Self.mouseState("2<mouse double1 5,3>")
        let entered = try Self.mouseState("2<click 5,3><Enter>")
        #expect(entered.stack.count == 2)
        #expect(clicked.stack.map(\.id) == entered.stack.map(\.id))
        let nowhere = try Self.mouseState("2<mouse double1 5,22>")
        #expect(nowhere.stack.count == 1)
    }
}
