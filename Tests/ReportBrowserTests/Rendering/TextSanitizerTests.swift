import Testing
@testable import ReportBrowser

@Suite struct TextSanitizerTests {
    @Test func plainTextIsUnchanged() {
        #expect(TextSanitizer.sanitize("Kommunstyrelsen 2021 – åäö") == "Kommunstyrelsen 2021 – åäö")
    }

    @Test func controlsBecomeReplacementAndWhitespaceBecomesSpace() {
        #expect(TextSanitizer.sanitize("a\tb\r\nc\u{1B}d\u{7F}e\u{9B}f") == "a b c�d�e�f")
    }

    @Test func bidiOverridesBecomeVisibleAndMarksVanish() {
        #expect(TextSanitizer.sanitize("\u{202E}abc\u{202C}") == "�abc�")
        #expect(TextSanitizer.sanitize("a\u{200F}b\u{200B}c\u{FEFF}d\u{AD}e") == "abcde")
    }

    @Test func zeroWidthJoinerInEmojiIsKept() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(TextSanitizer.sanitize(family) == family)
    }

    @Test func wrapsWordsByDisplayWidth() {
        let text = "Andelen elever som är behöriga till gymnasiet ska öka"
        let lines = TextSanitizer.wrap(text, width: 20)
        #expect(lines == ["Andelen elever som", "är behöriga till", "gymnasiet ska öka"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    @Test func wrapKeepsParagraphsAndBreaksLongWords() {
        #expect(TextSanitizer.wrap("ett\n\ntvå", width: 10) == ["ett", "", "två"])
        #expect(TextSanitizer.wrap("a\r\nb", width: 10) == ["a", "b"])
        #expect(TextSanitizer.wrap("verksamhetsplanering", width: 8) == ["verksamh", "etsplane", "ring"])
        #expect(TextSanitizer.wrap("日本語です", width: 5) == ["日本", "語で", "す"])
        #expect(TextSanitizer.wrap("x", width: 0) == [])
        #expect(TextSanitizer.wrap("日", width: 1) == [""])
    }

    @Test func wrapSanitizesEachLine() {
        let lines = TextSanitizer.wrap("a\u{1B}[2Jb c", width: 40)
        #expect(lines == ["a�[2Jb c"])
    }

    @Test func truncateAddsEllipsisAndNeverSplitsGraphemes() {
        #expect(TextSanitizer.truncate("Måluppfyllelse", width: 6) == "Målup…")
        #expect(TextSanitizer.truncate("kort", width: 4) == "kort")
        #expect(TextSanitizer.truncate("日本語", width: 4) == "日…")
        #expect(TextSanitizer.truncate("abc", width: 1) == "…")
        #expect(TextSanitizer.truncate("abc", width: 0) == "")
        #expect(TextSanitizer.truncate("a\u{30A}bcd", width: 3) == "a\u{30A}b…")
    }

    @Test func fitPadsToExactWidth() {
        #expect(TextSanitizer.fit("12", width: 5, alignment: .right) == "   12")
        #expect(TextSanitizer.fit("ab", width: 5, alignment: .center) == " ab  ")
        #expect(TextSanitizer.fit("日本語", width: 4) == "日… ")
        #expect(DisplayWidth.of(TextSanitizer.fit("日本語", width: 4)) == 4)
    }
}

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("å", 1), ("Ö", 1), ("a\u{30A}", 1), ("…", 1), ("─", 1), ("●", 1), ("▁", 1),
        ("日", 2), ("한", 2), ("ｶ", 1), ("Ａ", 2), ("🙂", 2), ("👍🏽", 2), ("👨\u{200D}👩\u{200D}👧", 2),
        ("🇸🇪", 2), ("❤\u{FE0F}", 2), ("❤", 1), ("⌚", 2), ("⌚\u{FE0E}", 1),
        ("\u{301}", 0), ("\u{200B}", 0), ("\u{200D}", 0),
    ] as [(String, Int)])
    func measuresGraphemes(text: String, expected: Int) throws {
        let character = try #require(text.first)
        #expect(text.count == 1)
        #expect(DisplayWidth.of(character) == expected)
    }

    @Test func measuresStrings() {
        #expect(DisplayWidth.of("Mål 日本") == 8)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func searchLowercasingMatchesTheStandardLibrary() {
        for text in ["ÅÄÖ åäö ÉÈ × ÷ ß ÿ – “X” …", "ΣΑΣ Straße İstanbul", "MIXED Case 123", "\u{1F600} Ǆ ǅ"] {
            var bytes: [UInt8] = []
            SearchIndex.appendLowercased(text, to: &bytes)
            #expect(bytes == Array(text.lowercased().utf8), "\(text)")
        }
    }

    @Test func displayWidthOfSimpleTextMatchesCharacterByCharacter() {
        for text in ["", "Kommunstyrelsen – åäö ÅÄÖ é × ÷ ÿ “citat” …", "tab\there", "e\u{301}t", "👍🏽 漢字", "a\u{AD}b", "a\u{200D}b", "\r\n"] {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text)")
            #expect(DisplayWidth.of(text[...]) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text)")
        }
    }
}
