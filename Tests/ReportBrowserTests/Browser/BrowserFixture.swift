import BundledReport
import Foundation
import ReportCore
@testable import ReportBrowser

/// The bundled report, loaded once for all browser tests.
enum BrowserFixture {
    static let data: BrowserData = {
        guard let url = BundledReport.reportURL, let report = try? ReportLoader.load(contentsOf: url) else {
            // Tests then fail on their expectations; an empty report keeps them from crashing.
            return BrowserData(analysis: ReportAnalysis(report: emptyReport))
        }
        return BrowserData(analysis: ReportAnalysis(report: report))
    }()

    /// A valid report with nothing in it.
    static let emptyReport = Report(
        metadata: ReportMetadata(municipality: "Tomma kommun", board: "Nämnden", kind: .annualReport, period: "2030",
                                 periodStart: "2030-01-01", periodEnd: "2030-12-31", reportingYear: 2030,
                                 units: ReportUnits(operations: "tkr", investments: "tkr", urbanDevelopment: "mnkr")),
        summary: ReportSummary(sections: [], preliminaryAssessment: [], statements: []),
        goalAreas: [],
        economy: Economy(operations: emptyTable("drift"), netCost: emptyTable("netto"), covid: emptyTable("covid"), absentTables: [], commentary: []),
        investments: Investments(board: emptyTable("inv"), urbanDevelopment: emptyTable("sb"), commentary: []),
        sections: [],
        internalControl: InternalControl(introduction: TextSection(heading: "", paragraphs: []), riskReductions: [], auditActions: [], systematicControls: []))

    static func emptyTable(_ id: String) -> FinancialTable {
        FinancialTable(id: id, title: id, rowHeader: "Rad", unit: "tkr", columns: [], rows: [])
    }

    /// A state after sending a key script (Vim notation) at the given size.
    static func state(_ script: String, width: Int = 80, height: Int = 24, theme: Theme = .dark, ascii: Bool = false,
                      data: BrowserData = BrowserFixture.data) throws -> AppState {
        var state = AppState(data: data, width: width, height: height, options: BrowserOptions(theme: theme, ascii: ascii))
        for key in try KeyScript.parse(script) {
            _ = update(&state, .key(key))
        }
        return state
    }
}

/// The parts of the state a test compares, in one value.
struct StateSummary: Equatable, CustomStringConvertible {
    var section: Section
    var views: [ViewID]
    var selections: [Int]
    var scrolls: [Int]
    var filter: Int
    var searchTerm: String
    var searchCurrent: Int?
    var searchHits: Int
    var mode: Mode
    var quit: Bool
    var size: String

    init(_ state: AppState) {
        section = state.section
        views = state.stack.map(\.id)
        selections = state.stack.map(\.selection)
        scrolls = state.stack.map(\.scroll)
        filter = state.top.filter
        searchTerm = state.search.term
        searchCurrent = state.search.current
        searchHits = state.search.hits.count
        mode = state.mode
        quit = state.hasQuit
        size = "\(state.width)x\(state.height)"
    }

    init(section: Section, views: [ViewID], selections: [Int], scrolls: [Int], filter: Int = 0, searchTerm: String = "",
         searchCurrent: Int? = nil, searchHits: Int = 0, mode: Mode = .browse, quit: Bool = false, size: String = "80x24") {
        self.section = section
        self.views = views
        self.selections = selections
        self.scrolls = scrolls
        self.filter = filter
        self.searchTerm = searchTerm
        self.searchCurrent = searchCurrent
        self.searchHits = searchHits
        self.mode = mode
        self.quit = quit
        self.size = size
    }

    var description: String {
        "\(section) \(views) sel=\(selections) scroll=\(scrolls) filter=\(filter) search=\(searchTerm):\(String(describing: searchCurrent))/\(searchHits) mode=\(mode) quit=\(quit) \(size)"
    }
}

/// The screens every rendering test covers, each reached by a key script.
enum ScreenScripts {
    static let all: [(name: String, keys: String)] = [
        ("oversikt", ""),
        ("mal", "2"),
        ("mal-kf", "2j<Enter>"),
        ("mal-namndmal", "2jj<Enter>"),
        ("indikator", "2jj<Enter>j<Enter>"),
        ("indikatorer", "9"),
        ("indikatorer-filter", "9ff"),
        ("uppdrag", "3"),
        ("uppdrag-filter", "3f"),
        ("uppdrag-ett", "3<Enter>"),
        ("ekonomi", "4"),
        ("ekonomi-rad", "4<C-d><C-d>"),
        ("investeringar", "5"),
        ("investeringar-hopfalld", "5<Enter>"),
        ("tabellrad", "8<Enter><Enter>"),
        ("internkontroll", "6"),
        ("internkontroll-celler", "6<Enter>"),
        ("internkontroll-atgard", "6<Enter><Enter>"),
        ("texter", "7"),
        ("text", "7<Enter>"),
        ("granskning", "8"),
        ("granskning-uttalande", "8j<Enter>"),
        ("hjalp", "?"),
        ("zoom", "z"),
        ("zoom-hjalp", "z?"),
        ("sok-prompt", "/sjukfr"),
        ("sok-traff", "/sjukfrånvaro<Enter>n"),
    ]
}
