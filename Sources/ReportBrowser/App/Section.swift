import ReportCore

/// The browser's sections, reachable with the digit keys and Tab.
public enum Section: Int, CaseIterable, Sendable, Hashable {
    case overview = 1, goals, assignments, economy, investments, internalControl, texts, audit, indicators

    /// The Swedish name shown in the breadcrumb, tabs and help.
    var title: String {
        switch self {
        case .overview: "Översikt"
        case .goals: "Mål"
        case .assignments: "Uppdrag"
        case .economy: "Ekonomi"
        case .investments: "Investeringar"
        case .internalControl: "Internkontroll"
        case .texts: "Texter"
        case .audit: "Granskning"
        case .indicators: "Indikatorer"
        }
    }

    /// The view a section opens with.
    var root: ViewID {
        switch self {
        case .overview: .overview
        case .goals: .goalTree
        case .assignments: .assignments
        case .economy: .economy
        case .investments: .investments
        case .internalControl: .internalControl
        case .texts: .texts
        case .audit: .audit
        case .indicators: .indicatorList
        }
    }
}
