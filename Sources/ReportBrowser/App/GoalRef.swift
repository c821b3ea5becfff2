import Foundation
import ReportCore

/// A place in the goal tree: a KF-mål (`board == nil`) or a nämndmål.
struct GoalRef: Sendable, Hashable {
    var area: Int
    var council: Int
    var board: Int?

    /// The same place as the core names it.
    var path: GoalPath { GoalPath(area: area, councilGoal: council, boardGoal: board) }
}
