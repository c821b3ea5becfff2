import Testing
@testable import ReportBrowser

@Suite struct KeyScriptTests {
    @Test func printableCharactersAreThemselves() throws {
        #expect(try KeyScript.parse("jjå/") == [.char("j"), .char("j"), .char("å"), .char("/")])
    }

    @Test func parsesNamedKeys() throws {
        let keys = try KeyScript.parse(
            "<Enter><Esc><Tab><S-Tab><BS><Up><Down><Left><Right><PageUp><PageDown><Home><End><F1><F12><Space><lt>")
        #expect(keys == [.enter, .escape, .tab, .backTab, .backspace, .up, .down, .left, .right,
                         .pageUp, .pageDown, .home, .end, .function(1), .function(12), .char(" "), .char("<")])
    }

    @Test func namesAreCaseInsensitive() throws {
        #expect(try KeyScript.parse("<enter><CR><ESC><pageup>") == [.enter, .enter, .escape, .pageUp])
    }

    @Test func parsesControlKeysInLowerCase() throws {
        #expect(try KeyScript.parse("<C-c><C-L>") == [.ctrl("c"), .ctrl("l")])
    }

    @Test func parsesResizeAndClicks() throws {
        #expect(try KeyScript.parse("<resize 40x12>q") == [.resize(width: 40, height: 12), .char("q")])
        #expect(try KeyScript.parse("<click 3,4><mouse wheeldown 0,0>") == [
            .mouse(MouseEvent(kind: .press(button: 1), x: 3, y: 4)),
            .mouse(MouseEvent(kind: .wheelDown, x: 0, y: 0)),
        ])
    }

    @Test func newlinesInTheScriptAreIgnored() throws {
        #expect(try KeyScript.parse("j\nk\tq") == [.char("j"), .char("k"), .char("q")])
    }

    @Test func unknownNameSaysWhatAndWhere() {
        #expect(throws: KeyScriptError.unknownKeyName("Foo", position: 7)) {
            try KeyScript.parse("jjjjjj<Foo>")
        }
        #expect(KeyScriptError.unknownKeyName("Foo", position: 7).description == "unknown key name <Foo> at position 7")
        #expect(KeyScriptError.unknownKeyName("Foo", position: 7).userMessage == "okänt tangentnamn <Foo> på position 7")
    }

    @Test func otherErrorsAreLocated() {
        #expect(throws: KeyScriptError.unterminated(position: 2)) { try KeyScript.parse("a<Enter") }
        #expect(throws: KeyScriptError.invalidArgument("resize 0x5", position: 1)) { try KeyScript.parse("<resize 0x5>") }
        #expect(throws: KeyScriptError.invalidArgument("resize 99999x5", position: 1)) { try KeyScript.parse("<resize 99999x5>") }
        #expect(throws: KeyScriptError.unknownKeyName("", position: 2)) { try KeyScript.parse("q<>") }
        #expect(throws: KeyScriptError.unknownKeyName("F13", position: 1)) { try KeyScript.parse("<F13>") }
        #expect(throws: KeyScriptError.unknownKeyName("C-ab", position: 1)) { try KeyScript.parse("<C-ab>") }
        #expect(throws: KeyScriptError.unprintable(position: 2)) { try KeyScript.parse("a\u{1B}") }
    }

    @Test func descriptionsParseBackToTheSameKeys() throws {
        let keys: [Key] = [.char("x"), .char("<"), .char(" "), .enter, .escape, .backTab, .delete, .function(5),
                           .ctrl("d"), .resize(width: 80, height: 24),
                           .mouse(MouseEvent(kind: .press(button: 1), x: 1, y: 2)),
                           .mouse(MouseEvent(kind: .release(button: 3), x: 1, y: 2))]
        let script = keys.map(\.description).joined()
        #expect(try KeyScript.parse(script) == keys)
    }
}

@Suite struct ThemeTests {
    @Test func monochromeDistinguishesStatusesWithoutColour() {
        let theme = Theme.mono
        let statuses: [StyleRole] = [.statusMet, .statusApproaching, .statusNotMet, .notAssessed]
        let specs = statuses.map { theme.spec(for: $0) }
        #expect(Set(specs).count == 4)
        for spec in specs {
            #expect(spec.foreground == .default && spec.background == .default)
            #expect(!spec.attributes.isEmpty)
        }
        let bars: [StyleRole] = [.barMet, .barApproaching, .barNotMet, .barNotAssessed]
        #expect(Set(bars.map { theme.spec(for: $0) }).count == 4)
    }

    @Test func monochromeUsesNoColourForAnyRole() {
        for role in StyleRole.allCases {
            let spec = Theme.mono.spec(for: Style(role, .bold))
            #expect(spec.foreground == .default && spec.background == .default)
        }
    }

    @Test func coloredThemesDistinguishStatuses() {
        for theme in [Theme.dark, Theme.light] {
            let statuses: [StyleRole] = [.statusMet, .statusApproaching, .statusNotMet, .notAssessed]
            #expect(Set(statuses.map { theme.spec(for: $0) }).count == 4)
            #expect(theme.spec(for: .selection) != theme.spec(for: StyleRole.normal))
        }
    }

    @Test func lightThemeAvoidsWhiteAndYellowTextOnDefaultBackground() {
        for role in StyleRole.allCases {
            let spec = Theme.light.spec(for: role)
            if spec.background == .default {
                #expect(spec.foreground != .white && spec.foreground != .yellow, "\(role)")
            }
        }
    }

    @Test func styleAttributesAddToTheRole() {
        #expect(Theme.dark.spec(for: Style(.statusMet, .underline)).attributes == [.bold, .underline])
    }

    @Test func themesAreFoundByName() {
        #expect(Theme.named("dark") == .dark)
        #expect(Theme.named("LIGHT") == .light)
        #expect(Theme.named("mono") == .mono)
        #expect(Theme.named("sepia") == nil)
        #expect(Theme.names.compactMap(Theme.named).count == 3)
    }
}

@Suite struct RectTests {
    @Test func splitsClampToTheRect() {
        let rect = Rect(x: 0, y: 0, width: 80, height: 24)
        let (header, rest) = rect.splitTop(1)
        let (body, hints) = rest.splitBottom(1)
        #expect(header == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(body == Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(hints == Rect(x: 0, y: 23, width: 80, height: 1))
        let (left, right) = body.splitLeft(100)
        #expect(left == body && right.isEmpty)
        #expect(Rect(x: 0, y: 0, width: 3, height: 1).splitRight(-2).right.width == 0)
    }

    @Test func insetNeverGoesNegative() {
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
        #expect(Rect(x: 2, y: 2, width: 10, height: 5).inset(by: 1) == Rect(x: 3, y: 3, width: 8, height: 3))
    }

    @Test func columnsCutAtTheRightEdge() {
        let columns = Rect(x: 0, y: 0, width: 10, height: 1).columns([4, 4, 4])
        #expect(columns.map(\.width) == [4, 4, 0])
        #expect(columns.map(\.x) == [0, 5, 10])
    }

    @Test func intersectionAndContainment() {
        let a = Rect(x: 0, y: 0, width: 5, height: 5)
        #expect(a.intersection(Rect(x: 3, y: 3, width: 5, height: 5)) == Rect(x: 3, y: 3, width: 2, height: 2))
        #expect(a.intersection(Rect(x: 9, y: 9, width: 1, height: 1)).isEmpty)
        #expect(a.contains(x: 4, y: 0) && !a.contains(x: 5, y: 0))
    }
}
