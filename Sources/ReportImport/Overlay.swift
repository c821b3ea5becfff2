import Foundation
import ReportCore

/// Data the report text cannot carry, merged on top of an imported report.
///
/// An overlay is a JSON object; every member is optional, and unknown members are an error (so
/// that a misspelt field never drops data silently):
///
/// ```json
/// {
///   "metadata": {
///     "municipality": "Huddinge kommun", "board": "Kommunstyrelsen", "kind": "delårsrapport",
///     "period": "januari–augusti 2021", "periodStart": "2021-01-01", "periodEnd": "2021-08-31",
///     "reportingYear": 2021, "source": "Delårsrapport per augusti 2021",
///     "units": { "operations": "tkr", "investments": "tkr", "urbanDevelopment": "mnkr" }
///   },
///   "statusRule": { "approaching": "trend", "allowEarlierValue": false },
///   "goalAreas": { "ekonomisk": { "id": "economy" } },
///   "sections": { "Händelser av väsentlig betydelse": { "id": "handelser", "note": "…" } },
///   "indicators": {
///     "skattesats-kommun": { "direction": "lowerIsBetter", "note": "…" },
///     "Sjukfrånvaro (%)": {
///       "reportedStatus": { "status": "notMet", "quote": "…", "basis": "stated" },
///       "override": { "status": "notAssessed", "reason": "…" }
///     }
///   },
///   "transcriptionNotes": ["…"]
/// }
/// ```
///
/// - `metadata`: each field given replaces the imported one (the fields of
///   `ReportMetadata`; `units` as a whole).
/// - `statusRule`: replaces the report's status rule (`StatusRuleConfig`, every field optional).
/// - `goalAreas`: keyed by the imported id (the first word after ` - ` of the title, e.g.
///   `ekonomisk`) or the printed title; `id` renames the area, and summary statements follow.
/// - `sections`: keyed by the heading of a top-level text section (the Sammanfattning, the
///   sections, the economy and investment commentary, the internal-control introduction);
///   `id` and `note` replace the imported ones. A heading printed twice gets both.
/// - `indicators`: keyed by the imported id (the name folded: `skattesats-kommun`), the name
///   without its unit (`Skattesats, kommun`) or the name as printed (`Skattesats, kommun (%)`);
///   a key must name exactly one indicator. `id` renames it; `direction`
///   (`higherIsBetter`/`lowerIsBetter`), `reportedStatus` (`status`: `met`, `approaching`,
///   `notMet`, `notAssessed`; `quote`; `basis`: `stated` or `inferredFromSummary`), `override`
///   (`status`, `reason`) and `note` set those fields.
/// - `transcriptionNotes`: replaces the report's transcription notes.
///
/// A key that names nothing in the imported report, or more than one indicator, is reported as a
/// warning and not applied.
public struct Overlay: Codable, Sendable, Equatable {
    public var metadata: MetadataOverlay?
    public var statusRule: StatusRuleConfig?
    public var goalAreas: [String: GoalAreaOverlay]?
    public var sections: [String: SectionOverlay]?
    public var indicators: [String: IndicatorOverlay]?
    public var transcriptionNotes: [String]?

    public init(metadata: MetadataOverlay? = nil, statusRule: StatusRuleConfig? = nil, goalAreas: [String: GoalAreaOverlay]? = nil,
                sections: [String: SectionOverlay]? = nil, indicators: [String: IndicatorOverlay]? = nil, transcriptionNotes: [String]? = nil) {
        self.metadata = metadata
        self.statusRule = statusRule
        self.goalAreas = goalAreas
        self.sections = sections
        self.indicators = indicators
        self.transcriptionNotes = transcriptionNotes
    }

    public struct MetadataOverlay: Codable, Sendable, Equatable {
        public var municipality: String?
        public var board: String?
        public var kind: ReportKind?
        public var period: String?
        public var periodStart: String?
        public var periodEnd: String?
        public var reportingYear: Int?
        public var units: ReportUnits?
        public var source: String?

        public init(municipality: String? = nil, board: String? = nil, kind: ReportKind? = nil, period: String? = nil, periodStart: String? = nil,
                    periodEnd: String? = nil, reportingYear: Int? = nil, units: ReportUnits? = nil, source: String? = nil) {
            self.municipality = municipality
            self.board = board
            self.kind = kind
            self.period = period
            self.periodStart = periodStart
            self.periodEnd = periodEnd
            self.reportingYear = reportingYear
            self.units = units
            self.source = source
        }
    }

    public struct GoalAreaOverlay: Codable, Sendable, Equatable {
        public var id: String?
        public init(id: String? = nil) { self.id = id }
    }

    public struct SectionOverlay: Codable, Sendable, Equatable {
        public var id: String?
        public var note: String?
        public init(id: String? = nil, note: String? = nil) {
            self.id = id
            self.note = note
        }
    }

    public struct IndicatorOverlay: Codable, Sendable, Equatable {
        public var id: String?
        public var direction: Direction?
        public var reportedStatus: ReportedStatus?
        public var override: StatusOverride?
        public var note: String?

        public init(id: String? = nil, direction: Direction? = nil, reportedStatus: ReportedStatus? = nil, override: StatusOverride? = nil, note: String? = nil) {
            self.id = id
            self.direction = direction
            self.reportedStatus = reportedStatus
            self.override = override
            self.note = note
        }
    }

    /// Reads an overlay file's bytes; errors are located (`FILE:LINE:COLUMN: at PATH: …`) and
    /// name unknown fields with a suggestion.
    public static func load(data: Data, file: String) throws(ReportLoadError) -> Overlay {
        let document = try JSONDocument(data: data, file: file)
        return try document.decode(Overlay.self)
    }

    /// Reads an overlay file.
    public static func load(contentsOfFile path: String) throws(ReportLoadError) -> Overlay {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportLoadError(file: path, message: "no such file, or it cannot be read")
        }
        return try load(data: data, file: path)
    }

    // MARK: - Merging

    func apply(to report: inout Report, log: DiagnosticLog) {
        if let metadata {
            if let value = metadata.municipality { report.metadata.municipality = value }
            if let value = metadata.board { report.metadata.board = value }
            if let value = metadata.kind { report.metadata.kind = value }
            if let value = metadata.period { report.metadata.period = value }
            if let value = metadata.periodStart { report.metadata.periodStart = value }
            if let value = metadata.periodEnd { report.metadata.periodEnd = value }
            if let value = metadata.reportingYear { report.metadata.reportingYear = value }
            if let value = metadata.units { report.metadata.units = value }
            if let value = metadata.source { report.metadata.source = value }
        }
        if let statusRule { report.statusRule = statusRule }
        if let transcriptionNotes { report.transcriptionNotes = transcriptionNotes }

        for (key, change) in (goalAreas ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let index = report.goalAreas.firstIndex(where: { $0.id == key || $0.title == key }) else {
                log.warning([], "overlay: no goal area \"\(key)\" (goal areas: \(report.goalAreas.map(\.id).joined(separator: ", ")))")
                continue
            }
            if let id = change.id {
                let old = report.goalAreas[index].id
                report.goalAreas[index].id = id
                for s in report.summary.statements.indices where report.summary.statements[s].goalArea == old {
                    report.summary.statements[s].goalArea = id
                }
            }
        }

        for (key, change) in (sections ?? [:]).sorted(by: { $0.key < $1.key }) {
            var found = 0
            func update(_ section: inout TextSection) {
                guard section.heading == key else { return }
                found += 1
                if let id = change.id { section.id = id }
                if let note = change.note { section.note = note }
            }
            for i in report.summary.sections.indices { update(&report.summary.sections[i]) }
            for i in report.sections.indices { update(&report.sections[i]) }
            for i in report.economy.commentary.indices { update(&report.economy.commentary[i]) }
            for i in report.investments.commentary.indices { update(&report.investments.commentary[i]) }
            update(&report.internalControl.introduction)
            if found == 0 {
                log.warning([], "overlay: no top-level section headed \"\(key)\"")
            }
        }

        var paths: [(a: Int, c: Int, b: Int?, i: Int)] = []
        for (a, area) in report.goalAreas.enumerated() {
            for (c, council) in area.councilGoals.enumerated() {
                for i in (council.indicatorTable?.indicators ?? []).indices { paths.append((a, c, nil, i)) }
                for (b, board) in council.boardGoals.enumerated() {
                    for i in (board.indicatorTable?.indicators ?? []).indices { paths.append((a, c, b, i)) }
                }
            }
        }
        func indicator(_ path: (a: Int, c: Int, b: Int?, i: Int)) -> Indicator {
            let council = report.goalAreas[path.a].councilGoals[path.c]
            if let b = path.b { return council.boardGoals[b].indicatorTable!.indicators[path.i] }
            return council.indicatorTable!.indicators[path.i]
        }
        func modify(_ path: (a: Int, c: Int, b: Int?, i: Int), _ body: (inout Indicator) -> Void) {
            if let b = path.b {
                body(&report.goalAreas[path.a].councilGoals[path.c].boardGoals[b].indicatorTable!.indicators[path.i])
            } else {
                body(&report.goalAreas[path.a].councilGoals[path.c].indicatorTable!.indicators[path.i])
            }
        }
        // Keys are resolved against the imported report before any id is renamed.
        let resolved = (indicators ?? [:]).sorted(by: { $0.key < $1.key }).map { key, change in
            (key, change, paths.filter { path in
                let item = indicator(path)
                return item.id == key || item.name == key || item.printedName == key
            })
        }
        for (key, change, matches) in resolved {
            guard matches.count == 1, let path = matches.first else {
                if matches.isEmpty {
                    log.warning([], "overlay: no indicator \"\(key)\" (keys are the imported id, the name, or the name with its unit)")
                } else {
                    log.warning([], "overlay: \"\(key)\" names \(matches.count) indicators; not applied (use the id)")
                }
                continue
            }
            modify(path) { item in
                if let id = change.id { item.id = id }
                if let direction = change.direction { item.direction = direction }
                if let reported = change.reportedStatus { item.reportedStatus = reported }
                if let override = change.override { item.override = override }
                if let note = change.note { item.note = note }
            }
        }
    }
}
