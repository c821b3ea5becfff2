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
        return ArchiveAxes(boards: boards, periods: periods, reportCount: count)
    }

    func answer(_ request: ArchiveRequest) -> ArchiveAnswer {
        do {
            switch request {
            case .home:
                return .home(try axes())
            case .homeCells(let first, let boards):
                return .homeCells(first: first, count: boards.count, cells: try store.statusCells(boards: boards))
            case .openReport(let id):
                let report = try ArchivedReport.load(id: id, from: store)
                return .report(LoadedReport(id: id, data: BrowserData(analysis: ReportAnalysis(report: report))))
            case .comparison(let id, let forecast):
                return .comparison(try comparison(id), forecast: forecast)
            case .history(let municipality, let board, let name, let unit):
                let points = try store.indicatorHistory(municipality: municipality, board: board, name: name, unit: unit)
                return .history(IndicatorHistory(name: name, unit: unit, points: points))
            case .period(let period):
                let (cells, areas) = try store.periodOverview(periodEnd: period.periodEnd, kind: period.kind)
                return .period(PeriodOverview(period: period, boards: cells, areas: areas))
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
}
