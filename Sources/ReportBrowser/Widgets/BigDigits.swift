import ReportCore

/// Digits five rows high, drawn with a block glyph.
enum BigDigits {
    private static let font: [[String]] = [
        ["###", "# #", "# #", "# #", "###"], [" # ", "## ", " # ", " # ", "###"], ["###", "  #", "###", "#  ", "###"],
        ["###", "  #", "###", "  #", "###"], ["# #", "# #", "###", "  #", "  #"], ["###", "#  ", "###", "  #", "###"],
        ["###", "#  ", "###", "# #", "###"], ["###", "  #", "  #", "  #", "  #"], ["###", "# #", "###", "# #", "###"],
        ["###", "# #", "###", "  #", "###"],
    ]

    /// Five lines showing `number` (negative numbers are shown as 0).
    static func render(_ number: Int, glyph: Character) -> [String] {
        let digits = String(max(0, number)).compactMap { $0.wholeNumberValue }
        return (0..<5).map { row in
            digits.map { font[$0][row] }.joined(separator: " ").map { $0 == "#" ? glyph : $0 }.reduce(into: "") { $0.append($1) }
        }
    }
}
