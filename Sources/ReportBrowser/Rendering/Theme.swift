/// One of the eight ANSI colours, or the terminal's own default.
public enum TerminalColor: Sendable, Hashable, CaseIterable {
    /// The terminal's default foreground or background (keeps transparent backgrounds).
    case `default`
    /// ANSI black (0).
    case black
    /// ANSI red (1).
    case red
    /// ANSI green (2).
    case green
    /// ANSI yellow (3).
    case yellow
    /// ANSI blue (4).
    case blue
    /// ANSI magenta (5).
    case magenta
    /// ANSI cyan (6).
    case cyan
    /// ANSI white (7).
    case white

    /// The ANSI colour number 0–7, or nil for `.default`.
    public var ansiIndex: Int? {
        switch self {
        case .default: nil
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        }
    }
}

/// How a style looks on a terminal: colours plus attributes.
public struct ColorSpec: Sendable, Hashable {
    /// Text colour.
    public var foreground: TerminalColor
    /// Background colour.
    public var background: TerminalColor
    /// Bold, underline, reverse, dim.
    public var attributes: TextAttributes

    /// Creates a spec; everything defaults to the terminal's plain text.
    public init(_ foreground: TerminalColor = .default, on background: TerminalColor = .default,
                _ attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Maps semantic style roles to colour specs; the one table per look.
public struct Theme: Sendable, Hashable {
    /// The name used on the command line: `dark`, `light` or `mono`.
    public let name: String
    /// False for themes that use attributes only (monochrome / NO_COLOR).
    public let usesColor: Bool
    private let specs: [ColorSpec] // indexed by StyleRole.rawValue

    /// Creates a theme from a spec for every role; roles missing from `table` look normal.
    public init(name: String, usesColor: Bool, table: [StyleRole: ColorSpec]) {
        self.name = name
        self.usesColor = usesColor
        self.specs = StyleRole.allCases.map { table[$0] ?? ColorSpec() }
    }

    /// The spec for a role.
    public func spec(for role: StyleRole) -> ColorSpec {
        specs[Int(role.rawValue)]
    }

    /// The spec for a style: the role's spec with the style's extra attributes added.
    /// In a theme without colour, every colour is dropped.
    public func spec(for style: Style) -> ColorSpec {
        var spec = specs[Int(style.role.rawValue)]
        spec.attributes.formUnion(style.attributes)
        if !usesColor {
            spec.foreground = .default
            spec.background = .default
        }
        return spec
    }

    /// The theme called `name` (`dark`, `light`, `mono`; also `monochrome`, `none`), case-insensitive.
    public static func named(_ name: String) -> Theme? {
        switch name.lowercased() {
        case "dark": .dark
        case "light": .light
        case "mono", "monochrome", "none": .mono
        default: nil
        }
    }

    /// The theme to draw with: `requested`, unless colour is unwanted (`NO_COLOR`, `--no-color`)
    /// or the terminal has fewer than 8 colours (vt100, linux-m), where a coloured theme would
    /// leave the selection unmarked and the status bars blank; then the monochrome look.
    /// `colours` nil: not known (no terminal, e.g. the headless renderer).
    public static func effective(requested: Theme, colours: Int?, noColor: Bool) -> Theme {
        guard requested.usesColor else { return requested }
        if noColor { return .mono }
        if let colours, colours < 8 { return .mono }
        return requested
    }

    /// The names `named(_:)` accepts, for help texts.
    public static let names = ["dark", "light", "mono"]

    // MARK: - Built-in themes

    /// For dark terminal backgrounds (the default).
    public static let dark = Theme(name: "dark", usesColor: true, table: [
        .header: ColorSpec(.white, on: .blue, .bold),
        .title: ColorSpec(.cyan, on: .default, .bold),
        .breadcrumb: ColorSpec(.cyan),
        .hintBar: ColorSpec(.black, on: .white),
        .hintKey: ColorSpec(.blue, on: .white, .bold),
        .selection: ColorSpec(.black, on: .cyan),
        .inactiveSelection: ColorSpec(.default, on: .default, .reverse),
        .muted: ColorSpec(.default, on: .default, .dim),
        .emphasis: ColorSpec(.default, on: .default, .bold),
        .border: ColorSpec(.blue),
        .tableHeader: ColorSpec(.default, on: .default, [.bold, .underline]),
        .statusMet: ColorSpec(.green, on: .default, .bold),
        .statusApproaching: ColorSpec(.yellow, on: .default, .bold),
        .statusNotMet: ColorSpec(.red, on: .default, .bold),
        .notAssessed: ColorSpec(.default, on: .default, .dim),
        .deviationGood: ColorSpec(.green),
        .deviationBad: ColorSpec(.red),
        .searchMatch: ColorSpec(.black, on: .yellow),
        .warning: ColorSpec(.yellow, on: .default, .bold),
        .error: ColorSpec(.white, on: .red, .bold),
        .sparkline: ColorSpec(.cyan),
        .barMet: ColorSpec(.black, on: .green),
        .barApproaching: ColorSpec(.black, on: .yellow),
        .barNotMet: ColorSpec(.white, on: .red),
        .barNotAssessed: ColorSpec(.black, on: .white),
    ])

    /// For light terminal backgrounds: no white or yellow text, which vanish on white.
    public static let light = Theme(name: "light", usesColor: true, table: [
        .header: ColorSpec(.white, on: .blue, .bold),
        .title: ColorSpec(.blue, on: .default, .bold),
        .breadcrumb: ColorSpec(.blue),
        .hintBar: ColorSpec(.white, on: .black),
        .hintKey: ColorSpec(.yellow, on: .black, .bold),
        .selection: ColorSpec(.white, on: .blue),
        .inactiveSelection: ColorSpec(.default, on: .default, .reverse),
        .muted: ColorSpec(.default, on: .default, .dim),
        .emphasis: ColorSpec(.default, on: .default, .bold),
        .border: ColorSpec(.blue),
        .tableHeader: ColorSpec(.default, on: .default, [.bold, .underline]),
        .statusMet: ColorSpec(.green, on: .default, .bold),
        .statusApproaching: ColorSpec(.black, on: .yellow),
        .statusNotMet: ColorSpec(.red, on: .default, .bold),
        .notAssessed: ColorSpec(.default, on: .default, .dim),
        .deviationGood: ColorSpec(.green, on: .default, .bold),
        .deviationBad: ColorSpec(.red, on: .default, .bold),
        .searchMatch: ColorSpec(.black, on: .yellow),
        .warning: ColorSpec(.magenta, on: .default, .bold),
        .error: ColorSpec(.white, on: .red, .bold),
        .sparkline: ColorSpec(.blue),
        .barMet: ColorSpec(.white, on: .green),
        .barApproaching: ColorSpec(.black, on: .yellow),
        .barNotMet: ColorSpec(.white, on: .red),
        .barNotAssessed: ColorSpec(.white, on: .black),
    ])

    /// Attributes only (for `NO_COLOR`, `--no-color` and projectors). Statuses still differ:
    /// met bold, approaching underline, not met reverse+bold, not assessed dim.
    public static let mono = Theme(name: "mono", usesColor: false, table: [
        .header: ColorSpec(.default, on: .default, [.reverse, .bold]),
        .title: ColorSpec(.default, on: .default, .bold),
        .breadcrumb: ColorSpec(.default, on: .default, .underline),
        .hintBar: ColorSpec(.default, on: .default, .reverse),
        .hintKey: ColorSpec(.default, on: .default, [.reverse, .bold]),
        .selection: ColorSpec(.default, on: .default, .reverse),
        .inactiveSelection: ColorSpec(.default, on: .default, .underline),
        .muted: ColorSpec(.default, on: .default, .dim),
        .emphasis: ColorSpec(.default, on: .default, .bold),
        .tableHeader: ColorSpec(.default, on: .default, [.bold, .underline]),
        .statusMet: ColorSpec(.default, on: .default, .bold),
        .statusApproaching: ColorSpec(.default, on: .default, .underline),
        .statusNotMet: ColorSpec(.default, on: .default, [.reverse, .bold]),
        .notAssessed: ColorSpec(.default, on: .default, .dim),
        .deviationGood: ColorSpec(.default, on: .default, .bold),
        .deviationBad: ColorSpec(.default, on: .default, [.bold, .underline]),
        .searchMatch: ColorSpec(.default, on: .default, [.reverse, .underline]),
        .warning: ColorSpec(.default, on: .default, .bold),
        .error: ColorSpec(.default, on: .default, [.reverse, .bold]),
        .barMet: ColorSpec(.default, on: .default, .reverse),
        .barApproaching: ColorSpec(.default, on: .default, [.reverse, .underline]),
        .barNotMet: ColorSpec(.default, on: .default, [.reverse, .bold]),
        .barNotAssessed: ColorSpec(.default, on: .default, .dim),
    ])
}
