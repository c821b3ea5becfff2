import Foundation
import ReportCore
import ReportSamples
import Testing

/// The diff on the generated pair: the bundled delårsrapport against the generated
/// verksamhetsberättelse of the same year, whose changes are known (`GeneratedSeries.yearEnd`).
@Suite struct ReportDiffTests {
    struct Expected {
        var kind: ReportChange.Kind
        var name: String
        var from: String?
        var to: String?
        var year: Int?
        var revised: Bool?
        var miss: Decimal?
        var percent: Decimal?
        init(_ kind: ReportChange.Kind, _ name: String, _ from: String?, _ to: String?, year: Int? = nil, revised: Bool? = nil,
             miss: String? = nil, percent: String? = nil) {
            self.kind = kind
            self.name = name
            self.from = from
            self.to = to
            self.year = year
            self.revised = revised
            self.miss = miss.flatMap { Decimal(string: $0) }
            self.percent = percent.flatMap { Decimal(string: $0) }
        }
    }

    /// Every planted change and what follows from it, in the diff's order; nothing else.
    static let expected: [Expected] = [
        .init(.indicatorRemoved, "Arbetsplatskvot", nil, nil),
        .init(.indicatorAdded, "Andel digitala ärenden (genererad testdata) (%)", nil, nil),
        .init(.indicatorValue, "Sjukfrånvaro (%)", "9,9 %", "9,8 %", year: 2020, revised: true),
        .init(.indicatorValue, "Företagarnas betyg på kommunens service (NKI)", "", "78", year: 2021, revised: false),
        .init(.indicatorStatus, "Företagarnas betyg på kommunens service (NKI)", "notAssessed", "met"),
        .init(.reportedStatus, "Attraktivitet enligt Svenskt Näringsliv företagsranking", "approaching", "met"),
        .init(.indicatorRenamed, "Antal färdigställda bostäder totalt", "Antal färdigställda bostäder (Totalt)", "Antal färdigställda bostäder totalt"),
        .init(.indicatorValue, "Energianvändning kommunala lokaler (kwh/kvm)", "", "133", year: 2021, revised: false),
        .init(.indicatorStatus, "Energianvändning kommunala lokaler (kwh/kvm)", "notAssessed", "met"),
        .init(.goalAdded, "Nämndmål: Kommunens ekonomi är långsiktigt hållbar (genererad testdata)", nil, nil),
        .init(.assignmentRemoved, "Fler mötesplatser för företagare med geografisk spridning i ", nil, nil),
        .init(.assignmentAdded, "Utreda samordnad varudistribution (genererad testdata)", nil, nil),
        .init(.assignmentStatus, "Se över Huddinge kommuns ekonomimodell för att säkerställa a", "Troligen klart i år", "Blir klart i år"),
        .init(.financialCell, "Verksamhetens intäkter", "15 844", "18 844"),
        .init(.deviationMoved, "Verksamhetens intäkter", "15 844", "18 844", miss: "3000"),
        .init(.financialCell, "Personal", "-8 025", "-11 125"),
        .init(.financialCell, "Övrigt", "-24 760", "-19 760"),
        .init(.financialCell, "Verksamhetens kostnader", "-31 841", "-29 941"),
        .init(.financialCell, "Årets resultat", "-15 997", "-11 097"),
        .init(.financialCell, "Utbyte och uppgradering IT", "-2 100", "-1 750"),
        .init(.financialCell, "Summa reinvestering", "400", "750"),
        .init(.financialCell, "Summa", "12 200", "12 550"),
        .init(.financialCell, "Exploateringsprojekt/Område", "40,6", "43,0"),
        .init(.financialCell, "Mellersta", "3,8", "6,2"),
        .init(.financialCell, "Summa samhällsbyggnad", "103,3", "105,7"),
        .init(.controlAdded, "Kontroll av representation (genererad testdata)", nil, nil),
        .init(.controlStatus, "Kontroll av attesttidpunkt för leverantörsfakturor i kommune", "Ej klart i år", "Blir klart i år"),
        .init(.forecastOutcome, "Verksamhetens intäkter", "62 010", "65 010", miss: "3000", percent: "4.8"),
        .init(.forecastOutcome, "Personal", "236 650", "239 750", miss: "3100", percent: "1.3"),
        .init(.forecastOutcome, "Övrigt", "331 082", "326 082", miss: "-5000", percent: "-1.5"),
        .init(.forecastOutcome, "Verksamhetens kostnader", "678 285", "676 385", miss: "-1900", percent: "-0.3"),
        .init(.forecastOutcome, "Årets resultat", "616 275", "611 375", miss: "-4900", percent: "-0.8"),
        .init(.forecastAccuracy, "Ekonomi", nil, nil, miss: "11100", percent: "98.5"),
        .init(.forecastOutcome, "Intäkter (minskade -  /ökade +)", "-475", "-512", miss: "-37", percent: "-7.8"),
        .init(.forecastOutcome, "Minskade nettokostnader (+) /ökade nettokostnader (-)", "3 025", "2 988", miss: "-37", percent: "-1.2"),
        .init(.forecastAccuracy, "Covid-19", nil, nil, miss: "37", percent: "99.1"),
        .init(.forecastOutcome, "Utbyte och uppgradering IT", "-9 300", "-8 950", miss: "350", percent: "3.8"),
        .init(.forecastOutcome, "Summa reinvestering", "-14 300", "-13 950", miss: "350", percent: "2.4"),
        .init(.forecastOutcome, "Summa", "-46 300", "-45 950", miss: "350", percent: "0.8"),
        .init(.forecastAccuracy, "Nämndernas investeringar", nil, nil, miss: "350", percent: "99.2"),
        .init(.forecastOutcome, "Exploateringsprojekt/Område", "-51,1", "-48,7", miss: "2.4", percent: "4.7"),
        .init(.forecastOutcome, "Mellersta", "-53,1", "-50,7", miss: "2.4", percent: "4.5"),
        .init(.forecastOutcome, "Summa samhällsbyggnad", "-204,5", "-202,1", miss: "2.4", percent: "1.2"),
        .init(.forecastAccuracy, "Samhällsbyggnadsprojekt", nil, nil, miss: "2.4", percent: "99"),
    ]

    static func pair() throws -> (from: Report, to: Report) {
        let bundled = try GeneratedSeries.bundled().report
        let yearEnd = GeneratedSeries.yearEnd(from: bundled)
        // The generated report goes through the file format, as a user's would.
        let reloaded = try ReportLoader.load(data: try GeneratedSeries.encode(yearEnd), file: "year-end.json")
        return (bundled, reloaded)
    }

    @Test func theGeneratedPairShowsExactlyThePlantedChanges() throws {
        let (from, to) = try Self.pair()
        let changes = ReportDiff(from: from, to: to).changes
        #expect(changes.count == Self.expected.count)
        for (index, (change, expected)) in zip(changes, Self.expected).enumerated() {
            #expect(change.kind == expected.kind, "change \(index)")
            #expect(change.name.hasPrefix(expected.name), "change \(index): \(change.name)")
            #expect(change.from == expected.from, "change \(index)")
            #expect(change.to == expected.to, "change \(index)")
            #expect(change.year == expected.year, "change \(index)")
            #expect(change.revised == expected.revised, "change \(index)")
            #expect(change.miss == expected.miss, "change \(index)")
            #expect((change.missPercent ?? change.accuracyPercent) == expected.percent, "change \(index)")
        }
    }

    @Test func aRenameByCloseNameIsReportedWithBothNamesAndMatchedByName() throws {
        let (from, to) = try Self.pair()
        let renamed = ReportDiff(from: from, to: to).changes.filter { $0.kind == .indicatorRenamed }
        #expect(renamed.count == 1)
        #expect(renamed.first?.match == "similarName")
        // "Skattesats, kommun" got a new id and other spacing and case: matched by name, not reported.
        #expect(!ReportDiff(from: from, to: to).changes.contains { $0.name.contains("Skattesats") })
    }

    @Test func forecastRowsThatHitExactlyAreKeptForTheScreenButNotReportedAsChanges() throws {
        let (from, to) = try Self.pair()
        let diff = ReportDiff(from: from, to: to)
        let all = diff.forecastOutcomes.filter { $0.kind == .forecastOutcome }
        let lokaler = all.first { $0.name == "Lokaler" }
        #expect(lokaler?.miss == 0)
        #expect(lokaler?.from == "23 047")
        #expect(!diff.changes.contains { $0.kind == .forecastOutcome && $0.name == "Lokaler" })
        #expect(all.count > diff.changes.filter { $0.kind == .forecastOutcome }.count)
    }

    @Test func aReportAgainstItselfHasNoChanges() throws {
        let bundled = try GeneratedSeries.bundled().report
        #expect(ReportDiff(from: bundled, to: bundled).changes.isEmpty)
        #expect(DiffFormatter(diff: ReportDiff(from: bundled, to: bundled)).text().hasSuffix("Inga förändringar.\n"))
    }

    /// Names from the data show as printed in the Markdown diff: markup characters are escaped
    /// like in every other Markdown output (`*`, `_`, `<`, `[` … not only `|`).
    @Test func theMarkdownDiffEscapesMarkupInNamesFromTheData() throws {
        let bundled = try GeneratedSeries.bundled().report
        var to = bundled
        to.metadata.board = "Kommun*styrelsen* <b>ny</b> [x](y)"
        to.goalAreas[0].councilGoals[0].boardGoals[0].assignments[0].title = "Se över _modellen_ | `kod`"
        let markdown = DiffFormatter(diff: ReportDiff(from: bundled, to: to)).markdown()
        #expect(markdown.contains("Kommun\\*styrelsen\\* \\<b\\>ny\\</b\\> \\[x\\](y)"), "\(markdown)")
        #expect(markdown.contains("Se över \\_modellen\\_ \\| \\`kod\\`"), "\(markdown)")
        #expect(!markdown.contains("<b>"))
    }

    @Test func forecastsAreHeldAgainstOutcomesOnlyFromDelarToTheSameYearsVerksamhetsberattelse() throws {
        let bundled = try GeneratedSeries.bundled().report
        let yearEnd = GeneratedSeries.yearEnd(from: bundled)
        let nextInterim = GeneratedSeries.nextInterim(from: bundled)
        #expect(ReportDiff.isForecastPair(from: bundled.metadata, to: yearEnd.metadata))
        #expect(!ReportDiff.isForecastPair(from: yearEnd.metadata, to: bundled.metadata))
        #expect(!ReportDiff.isForecastPair(from: bundled.metadata, to: nextInterim.metadata))
        #expect(!ReportDiff(from: bundled, to: nextInterim).changes.contains { $0.kind == .forecastOutcome || $0.kind == .forecastAccuracy })
        // A tertialrapport's full-year forecast is held against the outcome too.
        var tertial = bundled.metadata
        tertial.kind = .tertialReport
        #expect(ReportDiff.isForecastPair(from: tertial, to: yearEnd.metadata))
    }

    @Test func aLaterReportRestatingAnEarlierYearIsMarkedRevisedAndAFirstValueIsNot() throws {
        let bundled = try GeneratedSeries.bundled().report
        var nextInterim = GeneratedSeries.nextInterim(from: bundled)
        // Its years are 2020–2022; the 2021 column is index 1. Restate one printed 2021 value and
        // fill one that was blank in August.
        for a in nextInterim.goalAreas.indices {
            for c in nextInterim.goalAreas[a].councilGoals.indices {
                for b in nextInterim.goalAreas[a].councilGoals[c].boardGoals.indices {
                    guard var table = nextInterim.goalAreas[a].councilGoals[c].boardGoals[b].indicatorTable else { continue }
                    for i in table.indicators.indices {
                        if table.indicators[i].id == "sjukfranvaro-ks" { table.indicators[i].values[1] = "3,5 %" }
                        if table.indicators[i].id == "foretagarnas-betyg-pa-kommunens-service-nki" { table.indicators[i].values[1] = "76" }
                    }
                    nextInterim.goalAreas[a].councilGoals[c].boardGoals[b].indicatorTable = table
                }
                guard var table = nextInterim.goalAreas[a].councilGoals[c].indicatorTable else { continue }
                for i in table.indicators.indices where table.indicators[i].id == "foretagarnas-betyg-pa-kommunens-service-nki" {
                    table.indicators[i].values[1] = "76"
                }
                nextInterim.goalAreas[a].councilGoals[c].indicatorTable = table
            }
        }
        let values = ReportDiff(from: bundled, to: nextInterim).changes.filter { $0.kind == .indicatorValue }
        #expect(values.map { "\($0.name) \($0.year ?? 0) \($0.from ?? "nil")→\($0.to ?? "nil") \($0.revised == true)" } == [
            "Sjukfrånvaro (KS) (%) 2021 3,3 %→3,5 % true",
            "Företagarnas betyg på kommunens service (NKI) 2021 →76 false",
        ])
    }

    @Test func theJSONHasTheIdentitiesAndOneObjectPerChange() throws {
        let (from, to) = try Self.pair()
        let json = DiffFormatter(diff: ReportDiff(from: from, to: to)).json(toExtra: [("file", .string("year-end.json"))])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["from"] as? [String: Any])?["kind"] as? String == "delårsrapport")
        #expect((object["to"] as? [String: Any])?["periodEnd"] as? String == "2021-12-31")
        #expect((object["to"] as? [String: Any])?["file"] as? String == "year-end.json")
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == Self.expected.count)
        let revised = try #require(changes.first { $0["kind"] as? String == "indicatorValue" })
        #expect(revised["year"] as? Int == 2020)
        #expect(revised["revised"] as? Bool == true)
        #expect(Set(revised.keys) == ["kind", "location", "name", "from", "to", "year", "revised"])
        let forecast = try #require(changes.first { $0["kind"] as? String == "forecastOutcome" })
        #expect((forecast["miss"] as? NSNumber)?.intValue == 3000)
        #expect((forecast["missPercent"] as? NSNumber)?.doubleValue == 4.8)
    }
}

@Suite struct ItemMatchingTests {
    @Test func namesAreFoldedForCaseSpacingDashesAndATrailingUnit() {
        #expect(ItemMatching.normalizedName("Sjukfrånvaro  –  KS", unit: nil) == ItemMatching.normalizedName("sjukfrånvaro-KS", unit: nil))
        #expect(ItemMatching.normalizedName("Sjukfrånvaro (%)", unit: nil) == ItemMatching.normalizedName("Sjukfrånvaro", unit: "%"))
        // A parenthesis that is not the unit stays part of the name.
        #expect(ItemMatching.normalizedName("Sjukfrånvaro (KS)", unit: "%") != ItemMatching.normalizedName("Sjukfrånvaro", unit: "%"))
        #expect(ItemMatching.normalize("Resultat\u{00A0}exkl  exploatering") == "resultat exkl exploatering")
    }

    @Test func matchingGoesByIdThenNameThenCloseNameAndLeavesTheRestAddedOrRemoved() {
        let from: [ItemMatching.Key] = [.init(id: "a", name: "Alfa"), .init(id: "b", name: "Sjukfrånvaro"), .init(id: "c", name: "Antal bostäder totalt"),
                                        .init(id: "d", name: "Helt annat")]
        let to: [ItemMatching.Key] = [.init(id: "a", name: "Alfa ny"), .init(id: "x", name: "SJUKFRÅNVARO"), .init(id: "y", name: "Antal bostäder, totalt"),
                                      .init(id: "z", name: "Något nytt")]
        let result = ItemMatching.match(from, to)
        #expect(result.pairs.map { "\($0.from)-\($0.to)-\($0.rule.rawValue)" } == ["0-0-id", "1-1-name", "2-2-similarName"])
        #expect(result.removed == [3])
        #expect(result.added == [3])
    }

    @Test func similarityIsDiceOverBigramsAndTheThresholdSeparatesRenamesFromNewItems() {
        #expect(ItemMatching.similarity("abcd", "abcd") == 1)
        #expect(ItemMatching.similarity("abcd", "wxyz") == 0)
        #expect(ItemMatching.similarity("antal bostäder totalt", "antal bostäder, totalt") >= ItemMatching.renameThreshold)
        #expect(ItemMatching.similarity("sjukfrånvaro", "skattesats") < ItemMatching.renameThreshold)
    }

    @Test func differentUnitsNeverPairAsARename() {
        let result = ItemMatching.match([.init(name: "Sjukfrånvaro", unit: "%")], [.init(name: "Sjukfrånvaro", unit: "dagar")])
        #expect(result.pairs.isEmpty)
    }
}
