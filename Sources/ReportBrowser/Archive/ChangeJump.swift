import ReportCore

/// Where a change of the Förändringar screen leads in the open report (the later one).
enum ChangeJump {
    static func same(_ a: String, _ b: String) -> Bool {
        a == b || ItemMatching.normalizedName(a, unit: nil) == ItemMatching.normalizedName(b, unit: nil)
    }

    static func jump(for change: ReportChange, data: BrowserData) -> Jump? {
        let analysis = data.analysis
        // A rename names the item by its new name.
        let name = [.indicatorRenamed, .goalRenamed, .assignmentRenamed, .financialRowRenamed, .controlRenamed].contains(change.kind)
            ? (change.to ?? change.name) : change.name
        switch change.kind {
        case .indicatorAdded, .indicatorRenamed, .indicatorValue, .indicatorStatus, .reportedStatus:
            guard let index = analysis.indicators.firstIndex(where: { same($0.indicator.name, name) || same($0.indicator.printedName, name) })
            else { return nil }
            return Jump(view: .indicator(index))
        case .goalAdded, .goalRenamed:
            for (a, area) in data.report.goalAreas.enumerated() {
                for (c, council) in area.councilGoals.enumerated() {
                    if same(council.title, name) { return Jump(view: .goal(GoalRef(area: a, council: c, board: nil))) }
                    for (b, board) in council.boardGoals.enumerated() where same(board.title, name) {
                        return Jump(view: .goal(GoalRef(area: a, council: c, board: b)))
                    }
                }
            }
            return nil
        case .assignmentAdded, .assignmentRenamed, .assignmentStatus:
            guard let index = analysis.assignments.firstIndex(where: { same($0.assignment.title, name) }) else { return nil }
            return Jump(view: .assignment(index))
        case .financialRowAdded, .financialRowRenamed, .financialCell, .deviationMoved, .forecastOutcome:
            for ref in TableRef.allCases {
                let table = data.table(ref)
                guard same(table.title, change.location) else { continue }
                if let row = table.rows.firstIndex(where: { same($0.label, name) }) { return Jump(view: .tableRow(ref, row)) }
            }
            return nil
        case .controlAdded, .controlRenamed, .controlStatus:
            guard let index = analysis.internalControlItems.firstIndex(where: { same($0.title, name) }) else { return nil }
            return Jump(view: .controlItem(index))
        case .indicatorRemoved, .goalRemoved, .assignmentRemoved, .financialRowRemoved, .controlRemoved, .forecastAccuracy:
            return nil
        }
    }
}

extension BrowserData {
    /// A report with nothing in it: the placeholder behind the archive home before a report is
    /// chosen (never shown: the home stays until then).
    static let blank: BrowserData = {
        let table = FinancialTable(id: "", title: "", rowHeader: "", unit: "", columns: [], rows: [])
        let meta = ReportMetadata(municipality: "", board: "", kind: .interimReport, period: "", periodStart: "", periodEnd: "", reportingYear: 0,
                                  units: ReportUnits(operations: "", investments: "", urbanDevelopment: ""))
        let report = Report(
            metadata: meta, summary: ReportSummary(sections: [], preliminaryAssessment: [], statements: []), goalAreas: [],
            economy: Economy(operations: table, netCost: table, covid: table, absentTables: [], commentary: []),
            investments: Investments(board: table, urbanDevelopment: table, commentary: []), sections: [],
            internalControl: InternalControl(introduction: TextSection(heading: "", paragraphs: []), riskReductions: [], auditActions: [],
                                             systematicControls: []))
        return BrowserData(analysis: ReportAnalysis(report: report))
    }()
}
