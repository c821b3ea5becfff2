import ReportCore

// Plain values the archive screens show. The entry point obtains them from the archive (the view
// layer never sees the database) in answer to an `ArchiveRequest`, and feeds them back as an
// `ArchiveAnswer`. The board, period, cell, målområde and history-point values the store returns as they are
// live in ReportCore (`ArchiveOverview.swift`).

extension HomePeriod {
    /// The kind in short ("delår", "tertial", "helår"); an unknown kind as stored.
    var kindShort: String { ReportKind(rawValue: kind)?.shortSwedishName ?? kind }
}

/// The archive's shape for the home: its boards and periods (the cells load per screenful).
public struct ArchiveAxes: Sendable, Equatable {
    public var boards: [HomeBoard]
    public var periods: [HomePeriod]
    public var reportCount: Int

    public init(boards: [HomeBoard], periods: [HomePeriod], reportCount: Int) {
        self.boards = boards
        self.periods = periods
        self.reportCount = reportCount
    }
}

/// An archived report as the screens name it.
public struct ArchivedReportName: Sendable, Equatable {
    public var id: Int64
    public var title: String

    public init(id: Int64, title: String) {
        self.id = id
        self.title = title
    }
}

/// The open report against the previous report of its board.
public struct ReportComparison: Sendable, Equatable {
    /// The open report's archive id.
    public var reportID: Int64
    /// The previous report; nil when the archive holds nothing earlier of the board.
    public var previous: ArchivedReportName?
    public var changes: [ReportChange]
    /// Every matched row's forecast against its outcome (delår → helår of one year), and each
    /// table's accuracy; empty for other pairs.
    public var forecastOutcomes: [ReportChange]
    public var isForecastPair: Bool

    public init(reportID: Int64, previous: ArchivedReportName?, changes: [ReportChange], forecastOutcomes: [ReportChange], isForecastPair: Bool) {
        self.reportID = reportID
        self.previous = previous
        self.changes = changes
        self.forecastOutcomes = forecastOutcomes
        self.isForecastPair = isForecastPair
    }
}

/// An indicator's values across every archived report of the board.
public struct IndicatorHistory: Sendable, Equatable {
    public var name: String
    public var unit: String?
    public var points: [HistoryPoint]

    public init(name: String, unit: String?, points: [HistoryPoint]) {
        self.name = name
        self.unit = unit
        self.points = points
    }
}

/// The kommun-wide view of one period: every board's statuses and deviation, and per målområde.
public struct PeriodOverview: Sendable, Equatable {
    public var period: HomePeriod
    public var boards: [HomeCell]
    public var areas: [AreaStatuses]

    public init(period: HomePeriod, boards: [HomeCell], areas: [AreaStatuses]) {
        self.period = period
        self.boards = boards
        self.areas = areas
    }
}

/// Where the change screens lead.
enum ComparisonScreen: Sendable, Equatable {
    case changes, forecast
}

/// What `update` asks the entry point to fetch from the archive.
public enum ArchiveRequest: Sendable, Equatable {
    /// The home's boards and periods (the home opened from a report).
    case home
    /// The cells of these boards (rows `first…` of the home).
    case homeCells(first: Int, boards: [HomeBoard])
    /// Open the archived report with this id.
    case openReport(id: Int64)
    /// The previous report of this report's board, compared with it.
    case comparison(reportID: Int64, forecast: Bool)
    /// An indicator's values in every report of the board.
    case history(municipality: String, board: String, name: String, unit: String?)
    /// Every board's report of one period.
    case period(HomePeriod)
}

/// A loaded report, compared by identity (the data is immutable and shared).
public struct LoadedReport: Sendable, Equatable {
    public let id: Int64
    public let data: BrowserData

    public init(id: Int64, data: BrowserData) {
        self.id = id
        self.data = data
    }

    public static func == (lhs: LoadedReport, rhs: LoadedReport) -> Bool { lhs.id == rhs.id && lhs.data === rhs.data }
}

/// What the entry point found, fed back to `update`.
public enum ArchiveAnswer: Sendable, Equatable {
    case home(ArchiveAxes)
    case homeCells(first: Int, count: Int, cells: [HomeCell])
    case report(LoadedReport)
    case comparison(ReportComparison, forecast: Bool)
    case history(IndicatorHistory)
    case period(PeriodOverview)
    /// The request failed: one line for the status line.
    case failed(String)
}

/// The archive as the browser knows it: whether there is one, the open report's id, the home,
/// and the values the archive screens show.
struct ArchiveSession: Sendable, Equatable {
    /// False for `malkoll browse FILE` (no archive is touched).
    var available = false
    /// The open report's archive id (nil: a file, or nothing open yet).
    var reportID: Int64?
    var home: HomeState?
    var comparison: ReportComparison?
    var history: IndicatorHistory?
    var period: PeriodOverview?
    /// Counts loads, so that views showing archive values rebuild when they change.
    var revision = 0
}

/// The archive home: its axes, the cells loaded so far, and the cursor.
struct HomeState: Sendable, Equatable {
    var axes: ArchiveAxes
    /// Loaded cells by board row, each by period column.
    var cells: [Int: [Int: HomeCell]] = [:]
    /// Board rows already asked for.
    var requested: Set<Int> = []
    var row = 0
    var column: Int
    /// First board row shown.
    var scroll = 0
    /// Whether the user moved the cursor (until then it follows the first board's latest report).
    var moved = false

    init(axes: ArchiveAxes) {
        self.axes = axes
        column = max(0, axes.periods.count - 1)
    }

    var reportCount: Int { cells.values.reduce(0) { $0 + $1.count } }

    func cell(row: Int, column: Int) -> HomeCell? { cells[row]?[column] }

    /// At most this many board rows are asked for at a time (only those on screen are).
    static let chunk = 40
}
