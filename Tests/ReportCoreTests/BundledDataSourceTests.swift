import Foundation
import Testing
@testable import ReportCore

/// Checks the bundled data against the text extracted from the PDF, wherever it can: every
/// indicator's printed row, every table row, every text, quote and comment.
@Suite struct BundledDataSourceTests {
    let report: Report
    /// The source as one line: page furniture removed, lines joined (a word hyphenated at the end
    /// of a line without a space is joined directly), whitespace runs collapsed.
    let source: String
    let sourceLines: [String]

    init() throws {
        report = try BundledData.report()
        let text = try BundledData.sourceText()
        sourceLines = text.components(separatedBy: "\n")
        var joined = ""
        var previous = ""
        for line in sourceLines where !Self.isPageFurniture(line) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            if previous.hasSuffix("-") && !previous.hasSuffix(" -") && !joined.isEmpty {
                joined += trimmed
            } else {
                joined += (joined.isEmpty ? "" : " ") + trimmed
            }
            previous = line
        }
        source = Self.collapse(joined)
    }

    static func isPageFurniture(_ line: String) -> Bool {
        line.range(of: #"^\s*Kommunstyrelsen \| \d+\s*$"#, options: .regularExpression) != nil
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    func expectInSource(_ text: String, _ what: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        let needle = Self.collapse(text)
        guard !needle.isEmpty else { return }
        let found = source.contains(needle)
        #expect(found, "\(what()) is not in the source: \(needle)", sourceLocation: sourceLocation)
    }

    @Test func everyIndicatorRowIsPrintedAsInTheSource() {
        var count = 0
        for area in report.goalAreas {
            for council in area.councilGoals {
                let tables = [council.indicatorTable] + council.boardGoals.map(\.indicatorTable)
                for table in tables.compactMap({ $0 }) {
                    let header = "Indikatorer " + table.years.map(String.init).joined(separator: " ") + " Etappmål Målvärde \(table.longTermTargetYear)"
                    expectInSource(header, "table header")
                    for indicator in table.indicators {
                        let cells = (indicator.values + [indicator.milestoneTarget, indicator.longTermTarget]).filter { !$0.isEmpty }
                        expectInSource(([indicator.printedName] + cells).joined(separator: " "), "indicator \(indicator.id)")
                        count += 1
                    }
                    for note in table.notes { expectInSource(note, "a note under a table") }
                }
            }
        }
        #expect(count == 26)
    }

    @Test func blankAndDashCellsAreKeptApartAsPrinted() {
        // The raw lines show which cells are dashes; a dash in the data must be a dash in the source line.
        for area in report.goalAreas {
            for council in area.councilGoals {
                for table in ([council.indicatorTable] + council.boardGoals.map(\.indicatorTable)).compactMap({ $0 }) {
                    for indicator in table.indicators {
                        let dashes = indicator.values.filter { $0 == "-" }.count
                        guard dashes > 0 else { continue }
                        let printed = sourceLines.contains { line in
                            let tokens = line.split(separator: " ")
                            return tokens.filter { $0 == "-" }.count == dashes
                                && indicator.values.filter { $0 != "-" && !$0.isEmpty }.allSatisfy { line.contains($0) }
                                && (indicator.milestoneTarget.isEmpty || line.contains(indicator.milestoneTarget))
                        }
                        #expect(printed, "no source line with \(dashes) dash(es) for \(indicator.id)")
                    }
                }
            }
        }
    }

    @Test func everyFinancialTableRowIsPrintedAsInTheSource() {
        let tables = [report.economy.operations, report.economy.netCost, report.economy.covid, report.investments.board, report.investments.urbanDevelopment]
        var rows = 0
        for table in tables {
            for row in table.rows {
                let cells = row.cells.filter { !$0.isEmpty }
                if row.kind == .heading {
                    #expect(cells.isEmpty)
                    expectInSource(row.label, "heading row \(row.id)")
                } else {
                    expectInSource(([row.label] + cells).joined(separator: " "), "\(table.id) row \(row.id)")
                }
                rows += 1
            }
            expectInSource(table.rowHeader, "\(table.id) row header")
        }
        #expect(rows == 8 + 4 + 4 + 13 + 26)
    }

    @Test func everyTextQuoteAndCommentIsInTheSource() {
        // Headings the transcription had to supply, each explained in its section's note.
        let suppliedHeadings: Set = ["Nettokostnad per verksamhet"]
        func check(_ section: TextSection) {
            if suppliedHeadings.contains(section.heading) {
                #expect(section.note?.contains("Rubriken är satt vid transkriberingen") == true)
            } else {
                expectInSource(section.heading, "heading")
            }
            for paragraph in section.paragraphs { expectInSource(paragraph, "paragraph under \(section.heading)") }
            for sub in section.subsections ?? [] { check(sub) }
        }
        report.summary.sections.forEach(check)
        report.economy.commentary.forEach(check)
        report.investments.commentary.forEach(check)
        report.sections.forEach(check)
        check(report.internalControl.introduction)
        for row in report.summary.preliminaryAssessment { expectInSource("\(row.area) \(row.assessment)", "preliminär bedömning") }
        for statement in report.summary.statements { expectInSource(statement.quote, "statement") }
        for area in report.goalAreas {
            expectInSource("Målområde: \(area.title)", "goal area")
            for council in area.councilGoals {
                expectInSource("Kommunfullmäktigemål: \(council.title)", "council goal")
                for board in council.boardGoals {
                    expectInSource("Nämndmål: \(board.title)", "board goal")
                    for paragraph in board.narrative { expectInSource(paragraph, "narrative of \(board.title)") }
                    for assignment in board.assignments {
                        expectInSource("\(assignment.status) \(assignment.title)", "uppdrag status and title")
                        for paragraph in assignment.comment { expectInSource(paragraph, "comment of \(assignment.title)") }
                    }
                    for indicator in board.indicatorTable?.indicators ?? [] {
                        for sentence in (indicator.reportedStatus?.quote ?? "").components(separatedBy: ". ") {
                            expectInSource(sentence, "reported-status quote of \(indicator.id)")
                        }
                    }
                }
                for indicator in council.indicatorTable?.indicators ?? [] {
                    for sentence in (indicator.reportedStatus?.quote ?? "").components(separatedBy: ". ") {
                        expectInSource(sentence, "reported-status quote of \(indicator.id)")
                    }
                }
            }
        }
        let control = report.internalControl
        for item in control.riskReductions {
            expectInSource("\(item.process) \(item.risk)", "risk")
            expectInSource(item.action, "risk action")
            item.comment.forEach { expectInSource($0, "risk comment") }
        }
        for item in control.auditActions {
            expectInSource("\(item.review) Diarienummer \(item.registrationNumber) \(item.background) \(item.action) Status \(item.status) Kommentar", "audit action")
            item.comment.forEach { expectInSource($0, "audit action comment") }
        }
        for item in control.systematicControls {
            expectInSource("\(item.control) Varför görs kontrollen? \(item.rationale) \(item.status)", "systematic control")
            item.comment.forEach { expectInSource($0, "control comment") }
            expectInSource(item.process, "process")
        }
    }

    @Test func theCountsOfItemsMatchTheSource() {
        let text = sourceLines.joined(separator: "\n")
        func occurrences(_ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }
        #expect(report.goalAreas.count == occurrences("Målområde:"))
        #expect(report.goalAreas.flatMap(\.councilGoals).count == occurrences("Kommunfullmäktigemål:"))
        #expect(report.goalAreas.flatMap(\.councilGoals).flatMap(\.boardGoals).count == occurrences("Nämndmål: "))
        let assignments = report.goalAreas.flatMap(\.councilGoals).flatMap(\.boardGoals).flatMap(\.assignments)
        #expect(assignments.count == occurrences("Status Uppdrag Kommentar"))
        #expect(report.internalControl.systematicControls.count == occurrences("Varför görs kontrollen?"))
        #expect(report.internalControl.auditActions.count == occurrences("Diarienummer"))
    }

    @Test func absentTablesAreRecordedNotInvented() {
        let titles = report.economy.absentTables.map(\.title)
        #expect(titles == ["Ekonomi, drift (per verksamhet)", "Riktade statsbidrag"])
    }
}
