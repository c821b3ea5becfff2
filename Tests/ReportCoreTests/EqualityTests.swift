import Foundation
import Testing
@testable import ReportCore

/// Equality covers every field: two values that differ anywhere are not equal (issue 11.3).
@Suite struct EqualityTests {
    static let analysis: ReportAnalysis? = (try? BundledData.report()).map { ReportAnalysis(report: $0) }

    @Test func statementChecksDifferingInTheStatedCountAreNotEqual() throws {
        let analysis = try #require(Self.analysis)
        let check = try #require(analysis.audit.statementChecks.first { !$0.comparisons.isEmpty })
        var other = check
        other.comparisons[0].stated += 1
        #expect(other != check)
        var relabelled = check
        relabelled.comparisons[0].label += "x"
        #expect(relabelled != check)
    }

    @Test func headlinesDifferingInUnitOrPrintedFiguresAreNotEqual() throws {
        let analysis = try #require(Self.analysis)
        let headline = try #require(Headline(analysis.report.economy.operations))
        var unit = headline
        unit.unit = "mnkr"
        #expect(unit != headline)
        var printed = headline
        printed.deviations[0].printed = nil
        #expect(printed != headline || headline.deviations[0].printed == nil)
        var label = headline
        label.deviations[0].comparedLabel += "x"
        #expect(label != headline)
    }

    @Test func comparisonsDifferingInUnitAreNotEqual() throws {
        let analysis = try #require(Self.analysis)
        let comparison = try #require(analysis.indicators.lazy.compactMap { item -> Comparison? in
            if case .compared(let comparison) = item.evaluation.reason { return comparison }
            return nil
        }.first)
        var other = comparison
        other.unit = (comparison.unit ?? "") + "x"
        #expect(other != comparison)
    }

    @Test func analyzedIndicatorsDifferingInTitlesOrYearsAreNotEqual() throws {
        let analysis = try #require(Self.analysis)
        let indicator = try #require(analysis.indicators.first)
        var title = indicator
        title.areaTitle += "x"
        #expect(title != indicator)
        var years = indicator
        years.years.append(3000)
        #expect(years != indicator)
    }

    @Test func internalControlItemsDifferingInProcessCommentOrDetailsAreNotEqual() throws {
        let analysis = try #require(Self.analysis)
        let item = try #require(analysis.internalControlItems.first { !$0.details.isEmpty })
        var process = item
        process.process += "x"
        #expect(process != item)
        var comment = item
        comment.comment.append("x")
        #expect(comment != item)
        var details = item
        details.details[0].text += "x"
        #expect(details != item)
    }
}
