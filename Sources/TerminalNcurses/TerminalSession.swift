import CNcursesw
import ReportBrowser
#if canImport(Glibc)
import Glibc
#endif

/// The size of the terminal in cells.
public struct TerminalSize: Sendable, Hashable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Something the event loop must react to.
public enum TerminalEvent: Sendable, Hashable {
    /// A key (or, with mouse support on, a mouse event as `.mouse`).
    case key(Key)
    /// The terminal was resized; render the next frame at this size.
    case resize(width: Int, height: Int)
    /// SIGINT (also Ctrl-C: the tty stays in cbreak mode so Ctrl-Z keeps working), SIGTERM or
    /// SIGHUP arrived. Quit now: call `end()`, then `exit(128 + signal)`.
    case signal(Int32)
}

/// Why a `TerminalSession` could not start.
public enum TerminalSessionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another session is still running in this process (ncurses has one screen).
    case alreadyActive
    /// `newterm` failed (unknown terminal, no tty).
    case cannotOpenTerminal
    /// The self-pipe for signals could not be created.
    case pipeFailed(errno: Int32)

    /// English, for logs.
    public var description: String {
        switch self {
        case .alreadyActive: "a terminal session is already active"
        case .cannotOpenTerminal: "ncurses could not open the terminal"
        case .pipeFailed(let e): "could not create the signal pipe (errno \(e))"
        }
    }

    /// Swedish, for the user.
    public var userMessage: String {
        switch self {
        case .alreadyActive: "terminalen används redan"
        case .cannotOpenTerminal: "kunde inte öppna terminalen"
        case .pipeFailed: "kunde inte förbereda signalhanteringen"
        }
    }
}

/// The full-screen terminal: owns ncurses from `init` to `end()`.
///
/// Typical loop:
/// ```swift
/// guard TerminalCapability.check().isAvailable else { printPlain(); return }
/// let session = try TerminalSession(theme: .dark, mouse: false)
/// defer { session.end() }
/// var size = session.size
/// session.present(render(state, size))
/// while let event = session.nextEvent(timeoutMs: -1) ... // nil: nothing yet, loop again
/// ```
/// Nothing is ever written to stdout except through ncurses. Not thread-safe: use it from one
/// thread. Only one session may exist at a time.
public final class TerminalSession {
    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    private var theme: Theme
    private let mouseEnabled: Bool
    /// Turns two quick presses into a double click (ncurses reports raw presses only).
    private var clicks = ClickTracker()
    private let clickClockOrigin = ContinuousClock.now
    private var pipeRead: Int32 = -1
    private var pipeWrite: Int32 = -1
    private var active = false
    private var lastFrame: Grid?
    private var defaultColorsWork = false
    private var colorsWork = false
    /// False on terminals without an alternate screen (vt100): the last frame stays in the
    /// scrollback and the shell continues below it.
    private var hasAlternateScreen = true
    /// The number of colours the terminal can show (0 when it has none).
    public private(set) var colorCount = 0
    private var pairs: [Int32: Int16] = [:]
    private var styleCache: [(attr: attr_t, pair: Int16)?]
    private let scalarBuffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: 8)

    /// Starts full-screen mode: alternate screen, no echo, keypad, hidden cursor, colours.
    ///
    /// Fixes a non-UTF-8 `LC_CTYPE` to `C.UTF-8` (ncurses needs it for wide characters; only
    /// the character type category is changed). Installs SIGINT/SIGTERM/SIGHUP handlers that
    /// feed `nextEvent`, a crash handler that restores the terminal before Swift's backtracer
    /// runs (for a clean report, also set `SWIFT_BACKTRACE=interactive=no`), and an `atexit`
    /// backstop. Mouse reporting is only switched on when `mouse` is true.
    public init(theme: Theme, mouse: Bool = false) throws(TerminalSessionError) {
        guard !cursesActive else { throw .alreadyActive }
        self.theme = theme
        self.mouseEnabled = mouse
        self.styleCache = Array(repeating: nil, count: StyleRole.allCases.count * 16)
        TerminalSession.ensureUTF8Locale()

        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            scalarBuffer.deallocate()
            throw .pipeFailed(errno: errno)
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        pipeRead = fds[0]
        pipeWrite = fds[1]

        TerminalReset.saveShellMode()
        guard let newScreen = newterm(nil, nc_stdout(), nc_stdin()) else {
            close(pipeRead)
            close(pipeWrite)
            scalarBuffer.deallocate()
            throw .cannotOpenTerminal
        }
        screen = newScreen
        set_term(newScreen)
        guard let stdscr = nc_stdscr() else {
            endwin()
            delscreen(newScreen)
            close(pipeRead)
            close(pipeWrite)
            scalarBuffer.deallocate()
            throw .cannotOpenTerminal
        }
        window = stdscr
        active = true
        signalPipeWriteFD = pipeWrite
        TerminalReset.prepare(mouse: mouse)
        cursesActive = true
        installSignalHandlers()
        hasAlternateScreen = nc_has_alternate_screen() == 1

        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            colorsWork = start_color() == OK
            defaultColorsWork = colorsWork && use_default_colors() == OK
            colorCount = colorsWork ? Int(max(0, nc_colors())) : 0
        }
        if mouse {
            mousemask(nc_all_mouse_events(), nil)
            mouseinterval(0)
        }
    }

    deinit {
        end()
        scalarBuffer.deallocate()
    }

    /// Makes sure `LC_CTYPE` is a UTF-8 locale (from the environment, else `C.UTF-8`).
    private static func ensureUTF8Locale() {
        setlocale(LC_CTYPE, "")
        if let codeset = nc_codeset(), String(cString: codeset) == "UTF-8" { return }
        setlocale(LC_CTYPE, "C.UTF-8")
    }

    // MARK: - Size and theme

    /// The current terminal size (after a `.resize` event this is already the new size).
    public var size: TerminalSize {
        guard active else { return TerminalSize(width: 0, height: 0) }
        return TerminalSize(width: Int(max(0, getmaxx(window))), height: Int(max(0, getmaxy(window))))
    }

    /// Switches theme; the next `present` repaints everything.
    public func setTheme(_ newTheme: Theme) {
        theme = newTheme
        styleCache = Array(repeating: nil, count: styleCache.count)
        lastFrame = nil
    }

    // MARK: - Input

    /// Waits up to `timeoutMs` milliseconds (negative: forever) for input or a signal.
    ///
    /// Returns nil when nothing happened in time (or a wait was interrupted without an event);
    /// callers simply ask again. Keys already buffered by ncurses are returned without waiting.
    public func nextEvent(timeoutMs: Int32) -> TerminalEvent? {
        guard active else { return nil }
        if let signal = readSignal() { return .signal(signal) }
        if let event = readInput() { return event }
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: pipeRead, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, timeoutMs)
        if ready > 0 && fds[1].revents != 0, let signal = readSignal() { return .signal(signal) }
        // The terminal went away (no SIGHUP came, e.g. the other end of a pty closed): leave as
        // for a hang-up instead of polling a dead descriptor forever.
        if ready > 0, fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0, fds[0].revents & Int16(POLLIN) == 0 {
            return .signal(SIGHUP)
        }
        // Also after EINTR: ncurses' SIGWINCH handler makes the next read return KEY_RESIZE.
        return readInput()
    }

    private func readSignal() -> Int32? {
        var byte: UInt8 = 0
        return read(pipeRead, &byte, 1) == 1 ? Int32(byte) : nil
    }

    /// Reads keys until one maps to an event; nil when ncurses has nothing more.
    private func readInput() -> TerminalEvent? {
        while true {
            var value: wint_t = 0
            let result = wget_wch(window, &value)
            if result == ERR { return nil }
            if result == KEY_CODE_YES {
                if let event = decodeKeyCode(Int32(bitPattern: value)) { return event }
                continue
            }
            if let key = KeyDecoder.character(UInt32(value)) { return .key(key) }
        }
    }

    private func decodeKeyCode(_ code: Int32) -> TerminalEvent? {
        if code == KEY_RESIZE {
            let now = size
            lastFrame = nil // ncurses resized its buffers; repaint fully
            return .resize(width: now.width, height: now.height)
        }
        if code == KEY_MOUSE {
            guard mouseEnabled else { return nil }
            var event = MEVENT()
            guard getmouse(&event) == OK, let mouse = KeyDecoder.mouse(event) else { return nil }
            let elapsed = clickClockOrigin.duration(to: .now).components
            let now = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            return .key(.mouse(clicks.resolve(mouse, at: now)))
        }
        return KeyDecoder.keyCode(code).map { .key($0) }
    }

    // MARK: - Output

    /// Paints `grid`, sending only the cells that changed since the previous `present`.
    ///
    /// A grid of another size than the previous frame (or the first frame, or after a resize
    /// or theme change) is painted in full. Cells beyond the terminal are clipped.
    public func present(_ grid: Grid) {
        guard active else { return }
        let screenWidth = Int(getmaxx(window)), screenHeight = Int(getmaxy(window))
        if let last = lastFrame, last.width == grid.width, last.height == grid.height {
            for change in grid.changes(from: last) {
                paint(change.cell, x: change.x, y: change.y, screenWidth: screenWidth, screenHeight: screenHeight)
            }
        } else {
            werase(window)
            var index = 0
            for y in 0..<grid.height {
                for x in 0..<grid.width {
                    paint(grid.cells[index], x: x, y: y, screenWidth: screenWidth, screenHeight: screenHeight)
                    index += 1
                }
            }
        }
        lastFrame = grid
        wnoutrefresh(window)
        doupdate()
    }

    /// Clears and redraws the whole physical screen from ncurses' copy (for Ctrl-L).
    public func forceRepaint() {
        guard active else { return }
        clearok(nc_curscr(), true)
        wnoutrefresh(window)
        doupdate()
    }

    private func paint(_ cell: Cell, x: Int, y: Int, screenWidth: Int, screenHeight: Int) {
        guard !cell.isContinuation, x < screenWidth, y < screenHeight else { return }
        let (attr, pair) = resolve(cell.style)
        if let ascii = cell.character.asciiValue {
            scalarBuffer[0] = wchar_t(ascii)
            scalarBuffer[1] = 0
            putWide(x: x, y: y, attr: attr, pair: pair)
            return
        }
        let width = Int(cell.width)
        var count = 0
        var terminalWidth: Int32 = 1
        for scalar in cell.character.unicodeScalars {
            let value = wchar_t(bitPattern: scalar.value)
            if count == 0 {
                terminalWidth = nc_wcwidth(value)
                scalarBuffer[0] = value
                count = 1
            } else if count < 5 && nc_wcwidth(value) == 0 {
                scalarBuffer[count] = value // combining marks travel with their base
                count += 1
            }
        }
        scalarBuffer[count] = 0
        if x + width > screenWidth {
            // The right half would fall off the screen.
            scalarBuffer[0] = 0x20
            scalarBuffer[1] = 0
        } else if Int(terminalWidth) != width {
            // Our measure and the C library disagree: keep the layout, show what is safe, so the
            // terminal never shifts the rest of the row.
            if !(width == 2 && terminalWidth == 1) {
                scalarBuffer[0] = 0x3F // "?"
                scalarBuffer[1] = 0
            }
            putWide(x: x, y: y, attr: attr, pair: pair)
            if width == 2 {
                scalarBuffer[0] = 0x20
                scalarBuffer[1] = 0
                putWide(x: x + 1, y: y, attr: attr, pair: pair)
            }
            return
        }
        putWide(x: x, y: y, attr: attr, pair: pair)
    }

    @inline(__always)
    private func putWide(x: Int, y: Int, attr: attr_t, pair: Int16) {
        var cc = cchar_t()
        setcchar(&cc, scalarBuffer, attr, pair, nil)
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cc) // ERR in the bottom-right cell, but it draws
    }

    /// ncurses attributes and colour pair for a style, allocating pairs on first use.
    private func resolve(_ style: Style) -> (attr_t, Int16) {
        let index = Int(style.role.rawValue) * 16 + Int(style.attributes.rawValue & 0x0F)
        if let cached = styleCache[index] { return cached }
        let spec = theme.spec(for: style)
        var attr = nc_a_normal()
        if spec.attributes.contains(.bold) { attr |= nc_a_bold() }
        if spec.attributes.contains(.underline) { attr |= nc_a_underline() }
        if spec.attributes.contains(.reverse) { attr |= nc_a_reverse() }
        if spec.attributes.contains(.dim) { attr |= nc_a_dim() }
        let pair = colorPair(spec.foreground, spec.background)
        styleCache[index] = (attr, pair)
        return (attr, pair)
    }

    private func colorPair(_ foreground: TerminalColor, _ background: TerminalColor) -> Int16 {
        guard colorsWork, theme.usesColor,
              foreground != .default || background != .default else { return 0 }
        let fg = Int16(foreground.ansiIndex ?? (defaultColorsWork ? -1 : Int(COLOR_WHITE)))
        let bg = Int16(background.ansiIndex ?? (defaultColorsWork ? -1 : Int(COLOR_BLACK)))
        let key = Int32(fg) << 16 | Int32(UInt16(bitPattern: bg))
        if let pair = pairs[key] { return pair }
        let next = pairs.count + 1
        guard next < Int(nc_color_pairs()), next <= Int(Int16.max),
              init_pair(Int16(next), fg, bg) == OK else { return 0 }
        pairs[key] = Int16(next)
        return Int16(next)
    }

    // MARK: - Teardown

    /// Ends the process by `signal` (from a `.signal` event) the way the signal itself would,
    /// after leaving full-screen mode, so that a shell loop around the program sees it.
    public func end(dyingOf signal: Int32) -> Never {
        end()
        dieOfSignal(signal)
    }

    /// Leaves full-screen mode and restores the terminal and signal handlers. Safe to call twice.
    public func end() {
        guard active else { return }
        active = false
        if mouseEnabled { mousemask(0, nil) }
        if !hasAlternateScreen {
            // The frame stays on the screen: park the cursor on its last line, so the newline
            // after endwin puts the shell's prompt below it instead of over it.
            wmove(window, max(0, getmaxy(window) - 1), 0)
            wnoutrefresh(window)
            doupdate()
        }
        curs_set(1)
        cursesActive = false
        endwin()
        if !hasAlternateScreen {
            fputs("\r\n", nc_stdout())
            fflush(nc_stdout())
        }
        restoreSignalHandlers()
        signalPipeWriteFD = -1
        if let screen { delscreen(screen) }
        screen = nil
        close(pipeRead)
        close(pipeWrite)
        pipeRead = -1
        pipeWrite = -1
    }
}
