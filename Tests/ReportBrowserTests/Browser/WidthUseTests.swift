import Foundation
import ReportCore
import Testing
@testable import ReportBrowser

/// Wide terminals are used: headers, names and the help are not cut when there is room, and
/// the internal-control matrix keeps its counts beside the names.
@Suite struct WidthUseTests {
    /// Every line of a screen (tall enough to show all of it) at `width` columns.
    static func lines(_ keys: String, width: Int = 200) throws -> [String] {
        render(try BrowserFixture.state(keys, width: width, height: 400)).lines()
    }

    @Test func tableHeadersAreWholeAt200Columns() throws {
        let economy = try Self.lines("4")
        #expect(economy.contains { $0.contains("Perioden fg år") }, "the group heading of the last column")
        #expect(economy.contains { $0.contains("Utfall perioden") && $0.contains("Prognos helår") }, "the Covid-19 headers")
        let investments = try Self.lines("5")
        #expect(investments.contains { $0.contains("Investeringar samhällsbyggnad 2021 mnkr*") }, "the row header")
        for line in economy + investments where line.contains("Budget") || line.contains("Helår") || line.contains("Utfall") {
            #expect(!line.contains("…"), "a cut header: \(line)")
        }
    }

    @Test func indicatorNamesAreWholeWhenThereIsRoom() throws {
        let names = BrowserFixture.data.analysis.indicators.map(\.indicator.printedName)
        let longest = try #require(names.max { DisplayWidth.of($0) < DisplayWidth.of($1) })
        #expect(DisplayWidth.of(longest) > 60, "the bundled report has a name longer than the old cap")
        let text = try Self.lines("9").joined(separator: "\n")
        for name in names {
            #expect(text.contains(name), "cut: \(name)")
        }
    }

    @Test func theHelpGrowsWithTheTerminalAndNeverCutsTheLegend() throws {
        for width in [200, 120, 80, 60, 40] {
            let state = try BrowserFixture.state("?", width: width, height: 120)
            let box = HelpOverlay.rect(state)
            if width >= 120 { #expect(box.width > 78, "at \(width) columns the box is \(box.width) wide") }
            let text = render(state).lines().filter { $0.contains("│") }.joined(separator: "\n") // inside the box
            // At 40 columns a part may wrap between its words; wider, each part is whole.
            for part in width < 60 ? [] : ["– ej bedömd", "✗ ej klart i år", "i info", "positiv = bättre än budget", "≠ fel (stämmer inte med beräkningen)", "≈ avrundning, inget fel"] {
                #expect(text.contains(part), "\(width) columns: the legend lacks \(part)")
            }
            #expect(!text.contains("…"), "\(width) columns: something is cut")
        }
    }

    @Test func theInternalControlMatrixKeepsItsCountsNearTheNames() throws {
        let data = BrowserFixture.data
        let longest = data.processes.map { DisplayWidth.of($0) }.max() ?? 0
        let lines = try Self.lines("6")
        for process in data.processes {
            let line = try #require(lines.first { $0.hasPrefix(" " + process) })
            let firstCount = try #require(line.dropFirst(process.count + 1).firstIndex { $0 != " " })
            let column = line.distance(from: line.startIndex, to: firstCount)
            #expect(column <= longest + 16, "\(process): the first count is at column \(column)")
        }
    }
}

/// The wide screens where the use of width shows, at 200×50 (dark theme).
@Suite struct WideSnapshotTests {
    static let screens = ["ekonomi", "investeringar", "indikatorer", "internkontroll", "hjalp"]

    @Test(arguments: screens)
    func wideScreenMatchesItsGolden(_ name: String) throws {
        let keys = ScreenScripts.all.first { $0.name == name }?.keys ?? ""
        let state = try BrowserFixture.state(keys, width: 200, height: 50, theme: .dark)
        try SnapshotTests.expectMatchesGolden(render(state), name: name, width: 200, height: 50, theme: .dark)
    }
}
