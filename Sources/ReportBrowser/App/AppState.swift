import ReportCore

/// The whole state of the browser. `update` is the only place it changes; `render` draws it.
public struct AppState: Sendable {
    /// The open report (a blank placeholder while the archive home opened without one: then
    /// `hasReport` is false and the home stays until a report is chosen).
    var data: BrowserData
    var hasReport = true
    /// The archive: the open report's id, the home and the values its screens show.
    var archive = ArchiveSession()
    public internal(set) var width: Int
    public internal(set) var height: Int
    var section: Section = .overview
    /// One navigation stack per section, so switching sections keeps where you were in each.
    var stacks: [Section: [ViewState]] = [:]
    var search = SearchState()
    public internal(set) var theme: Theme
    var ascii: Bool
    var mouse: Bool
    /// What the keys act on: the screens, zoom, the help over one of them, or the search prompt.
    var mode: Mode = .browse
    var message: Message?
    /// Whose indicator statuses the screens show (`r` switches).
    var statusBasis: StatusBasis = .computed
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
        for section in Section.allCases {
            var root = ViewState(id: section.root)
            root.laidOutHeight = self.height
            stacks[section] = [root]
        }
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

    /// Whether the screen shown has indicator statuses (its header then names their basis).
    var showsIndicatorStatuses: Bool {
        if mode.showsZoom { return true }
        switch top.id {
        case .overview, .goalTree, .goal, .indicatorList, .indicator: return true
        default: return false
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
        ModelKey(width: max(1, width), ascii: ascii, color: theme.usesColor, filter: view.filter, collapsed: view.collapsed,
                 archiveRevision: archive.revision, basis: statusBasis)
    }

    /// Builds `view`'s model when its inputs changed, keeping the selection in range.
    func refresh(_ view: inout ViewState) {
        let key = modelKey(for: view)
        guard view.modelKey != key else { return }
        let context = BuildContext(data: data, width: key.width, glyphs: Glyphs(ascii: ascii), color: theme.usesColor,
                                   filter: view.filter, collapsed: view.collapsed, markedAnchor: view.markedAnchor, archive: archive,
                                   basis: statusBasis)
        view.model = ScreenFactory.build(view.id, context)
        view.modelKey = key
        view.selection = min(max(0, view.selection), max(0, view.model.selectableCount - 1))
    }
}
