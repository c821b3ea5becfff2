/// How "närmar sig" is decided when a value misses its target.
public enum ApproachingRule: String, Codable, Sendable, CaseIterable {
    /// Not reached, but better than the previous year's value.
    case trend
    /// Not reached, but within `tolerancePercent` of the target.
    case tolerance
}

/// The data's configuration of the status rule; every field is optional and has a default.
public struct StatusRuleConfig: Codable, Sendable, Equatable {
    /// The year assessed; default the report's `reportingYear`.
    public var assessedYear: Int?
    /// Default `.trend`.
    public var approaching: ApproachingRule?
    /// Tolerance band for `.tolerance`, in percent of the target; default 10.
    public var tolerancePercent: Double?
    /// Whether the latest earlier value may stand in when the assessed year has none; default false.
    public var allowEarlierValue: Bool?
    /// Whether the målvärde is used when no etappmål is printed; default false.
    public var useLongTermTargetWhenNoMilestone: Bool?

    public init(
        assessedYear: Int? = nil, approaching: ApproachingRule? = nil, tolerancePercent: Double? = nil,
        allowEarlierValue: Bool? = nil, useLongTermTargetWhenNoMilestone: Bool? = nil
    ) {
        self.assessedYear = assessedYear
        self.approaching = approaching
        self.tolerancePercent = tolerancePercent
        self.allowEarlierValue = allowEarlierValue
        self.useLongTermTargetWhenNoMilestone = useLongTermTargetWhenNoMilestone
    }
}
