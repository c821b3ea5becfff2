/// What a key does.
enum Command: Sendable, Equatable {
    case down, up, pageDown, pageUp, halfDown, halfUp, top, bottom
    case drill, back, close, quit
    case section(Section), nextSection, previousSection
    case search, nextHit, previousHit
    case cycleFilter, clearFilter
    case help, redraw, zoom
    // Search prompt
    case confirmSearch, cancelSearch, deleteSearchCharacter
}

/// The input modes; each binding says in which it applies.
enum InputMode: Sendable, Hashable {
    case browse, help, zoom, searchPrompt
}

/// One entry of the key table: keys, command, Swedish help text, a short hint for the hint bar.
struct KeyBinding: Sendable {
    var keys: [Key]
    /// How the keys are written in the help and hint bar, e.g. "j ↓".
    var label: String
    var command: Command
    var help: String
    /// Shown in the hint bar when set (in table order, as many as fit).
    var hint: String?
    var modes: Set<InputMode>
    /// Only offered where the view has a status filter.
    var needsFilter = false
    /// Only offered when there are search hits.
    var needsHits = false
}

/// The one key table: it dispatches keys, draws the hint bar and the help overlay.
enum KeyBindings {
    static let all: [KeyBinding] = {
        let browse: Set<InputMode> = [.browse]
        let scrolling: Set<InputMode> = [.browse, .help]
        var table: [KeyBinding] = [
            KeyBinding(keys: [.char("?"), .function(1)], label: "? F1", command: .help, help: "Visa eller stäng hjälpen", hint: "hjälp", modes: [.browse, .help, .zoom]),
            KeyBinding(keys: [.enter, .right, .char("l")], label: "Enter → l", command: .drill, help: "Öppna den markerade raden (fäll ut/ihop en grupp)", hint: "öppna", modes: browse),
            KeyBinding(keys: [.escape, .left, .char("h"), .backspace], label: "Esc ← h BS", command: .back, help: "Tillbaka dit du var", hint: "tillbaka", modes: [.browse, .help, .zoom]),
            KeyBinding(keys: [.char("/")], label: "/", command: .search, help: "Sök i alla namn och texter i rapporten", hint: "sök", modes: browse),
            KeyBinding(keys: [.char("n")], label: "n", command: .nextHit, help: "Nästa träff", hint: "nästa", modes: browse, needsHits: true),
            KeyBinding(keys: [.char("N")], label: "N", command: .previousHit, help: "Föregående träff", hint: "föreg.", modes: browse, needsHits: true),
            KeyBinding(keys: [.char("f")], label: "f", command: .cycleFilter, help: "Filtrera på status (byter mellan statusarna)", hint: "filter", modes: browse, needsFilter: true),
            KeyBinding(keys: [.char("F")], label: "F", command: .clearFilter, help: "Ta bort filtret", modes: browse, needsFilter: true),
            KeyBinding(keys: [.char("z"), .char("+")], label: "z +", command: .zoom, help: "Zoom: stor, enkel översikt för projektor", hint: "zoom", modes: [.browse, .zoom]),
            KeyBinding(keys: [.tab], label: "Tab", command: .nextSection, help: "Nästa avsnitt", modes: browse),
            KeyBinding(keys: [.backTab], label: "S-Tab", command: .previousSection, help: "Föregående avsnitt", modes: browse),
            KeyBinding(keys: [.char("q")], label: "q", command: .close, help: "Stäng vyn; avsluta högst upp", hint: "stäng", modes: [.browse, .help, .zoom]),
            KeyBinding(keys: [.char("Q"), .ctrl("c")], label: "Q C-c", command: .quit, help: "Avsluta direkt", modes: [.browse, .help, .zoom, .searchPrompt]),
            KeyBinding(keys: [.down, .char("j")], label: "↓ j", command: .down, help: "Nästa rad", modes: scrolling),
            KeyBinding(keys: [.up, .char("k")], label: "↑ k", command: .up, help: "Föregående rad", modes: scrolling),
            KeyBinding(keys: [.pageDown, .char(" ")], label: "PgDn Mellanslag", command: .pageDown, help: "En sida ned", modes: scrolling),
            KeyBinding(keys: [.pageUp], label: "PgUp", command: .pageUp, help: "En sida upp", modes: scrolling),
            KeyBinding(keys: [.ctrl("d")], label: "C-d", command: .halfDown, help: "En halv sida ned", modes: scrolling),
            KeyBinding(keys: [.ctrl("u")], label: "C-u", command: .halfUp, help: "En halv sida upp", modes: scrolling),
            KeyBinding(keys: [.char("g"), .home], label: "g Home", command: .top, help: "Första raden", modes: scrolling),
            KeyBinding(keys: [.char("G"), .end], label: "G End", command: .bottom, help: "Sista raden", modes: scrolling),
            KeyBinding(keys: [.ctrl("l")], label: "C-l", command: .redraw, help: "Rita om skärmen", modes: [.browse, .help, .zoom, .searchPrompt]),
            KeyBinding(keys: [.enter], label: "Enter", command: .confirmSearch, help: "Sök", hint: "sök", modes: [.searchPrompt]),
            KeyBinding(keys: [.escape], label: "Esc", command: .cancelSearch, help: "Avbryt sökningen", hint: "avbryt", modes: [.searchPrompt]),
            KeyBinding(keys: [.backspace], label: "BS", command: .deleteSearchCharacter, help: "Radera ett tecken", hint: "radera", modes: [.searchPrompt]),
        ]
        let sectionKeys = Section.allCases.map { section in
            KeyBinding(keys: [.char(Character(String(section.rawValue)))], label: String(section.rawValue), command: .section(section),
                       help: "Avsnitt: \(section.title)", modes: browse)
        }
        // The digits are shown as one entry in the hint bar.
        table.insert(KeyBinding(keys: [], label: "1–\(Section.allCases.count)", command: .section(.overview),
                                help: "Avsnitt: " + Section.allCases.map { "\($0.rawValue) \($0.title)" }.joined(separator: ", "),
                                hint: "avsnitt", modes: browse), at: 8)
        return table + sectionKeys
    }()

    /// The command bound to `key` in `mode`.
    static func command(for key: Key, in mode: InputMode) -> Command? {
        all.first { $0.modes.contains(mode) && $0.keys.contains(key) }?.command
    }

    /// The entries the help overlay lists (key-less summary rows included, per-digit rows not).
    static var helpEntries: [KeyBinding] {
        all.filter { binding in
            if case .section = binding.command, !binding.keys.isEmpty { return false }
            return binding.modes.contains(.browse) || binding.modes.contains(.searchPrompt)
        }
    }
}
