import Foundation
import ReportCore

/// Said where there is nothing to compare with.
let nothingEarlier = "Det finns ingen tidigare rapport av nämnden i arkivet att jämföra med."

/// Lines that wrap under an item, the first one selectable.
private func item(_ text: String, width: Int, indent: Int, role: StyleRole = .normal, key: LineKey, action: LineAction?) -> [Line] {
    var lines = Line.wrapped(text, width: max(1, width - indent), indent: indent, role)
    if lines.isEmpty { lines = [.text("", indent: indent)] }
    lines[0].key = key
    lines[0].action = action
    return lines
}

/// "Förändringar mot delårsrapport januari–augusti 2021": the sticky line over the change screens.
private func comparedLine(_ comparison: ReportComparison, _ title: String, width: Int) -> [Line] {
    guard let previous = comparison.previous else { return [] }
    let text = title.hasSuffix(" i") ? "\(title) \(previous.title)" : "\(title) mot \(previous.title)"
    return [.text(TextSanitizer.truncateKeepingLabel(text, width: max(1, width - 1)), .muted, indent: 1)]
}

/// Förändringar: what changed since the previous report of the board, grouped as `malkoll diff`
/// prints it; Enter on a change opens the item in the open report.
enum ChangesScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        var model = ViewModel()
        guard let comparison = context.archive.comparison else {
            model.emptyText = "Inget att jämföra."
            return model
        }
        guard comparison.previous != nil else {
            model.append(contentsOf: Line.wrapped(nothingEarlier, width: max(1, context.width - 1), indent: 1, .muted))
            return model
        }
        model.header = comparedLine(comparison, "Förändringar", width: context.width)
        model.emptyText = "Inga förändringar sedan den förra rapporten."
        let width = context.width
        for group in DiffFormatter.groups where !group.kinds.contains(.forecastOutcome) {
            let indices = comparison.changes.indices.filter { group.kinds.contains(comparison.changes[$0].kind) }
            guard !indices.isEmpty else { continue }
            model.blank()
            model.append(Parts.heading("\(group.heading) (\(indices.count))"))
            var location: String?
            for index in indices {
                let change = comparison.changes[index]
                if change.location != location {
                    location = change.location
                    model.append(contentsOf: Line.wrapped(change.location.isEmpty ? "–" : change.location, width: max(1, width - 3), indent: 3, .muted))
                }
                let revised = change.revised == true
                model.append(contentsOf: item(DiffFormatter.line(change), width: width, indent: 5, role: revised ? .warning : .normal,
                                              key: .change(index), action: .change(index)))
            }
        }
        if comparison.isForecastPair {
            model.blank()
            model.append(.text("Prognos mot utfall per rad: p", .muted, indent: 1))
        }
        model.trimTrailingBlanks()
        return model
    }
}

/// Prognos mot utfall: per table each row's August forecast against the year's outcome, the miss
/// in tkr and percent, and the table's forecast accuracy.
enum ForecastScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        var model = ViewModel()
        guard let comparison = context.archive.comparison else { return model }
        guard let previous = comparison.previous else {
            model.append(contentsOf: Line.wrapped(nothingEarlier, width: max(1, context.width - 1), indent: 1, .muted))
            return model
        }
        guard comparison.isForecastPair else {
            let text = "Prognos mot utfall visas för en verksamhetsberättelse mot samma års delårsrapport; den förra rapporten i arkivet är \(previous.title)."
            model.append(contentsOf: Line.wrapped(text, width: max(1, context.width - 1), indent: 1, .muted))
            return model
        }
        model.header = comparedLine(comparison, "Utfallet mot prognosen i", width: context.width)
        model.emptyText = "Inga jämförbara rader."
        let width = context.width
        let widths = ColumnLayout.widths([
            // The miss stays longest, then the outcome and the percent, then the forecast.
            .init(natural: 24, minimum: 8, flexible: true), .init(natural: 10, priority: 1), .init(natural: 10, priority: 3),
            .init(natural: 9, priority: 4), .init(natural: 7, priority: 2),
        ], total: max(1, width - 2))
        let alignments: [Alignment] = [.left, .right, .right, .right, .right]
        var table: String?
        for (index, change) in comparison.forecastOutcomes.enumerated() {
            if change.location != table {
                table = change.location
                model.blank()
                model.append(Parts.heading(change.location + (change.unit.map { " (\($0))" } ?? "")))
                model.append(Parts.headerRow(["Rad", "Prognos", "Utfall", "Miss", "Miss %"], widths, alignments))
            }
            if change.kind == .forecastAccuracy {
                model.append(contentsOf: Line.wrapped(
                    "Prognossäkerhet \(DiffFormatter.magnitude(change.accuracyPercent)) % (summa av missarnas belopp \(DiffFormatter.magnitude(change.miss)) \(change.unit ?? ""))",
                    width: max(1, width - 3), indent: 3, .emphasis))
                continue
            }
            var row = LineBuilder()
            row.space(1)
            let missRole: StyleRole = (change.miss ?? 0) == 0 ? .muted : .normal
            let cells: [(String, StyleRole)] = [
                (change.name, .normal), (change.from ?? "", .normal), (change.to ?? "", .normal),
                (DiffFormatter.number(change.miss), missRole), (change.missPercent.map { DiffFormatter.number($0) } ?? "–", missRole),
            ]
            var first = true
            for (column, cell) in cells.enumerated() where widths[column] > 0 {
                if !first { row.space(1) }
                first = false
                row.cell(cell.0, widths[column], alignments[column], cell.1)
            }
            model.append(row.line(key: .change(index), action: nil))
        }
        model.trimTrailingBlanks()
        return model
    }
}

/// Historik: an indicator's values as each archived report of the board printed them, a revised
/// earlier year marked; Enter opens that report.
enum HistoryScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        var model = ViewModel()
        guard let history = context.archive.history else { return model }
        model.header = [.text(history.name + (history.unit.map { " (\($0))" } ?? ""), .title, indent: 1)]
        model.emptyText = "Indikatorn finns inte i någon rapport i arkivet."
        let width = context.width
        var report: Int64?
        for (index, point) in history.points.enumerated() {
            if point.reportID != report {
                report = point.reportID
                model.blank()
                var title = LineBuilder()
                title.space(1)
                title.text(HomeScreen.fitted("\(point.period.kind) \(point.period.period)", max(1, width - 1)), .emphasis)
                if point.name != history.name { title.text("  som ”\(point.name)”", .muted) }
                model.append(title.line(key: .historyPoint(index), action: .archive(.openReport(id: point.reportID))))
            }
            var row = LineBuilder()
            row.space(3)
            row.cell(String(point.year), 6, .left, .muted)
            row.cell(point.printed.isEmpty ? "(tomt)" : point.printed, max(6, min(16, width - 30)), .right)
            if point.revised { row.text("  reviderat", .warning) }
            model.append(row.line())
        }
        model.trimTrailingBlanks()
        return model
    }
}

/// Hela kommunen: every board's report of one period with its statuses and deviation, and the
/// statuses per målområde; Enter on a board opens its report.
enum PeriodOverviewScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        var model = ViewModel()
        guard let overview = context.archive.period else { return model }
        let g = context.glyphs, width = context.width
        let boardCount = " · \(overview.boards.count) \(overview.boards.count == 1 ? "nämnd" : "nämnder")"
        let periodName = "\(overview.period.kind) \(overview.period.period)"
        // Cut, the period's name keeps a generated period's label; the board count goes first.
        let header = DisplayWidth.of(periodName + boardCount) <= width - 1 ? periodName + boardCount : HomeScreen.fitted(periodName, max(1, width - 1))
        model.header = [.text(header, .muted, indent: 1)]
        model.emptyText = "Ingen nämnd har en rapport för perioden."
        guard !overview.boards.isEmpty else { return model }
        let nameWidth = min(28, max(8, width / 3))
        let barWidth = width - 2 - nameWidth - 1 >= 30 ? 12 : 0
        func bar(_ counts: StatusCounts) -> [Span] {
            guard barWidth > 0 else { return [] }
            return Charts.stackedBar(IndicatorStatus.allCases.map { (counts[$0], $0.role) }, width: barWidth, color: context.color, glyphs: g)
        }
        func row(_ name: String, _ counts: StatusCounts, deviation: String?, key: LineKey, action: LineAction?) -> Line {
            var builder = LineBuilder()
            builder.space(1)
            builder.cell(HomeScreen.fitted(name, nameWidth), nameWidth, .left, .emphasis)
            builder.space(1)
            for span in bar(counts) { builder.append(span) }
            if barWidth > 0 { builder.space(1) }
            for span in Parts.statusCounts(counts, glyphs: g) { builder.append(span) }
            if let deviation { builder.text("  avvikelse \(deviation)", .muted) }
            return builder.line(key: key, action: action)
        }
        model.append(Parts.heading("Nämnder (avvikelse: driftens resultat, helår)"))
        var total = StatusCounts()
        for (index, cell) in overview.boards.enumerated() {
            for status in IndicatorStatus.allCases { total[status] += cell.counts[status] }
            model.append(row(cell.board.board, cell.counts, deviation: cell.deviation, key: .periodBoard(index),
                             action: .archive(.openReport(id: cell.reportID))))
        }
        model.append(row("Alla nämnder", total, deviation: nil, key: .link("alla"), action: nil))
        model.blank()
        model.append(Parts.heading("Målområden"))
        for area in overview.areas {
            model.append(row(area.area, area.counts, deviation: nil, key: .areaName(area.area), action: nil))
        }
        return model
    }
}
