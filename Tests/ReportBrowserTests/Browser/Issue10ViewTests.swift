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

struct EmacsKeysAndSearchTests {
    static func same(_ a: String, _ b: String) throws -> Bool {
        let x = try BrowserFixture.state(a, width: 100, height: 30), y = try BrowserFixture.state(b, width: 100, height: 30)
        return StateSummary(x) == StateSummary(y)
    }

    @Test func controlFBNPPageAndMoveLikeTheirLessAndEmacsHabits() throws {
        #expect(try Self.same("8<C-f>", "8<PageDown>"))
        #expect(try Self.same("8<C-f><C-f><C-b>", "8<PageDown><PageDown><PageUp>"))
        #expect(try Self.same("9<C-n><C-n><C-n>", "9jjj"))
        #expect(try Self.same("9jjj<C-p>", "9jj"))
        #expect(try !Self.same("9<C-n>", "9"))
        // In the key table, so the help lists them.
        let help = KeyBindings.helpEntries(try BrowserFixture.state("?")).map(\.label).joined(separator: " ")
        for key in ["C-f", "C-b", "C-n", "C-p"] { #expect(help.contains(key), "\(key) in the help") }
    }

    @Test func searchJumpsToTheFirstHitWhileTyping() throws {
        let typing = try BrowserFixture.state("4jj/sjukfr")
        #expect(typing.mode == .searchInput("sjukfr"))
        #expect(!typing.search.hits.isEmpty)
        #expect(typing.search.current == 0)
        let confirmed = try BrowserFixture.state("4jj/sjukfr<Enter>")
        #expect(typing.stack.map(\.id) == confirmed.stack.map(\.id))
        #expect(confirmed.mode == .browse)
        // One more letter narrows the hits as it is typed.
        let more = try BrowserFixture.state("4jj/sjukfrånvaron")
        #expect(more.search.hits.count <= typing.search.hits.count)
    }

    @Test func escapeWhileTypingReturnsToWhereYouWere() throws {
        let before = try BrowserFixture.state("4jj")
        let cancelled = try BrowserFixture.state("4jj/sjukfr<Esc>")
        #expect(StateSummary(cancelled) == StateSummary(before))
        let erased = try BrowserFixture.state("4jj/sj<BS><BS><BS>")
        #expect(StateSummary(erased) == StateSummary(before))
        // A search made before survives a cancelled one.
        let earlier = try BrowserFixture.state("/budget<Enter>")
        let again = try BrowserFixture.state("/budget<Enter>/sjukfr<Esc>")
        #expect(StateSummary(again) == StateSummary(earlier))
    }

    @Test func wrappingAroundIsSaidInWords() throws {
        var state = try BrowserFixture.state("/sjukfrånvaro<Enter>")
        let count = state.search.hits.count
        #expect(count > 1)
        for _ in 1..<count { _ = update(&state, .key(.char("n"))) }
        #expect(!(state.message?.text.contains("började om") ?? true))
        _ = update(&state, .key(.char("n")))
        #expect(state.search.current == 0)
        #expect(state.message?.text.contains("sökningen började om från början") == true)
        _ = update(&state, .key(.char("N")))
        #expect(state.search.current == count - 1)
        #expect(state.message?.text.contains("sökningen började om från slutet") == true)
    }

    @Test func exactNameMatchesComeBeforeWordsInsideLongTexts() throws {
        let hits = BrowserFixture.data.searchIndex.search("personal")
        #expect(hits.first?.labelName == "Personal")
        guard case .tableRow? = hits.first?.jump.focus else {
            Issue.record("the Personal row first, got \(String(describing: hits.first))")
            return
        }
        #expect(hits.first?.rank == .exact)
        #expect(Set(hits.map(\.rank)).count > 1)
        #expect(hits.map(\.rank.rawValue) == hits.map(\.rank.rawValue).sorted())
        #expect(SearchIndex.rank(of: Array("personal".utf8), in: Array("personal".utf8)) == .exact)
        #expect(SearchIndex.rank(of: Array("personal".utf8), in: Array("för personal som".utf8)) == .word)
        #expect(SearchIndex.rank(of: Array("personal".utf8), in: Array("personalen".utf8)) == .wordStart)
        #expect(SearchIndex.rank(of: Array("personal".utf8), in: Array("egenpersonal".utf8)) == .insideWord)
    }

    @Test func tableFiguresAreSearchableAsPrintedAndWithoutTheSpace() throws {
        let table = BrowserFixture.data.report.economy.operations
        let row = try #require(table.rows.firstIndex { $0.label == "Årets resultat" })
        for script in ["/616 275<Enter>", "/616275<Enter>"] {
            let state = try BrowserFixture.state(script, width: 120, height: 40)
            #expect(state.search.hits.first?.jump.focus == .tableRow(.operations, row), "\(script)")
            #expect(SelectionKeepingTests.selectedKey(state) == .tableRow(.operations, row), "\(script)")
        }
    }
}

struct StatusBasisTests {
    static var social: Int? { BrowserFixture.data.report.goalAreas.indices.first { BrowserFixture.data.shortAreaTitle($0) == "Social hållbarhet" } }

    /// The overview's indicator line of the Social målområde.
    static func socialLine(_ state: AppState) -> String? {
        let lines = render(state).lines()
        guard let title = lines.firstIndex(where: { $0.contains("Social hållbarhet") }), title + 1 < lines.count else { return nil }
        return lines[title + 1]
    }

    @Test func rSwitchesTheOverviewToTheReportsOwnAssessment() throws {
        let area = try #require(Self.social)
        let reported = BrowserFixture.data.indicatorCounts(area: area, basis: .reported)
        #expect(reported.counts.met == 2 && reported.counts.approaching == 1)
        let computed = BrowserFixture.data.indicatorCounts(area: area, basis: .computed)
        #expect(computed.counts.met == 1 && computed.counts.approaching == 0 && computed.unstated == 0)

        let before = try BrowserFixture.state("", width: 120, height: 40)
        let after = try BrowserFixture.state("r", width: 120, height: 40)
        let line = try #require(Self.socialLine(after))
        #expect(line.contains("✓ 2  ↗ 1"), "\(line)")
        #expect(try #require(Self.socialLine(before)).contains("✓ 1  ↗ 0"))
        // The choice is named in the header; where the report says nothing, it is said.
        #expect(render(after).lines()[0].contains("Rapportens bedömning"))
        #expect(render(before).lines()[0].contains("Beräknad status"))
        if reported.unstated > 0 { #expect(line.contains("ej angiven i rapporten")) }
        // r again goes back.
        let back = try BrowserFixture.state("rr", width: 120, height: 40)
        #expect(render(back).lines().dropLast(2) == render(before).lines().dropLast(2))
    }

    @Test func theGoalTreeAndTheIndicatorListFollowTheChoice() throws {
        let list = render(try BrowserFixture.state("9r", width: 120, height: 60)).lines().joined(separator: "\n")
        let computedList = render(try BrowserFixture.state("9", width: 120, height: 60)).lines().joined(separator: "\n")
        #expect(list != computedList)
        let unstated = BrowserFixture.data.analysis.indicators.contains { $0.indicator.reportedStatus == nil }
        if unstated { #expect(list.contains("ej angiven i rapporten")) }
        let tree = render(try BrowserFixture.state("2r", width: 120, height: 40)).lines()
        let computedTree = render(try BrowserFixture.state("2", width: 120, height: 40)).lines()
        #expect(tree.dropFirst() != computedTree.dropFirst())
        // The filter filters on the chosen status.
        let filtered = try BrowserFixture.state("9rf", width: 120, height: 60)
        let met = BrowserFixture.data.analysis.indicators.filter { $0.indicator.reportedStatus?.status == .met }.count
        #expect(filtered.top.model.selectableCount == met)
    }
}

struct MeetingZoomTests {
    static func zoom(_ script: String, _ width: Int, _ height: Int) throws -> [String] {
        render(try BrowserFixture.state(script, width: width, height: height)).lines()
    }

    @Test func zoomIsTheOneScreenMeetingViewFromEverySection() throws {
        for (width, height) in [(200, 50), (120, 40), (80, 24)] {
            let screen = try Self.zoom("z", width, height)
            let text = screen.joined(separator: "\n")
            for part in ["Delårsrapport januari–augusti 2021", "Ekonomisk hållbarhet", "Social hållbarhet", "Ekologisk hållbarhet", "uppdrag",
                         "16,0 mnkr sämre än budget", "12,2 mnkr bättre än budget", "103,3 mnkr bättre än budget", "Intern kontroll", "1 fel",
                         "Fiberutbyggnad", "Beräknad status"] {
                #expect(text.contains(part), "\(width)x\(height) lacks \(part)")
            }
            // The same content from every section.
            for section in ["4", "6", "9", "8<Enter>", "2<Enter>"] {
                #expect(try Self.zoom(section + "z", width, height) == screen, "\(section) at \(width)x\(height)")
            }
            // The whole screen is used: no more than two rows in five blank.
            #expect(screen.filter { $0.allSatisfy { $0 == " " } }.count <= height * 2 / 5, "\(width)x\(height):\n\(text)")
        }
        // Small screens keep every målområde and the economy.
        let small = try Self.zoom("z", 40, 12).joined(separator: "\n")
        for part in ["Ekonomis", "Social", "Ekologis", "16,0 mnkr sämre"] { #expect(small.contains(part), "40x12 lacks \(part)") }
    }

    @Test func zoomUsesBigDigitsWhenThereIsRoom() throws {
        let big = try Self.zoom("z", 200, 50)
        #expect(big.contains { $0.contains("███") })
    }

    @Test func zoomFollowsTheStatusChoice() throws {
        let reported = try Self.zoom("zr", 120, 40).joined(separator: "\n")
        #expect(reported.contains("Rapportens bedömning"))
        #expect(reported.contains(StatusBasis.unstated))
        #expect(try Self.zoom("rz", 120, 40).dropLast(2) == (try Self.zoom("zr", 120, 40)).dropLast(2))
    }

    @Test func theEconomyIsPutInWordsFromThePrintedDeviation() throws {
        let facts = ZoomScreen.economyFacts(BrowserFixture.data)
        let economy = try #require(facts.first { $0.0 == "Ekonomi" })
        #expect(economy.1.first?.0 == "16,0 mnkr sämre än budget")
    }
}
