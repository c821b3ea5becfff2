import Foundation
import ReportBrowser
import TerminalNcurses

/// The live browser: terminal events → update → render → paint, until a quit or a signal.
enum BrowserRunLoop {
    static func run(data: BrowserData, options: BrowserOptions) throws {
        let session: TerminalSession
        do {
            session = try TerminalSession(theme: options.theme, mouse: options.mouse)
        } catch {
            throw CommandFailure("the terminal could not be opened (\(String(describing: error)))")
        }
        defer { session.end() }
        // A terminal with fewer than 8 colours gets the monochrome look (reverse-video selection,
        // fill glyphs in the bars) whatever theme was asked for.
        var options = options
        options.theme = Theme.effective(requested: options.theme, colours: session.colorCount, noColor: false)
        session.setTheme(options.theme)
        let size = session.size
        var state = AppState(data: data, width: size.width, height: size.height, options: options)
        session.present(render(state))
        while true {
            guard let event = session.nextEvent(timeoutMs: -1) else { continue }
            var effects: [Effect] = []
            switch event {
            case .signal(let signal):
                session.end(dyingOf: signal)
            case .resize(let width, let height):
                effects = update(&state, .resized(width: width, height: height))
            case .key(let key):
                effects = update(&state, .key(key))
            }
            if effects.contains(.quit) { return }
            session.present(render(state))
            if effects.contains(.forceRepaint) { session.forceRepaint() }
        }
    }
}
