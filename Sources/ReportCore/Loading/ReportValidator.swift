import Foundation

/// The rules of the data format that the types cannot express, checked after decoding.
///
/// - `formatVersion` is 1 (checked first; with any other version nothing else is checked).
/// - `metadata.reportingYear` is plausible (1900–2200); `statusRule.tolerancePercent` is ≥ 0.
/// - `metadata.periodStart` and `periodEnd` are dates as `YYYY-MM-DD` naming a real day (the
///   schema's `format: date`).
/// - Goal area ids are unique; indicator ids are unique across the whole report.
/// - In every indicator table the years increase strictly, and every indicator has one value
///   per year.
/// - In every financial table column ids and row ids are unique; every row has one cell per
///   column (a heading row may instead have no cells at all); every non-empty cell is a number as
///   printed in Swedish reports (see `PrintedNumber`), with nothing around it (the schema's
///   `pattern`); every `sumOf` entry (optionally prefixed
///   with "-") names another row of the same table.
/// - A summary statement's `goalArea` is the id of a goal area.
///
/// All problems are collected (`problems(in:file:document:)`), ordered by where they are in
/// the file; `validate` throws the first one, so a file is fixed one message at a time, like the
/// syntax and decoding errors before it.
public enum ReportValidator {
    /// The only format version this build reads.
    public static let supportedFormatVersion = 1
    /// The plausible range of `metadata.reportingYear`.
    public static let plausibleYears = 1900 ... 2200

    /// Whether `text` is a full-date of RFC 3339 (`YYYY-MM-DD`) naming a day that exists.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// Whether a table cell is a number exactly as printed: `PrintedNumber` reads it, and nothing
    /// (no space, tab or line break) stands before or after it.
    public static func isPrintedNumber(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first, let last = cell.unicodeScalars.last,
              !first.properties.isWhitespace, !last.properties.isWhitespace else { return false }
        return PrintedNumber(cell) != nil
    }

    /// Throws the first problem, if any.
    public static func validate(_ report: Report, file: String = "", document: JSONDocument? = nil) throws(ReportLoadError) {
        if let first = problems(in: report, file: file, document: document).first { throw first }
    }

    /// Every problem, in document order (when a document is given) or in checking order.
    public static func problems(in report: Report, file: String = "", document: JSONDocument? = nil) -> [ReportLoadError] {
        var checker = Checker(file: file, document: document)
        checker.check(report)
        let problems = checker.problems
        guard document != nil else { return problems }
        return problems.enumerated().sorted { a, b in
            let la = (a.element.line ?? .max, a.element.column ?? .max, a.offset)
            let lb = (b.element.line ?? .max, b.element.column ?? .max, b.offset)
            return la < lb
        }.map(\.element)
    }

    private struct Checker {
        let file: String
        let document: JSONDocument?
        var problems: [ReportLoadError] = []
        /// Indicator ids seen so far, with where they are (paths are built only for messages).
        var indicatorIDs: [String: IndicatorPlace] = [:]

        /// Where an indicator table is: a council goal's own table, or one of its board goals'.
        struct TablePlace {
            var area: Int
            var councilGoal: Int
            var boardGoal: Int?

            var path: JSONPath {
                var path = JSONPath() + "goalAreas" + area + "councilGoals" + councilGoal
                if let boardGoal { path = path + "boardGoals" + boardGoal }
                return path + "indicatorTable"
            }
        }

        struct IndicatorPlace {
            var table: TablePlace
            var index: Int
            var path: JSONPath { table.path + "indicators" + index }
        }

        init(file: String, document: JSONDocument?) {
            self.file = file
            self.document = document
        }

        mutating func report(_ path: JSONPath, _ message: String) {
            if let document {
                var error = document.error(at: path, message)
                error.file = file
                problems.append(error)
            } else {
                problems.append(ReportLoadError(file: file, path: path.description, message: message))
            }
        }

        /// `"goalAreas[0].id (12:7)"`, or just the path without a document.
        func place(_ path: JSONPath) -> String {
            guard let location = document?.location(of: path) else { return path.description }
            return "\(path) (\(location))"
        }

        mutating func check(_ report: Report) {
            let root = JSONPath()
            guard report.formatVersion == ReportValidator.supportedFormatVersion else {
                self.report(root + "formatVersion", "unsupported format version \(report.formatVersion); this version of Malkoll reads format version \(ReportValidator.supportedFormatVersion)")
                return
            }
            let year = report.metadata.reportingYear
            if !ReportValidator.plausibleYears.contains(year) {
                self.report(root + "metadata" + "reportingYear", "reporting year \(year) is not plausible (expected \(ReportValidator.plausibleYears.lowerBound)–\(ReportValidator.plausibleYears.upperBound))")
            }
            for (field, date) in [("periodStart", report.metadata.periodStart), ("periodEnd", report.metadata.periodEnd)] where !ReportValidator.isDate(date) {
                self.report(root + "metadata" + field, "\"\(date)\" is not a date as YYYY-MM-DD naming a real day, e.g. \"2021-08-31\"")
            }
            if let tolerance = report.statusRule?.tolerancePercent, !(tolerance >= 0 && tolerance.isFinite) {
                self.report(root + "statusRule" + "tolerancePercent", "tolerancePercent must be zero or more, found \(tolerance)")
            }

            var goalAreaIDs: [String: Int] = [:]
            goalAreaIDs.reserveCapacity(report.goalAreas.count)
            for (a, area) in report.goalAreas.enumerated() {
                if let first = goalAreaIDs[area.id] {
                    self.report(root + "goalAreas" + a + "id", "duplicate goal area id \"\(area.id)\"; it is first used at \(place(root + "goalAreas" + first + "id"))")
                } else {
                    goalAreaIDs[area.id] = a
                }
                for (c, councilGoal) in area.councilGoals.enumerated() {
                    if let table = councilGoal.indicatorTable { check(table, at: TablePlace(area: a, councilGoal: c)) }
                    for (b, boardGoal) in councilGoal.boardGoals.enumerated() {
                        if let table = boardGoal.indicatorTable { check(table, at: TablePlace(area: a, councilGoal: c, boardGoal: b)) }
                    }
                }
            }

            let economy = root + "economy"
            check(report.economy.operations, at: economy + "operations")
            check(report.economy.netCost, at: economy + "netCost")
            check(report.economy.covid, at: economy + "covid")
            let investments = root + "investments"
            check(report.investments.board, at: investments + "board")
            check(report.investments.urbanDevelopment, at: investments + "urbanDevelopment")

            let knownAreas = report.goalAreas.map(\.id)
            for (s, statement) in report.summary.statements.enumerated() {
                guard let area = statement.goalArea, goalAreaIDs[area] == nil else { continue }
                var message = "unknown goal area \"\(area)\""
                if let suggestion = FieldSuggestion.closest(to: area, among: knownAreas) {
                    message += "; did you mean \"\(suggestion)\"?"
                } else if !knownAreas.isEmpty {
                    message += " (goal areas: \(knownAreas.joined(separator: ", ")))"
                } else {
                    message += " (the report has no goal areas)"
                }
                self.report(root + "summary" + "statements" + s + "goalArea", message)
            }
        }

        mutating func check(_ table: IndicatorTable, at place: TablePlace) {
            for index in table.years.indices.dropFirst() where table.years[index] <= table.years[index - 1] {
                report(place.path + "years" + index, "years must increase strictly, but \(table.years[index]) follows \(table.years[index - 1])")
            }
            for (i, indicator) in table.indicators.enumerated() {
                let here = IndicatorPlace(table: place, index: i)
                if let first = indicatorIDs.updateValue(here, forKey: indicator.id) {
                    indicatorIDs[indicator.id] = first
                    report(here.path + "id", "duplicate indicator id \"\(indicator.id)\"; it is first used at \(self.place(first.path + "id"))")
                }
                if indicator.values.count != table.years.count {
                    let years = table.years.map(String.init).joined(separator: ", ")
                    report(here.path + "values", "expected \(table.years.count) values (one per year of the table: \(years)), found \(indicator.values.count)")
                }
            }
        }

        mutating func check(_ table: FinancialTable, at path: JSONPath) {
            var columnIDs: [String: JSONPath] = [:]
            for (c, column) in table.columns.enumerated() {
                let idPath = path + "columns" + c + "id"
                if let first = columnIDs[column.id] {
                    report(idPath, "duplicate column id \"\(column.id)\"; it is first used at \(place(first))")
                } else {
                    columnIDs[column.id] = idPath
                }
            }
            var rowIDs: [String: JSONPath] = [:]
            for (r, row) in table.rows.enumerated() {
                let idPath = path + "rows" + r + "id"
                if let first = rowIDs[row.id] {
                    report(idPath, "duplicate row id \"\(row.id)\"; it is first used at \(place(first))")
                } else {
                    rowIDs[row.id] = idPath
                }
            }
            for (r, row) in table.rows.enumerated() {
                let rowPath = path + "rows" + r
                let headingWithoutCells = row.kind == .heading && row.cells.isEmpty
                if row.cells.count != table.columns.count && !headingWithoutCells {
                    report(rowPath + "cells", "expected \(table.columns.count) cells (one per column), found \(row.cells.count)")
                }
                for (k, cell) in row.cells.enumerated() where !cell.isEmpty && !ReportValidator.isPrintedNumber(cell) {
                    if PrintedNumber(cell) != nil {
                        report(rowPath + "cells" + k, "\"\(cell)\" has a space or line break around the number; write it exactly as printed, e.g. \"\(cell.trimmingCharacters(in: .whitespacesAndNewlines))\"")
                        continue
                    }
                    report(rowPath + "cells" + k, "\"\(cell)\" is not a number as printed in the report (e.g. \"46 166\", \"-8 025\", \"-91,7\"; or \"\" for an empty cell)")
                }
                for (k, reference) in (row.sumOf ?? []).enumerated() {
                    let id = reference.hasPrefix("-") ? String(reference.dropFirst()) : reference
                    if id == row.id {
                        report(rowPath + "sumOf" + k, "row \"\(row.id)\" cannot be a sum of itself")
                    } else if rowIDs[id] == nil {
                        var message = "sumOf refers to \"\(id)\", which is not a row of this table"
                        if let suggestion = FieldSuggestion.closest(to: id, among: table.rows.map(\.id)) {
                            message += "; did you mean \"\(suggestion)\"?"
                        }
                        report(rowPath + "sumOf" + k, message)
                    }
                }
            }
        }
    }
}
