import Foundation
import Testing
@testable import ReportBrowser

/// The row detail names the group the row is printed under (issue 10.5).
@Suite struct TableRowScreenTests {
    @Test func aCostRowIsShownUnderVerksamhetensKostnader() throws {
        let table = BrowserFixture.data.table(.operations)
        for label in ["Personal", "Bidrag kostnader", "Övrigt"] {
            let row = try #require(table.rows.firstIndex { $0.label == label })
            var state = try BrowserFixture.state("4", width: 120, height: 40)
            state.open(Jump(view: .tableRow(.operations, row)))
            let lines = render(state).lines()
            #expect(lines.contains { $0.contains("Ekonomi › Verksamhetens kostnader") }, "\(label):\n\(lines.joined(separator: "\n"))")
            #expect(!lines.contains { $0.contains("Verksamhetens intäkter") }, "\(label)")
        }
    }
}
