import ReportCore

/// The status filter each view offers (`f` cycles through them, 0 means no filter).
enum FilterOptions {
    enum Kind {
        case indicatorStatus, assignmentProgress, controlProgress, severity
    }

    static func kind(for id: ViewID) -> Kind? {
        switch id {
        case .goalTree, .goal, .indicatorList: .indicatorStatus
        case .assignments: .assignmentProgress
        case .internalControl, .controlItems: .controlProgress
        case .audit: .severity
        default: nil
        }
    }

    static func labels(for id: ViewID, data: BrowserData) -> [String] {
        switch kind(for: id) {
        case .indicatorStatus: IndicatorStatus.allCases.map(\.swedishName)
        case .assignmentProgress: data.assignmentProgressOptions.map(\.swedishName)
        case .controlProgress: data.progressColumns.map(\.swedishName)
        case .severity: Severity.allCases.map(\.swedishName)
        case nil: []
        }
    }

    static func indicatorStatus(_ filter: Int) -> IndicatorStatus? {
        IndicatorStatus.allCases.indices.contains(filter - 1) ? IndicatorStatus.allCases[filter - 1] : nil
    }

    static func assignmentProgress(_ filter: Int, data: BrowserData) -> Progress? {
        data.assignmentProgressOptions.indices.contains(filter - 1) ? data.assignmentProgressOptions[filter - 1] : nil
    }

    static func controlProgress(_ filter: Int, data: BrowserData) -> Progress? {
        data.progressColumns.indices.contains(filter - 1) ? data.progressColumns[filter - 1] : nil
    }

    static func severity(_ filter: Int) -> Severity? {
        Severity.allCases.indices.contains(filter - 1) ? Severity.allCases[filter - 1] : nil
    }

    /// The active filter's label, for the status line.
    static func activeLabel(for view: ViewState, data: BrowserData) -> String? {
        let labels = labels(for: view.id, data: data)
        return labels.indices.contains(view.filter - 1) ? labels[view.filter - 1] : nil
    }
}
