import Testing
@testable import ReportBrowser

/// Action sequences and the whole resulting state.
@Suite struct StateTests {
    @Test func startsOnTheOverview() throws {
        let state = try BrowserFixture.state("")
        #expect(StateSummary(state) == StateSummary(section: .overview, views: [.overview], selections: [0], scrolls: [0]))
    }

    @Test func drillingToADeepIndicatorAndBackKeepsEverySelection() throws {
        var state = try BrowserFixture.state("2jj<Enter>j<Enter>")
        let goal = GoalRef(area: 0, council: 0, board: 0)
        #expect(StateSummary(state) == StateSummary(
            section: .goals, views: [.goalTree, .goal(goal), .indicator(3)], selections: [2, 1, 0], scrolls: [0, 0, 0]))
        for key in try KeyScript.parse("<Esc>") { _ = update(&state, .key(key)) }
        #expect(StateSummary(state) == StateSummary(section: .goals, views: [.goalTree, .goal(goal)], selections: [2, 1], scrolls: [0, 0]))
        for key in try KeyScript.parse("h") { _ = update(&state, .key(key)) }
        #expect(StateSummary(state) == StateSummary(section: .goals, views: [.goalTree], selections: [2], scrolls: [0]))
        // Another way back and in again: the selection is where it was.
        for key in try KeyScript.parse("<Right><Left><BS>") { _ = update(&state, .key(key)) }
        #expect(StateSummary(state) == StateSummary(section: .overview, views: [.overview], selections: [0], scrolls: [0]))
    }

    @Test func backAtTheTopOfASectionGoesToTheOverviewAndThenStays() throws {
        let state = try BrowserFixture.state("4j<Esc><Esc>")
        #expect(StateSummary(state) == StateSummary(section: .overview, views: [.overview], selections: [0], scrolls: [0]))
        #expect(state.message?.text == "Du är högst upp – q avslutar")
        #expect(!state.hasQuit)
    }

    @Test func sectionsKeepTheirOwnPlace() throws {
        let state = try BrowserFixture.state("2jj4j2")
        #expect(state.section == .goals)
        #expect(state.top.selection == 2)
        #expect(state.stacks[.economy]?.last?.selection == 1)
    }

    @Test func tabCyclesSectionsBothWays() throws {
        #expect(try BrowserFixture.state("<Tab><Tab>").section == .assignments)
        #expect(try BrowserFixture.state("<S-Tab>").section == Section.allCases.last)
        #expect(try BrowserFixture.state("9<Tab>").section == .overview)
    }

    @Test func qClosesAViewAndQuitsAtTheTop() throws {
        let inner = try BrowserFixture.state("2j<Enter>q")
        #expect(StateSummary(inner) == StateSummary(section: .goals, views: [.goalTree], selections: [1], scrolls: [0]))
        var state = inner
        let effects = update(&state, .key(.char("q")))
        #expect(effects == [.quit])
        #expect(state.hasQuit)
    }

    @Test func capitalQAndControlCQuitAtOnceEvenFromHelpAndSearch() throws {
        for script in ["2<Enter>?", "/abc"] {
            var state = try BrowserFixture.state(script)
            #expect(update(&state, .key(.ctrl("c"))) == [.quit])
            var other = try BrowserFixture.state(script)
            if script.hasPrefix("/") { continue } // Q is typed into the search prompt
            #expect(update(&other, .key(.char("Q"))) == [.quit])
        }
    }

    @Test func searchFindsHitsAndNAndCapitalNStepThroughThem() throws {
        let before = try BrowserFixture.state("3j")
        var state = try BrowserFixture.state("3j/sjukfrånvaro<Enter>")
        let hits = state.search.hits.count
        #expect(hits > 3)
        #expect(state.search.current == 0)
        #expect(state.section == .assignments)
        #expect(state.stack.count == 2)
        #expect(state.message?.text.hasPrefix("träff 1 av \(hits)") == true)
        for key in try KeyScript.parse("nn") { _ = update(&state, .key(key)) }
        #expect(state.search.current == 2)
        #expect(state.stack.count == 2)
        for key in try KeyScript.parse("NNN") { _ = update(&state, .key(key)) }
        #expect(state.search.current == hits - 1)
        // Back from a hit returns to where the search started, selection kept.
        for key in try KeyScript.parse("<Esc>") { _ = update(&state, .key(key)) }
        #expect(StateSummary(state) == StateSummary(section: .assignments, views: [.assignments], selections: [1], scrolls: [before.top.scroll],
                                                    searchTerm: "sjukfrånvaro", searchCurrent: hits - 1, searchHits: hits))
    }

    @Test func searchPromptEditsAndCancels() throws {
        let typed = try BrowserFixture.state("/budgx<BS>")
        #expect(typed.mode == .searchInput("budg"))
        let cancelled = try BrowserFixture.state("/budg<Esc>")
        #expect(cancelled.mode == .browse)
        #expect(cancelled.search.hits.isEmpty)
        let none = try BrowserFixture.state("/zzzqqq<Enter>")
        #expect(none.search.hits.isEmpty)
        #expect(none.message?.text == "Ingen träff för ”zzzqqq”")
        #expect(none.section == .overview)
    }

    @Test func searchIsCaseInsensitiveAndFindsSwedishLetters() throws {
        let lower = try BrowserFixture.state("/ÖVERSYN<Enter>")
        let upper = try BrowserFixture.state("/översyn<Enter>")
        #expect(!lower.search.hits.isEmpty)
        #expect(lower.search.hits == upper.search.hits)
    }

    @Test func filterCyclesThroughTheStatusesAndBack() throws {
        var state = try BrowserFixture.state("3")
        let all = state.top.model.selectable.count
        var counts: [Int] = []
        for _ in 0...(state.data.assignmentProgressOptions.count) {
            _ = update(&state, .key(.char("f")))
            counts.append(state.top.model.selectable.count)
        }
        #expect(state.top.filter == 0)
        #expect(counts.last == all)
        #expect(counts.dropLast().reduce(0, +) == all)
        let cleared = try BrowserFixture.state("3ffF")
        #expect(cleared.top.filter == 0)
    }

    @Test func filterOnlyShowsMatchingIndicators() throws {
        let state = try BrowserFixture.state("9fff") // uppnås ej
        #expect(FilterOptions.activeLabel(for: state.top, data: state.data) == "uppnås ej")
        for line in state.top.model.selectable {
            guard case .indicator(let index) = state.top.model.lines[line].key else { continue }
            #expect(state.data.indicator(index)?.evaluation.status == .notMet)
        }
        #expect(!state.top.model.selectable.isEmpty)
    }

    @Test func filterIsRefusedWhereTheViewHasNone() throws {
        let state = try BrowserFixture.state("4f")
        #expect(state.top.filter == 0)
        #expect(state.message?.text == "Vyn har inget statusfilter")
    }

    @Test func resizeKeepsTheStateAndTheSelectionVisible() throws {
        var state = try BrowserFixture.state("3jjjjj")
        let before = StateSummary(state)
        _ = update(&state, .resized(width: 40, height: 12))
        _ = update(&state, .resized(width: 1, height: 1))
        _ = update(&state, .resized(width: 200, height: 50))
        var expected = before
        expected.size = "200x50"
        expected.scrolls = StateSummary(state).scrolls
        #expect(StateSummary(state) == expected)
        _ = update(&state, .resized(width: 40, height: 8))
        let line = state.top.selectedLine ?? -1
        #expect(state.top.isVisible(line, state.viewportHeight))
    }

    @Test func helpOpensClosesAndScrolls() throws {
        var state = try BrowserFixture.state("?jjj")
        #expect(state.mode == .help(over: .browse, scroll: 3))
        _ = update(&state, .key(.escape))
        #expect(state.mode == .browse)
        #expect(try BrowserFixture.state("<F1>?").mode == .browse)
        #expect(try BrowserFixture.state("?q").hasQuit == false)
    }

    @Test func zoomTogglesAndEscLeavesIt() throws {
        #expect(try BrowserFixture.state("z").mode == .zoom)
        #expect(try BrowserFixture.state("zz").mode == .browse)
        #expect(try BrowserFixture.state("z<Esc>").mode == .browse)
    }

    @Test func enterOnAGroupFoldsItAndKeepsTheSelection() throws {
        let folded = try BrowserFixture.state("5<Enter>")
        // The first row of nämndens investeringar is the group "Reinvestering".
        #expect(folded.top.collapsed == ["boardInvestments-reinvestering"])
        #expect(folded.top.selection == 0)
        let unfolded = try BrowserFixture.state("5<Enter><Enter>")
        #expect(unfolded.top.collapsed.isEmpty)
        #expect(folded.top.model.lines.count < unfolded.top.model.lines.count)
    }

    @Test func auditFindingsJumpToTheCellTheIndicatorAndTheStatement() throws {
        let data = BrowserFixture.data
        for (index, finding) in data.analysis.audit.findings.enumerated() {
            guard let jump = FindingJump.jump(for: index, data: data) else {
                Issue.record("no jump for finding \(index)")
                continue
            }
            switch finding.subject {
            case .tableCell(let table, let row, _):
                guard let ref = data.tableRef(id: table), let rowIndex = data.table(ref).rowIndex(id: row) else {
                    Issue.record("unknown table cell")
                    continue
                }
                #expect(jump.focus == .tableRow(ref, rowIndex))
            case .indicator(let id):
                guard case .indicator(let i) = jump.view else {
                    Issue.record("indicator finding opens \(jump.view)")
                    continue
                }
                #expect(data.indicator(i)?.indicator.id == id)
            case .statement:
                guard case .text = jump.view else {
                    Issue.record("statement finding opens \(jump.view)")
                    continue
                }
                #expect(jump.markAnchor)
            }
        }
        let state = try BrowserFixture.state("8<Enter>")
        #expect(state.stack.count == 2)
        #expect(state.top.visibleSelectedLine(state.viewportHeight) != nil)
    }

    @Test func anEmptyReportBrowsesWithoutTrouble() throws {
        let empty = BrowserData(analysis: .init(report: BrowserFixture.emptyReport))
        for (_, keys) in ScreenScripts.all {
            let state = try BrowserFixture.state(keys + "jjG<Enter>f/a<Enter>n", data: empty)
            #expect(render(state).height == 24)
        }
    }

    @Test func mouseClickSelectsARowAndTheWheelScrolls() throws {
        var state = AppState(data: BrowserFixture.data, width: 80, height: 24, options: BrowserOptions(mouse: true))
        _ = update(&state, .key(.char("2")))
        // The goal tree has no sticky header: body row 2 is line 0, so row 5 is line 3.
        _ = update(&state, .key(.mouse(MouseEvent(kind: .press(button: 1), x: 5, y: 5))))
        #expect(state.top.selection == 3)
        _ = update(&state, .key(.mouse(MouseEvent(kind: .wheelDown, x: 5, y: 5))))
        #expect(state.top.scroll == min(3, state.top.maxScroll(state.viewportHeight)) && state.top.scroll > 0)
        var off = try BrowserFixture.state("2")
        _ = update(&off, .key(.mouse(MouseEvent(kind: .wheelDown, x: 5, y: 5))))
        #expect(off.top.scroll == 0)
    }

    @Test func pagingMovesAPageAndEndAndHomeReachBothEnds() throws {
        let state = try BrowserFixture.state("8G")
        #expect(state.top.selection == state.top.model.selectable.count - 1)
        #expect(state.top.scroll == state.top.maxScroll(state.viewportHeight))
        let home = try BrowserFixture.state("8Gg")
        #expect(home.top.selection == 0 && home.top.scroll == 0)
        let paged = try BrowserFixture.state("8<PageDown>")
        #expect(paged.top.scroll == paged.viewportHeight - 1)
        let half = try BrowserFixture.state("8<C-d><C-u>")
        #expect(half.top.scroll == 0)
        let space = try BrowserFixture.state("7<Enter><Space>")
        #expect(space.top.scroll > 0)
    }

    @Test func redrawAsksForARepaint() throws {
        var state = try BrowserFixture.state("")
        #expect(update(&state, .key(.ctrl("l"))) == [.forceRepaint])
    }
}
