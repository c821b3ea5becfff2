/// A rectangle of cells: origin (`x`, `y`) and size. Width and height are never negative.
///
/// All split helpers clamp, so layouts computed for tiny terminals give empty rects, not traps.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Number of columns (≥ 0).
    public var width: Int
    /// Number of rows (≥ 0).
    public var height: Int

    /// Creates a rect; negative sizes are clamped to 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The column just right of the rect (exclusive end), saturating at `Int.max`.
    public var maxX: Int { Rect.saturatingSum(x, width) }
    /// The row just below the rect (exclusive end), saturating at `Int.max`.
    public var maxY: Int { Rect.saturatingSum(y, height) }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
    /// True when the rect has no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// True when the cell at (`x`, `y`) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The overlap of two rects (empty, at `self`'s origin, when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrinks the rect by the given margins (clamped at empty).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x &+ left, y: y &+ top, width: width &- left &- right, height: height &- top &- bottom)
    }

    /// Shrinks the rect by `amount` on every side (e.g. `1` for the inside of a box).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Splits off the top `rows` rows (clamped to the height).
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: n),
                Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// Splits off the bottom `rows` rows (clamped to the height).
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - n),
                Rect(x: x, y: maxY - n, width: width, height: n))
    }

    /// Splits off the left `columns` columns (clamped to the width).
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: n, height: height),
                Rect(x: x + n, y: y, width: width - n, height: height))
    }

    /// Splits off the right `columns` columns (clamped to the width).
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let n = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: width - n, height: height),
                Rect(x: maxX - n, y: y, width: n, height: height))
    }

    /// Lays out table columns left to right with `spacing` blank columns between them.
    ///
    /// Columns that no longer fit get width 0 (they start at `maxX`); the last visible column is
    /// cut to the remaining width. Always returns `widths.count` rects.
    public func columns(_ widths: [Int], spacing: Int = 1) -> [Rect] {
        var result: [Rect] = []
        result.reserveCapacity(widths.count)
        var cursor = x
        for (index, wanted) in widths.enumerated() {
            if index > 0 { cursor = min(maxX, cursor + max(0, spacing)) }
            let w = min(max(0, wanted), maxX - cursor)
            result.append(Rect(x: cursor, y: y, width: w, height: height))
            cursor += w
        }
        return result
    }

    /// `x,y widthxheight`, for test messages.
    public var description: String { "\(x),\(y) \(width)x\(height)" }
}
