import Testing
@testable import ReportBrowser

/// The `?` help and the hint bar list only the keys that act where they are shown: a report
/// opened as a file has no archive keys, the archive home has its own, zoom has zoom's, and a
/// key that needs a filter, search hits or an indicator is listed only where there is one.
@Suite struct HelpContextTests {
    let archive = ArchiveFixture.full

    /// The whole help, tall enough that nothing scrolls away.
    func help(_ state: AppState) -> String {
        render(state).lines().joined(separator: "\n")
    }

    /// Texts that only the archive's keys have in the help.
    static let archiveTexts = ["Arkivet:", "Förändringar mot", "Prognos mot utfall", "historik", "Hela kommunen", "(arkivet)",
                               "Tillbaka till rapporten"]

    @Test func aReportOpenedAsAFileListsNoArchiveKeysInTheHelp() throws {
        let state = try BrowserFixture.state("?", width: 120, height: 80)
        let text = help(state)
        #expect(text.contains("Hjälp – tangenter"))
        for archiveText in Self.archiveTexts {
            #expect(!text.contains(archiveText), "\(archiveText) in the help of a file")
        }
        for command in [Command.archiveHome, .changes, .forecast, .history, .kommun, .previousColumn, .nextColumn] {
            #expect(!KeyBindings.helpEntries(state).contains { $0.command == command }, "\(command)")
        }
        // What does act is there.
        #expect(text.contains("Sök i namn, texter och tabellsiffror"))
        #expect(text.contains("Avsnitt: 1 Översikt"))
    }

    @Test func aReportFromTheArchiveListsTheArchiveKeysOfAReport() throws {
        let text = help(try archive.state("jl<Enter>?", width: 120, height: 80))
        #expect(text.contains("Arkivet: alla nämnder och perioder"))
        #expect(text.contains("Förändringar mot nämndens förra rapport"))
        #expect(text.contains("Prognos mot utfall"))
        #expect(text.contains("Hela kommunen"))
        // The home's own keys act on the home, not here.
        #expect(!text.contains("(arkivet)"))
        #expect(!text.contains("Tillbaka till rapporten"))
        // The overview shows no indicator, so H (history) does nothing here.
        #expect(!text.contains("historik"))
        // On the indicator list it acts on the selected indicator.
        #expect(help(try archive.state("jl<Enter>9?", width: 120, height: 80)).contains("Den markerade indikatorns historik"))
    }

    @Test func theHomeWithoutAReportListsOnlyTheHomesKeys() throws {
        let state = try archive.state("?", width: 120, height: 80)
        #expect(state.mode == .help(over: .archiveHome, scroll: 0))
        let text = help(state)
        #expect(text.contains("Öppna rapporten i den markerade rutan"))
        #expect(text.contains("Föregående period"))
        #expect(text.contains("Hela kommunen"))
        #expect(text.contains("Nästa rad"))
        for absent in ["Sök i namn", "Avsnitt:", "Filtrera", "Zoom", "Nästa avsnitt", "Tillbaka till rapporten", "Arkivet:", "i sökrutan"] {
            #expect(!text.contains(absent), "\(absent) in the help of the home without a report")
        }
        // With a report open, Esc (and a) go back to it.
        #expect(help(try archive.state("jl<Enter>a?", width: 120, height: 80)).contains("Tillbaka till rapporten"))
    }

    @Test func zoomListsZoomsKeys() throws {
        let text = help(try BrowserFixture.state("z?", width: 120, height: 80))
        #expect(text.contains("Zoom: stor, enkel översikt"))
        #expect(text.contains("Status: beräknad eller rapportens bedömning"))
        #expect(text.contains("Avsluta direkt"))
        for absent in ["Sök i namn", "Avsnitt:", "Nästa rad", "Filtrera", "Nästa träff", "i sökrutan"] {
            #expect(!text.contains(absent), "\(absent) in the help over zoom")
        }
    }

    @Test func filterAndHitKeysAreListedOnlyWhereTheyAct() throws {
        let overview = help(try BrowserFixture.state("?", width: 120, height: 80))
        #expect(!overview.contains("Filtrera på status"))
        #expect(!overview.contains("Nästa träff"))
        let list = help(try BrowserFixture.state("9?", width: 120, height: 80))
        #expect(list.contains("Filtrera på status"))
        #expect(list.contains("Ta bort filtret"))
        let searched = help(try BrowserFixture.state("/sjukfrånvaro<Enter>?", width: 120, height: 80))
        #expect(searched.contains("Nästa träff"))
        #expect(searched.contains("Föregående träff"))
    }

    @Test func theHintBarOfTheHomeWithoutAReportOffersNoKeyThatDoesNothing() throws {
        let hints = render(try archive.state("", width: 200, height: 30)).lines().last ?? ""
        #expect(hints.contains(" Enter öppna "))
        #expect(hints.contains(" K kommunen "))
        #expect(!hints.contains(" a arkiv "), "\(hints)")
        // The kommun view opened from the home has no report behind it: no sections, no search.
        let kommun = try archive.state("K", width: 200, height: 30)
        #expect(!kommun.hasReport)
        let bar = render(kommun).lines().last ?? ""
        #expect(!bar.contains(" / sök "), "\(bar)")
        #expect(!bar.contains(" 1–9 avsnitt "), "\(bar)")
        #expect(!bar.contains(" z zoom "), "\(bar)")
        #expect(bar.contains(" a arkiv"), "\(bar)")
    }

    /// Messages the browser gives for a key that does nothing where it was pressed.
    static let nothingDone = ["Rapporten är inte öppnad ur arkivet", "Ingen rapport är öppen", "Vyn har inget statusfilter",
                              "Ingen sökning", "Markera en indikator först", "Välj en rapport med Enter", "Okänd tangent",
                              "Du är högst upp", "Inget att öppna här"]

    /// Every context the help opens over, reached by keys: a file, a report from the archive
    /// (overview, indicator list, indicator), the home with and without a report, the kommun
    /// view without a report, zoom, and a search with hits.
    static let fileContexts = ["", "9", "2jj<Enter>j<Enter>", "4", "z", "/sjukfrånvaro<Enter>", "7<Enter>", "3<Enter>", "8j<Enter>", "2"]
    static let archiveContexts = ["", "jl<Enter>", "jl<Enter>9", "jl<Enter>a", "K", "jl<Enter>z", "jl<Enter>2jj<Enter>j<Enter>"]

    @Test func everyKeyTheHelpListsActsWhereTheHelpWasOpened() throws {
        func check(_ base: AppState, _ context: String, press: (String) throws -> AppState) throws {
            var helpState = base
            _ = update(&helpState, .key(.char("?")))
            for binding in KeyBindings.helpEntries(helpState) where !binding.modes.isDisjoint(with: [.browse, .zoom, .archiveHome]) {
                guard let key = binding.keys.first, binding.command != .quit, binding.command != .close else { continue }
                let after = try press(key.description)
                let message = after.message?.text ?? ""
                #expect(!Self.nothingDone.contains { message.hasPrefix($0) },
                        "\(binding.label) (\(binding.command)) listed in the help of \"\(context)\" but: \(message)")
            }
        }
        for context in Self.fileContexts {
            try check(try BrowserFixture.state(context), context) { try BrowserFixture.state(context + $0) }
        }
        for context in Self.archiveContexts {
            try check(try archive.state(context), context) { try archive.state(context + $0) }
        }
    }

    @Test func enterAndEscAreOfferedOnlyWhereTheyDoSomething() throws {
        // The top of the overview: Esc has nowhere to go back to.
        let top = render(try BrowserFixture.state("", width: 200, height: 30)).lines().last ?? ""
        #expect(!top.contains(" Esc tillbaka "), "\(top)")
        #expect(top.contains(" Enter öppna "), "\(top)")
        #expect(!help(try BrowserFixture.state("?", width: 120, height: 80)).contains("Tillbaka dit du var"))
        // A text has nothing to open; Esc goes back from it.
        let text = render(try BrowserFixture.state("7<Enter>", width: 200, height: 30)).lines().last ?? ""
        #expect(!text.contains(" Enter öppna "), "\(text)")
        #expect(text.contains(" Esc tillbaka "), "\(text)")
        #expect(!help(try BrowserFixture.state("7<Enter>?", width: 120, height: 80)).contains("Öppna den markerade raden"))
        // Another section's top goes back to the overview; while the help is shown Esc closes it.
        #expect(help(try BrowserFixture.state("2?", width: 120, height: 80)).contains("Tillbaka dit du var"))
        #expect((render(try BrowserFixture.state("?", width: 200, height: 30)).lines().last ?? "").contains(" Esc tillbaka "))
    }

    @Test func zoomAndStatusBasisNeedAReport() throws {
        let state = try archive.state("Kz")
        #expect(state.mode == .browse)
        #expect(state.message?.text.hasPrefix("Ingen rapport är öppen") == true)
    }
}
