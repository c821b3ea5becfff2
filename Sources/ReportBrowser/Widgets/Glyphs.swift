import Foundation
import ReportCore

/// The uppdrag/control status (not Foundation's `Progress`).
typealias Progress = ReportCore.Progress

/// The symbols the browser draws, in Unicode or (`--ascii`) plain ASCII.
///
/// Every status has a symbol as well as a colour, so nothing depends on colour alone.
struct Glyphs: Sendable, Equatable {
    let ascii: Bool

    /// ✓ uppnås, ↗ närmar sig, ✗ uppnås ej, – ej bedömd (ASCII: + ~ x -).
    func status(_ status: IndicatorStatus) -> String {
        switch status {
        case .met: ascii ? "+" : "✓"
        case .approaching: ascii ? "~" : "↗"
        case .notMet: ascii ? "x" : "✗"
        case .notAssessed: ascii ? "-" : "–"
        }
    }

    /// Uppdrag and internal control: ✓ blir klart, ↗ troligen klart, ✗ ej klart, ? annan status.
    func progress(_ progress: Progress) -> String {
        switch progress {
        case .completed: ascii ? "+" : "✓"
        case .likelyCompleted: ascii ? "~" : "↗"
        case .notCompleted: ascii ? "x" : "✗"
        case .other: "?"
        }
    }

    /// Audit severity: ✗ fel, ! varning, i info.
    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: ascii ? "x" : "✗"
        case .warning: "!"
        case .info: "i"
        }
    }

    /// Eight levels for sparklines, lowest first.
    var sparkLevels: [Character] {
        ascii ? ["_", "_", ".", ".", "-", "-", "=", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    }

    /// A full bar cell.
    var bar: Character { ascii ? "#" : "█" }
    /// The zero line of a deviation bar.
    var axis: Character { ascii ? "|" : "│" }
    /// Fill glyphs that tell the four segments of a stacked bar apart without colour.
    var segmentFills: [Character] { ascii ? ["#", "=", "x", "."] : ["█", "▓", "▒", "░"] }
    var expanded: String { ascii ? "v" : "▾" }
    var collapsed: String { ascii ? ">" : "▸" }
    var separator: String { ascii ? " > " : " › " }
    /// Marks a printed figure the audit calls an error (it differs from the computed one by
    /// more than rounding, or in sign).
    var differs: String { ascii ? "*" : "≠" }
    /// Marks a printed figure that differs from the computed one by rounding only (audit: info).
    var rounding: String { ascii ? "~" : "≈" }
    var bullet: String { ascii ? "*" : "•" }
    var arrow: String { ascii ? "->" : "→" }
    var box: BoxGlyphs { ascii ? .ascii : .light }
    var rule: Character { ascii ? "-" : "─" }

    /// Stand-ins for `--ascii`, applied to the whole frame after drawing: the symbols drawn by
    /// shared code that does not know the glyph set (the "…" of truncation, "·" and "–" in
    /// texts, arrows and "×" in hints, box lines), and the same punctuation where the report's
    /// text has it. Letters (å, ä, ö) are kept; anything not listed stays as it is.
    static let asciiStandIns: [Character: Character] = [
        "…": ".", "·": ".", "•": "*", "–": "-", "—": "-", "−": "-", "‐": "-", "×": "x",
        "”": "\"", "“": "\"", "„": "\"", "’": "'", "‘": "'", "›": ">", "‹": "<", "»": ">", "«": "<",
        "→": ">", "←": "<", "↑": "^", "↓": "v", "↗": "~", "↘": "~", "▲": "^", "▼": "v", "▸": ">", "▾": "v",
        "▌": "|", "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
        "┬": "+", "┴": "+", "┼": "+", "═": "=", "║": "|",
        "█": "#", "▓": "=", "▒": "x", "░": ".", "▁": "_", "▂": "_", "▃": ".", "▄": ".", "▅": "-",
        "▆": "-", "▇": "=", "✓": "+", "✗": "x", "≠": "*", "≈": "~", "\u{00A0}": " ",
    ]

    /// Text built by the core with "›" between places, with ">" in ASCII mode.
    func path(_ text: String) -> String {
        ascii ? text.replacingOccurrences(of: "›", with: ">") : text
    }
}

extension IndicatorStatus {
    /// The style role of the status.
    var role: StyleRole {
        switch self {
        case .met: .statusMet
        case .approaching: .statusApproaching
        case .notMet: .statusNotMet
        case .notAssessed: .notAssessed
        }
    }

    var barRole: StyleRole {
        switch self {
        case .met: .barMet
        case .approaching: .barApproaching
        case .notMet: .barNotMet
        case .notAssessed: .barNotAssessed
        }
    }
}

extension Progress {
    /// The style role of an uppdrag or control status.
    var role: StyleRole {
        switch self {
        case .completed: .statusMet
        case .likelyCompleted: .statusApproaching
        case .notCompleted: .statusNotMet
        case .other: .notAssessed
        }
    }

    var barRole: StyleRole {
        switch self {
        case .completed: .barMet
        case .likelyCompleted: .barApproaching
        case .notCompleted: .barNotMet
        case .other: .barNotAssessed
        }
    }

    /// Short Swedish label for narrow columns.
    var shortName: String {
        switch self {
        case .completed: "klart"
        case .likelyCompleted: "troligen"
        case .notCompleted: "ej klart"
        case .other: "annan"
        }
    }
}

extension Severity {
    var role: StyleRole {
        switch self {
        case .error: .statusNotMet
        case .warning: .warning
        case .info: .muted
        }
    }
}
