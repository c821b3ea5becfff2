/// A board's follow-up report (delårsrapport or verksamhetsberättelse), as printed.
///
/// Every number in a table is kept as the text that was printed (`"-8 025"`, `"-91,7"`), so that
/// the data can be compared with the source letter for letter and the audit knows each figure's
/// printed precision. Parsed values are derived, never stored.
public struct Report: Codable, Sendable, Equatable {
    /// Version of the data format; this build reads version 1.
    public var formatVersion: Int
    public var metadata: ReportMetadata
    /// How computed statuses are derived; `nil` means the documented default rule.
    public var statusRule: StatusRuleConfig?
    public var summary: ReportSummary
    public var goalAreas: [GoalArea]
    public var economy: Economy
    public var investments: Investments
    /// Händelser av väsentlig betydelse, lokaler, personal, effektivitetsanalys, plan för
    /// uppföljning och insyn, konkurrensprövning: headed texts in printed order.
    public var sections: [TextSection]
    public var internalControl: InternalControl
    /// Notes on the transcription itself: ambiguities in the source and how they were read.
    public var transcriptionNotes: [String]?

    public init(
        formatVersion: Int = 1, metadata: ReportMetadata, statusRule: StatusRuleConfig? = nil,
        summary: ReportSummary, goalAreas: [GoalArea], economy: Economy, investments: Investments,
        sections: [TextSection], internalControl: InternalControl, transcriptionNotes: [String]? = nil
    ) {
        self.formatVersion = formatVersion
        self.metadata = metadata
        self.statusRule = statusRule
        self.summary = summary
        self.goalAreas = goalAreas
        self.economy = economy
        self.investments = investments
        self.sections = sections
        self.internalControl = internalControl
        self.transcriptionNotes = transcriptionNotes
    }
}

extension Report {
    /// Every financial table, in printed order: operations, net cost, Covid-19, the board's
    /// investments, samhällsbyggnadsprojekt.
    public var financialTables: [FinancialTable] {
        [economy.operations, economy.netCost, economy.covid, investments.board, investments.urbanDevelopment]
    }
}

/// Who reports, on what and for which period.
public struct ReportMetadata: Codable, Sendable, Equatable {
    public var municipality: String
    public var board: String
    public var kind: ReportKind
    /// The period as a reader would say it, e.g. "januari–augusti 2021".
    public var period: String
    /// ISO date of the period's first day.
    public var periodStart: String
    /// ISO date of the period's last day.
    public var periodEnd: String
    /// The year whose indicator values are assessed by default.
    public var reportingYear: Int
    public var units: ReportUnits
    /// Where the data was taken from (a document name, a file).
    public var source: String?

    public init(
        municipality: String, board: String, kind: ReportKind, period: String, periodStart: String,
        periodEnd: String, reportingYear: Int, units: ReportUnits, source: String? = nil
    ) {
        self.municipality = municipality
        self.board = board
        self.kind = kind
        self.period = period
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.reportingYear = reportingYear
        self.units = units
        self.source = source
    }
}

/// The kind of follow-up report.
public enum ReportKind: String, Codable, Sendable, CaseIterable {
    /// A report on part of the year (per augusti, say).
    case interimReport = "delårsrapport"
    /// A report on the first third of the year, per april, where the municipality calls it so.
    case tertialReport = "tertialrapport"
    /// The full-year report (verksamhetsberättelse, årsredovisning).
    case annualReport = "verksamhetsberättelse"

    /// A report on part of the year, whose full-year columns are forecasts.
    public var isPartOfYear: Bool { self != .annualReport }

    /// The Swedish name, as shown to users.
    public var swedishName: String { rawValue }

    /// The Swedish name in short, for a column heading: "delår", "tertial", "helår".
    public var shortSwedishName: String {
        switch self {
        case .interimReport: "delår"
        case .tertialReport: "tertial"
        case .annualReport: "helår"
        }
    }
}

/// The money units used by the report's tables.
public struct ReportUnits: Codable, Sendable, Equatable {
    /// Unit of the operations, net-cost and Covid-19 tables, e.g. "tkr".
    public var operations: String
    /// Unit of the board's investment table, e.g. "tkr".
    public var investments: String
    /// Unit of the urban-development (samhällsbyggnad) table, e.g. "mnkr".
    public var urbanDevelopment: String

    public init(operations: String, investments: String, urbanDevelopment: String) {
        self.operations = operations
        self.investments = investments
        self.urbanDevelopment = urbanDevelopment
    }
}

/// A heading with its paragraphs and sub-headings, as printed.
public struct TextSection: Codable, Sendable, Equatable {
    /// A stable identifier for navigation, e.g. "handelser".
    public var id: String?
    public var heading: String
    public var paragraphs: [String]
    public var subsections: [TextSection]?
    /// What the transcription had to say about this part (e.g. an empty table in the source).
    public var note: String?

    public init(id: String? = nil, heading: String, paragraphs: [String], subsections: [TextSection]? = nil, note: String? = nil) {
        self.id = id
        self.heading = heading
        self.paragraphs = paragraphs
        self.subsections = subsections
        self.note = note
    }
}
