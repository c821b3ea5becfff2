/// The report's Sammanfattning: texts, the Preliminär bedömning table and the countable claims.
public struct ReportSummary: Codable, Sendable, Equatable {
    public var sections: [TextSection]
    public var preliminaryAssessment: [PreliminaryAssessment]
    /// The summary's own statements of counts, kept as data so that they can be checked.
    public var statements: [SummaryStatement]

    public init(sections: [TextSection], preliminaryAssessment: [PreliminaryAssessment], statements: [SummaryStatement]) {
        self.sections = sections
        self.preliminaryAssessment = preliminaryAssessment
        self.statements = statements
    }
}

/// One row of the Preliminär bedömning table, e.g. "Ekonomi" – "Uppnås".
public struct PreliminaryAssessment: Codable, Sendable, Equatable {
    public var area: String
    public var assessment: String

    public init(area: String, assessment: String) {
        self.area = area
        self.assessment = assessment
    }
}

/// What a count statement counts.
public enum StatementSubject: String, Codable, Sendable, CaseIterable {
    /// Indicators reported with a result, by status.
    case indicators
    /// Uppdrag, by status.
    case assignments
    /// Nämndmål linked to the goal area.
    case boardGoals
    /// Systematiska kontroller, by status.
    case systematicControls
    /// Riskreducerande åtgärder and åtgärder from revision together, by status.
    case internalControlActions
    /// Riskreducerande åtgärder, by status.
    case riskReductions
    /// Åtgärder from revision or other external review, by status.
    case auditActions
}

/// A sentence of the report that states counts, e.g. "resultat på sex indikatorer där fyra
/// uppnår etappmålet och två inte gör det".
public struct SummaryStatement: Codable, Sendable, Equatable {
    /// The sentence as printed.
    public var quote: String
    /// Where it is printed, e.g. "Sammanfattning › Ekonomisk hållbarhet".
    public var location: String
    public var subject: StatementSubject
    /// The goal area's `id`, or `nil` for the whole board.
    public var goalArea: String?
    public var counts: StatedCounts

    public init(quote: String, location: String, subject: StatementSubject, goalArea: String? = nil, counts: StatedCounts) {
        self.quote = quote
        self.location = location
        self.subject = subject
        self.goalArea = goalArea
        self.counts = counts
    }
}

/// The numbers a statement gives; absent ones are not stated.
public struct StatedCounts: Codable, Sendable, Equatable {
    public var total: Int?
    /// Indicators: uppnår etappmålet.
    public var met: Int?
    /// Indicators: närmar sig.
    public var approaching: Int?
    /// Indicators: uppnår inte etappmålet.
    public var notMet: Int?
    /// Uppdrag and controls: "Blir klart i år".
    public var completed: Int?
    /// Uppdrag and controls: "Troligen klart i år".
    public var likelyCompleted: Int?
    /// Uppdrag and controls: "Ej klart i år".
    public var notCompleted: Int?
    /// Uppdrag and controls: "Blir klart" and "Troligen klart" together.
    public var completedOrLikely: Int?

    public init(
        total: Int? = nil, met: Int? = nil, approaching: Int? = nil, notMet: Int? = nil, completed: Int? = nil,
        likelyCompleted: Int? = nil, notCompleted: Int? = nil, completedOrLikely: Int? = nil
    ) {
        self.total = total
        self.met = met
        self.approaching = approaching
        self.notMet = notMet
        self.completed = completed
        self.likelyCompleted = likelyCompleted
        self.notCompleted = notCompleted
        self.completedOrLikely = completedOrLikely
    }
}
