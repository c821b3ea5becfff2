import Foundation
import ReportCore
import Testing
@testable import ReportBrowser

/// The archive screens: the home, Förändringar, Prognos mot utfall, an indicator's history and
/// the kommun-wide view, on the bundled report and the generated series (labelled generated).
@Suite struct ArchiveScreenTests {
    let archive = ArchiveFixture.full
    static let kommunstyrelsen = "Kommunstyrelsen"

    func screen(_ state: AppState) -> String { render(state).lines().joined(separator: "\n") }

    /// The screens, each reached by keys from `malkoll` on the archive.
    static let scripts: [(name: String, keys: String)] = [
        ("arkiv-hem", ""),
        ("arkiv-forandringar", "jl<Enter>d"),
        ("arkiv-forandringar-ingen-tidigare", "j<Enter>d"),
        ("arkiv-prognos", "jl<Enter>p"),
        ("arkiv-historik", "jl<Enter>9jjjjjH"),
        ("arkiv-kommunen", "jl<Enter>K"),
        ("arkiv-hem-hjalp", "?"),
        ("arkiv-rapport-hjalp", "jl<Enter>9?"),
    ]

    @Test(arguments: scripts.map(\.name))
    func archiveScreenMatchesItsGoldens(_ name: String) throws {
        let keys = Self.scripts.first { $0.name == name }?.keys ?? ""
        for theme in SnapshotTests.themes {
            for (width, height) in SnapshotTests.sizes {
                let state = try archive.state(keys, width: width, height: height, theme: theme)
                try SnapshotTests.expectMatchesGolden(render(state), name: name, width: width, height: height, theme: theme)
            }
        }
    }

    // MARK: - The home

    @Test func severalReportsOpenTheHomeWithBoardsDownAndPeriodsAcross() throws {
        let state = try archive.state("")
        #expect(state.showsArchiveHome)
        #expect(state.mode == .archiveHome)
        #expect(!state.hasReport)
        let home = try #require(state.archive.home)
        #expect(home.axes.boards.count == 4)
        #expect(home.axes.periods.map(\.periodEnd) == ["2021-08-31", "2021-12-31", "2022-08-31"])
        #expect(home.axes.reportCount == archive.entries.count)
        // The cursor is on the first board's latest report, and its counts are the report's.
        let cell = try #require(home.cell(row: home.row, column: home.column))
        let entry = try #require(archive.entry(cell.reportID))
        #expect(cell.counts == entry.analysis.indicatorCounts())
        #expect(entry.meta.board == home.axes.boards[0].board)
        let text = screen(state)
        #expect(text.contains("Kommunstyrelsen"))
        #expect(text.contains("genererad testdata"))
        #expect(text.contains("2021-12"))
    }

    @Test func enterOnACellAsksForThatReportAndOpensIt() throws {
        var state = try archive.state("jl")
        let home = try #require(state.archive.home)
        let expected = try #require(archive.id(board: Self.kommunstyrelsen, periodEnd: "2021-12-31"))
        #expect(home.cell(row: home.row, column: home.column)?.reportID == expected)
        // `update` alone only asks; the answer opens the report.
        let effects = update(&state, .key(.enter))
        #expect(effects == [.archive(.openReport(id: expected))])
        #expect(state.mode == .archiveHome)
        _ = update(&state, .archive(archive.answer(.openReport(id: expected))))
        #expect(state.mode == .browse)
        #expect(state.hasReport)
        #expect(state.archivedReportID == expected)
        #expect(state.data.report.metadata.kind == .annualReport)
        #expect(state.section == .overview)
    }

    @Test func theHomeIsOneKeyAwayFromAReportAndEscReturnsToIt() throws {
        var state = try archive.state("jl<Enter>2j")
        let opened = state.archivedReportID
        let section = state.section
        _ = dispatch(&state, .key(.char("a")), answer: archive.answer)
        #expect(state.mode == .archiveHome)
        #expect(screen(state).contains("öppen: Huddinge kommun – Kommunstyrelsen"))
        _ = dispatch(&state, .key(.escape), answer: archive.answer)
        #expect(state.mode == .browse)
        #expect(state.archivedReportID == opened)
        #expect(state.section == section)
    }

    @Test func withOneReportItOpensDirectlyAndTheHomeListsIt() throws {
        var state = try ArchiveFixture.single.state("")
        #expect(state.mode == .browse)
        #expect(state.hasReport)
        #expect(state.archivedReportID == 1)
        let effects = update(&state, .key(.char("a")))
        #expect(effects == [.archive(.home)])
        _ = dispatch(&state, .archive(ArchiveFixture.single.answer(.home)), answer: ArchiveFixture.single.answer)
        #expect(state.mode == .archiveHome)
        #expect(state.archive.home?.axes.boards.count == 1)
        #expect(state.archive.home?.axes.reportCount == 1)
        let text = screen(state)
        #expect(text.contains("Arkiv · 1 rapport · 1 nämnd · 1 period"))
        #expect(text.contains("öppen: Huddinge kommun – Kommunstyrelsen"))
        // The cursor is on the open report, its bar drawn.
        #expect(text.contains("[6   16 ]"))
        _ = dispatch(&state, .key(.enter), answer: ArchiveFixture.single.answer)
        #expect(state.mode == .browse)
        #expect(state.archivedReportID == 1)
    }

    @Test func onTheHomeWithoutAReportEscStaysAndQQuits() throws {
        var state = try archive.state("")
        _ = update(&state, .key(.escape))
        #expect(state.mode == .archiveHome)
        #expect(state.message?.text.contains("Enter") == true)
        #expect(update(&state, .key(.char("q"))) == [.quit])
    }

    @Test func movingOnTheHomeStaysInsideTheGrid() throws {
        let state = try archive.state("kkkhhhhGllll")
        let home = try #require(state.archive.home)
        #expect(home.row == home.axes.boards.count - 1)
        #expect(home.column == home.axes.periods.count - 1)
        let empty = try archive.state("ll<Enter>")
        #expect(empty.mode == .archiveHome) // Grundskolenämnden has no report in 2022
        #expect(empty.message?.text.contains("ingen rapport") == true)
    }

    /// Every kind of report heads its column in words: a tertialrapport is `tertial`, not the
    /// first five letters of its name.
    @Test func theHomeNamesEveryKindOfReportInItsColumnHeading() throws {
        let periods = [HomePeriod(periodEnd: "2023-04-30", kind: ReportKind.tertialReport.rawValue, period: "januari–april 2023"),
                       HomePeriod(periodEnd: "2023-08-31", kind: ReportKind.interimReport.rawValue, period: "januari–augusti 2023"),
                       HomePeriod(periodEnd: "2023-12-31", kind: ReportKind.annualReport.rawValue, period: "januari–december 2023")]
        let axes = ArchiveAxes(boards: [HomeBoard(municipality: "Kommun", board: "Kultur- och fritidsnämnden")], periods: periods, reportCount: 3)
        let headings = screen(AppState(home: axes, width: 80, height: 24)).split(separator: "\n").dropFirst(3).first ?? ""
        #expect(headings.split(separator: " ") == ["tertial", "delår", "helår"], "\(headings)")
    }

    @Test func theHomeAsksOnlyForTheBoardsOnScreen() throws {
        let boards = (0..<1000).map { HomeBoard(municipality: "Kommun", board: "Nämnd \($0) (genererad testdata)") }
        let axes = ArchiveAxes(boards: boards, periods: [HomePeriod(periodEnd: "2021-08-31", kind: "delårsrapport", period: "2021")], reportCount: 1000)
        var state = AppState(home: axes, width: 80, height: 24)
        var asked: [[HomeBoard]] = []
        let answer: (ArchiveRequest) -> ArchiveAnswer = { request in
            if case .homeCells(let first, let boards) = request {
                asked.append(boards)
                return .homeCells(first: first, count: boards.count, cells: [])
            }
            return .failed("?")
        }
        _ = dispatch(&state, .resized(width: 80, height: 24), answer: answer)
        #expect(asked.count == 1)
        #expect(asked.first?.count == HomeScreen.bodyRows(state)) // 17 rows at 80×24
        #expect(HomeScreen.bodyRows(state) == 17)
        #expect(asked.first?.first == boards[0])
        _ = dispatch(&state, .key(.char("j")), answer: answer)
        #expect(asked.count == 1) // already there
        _ = dispatch(&state, .key(.char("G")), answer: answer)
        #expect(asked.count == 2)
        #expect(asked.last?.last == boards[999])
        #expect(asked.last?.count == 17)
        #expect(state.archive.home?.requested.count == 34)
    }

    // MARK: - Förändringar and Prognos mot utfall

    @Test func changesAreGroupedAsTheDiffPrintsThemAndEnterOpensTheItem() throws {
        var state = try archive.state("jl<Enter>d")
        #expect(state.top.id == .changes)
        let comparison = try #require(state.archive.comparison)
        #expect(comparison.isForecastPair)
        #expect(!comparison.changes.isEmpty)
        let text = screen(state)
        #expect(text.contains("Förändringar mot delårsrapport januari–augusti 2021"))
        #expect(text.contains("Indikatorer ("))
        // Every change is a selectable line; the revised value is among them.
        #expect(state.top.model.selectableCount == comparison.changes.filter { $0.kind != .forecastOutcome && $0.kind != .forecastAccuracy }.count)
        #expect(comparison.changes.contains { $0.kind == .indicatorValue && $0.revised == true })
        // Enter on a change of an indicator that exists opens that indicator.
        let target = try #require(comparison.changes.firstIndex { $0.kind == .indicatorValue })
        let position = try #require(state.top.model.index(of: .change(target)))
        state.top.selection = position
        state.top.ensureSelectionVisible(state.viewportHeight)
        _ = update(&state, .key(.enter))
        guard case .indicator(let index) = state.top.id else {
            Issue.record("expected an indicator, got \(state.top.id)")
            return
        }
        #expect(state.data.indicator(index)?.indicator.printedName == comparison.changes[target].name)
    }

    @Test func aRemovedItemSaysItIsNotInThisReport() throws {
        var state = try archive.state("jl<Enter>d")
        let comparison = try #require(state.archive.comparison)
        let removed = try #require(comparison.changes.firstIndex { $0.kind == .indicatorRemoved })
        state.top.selection = try #require(state.top.model.index(of: .change(removed)))
        state.top.ensureSelectionVisible(state.viewportHeight)
        _ = update(&state, .key(.enter))
        #expect(state.top.id == .changes)
        #expect(state.message?.text.contains("Finns inte") == true)
    }

    @Test func withNothingEarlierTheChangeScreensSaySo() throws {
        for key in ["d", "p"] {
            let state = try archive.state("j<Enter>\(key)")
            #expect(state.archive.comparison?.previous == nil)
            #expect(screen(state).contains("Det finns ingen tidigare rapport"), "\(key)")
        }
    }

    @Test func forecastAgainstOutcomeShowsEachRowAndTheTablesAccuracy() throws {
        let state = try archive.state("jl<Enter>p")
        #expect(state.top.id == .forecast)
        let outcomes = try #require(state.archive.comparison?.forecastOutcomes)
        let rows = outcomes.filter { $0.kind == .forecastOutcome }
        #expect(!rows.isEmpty)
        #expect(state.top.model.selectableCount == rows.count)
        let text = screen(state)
        #expect(text.contains("Prognos") && text.contains("Utfall") && text.contains("Miss %"))
        // The planted miss of Personal: 3 100 tkr on a forecast of 236 650.
        #expect(text.contains("236 650") && text.contains("239 750") && text.contains("+3 100"))
        #expect(text.contains("Prognossäkerhet"))
    }

    @Test func forecastBetweenTwoInterimReportsExplainsWhyThereIsNone() throws {
        let state = try archive.state("jll<Enter>p")
        #expect(state.archive.comparison?.isForecastPair == false)
        #expect(screen(state).contains("Prognos mot utfall visas för en verksamhetsberättelse"))
    }

    // MARK: - History and the kommun-wide view

    @Test func anIndicatorsHistoryShowsEveryReportsValuesAndMarksRevisions() throws {
        let state = try archive.state("jl<Enter>9jjjjjH")
        #expect(state.top.id == .indicatorHistory)
        let history = try #require(state.archive.history)
        #expect(history.name == "Sjukfrånvaro")
        #expect(Set(history.points.map(\.reportID)).count == 3)
        let revised = history.points.filter(\.revised)
        #expect(revised.contains { $0.year == 2020 && $0.printed == "9,8 %" })
        #expect(screen(state).contains("reviderat"))
    }

    @Test func historyNeedsAnIndicatorAndAnArchive() throws {
        let state = try archive.state("jl<Enter>H")
        #expect(state.top.id == .overview)
        #expect(state.message?.text.contains("indikator") == true)
        var file = try BrowserFixture.state("9")
        for key in ["H", "d", "p", "K", "a"] {
            let effects = update(&file, .key(.char(Character(key))))
            #expect(effects.isEmpty, "\(key) asks nothing when browsing a file")
            #expect(file.message?.text.contains("arkiv") == true, "\(key)")
        }
    }

    @Test func theKommunWideViewListsEveryBoardOfThePeriodAndEachMalomrade() throws {
        var state = try archive.state("K")
        #expect(state.top.id == .periodOverview)
        let overview = try #require(state.archive.period)
        #expect(overview.boards.count == 4)
        let text = screen(state)
        #expect(text.hasPrefix(" Malkoll · Arkiv"))
        #expect(text.contains("4 nämnder"))
        #expect(text.contains("Alla nämnder"))
        #expect(text.contains("Målområden"))
        #expect(text.contains("avvikelse -15 997"))
        // Enter on a board opens its report; Esc without a report goes back to the home.
        var back = state
        _ = dispatch(&back, .key(.escape), answer: archive.answer)
        #expect(back.mode == .archiveHome)
        _ = dispatch(&state, .key(.char("j")), answer: archive.answer)
        _ = dispatch(&state, .key(.enter), answer: archive.answer)
        #expect(state.hasReport)
        #expect(state.data.report.metadata.board == overview.boards[1].board.board)
    }
}
