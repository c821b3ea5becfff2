import ReportCore

/// Whose status the screens show for an indicator (`r` switches): the one Malkoll computes from
/// the values and targets, or the report's own assessment as printed (its `reportedStatus`).
enum StatusBasis: Sendable, Hashable {
    case computed, reported

    /// The choice as the header names it.
    var title: String {
        switch self {
        case .computed: "Beräknad status"
        case .reported: "Rapportens bedömning"
        }
    }

    /// Said where the report states no status for an indicator.
    static let unstated = "ej angiven i rapporten"

    var toggled: StatusBasis { self == .computed ? .reported : .computed }
}

extension BrowserData {
    /// An indicator's status on `basis`; nil when the report states none (only on `.reported`).
    func status(ofIndicator index: Int, basis: StatusBasis) -> IndicatorStatus? {
        guard let item = indicator(index) else { return nil }
        switch basis {
        case .computed: return item.evaluation.status
        case .reported: return item.indicator.reportedStatus?.status
        }
    }

    /// Indicator counts by status on `basis` for one målområde (nil: all), and how many have no
    /// status in the report (always 0 for computed statuses).
    func indicatorCounts(area: Int?, basis: StatusBasis) -> (counts: StatusCounts, unstated: Int) {
        if basis == .computed {
            return (area.map { indicatorCounts(area: $0) } ?? analysis.indicatorCounts(), 0)
        }
        var counts = StatusCounts()
        var unstated = 0
        for item in analysis.indicators where area == nil || item.path.area == area {
            if let status = item.indicator.reportedStatus?.status { counts[status] += 1 } else { unstated += 1 }
        }
        return (counts, unstated)
    }
}
