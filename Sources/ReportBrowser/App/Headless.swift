/// The scripted mode: the same update and render path as the live browser, without a terminal.
public enum Headless {
    /// Sends `keys` one by one (a quitting key ends the run early) and returns the last frame.
    public static func run(data: BrowserData, keys: [Key], width: Int, height: Int, options: BrowserOptions) -> Grid {
        run(AppState(data: data, width: width, height: height, options: options), keys: keys) { _ in .failed("Inget arkiv") }
    }

    /// Runs from `state`, answering archive requests with `answer` (the entry point's queries).
    public static func run(_ state: AppState, keys: [Key], answer: (ArchiveRequest) -> ArchiveAnswer) -> Grid {
        var state = state
        _ = dispatch(&state, .resized(width: state.width, height: state.height), answer: answer)
        for key in keys {
            let effects = dispatch(&state, .key(key), answer: answer)
            if effects.contains(.quit) { break }
            _ = render(state) // every frame, as the live loop draws it
        }
        return render(state)
    }

    /// The frame as plain lines; with `styles`, then a separator line and the style runs.
    public static func dump(_ grid: Grid, styles: Bool) -> String {
        var lines = grid.lines()
        if styles {
            lines.append("--- stilar ---")
            lines += grid.styleRuns()
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses `WxH` (e.g. "80x24", also with "×"); nil unless both are 1…1000.
    public static func parseSize(_ text: String) -> (width: Int, height: Int)? {
        let parts = text.lowercased().split(omittingEmptySubsequences: false) { $0 == "x" || $0 == "×" }
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (1...KeyScript.maximumSize).contains(width), (1...KeyScript.maximumSize).contains(height) else { return nil }
        return (width, height)
    }
}

/// `update`, with its archive requests answered at once by `answer` (before the next frame), so
/// that state only ever changes in `update`. Returns the effects for the terminal (quit, repaint).
public func dispatch(_ state: inout AppState, _ action: Action, answer: (ArchiveRequest) -> ArchiveAnswer) -> [Effect] {
    var pending = [action]
    var outward: [Effect] = []
    while !pending.isEmpty {
        for effect in update(&state, pending.removeFirst()) {
            if case .archive(let request) = effect {
                pending.append(.archive(answer(request)))
            } else {
                outward.append(effect)
            }
        }
    }
    return outward
}
