import Foundation
import ReportCore
import ReportImport
import Testing

/// (b) Variants of the source text built here: each imports correctly or fails with a precise
/// message.
@Suite struct ImportVariantTests {
    /// The source lines, 1-based access.
    struct Source {
        var lines: [String]
        init() throws { lines = try ImportTestSupport.sourceLines() }
        subscript(number: Int) -> String {
            get { lines[number - 1] }
            set { lines[number - 1] = newValue }
        }
        /// Inserts lines before line `number`.
        mutating func insert(_ new: [String], before number: Int) { lines.insert(contentsOf: new, at: number - 1) }
        mutating func remove(_ range: ClosedRange<Int>) { lines.removeSubrange(range.lowerBound - 1 ... range.upperBound - 1) }
    }

    static func baseline() throws -> Report {
        try ImportTestSupport.importWithOverlay(ImportTestSupport.sourceText()).report
    }

    /// The differences from the plain import of the source.
    static func changes(_ result: ImportResult) throws -> [String] {
        try ReportDiff.differences(result.report, baseline())
    }

    /// Systematiska kontroller whose controls lack the `Varför görs kontrollen?` line that marks
    /// them: no control can be read, and the text left out is a warning naming its lines (it was
    /// dropped without a word).
    @Test func systematicControlsWithoutTheirQuestionAreWarnedNotDroppedSilently() throws {
        var source = try Source()
        source.lines = source.lines.map { $0.trimmingCharacters(in: .whitespaces) == "Varför görs kontrollen?" ? "Syfte" : $0 }
        let result = try ImportTestSupport.importLines(source.lines)
        #expect(result.report.internalControl.systematicControls.isEmpty)
        let warning = try #require(result.diagnostics.first { $0.message.contains("no \"Varför görs kontrollen?\" under Systematiska kontroller") })
        #expect(warning.lines.contains(1374))
        #expect(result.report.internalControl.auditActions.count == 3)
    }

    /// A `Diarienummer` line right above another one (as if the number and the rest of an
    /// åtgärd were lost) trapped on a range. Now the damaged åtgärd is skipped with warnings that
    /// say so, and the rest imports.
    @Test func aDiarienummerDirectlyAboveAnotherIsSkippedWithoutACrash() throws {
        var source = try Source()
        let index = try #require(source.lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "Diarienummer" })
        source.lines.insert("Diarienummer", at: index)
        let result = try ImportTestSupport.importLines(source.lines)
        #expect(result.diagnostics.contains { $0.message.contains("an åtgärd utifrån revision without \"Status\"; skipped") })
        #expect(result.diagnostics.contains { $0.message.contains("\"Diarienummer\" without a Revision/Granskning above it; skipped") })
        let bundled = try ImportTestSupport.bundled().internalControl
        #expect(result.report.internalControl.auditActions == Array(bundled.auditActions.dropFirst()))
        #expect(result.report.internalControl.systematicControls.count == 10)
    }

    @Test func changedIndicatorValue() throws {
        var source = try Source()
        #expect(source[82].hasPrefix("Skattesats, kommun (%) 19,87 19,87 19,77 19,77 Länssnitt"))
        source[82] = source[82].replacingOccurrences(of: "19,87 19,87 19,77", with: "19,87 19,87 19,70")
        let result = try ImportTestSupport.importLines(source.lines)
        #expect(try Self.changes(result) == [
            "goalAreas[0].councilGoals[0].indicatorTable.indicators[1].values[2]: imported \"19,70\" ≠ expected \"19,77\"",
        ])
    }

    @Test func changedFinancialNumberIsImportedAndAudited() throws {
        var source = try Source()
        // An unambiguous row: the figure is taken as printed and the audit reports it.
        #expect(source[849] == "Lokaler 24 237 23 047 1 190 16 162 14 548 1 614 16 119 ")
        source[849] = "Lokaler 24 237 23 047 1 190 16 162 14 548 1 641 16 119 "
        // An ambiguous row (210 splits) whose printed deviation no longer agrees: of the splits
        // that agree best, the one with like-sized figures is taken, and said; the sums of the
        // table confirm it.
        #expect(source[847] == "Personal 228 625 236 650 -8 025 148 878 156 160 -7 282 144 316 ")
        source[847] = "Personal 228 625 236 650 -8 025 148 878 156 160 -7 828 144 316 "
        let result = try ImportTestSupport.importLines(source.lines)
        #expect(try Self.changes(result) == [
            "economy.operations.rows[1].cells[5]: imported \"-7 828\" ≠ expected \"-7 282\"",
            "economy.operations.rows[2].cells[5]: imported \"1 641\" ≠ expected \"1 614\"",
        ])
        let note = try #require(result.diagnostics.first { $0.lines == [847] })
        #expect(note.message.contains("agree with the deviations (1 of 2); read as [228 625 | 236 650 | -8 025 | 148 878 | 156 160 | -7 828 | 144 316]"))
        #expect(note.message.hasSuffix("confirmed: the table's sums add up with this reading"))
        let errors = ReportAnalysis(report: result.report).audit.findings(.error)
        #expect(errors.contains { $0.subject == .tableCell(table: "operations", row: "lokaler", column: "periodDeviation") })
        #expect(errors.contains { $0.subject == .tableCell(table: "operations", row: "personal", column: "periodDeviation") })
    }

    @Test func ambiguousSplitIsResolvedByArithmeticAndSaid() throws {
        let result = try ImportTestSupport.importWithOverlay(ImportTestSupport.sourceText())
        let personal = try #require(result.diagnostics.first { $0.lines == [847] })
        #expect(personal.severity == .info)
        #expect(personal.message.contains("only [228 625 | 236 650 | -8 025 | 148 878 | 156 160 | -7 282 | 144 316] has deviations that agree"))
    }

    @Test func extraIndicatorRows() throws {
        var source = try Source()
        // A one-line row and a row whose name wraps, with a blank 2021 cell.
        source.insert(["", "Nöjd medborgarindex (index) 55 57 58 >56 Topp tre i länet ", "", "Andel digitala ", "ärenden (%) ", "", "12 % 15 %  >20 % 50 % "], before: 83)
        let result = try ImportTestSupport.importLines(source.lines)
        let table = try #require(result.report.goalAreas[0].councilGoals[0].indicatorTable)
        #expect(table.indicators.count == 4)
        #expect(table.indicators[2] == Indicator(id: "nojd-medborgarindex", name: "Nöjd medborgarindex", unit: "index",
                                                 values: ["55", "57", "58"], milestoneTarget: ">56", longTermTarget: "Topp tre i länet"))
        #expect(table.indicators[3] == Indicator(id: "andel-digitala-arenden", name: "Andel digitala ärenden", unit: "%",
                                                 values: ["12 %", "15 %", ""], milestoneTarget: ">20 %", longTermTarget: "50 %"))
        #expect(table.notes == (try Self.baseline()).goalAreas[0].councilGoals[0].indicatorTable?.notes)
        let changes = try Self.changes(result)
        #expect(changes.allSatisfy { $0.hasPrefix("goalAreas[0].councilGoals[0].indicatorTable.indicators") }, "\(changes)")
    }

    @Test func extraAssignment() throws {
        var source = try Source()
        #expect(source[533].hasPrefix("och samordnar det fortsatta arbetet."))
        source.insert(["Status Uppdrag Kommentar ", "", " Ej klart i år Införa digital röstlängd i samtliga ", "vallokaler ",
                       "", "Upphandlingen har försenats. ", "Arbetet fortsätter under 2022. "], before: 534)
        let result = try ImportTestSupport.importLines(source.lines)
        let goal = result.report.goalAreas[1].councilGoals[0].boardGoals[2]
        #expect(goal.title == "Huddingeborna är delaktiga")
        #expect(goal.assignments.count == 2)
        #expect(goal.assignments[1] == Assignment(title: "Införa digital röstlängd i samtliga vallokaler", status: "Ej klart i år",
                                                  comment: ["Upphandlingen har försenats.", "Arbetet fortsätter under 2022."]))
        #expect(try Self.changes(result) == ["goalAreas[1].councilGoals[0].boardGoals[2].assignments: imported has 2 elements ≠ expected 1"])
        // The audit now counts one more social uppdrag than the summary states.
        let checks = ReportAnalysis(report: result.report).audit.statementChecks
        #expect(checks.contains { check in
            check.statement.goalArea == "social" && check.statement.subject == .assignments
                && check.comparisons.contains { $0.label == "uppdrag totalt" && $0.stated == 4 && $0.computed == 5 }
        })
    }

    @Test func removedOptionalSection() throws {
        var source = try Source()
        #expect(source[1218].hasPrefix("Effektivitetsanalys"))
        source.remove(1218 ... 1227)
        let result = try ImportTestSupport.importLines(source.lines)
        #expect(!result.report.sections.contains { $0.heading == "Effektivitetsanalys" })
        #expect(result.diagnostics.contains { $0.message == "no section \"Effektivitetsanalys\" in the text" })
        let changes = try Self.changes(result)
        #expect(changes.first == "sections: imported has 5 elements ≠ expected 6")
        #expect(changes.allSatisfy { $0.hasPrefix("sections") })
    }

    @Test func reportWithoutInternalControlImportsWithAnInfoAndStrictRefusesIt() throws {
        var source = try Source()
        #expect(source[1228].hasPrefix("Plan för intern kontroll"))
        source.remove(1228 ... 1550)
        let result = try ImportTestSupport.importLines(source.lines)
        #expect(result.report.internalControl.riskReductions.isEmpty && result.report.internalControl.systematicControls.isEmpty)
        let note = try #require(result.diagnostics.first { $0.message.hasPrefix("the report has no part \"Plan för intern kontroll\"") })
        #expect(note.severity == .info)
        let text = source.lines.joined(separator: "\n") + "\n"
        #expect(throws: ImportFailure.self) {
            try ReportImporter(options: ImportOptions(overlay: ImportTestSupport.overlay(), strict: true)).importReport(text: text, fileName: "v.txt")
        }
    }

    @Test func differentYearHeader() throws {
        var source = try Source()
        #expect(source[78] == "Indikatorer 2019 2020 2021 Etappmål Målvärde 2030 ")
        source[78] = "Indikatorer 2020 2021 2022 Etappmål Målvärde 2035 "
        let result = try ImportTestSupport.importLines(source.lines)
        let table = try #require(result.report.goalAreas[0].councilGoals[0].indicatorTable)
        #expect(table.years == [2020, 2021, 2022])
        #expect(table.longTermTargetYear == 2035)
        #expect(table.indicators[0].values == ["2,7 %", "6,1 %", "5,6 %"])
        #expect(result.report.metadata.reportingYear == 2021)
        #expect(result.warnings.contains { $0.message.contains("end in different years (2021, 2022)") })
    }

    @Test func allYearHeadersShifted() throws {
        var source = try Source()
        for index in source.lines.indices where source.lines[index].contains("Indikatorer 2019 2020 2021 Etappmål Målvärde 2030") {
            source.lines[index] = source.lines[index].replacingOccurrences(of: "2019 2020 2021", with: "2020 2021 2022")
        }
        let result = try ReportImporter().importReport(text: source.lines.joined(separator: "\n"), fileName: "shifted.txt")
        #expect(result.report.metadata.reportingYear == 2022)
        #expect(result.report.metadata.period == "januari–augusti 2022")
        #expect(result.report.metadata.periodEnd == "2022-08-31")
    }

    @Test func crlfLineEndingsImportTheSame() throws {
        let text = try ImportTestSupport.sourceText()
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let lf = try ImportTestSupport.importWithOverlay(text)
        let result = try ImportTestSupport.importWithOverlay(crlf)
        #expect(try ReportDiff.differences(result.report, lf.report).isEmpty)
        #expect(result.diagnostics == lf.diagnostics)
    }

    @Test func pageFurnitureInsideTables() throws {
        var source = try Source()
        // Between two rows of the operations table, between an indicator's name and its cells,
        // and inside an uppdrag comment.
        #expect(source[849].hasPrefix("Lokaler"))
        #expect(source[161] == "")
        #expect(source[176].hasPrefix("hur kommunens skattemedel används."))
        source.insert(["", "Kommunstyrelsen | 7", ""], before: 849)
        source.insert(["Kommunstyrelsen | 4"], before: 177)
        source.insert(["Kommunstyrelsen | 3"], before: 161)
        let result = try ImportTestSupport.importLines(source.lines)
        #expect(try Self.changes(result).isEmpty)
        let furniture = try #require(result.diagnostics.first { $0.message.hasPrefix("page furniture") })
        #expect(furniture.lines == [161, 178, 436, 852])
    }

    @Test func truncatedFileImportsWhatItHasAndStrictRefusesIt() throws {
        let source = try Source()
        for (cut, part) in [(1100, "Plan för intern kontroll"), (900, "Investeringar"), (300, "Ekonomi")] {
            let text = source.lines.prefix(cut).joined(separator: "\n") + "\n"
            let result = try ReportImporter().importReport(text: text, fileName: "cut.txt")
            let note = try #require(result.diagnostics.first { $0.message.hasPrefix("the report has no part \"\(part)\"") })
            #expect(note.severity == .info)
            #expect(note.lines == [cut])
            #expect(note.message.hasSuffix("(is the file truncated?)"))
            do {
                _ = try ReportImporter(options: ImportOptions(strict: true)).importReport(text: text, fileName: "cut.txt")
                Issue.record("a file cut at line \(cut) imported with --strict")
            } catch {
                #expect(error.message.contains("is the file truncated?"))
            }
        }
        #expect(throws: ImportFailure(line: 1, message: "the text is empty")) {
            try ReportImporter().importReport(text: " \n\n", fileName: "empty.txt")
        }
        #expect(throws: ImportFailure(line: 1, message: "no \"Sammanfattning\" and no \"Målområde:\" heading: this does not look like the text of a follow-up report")) {
            try ReportImporter().importReport(text: "Hello\nworld\n", fileName: "other.txt")
        }
    }
}
