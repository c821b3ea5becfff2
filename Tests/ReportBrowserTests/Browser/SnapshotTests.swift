import Foundation
import Testing
@testable import ReportBrowser

/// Golden text snapshots of every screen at four sizes, dark and monochrome: the plain lines,
/// then the style runs. A missing golden is recorded and fails; RECORD_SNAPSHOTS=1 re-records.
@Suite struct SnapshotTests {
    /// Three everyday sizes and the smallest size the browser draws in (below it every screen
    /// shows the same short message, snapshotted once in `belowTheMinimumSizeOneMessageIsShown`).
    static let sizes = [(80, 24), (120, 40), (40, 12), (AppState.minimumWidth, AppState.minimumHeight)]
    static let themes: [Theme] = [.dark, .mono]

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    static func snapshot(_ grid: Grid) -> String {
        (grid.lines() + ["--- stilar ---"] + grid.styleRuns()).joined(separator: "\n") + "\n"
    }

    /// Compares a rendered screen with its golden `<name>-<width>x<height>-<theme>.txt`: the
    /// snapshot holds no escape bytes and equals the golden. A missing golden is recorded and
    /// fails; RECORD_SNAPSHOTS=1 re-records every golden.
    static func expectMatchesGolden(_ grid: Grid, name: String, width: Int, height: Int, theme: Theme,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = snapshot(grid)
        let file = folder.appendingPathComponent("\(name)-\(width)x\(height)-\(theme.name).txt")
        #expect(!text.unicodeScalars.contains("\u{1B}"), "no escape bytes in \(file.lastPathComponent)", sourceLocation: sourceLocation)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        let golden = try? String(contentsOf: file, encoding: .utf8)
        if record || golden == nil {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            if !record { Issue.record("recorded missing golden \(file.lastPathComponent); check it and run again", sourceLocation: sourceLocation) }
            return
        }
        #expect(golden == text, "\(file.lastPathComponent) differs; RECORD_SNAPSHOTS=1 re-records", sourceLocation: sourceLocation)
    }

    @Test(arguments: ScreenScripts.all.map(\.name))
    func screenMatchesItsGoldens(_ name: String) throws {
        let keys = ScreenScripts.all.first { $0.name == name }?.keys ?? ""
        for theme in Self.themes {
            for (width, height) in Self.sizes {
                let state = try BrowserFixture.state(keys, width: width, height: height, theme: theme)
                try Self.expectMatchesGolden(render(state), name: name, width: width, height: height, theme: theme)
            }
        }
    }

    @Test func belowTheMinimumSizeOneMessageIsShown() throws {
        let file = Self.folder.appendingPathComponent("for-litet-10x3-dark.txt")
        let text = Self.snapshot(render(try BrowserFixture.state("", width: 10, height: 3)))
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" || !FileManager.default.fileExists(atPath: file.path) {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
        // Every screen, in every mode, shows exactly that message below the minimum.
        for (name, keys) in ScreenScripts.all {
            for (width, height) in [(AppState.minimumWidth - 1, 24), (80, AppState.minimumHeight - 1), (10, 3)] {
                let small = try BrowserFixture.state(keys + "<resize \(width)x\(height)>")
                let lines = render(small).lines().joined(separator: "\n")
                #expect(lines.contains("Fönstret") && lines.contains("minst \(AppState.minimumWidth)×\(AppState.minimumHeight)"), "\(name) at \(width)x\(height)")
            }
        }
    }

    @Test func asciiModeDrawsNoUnicodeSymbols() throws {
        for (name, keys) in ScreenScripts.all {
            let state = try BrowserFixture.state(keys, width: 100, height: 30, ascii: true)
            let text = render(state).lines().joined(separator: "\n")
            for symbol in ["✓", "↗", "✗", "▁", "█", "│", "─", "▸", "▾", "›", "≠", "▲", "▼"] {
                #expect(!text.contains(symbol), "\(name) shows \(symbol) in --ascii")
            }
        }
    }

    @Test func monochromeBarsTellSegmentsApartByGlyph() throws {
        let mono = render(try BrowserFixture.state("", theme: .mono)).lines().joined()
        #expect(mono.contains("▓") || mono.contains("▒"))
    }
}
