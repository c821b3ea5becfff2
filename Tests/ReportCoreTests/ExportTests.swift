import Foundation
import Testing
@testable import ReportCore

/// A small RFC 4180 reader for checking exports: fields, quotes, CRLF.
func parseCSV(_ text: String, separator: Character = ",") -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text).makeIterator()
    var pending: Character? = nil
    func next() -> Character? {
        if let p = pending { pending = nil; return p }
        return iterator.next()
    }
    while let c = next() {
        if quoted {
            if c == "\"" {
                if let following = next() {
                    if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" {
            quoted = true
        } else if c == separator {
            row.append(field); field = ""
        } else if c == "\r\n" || c == "\n" {
            row.append(field); field = ""
            rows.append(row); row = []
        } else if c != "\r" {
            field.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

/// The cells of a Markdown table line, split at unescaped pipes.
func markdownCells(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for c in line {
        if escaped { current.append(c); escaped = false; continue }
        if c == "\\" { current.append(c); escaped = true; continue }
        if c == "|" { cells.append(current); current = ""; continue }
        current.append(c)
    }
    cells.append(current)
    // Drop what stands outside the leading and trailing pipe.
    return Array(cells.dropFirst().dropLast()).map { $0.trimmingCharacters(in: .whitespaces) }
}

@Suite struct ExportTests {
    /// The bundled report with the first indicator table moved to other years (2017–2019), so
    /// the tables of the report no longer share their years.
    func reportWithDifferentYears() throws -> Report {
        var report = try BundledData.report()
        report.goalAreas[0].councilGoals[0].indicatorTable?.years = [2017, 2018, 2019]
        return report
    }

    // MARK: - 10.15: columns from all records

    @Test func everyIndicatorValueIsExportedUnderItsOwnYearWhenTablesHaveDifferentYears() throws {
        let analysis = ReportAnalysis(report: try reportWithDifferentYears())
        let exporter = Exporter(analysis: analysis)
        let csv = parseCSV(exporter.render(.indicators, format: .csv))
        let header = try #require(csv.first)
        #expect(header.filter { $0.hasPrefix("values.") } == ["values.2017", "values.2018", "values.2019", "values.2020", "values.2021"])
        let markdown = exporter.render(.indicators, format: .markdown).split(separator: "\n").map(String.init)
        let markdownHeader = markdownCells(markdown[0])
        #expect(csv.count == analysis.indicators.count + 1)
        for (offset, item) in analysis.indicators.enumerated() {
            let row = csv[offset + 1], markdownRow = markdownCells(markdown[offset + 2])
            #expect(row.count == header.count && markdownRow.count == markdownHeader.count)
            let years = Set(item.years)
            for column in header.indices where header[column].hasPrefix("values.") {
                let year = try #require(Int(header[column].dropFirst("values.".count)))
                let expected = item.numericValues.first { $0.year == year }?.value
                #expect(row[column] == (expected.map { "\($0)" } ?? ""), "\(item.indicator.name) \(year) in CSV")
                #expect(years.contains(year) || row[column].isEmpty)
                let markdownColumn = try #require(markdownHeader.firstIndex(of: String(year)))
                let swedish = expected.map { "\($0)".replacingOccurrences(of: ".", with: ",") } ?? ""
                #expect(markdownRow[markdownColumn] == swedish, "\(item.indicator.name) \(year) in Markdown")
            }
        }
    }

    @Test func nestedColumnsAreNamedKeyDotSubkey() throws {
        let exporter = Exporter(analysis: ReportAnalysis(report: try BundledData.report()))
        let header = try #require(parseCSV(exporter.render(.indicators, format: .csv)).first)
        #expect(header.contains("values.2019") && header.contains("values.2021"))
        #expect(!header.contains("2019"))
    }

    // MARK: - 10.16: Markdown for minutes, CSV for programs and Swedish spreadsheets

    @Test func markdownExportIsSwedishWithDecimalCommas() throws {
        let exporter = Exporter(analysis: ReportAnalysis(report: try BundledData.report()))
        let lines = exporter.render(.indicators, format: .markdown).split(separator: "\n").map(String.init)
        let header = markdownCells(lines[0])
        #expect(header.starts(with: ["Id", "Målområde", "KF-mål", "Nämndmål", "Indikator", "Enhet", "2019", "2020", "2021", "Etappmål", "Målvärde", "Status"]))
        let sick = try #require(lines.dropFirst(2).map(markdownCells).first { $0[4] == "Sjukfrånvaro" })
        #expect(sick[header.firstIndex(of: "2021") ?? 0] == "8,9")
        #expect(sick[header.firstIndex(of: "Status") ?? 0] == "närmar sig")
        #expect(sick[header.firstIndex(of: "Rapportens bedömning") ?? 0] == "uppnås ej")
        #expect(sick[header.firstIndex(of: "Etappmål") ?? 0] == "\\<7,9 %")
        let operations = exporter.render(.operations, format: .markdown).split(separator: "\n").map(String.init)
        #expect(markdownCells(operations[0]).starts(with: ["Verksamhet, tkr", "Radtyp", "Grupp", "Summarad", "Helår budget"]))
        let personal = try #require(operations.map(markdownCells).first { $0.first == "Personal" })
        #expect(personal[1] == "kostnad" && personal[2] == "Verksamhetens kostnader" && personal[3] == "nej")
        #expect(personal[4] == "228 625")
        // Figures keep their printed precision; a percent of budget has one decimal.
        let lokaler = try #require(operations.map(markdownCells).first { $0.first == "Lokaler" })
        #expect(lokaler[markdownCells(operations[0]).firstIndex(of: "Perioden jan-aug avvikelse i % av budget") ?? 0] == "10,0")
        let urban = exporter.render(.urbanDevelopment, format: .markdown).split(separator: "\n").map { markdownCells(String($0)) }
        #expect(urban.contains { row in row.contains { $0.hasSuffix(",0") } }, "a printed x,0 figure keeps its decimal")
    }

    @Test func csvStaysEnglishByDefaultAndSwedishSpreadsheetsGetTheirOwn() throws {
        let exporter = Exporter(analysis: ReportAnalysis(report: try BundledData.report()))
        let english = parseCSV(exporter.render(.indicators, format: .csv))
        let sickEnglish = try #require(english.first { $0[4] == "Sjukfrånvaro" })
        #expect(sickEnglish[english[0].firstIndex(of: "values.2021") ?? 0] == "8.9")
        #expect(sickEnglish[english[0].firstIndex(of: "status") ?? 0] == "approaching")

        let text = exporter.render(.indicators, format: .csv, locale: .sv)
        #expect(text.hasPrefix("\u{FEFF}Id;Målområde;KF-mål;"))
        #expect(text.hasSuffix("\r\n"))
        let swedish = parseCSV(String(text.dropFirst()), separator: ";")
        #expect(swedish.count == english.count)
        #expect(swedish.allSatisfy { $0.count == swedish[0].count })
        let sick = try #require(swedish.first { $0[4] == "Sjukfrånvaro" })
        #expect(sick[swedish[0].firstIndex(of: "2021") ?? 0] == "8,9")
        #expect(sick[swedish[0].firstIndex(of: "Status") ?? 0] == "närmar sig")
        // Numbers carry no grouping space, so a spreadsheet reads them as numbers.
        let operations = parseCSV(String(exporter.render(.operations, format: .csv, locale: .sv).dropFirst()), separator: ";")
        let personal = try #require(operations.first { $0.first == "Personal" })
        #expect(personal[4] == "228625")
        #expect(operations[0].contains("Helår avvikelse i % av budget"))
        #expect(personal[operations[0].firstIndex(of: "Helår avvikelse i % av budget") ?? 0] == "-3,5")
    }

    @Test func everyMarkdownCellEscapesPipesAndMarkupIncludingUnitsAndColumnGroups() throws {
        var report = try BundledData.report()
        let hostile = "a|b *fet* _k_ `kod` [länk](x) <b>&amp;"
        report.metadata.municipality = hostile
        report.metadata.units.operations = "tkr|x"
        report.economy.operations.unit = "tkr|*x*"
        for column in report.economy.operations.columns.indices where report.economy.operations.columns[column].group != nil {
            report.economy.operations.columns[column].group = "Hel|år *x*"
        }
        report.investments.board.unit = "t|kr"
        report.goalAreas[0].title = hostile
        report.goalAreas[0].councilGoals[0].indicatorTable?.indicators[0].unit = "%|*"
        report.goalAreas[0].councilGoals[0].indicatorTable?.indicators[0].name = hostile
        report.economy.operations.rows[0].label = hostile
        report.summary.preliminaryAssessment[0].assessment = hostile
        let analysis = ReportAnalysis(report: report)
        let documents = [SummaryFormatter(analysis: analysis).markdown()] + ExportTable.allCases.map { Exporter(analysis: analysis).render($0, format: .markdown) }
        for document in documents {
            var columns: Int?
            for line in document.split(separator: "\n").map(String.init) {
                guard line.hasPrefix("|") else {
                    columns = nil
                    #expect(!line.contains("*fet*") && !line.contains("<b>") && !line.contains("[länk]"), "unescaped markup: \(line)")
                    continue
                }
                let cells = markdownCells(line)
                if let columns { #expect(cells.count == columns, "a cell breaks the table: \(line)") } else { columns = cells.count }
                for cell in cells {
                    #expect(!cell.contains("*fet*") && !cell.contains("<b>") && !cell.contains("`kod`") && !cell.contains("[länk]"), "unescaped markup: \(cell)")
                }
            }
        }
        #expect(documents[0].contains("a\\|b \\*fet\\* \\_k\\_ \\`kod\\` \\[länk\\](x) \\<b\\>\\&amp;"))
    }

    // MARK: - 10.19: one sentence, two groups

    @Test func summaryListsAQuoteOnceAndNamesTheGroupOfEachCount() throws {
        let formatter = SummaryFormatter(analysis: ReportAnalysis(report: try BundledData.report()))
        let quote = "varav två är riskreducerande åtgärder och två utifrån revision"
        for document in [formatter.text(), formatter.markdown()] {
            #expect(document.components(separatedBy: quote).count == 2, "the quote is listed once")
            #expect(document.contains("riskreducerande åtgärder ej klart i år"))
            #expect(document.contains("åtgärder utifrån revision ej klart i år"))
        }
        let text = formatter.text().split(separator: "\n").map(String.init)
        let start = try #require(text.firstIndex { $0.contains(quote) })
        #expect(text[start + 1].trimmingCharacters(in: .whitespaces) == "riskreducerande åtgärder ej klart i år: rapporten 2, tabellerna 2")
        #expect(text[start + 2].trimmingCharacters(in: .whitespaces) == "åtgärder utifrån revision ej klart i år: rapporten 2, tabellerna 2")
    }
}
