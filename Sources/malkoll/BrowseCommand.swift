import ArgumentParser
import Foundation
import ReportArchive
import ReportBrowser
import ReportCore
import TerminalNcurses

/// `malkoll [browse] [FILE]`: the interactive browser; prints the summary when there is no usable
/// terminal, and runs headless with `--keys`/`--dump`.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the report in the terminal browser (the default command).",
        discussion: """
            Without a terminal (piped output, TERM unset, dumb or unknown) the summary is printed instead, and one line on stderr says why.
            Headless: --keys "jj<Enter>/budget<Enter>" --size 80x24 --dump [--styles] prints the last screen.
            """)

    @OptionGroup var report: ReportFileArgument
    @OptionGroup var archive: ArchiveOption
    @Option(help: "Keys to send, in Vim notation (e.g. \"2jj<Enter><Esc>q\"); runs without a terminal.") var keys: String?
    @Option(help: ArgumentHelp("Screen size for --keys/--dump, WxH (1…1000 each).", valueName: "WxH")) var size = ScreenSize(width: 80, height: 24)
    @Flag(help: "Print the last screen as plain text instead of opening the terminal.") var dump = false
    @Flag(help: "With --dump: also print the style runs after a separator line.") var styles = false
    @Option(help: "Colours: dark, light or mono.") var theme = ThemeArgument(.dark)
    @Flag(name: .customLong("no-color"), help: "No colours (as NO_COLOR does).") var noColor = false
    @Flag(help: "ASCII symbols only (for terminals without Unicode symbols).") var ascii = false
    @Flag(help: "Mouse support: click selects a row, the wheel scrolls.") var mouse = false

    func run() throws {
        try Malkoll.guarded {
            // The terminal's own colour count is added when it is opened (BrowserRunLoop).
            let chosen = Theme.effective(requested: theme.theme, colours: nil,
                                         noColor: noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty)
            let script: [Key]
            do {
                script = try KeyScript.parse(keys ?? "")
            } catch {
                throw CommandFailure("--keys: \(String(describing: error))")
            }
            // Load before touching the terminal: a bad file leaves it as it was. Without FILE the
            // archive opens (its only report, or the home); an archive id opens that report; a
            // FILE touches no archive.
            let start = try ArchiveOpening.start(file: report, location: archive.location)
            defer { start.close() }
            let options = BrowserOptions(theme: chosen, ascii: ascii, mouse: mouse)
            if keys != nil || dump {
                let state = start.state(width: size.width, height: size.height, options: options)
                let grid = Headless.run(state, keys: script, answer: start.answer)
                Output.write(Headless.dump(grid, styles: styles), as: .humanText)
                return
            }
            let capability = TerminalCapability.check()
            guard capability == .available else {
                // Say why on stderr (one line), so a user who expected the browser knows.
                Output.error("malkoll: \(Self.reason(capability)); printing the summary instead of the browser")
                switch start.opening {
                case .report(let analysis, _):
                    Output.write(SummaryFormatter(analysis: analysis).text(), as: .humanText)
                case .home:
                    let entries: [ArchiveEntry]
                    do { entries = try start.answerer?.store.list() ?? [] } catch let error as ArchiveError { throw CommandFailure(error.description) }
                    Output.write(ArchiveList.text(entries), as: .humanText)
                }
                return
            }
            try BrowserRunLoop.run(start: start, options: options)
        }
    }

    /// Why there is no browser, for the one-line note on stderr (diagnostics are English).
    static func reason(_ capability: TerminalCapability) -> String {
        switch capability {
        case .available: "a terminal is available"
        case .stdinNotATerminal: "standard input is not a terminal"
        case .stdoutNotATerminal: "standard output is not a terminal"
        case .termUnset: "TERM is not set"
        case .dumbTerminal: "the terminal (TERM=dumb) cannot show the browser"
        case .unknownTerminal(let name): "unknown terminal type \"\(name)\" (no cursor addressing in terminfo)"
        }
    }
}
