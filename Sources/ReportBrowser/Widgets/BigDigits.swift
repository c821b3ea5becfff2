import ReportCore

/// Digits five rows high, drawn with a block glyph.
enum BigDigits {
    private static let font: [[String]] = [
        ["###", "# #", "# #", "# #", "###"], [" # ", "## ", " # ", " # ", "###"], ["###", "  #", "###", "#  ", "###"],
        ["###", "  #", "###", "  #", "###"], ["# #", "# #", "###", "  #", "  #"], ["###", "#  ", "###", "  #", "###"],
        ["###", "#  ", "###", "# #", "###"], ["###", "  #", "  #", "  #", "  #"], ["###", "# #", "###", "# #", "###"],
        ["###", "# #", "###", "  #", "###"],
    ]

    /// Five lines showing `number` (negative numbers are shown as 0); `scale` 2 doubles every
    /// cell both ways (ten lines).
    static func render(_ number: Int, glyph: Character, scale: Int = 1) -> [String] {
        let digits = String(max(0, number)).compactMap { $0.wholeNumberValue }
        let times = max(1, scale)
        return (0..<5 * times).map { line in
            let row = line / times
            return digits.map { font[$0][row] }.joined(separator: " ").map { $0 == "#" ? glyph : $0 }
                .reduce(into: "") { text, cell in for _ in 0..<times { text.append(cell) } }
        }
    }
}
