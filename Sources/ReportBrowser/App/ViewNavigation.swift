/// Selection and scrolling inside one view, for a viewport of a given height.
///
/// Lines that are not selectable (texts, headings) scroll past; the selection moves to the next
/// selectable line when that brings no unseen text past the screen, otherwise the view scrolls
/// one line, like a pager. So long texts between rows are never skipped unseen.
extension ViewState {
    var selectedLine: Int? {
        selection >= 0 && selection < model.selectableCount ? model.selectableLine(selection) : nil
    }

    /// The last scroll position.
    func maxScroll(_ viewport: Int) -> Int { max(0, model.lineCount - viewport) }

    /// `target` limited to the scroll range.
    func clamped(scroll target: Int, _ viewport: Int) -> Int {
        max(0, min(target, maxScroll(viewport)))
    }

    /// Whether lines follow below the window at `scroll`.
    func hasLinesBelow(_ viewport: Int) -> Bool {
        model.lineCount > scroll + viewport
    }

    func isVisible(_ line: Int, _ viewport: Int) -> Bool { line >= scroll && line < scroll + viewport }

    /// The selected line when it is on screen (only then does Enter act on it).
    func visibleSelectedLine(_ viewport: Int) -> Int? {
        guard let line = selectedLine, isVisible(line, viewport) else { return nil }
        return line
    }

    mutating func clampScroll(_ viewport: Int) {
        scroll = clamped(scroll: scroll, viewport)
        selection = min(max(0, selection), max(0, model.selectableCount - 1))
    }

    private func firstVisibleSelectable(_ viewport: Int) -> Int? {
        model.firstSelectable(in: scroll..<scroll + viewport)
    }

    private func lastVisibleSelectable(_ viewport: Int) -> Int? {
        model.lastSelectable(in: scroll..<scroll + viewport)
    }

    mutating func moveDown(_ viewport: Int) {
        guard let current = selectedLine else {
            scroll = clamped(scroll: scroll + 1, viewport)
            return
        }
        if !isVisible(current, viewport) {
            if let visible = firstVisibleSelectable(viewport), model.selectableLine(visible) > current {
                selection = visible
            } else if current < scroll, let visible = firstVisibleSelectable(viewport) {
                selection = visible
            } else if hasLinesBelow(viewport) {
                scroll += 1
            }
            return
        }
        let nextIndex = selection + 1
        if nextIndex < model.selectableCount {
            let next = model.selectableLine(nextIndex)
            if next < scroll + viewport {
                selection = nextIndex
                return
            }
            let newScroll = next - viewport + 1
            if newScroll <= scroll + viewport || viewport <= 1 {
                selection = nextIndex
                scroll = newScroll
                return
            }
        }
        if hasLinesBelow(viewport) { scroll += 1 }
    }

    mutating func moveUp(_ viewport: Int) {
        guard let current = selectedLine else {
            scroll = max(0, scroll - 1)
            return
        }
        if !isVisible(current, viewport) {
            if let visible = lastVisibleSelectable(viewport), model.selectableLine(visible) < current {
                selection = visible
            } else if current >= scroll + viewport, let visible = lastVisibleSelectable(viewport) {
                selection = visible
            } else if scroll > 0 {
                scroll -= 1
            }
            return
        }
        let previousIndex = selection - 1
        if previousIndex >= 0 {
            let previous = model.selectableLine(previousIndex)
            if previous >= scroll {
                selection = previousIndex
                return
            }
            if scroll <= previous + viewport || viewport <= 1 {
                selection = previousIndex
                scroll = previous
                return
            }
        }
        if scroll > 0 { scroll -= 1 }
    }

    /// Scrolls by `rows` (negative: up); the selection stays on screen.
    mutating func page(_ rows: Int, _ viewport: Int) {
        let target = clamped(scroll: scroll + rows, viewport)
        if target == scroll {
            let count = model.selectableCount
            if rows > 0, count > 0 { selection = count - 1 }
            if rows < 0, count > 0 { selection = 0 }
            ensureSelectionVisible(viewport, onlyIfNeeded: true)
            return
        }
        scroll = target
        if let line = selectedLine, !isVisible(line, viewport) {
            let candidate = rows > 0 ? firstVisibleSelectable(viewport) : lastVisibleSelectable(viewport)
            if let candidate { selection = candidate }
        }
    }

    /// One mouse-wheel notch: scrolls `rows` lines (negative: up), the selection kept on screen;
    /// where there is nothing (more) to scroll, the selection moves by as many rows instead.
    mutating func wheel(_ rows: Int, _ viewport: Int) {
        let target = clamped(scroll: scroll + rows, viewport)
        if target != scroll {
            scroll = target
            if let line = selectedLine, !isVisible(line, viewport) {
                let candidate = rows > 0 ? firstVisibleSelectable(viewport) : lastVisibleSelectable(viewport)
                if let candidate { selection = candidate }
            }
            return
        }
        guard model.selectableCount > 0 else { return }
        selection = min(max(0, selection + rows), model.selectableCount - 1)
        ensureSelectionVisible(viewport, onlyIfNeeded: true)
    }

    mutating func toTop(_ viewport: Int) {
        scroll = 0
        selection = 0
    }

    mutating func toBottom(_ viewport: Int) {
        scroll = maxScroll(viewport)
        selection = max(0, model.selectableCount - 1)
    }

    /// Scrolls so the selected line is on screen, a third from the top when it was not.
    mutating func ensureSelectionVisible(_ viewport: Int, onlyIfNeeded: Bool = true) {
        guard let line = selectedLine else {
            clampScroll(viewport)
            return
        }
        if onlyIfNeeded, isVisible(line, viewport) { return }
        scroll = line - viewport / 3
        clampScroll(viewport)
    }

    /// After the viewport changed (a resize): the scroll clamped to the new range, the selection on
    /// screen, and the title and column headers above the selection's block shown again when they
    /// fit with it. A window that was briefly tiny scrolled them off; they must not stay hidden.
    mutating func settle(_ viewport: Int) {
        clampScroll(viewport)
        ensureSelectionVisible(viewport, onlyIfNeeded: true)
        guard let line = selectedLine, let start = blockStart(of: line, limit: viewport), start < scroll else { return }
        scroll = start
    }

    /// The first line of the block `line` belongs to: back over the rows before it, then over the
    /// lines without a key directly above them (the table's title and column headers) up to a blank
    /// line. Nil when that block and `line` cannot be on screen together.
    func blockStart(of line: Int, limit viewport: Int) -> Int? {
        var start = line
        while start > 0, line - (start - 1) < viewport, model.line(start - 1).key != nil { start -= 1 }
        while start > 0, line - (start - 1) < viewport {
            let above = model.line(start - 1)
            if above.key != nil || above.spans.isEmpty { break }
            start -= 1
        }
        return line - start < viewport ? start : nil
    }

    /// Shows an anchor's first line at the top and selects the first selectable line from there.
    mutating func show(anchor: Int, _ viewport: Int) {
        guard let range = model.anchors[anchor] else { return }
        scroll = max(0, range.lowerBound - 1)
        clampScroll(viewport)
        if let index = model.firstSelectable(in: scroll..<Int.max) { selection = index }
    }
}
