import ReportCore

/// The frame around the screens: header, breadcrumb, body, status line, hint bar.
enum Chrome {
    static func drawTooSmall(_ state: AppState, into grid: inout Grid) {
        let lines = ["Fönstret är för litet", "minst \(AppState.minimumWidth)×\(AppState.minimumHeight)"]
        let shown = Array(lines.prefix(max(1, state.height)))
        let top = max(0, (state.height - shown.count) / 2)
        for (offset, text) in shown.enumerated() {
            grid.put(text, x: 0, y: top + offset, width: state.width, alignment: .center,
                     style: Style(offset == 0 ? .warning : .muted))
        }
    }

    static func drawHeader(_ state: AppState, into grid: inout Grid) {
        grid.fill(Rect(x: 0, y: 0, width: state.width, height: 1), style: Style(.header))
        let tabs = Section.allCases.map { " \($0.rawValue) \($0.title) " }
        let tabsWidth = tabs.reduce(0) { $0 + DisplayWidth.of($1) } + 9
        if !state.hasReport {
            grid.put(" Malkoll · Arkiv", x: 0, y: 0, style: Style(.header), maxWidth: state.width) // no report open yet
        } else if tabsWidth <= state.width {
            var x = grid.put(" Malkoll ", x: 0, y: 0, style: Style(.header, .bold))
            for (section, tab) in zip(Section.allCases, tabs) {
                let style = section == state.section ? Style(.selection, .bold) : Style(.header)
                x += grid.put(tab, x: x, y: 0, style: style)
            }
        } else {
            // Cut before the status basis named at the right, not under it.
            let room = state.width - basisWidth(state)
            grid.put(titleBar(state.data.title, state.data.subtitle, width: room), x: 0, y: 0, style: Style(.header), maxWidth: room)
        }
        if state.showsIndicatorStatuses { drawBasis(state, y: 0, into: &grid) }
    }

    /// " Malkoll · title · subtitle" in `width` columns. A generated report's label (at the end
    /// of its subtitle) stays visible: the title and the rest of the subtitle share what is left,
    /// and where that is too little for both, the two are cut together before the label.
    static func titleBar(_ title: String, _ subtitle: String, width: Int) -> String {
        let title = TextSanitizer.sanitize(title), subtitle = TextSanitizer.sanitize(subtitle)
        let full = " Malkoll · \(title) · \(subtitle)"
        guard DisplayWidth.of(full) > width, let (body, label) = TextSanitizer.trailingLabel(subtitle) else { return full }
        let budget = width - DisplayWidth.of(" Malkoll ·  ·  ") - DisplayWidth.of(label)
        if budget >= 2 * TextSanitizer.minimumBody + 2 {
            let (shortTitle, shortBody) = TextSanitizer.share(title, body, width: budget)
            return " Malkoll · \(shortTitle) · \(shortBody) \(label)"
        }
        return " " + TextSanitizer.truncateKeepingLabel("\(title) · \(subtitle)", width: max(0, width - 1))
    }

    /// Names whose statuses are shown ("Beräknad status" / "Rapportens bedömning"), right-aligned.
    static func drawBasis(_ state: AppState, y: Int, into grid: inout Grid) {
        let width = basisWidth(state)
        guard width > 0 else { return }
        grid.put(" \(state.statusBasis.title) ", x: state.width - width, y: y, style: Style(.header, .bold), maxWidth: width)
    }

    /// Columns the status basis takes at the right of the header (0 where it is not shown).
    static func basisWidth(_ state: AppState) -> Int {
        let width = DisplayWidth.of(" \(state.statusBasis.title) ")
        return state.showsIndicatorStatuses && state.width >= width + 20 ? width : 0
    }

    static func drawBreadcrumb(_ state: AppState, into grid: inout Grid) {
        let separator = state.glyphs.separator
        var crumbs = [state.hasReport ? "\(state.section.rawValue) \(state.section.title)" : "Arkiv"]
        for view in state.stack.dropFirst() { crumbs.append(ScreenFactory.crumb(view.id, state.data)) }
        let available = state.width - 1
        let separators = DisplayWidth.of(separator) * (crumbs.count - 1)
        var total = crumbs.reduce(0) { $0 + DisplayWidth.of($1) } + separators
        if total > available, crumbs.count > 1 {
            let each = max(6, (available - separators) / crumbs.count)
            for index in crumbs.indices.dropLast() where DisplayWidth.of(crumbs[index]) > each {
                crumbs[index] = TextSanitizer.truncate(crumbs[index], width: each)
            }
            total = crumbs.reduce(0) { $0 + DisplayWidth.of($1) } + separators
        }
        var x = 1
        for (index, crumb) in crumbs.enumerated() {
            if index > 0 { x += grid.put(separator, x: x, y: 1, style: Style(.muted)) }
            let last = index == crumbs.count - 1
            x += grid.put(crumb, x: x, y: 1, style: last ? Style(.breadcrumb, .bold) : Style(.breadcrumb))
            if x >= state.width { break }
        }
    }

    static func drawBody(_ state: AppState, into grid: inout Grid) {
        let body = state.bodyRect
        guard body.height > 0 else { return }
        let view = state.top
        let model = view.model
        var y = body.y
        for line in model.header where y < body.maxY {
            draw(line, y: y, state: state, into: &grid)
            y += 1
        }
        let viewport = max(0, body.maxY - y)
        if model.lineCount == 0 {
            grid.put(" " + model.emptyText, x: 0, y: y, style: Style(.muted))
            return
        }
        let selected = view.visibleSelectedLine(state.viewportHeight)
        let marked = view.markedAnchor.flatMap { model.anchors[$0] }
        let first = min(max(0, view.scroll), model.lineCount)
        let last = min(first + viewport, model.lineCount)
        for index in first..<last {
            let line = model.line(index)
            draw(line, y: y, state: state, into: &grid)
            if index == selected {
                grid.setStyle(Style(.selection), in: Rect(x: 0, y: y, width: state.width, height: 1))
            } else if let marked, marked.contains(index) {
                grid.put(state.ascii ? "|" : "▌", x: 0, y: y, style: Style(.warning))
            }
            y += 1
        }
    }

    /// Draws one line and highlights the search term in it.
    static func draw(_ line: Line, y: Int, state: AppState, into grid: inout Grid) {
        var x = 0
        for span in line.spans {
            guard x < state.width else { break }
            if span.text.utf8.count == span.width {
                x += grid.put(span.text, x: x, y: y, style: span.style, maxWidth: state.width - x) // ASCII fast path
            } else {
                // Spans are sanitized and measured when the model is built; skip doing it again.
                x += grid.putClean(span.text, width: span.width, x: x, y: y, style: span.style, limit: state.width - x)
            }
        }
        let term = state.search.term
        guard !term.isEmpty, state.mode.searchInput == nil, !state.search.hits.isEmpty else { return }
        highlight(term, in: line.text, y: y, width: state.width, into: &grid)
    }

    private static func highlight(_ term: String, in text: String, y: Int, width: Int, into grid: inout Grid) {
        let lowered = term.lowercased()
        let needle = Array(lowered)
        guard !needle.isEmpty else { return }
        if lowered.utf8.allSatisfy({ $0 < 0x80 }), !mayContain(text, asciiNeedle: Array(lowered.utf8)) { return }
        var characters: [(Character, Int, Int)] = [] // lower-cased character, column, width
        var column = 0
        for character in text {
            let w = DisplayWidth.of(character)
            let lower: Character
            if let ascii = character.asciiValue {
                lower = Character(Unicode.Scalar(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)) // what lowercased() gives
            } else {
                lower = Character(String(character).lowercased().first.map(String.init) ?? String(character))
            }
            characters.append((lower, column, w))
            column += w
            if column > width { break }
        }
        guard characters.count >= needle.count else { return }
        var start = 0
        while start + needle.count <= characters.count {
            var matches = true
            for offset in 0..<needle.count where characters[start + offset].0 != needle[offset] {
                matches = false
                break
            }
            if matches {
                let from = characters[start].1
                let end = characters[start + needle.count - 1]
                grid.setStyle(Style(.searchMatch), in: Rect(x: from, y: y, width: end.1 + end.2 - from, height: 1))
                start += needle.count
            } else {
                start += 1
            }
        }
    }

    /// Whether `text` may hold the lower-cased ASCII `needle` in any case: a cheap test before
    /// the exact match by characters. Only a Kelvin sign (U+212A, lower-cased "k") can lower-case
    /// into ASCII from outside it, so text with one always passes.
    private static func mayContain(_ text: String, asciiNeedle needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count, m = needle.count
            guard m <= n else { return false }
            for index in 0..<n where bytes[index] == 0xE2 && index + 2 < n && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA {
                return true
            }
            var start = 0
            while start + m <= n {
                var offset = 0
                while offset < m {
                    let byte = bytes[start + offset]
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    if lower != needle[offset] { break }
                    offset += 1
                }
                if offset == m { return true }
                start += 1
            }
            return false
        }
    }

    static func drawStatusLine(_ state: AppState, into grid: inout Grid) {
        let y = state.height - 2
        guard y > 1 else { return }
        let view = state.top
        var right = ""
        if let filter = FilterOptions.activeLabel(for: view, data: state.data) { right += "Filter: \(filter)  " }
        let selectableCount = view.model.selectableCount
        if selectableCount > 0 {
            right += "\(view.selection + 1)/\(selectableCount)"
        } else if view.model.lineCount > state.viewportHeight {
            let maxScroll = max(1, view.maxScroll(state.viewportHeight))
            right += "\(min(100, view.scroll * 100 / maxScroll)) %"
        }
        // More above / below.
        let viewport = state.viewportHeight
        let above = view.scroll > 0, below = view.hasLinesBelow(viewport)
        if above || below {
            right += " " + (above ? (state.ascii ? "^" : "▲") : " ") + (below ? (state.ascii ? "v" : "▼") : " ")
        }
        let rightWidth = DisplayWidth.of(right)
        if rightWidth > 0, rightWidth + 2 <= state.width {
            grid.put(right, x: state.width - rightWidth - 1, y: y, style: Style(.muted))
        }
        let leftRoom = max(0, state.width - rightWidth - 3)
        if let input = state.mode.searchInput {
            var x = grid.put("Sök: ", x: 0, y: y, style: Style(.emphasis), maxWidth: leftRoom)
            let room = max(0, leftRoom - x - 1)
            // Keep the end of a long term visible.
            var shown = input
            while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
            x += grid.put(shown, x: x, y: y, maxWidth: room)
            grid.put(state.ascii ? "_" : "█", x: x, y: y, style: Style(.emphasis))
        } else if let message = state.message {
            grid.put(message.text, x: 0, y: y, style: Style(message.role), maxWidth: leftRoom)
        } else if !state.search.hits.isEmpty, let current = state.search.current {
            grid.put("”\(state.search.term)” träff \(current + 1) av \(state.search.hits.count) (n/N)", x: 0, y: y,
                     style: Style(.muted), maxWidth: leftRoom)
        }
    }

    static func drawHints(_ state: AppState, into grid: inout Grid) {
        let y = state.height - 1
        guard y >= 0 else { return }
        grid.fill(Rect(x: 0, y: y, width: state.width, height: 1), style: Style(.hintBar))
        let mode = state.mode.keys
        var x = 0
        for binding in KeyBindings.all {
            guard let hint = binding.hint, KeyBindings.acts(binding, in: mode, state) else { continue }
            let key = binding.hintKey
            let needed = DisplayWidth.of(key) + 1 + DisplayWidth.of(hint) + 2
            if x + needed > state.width { break }
            x += grid.put(" " + key, x: x, y: y, style: Style(.hintKey))
            x += grid.put(" " + hint + " ", x: x, y: y, style: Style(.hintBar))
        }
    }
}
