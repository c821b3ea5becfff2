import Foundation
import Testing
@testable import ReportBrowser

/// The indicator screen: direction and notes (issue 10.6 and 10.7).
@Suite struct IndicatorScreenTests {
    /// The indicator screen of the bundled report's indicator with this name, rendered at 120×60.
    func screen(_ name: String) throws -> String {
        let data = BrowserFixture.data
        let index = try #require(data.analysis.indicators.firstIndex { $0.indicator.name == name }, "no indicator \(name)")
        var state = try BrowserFixture.state("", width: 120, height: 60)
        state.open(Jump(view: .indicator(index)))
        return render(state).lines().joined(separator: "\n")
    }

    @Test(arguments: ["Företagarnas betyg på kommunens service", "Energianvändning kommunala lokaler", "Sjukfrånvaro (KS)"])
    func anIndicatorWithAComparatorShowsItsDirection(_ name: String) throws {
        let text = try screen(name)
        #expect(!text.contains("okänd"), "\(name):\n\(text)")
        #expect(text.contains("Riktning") && text.contains("värde är bättre"), "\(name):\n\(text)")
    }

    @Test func theSickLeaveNoteShowsOnSickLeaveOnly() throws {
        let engagement = try screen("Medarbetarengagemang (HME total nivå)")
        #expect(!engagement.contains("sjukfrånvaro"), "\(engagement)")
        let sickLeave = try screen("Sjukfrånvaro")
        #expect(sickLeave.contains("Det inrapporterade resultatet för sjukfrånvaro"), "\(sickLeave)")
        #expect(!sickLeave.contains("till tabellen"), "\(sickLeave)")
    }

    @Test func theTablesGeneralNoteIsLabelledAsTheTables() throws {
        let text = try screen("Resultat exkl exploatering")
        let lines = text.components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex { $0.contains("Not till tabellen") }, "\(text)")
        let note = try #require(lines.firstIndex { $0.contains("Resultat 2021 avser helårsprognos") }, "\(text)")
        #expect(heading < note)
        #expect(!lines[..<heading].contains { $0.contains("Resultat 2021 avser") })
    }
}
