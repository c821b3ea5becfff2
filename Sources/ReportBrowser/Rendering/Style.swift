// MARK: - Semantic style roles

/// What a cell *means*, not how it looks; a `Theme` maps roles to colours and attributes.
///
/// Screens only ever pick roles. Every status role must also be paired with a symbol or letter
/// in the text itself, so nothing depends on colour alone.
public enum StyleRole: UInt8, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// Ordinary text on the default background.
    case normal
    /// The top header line (program name, report title).
    case header
    /// A heading inside the body (section or panel title).
    case title
    /// The "where am I" path at the top.
    case breadcrumb
    /// Background of the bottom hint bar.
    case hintBar
    /// A key name inside the hint bar (e.g. `q`, `Enter`).
    case hintKey
    /// The selected row or cell in the focused panel.
    case selection
    /// A selection in a panel that does not have focus.
    case inactiveSelection
    /// Secondary, de-emphasised text (units, sources, footnotes).
    case muted
    /// Text that should stand out without carrying a status (numbers of interest, labels).
    case emphasis
    /// Box and separator lines.
    case border
    /// Column headings of a table.
    case tableHeader
    /// Status: target met (*uppnås*).
    case statusMet
    /// Status: approaching the target (*närmar sig*).
    case statusApproaching
    /// Status: target not met (*uppnås ej*).
    case statusNotMet
    /// Status: not assessed / no value (*ej bedömd*).
    case notAssessed
    /// A deviation in the good direction (e.g. budget surplus).
    case deviationGood
    /// A deviation in the bad direction (e.g. budget deficit).
    case deviationBad
    /// A search hit inside text.
    case searchMatch
    /// A warning message.
    case warning
    /// An error message.
    case error
    /// Trend sparklines.
    case sparkline
    /// Stacked status bar segment: met.
    case barMet
    /// Stacked status bar segment: approaching.
    case barApproaching
    /// Stacked status bar segment: not met.
    case barNotMet
    /// Stacked status bar segment: not assessed.
    case barNotAssessed

    /// The case name, as used in style-run snapshots (`statusNotMet`).
    public var description: String {
        switch self {
        case .normal: "normal"
        case .header: "header"
        case .title: "title"
        case .breadcrumb: "breadcrumb"
        case .hintBar: "hintBar"
        case .hintKey: "hintKey"
        case .selection: "selection"
        case .inactiveSelection: "inactiveSelection"
        case .muted: "muted"
        case .emphasis: "emphasis"
        case .border: "border"
        case .tableHeader: "tableHeader"
        case .statusMet: "statusMet"
        case .statusApproaching: "statusApproaching"
        case .statusNotMet: "statusNotMet"
        case .notAssessed: "notAssessed"
        case .deviationGood: "deviationGood"
        case .deviationBad: "deviationBad"
        case .searchMatch: "searchMatch"
        case .warning: "warning"
        case .error: "error"
        case .sparkline: "sparkline"
        case .barMet: "barMet"
        case .barApproaching: "barApproaching"
        case .barNotMet: "barNotMet"
        case .barNotAssessed: "barNotAssessed"
        }
    }
}

// MARK: - Attributes

/// Text attributes that can be added on top of a role (and that themes use themselves).
public struct TextAttributes: OptionSet, Sendable, Hashable {
    /// The raw bit set.
    public let rawValue: UInt8
    /// Creates attributes from a raw bit set.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold / bright.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Underlined.
    public static let underline = TextAttributes(rawValue: 1 << 1)
    /// Foreground and background swapped.
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    /// Dim / half-bright.
    public static let dim = TextAttributes(rawValue: 1 << 3)

    /// Names in a fixed order, for snapshots (`bold+reverse`).
    var names: [String] {
        var result: [String] = []
        if contains(.bold) { result.append("bold") }
        if contains(.underline) { result.append("underline") }
        if contains(.reverse) { result.append("reverse") }
        if contains(.dim) { result.append("dim") }
        return result
    }
}

// MARK: - Style

/// The style of one cell: a semantic role plus optional extra attributes.
///
/// Two bytes, so cells stay cheap. Write `Style(.header)` or `Style(.selection, .bold)`.
public struct Style: Sendable, Hashable, CustomStringConvertible {
    /// The semantic role.
    public var role: StyleRole
    /// Attributes added on top of whatever the theme gives the role.
    public var attributes: TextAttributes

    /// Creates a style from a role and optional extra attributes.
    public init(_ role: StyleRole, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    /// Plain text: role `.normal`, no attributes.
    public static let normal = Style(.normal)

    /// This style with extra attributes added.
    public func adding(_ extra: TextAttributes) -> Style {
        Style(role, attributes.union(extra))
    }

    /// `statusNotMet`, or `selection+bold` when attributes are present.
    public var description: String {
        ([role.description] + attributes.names).joined(separator: "+")
    }
}
