import CNcursesw
import ReportBrowser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a full-screen interface can be drawn here, and if not, why.
///
/// When the answer is not `.available`, the entry point prints plain text instead
/// (`render(state, 80, 24).lines()`), so pipes, `</dev/null`, `TERM=dumb` and unknown
/// terminals never receive escape codes.
public enum TerminalCapability: Sendable, Equatable {
    /// stdin and stdout are terminals and terminfo can address the cursor.
    case available
    /// stdin is not a terminal (e.g. `</dev/null`).
    case stdinNotATerminal
    /// stdout is not a terminal (e.g. piped to a file).
    case stdoutNotATerminal
    /// `TERM` is unset or empty.
    case termUnset
    /// `TERM=dumb`.
    case dumbTerminal
    /// terminfo does not know `TERM`, or the entry cannot move the cursor.
    case unknownTerminal(String)

    /// Checks the current process. Never prints, never exits, leaves no terminfo state behind.
    /// Call it before creating a `TerminalSession`.
    public static func check() -> TerminalCapability {
        check(environment: { key in getenv(key).map { String(cString: $0) } },
              isTerminal: { isatty($0) == 1 })
    }

    /// Testable core of `check()` with injected environment and tty checks.
    static func check(environment: (String) -> String?, isTerminal: (Int32) -> Bool) -> TerminalCapability {
        guard isTerminal(0) else { return .stdinNotATerminal }
        guard isTerminal(1) else { return .stdoutNotATerminal }
        guard let term = environment("TERM"), !term.isEmpty else { return .termUnset }
        guard term != "dumb" else { return .dumbTerminal }
        guard nc_terminal_has_cursor_addressing(term) == 1 else { return .unknownTerminal(term) }
        return .available
    }

    /// True for `.available`.
    public var isAvailable: Bool { self == .available }

    /// Why there is no interface, in Swedish, for a one-line note to the user (nil when available).
    public var userMessage: String? {
        switch self {
        case .available: nil
        case .stdinNotATerminal: "standard in är ingen terminal"
        case .stdoutNotATerminal: "standard ut är ingen terminal"
        case .termUnset: "TERM är inte satt"
        case .dumbTerminal: "terminalen (TERM=dumb) kan inte visa gränssnittet"
        case .unknownTerminal(let name): "okänd terminaltyp: \(TextSanitizer.sanitize(name))"
        }
    }
}
