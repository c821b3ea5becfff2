// Plain values of the archive's overview that both the store (ReportArchive, which fills them from
// its queries) and the browser's archive screens (ReportBrowser, which shows them) use, so that
// neither converts the other's copy.

/// A board of the archive: one row of the archive home.
public struct HomeBoard: Sendable, Hashable {
    public var municipality: String
    public var board: String

    public init(municipality: String, board: String) {
        self.municipality = municipality
        self.board = board
    }
}

/// A period of the archive: one column of the archive home (the reports of one kind ending on one
/// day).
public struct HomePeriod: Sendable, Hashable {
    public var periodEnd: String
    /// `ReportKind` raw value ("delårsrapport", "verksamhetsberättelse").
    public var kind: String
    /// As a report prints it ("januari–augusti 2021").
    public var period: String

    public init(periodEnd: String, kind: String, period: String) {
        self.periodEnd = periodEnd
        self.kind = kind
        self.period = period
    }
}

/// One archived report with its indicators counted by status (a cell of the home, a row of the
/// kommun-wide view).
public struct HomeCell: Sendable, Equatable {
    public var reportID: Int64
    public var board: HomeBoard
    public var period: HomePeriod
    public var counts: StatusCounts
    /// The operations table's full-year deviation of the result row, as printed (nil when absent
    /// or not read).
    public var deviation: String?

    public init(reportID: Int64, board: HomeBoard, period: HomePeriod, counts: StatusCounts, deviation: String?) {
        self.reportID = reportID
        self.board = board
        self.period = period
        self.counts = counts
        self.deviation = deviation
    }
}

/// Indicator statuses of one målområde summed over every board of one period.
public struct AreaStatuses: Sendable, Equatable {
    public var area: String
    public var counts: StatusCounts

    public init(area: String, counts: StatusCounts) {
        self.area = area
        self.counts = counts
    }
}

/// One printed value of an indicator in one archived report.
public struct HistoryPoint: Sendable, Equatable {
    public var reportID: Int64
    public var period: HomePeriod
    public var name: String
    public var year: Int
    public var printed: String
    /// An earlier report of the board printed another value for this year.
    public var revised: Bool

    public init(reportID: Int64, period: HomePeriod, name: String, year: Int, printed: String, revised: Bool) {
        self.reportID = reportID
        self.period = period
        self.name = name
        self.year = year
        self.printed = printed
        self.revised = revised
    }
}
