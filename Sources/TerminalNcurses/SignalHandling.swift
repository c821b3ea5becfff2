import CNcursesw
#if canImport(Glibc)
import Glibc
#else
#error("The terminal adapter supports Linux (glibc) only; Package.swift claims no other platform.")
#endif

// Process-wide state that signal handlers read. Everything a handler needs is computed before
// the handler is installed and kept in plain memory allocated once and never freed; a handler
// only calls async-signal-safe functions (write, tcsetattr, sigaction, raise) on it.

/// Write end of the self-pipe; -1 when no session runs.
nonisolated(unsafe) var signalPipeWriteFD: Int32 = -1
/// True between a session's successful init and its `end()`.
nonisolated(unsafe) var cursesActive = false
/// Whether the `atexit` backstop has been registered (once per process).
nonisolated(unsafe) var atexitRegistered = false

/// Signals that end the program politely: forwarded to the event loop through the self-pipe.
let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
/// Signals of a crash: restore the terminal, then let the previous handler (Swift's backtracer) run.
let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

/// Previous actions, saved so `end()` and the crash handler can put them back.
nonisolated(unsafe) let savedQuitActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 3)
nonisolated(unsafe) let savedCrashActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 6)

/// What the crash handler writes to the terminal and the tty mode it restores.
enum TerminalReset {
    /// Room for the reset sequence (leave the alternate screen, show the cursor, plain
    /// attributes, keypad and mouse reporting off): a few dozen bytes in practice.
    static let capacity = 256
    nonisolated(unsafe) static let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    nonisolated(unsafe) static var count = 0
    nonisolated(unsafe) static let shellMode = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) static var hasShellMode = false

    /// Records the tty mode before ncurses changes it (call before `newterm`).
    static func saveShellMode() {
        hasShellMode = tcgetattr(STDIN_FILENO, shellMode) == 0
    }

    /// Prepares the bytes that undo full-screen mode, from terminfo (after `newterm`).
    static func prepare(mouse: Bool) {
        var sequence: [UInt8] = []
        for name in ["rmcup", "cnorm", "sgr0", "rmkx"] {
            guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { continue }
            var pointer = value
            while pointer.pointee != 0 {
                sequence.append(UInt8(bitPattern: pointer.pointee))
                pointer += 1
            }
        }
        if mouse { sequence += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8) }
        let used = min(sequence.count, capacity)
        for index in 0..<used { bytes[index] = sequence[index] }
        count = used
    }

    /// Writes the reset bytes and restores the tty mode. Async-signal-safe.
    static func restore() {
        var written = 0
        while written < count {
            let result = write(STDOUT_FILENO, bytes + written, count - written)
            if result <= 0 { break }
            written += result
        }
        if hasShellMode { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, shellMode) }
    }
}

/// Best-effort terminal restore for the `atexit` backstop (normal program end, not a signal).
func emergencyEndwin() {
    if cursesActive {
        cursesActive = false
        endwin()
    }
}

/// A `sigaction` running `handler` (glibc's layout of the handler union).
func signalAction(_ handler: @convention(c) (Int32) -> Void, flags: Int32) -> sigaction {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = flags
    return action
}

/// The position of a crash signal in `crashSignals`, without touching the array (a handler
/// must not).
@inline(__always)
func crashSignalIndex(_ signal: Int32) -> Int? {
    switch signal {
    case SIGILL: 0
    case SIGTRAP: 1
    case SIGSEGV: 2
    case SIGBUS: 3
    case SIGFPE: 4
    case SIGABRT: 5
    default: nil
    }
}

private let quitHandler: @convention(c) (Int32) -> Void = { signal in
    let fd = signalPipeWriteFD
    guard fd >= 0 else { return }
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(fd, &byte, 1)
    errno = saved
}

private let crashHandler: @convention(c) (Int32) -> Void = { number in
    if cursesActive {
        cursesActive = false
        TerminalReset.restore()
    }
    // Put the previous action back and return: the faulting instruction runs again (or abort()
    // re-raises) and the previous handler, normally Swift's backtracer, reports on a sane terminal.
    if let index = crashSignalIndex(number) {
        sigaction(number, savedCrashActions + index, nil)
        // abort() would fall back to SIG_DFL after this handler returns, skipping the
        // backtracer, so raise it again ourselves; faults simply re-execute on return.
        if number == SIGABRT { raise(number) }
        return
    }
    _ = signal(number, SIG_DFL)
}

private let atexitHandler: @convention(c) () -> Void = {
    emergencyEndwin()
}

/// Installs the quit and crash handlers, saving the previous ones. Call after
/// `TerminalReset.prepare` so the crash handler has what it writes.
func installSignalHandlers() {
    if !atexitRegistered {
        atexitRegistered = true
        atexit(atexitHandler)
    }
    // Touch the globals the handlers read, so none is first initialised inside a handler.
    _ = (signalPipeWriteFD, cursesActive, savedQuitActions, savedCrashActions, TerminalReset.bytes, TerminalReset.count,
         TerminalReset.shellMode, TerminalReset.hasShellMode)
    for (index, signal) in quitSignals.enumerated() {
        var action = signalAction(quitHandler, flags: Int32(SA_RESTART))
        sigaction(signal, &action, savedQuitActions + index)
    }
    // A parent may have started us with these blocked (some process launchers pass their own
    // mask on); the browser must hear them.
    var quit = sigset_t()
    sigemptyset(&quit)
    for signal in quitSignals { sigaddset(&quit, signal) }
    sigprocmask(SIG_UNBLOCK, &quit, nil)
    for (index, signal) in crashSignals.enumerated() {
        var action = signalAction(crashHandler, flags: Int32(SA_NODEFER))
        sigaction(signal, &action, savedCrashActions + index)
    }
}

/// Ends the process by `number` with its default action, so that the parent (a shell loop)
/// sees the signal; the terminal must already be restored.
func dieOfSignal(_ number: Int32) -> Never {
    _ = signal(number, SIG_DFL)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, number)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
    raise(number)
    exit(128 + number) // only when the default action does not end the process
}

/// Puts back the handlers saved by `installSignalHandlers()`.
func restoreSignalHandlers() {
    for (index, signal) in quitSignals.enumerated() {
        sigaction(signal, savedQuitActions + index, nil)
    }
    for (index, signal) in crashSignals.enumerated() {
        sigaction(signal, savedCrashActions + index, nil)
    }
}
