import Foundation
import ReportCore

/// Small pictures made of characters: sparklines, stacked status bars, deviation bars.
enum Charts {
    /// A sparkline of `values` (nil: no value, drawn as a space), one cell per value.
    static func sparkline(_ values: [Double?], glyphs: Glyphs) -> String {
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else {
            return String(repeating: " ", count: values.count)
        }
        let levels = glyphs.sparkLevels
        return String(values.map { value -> Character in
            guard let value else { return " " }
            if high == low { return levels[levels.count / 2] }
            let position = (value - low) / (high - low) * Double(levels.count - 1)
            let index = Int(position.rounded())
            return levels[min(max(0, index), levels.count - 1)]
        })
    }

    /// A stacked bar of `width` cells: one segment per count, proportional (largest remainder),
    /// every non-zero count at least one cell when there is room. With colour the segments are
    /// coloured blocks; without, each segment has its own fill glyph.
    static func stackedBar(_ counts: [(count: Int, role: StyleRole)], width: Int, color: Bool, glyphs: Glyphs) -> [Span] {
        guard width > 0 else { return [] }
        let total = counts.reduce(0) { $0 + max(0, $1.count) }
        guard total > 0 else {
            return [Span(text: String(repeating: glyphs.ascii ? "." : "·", count: width), style: Style(.muted), width: width)]
        }
        var cells = counts.map { max(0, $0.count) * width / total }
        var remainders = counts.enumerated().map { (index: $0.offset, rest: max(0, $0.element.count) * width % total) }
        remainders.sort { $0.rest > $1.rest || ($0.rest == $1.rest && $0.index < $1.index) }
        var left = width - cells.reduce(0, +)
        for entry in remainders where left > 0 {
            cells[entry.index] += 1
            left -= 1
        }
        // Give every non-empty segment one cell, taken from the largest.
        for index in counts.indices where counts[index].count > 0 && cells[index] == 0 {
            if let donor = cells.indices.max(by: { cells[$0] < cells[$1] }), cells[donor] > 1 {
                cells[donor] -= 1
                cells[index] = 1
            }
        }
        var spans: [Span] = []
        for (index, entry) in counts.enumerated() where cells[index] > 0 {
            let fill: Character = color ? " " : glyphs.segmentFills[index % glyphs.segmentFills.count]
            var text = String(repeating: fill, count: cells[index])
            // With colour the count is written into its segment when it fits.
            if color {
                let label = String(entry.count)
                if label.count < cells[index] {
                    let start = (cells[index] - label.count) / 2
                    text = String(repeating: " ", count: start) + label + String(repeating: " ", count: cells[index] - start - label.count)
                }
            }
            spans.append(Span(text: text, style: Style(entry.role), width: cells[index]))
        }
        return spans
    }

    /// A bar for a signed value around a zero axis in the middle of `width` cells: positive
    /// (better than budget) to the right in the good style, negative to the left in the bad style.
    static func deviationBar(_ value: Double, maximum: Double, width: Int, glyphs: Glyphs) -> [Span] {
        guard width >= 3 else { return [] }
        let half = (width - 1) / 2
        let length = maximum > 0 ? min(half, Int((abs(value) / maximum * Double(half)).rounded(.up))) : 0
        let bar = String(repeating: glyphs.bar, count: length)
        var spans: [Span] = []
        let leftPad = value < 0 ? half - length : half
        if leftPad > 0 { spans.append(Span(text: String(repeating: " ", count: leftPad), style: .normal, width: leftPad)) }
        if value < 0, length > 0 { spans.append(Span(text: bar, style: Style(.deviationBad), width: length)) }
        spans.append(Span(text: String(glyphs.axis), style: Style(.border), width: 1))
        if value > 0, length > 0 { spans.append(Span(text: bar, style: Style(.deviationGood), width: length)) }
        let used = spans.reduce(0) { $0 + $1.width }
        if used < width { spans.append(Span(text: String(repeating: " ", count: width - used), style: .normal, width: width - used)) }
        return spans
    }
}

/// Number helpers for display.
enum Numbers {
    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// "+12 200" / "-15 997" / "0".
    static func signed(_ value: Decimal, fractionDigits: Int) -> String {
        let text = SwedishNumberFormat.format(value, fractionDigits: fractionDigits)
        return value > 0 ? "+" + text : text
    }

    /// "-2,7 %".
    static func percent(_ value: Decimal?) -> String {
        guard let value else { return "–" }
        return SwedishNumberFormat.format(value, fractionDigits: 1) + " %"
    }
}

/// Column widths for a table: fixed columns at their natural width, one flexible column up to
/// its natural width in what is left; when the width runs out, the lowest-priority columns are dropped (width 0).
enum ColumnLayout {
    struct Column {
        var natural: Int
        var minimum: Int = 1
        /// Higher stays longer.
        var priority: Int = 0
        var flexible = false
        /// A width the column would use when the others have what they need (a header or a
        /// name that does not fit its natural width); 0: none.
        var wanted: Int = 0
    }

    static func widths(_ columns: [Column], total: Int, spacing: Int = 1) -> [Int] {
        var shown = Array(repeating: true, count: columns.count)
        func fixedWidth() -> Int {
            var sum = 0
            var count = 0
            for (index, column) in columns.enumerated() where shown[index] {
                if !column.flexible { sum += column.natural }
                count += 1
            }
            return sum + max(0, count - 1) * spacing
        }
        let flexible = columns.firstIndex { $0.flexible }
        let flexMinimum = flexible.map { columns[$0].minimum } ?? 0
        while fixedWidth() + flexMinimum > total {
            let candidates = columns.indices.filter { shown[$0] && !columns[$0].flexible }
            guard let drop = candidates.min(by: { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }) else { break }
            shown[drop] = false
        }
        var result = columns.enumerated().map { shown[$0.offset] ? $0.element.natural : 0 }
        if let flexible {
            let rest = total - fixedWidth()
            result[flexible] = max(0, min(rest, max(columns[flexible].natural, columns[flexible].minimum)))
        }
        // Room left over goes to the columns that want more: headers first (the most important
        // first), then the flexible column.
        var left = total - result.reduce(0, +) - max(0, shown.filter { $0 }.count - 1) * spacing
        let order = columns.indices.filter { shown[$0] }.sorted {
            (columns[$0].flexible ? 0 : 1, columns[$0].priority, -$0) > (columns[$1].flexible ? 0 : 1, columns[$1].priority, -$1)
        }
        for index in order where left > 0 && columns[index].wanted > result[index] {
            let grow = min(left, columns[index].wanted - result[index])
            result[index] += grow
            left -= grow
        }
        return result
    }
}
