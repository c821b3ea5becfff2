import ReportCore

/// The only place the state changes: reacts to an action and returns work for the entry point.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let width, let height):
        state.resize(width: width, height: height)
        return state.homeLoads()
    case .key(let key):
        return state.handle(key) + state.homeLoads()
    case .archive(let answer):
        state.receive(answer)
        return state.homeLoads()
    }
}

extension AppState {
    mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        refreshTop()
        var view = top
        view.settle(viewportHeight)
        view.laidOutHeight = height
        top = view
        if case .help(let base, let scroll) = mode { mode = .help(over: base, scroll: min(scroll, HelpOverlay.maxScroll(self))) }
    }

    mutating func handle(_ key: Key) -> [Effect] {
        if case .resize(let w, let h) = key {
            resize(width: w, height: h)
            return []
        }
        message = nil
        if case .mouse(let event) = key {
            if mode == .browse { handleMouse(event) }
            return []
        }
        guard let command = KeyBindings.command(for: key, in: mode.keys) else {
            if case .searchInput(let input) = mode, case .char(let character) = key {
                mode = .searchInput(input + String(character))
                searchWhileTyping()
            } else if mode == .browse || mode == .archiveHome, case .char = key {
                message = Message(text: "Okänd tangent \(key) – ? visar hjälpen", role: .muted)
            }
            return []
        }
        return perform(command, key: key)
    }

    // MARK: - Commands

    mutating func perform(_ command: Command, key: Key) -> [Effect] {
        if let effects = performArchive(command) { return effects }
        switch command {
        case .quit:
            hasQuit = true
            return [.quit]
        case .redraw:
            return [.forceRepaint]
        case .help:
            switch mode {
            case .browse: mode = .help(over: .browse, scroll: 0)
            case .zoom: mode = .help(over: .zoom, scroll: 0)
            case .archiveHome: mode = .help(over: .archiveHome, scroll: 0)
            case .help(let base, _): mode = base.mode
            case .searchInput: break
            }
        case .zoom:
            switch mode {
            case .browse: mode = .zoom
            case .zoom: mode = .browse
            case .help, .searchInput, .archiveHome: break
            }
        case .close:
            switch mode {
            case .help(let base, _): mode = base.mode
            case .zoom: mode = .browse
            case .archiveHome: break // performArchive
            case .browse, .searchInput:
                if stack.count > 1 {
                    pop()
                } else {
                    hasQuit = true
                    return [.quit]
                }
            }
        case .back:
            switch mode {
            case .help(let base, _): mode = base.mode
            case .zoom, .archiveHome: mode = .browse
            case .browse, .searchInput: back()
            }
        case .down, .up, .pageDown, .pageUp, .halfDown, .halfUp, .top, .bottom:
            if case .help(let base, let scroll) = mode {
                mode = .help(over: base, scroll: scrolledHelp(scroll, command))
            } else {
                move(command)
            }
        case .statusBasis:
            statusBasis = statusBasis.toggled
            refreshTop()
            var view = top
            view.settle(viewportHeight)
            top = view
            message = Message(text: "Visar \(statusBasis.title.lowercased()) – r byter", role: .normal)
        case .drill:
            return drill()
        case .section:
            if let target = KeyBindings.section(for: key) { switchSection(to: target) }
        case .nextSection:
            let all = Section.allCases
            switchSection(to: all[((all.firstIndex(of: section) ?? 0) + 1) % all.count])
        case .previousSection:
            let all = Section.allCases
            switchSection(to: all[((all.firstIndex(of: section) ?? 0) + all.count - 1) % all.count])
        case .search:
            search.typingStart = SearchStart(section: section, stack: stack, term: search.term, hits: search.hits, current: search.current,
                                             originSection: search.originSection, origin: search.origin)
            mode = .searchInput("")
        case .cancelSearch:
            cancelSearch()
        case .deleteSearchCharacter:
            if case .searchInput(var input) = mode, !input.isEmpty {
                input.removeLast()
                mode = .searchInput(input)
                searchWhileTyping()
            } else {
                cancelSearch()
            }
        case .confirmSearch:
            confirmSearch()
        case .archiveHome, .changes, .forecast, .history, .kommun, .previousColumn, .nextColumn:
            break // performArchive
        case .nextHit:
            stepHit(1)
        case .previousHit:
            stepHit(-1)
        case .cycleFilter:
            cycleFilter(clear: false)
        case .clearFilter:
            cycleFilter(clear: true)
        }
        return []
    }

    private mutating func move(_ command: Command) {
        var view = top
        let viewport = viewportHeight
        switch command {
        case .down: view.moveDown(viewport)
        case .up: view.moveUp(viewport)
        case .pageDown: view.page(max(1, viewport - 1), viewport)
        case .pageUp: view.page(-max(1, viewport - 1), viewport)
        case .halfDown: view.page(max(1, viewport / 2), viewport)
        case .halfUp: view.page(-max(1, viewport / 2), viewport)
        case .top: view.toTop(viewport)
        case .bottom: view.toBottom(viewport)
        default: break
        }
        top = view
    }

    /// The help's scroll position after a movement key.
    private func scrolledHelp(_ scroll: Int, _ command: Command) -> Int {
        let lineCount = HelpOverlay.lines(self).count
        let page = max(1, HelpOverlay.viewport(self, lineCount: lineCount) - 1)
        var scroll = scroll
        switch command {
        case .down: scroll += 1
        case .up: scroll -= 1
        case .pageDown: scroll += page
        case .pageUp: scroll -= page
        case .halfDown: scroll += max(1, page / 2)
        case .halfUp: scroll -= max(1, page / 2)
        case .top: scroll = 0
        case .bottom: scroll = Int.max / 2
        default: break
        }
        return min(max(0, scroll), HelpOverlay.maxScroll(self, lineCount: lineCount))
    }

    // MARK: - Navigation

    private mutating func pop() {
        var views = stack
        views.removeLast()
        stack = views
        refreshTop()
        var view = top
        if view.laidOutHeight != height { view.settle(viewportHeight) } else { view.clampScroll(viewportHeight) }
        view.laidOutHeight = height
        top = view
    }

    private mutating func back() {
        if stack.count > 1 {
            pop()
        } else if section != .overview {
            switchSection(to: .overview)
        } else {
            message = Message(text: "Du är högst upp – q avslutar", role: .muted)
        }
    }

    mutating func switchSection(to target: Section) {
        section = target
        refreshTop()
        var view = top
        if view.laidOutHeight != height { view.settle(viewportHeight) } else { view.clampScroll(viewportHeight) }
        view.laidOutHeight = height
        top = view
    }

    /// A view for `jump`, laid out for the current size, with its selection or anchor shown.
    func makeView(_ jump: Jump) -> ViewState {
        var view = ViewState(id: jump.view)
        view.filter = jump.filter
        view.markedAnchor = jump.markAnchor ? jump.anchor : nil
        refresh(&view)
        view.laidOutHeight = height
        let viewport = max(1, bodyRect.height - view.model.header.count)
        if let focus = jump.focus, let index = view.model.index(of: focus) {
            view.selection = index
            view.settle(viewport)
        } else if let anchor = jump.anchor {
            view.show(anchor: anchor, viewport)
        }
        return view
    }

    mutating func open(_ jump: Jump) {
        stack = stack + [makeView(jump)]
    }

    private mutating func drill() -> [Effect] {
        let viewport = viewportHeight
        var view = top
        guard let line = view.visibleSelectedLine(viewport), let action = view.model.line(line).action else {
            message = Message(text: "Inget att öppna här", role: .muted)
            return []
        }
        switch action {
        case .open(let jump):
            open(jump)
        case .toggle(let group):
            let key = view.model.line(line).key
            if view.collapsed.contains(group) { view.collapsed.remove(group) } else { view.collapsed.insert(group) }
            refresh(&view)
            if let key, let index = view.model.index(of: key) { view.selection = index }
            view.clampScroll(viewport)
            view.ensureSelectionVisible(viewport)
            top = view
        case .finding(let index):
            if let jump = FindingJump.jump(for: index, data: data) {
                open(jump)
            } else {
                message = Message(text: "Fyndet pekar inte på något som kan visas", role: .warning)
            }
        case .change(let index):
            openChange(index)
        case .archive(let request):
            return [.archive(request)]
        }
        return []
    }

    private mutating func handleMouse(_ event: MouseEvent) {
        guard mouse, !isTooSmall, mode == .browse else { return }
        var view = top
        let viewport = viewportHeight
        switch event.kind {
        case .wheelDown:
            view.wheel(Self.wheelLines, viewport)
        case .wheelUp:
            view.wheel(-Self.wheelLines, viewport)
        case .press(1), .doubleClick(1):
            let firstRow = bodyRect.y + view.model.header.count
            let line = view.scroll + event.y - firstRow
            guard event.y >= firstRow, event.y < bodyRect.maxY,
                  let index = view.model.selectableIndex(atLine: line) else { return }
            view.selection = index
            top = view
            if event.kind == .doubleClick(button: 1) { drill() }
            return
        default:
            return
        }
        top = view
    }

    /// Lines one notch of the mouse wheel scrolls.
    static let wheelLines = 3

    // MARK: - Search

    /// Incremental search: after each typed or erased character the hits are found again and the
    /// first is shown; with no hit (or no term) the place the search started from is shown.
    private mutating func searchWhileTyping() {
        guard let start = search.typingStart else { return }
        let term = (mode.searchInput ?? "").trimmingSpaces
        let hits = term.isEmpty ? [] : data.searchIndex.search(term)
        search.term = term
        search.hits = hits
        search.current = nil
        search.originSection = start.section
        search.origin = start.stack
        guard !hits.isEmpty else {
            section = start.section
            stack = start.stack
            if !term.isEmpty { message = Message(text: "Ingen träff för ”\(term)”", role: .warning) }
            return
        }
        showHit(0)
    }

    /// Enter: stay at the hit shown (the search was made while typing).
    private mutating func confirmSearch() {
        let term = (mode.searchInput ?? "").trimmingSpaces
        guard !term.isEmpty else {
            cancelSearch()
            return
        }
        mode = .browse
        search.typingStart = nil
        if let current = search.current {
            message = hitMessage(current)
        } else {
            message = Message(text: "Ingen träff för ”\(term)”", role: .warning)
        }
    }

    /// Esc: back to where the search started, with the search made before it.
    private mutating func cancelSearch() {
        mode = .browse
        guard let start = search.typingStart else { return }
        section = start.section
        stack = start.stack
        search = SearchState(term: start.term, hits: start.hits, current: start.current, originSection: start.originSection, origin: start.origin)
    }

    private mutating func stepHit(_ step: Int) {
        guard !search.hits.isEmpty else {
            message = Message(text: "Ingen sökning – tryck / för att söka", role: .muted)
            return
        }
        let count = search.hits.count
        let next = ((search.current ?? -step) + step + count) % count
        let wrapped = search.current.map { step > 0 ? next <= $0 : next >= $0 } ?? false
        showHit(next)
        if wrapped, count > 0, let shown = message?.text {
            message = Message(text: shown + (step > 0 ? " – sökningen började om från början" : " – sökningen började om från slutet"), role: .normal)
        }
    }

    private mutating func showHit(_ index: Int) {
        guard search.hits.indices.contains(index) else { return }
        search.current = index
        if let origin = search.originSection { section = origin }
        let base = search.origin.isEmpty ? [ViewState(id: section.root)] : search.origin
        stack = base + [makeView(search.hits[index].jump)]
        message = hitMessage(index)
    }

    private func hitMessage(_ index: Int) -> Message {
        Message(text: "träff \(index + 1) av \(search.hits.count): \(search.hits[index].label)", role: .normal)
    }

    // MARK: - Filter

    private mutating func cycleFilter(clear: Bool) {
        var view = top
        let options = FilterOptions.labels(for: view.id, data: data)
        guard !options.isEmpty else {
            message = Message(text: "Vyn har inget statusfilter", role: .muted)
            return
        }
        // Keep the selected line when the filter still shows it, else the nearest one shown.
        let oldKeys = (0..<view.model.selectableCount).map { view.model.line(view.model.selectableLine($0)).key }
        let oldSelection = view.selection
        let current = view.selectedLine.flatMap { view.model.line($0).key }
        let origin = view.filterPlaced != nil && view.filterPlaced == current ? view.filterOrigin : current
        view.filter = clear ? 0 : (view.filter + 1) % (options.count + 1)
        refresh(&view)
        view.selection = origin.flatMap { view.model.index(of: $0) }
            ?? Self.nearestSurvivor(of: oldSelection, among: oldKeys, in: view.model) ?? 0
        view.settle(viewportHeight)
        view.filterOrigin = origin
        view.filterPlaced = view.selectedLine.flatMap { view.model.line($0).key }
        top = view
        message = Message(text: view.filter == 0 ? "Filtret borttaget: alla visas" : "Visar bara ”\(options[view.filter - 1])” – f byter, F tar bort", role: .normal)
    }
}

extension AppState {
    /// The selectable index in `model` of the line keyed like `oldKeys[selection]`, or of the
    /// nearest line before or after it (nearest first, the later one on a tie) that `model` has.
    static func nearestSurvivor(of selection: Int, among oldKeys: [LineKey?], in model: ViewModel) -> Int? {
        guard !oldKeys.isEmpty else { return nil }
        let start = min(max(0, selection), oldKeys.count - 1)
        for distance in 0..<oldKeys.count {
            for candidate in [start + distance, start - distance] where oldKeys.indices.contains(candidate) {
                if let key = oldKeys[candidate], let index = model.index(of: key) { return index }
            }
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
