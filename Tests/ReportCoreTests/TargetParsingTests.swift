import Foundation
import Testing
@testable import ReportCore

@Suite struct PrintedNumberTests {
    @Test(arguments: [
        ("46 166", Decimal(46166), 0), ("-8 025", Decimal(-8025), 0), ("-91,7", Decimal(string: "-91.7")!, 1),
        ("0,0", Decimal(0), 1), ("0,845", Decimal(string: "0.845")!, 3), ("\u{2212}3", Decimal(-3), 0), ("1\u{00A0}307", Decimal(1307), 0),
    ])
    func readsNumbersAsSwedishReportsPrintThem(text: String, value: Decimal, digits: Int) throws {
        let number = try #require(PrintedNumber(text))
        #expect(number.value == value)
        #expect(number.fractionDigits == digits)
    }

    @Test(arguments: ["", "-", "1,", ",5", "1  000", "12 34,5 6", "abc", "1.5", "--1", "1 ,5", "1 000 000 0"])
    func rejectsTextThatIsNotAPrintedNumber(text: String) {
        #expect(PrintedNumber(text) == nil)
    }

    @Test func formatsWithSpaceGroupsAndDecimalComma() {
        #expect(SwedishNumberFormat.format(Decimal(-15997), fractionDigits: 0) == "-15 997")
        #expect(SwedishNumberFormat.format(Decimal(string: "0.05")!, fractionDigits: 1) == "0,1")
        #expect(SwedishNumberFormat.format(Decimal(string: "-0.04")!, fractionDigits: 1) == "0,0")
        #expect(SwedishNumberFormat.format(Decimal(1234567), fractionDigits: 2) == "1 234 567,00")
    }
}

@Suite struct TargetParsingTests {
    private func numeric(_ text: String) throws -> NumericTarget {
        guard case .numeric(let target) = Target(parsing: text) else {
            Issue.record("\(text) did not parse as a numeric target")
            throw CancellationError()
        }
        return target
    }

    @Test func readsComparatorsNumbersAndUnits() throws {
        let atLeast = try numeric("≥2")
        #expect(atLeast.comparator == .atLeast && atLeast.number.value == 2 && atLeast.unit == nil)
        let greater = try numeric(">80")
        #expect(greater.comparator == .greaterThan && greater.number.value == 80)
        let less = try numeric("<7,9 %")
        #expect(less.comparator == .lessThan && less.number.value == Decimal(string: "7.9")! && less.unit == "%")
        let zero = try numeric("0 %")
        #expect(zero.comparator == .plain && zero.number.value == 0 && zero.unit == "%")
        let rate = try numeric("19,77")
        #expect(rate.comparator == .plain && rate.number.fractionDigits == 2)
        let count = try numeric("48")
        #expect(count.comparator == .plain && count.number.value == 48)
        let increase = try numeric("+5,5 km")
        #expect(increase.isIncrease && increase.unit == "km" && increase.number.value == Decimal(string: "5.5")!)
        let index = try numeric("index 80")
        #expect(index.unit == "index" && index.number.value == 80)
        #expect(try numeric("<=4").comparator == .atMost)
        #expect(try numeric(">= 3").comparator == .atLeast)
    }

    @Test func readsSymbolicTargets() {
        #expect(Target(parsing: "Länssnitt") == .symbolic(.countyAverage))
        #expect(Target(parsing: "Topp tre i länet") == .symbolic(.topInCounty(3)))
        #expect(Target(parsing: "Plats 13 i länet") == .symbolic(.rankInCounty(13)))
        #expect(Target(parsing: "") == Target.none)
        #expect(Target(parsing: "   ") == Target.none)
    }

    @Test func unreadableTextSaysWhy() {
        guard case .unreadable(let text, let reason) = Target(parsing: "bättre än i fjol") else {
            Issue.record("expected unreadable")
            return
        }
        #expect(text == "bättre än i fjol")
        #expect(reason.contains("bättre än i fjol"))
    }

    @Test func readsIndicatorValueCells() {
        #expect(IndicatorValue(parsing: "") == .blank)
        #expect(IndicatorValue(parsing: "-") == .dash)
        #expect(IndicatorValue(parsing: "index78").quantity?.number.value == 78)
        #expect(IndicatorValue(parsing: "2,7 %").quantity?.unit == "%")
        #expect(IndicatorValue(parsing: "n/a") == .unreadable("n/a"))
    }
}
