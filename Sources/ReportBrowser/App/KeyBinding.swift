/// One entry of the key table: keys, command, Swedish help text, a short hint for the hint bar.
/// How the keys are written in the help and the hint bar is derived from the keys themselves.
struct KeyBinding: Sendable {
    /// What must hold for an entry's keys to act; the hint bar and the help offer an entry only
    /// where all of its requirements hold (`KeyBindings.acts`).
    enum Requirement: Sendable, Hashable {
        /// A report is open (not the archive home or the kommun view before any report).
        case report
        /// The browser has an archive (not `malkoll browse FILE`).
        case archive
        /// The open report came from the archive (the change screens and history need its id).
        case archivedReport
        /// The view shown has a status filter.
        case filter
        /// There are search hits.
        case hits
        /// The view shown is an indicator or lists indicators (history acts on the selected one).
        case indicator
        /// The selected line opens something (or folds its group): Enter acts on it.
        case openable
        /// On the screens, there is somewhere to go back to: a view below the top one, another
        /// section's top (back goes to the overview) or, with no report open, the archive home.
        /// Over zoom and in the help, back always acts (it leaves them).
        case backTarget
    }

    var keys: [Key]
    var command: Command
    var help: String
    /// Shown in the hint bar when set (in table order, as many as fit).
    var hint: String?
    var modes: Set<InputMode>
    var requires: Set<Requirement> = []

    /// The keys as written in the help, a run of digits shortened to "1–9".
    var keyLabels: [String] {
        var labels: [String] = []
        var index = keys.startIndex
        while index < keys.endIndex {
            var end = index
            while let digit = keys[end].digit, end + 1 < keys.endIndex, keys[end + 1].digit == digit + 1 { end += 1 }
            if end - index >= 2, let first = keys[index].digit, let last = keys[end].digit {
                labels.append("\(first)–\(last)")
            } else {
                for key in keys[index...end] { labels.append(key.label) }
            }
            index = end + 1
        }
        return labels
    }

    /// All keys, e.g. "Esc ← h BS" (the help's key column).
    var label: String { keyLabels.joined(separator: " ") }

    /// The first key, e.g. "Esc" (the hint bar shows one key per entry).
    var hintKey: String { keyLabels.first ?? "" }
}
