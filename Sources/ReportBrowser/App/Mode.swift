/// What the keys act on. Exactly one at a time, so impossible combinations (help and a search
/// prompt, help under zoom with zoom's keys dead) cannot be represented.
enum Mode: Sendable, Equatable {
    /// The screens: moving, opening, searching, filtering.
    case browse
    /// The projector overview (`z`).
    case zoom
    /// The key help (`?`) over the screen it was opened from, scrolled by `scroll` lines.
    case help(over: Base, scroll: Int)
    /// Typing a search term after `/`.
    case searchInput(String)
    /// The archive home: boards down, periods across (`a`).
    case archiveHome

    /// The modes help can be opened over (and returns to).
    enum Base: Sendable, Equatable {
        case browse, zoom, archiveHome

        var mode: Mode {
            switch self {
            case .browse: .browse
            case .zoom: .zoom
            case .archiveHome: .archiveHome
            }
        }
    }

    /// The key table's column for this mode.
    var keys: InputMode {
        switch self {
        case .browse: .browse
        case .zoom: .zoom
        case .help: .help
        case .searchInput: .searchPrompt
        case .archiveHome: .archiveHome
        }
    }

    /// Whether the zoom screen is drawn (also under the help).
    var showsZoom: Bool {
        switch self {
        case .zoom, .help(over: .zoom, _): true
        default: false
        }
    }

    /// Whether the archive home is drawn (also under the help).
    var showsHome: Bool {
        switch self {
        case .archiveHome, .help(over: .archiveHome, _): true
        default: false
        }
    }

    /// The help's scroll position when the help is shown.
    var helpScroll: Int? {
        if case .help(_, let scroll) = self { return scroll }
        return nil
    }

    /// The search term being typed when the prompt is open.
    var searchInput: String? {
        if case .searchInput(let input) = self { return input }
        return nil
    }
}
