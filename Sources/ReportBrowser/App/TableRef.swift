import Foundation
import ReportCore

/// The financial tables a view can show.
enum TableRef: String, Sendable, Hashable, CaseIterable {
    case operations, netCost, covid, boardInvestments, urbanDevelopment

    /// The table in a report.
    func table(in report: Report) -> FinancialTable {
        switch self {
        case .operations: report.economy.operations
        case .netCost: report.economy.netCost
        case .covid: report.economy.covid
        case .boardInvestments: report.investments.board
        case .urbanDevelopment: report.investments.urbanDevelopment
        }
    }

    /// The section whose screen shows the table.
    var section: Section {
        switch self {
        case .operations, .netCost, .covid: .economy
        case .boardInvestments, .urbanDevelopment: .investments
        }
    }
}
