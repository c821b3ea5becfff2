/// The archive's entries of the key table.
enum ArchiveKeys {
    static let bindings: [KeyBinding] = {
        let home: Set<InputMode> = [.archiveHome]
        // In a report, the keys that need the report's place in the archive.
        let archived: Set<KeyBinding.Requirement> = [.archive, .report, .archivedReport]
        return [
            KeyBinding(keys: [.char("a")], command: .archiveHome, help: "Arkivet: alla nämnder och perioder", hint: "arkiv", modes: [.browse],
                       requires: [.archive]),
            KeyBinding(keys: [.char("d")], command: .changes, help: "Förändringar mot nämndens förra rapport i arkivet", hint: "förändr.",
                       modes: [.browse], requires: archived),
            KeyBinding(keys: [.char("p")], command: .forecast, help: "Prognos mot utfall: delårsrapportens prognos mot årets verksamhetsberättelse",
                       modes: [.browse], requires: archived),
            KeyBinding(keys: [.char("H")], command: .history, help: "Den markerade indikatorns historik i nämndens rapporter i arkivet",
                       modes: [.browse], requires: archived.union([.indicator])),
            KeyBinding(keys: [.char("K")], command: .kommun, help: "Hela kommunen: alla nämnders status och avvikelse för rapportens period",
                       hint: "kommunen", modes: [.browse], requires: archived),
            KeyBinding(keys: [.char("K")], command: .kommun, help: "Hela kommunen: alla nämnders status och avvikelse för den markerade perioden",
                       hint: "kommunen", modes: home, requires: [.archive]),
            KeyBinding(keys: [.enter], command: .drill, help: "Öppna rapporten i den markerade rutan", hint: "öppna", modes: home,
                       requires: [.archive]),
            KeyBinding(keys: [.left, .char("h")], command: .previousColumn, help: "Föregående period", hint: "period", modes: home,
                       requires: [.archive]),
            KeyBinding(keys: [.right, .char("l")], command: .nextColumn, help: "Nästa period", modes: home, requires: [.archive]),
            KeyBinding(keys: [.escape, .backspace, .char("a")], command: .back, help: "Tillbaka till rapporten", hint: "tillbaka",
                       modes: home, requires: [.archive, .report]),
        ]
    }()
}
