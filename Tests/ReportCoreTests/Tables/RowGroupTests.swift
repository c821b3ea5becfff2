import Foundation
import Testing
@testable import ReportCore

/// Which group a financial row belongs to, as the report prints it: used by the row detail in the
/// browser and by `check` locations.
@Suite struct RowGroupTests {
    /// Every row of the bundled report's five tables with the groups it is printed under,
    /// outermost first, read from the source text (Ekonomi and Investeringar pages).
    static let printedStructure: [String: [(label: String, groups: [String])]] = [
        "operations": [
            ("Verksamhetens intäkter", []),
            ("Personal", ["Verksamhetens kostnader"]),
            ("Lokaler", ["Verksamhetens kostnader"]),
            ("Bidrag kostnader", ["Verksamhetens kostnader"]),
            ("Köp av verksamhet", ["Verksamhetens kostnader"]),
            ("Övrigt", ["Verksamhetens kostnader"]),
            ("Verksamhetens kostnader", []),
            ("Årets resultat", []),
        ],
        "netCost": [
            ("Politisk verksamhet", []), ("Infrastruktur, skydd m.m.", []),
            ("Gemensamma lokaler och verksamheter", []), ("Summa Nettokostnad", []),
        ],
        "covid": [
            ("Intäkter (minskade -  /ökade +)", []), ("Personakostnader (minskade + /ökade -)", []),
            ("Övriga kostnader (minskade + /ökade -)", []),
            ("Minskade nettokostnader (+) /ökade nettokostnader (-)", []),
        ],
        "boardInvestments": [
            ("Reinvestering", []),
            ("Utbyte och uppgradering IT", ["Reinvestering"]),
            ("Utbyggnad av IT-struktur", ["Reinvestering"]),
            ("Säkerhet och övervakning IT", ["Reinvestering"]),
            ("Inventarier", ["Reinvestering"]),
            ("Teknik sessionssalen", ["Reinvestering"]),
            ("Summa reinvestering", []),
            ("Nyinvestering", []),
            ("Fiberutbyggnad IT", ["Nyinvestering"]),
            ("Utredningar lokalförsörjning", ["Nyinvestering"]),
            ("Trygghetskameror", ["Nyinvestering"]),
            ("Summa nyinvestering", []),
            ("Summa", []),
        ],
        "urbanDevelopment": [("Exploateringsprojekt/Område", [])]
            + [("Genomförandeprojekt", ["Exploateringsprojekt/Område"])]
            + ["Mellersta", "Nordvästra", "Sydvästra", "Östra"].map { ($0, ["Exploateringsprojekt/Område", "Genomförandeprojekt"]) }
            + [("Planeringsprojekt", ["Exploateringsprojekt/Område"])]
            + ["Kommunövergripande", "Mellersta", "Nordvästra", "Sydvästra", "Östra"].map { ($0, ["Exploateringsprojekt/Område", "Planeringsprojekt"]) }
            + [("Investeringsprojekt/Område", [])]
            + [("Genomförandeprojekt", ["Investeringsprojekt/Område"])]
            + ["Kommunövergripande", "Mellersta", "Nordvästra", "Sydvästra", "Östra"].map { ($0, ["Investeringsprojekt/Område", "Genomförandeprojekt"]) }
            + [("Planeringsprojekt", ["Investeringsprojekt/Område"])]
            + ["Kommunövergripande", "Mellersta", "Nordvästra", "Sydvästra", "Östra"].map { ($0, ["Investeringsprojekt/Område", "Planeringsprojekt"]) }
            + [("Summa samhällsbyggnad", [])],
    ]

    @Test func everyRowOfTheBundledTablesIsFiledUnderTheGroupItIsPrintedIn() throws {
        let report = try BundledData.report()
        let tables: [(String, FinancialTable)] = [
            ("operations", report.economy.operations), ("netCost", report.economy.netCost), ("covid", report.economy.covid),
            ("boardInvestments", report.investments.board), ("urbanDevelopment", report.investments.urbanDevelopment),
        ]
        for (name, table) in tables {
            let expected = try #require(Self.printedStructure[name])
            #expect(table.rows.map(\.label) == expected.map(\.label), "\(name): rows")
            for (index, row) in table.rows.enumerated() where index < expected.count {
                #expect(table.groupPath(ofRow: index) == expected[index].groups, "\(name): \(row.label)")
            }
        }
    }

    @Test func costRowsPrintedBeforeTheirSumBelongToTheSumNotToTheIncomeRowAbove() throws {
        let report = try BundledData.report()
        let locations = ReportAnalysis(report: report).audit.findings.map(\.location).filter { $0.contains("Bidrag kostnader") }
        #expect(!locations.isEmpty)
        for location in locations {
            #expect(location.hasPrefix("Ekonomi › Verksamhetens kostnader › Bidrag kostnader"), "\(location)")
            #expect(!location.contains("Verksamhetens intäkter"), "\(location)")
        }
    }

    @Test func aPlainRowAboveDeeperRowsStillGroupsThemWhenNoSumClaimsThem() {
        let table = auditTable(rows: [
            TableRow(id: "a", label: "Intäkter", kind: .income, level: 0, cells: ["", "", ""]),
            TableRow(id: "b", label: "Taxor", kind: .income, level: 1, cells: ["", "", ""]),
        ])
        #expect(table.groupPath(ofRow: 1) == ["Intäkter"])
        #expect(table.groupPath(ofRow: 0) == [])
    }
}
