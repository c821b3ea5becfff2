import Testing
@testable import ReportBrowser

/// The search term is marked in the visible lines, whatever its case and script.
@Suite struct HighlightTests {
    static func marks(_ keys: String) throws -> [String] {
        render(try BrowserFixture.state(keys, width: 120, height: 40)).styleRuns().filter { $0.hasSuffix("searchMatch") }
    }

    @Test func anAsciiTermIsMarkedInAnyCase() throws {
        let lower = try Self.marks("/budget<Enter>")
        #expect(!lower.isEmpty)
        #expect(try Self.marks("/BUDGET<Enter>") == lower)
        #expect(try Self.marks("/BuDgEt<Enter>") == lower)
    }

    @Test func aSwedishTermIsMarkedInAnyCase() throws {
        let lower = try Self.marks("/sjukfrånvaro<Enter>")
        #expect(!lower.isEmpty)
        #expect(try Self.marks("/SJUKFRÅNVARO<Enter>") == lower)
    }
}
