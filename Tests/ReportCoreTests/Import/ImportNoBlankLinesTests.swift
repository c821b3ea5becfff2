import Foundation
import MalkollTestSupport
import ReportCore
import ReportImport
import Testing

/// `pdftotext` output without blank lines and with collapsed spaces (README, "When blank lines
/// are lost"): the importer reads structure from other cues.
@Suite struct ImportNoBlankLinesTests {
    /// The source text collapsed like `sed -E 's/^ +//; s/ +$//; s/  +/ /g'` with every empty
    /// line dropped (`grep -v '^$'`).
    static func withoutBlankLines() throws -> String {
        TextMutator.withoutBlankLines(try ImportTestSupport.sourceText())
    }

    static func assignments(_ report: Report) -> [Assignment] {
        report.goalAreas.flatMap(\.councilGoals).flatMap(\.boardGoals).flatMap(\.assignments)
    }

    @Test func uppdragWithoutBlankLinesImportWithTheBundledTitleStatusAndComment() throws {
        let text = try Self.withoutBlankLines()
        #expect(!text.contains("\n\n"))
        let result = try ImportTestSupport.importWithOverlay(text)
        let imported = Self.assignments(result.report)
        let bundled = Self.assignments(try ImportTestSupport.bundled())
        #expect(bundled.count == 7)
        try #require(imported.count == bundled.count)
        for (got, want) in zip(imported, bundled) {
            #expect(got.title == want.title)
            #expect(got.status == want.status, "\(want.title)")
            #expect(got.comment == want.comment, "\(want.title)")
        }
        #expect(!result.diagnostics.contains { $0.message.contains("runs into its comment") })
    }

    static func tables(_ report: Report) -> [FinancialTable] {
        [report.economy.operations, report.economy.netCost, report.economy.covid,
         report.investments.board, report.investments.urbanDevelopment]
    }

    /// Every table row comes out as bundled (label, kind, level, cells); the one exception is a
    /// label printed with a doubled space, which the collapsed text cannot keep.
    @Test func tableRowsWithoutBlankLinesImportAsBundledAndTheAuditFindsOnlyTheBundledError() throws {
        let result = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines())
        let imported = Self.tables(result.report)
        let bundled = Self.tables(try ImportTestSupport.bundled())
        for (got, want) in zip(imported, bundled) {
            try #require(got.rows.count == want.rows.count, "\(want.title)")
            for (row, expected) in zip(got.rows, want.rows) {
                #expect(row.label == ImportCollapsedSpacesTests.collapse(expected.label))
                #expect(row.kind == expected.kind, "\(expected.label)")
                #expect(row.level == expected.level, "\(expected.label)")
                #expect(row.cells == expected.cells, "\(expected.label)")
            }
        }
        let headings = imported[4].rows.filter { $0.kind == .heading }.map(\.label)
        #expect(headings.contains("Genomförandeprojekt") && headings.contains("Planeringsprojekt"))
        let errors = ImportAuditTests.errors(result.report)
        #expect(errors.count == 1)
        #expect(errors.allSatisfy { $0.contains("Fiberutbyggnad IT") }, "\(errors)")
    }

    /// A page break between a group heading and its first row leaves a blank line there (the
    /// footer itself is taken out): the label is still a heading, and the table's sums add up.
    @Test func groupHeadingFollowedByABlankLineIsStillAHeadingWithoutTrailingSpaces() throws {
        var lines = try Self.withoutBlankLines().components(separatedBy: "\n")
        let index = try #require(lines.firstIndex(of: "Nyinvestering"))
        lines.insert(contentsOf: ["", "Kommunstyrelsen | 14", ""], at: index + 1)
        let result = try ImportTestSupport.importWithOverlay(lines.joined(separator: "\n"))
        let board = result.report.investments.board
        #expect(board.rows.contains { $0.label == "Nyinvestering" && $0.kind == .heading })
        #expect(board.rows.contains { $0.label == "Fiberutbyggnad IT" })
        let errors = ImportAuditTests.errors(result.report)
        #expect(errors.count == 1, "\(errors)")
    }

    /// Risk and åtgärd (and the previous comment) are told apart by a line ending with a full
    /// stop followed by a capitalised line.
    @Test func riskReductionsWithoutBlankLinesImportAsBundled() throws {
        let result = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines())
        let bundled = try ImportTestSupport.bundled()
        #expect(bundled.internalControl.riskReductions.count == 2)
        #expect(result.report.internalControl.riskReductions == bundled.internalControl.riskReductions)
        #expect(!result.diagnostics.contains { $0.message.contains("needs process/risk and åtgärd") })
    }

    /// The wrapped heading `Åtgärder utifrån … annan` / `extern granskning` no longer hides the
    /// list (it ran to the next blank line); the review's title is the piece above Diarienummer
    /// after the previous comment's full stop, background and riskåtgärd are split likewise.
    @Test func auditActionsWithoutBlankLinesImportAsBundled() throws {
        let result = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines())
        let bundled = try ImportTestSupport.bundled()
        #expect(bundled.internalControl.auditActions.count == 3)
        #expect(result.report.internalControl.auditActions == bundled.internalControl.auditActions)
    }

    /// The introduction of Plan för intern kontroll is split into its paragraphs by the rule for
    /// text without blank lines (a short line that ends a sentence), and its count statements read.
    @Test func theInternalControlIntroductionKeepsItsParagraphsWithoutBlankLines() throws {
        let result = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines())
        let bundled = try ImportTestSupport.bundled()
        #expect(bundled.internalControl.introduction.paragraphs.count == 3)
        #expect(result.report.internalControl.introduction.paragraphs == bundled.internalControl.introduction.paragraphs)
        #expect(result.report.summary.statements == bundled.summary.statements)
    }

    /// Every systematic control comes out as from the text with its blank lines: process,
    /// control, rationale, status, comment, and the note on a floating process label; and
    /// against the bundled report every field but the transcriber's notes.
    @Test func systematicControlsWithoutBlankLinesImportAsFromTheSpacedText() throws {
        let result = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines())
        let spaced = try ImportTestSupport.importWithOverlay(try ImportTestSupport.sourceText())
        let imported = result.report.internalControl.systematicControls
        #expect(imported.count == 10)
        #expect(imported == spaced.report.internalControl.systematicControls)
        let bundled = try ImportTestSupport.bundled().internalControl.systematicControls
        try #require(imported.count == bundled.count)
        for (got, want) in zip(imported, bundled) {
            #expect(got.process == want.process, "\(want.control)")
            #expect(got.control == want.control)
            #expect(got.rationale == want.rationale, "\(want.control)")
            #expect(got.status == want.status, "\(want.control)")
            #expect(got.comment == want.comment, "\(want.control)")
        }
        // Two controls follow a comment without a full stop and are found by their first word.
        let guessed = result.diagnostics.filter { $0.message.contains("by its first word, which starts other controls") }
        #expect(guessed.count == 2)
        #expect(!result.diagnostics.contains { $0.message.contains("no process labels") })
    }

    /// The line after a control's status is its comment even when it reads like a process label
    /// (`Kontrollen genomförs hösten 2021`), and a short capitalised line after a sentence end
    /// between a comment and a control is a label.
    @Test func aCommentsFirstLineIsNeverReadAsAProcessLabel() throws {
        let result = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines())
        let controls = result.report.internalControl.systematicControls
        let dagvatten = try #require(controls.first { $0.control.hasSuffix("dagvattenstrategin") })
        #expect(dagvatten.comment == ["Kontrollen genomförs hösten 2021"])
        #expect(!controls.map(\.process).contains("Kontrollen genomförs hösten 2021"))
        #expect(Set(controls.map(\.process)) == ["Upphandlingsprocessen", "Samhällsbyggnadsprocessen", "Attestering", "Personaladministrativa rutiner"])
    }

    /// Without a cue (a comment without a full stop, then a control whose first word starts no
    /// other control) the control cannot be told from the comment: the reading falls back to the
    /// whole piece and says so, naming the lines.
    @Test func aControlWithoutAnyCueIsWarnedNotSilentlyMerged() throws {
        var lines = try Self.withoutBlankLines().components(separatedBy: "\n")
        let index = try #require(lines.firstIndex(of: "Kontroll av attesttidpunkt för"))
        lines[index] = "Granskning av attesttidpunkt för"
        let result = try ImportTestSupport.importWithOverlay(lines.joined(separator: "\n"))
        let warning = try #require(result.diagnostics.first { $0.message.contains("cannot be told from the comment above it") })
        #expect(warning.message.contains("Kontrollen genomförs hösten 2021"))
        #expect(result.report.internalControl.systematicControls.count == 10)
    }

    /// A known heading after a line without a full stop (`… görs löpande` / `Plan för uppföljning
    /// och insyn`) starts its section when the next line opens a paragraph.
    @Test func everyTextSectionIsFoundWithoutBlankLines() throws {
        let result = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines())
        let bundled = try ImportTestSupport.bundled()
        #expect(bundled.sections.count == 6)
        #expect(result.report.sections.map(\.heading) == bundled.sections.map(\.heading))
        #expect(!result.diagnostics.contains { $0.message.contains("no section") })
        let lastComment = result.report.internalControl.systematicControls.last?.comment.joined(separator: " ") ?? ""
        #expect(!lastComment.contains("Plan för uppföljning"), "\(lastComment)")
    }

    /// pdftotext joins `Perioden jan-` / `aug` into `Perioden janaug` when no space separates the
    /// lines (its dehyphenation cannot be turned off); the month range gets its hyphen back.
    @Test func aDehyphenatedMonthRangeInAColumnHeaderGetsItsHyphenBack() throws {
        var lines = try Self.withoutBlankLines().components(separatedBy: "\n")
        let index = try #require(lines.firstIndex(of: "Helår Perioden jan-"))
        #expect(lines[index + 1] == "aug Perioden fg år")
        lines.replaceSubrange(index ... index + 1, with: ["Helår Perioden janaug Perioden fg år"])
        let result = try ImportTestSupport.importWithOverlay(lines.joined(separator: "\n"))
        let bundled = try ImportTestSupport.bundled()
        #expect(result.report.economy.operations.columns == bundled.economy.operations.columns)
        #expect(result.report.economy.operations.columns.contains { $0.group == "Perioden jan-aug" })
        #expect(result.report.metadata.period == bundled.metadata.period)
    }

    /// The narratives under the goals and the indicator tables' notes, without blank lines, are
    /// split into paragraphs by the same rule as the text sections (a short line that ends a
    /// sentence before a capitalised line). Best effort: 56 of the 78 bundled paragraphs come out
    /// exactly (spaces collapsed); the misses are paragraph ends whose last line nearly reaches
    /// the margin. Before, each narrative was one paragraph.
    @Test func goalNarrativesAndIndicatorNotesWithoutBlankLinesKeepMostParagraphs() throws {
        let report = try ImportTestSupport.importWithOverlay(try Self.withoutBlankLines()).report
        let bundled = try ImportTestSupport.bundled()
        func texts(_ report: Report) -> [[String]] {
            var result: [[String]] = []
            for council in report.goalAreas.flatMap(\.councilGoals) {
                result.append(council.indicatorTable?.notes ?? [])
                for board in council.boardGoals {
                    result.append(board.narrative)
                    result.append(board.indicatorTable?.notes ?? [])
                }
            }
            return result
        }
        let got = texts(report)
        let want = texts(bundled).map { $0.map(ImportCollapsedSpacesTests.collapse) }
        try #require(got.count == want.count)
        let total = want.reduce(0) { $0 + $1.count }
        let exact = zip(got, want).reduce(0) { sum, pair in sum + pair.1.filter(pair.0.contains).count }
        #expect(total == 78)
        #expect(exact == 56)
        // No paragraph is split where the bundled report has none: every miss is a join.
        #expect(zip(got, want).allSatisfy { $0.0.count <= $0.1.count })
    }

    /// A PDF with many pages keeps a blank line or two at every page end; those do not count
    /// against the text having lost its blank lines, and carry nothing inside the intern kontroll
    /// (a page break inside a control's text no longer cuts it).
    @Test func pageBreaksEveryThirtyLinesNeitherHideTheLostBlankLinesNorCutItems() throws {
        var lines: [String] = []
        for (index, line) in try Self.withoutBlankLines().components(separatedBy: "\n").enumerated() {
            if index > 0, index % 30 == 0 { lines += ["", "Kommunstyrelsen | \(index / 30)", ""] }
            lines.append(line)
        }
        let blank = lines.filter(\.isEmpty).count
        #expect(blank * 20 > lines.count - blank, "as many blank lines as a text that kept them")
        let result = try ImportTestSupport.importWithOverlay(lines.joined(separator: "\n"))
        let bundled = try ImportTestSupport.bundled()
        let spaced = try ImportTestSupport.importWithOverlay(try ImportTestSupport.sourceText())
        #expect(result.report.internalControl.riskReductions == bundled.internalControl.riskReductions)
        #expect(result.report.internalControl.auditActions == bundled.internalControl.auditActions)
        #expect(result.report.internalControl.systematicControls == spaced.report.internalControl.systematicControls)
        #expect(result.report.sections.map(\.heading) == bundled.sections.map(\.heading))
        #expect(Self.assignments(result.report).map(\.title) == Self.assignments(bundled).map(\.title))
        #expect(Self.assignments(result.report).map(\.comment) == Self.assignments(bundled).map(\.comment))
    }
}
