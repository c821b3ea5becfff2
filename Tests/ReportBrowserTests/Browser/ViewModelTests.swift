import Testing
@testable import ReportBrowser

/// A view's lines are one value: the selectable lines, the key lookup and the scroll range all
/// come from the same list, on every screen and at every width.
@Suite struct ViewModelTests {
    static let widths = [1, 10, 20, 40, 80, 120, 200]

    @Test func selectableLinesAndKeysAgreeWithTheLinesOnEveryScreenAndWidth() throws {
        for (name, keys) in ScreenScripts.all {
            for width in Self.widths {
                let state = try BrowserFixture.state(keys + "<resize \(width)x30>", width: 80, height: 30)
                let model = state.top.model
                let keyed = model.lines.indices.filter { model.lines[$0].key != nil }
                #expect(model.selectable == keyed, "\(name) at \(width)")
                for (position, line) in model.selectable.enumerated() {
                    guard let key = model.lines[line].key else { continue }
                    let found = model.index(of: key)
                    #expect(found.map { model.lines[model.selectable[$0]].key } == key, "\(name) at \(width): \(key)")
                    #expect(model.selectableIndex(atLine: line) == position, "\(name) at \(width)")
                }
                #expect(state.top.maxScroll(state.viewportHeight) == max(0, model.lines.count - state.viewportHeight))
            }
        }
    }

    @Test func theSameInputsBuildAnEqualModel() throws {
        for (name, keys) in ScreenScripts.all {
            let first = try BrowserFixture.state(keys, width: 100, height: 30)
            let again = try BrowserFixture.state(keys, width: 100, height: 30)
            #expect(first.top.model == again.top.model, "\(name)")
        }
        let folded = try BrowserFixture.state("5<Enter>")
        let unfolded = try BrowserFixture.state("5")
        #expect(folded.top.model != unfolded.top.model)
    }

    @Test func firstAndLastSelectableInARange() throws {
        let model = try BrowserFixture.state("3").top.model
        let selectable = model.selectable
        #expect(selectable.count > 3)
        for range in [0..<1, 0..<10, 5..<40, selectable[1]..<selectable[3], selectable[2]..<selectable[2] + 1, 10_000..<10_001] {
            let inRange = selectable.indices.filter { range.contains(selectable[$0]) }
            #expect(model.firstSelectable(in: range) == inRange.first, "\(range)")
            #expect(model.lastSelectable(in: range) == inRange.last, "\(range)")
        }
    }
}
