import Foundation
import Testing
@testable import ReportCore

/// A note under an indicator table belongs to the indicator it names; the others are the
/// table's (issue 10.7: the sick-leave note was shown on Medarbetarengagemang).
@Suite struct IndicatorNoteTests {
    /// Every indicator table of the bundled report: the name of each indicator with the notes
    /// that name it (by the note's first words), and the table's general notes, read from the
    /// source text.
    static let expected: [(names: [String: [String]], general: [String])] = [
        (["Resultat exkl exploatering": [], "Skattesats, kommun": []], ["Resultat 2021 avser helårsprognos"]),
        (["Nämndernas budgethållning": [], "Budgethållning kommunstyrelsen": ["Budgethållning kommunstyrelsen 2020"]], []),
        (["Medarbetarengagemang (HME total nivå)": [], "Sjukfrånvaro": ["Det inrapporterade resultatet för sjukfrånvaro"]], []),
        (["Sjukfrånvaro (KS)": ["Det inrapporterade resultatet för sjukfrånvaro"], "Medarbetarengagemang (HME total nivå KS)": []], []),
    ]

    func tables(_ report: Report) -> [IndicatorTable] {
        report.goalAreas.flatMap { area in
            area.councilGoals.flatMap { council in
                [council.indicatorTable].compactMap { $0 } + council.boardGoals.compactMap(\.indicatorTable)
            }
        }
    }

    @Test func theSickLeaveNoteBelongsToSickLeaveAndNotToEngagement() throws {
        let report = try BundledData.report()
        let all = tables(report)
        for (names, general) in Self.expected {
            let table = try #require(all.first { Set($0.indicators.map(\.name)) == Set(names.keys) }, "table of \(names.keys.sorted())")
            for (index, indicator) in table.indicators.enumerated() {
                let notes = table.noteIndices(namingIndicatorAt: index).map { table.notes[$0] }
                let wanted = names[indicator.name] ?? []
                #expect(notes.count == wanted.count, "\(indicator.name): \(notes)")
                for (note, prefix) in zip(notes, wanted) { #expect(note.hasPrefix(prefix), "\(indicator.name): \(note)") }
            }
            let generalNotes = table.generalNoteIndices.map { table.notes[$0] }
            #expect(generalNotes.count == general.count, "\(names.keys.sorted()): \(generalNotes)")
            for (note, prefix) in zip(generalNotes, general) { #expect(note.hasPrefix(prefix)) }
        }
    }

    @Test func everyNoteOfTheBundledReportIsEitherAnIndicatorsOrTheTables() throws {
        var named = 0, general = 0
        for table in tables(try BundledData.report()) {
            let byIndicator = table.indicators.indices.flatMap { table.noteIndices(namingIndicatorAt: $0) }
            named += Set(byIndicator).count
            general += table.generalNoteIndices.count
            #expect(Set(byIndicator).union(table.generalNoteIndices) == Set(table.notes.indices))
            #expect(Set(byIndicator).isDisjoint(with: table.generalNoteIndices))
        }
        // Named: sick leave ×2, Budgethållning KS, Valdeltagande, Invånare som tycker …,
        // Arbetsplatskvot, Energianvändning, stationsnära läge. The rest are about their table.
        #expect(named == 8)
        #expect(general >= 5)
    }

    @Test func aNoteNamesAnIndicatorWordByWordIgnoringCaseAndQualifiers() {
        let table = IndicatorTable(years: [2021], longTermTargetYear: 2030, indicators: [
            Indicator(id: "a", name: "Invånare som tycker att det finns möjlighet att påverka", values: [""], milestoneTarget: "", longTermTarget: ""),
            Indicator(id: "b", name: "Befolkning som bor i stationsnära läge (<1200 meter)", values: [""], milestoneTarget: "", longTermTarget: ""),
        ], notes: [
            "Resultatet på indikatorn Invånare som tycker det finns möjlighet att påverka (%) kommer i december.",
            "Resultatet för 2020 på befolkning som bor i stationsnära läge (%) kommer senare.",
            "Indikatorerna är nya.",
        ])
        #expect(table.noteIndices(namingIndicatorAt: 0) == [0])
        #expect(table.noteIndices(namingIndicatorAt: 1) == [1])
        #expect(table.generalNoteIndices == [2])
        #expect(table.noteIndices(namingIndicatorAt: 5) == [])
    }
}
