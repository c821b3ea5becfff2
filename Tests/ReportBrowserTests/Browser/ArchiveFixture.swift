import Foundation
import ReportCore
import ReportSamples
@testable import ReportBrowser

/// An archive as plain values for the browser's tests: the bundled report and the generated series
/// (every generated report labelled "genererad testdata"), with the archive's requests answered
/// from the reports themselves, as `ArchiveStore` answers them from SQLite. The view layer sees
/// only `ArchiveRequest` and `ArchiveAnswer`, so this is all it needs.
struct ArchiveFixture {
    struct Entry {
        var id: Int64
        var analysis: ReportAnalysis
        var meta: ReportMetadata { analysis.report.metadata }
        var board: HomeBoard { HomeBoard(municipality: meta.municipality, board: meta.board) }
        var period: HomePeriod { HomePeriod(periodEnd: meta.periodEnd, kind: meta.kind.rawValue, period: meta.period) }
    }

    /// Reports by id (1: the bundled one, then the series in its order).
    let entries: [Entry]

    init(reports: [Report]) {
        entries = reports.enumerated().map { Entry(id: Int64($0.offset + 1), analysis: ReportAnalysis(report: $0.element)) }
    }

    /// The bundled report and the generated series.
    static let full: ArchiveFixture = {
        let base = BrowserFixture.data.report
        return ArchiveFixture(reports: [base] + GeneratedSeries.series(from: base))
    }()

    /// The bundled report alone.
    static let single = ArchiveFixture(reports: [BrowserFixture.data.report])

    func entry(_ id: Int64) -> Entry? { entries.first { $0.id == id } }

    func id(board: String, periodEnd: String) -> Int64? {
        entries.first { $0.meta.board == board && $0.meta.periodEnd == periodEnd }?.id
    }

    /// In the store's order: municipality, board, periodEnd.
    var ordered: [Entry] {
        entries.sorted { ($0.meta.municipality, $0.meta.board, $0.meta.periodEnd, $0.meta.kind.rawValue, $0.id)
            < ($1.meta.municipality, $1.meta.board, $1.meta.periodEnd, $1.meta.kind.rawValue, $1.id) }
    }

    var axes: ArchiveAxes {
        var boards: [HomeBoard] = []
        for entry in ordered where !boards.contains(entry.board) { boards.append(entry.board) }
        var periods: [HomePeriod] = []
        for entry in entries.sorted(by: { ($0.meta.periodEnd, $0.meta.kind.rawValue) < ($1.meta.periodEnd, $1.meta.kind.rawValue) })
        where !periods.contains(where: { $0.periodEnd == entry.meta.periodEnd && $0.kind == entry.meta.kind.rawValue }) {
            periods.append(entry.period)
        }
        return ArchiveAxes(boards: boards, periods: periods, reportCount: entries.count)
    }

    func cell(_ entry: Entry) -> HomeCell {
        let table = entry.analysis.report.economy.operations
        let column = table.columns.firstIndex { $0.role == .deviation && $0.scope == "fullYear" }
        let row = table.rows.last { $0.kind == .result }
        let deviation = column.flatMap { c in row.flatMap { $0.cells.indices.contains(c) ? $0.cells[c] : nil } }
        return HomeCell(reportID: entry.id, board: entry.board, period: entry.period, counts: entry.analysis.indicatorCounts(), deviation: deviation)
    }

    func answer(_ request: ArchiveRequest) -> ArchiveAnswer {
        switch request {
        case .home:
            return .home(axes)
        case .homeCells(let first, let boards):
            return .homeCells(first: first, count: boards.count, cells: ordered.filter { boards.contains($0.board) }.map(cell))
        case .openReport(let id):
            guard let entry = entry(id) else { return .failed("ingen rapport \(id)") }
            return .report(LoadedReport(id: id, data: BrowserData(analysis: entry.analysis)))
        case .comparison(let id, let forecast):
            guard let current = entry(id) else { return .failed("ingen rapport \(id)") }
            let previous = ordered.last { $0.board == current.board && $0.meta.periodEnd < current.meta.periodEnd }
            guard let previous else {
                return .comparison(ReportComparison(reportID: id, previous: nil, changes: [], forecastOutcomes: [], isForecastPair: false), forecast: forecast)
            }
            let diff = ReportDiff(from: previous.analysis, to: current.analysis)
            return .comparison(ReportComparison(
                reportID: id, previous: ArchivedReportName(id: previous.id, title: "\(previous.meta.kind.rawValue) \(previous.meta.period)"),
                changes: diff.changes, forecastOutcomes: diff.forecastOutcomes,
                isForecastPair: ReportDiff.isForecastPair(from: previous.meta, to: current.meta)), forecast: forecast)
        case .history(let municipality, let board, let name, let unit):
            let key = ItemMatching.normalizedName(name, unit: unit)
            var points: [HistoryPoint] = []
            var printedBefore: [Int: String] = [:]
            for entry in ordered where entry.meta.municipality == municipality && entry.meta.board == board {
                for item in entry.analysis.indicators where ItemMatching.normalizedName(item.indicator.name, unit: item.indicator.unit) == key {
                    for (year, printed) in zip(item.years, item.indicator.values) where !printed.isEmpty {
                        let revised = printedBefore[year].map { $0 != printed } ?? false
                        printedBefore[year] = printed
                        points.append(HistoryPoint(reportID: entry.id, period: entry.period, name: item.indicator.name, year: year,
                                                   printed: printed, revised: revised))
                    }
                }
            }
            return .history(IndicatorHistory(name: name, unit: unit, points: points))
        case .period(let period):
            let matching = ordered.filter { $0.meta.periodEnd == period.periodEnd && $0.meta.kind.rawValue == period.kind }
            var order: [String] = []
            var areas: [String: StatusCounts] = [:]
            for entry in matching {
                for item in entry.analysis.indicators {
                    if areas[item.areaTitle] == nil { order.append(item.areaTitle) }
                    areas[item.areaTitle, default: StatusCounts()][item.evaluation.status] += 1
                }
            }
            return .period(PeriodOverview(period: period, boards: matching.map(cell),
                                          areas: order.map { AreaStatuses(area: $0, counts: areas[$0] ?? StatusCounts()) }))
        }
    }

    /// The state after `script`, started as `malkoll` starts on this archive: the home with
    /// several reports, the only report directly with one. Requests are answered at once.
    func state(_ script: String, width: Int = 80, height: Int = 24, theme: Theme = .dark, ascii: Bool = false) throws -> AppState {
        let options = BrowserOptions(theme: theme, ascii: ascii)
        var state: AppState
        if entries.count == 1, let only = entries.first {
            state = AppState(data: BrowserData(analysis: only.analysis), archivedID: only.id, width: width, height: height, options: options)
        } else {
            state = AppState(home: axes, width: width, height: height, options: options)
        }
        _ = dispatch(&state, .resized(width: width, height: height), answer: answer)
        for key in try KeyScript.parse(script) {
            _ = dispatch(&state, .key(key), answer: answer)
        }
        return state
    }
}
