/// The archive's entries of the key table.
enum ArchiveKeys {
    static let bindings: [KeyBinding] = {
        let home: Set<InputMode> = [.archiveHome]
        var bindings: [KeyBinding] = [
            KeyBinding(keys: [.char("a")], command: .archiveHome, help: "Arkivet: alla nämnder och perioder (tillbaka till rapporten i arkivet)",
                       hint: "arkiv", modes: [.browse, .archiveHome]),
            KeyBinding(keys: [.char("d")], command: .changes, help: "Förändringar mot nämndens förra rapport i arkivet", hint: "förändr.", modes: [.browse]),
            KeyBinding(keys: [.char("p")], command: .forecast, help: "Prognos mot utfall: delårsrapportens prognos mot årets verksamhetsberättelse",
                       modes: [.browse]),
            KeyBinding(keys: [.char("H")], command: .history, help: "Den markerade indikatorns historik i nämndens rapporter i arkivet", modes: [.browse]),
            KeyBinding(keys: [.char("K")], command: .kommun, help: "Hela kommunen: alla nämnders status och avvikelse för en period",
                       hint: "kommunen", modes: [.browse, .archiveHome]),
            KeyBinding(keys: [.enter], command: .drill, help: "Öppna rapporten i den markerade rutan (arkivet)", hint: "öppna", modes: home),
            KeyBinding(keys: [.left, .char("h")], command: .previousColumn, help: "Föregående period (arkivet)", hint: "period", modes: home),
            KeyBinding(keys: [.right, .char("l")], command: .nextColumn, help: "Nästa period (arkivet)", modes: home),
            KeyBinding(keys: [.escape, .backspace], command: .back, help: "Tillbaka till rapporten (arkivet)", modes: home),
        ]
        for index in bindings.indices { bindings[index].needsArchive = true }
        return bindings
    }()
}
