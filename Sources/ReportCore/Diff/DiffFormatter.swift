import Foundation

/// `malkoll diff` output: text and Markdown in Swedish for people, JSON for programs.
public struct DiffFormatter {
    public let diff: ReportDiff

    public init(diff: ReportDiff) { self.diff = diff }

    /// The groups, in printed order, with the Swedish heading and the kinds they hold.
    public static let groups: [(heading: String, kinds: [ReportChange.Kind])] = [
        ("Indikatorer", [.indicatorAdded, .indicatorRemoved, .indicatorRenamed, .indicatorValue, .indicatorStatus, .reportedStatus]),
        ("Mål", [.goalAdded, .goalRemoved, .goalRenamed]),
        ("Uppdrag", [.assignmentAdded, .assignmentRemoved, .assignmentRenamed, .assignmentStatus]),
        ("Ekonomi", [.financialRowAdded, .financialRowRemoved, .financialRowRenamed, .financialCell, .deviationMoved]),
        ("Intern kontroll", [.controlAdded, .controlRemoved, .controlRenamed, .controlStatus]),
        ("Prognos mot utfall", [.forecastOutcome, .forecastAccuracy]),
    ]

    public static func title(_ meta: ReportMetadata) -> String {
        "\(meta.municipality) – \(meta.board), \(meta.kind.swedishName) \(meta.period)"
    }

    static func status(_ raw: String?) -> String {
        guard let raw else { return "ingen" }
        return IndicatorStatus(rawValue: raw)?.swedishName ?? raw
    }

    /// A signed figure as reports print it: "+3 000", "-0,1".
    public static func number(_ value: Decimal?) -> String {
        guard let value else { return "–" }
        let text = SwedishNumberFormat.format(value, fractionDigits: max(0, -value.exponent))
        return value > 0 ? "+" + text : text
    }

    /// A figure without sign for magnitudes: "11 100".
    public static func magnitude(_ value: Decimal?) -> String {
        guard let value else { return "–" }
        return SwedishNumberFormat.format(value, fractionDigits: max(0, -value.exponent))
    }

    /// The group's changes by location, each location once, in order of first appearance.
    static func byLocation(_ items: [ReportChange]) -> [(location: String, changes: [ReportChange])] {
        var order: [String] = []
        var grouped: [String: [ReportChange]] = [:]
        for change in items {
            if grouped[change.location] == nil { order.append(change.location) }
            grouped[change.location, default: []].append(change)
        }
        return order.map { ($0, grouped[$0] ?? []) }
    }

    /// One line describing a change, without its location.
    public static func line(_ change: ReportChange) -> String {
        let from = change.from ?? "", to = change.to ?? ""
        switch change.kind {
        case .indicatorAdded: return "ny indikator: \(change.name)"
        case .indicatorRemoved: return "borttagen indikator: \(change.name)"
        case .goalAdded: return "nytt mål: \(change.name)"
        case .goalRemoved: return "borttaget mål: \(change.name)"
        case .assignmentAdded: return "nytt uppdrag: \(change.name)"
        case .assignmentRemoved: return "borttaget uppdrag: \(change.name)"
        case .financialRowAdded: return "ny rad: \(change.name)"
        case .financialRowRemoved: return "borttagen rad: \(change.name)"
        case .controlAdded: return "ny kontroll: \(change.name)"
        case .controlRemoved: return "borttagen kontroll: \(change.name)"
        case .indicatorRenamed, .goalRenamed, .assignmentRenamed, .financialRowRenamed, .controlRenamed:
            let certain = change.match == "id" ? "nytt namn" : "nytt namn?"
            return "\(certain): \(from) → \(to)"
        case .indicatorValue:
            let revised = change.revised == true ? ", reviderat" : ""
            return "\(change.name): värde \(change.year.map(String.init) ?? "")\(revised): \(from.isEmpty ? "(tomt)" : from) → \(to.isEmpty ? "(tomt)" : to)"
        case .indicatorStatus:
            return "\(change.name): beräknad status \(status(change.from)) (\(change.fromYear.map(String.init) ?? "")) → \(status(change.to)) (\(change.toYear.map(String.init) ?? ""))"
        case .reportedStatus:
            return "\(change.name): rapporterad status \(status(change.from)) (\(change.fromYear.map(String.init) ?? "")) → \(status(change.to)) (\(change.toYear.map(String.init) ?? ""))"
        case .assignmentStatus, .controlStatus:
            return "\(change.name): \(from) → \(to)"
        case .financialCell:
            return "\(change.name), \(change.column ?? ""): \(from.isEmpty ? "(tomt)" : from) → \(to.isEmpty ? "(tomt)" : to) \(change.unit ?? "")"
        case .deviationMoved:
            return "\(change.name), \(change.column ?? ""): avvikelsen flyttade \(number(change.miss)) \(change.unit ?? "")"
        case .forecastOutcome:
            let percent = change.missPercent.map { " (\(number($0)) %)" } ?? ""
            return "\(change.name): prognos \(from), utfall \(to), miss \(number(change.miss)) \(change.unit ?? "")\(percent)"
        case .forecastAccuracy:
            return "prognossäkerhet \(magnitude(change.accuracyPercent)) % (summa av missarnas belopp \(magnitude(change.miss)) \(change.unit ?? ""))"
        }
    }

    /// Plain text, grouped, one change a line under its location.
    public func text() -> String {
        var out = "Förändringar\n  från: \(Self.title(diff.from.metadata))\n  till: \(Self.title(diff.to.metadata))\n"
        if diff.changes.isEmpty { return out + "\nInga förändringar.\n" }
        for group in Self.groups {
            let items = diff.changes.filter { group.kinds.contains($0.kind) }
            guard !items.isEmpty else { continue }
            out += "\n\(group.heading) (\(items.count))\n"
            for (location, changes) in Self.byLocation(items) {
                out += "  \(location)\n"
                for change in changes { out += "    \(Self.line(change))\n" }
            }
        }
        return out
    }

    /// Markdown: a heading per group, a table of location and change.
    public func markdown() -> String {
        let cell = Markdown.escape
        var out = "# Förändringar\n\n- Från: \(cell(Self.title(diff.from.metadata)))\n- Till: \(cell(Self.title(diff.to.metadata)))\n"
        if diff.changes.isEmpty { return out + "\nInga förändringar.\n" }
        for group in Self.groups {
            let items = diff.changes.filter { group.kinds.contains($0.kind) }
            guard !items.isEmpty else { continue }
            out += "\n## \(group.heading) (\(items.count))\n\n| Var | Förändring |\n|---|---|\n"
            for change in items { out += "| \(cell(change.location)) | \(cell(Self.line(change))) |\n" }
        }
        return out
    }

    static func identity(_ meta: ReportMetadata, extra: [(String, JSONOutput)]) -> JSONOutput {
        .object([
            ("municipality", .string(meta.municipality)), ("board", .string(meta.board)), ("kind", .string(meta.kind.rawValue)),
            ("period", .string(meta.period)), ("periodEnd", .string(meta.periodEnd)), ("reportingYear", .int(meta.reportingYear)),
        ] + extra)
    }

    /// `{"from": {identity}, "to": {identity}, "changes": [{kind, location, name, from, to, …}]}`;
    /// optional fields appear only where they apply.
    public func json(fromExtra: [(String, JSONOutput)] = [], toExtra: [(String, JSONOutput)] = []) -> String {
        let changes: [JSONOutput] = diff.changes.map { change in
            var fields: [(String, JSONOutput)] = [
                ("kind", .string(change.kind.rawValue)), ("location", .string(change.location)), ("name", .string(change.name)),
                ("from", .string(change.from)), ("to", .string(change.to)),
            ]
            if let year = change.year { fields.append(("year", .int(year))) }
            if let revised = change.revised { fields.append(("revised", .bool(revised))) }
            if let year = change.fromYear { fields.append(("fromYear", .int(year))) }
            if let year = change.toYear { fields.append(("toYear", .int(year))) }
            if let match = change.match { fields.append(("match", .string(match))) }
            if let column = change.column { fields.append(("column", .string(column))) }
            if let unit = change.unit { fields.append(("unit", .string(unit))) }
            if let miss = change.miss { fields.append(("miss", .number(miss))) }
            if let percent = change.missPercent { fields.append(("missPercent", .number(percent))) }
            if let accuracy = change.accuracyPercent { fields.append(("accuracyPercent", .number(accuracy))) }
            return .object(fields)
        }
        return JSONOutput.object([
            ("from", Self.identity(diff.from.metadata, extra: fromExtra)), ("to", Self.identity(diff.to.metadata, extra: toExtra)),
            ("changes", .array(changes)),
        ]).serialized() + "\n"
    }
}
