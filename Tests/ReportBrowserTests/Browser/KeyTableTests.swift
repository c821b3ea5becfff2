import Testing
@testable import ReportBrowser

/// The key table: labels come from the keys, one binding per key and mode, digits map safely.
@Suite struct KeyTableTests {
    @Test func labelsAreWrittenFromTheKeys() throws {
        func label(_ command: Command) -> String? { KeyBindings.all.first { $0.command == command }?.label }
        #expect(label(.back) == "Esc ← h BS")
        #expect(label(.pageDown) == "PgDn Mellanslag C-f")
        #expect(label(.quit) == "Q C-c")
        #expect(label(.section) == "1–\(Section.allCases.count)")
        for binding in KeyBindings.all {
            #expect(binding.hintKey == binding.keyLabels.first, "\(binding.command)")
            #expect(!binding.label.isEmpty, "\(binding.command) has no keys")
        }
    }

    @Test func noKeyIsBoundTwiceInOneMode() throws {
        for mode in [InputMode.browse, .help, .zoom, .searchPrompt, .archiveHome] {
            var seen: [Key: Command] = [:]
            for binding in KeyBindings.all where binding.modes.contains(mode) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key) in \(mode): \(String(describing: seen[key])) and \(binding.command)")
                    seen[key] = binding.command
                }
            }
        }
    }

    @Test func everyDigitOpensItsSectionAndNumbersFromTenHaveNoKey() throws {
        for section in Section.allCases {
            let key = try #require(KeyBindings.digitKey(for: section))
            #expect(KeyBindings.section(for: key) == section)
            #expect(try BrowserFixture.state(key.description).section == section)
        }
        #expect(KeyBindings.digitKey(number: 10) == nil)
        #expect(KeyBindings.digitKey(number: 0) == nil)
        #expect(KeyBindings.section(for: .char("0")) == nil)
    }

    @Test func theHintBarShowsOneKeyPerEntry() throws {
        let lines = render(try BrowserFixture.state("2", width: 200, height: 30)).lines()
        let hints = lines.last ?? ""
        #expect(hints.contains(" ? hjälp "))
        #expect(hints.contains(" Esc tillbaka "))
        #expect(hints.contains(" 1–9 avsnitt "))
        #expect(!hints.contains("F1"))
    }
}
