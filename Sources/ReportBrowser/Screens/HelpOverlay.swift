import ReportCore

/// The `?` overlay: the keys that act where it was opened, with their help texts, and what the
/// symbols mean.
enum HelpOverlay {
    /// The box's width: as wide as its longest line wants (keys and text side by side, the
    /// legend unbroken), within the terminal; at least 78 where there is room.
    static func boxWidth(_ state: AppState) -> Int {
        min(state.width - 2, max(78, preferredInnerWidth(state) + 4))
    }

    /// The widest line of the help when nothing has to wrap.
    static func preferredInnerWidth(_ state: AppState) -> Int {
        let entries = KeyBindings.helpEntries(state)
        let labelWidth = min(20, entries.map { DisplayWidth.of($0.label) }.max() ?? 8)
        let keys = entries.map { labelWidth + 2 + DisplayWidth.of($0.help + ($0.modes == [.searchPrompt] ? " (i sökrutan)" : "")) }.max() ?? 0
        let legend = legend(state.glyphs).map { $0.reduce(0) { $0 + DisplayWidth.of($1.0) } }.max() ?? 0
        return min(160, max(keys, legend))
    }

    /// What the symbols mean, one line per group of symbols.
    static func legend(_ g: Glyphs) -> [[(String, StyleRole)]] {
        [
            [("Indikatorer: ", .emphasis), (g.status(.met) + " uppnås  ", .statusMet), (g.status(.approaching) + " närmar sig  ", .statusApproaching),
             (g.status(.notMet) + " uppnås ej  ", .statusNotMet), (g.status(.notAssessed) + " ej bedömd", .notAssessed)],
            [("Uppdrag och intern kontroll: ", .emphasis), (g.progress(.completed) + " blir klart  ", .statusMet),
             (g.progress(.likelyCompleted) + " troligen klart  ", .statusApproaching), (g.progress(.notCompleted) + " ej klart i år", .statusNotMet)],
            [("Granskning: ", .emphasis), (g.severity(.error) + " fel  ", .statusNotMet), (g.severity(.warning) + " varning  ", .warning),
             (g.severity(.info) + " info", .muted)],
            [("Avvikelse: ", .emphasis), ("positiv = bättre än budget", .normal)],
            [("Tabeller visar det tryckta talet: ", .emphasis), (g.differs + " fel (stämmer inte med beräkningen)  ", .warning),
             (g.rounding + " avrundning, inget fel", .muted)],
        ]
    }

    /// The overlay's box for the current size.
    static func rect(_ state: AppState, lineCount: Int? = nil) -> Rect {
        let width = boxWidth(state)
        let height = min(state.height - 2, (lineCount ?? lines(state).count) + 2)
        return Rect(x: (state.width - width) / 2, y: max(1, (state.height - 1 - height) / 2), width: width, height: height)
    }

    static func viewport(_ state: AppState, lineCount: Int? = nil) -> Int { max(1, rect(state, lineCount: lineCount).height - 2) }

    static func maxScroll(_ state: AppState, lineCount: Int? = nil) -> Int {
        guard state.mode.helpScroll != nil, !state.isTooSmall else { return 0 }
        let count = lineCount ?? lines(state).count
        return max(0, count - viewport(state, lineCount: count))
    }

    static func lines(_ state: AppState) -> [[Span]] {
        let g = state.glyphs
        var result: [[Span]] = []
        func add(_ parts: [(String, StyleRole)]) {
            var builder = LineBuilder()
            for (text, role) in parts { builder.text(text, role) }
            result.append(builder.spans)
        }
        let inner = max(1, boxWidth(state) - 3)
        let entries = KeyBindings.helpEntries(state)
        let labelWidth = min(20, entries.map { DisplayWidth.of($0.label) }.max() ?? 8)
        // The text wraps beside the keys (or below them when the box is narrow).
        let textIndent = inner - labelWidth - 2 >= 16 ? labelWidth + 2 : 2
        for binding in entries {
            let help = binding.help + (binding.modes == [.searchPrompt] ? " (i sökrutan)" : "")
            let parts = TextSanitizer.wrap(help, width: max(1, inner - textIndent))
            var builder = LineBuilder()
            builder.cell(binding.label, min(labelWidth, inner), .left, .hintKey)
            if textIndent == 2 {
                result.append(builder.spans)
                builder = LineBuilder()
            }
            for (index, part) in parts.enumerated() {
                if index > 0 || textIndent == 2 { builder = LineBuilder() }
                builder.pad(to: textIndent)
                builder.text(part)
                result.append(builder.spans)
            }
        }
        add([("", .normal)])
        // A legend line that does not fit breaks between its parts, the rest indented.
        for parts in legend(g) {
            var line: [(String, StyleRole)] = []
            var used = 0
            for part in parts {
                // A part wider than a continuation line wraps by words itself.
                let pieces = DisplayWidth.of(part.0) > inner - 2 ? TextSanitizer.wrap(part.0, width: max(1, inner - 2)) : [part.0]
                for piece in pieces {
                    let width = DisplayWidth.of(piece)
                    if !line.isEmpty, used + width > inner {
                        add(line)
                        line = [("  ", .normal)]
                        used = 2
                    }
                    line.append((piece, part.1))
                    used += width
                }
            }
            add(line)
        }
        return result
    }

    static func draw(_ state: AppState, scroll: Int, into grid: inout Grid) {
        let all = lines(state)
        let box = rect(state, lineCount: all.count)
        guard box.width >= 3, box.height >= 3 else { return }
        // Cover the body so no half-hidden line shows beside the box.
        grid.fill(Rect(x: 0, y: 1, width: state.width, height: state.height - 2), style: .normal)
        grid.box(box, title: "Hjälp – tangenter", glyphs: state.glyphs.box)
        let inner = box.inset(by: 1).inset(left: 1)
        let first = min(scroll, max(0, all.count - 1))
        for (offset, spans) in all.dropFirst(first).prefix(inner.height).enumerated() {
            var x = inner.x
            for span in spans where x < inner.maxX {
                x += grid.put(span.text, x: x, y: inner.y + offset, style: span.style, maxWidth: inner.maxX - x)
            }
        }
        if first + inner.height < all.count {
            grid.put(state.ascii ? "v" : "▼", x: box.maxX - 2, y: box.maxY - 1, style: Style(.border))
        }
    }
}
