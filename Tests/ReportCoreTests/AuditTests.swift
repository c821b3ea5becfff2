import Foundation
import Testing
@testable import ReportCore

@Suite struct DeviationTests {
    @Test func incomeDeviationIsForecastMinusBudget() {
        #expect(DeviationRule.deviation(kind: .income, budget: 46166, compared: 62010) == 15844)
    }

    @Test func costDeviationIsBudgetMinusForecast() {
        #expect(DeviationRule.deviation(kind: .cost, budget: 228625, compared: 236650) == -8025)
    }

    @Test func resultDeviationIsBudgetMinusForecastOfTheNetCost() {
        #expect(DeviationRule.deviation(kind: .result, budget: 396569, compared: 393453) == 3116)
    }

    @Test func investmentDeviationIsForecastMinusBudgetOfNegativeSpending() {
        #expect(DeviationRule.deviation(kind: .investment, budget: -28800, compared: -29200) == -400)
        #expect(DeviationRule.deviation(kind: .investment, budget: -15000, compared: 0) == 15000)
    }

    @Test func valueAndHeadingRowsHaveNoDeviation() {
        #expect(DeviationRule.deviation(kind: .value, budget: 1, compared: 2) == nil)
        #expect(DeviationRule.deviation(kind: .heading, budget: 1, compared: 2) == nil)
    }

    @Test func percentOfBudgetUsesTheBudgetsMagnitude() {
        #expect(DeviationRule.percentOfBudget(-400, budget: -28800)?.rounded(2) == Decimal(string: "-1.39"))
        #expect(DeviationRule.percentOfBudget(5, budget: 0) == nil)
    }
}

/// A small table in the shape of the report's, for the audit.
func auditTable(rows: [TableRow], unit: String = "tkr") -> FinancialTable {
    FinancialTable(
        id: "t", title: "Tabell", rowHeader: "Rad", unit: unit,
        columns: [
            TableColumn(id: "b", label: "Budget", group: "Helår", role: .budget, scope: "fullYear"),
            TableColumn(id: "f", label: "Prognos", group: "Helår", role: .forecast, scope: "fullYear"),
            TableColumn(id: "d", label: "Avvikelse", group: "Helår", role: .deviation, scope: "fullYear"),
        ],
        rows: rows)
}

func reportWith(operations: FinancialTable) throws -> Report {
    var report = try BundledData.report()
    report.economy.operations = operations
    return report
}

@Suite struct AuditArithmeticTests {
    func findings(_ table: FinancialTable) throws -> [AuditFinding] {
        let report = try reportWith(operations: table)
        return ReportAnalysis(report: report).audit.findings.filter {
            if case .tableCell(let tableId, _, _) = $0.subject { return tableId == "t" }
            return false
        }
    }

    @Test func oneUnitOffOnADeviationIsRoundingNotAnError() throws {
        let result = try findings(auditTable(rows: [TableRow(id: "a", label: "Bidrag", kind: .cost, cells: ["5 413", "5 415", "-3"])]))
        #expect(result.count == 1)
        #expect(result.first?.severity == .info)
        #expect(result.first?.message.hasPrefix("Avrundning") == true)
    }

    @Test func aReversedSignIsAnError() throws {
        let result = try findings(auditTable(rows: [TableRow(id: "a", label: "Fiber", kind: .investment, cells: ["-28 800", "-29 200", "400"])]))
        #expect(result.map(\.severity) == [.error])
        #expect(result.first?.message.hasPrefix("Omvänt tecken") == true)
        #expect(result.first?.printed == 400 && result.first?.computed == -400)
        #expect(result.first?.location == "Tabell › Fiber › Helår avvikelse")
    }

    @Test func twoUnitsOffOnATwoTermDeviationIsAnError() throws {
        let result = try findings(auditTable(rows: [TableRow(id: "a", label: "A", kind: .income, cells: ["100", "110", "12"])]))
        #expect(result.map(\.severity) == [.error])
    }

    @Test func sumsAllowHalfAUnitPerTermPlusTheResult() throws {
        let members = (1...5).map { TableRow(id: "r\($0)", label: "R\($0)", kind: .cost, level: 1, cells: ["10", "10", "0"]) }
        let withinRounding = TableRow(id: "s", label: "Summa", kind: .cost, cells: ["53", "50", "3"], sumOf: members.map(\.id))
        let result = try findings(auditTable(rows: members + [withinRounding]))
        #expect(result.map(\.severity) == [.info])
        let beyond = TableRow(id: "s", label: "Summa", kind: .cost, cells: ["54", "50", "4"], sumOf: members.map(\.id))
        #expect(try findings(auditTable(rows: members + [beyond])).map(\.severity) == [.error])
    }

    @Test func mnkrTablesUseTheirPrintedDecimals() throws {
        let row = TableRow(id: "a", label: "Nordvästra", kind: .investment, cells: ["-15,0", "-7,7", "7,2"])
        #expect(try findings(auditTable(rows: [row], unit: "mnkr")).map(\.severity) == [.info])
        let wrong = TableRow(id: "a", label: "Nordvästra", kind: .investment, cells: ["-15,0", "-7,7", "7,5"])
        #expect(try findings(auditTable(rows: [wrong], unit: "mnkr")).map(\.severity) == [.error])
    }

    @Test func subtractedMembersCountWithTheirSign() throws {
        let rows = [
            TableRow(id: "in", label: "Intäkter", kind: .income, cells: ["100", "120", "20"]),
            TableRow(id: "out", label: "Kostnader", kind: .cost, cells: ["300", "310", "-10"]),
            TableRow(id: "res", label: "Resultat", kind: .result, cells: ["200", "190", "10"], sumOf: ["out", "-in"]),
        ]
        #expect(try findings(auditTable(rows: rows)).isEmpty)
    }

    @Test func roundingToleranceIsHalfAUnitPerPrintedFigure() {
        #expect(Audit.roundingTolerance(operands: 2, unit: 1) == Decimal(string: "1.5"))
        #expect(Audit.roundingTolerance(operands: 9, unit: Decimal(string: "0.1")!) == Decimal(string: "0.5"))
    }
}

@Suite struct BundledReportAuditTests {
    let analysis: ReportAnalysis

    init() throws {
        analysis = ReportAnalysis(report: try BundledData.report())
    }

    @Test func findsTheOnlyRealArithmeticInconsistencyOfTheSourceTables() {
        let errors = analysis.audit.findings(.error)
        #expect(errors.count == 1)
        #expect(errors.first?.location == "Nämndernas investeringar › Nyinvestering › Fiberutbyggnad IT › Helår avvikelse")
        #expect(errors.first?.subject == .tableCell(table: "boardInvestments", row: "fiber-it", column: "fullYearDeviation"))
    }

    @Test func reportsEveryOtherDifferenceAsRounding() {
        let arithmetic = analysis.audit.findings.filter { if case .tableCell = $0.subject { return true } else { return false } }
        #expect(arithmetic.filter { $0.severity == .info }.count == 31)
        #expect(arithmetic.allSatisfy { $0.severity == .error || $0.message.hasPrefix("Avrundning") })
        for finding in arithmetic where finding.severity == .info {
            let difference = abs((finding.printed ?? 0) - (finding.computed ?? 0))
            #expect(difference > 0)
        }
    }

    @Test func comparesTheSummarysStatedCountsWithTheTables() {
        let checks = analysis.audit.statementChecks
        #expect(checks.count == analysis.report.summary.statements.count)
        let disagreeing = checks.filter { !$0.agrees }.map(\.statement.location)
        // Indicators: 6 stated with a result, 8 in the tables; social: 2 met and 1 approaching stated,
        // 1 and 0 computed; social uppdrag: 3 "genomföras" stated, 2 "Blir klart i år" printed.
        #expect(disagreeing == ["Sammanfattning › Ekonomisk hållbarhet", "Sammanfattning › Social hållbarhet", "Sammanfattning › Social hållbarhet"])
        let economic = checks.first { $0.statement.subject == .indicators && $0.statement.goalArea == "ekonomisk" }
        #expect(economic?.comparisons.first.map { [$0.stated, $0.computed] } == [6, 8])
    }

    @Test func listsDisagreementsBetweenComputedAndReportedStatus() {
        let disagreements = analysis.indicators.filter(\.evaluation.disagreesWithReport).map(\.indicator.id)
        #expect(disagreements.contains("sjukfranvaro"))
        let sick = analysis.indicators.first { $0.indicator.id == "sjukfranvaro" }
        #expect(sick?.evaluation.computedStatus == .approaching)
        #expect(sick?.evaluation.reportedStatus == .notMet)
        #expect(analysis.audit.findings.contains { $0.subject == .indicator(id: "sjukfranvaro") && $0.severity == .info })
    }

    @Test func countsPerGoalArea() {
        let economic = analysis.indicatorCounts(area: "ekonomisk")
        let economicCounts: [Int] = [economic.met, economic.approaching, economic.notMet, economic.notAssessed]
        #expect(economicCounts == [4, 1, 2, 1])
        let ecological = analysis.indicatorCounts(area: "ekologisk")
        let ecologicalCounts: [Int] = [ecological.met, ecological.approaching, ecological.notMet, ecological.notAssessed]
        #expect(ecologicalCounts == [1, 0, 1, 3])
        let assignments = analysis.assignmentCounts()
        let assignmentCounts: [Int] = [assignments.completed, assignments.likelyCompleted, assignments.notCompleted]
        #expect(assignmentCounts == [4, 2, 1])
        let controls = analysis.internalControlCounts(kind: .systematicControl)
        let controlCounts: [Int] = [controls.completed, controls.notCompleted, controls.total]
        #expect(controlCounts == [8, 2, 10])
    }
}
