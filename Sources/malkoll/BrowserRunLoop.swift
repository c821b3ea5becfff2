import Foundation
import ReportBrowser
import TerminalNcurses

/// The live browser: terminal events → update → render → paint, until a quit or a signal.
enum BrowserRunLoop {
    static func run(start: BrowserStart, options: BrowserOptions) throws {
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
        var state = start.state(width: size.width, height: size.height, options: options)
        // Archive requests (the home's cells, another report, a comparison) are answered before
        // the next frame is drawn.
        _ = dispatch(&state, .resized(width: size.width, height: size.height), answer: start.answer)
        session.present(render(state))
        while true {
            guard let event = session.nextEvent(timeoutMs: -1) else { continue }
            var effects: [Effect] = []
            switch event {
            case .signal(let signal):
                session.end(dyingOf: signal)
            case .resize(let width, let height):
                effects = dispatch(&state, .resized(width: width, height: height), answer: start.answer)
            case .key(let key):
                effects = dispatch(&state, .key(key), answer: start.answer)
            }
            if effects.contains(.quit) { return }
            session.present(render(state))
            if effects.contains(.forceRepaint) { session.forceRepaint() }
        }
    }
}
