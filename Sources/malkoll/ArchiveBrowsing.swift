import Foundation
import ReportArchive
import ReportBrowser
import ReportCore

/// Answers the browser's archive requests from the store, before the next frame: the view layer
/// asks for plain values (`ArchiveRequest`) and never sees the database.
final class ArchiveAnswerer {
    let store: ArchiveStore

    init(store: ArchiveStore) {
        self.store = store
    }

    /// The home's boards and periods.
    func axes() throws(ArchiveError) -> ArchiveAxes {
        let (boards, periods) = try store.homeAxes()
        let count = try store.countAndSingle().count
        return ArchiveAxes(boards: boards.map(Self.board), periods: periods.map(Self.period), reportCount: count)
    }

    func answer(_ request: ArchiveRequest) -> ArchiveAnswer {
        do {
            switch request {
            case .home:
                return .home(try axes())
            case .homeCells(let first, let boards):
                let cells = try store.statusCells(boards: boards.map { ArchiveBoard(municipality: $0.municipality, board: $0.board) })
                return .homeCells(first: first, count: boards.count, cells: cells.map(Self.cell))
            case .openReport(let id):
                let report = try ArchivedReport.load(id: id, from: store)
                return .report(LoadedReport(id: id, data: BrowserData(analysis: ReportAnalysis(report: report))))
            case .comparison(let id, let forecast):
                return .comparison(try comparison(id), forecast: forecast)
            case .history(let municipality, let board, let name, let unit):
                let points = try store.indicatorHistory(municipality: municipality, board: board, name: name, unit: unit)
                return .history(IndicatorHistory(name: name, unit: unit, points: points.map {
                    HistoryPoint(reportID: $0.reportID, period: HomePeriod(periodEnd: $0.periodEnd, kind: $0.kind, period: $0.period),
                                 name: $0.name, year: $0.year, printed: $0.printed, revised: $0.revised)
                }))
            case .period(let period):
                let (cells, areas) = try store.periodOverview(periodEnd: period.periodEnd, kind: period.kind)
                return .period(PeriodOverview(period: period, boards: cells.map(Self.cell),
                                              areas: areas.map { AreaStatuses(area: $0.area, counts: Self.counts($0.statuses)) }))
            }
        } catch let error as ArchiveError {
            return .failed(error.description)
        } catch let error as CommandFailure {
            return .failed(error.description)
        } catch {
            return .failed("\(store.path): \(error)")
        }
    }

    /// The report against the previous report of its board.
    func comparison(_ id: Int64) throws -> ReportComparison {
        guard let previous = try store.previous(of: id) else {
            return ReportComparison(reportID: id, previous: nil, changes: [], forecastOutcomes: [], isForecastPair: false)
        }
        let from = try ArchivedReport.load(id: previous.id, from: store)
        let to = try ArchivedReport.load(id: id, from: store)
        let diff = ReportDiff(from: from, to: to)
        return ReportComparison(reportID: id, previous: ArchivedReportName(id: previous.id, title: "\(previous.kind) \(previous.period)"),
                          changes: diff.changes, forecastOutcomes: diff.forecastOutcomes,
                          isForecastPair: ReportDiff.isForecastPair(from: from.metadata, to: to.metadata))
    }

    static func board(_ board: ArchiveBoard) -> HomeBoard { HomeBoard(municipality: board.municipality, board: board.board) }

    static func period(_ period: ArchivePeriod) -> HomePeriod {
        HomePeriod(periodEnd: period.periodEnd, kind: period.kind, period: period.period)
    }

    static func counts(_ statuses: [String: Int]) -> StatusCounts {
        var counts = StatusCounts()
        for (raw, count) in statuses {
            if let status = IndicatorStatus(rawValue: raw) { counts[status] += count }
        }
        return counts
    }

    static func cell(_ cell: ArchiveStatusCell) -> HomeCell {
        HomeCell(reportID: cell.reportID, board: board(cell.board),
                 period: HomePeriod(periodEnd: cell.periodEnd, kind: cell.kind, period: cell.period),
                 counts: counts(cell.statuses), deviation: cell.deviation)
    }
}
