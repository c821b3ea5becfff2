import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

// Process-wide state that signal handlers may touch. Handlers only read these plain values and
// call write()/endwin()/sigaction(); everything is set up before a handler is installed.

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
/// Allocated once, never freed: a handler may read it at any time.
nonisolated(unsafe) let savedQuitActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 3)
nonisolated(unsafe) let savedCrashActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 6)

/// Best-effort terminal restore usable from `atexit` and crash handlers.
func emergencyEndwin() {
    if cursesActive {
        cursesActive = false
        endwin()
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

private let crashHandler: @convention(c) (Int32) -> Void = { signal in
    emergencyEndwin()
    // Put the previous action back and return: the faulting instruction runs again (or abort()
    // re-raises) and the previous handler, normally Swift's backtracer, reports on a sane terminal.
    for (index, candidate) in crashSignals.enumerated() where candidate == signal {
        sigaction(signal, savedCrashActions + index, nil)
        // abort() would fall back to SIG_DFL after this handler returns, skipping the
        // backtracer, so raise it again ourselves; faults simply re-execute on return.
        if signal == SIGABRT { raise(signal) }
        return
    }
    var fallback = sigaction()
    fallback.__sigaction_handler.sa_handler = SIG_DFL
    sigaction(signal, &fallback, nil)
}

private let atexitHandler: @convention(c) () -> Void = {
    emergencyEndwin()
}

/// Installs the quit and crash handlers, saving the previous ones.
func installSignalHandlers() {
    if !atexitRegistered {
        atexitRegistered = true
        atexit(atexitHandler)
    }
    for (index, signal) in quitSignals.enumerated() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = quitHandler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(signal, &action, savedQuitActions + index)
    }
    for (index, signal) in crashSignals.enumerated() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = crashHandler
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_NODEFER)
        sigaction(signal, &action, savedCrashActions + index)
    }
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
