import Foundation

/// A målområde, e.g. "God ekonomi och effektiv verksamhet - ekonomisk hållbarhet".
public struct GoalArea: Codable, Sendable, Equatable {
    /// Stable identifier, referred to by summary statements, e.g. "ekonomisk".
    public var id: String
    /// The heading as printed after "Målområde:".
    public var title: String
    public var councilGoals: [CouncilGoal]

    public init(id: String, title: String, councilGoals: [CouncilGoal]) {
        self.id = id
        self.title = title
        self.councilGoals = councilGoals
    }
}

/// A kommunfullmäktigemål (KF-mål) with the indicators printed directly under it.
public struct CouncilGoal: Codable, Sendable, Equatable {
    public var title: String
    public var indicatorTable: IndicatorTable?
    public var boardGoals: [BoardGoal]

    public init(title: String, indicatorTable: IndicatorTable? = nil, boardGoals: [BoardGoal]) {
        self.title = title
        self.indicatorTable = indicatorTable
        self.boardGoals = boardGoals
    }
}

/// A nämndmål: narrative, its own indicators and its uppdrag.
public struct BoardGoal: Codable, Sendable, Equatable {
    public var title: String
    /// The narrative text, a paragraph per element.
    public var narrative: [String]
    public var indicatorTable: IndicatorTable?
    public var assignments: [Assignment]

    public init(title: String, narrative: [String], indicatorTable: IndicatorTable? = nil, assignments: [Assignment]) {
        self.title = title
        self.narrative = narrative
        self.indicatorTable = indicatorTable
        self.assignments = assignments
    }
}

/// An indicator table: the year columns of its header, the rows, and the notes printed under it.
public struct IndicatorTable: Codable, Sendable, Equatable {
    /// The value columns, e.g. [2019, 2020, 2021].
    public var years: [Int]
    /// The year of the målvärde column, e.g. 2030.
    public var longTermTargetYear: Int
    public var indicators: [Indicator]
    /// Notes printed under the table, a paragraph per element.
    public var notes: [String]

    public init(years: [Int], longTermTargetYear: Int, indicators: [Indicator], notes: [String]) {
        self.years = years
        self.longTermTargetYear = longTermTargetYear
        self.indicators = indicators
        self.notes = notes
    }
}

/// Whether higher or lower values are better.
public enum Direction: String, Codable, Sendable, CaseIterable {
    case higherIsBetter
    case lowerIsBetter
}

/// An indicator row, every cell as printed.
public struct Indicator: Codable, Sendable, Equatable {
    /// Stable identifier, unique in the report.
    public var id: String
    /// The name without the trailing unit, e.g. "Resultat exkl exploatering".
    public var name: String
    /// The unit printed in parentheses after the name, e.g. "%", "index", "kwh/kvm".
    public var unit: String?
    /// One printed cell per year of the table: "" for a blank cell, "-" for a dash.
    public var values: [String]
    /// The etappmål cell as printed ("" when blank).
    public var milestoneTarget: String
    /// The målvärde cell as printed ("" when blank).
    public var longTermTarget: String
    /// Desired direction where the target's comparator does not tell it.
    public var direction: Direction?
    /// The report's own judgement, where its text states one.
    public var reportedStatus: ReportedStatus?
    /// A manual status with a written reason; it wins over the computed status.
    public var override: StatusOverride?
    /// A note on the transcription of this row (e.g. an ambiguous column).
    public var note: String?

    public init(
        id: String, name: String, unit: String? = nil, values: [String], milestoneTarget: String, longTermTarget: String,
        direction: Direction? = nil, reportedStatus: ReportedStatus? = nil, override: StatusOverride? = nil, note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.values = values
        self.milestoneTarget = milestoneTarget
        self.longTermTarget = longTermTarget
        self.direction = direction
        self.reportedStatus = reportedStatus
        self.override = override
        self.note = note
    }

    /// The name as printed in the table, with the unit in parentheses.
    public var printedName: String {
        guard let unit, !unit.isEmpty else { return name }
        return "\(name) (\(unit))"
    }
}

/// The status of an indicator.
public enum IndicatorStatus: String, Codable, Sendable, CaseIterable, Comparable {
    case met
    case approaching
    case notMet
    case notAssessed

    /// The Swedish term shown to users.
    public var swedishName: String {
        switch self {
        case .met: "uppnås"
        case .approaching: "närmar sig"
        case .notMet: "uppnås ej"
        case .notAssessed: "ej bedömd"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        let order: [Self] = [.met, .approaching, .notMet, .notAssessed]
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}

/// How the report's judgement was found in its text.
public enum ReportedStatusBasis: String, Codable, Sendable, CaseIterable {
    /// The text says it about this indicator.
    case stated
    /// Only the summary's counts imply it; the text names no indicator.
    case inferredFromSummary
}

/// The report's own judgement of an indicator, with the words it uses.
public struct ReportedStatus: Codable, Sendable, Equatable {
    public var status: IndicatorStatus
    public var quote: String
    public var basis: ReportedStatusBasis

    public init(status: IndicatorStatus, quote: String, basis: ReportedStatusBasis = .stated) {
        self.status = status
        self.quote = quote
        self.basis = basis
    }
}

/// A manual status decided by a person, with the reason they give.
public struct StatusOverride: Codable, Sendable, Equatable {
    public var status: IndicatorStatus
    public var reason: String

    public init(status: IndicatorStatus, reason: String) {
        self.status = status
        self.reason = reason
    }
}

/// An uppdrag given to the board.
public struct Assignment: Codable, Sendable, Equatable {
    public var title: String
    /// The status as printed, e.g. "Blir klart i år".
    public var status: String
    /// The comment, a paragraph per element.
    public var comment: [String]

    public init(title: String, status: String, comment: [String]) {
        self.title = title
        self.status = status
        self.comment = comment
    }

    /// The printed status, classified.
    public var progress: Progress { Progress(printed: status) }
}

/// The progress scale of uppdrag and internal control. Reports print their own wording; the
/// printed text is always kept and classified here:
///
/// | printed (any case) | progress |
/// |---|---|
/// | Blir klart i år, Klart, Klar, Avslutat, Avslutad, Genomfört, Genomförd, Slutfört, Slutförd | `completed` |
/// | Troligen klart i år, Pågår, Pågår enligt plan, Påbörjad, Påbörjat | `likelyCompleted` |
/// | Ej klart i år, Ej påbörjad, Ej påbörjat, Inte påbörjad, Försenad, Försenat, Avbruten, Avbrutet | `notCompleted` |
/// | anything else (or nothing) | `other`: not assessed |
public enum Progress: String, Codable, Sendable, CaseIterable {
    /// "Blir klart i år", "Klart", "Avslutat" ….
    case completed
    /// "Troligen klart i år", "Pågår" ….
    case likelyCompleted
    /// "Ej klart i år", "Ej påbörjad", "Försenad" ….
    case notCompleted
    /// Any other printed text: not assessed.
    case other

    /// The printed statuses the scale knows, lower-cased, with their progress.
    public static let printedStatuses: [String: Progress] = [
        "blir klart i år": .completed, "klart": .completed, "klar": .completed, "avslutat": .completed, "avslutad": .completed,
        "genomfört": .completed, "genomförd": .completed, "slutfört": .completed, "slutförd": .completed,
        "troligen klart i år": .likelyCompleted, "pågår": .likelyCompleted, "pågår enligt plan": .likelyCompleted,
        "påbörjad": .likelyCompleted, "påbörjat": .likelyCompleted,
        "ej klart i år": .notCompleted, "ej påbörjad": .notCompleted, "ej påbörjat": .notCompleted, "inte påbörjad": .notCompleted,
        "försenad": .notCompleted, "försenat": .notCompleted, "avbruten": .notCompleted, "avbrutet": .notCompleted,
    ]

    /// Classifies a printed status; unknown wording is `.other`, never guessed.
    public init(printed: String) {
        self = Self.printedStatuses[printed.trimmingCharacters(in: .whitespaces).lowercased()] ?? .other
    }

    /// The canonical Swedish wording.
    public var swedishName: String {
        switch self {
        case .completed: "Blir klart i år"
        case .likelyCompleted: "Troligen klart i år"
        case .notCompleted: "Ej klart i år"
        case .other: "Annan status"
        }
    }
}
