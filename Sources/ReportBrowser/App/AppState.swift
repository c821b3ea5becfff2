import ReportCore

/// The browser's sections, reachable with the digit keys and Tab.
public enum Section: Int, CaseIterable, Sendable, Hashable {
    case overview = 1, goals, assignments, economy, investments, internalControl, texts, audit, indicators

    /// The Swedish name shown in the breadcrumb, tabs and help.
    var title: String {
        switch self {
        case .overview: "Översikt"
        case .goals: "Mål"
        case .assignments: "Uppdrag"
        case .economy: "Ekonomi"
        case .investments: "Investeringar"
        case .internalControl: "Internkontroll"
        case .texts: "Texter"
        case .audit: "Granskning"
        case .indicators: "Indikatorer"
        }
    }

    /// The view a section opens with.
    var root: ViewID {
        switch self {
        case .overview: .overview
        case .goals: .goalTree
        case .assignments: .assignments
        case .economy: .economy
        case .investments: .investments
        case .internalControl: .internalControl
        case .texts: .texts
        case .audit: .audit
        case .indicators: .indicatorList
        }
    }
}

/// A screen the navigation stack can hold.
enum ViewID: Sendable, Hashable {
    case overview
    case goalTree
    case goal(GoalRef)
    case indicator(Int)
    case indicatorList
    case assignments
    case assignment(Int)
    case economy
    case investments
    case tableRow(TableRef, Int)
    case internalControl
    /// Items of one process (`nil`: every process), filtered by the view's status filter.
    case controlItems(process: Int?)
    case controlItem(Int)
    case texts
    case text(Int)
    case audit
}

/// One level of the navigation stack: the view, its selection, scroll, filter and collapsed
/// groups, and its content laid out for the current width.
struct ViewState: Sendable, Equatable {
    var id: ViewID
    /// Index into `model.selectable`.
    var selection = 0
    /// First body line shown.
    var scroll = 0
    /// 0: no filter; n: the view's n-th filter option.
    var filter = 0
    /// Ids of collapsed groups.
    var collapsed: Set<String> = []
    /// Paragraph to mark (a jump from the audit to a statement).
    var markedAnchor: Int?
    var model = ViewModel()
    /// What `model` was built for; a change rebuilds it.
    var modelKey: ModelKey?

    init(id: ViewID) {
        self.id = id
    }
}

/// The inputs a view model depends on.
struct ModelKey: Sendable, Hashable {
    var width: Int
    var ascii: Bool
    var color: Bool
    var filter: Int
    var collapsed: Set<String>
}

/// A short message on the status line until the next key.
struct Message: Sendable, Equatable {
    var text: String
    var role: StyleRole = .normal
}

/// Options the entry point chooses.
public struct BrowserOptions: Sendable {
    public var theme: Theme
    public var ascii: Bool
    public var mouse: Bool

    public init(theme: Theme = .dark, ascii: Bool = false, mouse: Bool = false) {
        self.theme = theme
        self.ascii = ascii
        self.mouse = mouse
    }
}

/// The whole state of the browser. `update` is the only place it changes; `render` draws it.
public struct AppState: Sendable {
    let data: BrowserData
    public internal(set) var width: Int
    public internal(set) var height: Int
    var section: Section = .overview
    /// One navigation stack per section, so switching sections keeps where you were in each.
    var stacks: [Section: [ViewState]] = [:]
    var search = SearchState()
    public internal(set) var theme: Theme
    var ascii: Bool
    var mouse: Bool
    var zoom = false
    var helpVisible = false
    var helpScroll = 0
    var message: Message?
    /// Set when a quitting key was handled.
    public internal(set) var hasQuit = false

    /// The initial state: the overview of the report at the given size.
    public init(data: BrowserData, width: Int, height: Int, options: BrowserOptions = BrowserOptions()) {
        self.data = data
        self.width = max(0, width)
        self.height = max(0, height)
        self.theme = options.theme
        self.ascii = options.ascii
        self.mouse = options.mouse
        for section in Section.allCases { stacks[section] = [ViewState(id: section.root)] }
        refreshTop()
    }

    var glyphs: Glyphs { Glyphs(ascii: ascii) }

    /// The current section's stack (never empty).
    var stack: [ViewState] {
        get { stacks[section] ?? [ViewState(id: section.root)] }
        set { stacks[section] = newValue.isEmpty ? [ViewState(id: section.root)] : newValue }
    }

    /// The view on top of the current stack.
    var top: ViewState {
        get { stack.last ?? ViewState(id: section.root) }
        set {
            var views = stack
            if views.isEmpty { views = [newValue] } else { views[views.count - 1] = newValue }
            stack = views
        }
    }

    // MARK: - Layout shared by update and render

    /// The smallest size the browser draws in; below it a short message is shown.
    static let minimumWidth = 20
    static let minimumHeight = 6

    var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The body's rows: below the header and breadcrumb, above the status line and hint bar.
    var bodyRect: Rect { Rect(x: 0, y: 2, width: width, height: height - 4) }

    /// Rows available to the scrolling part of the top view.
    var viewportHeight: Int { max(1, bodyRect.height - top.model.header.count) }

    /// Rebuilds the top view's model when its inputs changed (other views wait until shown).
    mutating func refreshTop() {
        var view = top
        refresh(&view)
        top = view
    }

    func modelKey(for view: ViewState) -> ModelKey {
        ModelKey(width: max(1, width), ascii: ascii, color: theme.usesColor, filter: view.filter, collapsed: view.collapsed)
    }

    /// Builds `view`'s model when its inputs changed, keeping the selection in range.
    func refresh(_ view: inout ViewState) {
        let key = modelKey(for: view)
        guard view.modelKey != key else { return }
        let context = BuildContext(data: data, width: key.width, glyphs: Glyphs(ascii: ascii), color: theme.usesColor,
                                   filter: view.filter, collapsed: view.collapsed, markedAnchor: view.markedAnchor)
        let cacheKey = ModelCache.Key(id: view.id, model: key, markedAnchor: view.markedAnchor)
        view.model = data.modelCache.model(for: cacheKey) { ScreenFactory.build(view.id, context) }
        view.modelKey = key
        view.selection = min(max(0, view.selection), max(0, view.model.selectableCount - 1))
    }
}

/// What a screen needs to lay out its content.
struct BuildContext: Sendable {
    let data: BrowserData
    /// Columns available to the body.
    let width: Int
    let glyphs: Glyphs
    /// False in the monochrome theme: bars use distinct fill glyphs instead of colours.
    let color: Bool
    let filter: Int
    let collapsed: Set<String>
    var markedAnchor: Int? = nil
}
