import Testing
@testable import ReportBrowser

@Suite struct GridTests {
    @Test func writesSwedishLettersOneColumnEach() {
        var grid = Grid(width: 10, height: 1)
        let used = grid.put("åäö ÅÄÖ", x: 0, y: 0)
        #expect(used == 7)
        #expect(grid.lines() == ["åäö ÅÄÖ"])
        #expect(grid[x: 2, y: 0].character == "ö")
    }

    @Test func keepsDecomposedLetterInOneCell() {
        var grid = Grid(width: 5, height: 1)
        let used = grid.put("a\u{30A}b", x: 0, y: 0)
        #expect(used == 2)
        #expect(grid[x: 0, y: 0].character.unicodeScalars.count == 2)
        #expect(grid[x: 1, y: 0].character == "b")
    }

    @Test func wideCharactersTakeALeadAndAContinuationCell() {
        var grid = Grid(width: 6, height: 1)
        let used = grid.put("日本x", x: 0, y: 0)
        #expect(used == 5)
        #expect(grid[x: 0, y: 0].width == 2)
        #expect(grid[x: 1, y: 0].isContinuation)
        #expect(grid[x: 4, y: 0].character == "x")
        #expect(grid.lines() == ["日本x"])
    }

    @Test func emojiIsTwoColumnsWide() {
        var grid = Grid(width: 6, height: 1)
        #expect(grid.put("🙂a", x: 0, y: 0) == 3)
        #expect(grid[x: 2, y: 0].character == "a")
    }

    @Test func truncatesWithEllipsisAtMaxWidth() {
        var grid = Grid(width: 20, height: 1)
        let used = grid.put("Förskoleverksamhet", x: 1, y: 0, maxWidth: 8)
        #expect(used == 8)
        #expect(grid.lines() == [" Förskol…"])
    }

    @Test func truncatesAtTheRightEdge() {
        var grid = Grid(width: 6, height: 1)
        #expect(grid.put("abcdefgh", x: 0, y: 0) == 6)
        #expect(grid.lines() == ["abcde…"])
    }

    @Test func textThatFitsExactlyIsNotTruncated() {
        var grid = Grid(width: 5, height: 1)
        grid.put("åbcdé", x: 0, y: 0)
        #expect(grid.lines() == ["åbcdé"])
    }

    @Test func neverSplitsAWideCharacterWhenTruncating() {
        var grid = Grid(width: 10, height: 1)
        let used = grid.put("日本語です", x: 0, y: 0, maxWidth: 4)
        #expect(used == 3)
        #expect(grid.lines() == ["日…"])
        #expect(grid[x: 3, y: 0] == .blank)
    }

    @Test func wideCharacterThatDoesNotFitTheLastColumnIsTruncated() {
        var grid = Grid(width: 3, height: 1)
        grid.put("ab", x: 0, y: 0)
        #expect(grid.put("日", x: 2, y: 0) == 1)
        #expect(grid.lines() == ["ab…"])
        #expect(!grid.cells.contains { $0.width == 2 })
    }

    @Test func negativeColumnsAreClippedWithoutShiftingText() {
        var grid = Grid(width: 5, height: 1)
        grid.put("abcdef", x: -2, y: 0, maxWidth: 6)
        #expect(grid.lines() == ["cdef"])
        var wide = Grid(width: 4, height: 1)
        wide.put("日本", x: -1, y: 0)
        #expect(wide.lines() == [" 本"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("日本", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.lines() == [" x本"])
        grid.put("y", x: 2, y: 0)
        #expect(grid.lines() == [" xy"])
        #expect(grid[x: 3, y: 0] == .blank)
    }

    @Test func zeroWidthLeadingMarkIsSkipped() {
        var grid = Grid(width: 4, height: 1)
        #expect(grid.put("\u{301}ab", x: 0, y: 0) == 2)
        #expect(grid.lines() == ["ab"])
    }

    @Test func controlCharactersNeverReachTheGrid() {
        let hostile = [
            "\u{1B}[31mröd\u{1B}[0m",            // CSI
            "\u{1B}]0;title\u{07}x",              // OSC with BEL
            "\u{1B}]52;c;aGVq\u{1B}\\",           // OSC 52 with ST
            "a\u{9B}31mb\u{85}c\u{9D}d",          // C1 CSI, NEL, C1 OSC
            "\u{202E}evil\u{202C} \u{2066}x\u{2069}\u{200F}",
            "tab\there\r\nnew\u{7F}\u{0}",
        ]
        for text in hostile {
            var grid = Grid(width: 40, height: 1)
            grid.put(text, x: 0, y: 0)
            for line in grid.lines() {
                for scalar in line.unicodeScalars {
                    let v = scalar.value
                    #expect(v >= 0x20 && !(0x7F...0x9F).contains(v), "control U+\(String(v, radix: 16)) in \(line)")
                    #expect(!(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v))
                    #expect(v != 0x200E && v != 0x200F)
                }
            }
        }
    }

    @Test func escapeSequenceShowsAsReplacementAndText() {
        var grid = Grid(width: 20, height: 1)
        grid.put("\u{1B}[31mx", x: 0, y: 0)
        #expect(grid.lines() == ["�[31mx"])
    }

    @Test(arguments: [(0, 0), (1, 1), (0, 5), (5, 0), (2, 2), (10, 3), (80, 24), (300, 100)])
    func anySizeSurvivesHostileWrites(width: Int, height: Int) {
        var grid = Grid(width: width, height: height)
        let texts = ["", "x", "日本語", "åäö\u{1B}[1m", String(repeating: "🙂", count: 200), "a\u{30A}"]
        let positions = [Int.min, -1_000_000, -3, -1, 0, 1, width - 1, width, width + 1, 1_000_000, Int.max]
        for text in texts {
            for x in positions {
                for y in [Int.min, -1, 0, height - 1, height, Int.max] {
                    for maxWidth in [nil, -5, 0, 1, 2, 3, Int.max] as [Int?] {
                        grid.put(text, x: x, y: y, style: Style(.statusMet), maxWidth: maxWidth)
                    }
                }
            }
        }
        grid.fill(Rect(x: -5, y: -5, width: 1000, height: 1000), with: "日", style: Style(.border))
        grid.box(Rect(x: -1, y: -1, width: width + 2, height: height + 2), title: "Översikt")
        grid.box(grid.bounds, title: "Mål och indikatorer")
        grid.put("x", x: 0, y: 0, width: width, alignment: .right)
        grid.setStyle(Style(.selection), in: Rect(x: -10, y: 0, width: Int.max / 2, height: 1))
        #expect(grid.lines().count == height)
        #expect(grid.cells.count == width * height)
        assertWidePairsIntact(grid)
    }

    @Test func fillsAndClearsRectanglesClipped() {
        var grid = Grid(width: 4, height: 3)
        grid.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: "#", style: Style(.muted))
        #expect(grid.lines() == ["", "  ##", "  ##"])
        grid.clear(Rect(x: 3, y: 2, width: 1, height: 1))
        #expect(grid.lines() == ["", "  ##", "  #"])
        grid.clear()
        #expect(grid == Grid(width: 4, height: 3))
    }

    @Test func drawsABoxWithTitle() {
        var grid = Grid(width: 12, height: 4)
        grid.box(grid.bounds, title: "Mål")
        #expect(grid.lines() == [
            "┌ Mål ─────┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
        #expect(grid.styleRuns().first == "row 0, cols 0-0: border")
        #expect(grid.styleRuns().contains("row 0, cols 1-5: title"))
    }

    @Test func alignsTextInTableColumns() {
        var grid = Grid(width: 20, height: 3)
        let columns = grid.bounds.columns([8, 6], spacing: 1)
        grid.put("Skola", x: columns[0].x, y: 0, width: columns[0].width, alignment: .left)
        grid.put("12,5", x: columns[1].x, y: 0, width: columns[1].width, alignment: .right, style: Style(.deviationBad))
        grid.put("Äldreomsorgen", x: columns[0].x, y: 1, width: columns[0].width, alignment: .left)
        grid.put("−3", x: columns[1].x, y: 1, width: columns[1].width, alignment: .right)
        grid.put("日本", x: columns[0].x, y: 2, width: 3, alignment: .left)
        #expect(grid.lines() == [
            "Skola      12,5",
            "Äldreom…     −3",
            "日…",
        ])
        #expect(grid.styleRuns() == ["row 0, cols 9-14: deviationBad"])
    }

    @Test func styleRunsSkipNormalAndShowAttributes() {
        var grid = Grid(width: 10, height: 2)
        grid.put("ok", x: 0, y: 0, style: Style(.statusMet))
        grid.put("ej", x: 5, y: 0, style: Style(.statusNotMet, .bold))
        grid.put("x", x: 0, y: 1)
        grid.setStyle(Style(.selection), in: Rect(x: 0, y: 1, width: 10, height: 1))
        #expect(grid.styleRuns() == [
            "row 0, cols 0-1: statusMet",
            "row 0, cols 5-6: statusNotMet+bold",
            "row 1, cols 0-9: selection",
        ])
    }

    @Test func linesTrimTrailingSpacesOnly() {
        var grid = Grid(width: 8, height: 1)
        grid.put("  a b", x: 0, y: 0)
        #expect(grid.lines() == ["  a b"])
    }

    @Test func diffListsOnlyChangedCells() {
        var old = Grid(width: 10, height: 3)
        old.put("hej", x: 0, y: 0)
        var new = old
        #expect(new.changes(from: old).isEmpty)
        new.put("j", x: 1, y: 2, style: Style(.selection))
        new.put("Hej", x: 0, y: 0)
        let changes = new.changes(from: old)
        #expect(changes.map { "\($0.x),\($0.y)" } == ["0,0", "1,2"])
        #expect(changes[1].cell.style == Style(.selection))
    }

    @Test func diffAgainstNothingOrAnotherSizeIsEverything() {
        let grid = Grid(width: 4, height: 2)
        #expect(grid.changes(from: nil).count == 8)
        #expect(grid.changes(from: Grid(width: 2, height: 4)).count == 8)
        #expect(Grid(width: 0, height: 0).changes(from: nil).isEmpty)
    }

    @Test func diffSeesANormalizationChange() {
        var old = Grid(width: 2, height: 1)
        old.put("å", x: 0, y: 0)
        var new = Grid(width: 2, height: 1)
        new.put("a\u{30A}", x: 0, y: 0)
        #expect(new.changes(from: old).count == 1)
    }

    @Test func singleCharacterPutMeasuresAndClips() {
        var grid = Grid(width: 3, height: 1)
        #expect(grid.put(Character("日"), x: 0, y: 0) == 2)
        #expect(grid.put(Character("日"), x: 2, y: 0) == 0)
        #expect(grid.put(Character("\u{1B}"), x: 2, y: 0, style: Style(.error)) == 1)
        #expect(grid.lines() == ["日�"])
    }

    private func assertWidePairsIntact(_ grid: Grid, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x: x, y: y]
                if cell.width == 2 {
                    #expect(x + 1 < grid.width && grid[x: x + 1, y: y].isContinuation, sourceLocation: sourceLocation)
                }
                if cell.isContinuation {
                    #expect(x > 0 && grid[x: x - 1, y: y].width == 2, sourceLocation: sourceLocation)
                }
            }
        }
    }
}
