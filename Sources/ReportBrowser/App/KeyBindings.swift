/// The one key table: it dispatches keys, draws the hint bar and the help overlay.
enum KeyBindings {
    static let all: [KeyBinding] = {
        let browse: Set<InputMode> = [.browse]
        let scrolling: Set<InputMode> = [.browse, .help, .archiveHome]
        let table: [KeyBinding] = [
            KeyBinding(keys: [.char("?"), .function(1)], command: .help, help: "Visa eller stäng hjälpen", hint: "hjälp", modes: [.browse, .help, .zoom, .archiveHome]),
            KeyBinding(keys: [.enter, .right, .char("l")], command: .drill, help: "Öppna den markerade raden (fäll ut/ihop en grupp)", hint: "öppna", modes: browse,
                       requires: [.openable]),
            KeyBinding(keys: [.escape, .left, .char("h"), .backspace], command: .back, help: "Tillbaka dit du var", hint: "tillbaka", modes: [.browse, .help, .zoom],
                       requires: [.backTarget]),
            KeyBinding(keys: [.char("/")], command: .search, help: "Sök i namn, texter och tabellsiffror", hint: "sök", modes: browse, requires: [.report]),
            KeyBinding(keys: [.char("n")], command: .nextHit, help: "Nästa träff", hint: "nästa", modes: browse, requires: [.hits]),
            KeyBinding(keys: [.char("N")], command: .previousHit, help: "Föregående träff", hint: "föreg.", modes: browse, requires: [.hits]),
            KeyBinding(keys: [.char("f")], command: .cycleFilter, help: "Filtrera på status (byter mellan statusarna)", hint: "filter", modes: browse, requires: [.filter]),
            KeyBinding(keys: [.char("F")], command: .clearFilter, help: "Ta bort filtret", modes: browse, requires: [.filter]),
            KeyBinding(keys: Section.allCases.compactMap(digitKey(for:)), command: .section,
                       help: "Avsnitt: " + Section.allCases.map { "\($0.rawValue) \($0.title)" }.joined(separator: ", "), hint: "avsnitt", modes: browse, requires: [.report]),
            KeyBinding(keys: [.char("z"), .char("+")], command: .zoom, help: "Zoom: stor, enkel översikt för projektor", hint: "zoom", modes: [.browse, .zoom], requires: [.report]),
            KeyBinding(keys: [.char("r")], command: .statusBasis, help: "Status: beräknad eller rapportens bedömning", modes: [.browse, .zoom], requires: [.report]),
            KeyBinding(keys: [.tab], command: .nextSection, help: "Nästa avsnitt", modes: browse, requires: [.report]),
            KeyBinding(keys: [.backTab], command: .previousSection, help: "Föregående avsnitt", modes: browse, requires: [.report]),
            KeyBinding(keys: [.char("q")], command: .close, help: "Stäng vyn; avsluta högst upp", hint: "stäng", modes: [.browse, .help, .zoom, .archiveHome]),
            KeyBinding(keys: [.char("Q"), .ctrl("c")], command: .quit, help: "Avsluta direkt", modes: [.browse, .help, .zoom, .searchPrompt, .archiveHome]),
            KeyBinding(keys: [.down, .char("j"), .ctrl("n")], command: .down, help: "Nästa rad", modes: scrolling),
            KeyBinding(keys: [.up, .char("k"), .ctrl("p")], command: .up, help: "Föregående rad", modes: scrolling),
            KeyBinding(keys: [.pageDown, .char(" "), .ctrl("f")], command: .pageDown, help: "En sida ned", modes: scrolling),
            KeyBinding(keys: [.pageUp, .ctrl("b")], command: .pageUp, help: "En sida upp", modes: scrolling),
            KeyBinding(keys: [.ctrl("d")], command: .halfDown, help: "En halv sida ned", modes: scrolling),
            KeyBinding(keys: [.ctrl("u")], command: .halfUp, help: "En halv sida upp", modes: scrolling),
            KeyBinding(keys: [.char("g"), .home], command: .top, help: "Första raden", modes: scrolling),
            KeyBinding(keys: [.char("G"), .end], command: .bottom, help: "Sista raden", modes: scrolling),
            KeyBinding(keys: [.ctrl("l")], command: .redraw, help: "Rita om skärmen", modes: [.browse, .help, .zoom, .searchPrompt, .archiveHome]),
            KeyBinding(keys: [.enter], command: .confirmSearch, help: "Stanna vid träffen", hint: "stanna", modes: [.searchPrompt]),
            KeyBinding(keys: [.escape], command: .cancelSearch, help: "Avbryt, tillbaka dit du var", hint: "avbryt", modes: [.searchPrompt]),
            KeyBinding(keys: [.backspace], command: .deleteSearchCharacter, help: "Radera ett tecken", hint: "radera", modes: [.searchPrompt]),
        ] + archive
        return table
    }()

    /// The archive's keys (ArchiveKeys.swift), after the others so the hint bar keeps its order.
    static let archive: [KeyBinding] = ArchiveKeys.bindings

    /// The digit that opens a section (`1`…`9`); later sections are reached with Tab.
    static func digitKey(for section: Section) -> Key? { digitKey(number: section.rawValue) }

    /// The key of a one-digit number; nil from 10 on (there is no key "10").
    static func digitKey(number: Int) -> Key? {
        (1...9).contains(number) ? .char(Character(String(number))) : nil
    }

    /// The section a digit key opens.
    static func section(for key: Key) -> Section? {
        Section.allCases.first { digitKey(for: $0) == key }
    }

    /// The command bound to `key` in `mode`.
    static func command(for key: Key, in mode: InputMode) -> Command? {
        all.first { $0.modes.contains(mode) && $0.keys.contains(key) }?.command
    }

    /// Whether `binding`'s keys act in `mode` as `state` stands: the mode is one of its modes and
    /// every requirement holds (a report is open, the archive is there, the view has a filter …).
    static func acts(_ binding: KeyBinding, in mode: InputMode, _ state: AppState) -> Bool {
        guard binding.modes.contains(mode) else { return false }
        return binding.requires.allSatisfy { requirement in
            switch requirement {
            case .report: state.hasReport
            case .archive: state.archive.available
            case .archivedReport: state.archive.reportID != nil
            case .filter: !FilterOptions.labels(for: state.top.id, data: state.data).isEmpty
            case .hits: !state.search.hits.isEmpty
            case .indicator: state.showsIndicator
            case .openable: state.top.visibleSelectedLine(state.viewportHeight).map { state.top.model.line($0).action != nil } ?? false
            case .backTarget: mode != .browse || state.stack.count > 1 || state.section != .overview || !state.hasReport
            }
        }
    }

    /// The mode whose keys the help lists: the one it was opened over (else the current one).
    static func helpMode(_ state: AppState) -> InputMode {
        if case .help(let base, _) = state.mode { return base.mode.keys }
        return state.mode.keys
    }

    /// The entries the help lists: those that act where it was opened, and when `/` acts there,
    /// the search prompt's keys (marked "i sökrutan").
    static func helpEntries(_ state: AppState) -> [KeyBinding] {
        let mode = helpMode(state)
        let searchActs = all.contains { $0.command == .search && acts($0, in: mode, state) }
        return all.filter { acts($0, in: mode, state) || (searchActs && $0.modes == [.searchPrompt]) }
    }
}

extension Key {
    /// How the help and the hint bar write the key: arrows as arrows, a few names shortened, the
    /// rest as in the key script notation without brackets ("<C-d>" is "C-d").
    var label: String {
        switch self {
        case .char(" "): "Mellanslag"
        case .char(let character): String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .resize(let width, let height): "\(width)×\(height)"
        case .mouse: "mus"
        default: String(description.dropFirst().dropLast())
        }
    }

    /// The digit's value for the keys `0`…`9`.
    var digit: Int? {
        guard case .char(let character) = self, let value = character.wholeNumberValue, character.isASCII else { return nil }
        return value
    }
}
