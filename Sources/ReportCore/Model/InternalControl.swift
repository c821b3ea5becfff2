/// Intern kontroll: the plan's text and the three kinds of followed-up items.
public struct InternalControl: Codable, Sendable, Equatable {
    /// "Plan för intern kontroll" and its paragraphs.
    public var introduction: TextSection
    public var riskReductions: [RiskReduction]
    public var auditActions: [AuditAction]
    public var systematicControls: [SystematicControl]

    public init(introduction: TextSection, riskReductions: [RiskReduction], auditActions: [AuditAction], systematicControls: [SystematicControl]) {
        self.introduction = introduction
        self.riskReductions = riskReductions
        self.auditActions = auditActions
        self.systematicControls = systematicControls
    }
}

/// A riskreducerande åtgärd: process, risk, åtgärd, status, comment.
public struct RiskReduction: Codable, Sendable, Equatable {
    public var process: String
    public var risk: String
    public var action: String
    /// As printed, e.g. "Ej klart i år".
    public var status: String
    public var comment: [String]
    public var note: String?

    public init(process: String, risk: String, action: String, status: String, comment: [String], note: String? = nil) {
        self.process = process
        self.risk = risk
        self.action = action
        self.status = status
        self.comment = comment
        self.note = note
    }
}

/// An åtgärd from revision or other external review.
public struct AuditAction: Codable, Sendable, Equatable {
    /// The review, e.g. "Granskning av intern kontroll".
    public var review: String
    /// Diarienummer, e.g. "KS-2020/716.912".
    public var registrationNumber: String
    public var background: String
    public var action: String
    public var status: String
    public var comment: [String]
    public var note: String?

    public init(review: String, registrationNumber: String, background: String, action: String, status: String, comment: [String], note: String? = nil) {
        self.review = review
        self.registrationNumber = registrationNumber
        self.background = background
        self.action = action
        self.status = status
        self.comment = comment
        self.note = note
    }
}

/// A systematisk kontroll: process, kontroll, why it is done, status, comment.
public struct SystematicControl: Codable, Sendable, Equatable {
    public var process: String
    public var control: String
    /// "Varför görs kontrollen?"
    public var rationale: String
    public var status: String
    public var comment: [String]
    /// How the process was read where the flattened text is ambiguous.
    public var note: String?

    public init(process: String, control: String, rationale: String, status: String, comment: [String], note: String? = nil) {
        self.process = process
        self.control = control
        self.rationale = rationale
        self.status = status
        self.comment = comment
        self.note = note
    }
}
