import ReportSamples
import Testing
@testable import ReportBrowser

/// A generated report is labelled "(genererad testdata)" wherever its name is shown, also where the
/// name is cut: the title bar, the overview and zoom, the archive home's rows and status line, and
/// the archive screens' lists and headers keep the label and shorten the rest of the name first.
@Suite struct GeneratedLabelTests {
    let archive = ArchiveFixture.full
    static let label = "(\(GeneratedSeries.label))"
    /// What is left of the label where not even it fits whole (at the smallest sizes).
    static let cutLabel = "(genere"

    static let sizes = [(80, 24), (40, 12), (AppState.minimumWidth, AppState.minimumHeight)]

    /// The label is shown: whole at 80 columns and wider, at least cut on smaller screens.
    static func labelled(_ line: String, width: Int) -> Bool {
        width >= 80 ? line.contains(label) : line.contains(cutLabel)
    }

    func lines(_ keys: String, _ width: Int, _ height: Int) throws -> [String] {
        render(try archive.state(keys, width: width, height: height)).lines()
    }

    // MARK: - Cutting a name

    @Test func aCutNameKeepsItsTrailingLabel() {
        let name = "Verksamhetsberättelse januari–december 2021 (genererad testdata)"
        #expect(TextSanitizer.truncateKeepingLabel(name, width: 100) == name)
        #expect(TextSanitizer.truncateKeepingLabel(name, width: 30) == "Verksamh… (genererad testdata)")
        #expect(TextSanitizer.truncateKeepingLabel(name, width: 25) == "Ver… (genererad testdata)")
        // Then the label is cut too, beside a few columns of the name; at last it is alone.
        #expect(TextSanitizer.truncateKeepingLabel(name, width: 16) == "Ver… (genererad…")
        #expect(TextSanitizer.truncateKeepingLabel(name, width: 8) == "(genere…")
        // A name without a label is cut as any text.
        let plain = "Delårsrapport januari–augusti 2021"
        #expect(TextSanitizer.truncateKeepingLabel(plain, width: 12) == TextSanitizer.truncate(plain, width: 12))
        #expect(TextSanitizer.truncateKeepingLabel("Mål (KF) och nämndmål", width: 10) == TextSanitizer.truncate("Mål (KF) och nämndmål", width: 10))
        for width in 0...70 {
            #expect(DisplayWidth.of(TextSanitizer.truncateKeepingLabel(name, width: width)) <= width, "width \(width)")
        }
    }

    // MARK: - Where a report's name is shown

    @Test func theTitleBarKeepsTheLabel() throws {
        // Kommunstyrelsen's generated verksamhetsberättelse, a generated board, and a screen
        // without the status basis at the right.
        for keys in ["jl<Enter>", "<Enter>", "jl<Enter>4"] {
            for (width, height) in Self.sizes {
                let title = try lines(keys, width, height)[0]
                #expect(Self.labelled(title, width: width), "\(keys) at \(width)x\(height): \(title)")
            }
        }
        // The rest of the name is shortened, not dropped, at 80 columns.
        let title = try lines("jl<Enter>", 80, 24)[0]
        #expect(title.hasPrefix(" Malkoll · Huddinge"))
        #expect(title.contains(" · Verksamhet"))
    }

    @Test func theOverviewAndZoomKeepTheLabel() throws {
        for (width, height) in Self.sizes.dropLast() {
            let overview = try lines("jl<Enter>", width, height)
            #expect(Self.labelled(overview[3], width: width), "overview at \(width)x\(height): \(overview[3])")
        }
        for (width, height) in Self.sizes {
            let zoom = try lines("jl<Enter>z", width, height)
            #expect(Self.labelled(zoom[1], width: width), "zoom at \(width)x\(height): \(zoom[1])")
        }
    }

    @Test func theHomesRowsAndStatusLineKeepTheLabel() throws {
        for (width, height) in Self.sizes {
            let state = try archive.state("", width: width, height: height)
            let screen = render(state).lines()
            let home = try #require(state.archive.home)
            let layout = HomeScreen.layout(state)
            for row in home.scroll..<min(home.axes.boards.count, home.scroll + layout.rows)
            where home.axes.boards[row].board.hasSuffix(Self.label) {
                let line = screen[layout.firstRow + row - home.scroll]
                #expect(Self.labelled(line, width: width), "row \(row) at \(width)x\(height): \(line)")
            }
            let status = screen[height - 2]
            #expect(Self.labelled(status, width: width), "status line at \(width)x\(height): \(status)")
        }
        // The home's breadcrumb names the open report: a generated board's label stays.
        for (width, height) in Self.sizes.dropLast() {
            let crumb = try lines("<Enter>a", width, height)[1]
            #expect(crumb.contains("öppen:"), "\(crumb)")
            #expect(crumb.contains(Self.cutLabel), "breadcrumb at \(width)x\(height): \(crumb)")
        }
    }

    @Test func theArchiveScreensKeepTheLabel() throws {
        // Förändringar of the 2022 delårsrapport: against the generated verksamhetsberättelse.
        for (width, height) in Self.sizes.dropLast() {
            let changes = try lines("jll<Enter>d", width, height)
            #expect(Self.labelled(changes[2], width: width), "Förändringar at \(width)x\(height): \(changes[2])")
            // Hela kommunen: the generated period's header, and each generated board's row in 2021-08.
            let period = try lines("jlK", width, height)
            #expect(Self.labelled(period[2], width: width), "Hela kommunen at \(width)x\(height): \(period[2])")
            let kommun = try lines("K", width, height)
            for board in ["Grund", "Milj", "Social"] {
                let row = kommun.first { $0.contains(board) || ($0.contains(Self.cutLabel) && $0.hasPrefix(" " + board.prefix(2))) }
                #expect(row.map { Self.labelled($0, width: width) } == true, "\(board) in Hela kommunen at \(width)x\(height)")
            }
            // Historik: the generated reports' lines.
            let history = try lines("jl<Enter>9jjjjjH", width, height)
            #expect(history.filter { Self.labelled($0, width: width) }.count >= 2, "Historik at \(width)x\(height):\n\(history.joined(separator: "\n"))")
        }
    }
}
