import Foundation
import Testing
@testable import ReportCore

@Suite struct StatusRuleTests {
    let years = [2019, 2020, 2021]
    let rule = StatusRule(config: nil, reportingYear: 2021)

    func indicator(_ values: [String], _ milestone: String, longTerm: String = "", unit: String? = nil, direction: Direction? = nil) -> Indicator {
        Indicator(id: "x", name: "X", unit: unit, values: values, milestoneTarget: milestone, longTermTarget: longTerm, direction: direction)
    }

    @Test func metWhenTheComparisonHolds() {
        let result = rule.evaluate(indicator(["2,7 %", "6,1 %", "5,6 %"], "≥2", unit: "%"), years: years)
        #expect(result.status == .met)
        #expect(result.explanation == "5,6 % mot etappmålet ≥2: uppnås (3,6 procentenheter över), försämring från 6,1 % (2020).")
    }

    @Test func approachingWhenImprovedButNotReached() {
        let result = rule.evaluate(indicator(["8 %", "9,9 %", "8,9 %"], "<7,9 %", unit: "%"), years: years)
        #expect(result.status == .approaching)
        #expect(result.explanation == "8,9 % mot etappmålet <7,9 %: 1,0 procentenheter kvar, förbättring från 9,9 % (2020).")
    }

    @Test func notMetWhenWorseThanTheYearBefore() {
        let result = rule.evaluate(indicator(["index 80", "index 80", "index 79"], ">80", unit: "index"), years: years)
        #expect(result.status == .notMet)
        #expect(result.explanation.contains("försämring från index 80 (2020)"))
    }

    @Test func notMetWhenThereIsNoPreviousValueToShowATrend() {
        let result = rule.evaluate(indicator(["-", "-", "0 %"], "5 %", unit: "%", direction: .higherIsBetter), years: years)
        #expect(result.status == .notMet)
        #expect(result.explanation.contains("inget värde året innan"))
    }

    @Test func unchangedValueIsNotApproaching() {
        let result = rule.evaluate(indicator(["1", "3", "3"], ">5"), years: years)
        #expect(result.status == .notMet)
        #expect(result.explanation.contains("oförändrat från 3 (2020)"))
    }

    @Test func plainTargetUsesTheDesiredDirection() {
        #expect(rule.evaluate(indicator(["19,87", "19,87", "19,77"], "19,77", direction: .lowerIsBetter), years: years).status == .met)
        #expect(rule.evaluate(indicator(["19,87", "19,70", "19,80"], "19,77", direction: .lowerIsBetter), years: years).status == .notMet)
        #expect(rule.evaluate(indicator(["-", "45", "60"], "48", direction: .higherIsBetter), years: years).status == .met)
    }

    @Test func plainTargetWithoutDirectionIsNotAssessed() {
        let result = rule.evaluate(indicator(["1", "2", "3"], "4"), years: years)
        #expect(result.status == .notAssessed)
        #expect(result.explanation.contains("högre eller lägre"))
    }

    @Test func noValueForTheYearIsNotAssessedAndSaysWhichCellWasPrinted() {
        let blank = rule.evaluate(indicator(["73", "77", ""], ">73"), years: years)
        #expect(blank.status == .notAssessed && blank.explanation == "Inget värde för 2021 (tom cell).")
        let dash = rule.evaluate(indicator(["-", "-", "-"], ">73"), years: years)
        #expect(dash.explanation == "Inget värde för 2021 (streck i tabellen).")
    }

    @Test func symbolicTargetIsNotAssessedWithAReason() {
        let result = rule.evaluate(indicator(["169", "168", "140"], "Plats 13 i länet"), years: years)
        #expect(result.status == .notAssessed)
        #expect(result.explanation.contains("placering 13 i länet"))
    }

    @Test func missingMilestoneIsNotAssessedUnlessTheLongTermTargetMayStandIn() {
        let row = indicator(["4,4 %", "3,4 %", "3,3 %"], "", longTerm: "<4 %", unit: "%")
        #expect(rule.evaluate(row, years: years).status == .notAssessed)
        let lenient = StatusRule(config: StatusRuleConfig(useLongTermTargetWhenNoMilestone: true), reportingYear: 2021)
        let result = lenient.evaluate(row, years: years)
        #expect(result.status == .met)
        #expect(result.explanation.contains("mot målvärdet <4 %"))
    }

    @Test func anEarlierValueMayStandInWhenConfigured() {
        let row = indicator(["73", "77", ""], ">73")
        let lenient = StatusRule(config: StatusRuleConfig(allowEarlierValue: true), reportingYear: 2021)
        let result = lenient.evaluate(row, years: years)
        #expect(result.status == .met)
        #expect(result.valueYear == 2020)
        #expect(result.explanation.contains("värdet för 2020; 2021 saknas"))
    }

    @Test func toleranceBandDecidesApproachingWhenConfigured() {
        let tolerant = StatusRule(config: StatusRuleConfig(approaching: .tolerance, tolerancePercent: 15), reportingYear: 2021)
        #expect(tolerant.evaluate(indicator(["8 %", "7 %", "8,9 %"], "<7,9 %"), years: years).status == .approaching)
        let strict = StatusRule(config: StatusRuleConfig(approaching: .tolerance, tolerancePercent: 5), reportingYear: 2021)
        #expect(strict.evaluate(indicator(["8 %", "9,9 %", "8,9 %"], "<7,9 %"), years: years).status == .notMet)
    }

    @Test func assessedYearIsConfigurable() {
        let previous = StatusRule(config: StatusRuleConfig(assessedYear: 2020), reportingYear: 2021)
        let result = previous.evaluate(indicator(["73", "77", ""], ">73"), years: years)
        #expect(result.status == .met && result.valueYear == 2020)
        let absent = StatusRule(config: StatusRuleConfig(assessedYear: 2022), reportingYear: 2021)
        #expect(absent.evaluate(indicator(["73", "77", ""], ">73"), years: years).explanation == "Tabellen har ingen kolumn för 2022.")
    }

    @Test func conflictingUnitsAreNotAssessed() {
        let result = rule.evaluate(indicator(["1 km", "2 km", "3 km"], ">2 %"), years: years)
        #expect(result.status == .notAssessed)
        #expect(result.explanation.contains("Enheterna"))
    }

    @Test func unreadableValueOrTargetIsNotAssessed() {
        #expect(rule.evaluate(indicator(["1", "2", "ca 3"], ">2"), years: years).explanation.contains("\"ca 3\""))
        #expect(rule.evaluate(indicator(["1", "2", "3"], "bättre"), years: years).explanation.hasPrefix("Etappmålet kan inte läsas"))
    }

    @Test func overrideWinsAndKeepsTheComputedStatus() {
        var row = indicator(["8 %", "9,9 %", "8,9 %"], "<7,9 %")
        row.override = StatusOverride(status: .notMet, reason: "Nämnden bedömer att målet inte nås i år.")
        row.reportedStatus = ReportedStatus(status: .notMet, quote: "…")
        let result = rule.evaluate(row, years: years)
        #expect(result.status == .notMet)
        #expect(result.computedStatus == .approaching)
        #expect(result.isOverridden)
        #expect(result.explanation.hasPrefix("Manuellt satt till uppnås ej: Nämnden bedömer"))
        #expect(result.disagreesWithReport)
    }
}

/// The desired direction comes from the target's comparator, strict or not, even when there is
/// no value to assess (issue 10.6: Företagarnas betyg, Energianvändning said "Riktning okänd").
@Suite struct DirectionTests {
    let years = [2019, 2020, 2021]
    let rule = StatusRule(config: nil, reportingYear: 2021)

    @Test(arguments: [(">73", Direction.higherIsBetter), ("≥2", .higherIsBetter), (">=2", .higherIsBetter),
                      ("<137", .lowerIsBetter), ("≤4", .lowerIsBetter), ("<=4", .lowerIsBetter), ("<7,9 %", .lowerIsBetter)])
    func everyComparatorGivesTheDirectionWithOrWithoutAValue(_ target: String, _ expected: Direction) {
        for values in [["73", "77", ""], ["73", "77", "-"], ["73", "77", "80"]] {
            let indicator = Indicator(id: "x", name: "X", values: values, milestoneTarget: target, longTermTarget: "Topp tre i länet")
            #expect(rule.evaluate(indicator, years: years).direction == expected, "\(target) with \(values)")
            #expect(StatusRule.desiredDirection(of: indicator) == expected)
        }
    }

    @Test func aLongTermComparatorGivesTheDirectionWhenTheMilestoneIsBlank() {
        let indicator = Indicator(id: "x", name: "X", unit: "%", values: ["4,4 %", "3,4 %", "3,3 %"], milestoneTarget: "", longTermTarget: "<4 %")
        #expect(rule.evaluate(indicator, years: years).direction == .lowerIsBetter)
    }

    @Test func thePrintedComparatorWinsOverTheIndicatorsDirection() {
        let indicator = Indicator(id: "x", name: "X", values: ["1", "2", ""], milestoneTarget: ">3", longTermTarget: "", direction: .lowerIsBetter)
        #expect(rule.evaluate(indicator, years: years).direction == .higherIsBetter)
    }

    @Test func aPlainTargetWithoutDirectionStaysUnknown() {
        let indicator = Indicator(id: "x", name: "X", values: ["1", "2", "3"], milestoneTarget: "5", longTermTarget: "Länssnitt")
        #expect(rule.evaluate(indicator, years: years).direction == nil)
        #expect(rule.evaluate(indicator, years: years).status == .notAssessed)
    }

    @Test func noIndicatorOfTheBundledReportWithAComparatorHasAnUnknownDirection() throws {
        let analysis = ReportAnalysis(report: try BundledData.report())
        var checked = 0
        for item in analysis.indicators {
            let targets = [item.indicator.milestoneTarget, item.indicator.longTermTarget]
            guard targets.contains(where: { $0.contains(">") || $0.contains("<") || $0.contains("≥") || $0.contains("≤") }) else { continue }
            checked += 1
            #expect(item.evaluation.direction != nil, "\(item.indicator.name)")
        }
        #expect(checked >= 8)
    }
}
