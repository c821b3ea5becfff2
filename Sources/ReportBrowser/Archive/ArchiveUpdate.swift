import ReportCore

extension AppState {
    /// The archive home, before any report is open (`malkoll` with several archived reports).
    public init(home axes: ArchiveAxes, width: Int, height: Int, options: BrowserOptions = BrowserOptions()) {
        self.init(data: BrowserData.blank, width: width, height: height, options: options)
        hasReport = false
        archive.available = true
        archive.home = HomeState(axes: axes)
        mode = .archiveHome
    }

    /// A report opened from the archive (its only report, opened directly): the home, the change
    /// screens and the history are one key away.
    public init(data: BrowserData, archivedID: Int64, width: Int, height: Int, options: BrowserOptions = BrowserOptions()) {
        self.init(data: data, width: width, height: height, options: options)
        archive.available = true
        archive.reportID = archivedID
    }

    /// Whether the archive home is shown (for tests and the entry point).
    public var showsArchiveHome: Bool { mode.showsHome }

    /// The open report's archive id.
    public var archivedReportID: Int64? { archive.reportID }

    // MARK: - Commands

    /// Handles the archive's commands, and every command on the home; nil leaves the command to
    /// `perform`.
    mutating func performArchive(_ command: Command) -> [Effect]? {
        if mode == .archiveHome { return performInHome(command) }
        guard mode == .browse else { return nil }
        if !hasReport {
            // Only the kommun-wide view can be open without a report: it returns to the home.
            switch command {
            case .back, .close, .archiveHome:
                mode = .archiveHome
                stack = [ViewState(id: section.root)]
                return []
            case .section, .nextSection, .previousSection, .search, .changes, .forecast, .history, .kommun, .zoom, .statusBasis:
                message = Message(text: "Ingen rapport är öppen – Enter öppnar nämndens rapport, a visar arkivet", role: .muted)
                return []
            default:
                return nil
            }
        }
        switch command {
        case .archiveHome:
            guard archive.available else { return noArchive() }
            if archive.home != nil {
                mode = .archiveHome
                return []
            }
            return [.archive(.home)]
        case .changes, .forecast:
            guard archive.available, let id = archive.reportID else { return noArchive() }
            let forecast = command == .forecast
            if let comparison = archive.comparison, comparison.reportID == id {
                showComparison(forecast: forecast)
                return []
            }
            return [.archive(.comparison(reportID: id, forecast: forecast))]
        case .history:
            guard archive.available, archive.reportID != nil else { return noArchive() }
            guard let index = selectedIndicator, let item = data.indicator(index) else {
                message = Message(text: "Markera en indikator först – H visar dess historik", role: .muted)
                return []
            }
            let meta = data.report.metadata
            return [.archive(.history(municipality: meta.municipality, board: meta.board, name: item.indicator.name, unit: item.indicator.unit))]
        case .kommun:
            guard archive.available, archive.reportID != nil else { return noArchive() }
            let meta = data.report.metadata
            return [.archive(.period(HomePeriod(periodEnd: meta.periodEnd, kind: meta.kind.rawValue, period: meta.period)))]
        default:
            return nil
        }
    }

    private mutating func noArchive() -> [Effect] {
        message = Message(text: "Rapporten är inte öppnad ur arkivet (malkoll browse FIL rör inget arkiv)", role: .muted)
        return []
    }

    /// Whether the view shown is an indicator or lists indicators (`H` acts there).
    var showsIndicator: Bool {
        if case .indicator = top.id { return true }
        return top.model.containsSelectable { if case .indicator? = $0.key { true } else { false } }
    }

    /// The indicator the view is on: an indicator's own view, or the selected row of a list.
    var selectedIndicator: Int? {
        if case .indicator(let index) = top.id { return index }
        if let line = top.selectedLine, case .indicator(let index)? = top.model.line(line).key { return index }
        return nil
    }

    private mutating func performInHome(_ command: Command) -> [Effect]? {
        guard var home = archive.home else { return nil }
        let rows = home.axes.boards.count
        let viewport = HomeScreen.bodyRows(self)
        switch command {
        case .down: home.row += 1
        case .up: home.row -= 1
        case .pageDown: home.row += max(1, viewport - 1)
        case .pageUp: home.row -= max(1, viewport - 1)
        case .halfDown: home.row += max(1, viewport / 2)
        case .halfUp: home.row -= max(1, viewport / 2)
        case .top: home.row = 0
        case .bottom: home.row = rows - 1
        case .previousColumn: home.column -= 1
        case .nextColumn: home.column += 1
        case .drill, .kommun, .back, .close, .archiveHome, .help, .quit, .redraw: break
        default: return [] // nothing else acts on the home
        }
        switch command {
        case .drill:
            guard let cell = home.cell(row: home.row, column: home.column) else {
                message = Message(text: "Nämnden har ingen rapport för den perioden", role: .muted)
                return []
            }
            return [.archive(.openReport(id: cell.reportID))]
        case .kommun:
            guard home.axes.periods.indices.contains(home.column) else { return [] }
            return [.archive(.period(home.axes.periods[home.column]))]
        case .back, .close, .archiveHome:
            if hasReport {
                mode = .browse
            } else if command == .close {
                hasQuit = true
                return [.quit]
            } else {
                message = Message(text: "Välj en rapport med Enter – q avslutar", role: .muted)
            }
            return []
        case .help, .quit, .redraw:
            return nil
        default:
            break // a movement
        }
        home.moved = true
        home.row = min(max(0, home.row), max(0, rows - 1))
        home.column = min(max(0, home.column), max(0, home.axes.periods.count - 1))
        if home.row < home.scroll { home.scroll = home.row }
        if home.row >= home.scroll + viewport { home.scroll = home.row - viewport + 1 }
        home.scroll = min(max(0, home.scroll), max(0, rows - viewport))
        archive.home = home
        return []
    }

    /// The home's cells for the boards on screen that have not been asked for yet.
    mutating func homeLoads() -> [Effect] {
        guard mode.showsHome, var home = archive.home, !home.axes.boards.isEmpty else { return [] }
        let count = home.axes.boards.count
        let viewport = HomeScreen.bodyRows(self)
        home.scroll = min(max(0, home.scroll), max(0, count - viewport))
        let end = min(count, home.scroll + viewport)
        guard let first = (home.scroll..<max(home.scroll, end)).first(where: { !home.requested.contains($0) }) else { return [] }
        var rows: [Int] = []
        var row = first
        while row < min(count, end), rows.count < HomeState.chunk, !home.requested.contains(row) {
            rows.append(row)
            row += 1
        }
        home.requested.formUnion(rows)
        archive.home = home
        return [.archive(.homeCells(first: first, boards: rows.map { home.axes.boards[$0] }))]
    }

    // MARK: - Answers

    mutating func receive(_ answer: ArchiveAnswer) {
        message = nil
        switch answer {
        case .home(let axes):
            var home = HomeState(axes: axes)
            let meta = data.report.metadata
            if let row = axes.boards.firstIndex(of: HomeBoard(municipality: meta.municipality, board: meta.board)) { home.row = row }
            if let column = axes.periods.firstIndex(where: { $0.periodEnd == meta.periodEnd && $0.kind == meta.kind.rawValue }) {
                home.column = column
            }
            let viewport = HomeScreen.bodyRows(self)
            home.scroll = max(0, home.row - viewport / 3)
            home.moved = true
            archive.home = home
            mode = .archiveHome
        case .homeCells(let first, let count, let cells):
            guard var home = archive.home else { return }
            var rowOf: [HomeBoard: Int] = [:]
            for row in first..<min(home.axes.boards.count, first + count) {
                rowOf[home.axes.boards[row]] = row
                if home.cells[row] == nil { home.cells[row] = [:] }
            }
            var columnOf: [HomePeriod: Int] = [:]
            for (index, period) in home.axes.periods.enumerated() { columnOf[HomePeriod(periodEnd: period.periodEnd, kind: period.kind, period: "")] = index }
            for cell in cells {
                guard let row = rowOf[cell.board],
                      let column = columnOf[HomePeriod(periodEnd: cell.period.periodEnd, kind: cell.period.kind, period: "")] else { continue }
                home.cells[row, default: [:]][column] = cell
            }
            // Until the user moves, the cursor is on the first board's latest report.
            if !home.moved, home.cell(row: home.row, column: home.column) == nil, let latest = home.cells[home.row]?.keys.max() {
                home.column = latest
            }
            archive.home = home
        case .report(let loaded):
            open(loaded)
        case .comparison(let comparison, let forecast):
            archive.comparison = comparison
            archive.revision += 1
            showComparison(forecast: forecast)
        case .history(let history):
            archive.history = history
            archive.revision += 1
            open(Jump(view: .indicatorHistory))
        case .period(let overview):
            archive.period = overview
            archive.revision += 1
            mode = .browse
            open(Jump(view: .periodOverview))
        case .failed(let text):
            message = Message(text: text, role: .warning)
        }
    }

    private mutating func open(_ loaded: LoadedReport) {
        data = loaded.data
        hasReport = true
        archive.reportID = loaded.id
        archive.comparison = nil
        archive.history = nil
        archive.revision += 1
        search = SearchState()
        section = .overview
        for section in Section.allCases { stacks[section] = [ViewState(id: section.root)] }
        mode = .browse
        refreshTop()
    }

    private mutating func showComparison(forecast: Bool) {
        mode = .browse
        let view: ViewID = forecast ? .forecast : .changes
        if top.id == view { return }
        open(Jump(view: view))
    }

    /// Enter on a change: the item in the open report, when it is there.
    mutating func openChange(_ index: Int) {
        guard let comparison = archive.comparison, comparison.changes.indices.contains(index) else { return }
        if let jump = ChangeJump.jump(for: comparison.changes[index], data: data) {
            open(jump)
        } else {
            message = Message(text: "Finns inte i den här rapporten (borttaget eller bara i den förra)", role: .muted)
        }
    }
}
