import BundledReport
import Foundation
import ReportCore
import Testing
@testable import ReportBrowser

/// `--ascii` draws no symbol of its own outside ASCII, on every screen and at every size.
@Suite struct AsciiModeTests {
    /// The bundled report with every non-ASCII character that is not a letter replaced by `?`,
    /// so that whatever non-ASCII non-letter appears on screen was drawn by the browser itself.
    static let foldedData: BrowserData? = {
        guard let url = BundledReport.reportURL, let data = try? Data(contentsOf: url),
              let tree = try? JSONSerialization.jsonObject(with: data) else { return nil }
        func fold(_ value: Any) -> Any {
            switch value {
            case let text as String:
                return String(text.map { $0.isASCII || $0.isLetter ? $0 : "?" })
            case let array as [Any]:
                return array.map(fold)
            case let object as [String: Any]:
                return object.mapValues(fold)
            default:
                return value
            }
        }
        guard let folded = try? JSONSerialization.data(withJSONObject: fold(tree)),
              let report = try? ReportLoader.load(data: folded, file: "folded.json") else { return nil }
        return BrowserData(analysis: ReportAnalysis(report: report))
    }()

    static let sizes = [(200, 50), (120, 40), (80, 24), (60, 20), (40, 12), (20, 5), (10, 3)]
    /// Every screen, plus help and zoom over other screens and a search without hits.
    static let scripts = ScreenScripts.all.map(\.keys) + ["5?", "4z", "6<Enter>?<C-d>", "/zzzz<Enter>", "8<Enter>", "9<Enter>"]

    @Test func everyCellNotFromTheReportIsASCII() throws {
        let data = try #require(Self.foldedData, "the folded bundled report loads")
        for keys in Self.scripts {
            for (width, height) in Self.sizes {
                let state = try BrowserFixture.state(keys, width: width, height: height, ascii: true, data: data)
                for (row, line) in render(state).lines().enumerated() {
                    let foreign = line.filter { !$0.isASCII && !$0.isLetter }
                    #expect(foreign.isEmpty, "\"\(keys)\" at \(width)x\(height), row \(row): \(String(foreign)) in \(line)")
                }
            }
        }
    }

    @Test func reportLettersAreKeptInASCIIMode() throws {
        let state = try BrowserFixture.state("", width: 80, height: 24, ascii: true)
        #expect(render(state).lines().joined().contains("Delårsrapport"))
    }
}
