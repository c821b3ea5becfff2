import Algorithms

/// A view's content, laid out for one width: sticky header lines and the scrolling body.
///
/// A plain value built once by its screen from (data, width, glyphs, filter, folding) and then
/// only read: every line is built, so the height and the rows have one source of truth.
struct ViewModel: Sendable, Equatable {
    var header: [Line] = []
    /// The body, every line.
    private(set) var lines: [Line] = []
    /// Line indices of the selectable lines (those with a key), in order.
    private(set) var selectable: [Int] = []
    /// The selectable index of the first line with each key.
    private var selectableByKey: [LineKey: Int] = [:]
    /// Line ranges of anchors (paragraphs) a jump can scroll to.
    var anchors: [Int: Range<Int>] = [:]
    /// Shown when the body is empty.
    var emptyText: String = "Inget att visa."

    var lineCount: Int { lines.count }
    var selectableCount: Int { selectable.count }
    func line(_ index: Int) -> Line { lines[index] }
    func selectableLine(_ index: Int) -> Int { selectable[index] }

    mutating func append(_ line: Line) {
        if let key = line.key {
            if selectableByKey[key] == nil { selectableByKey[key] = selectable.count }
            selectable.append(lines.count)
        }
        lines.append(line)
    }

    mutating func append(contentsOf more: [Line]) {
        for line in more { append(line) }
    }

    /// A blank line, unless the body is empty or already ends in one.
    mutating func blank() {
        guard let last = lines.last, !last.spans.isEmpty else { return }
        append(.blank)
    }

    /// Drops blank lines at the end.
    mutating func trimTrailingBlanks() {
        while lines.last == .blank { lines.removeLast() }
    }

    /// The selectable index of the line with `key`.
    func index(of key: LineKey) -> Int? { selectableByKey[key] }

    /// Whether some selectable line satisfies `predicate`.
    func containsSelectable(where predicate: (Line) -> Bool) -> Bool {
        selectable.contains { predicate(lines[$0]) }
    }

    /// The selectable index of `line`, if that line is selectable.
    func selectableIndex(atLine line: Int) -> Int? {
        let position = selectable.partitioningIndex { $0 >= line }
        return position < selectable.count && selectable[position] == line ? position : nil
    }

    /// The first selectable line in `range` (as a selectable index).
    func firstSelectable(in range: Range<Int>) -> Int? {
        let position = selectable.partitioningIndex { $0 >= range.lowerBound }
        return position < selectable.count && selectable[position] < range.upperBound ? position : nil
    }

    /// The last selectable line in `range` (as a selectable index).
    func lastSelectable(in range: Range<Int>) -> Int? {
        let position = selectable.partitioningIndex { $0 >= range.upperBound } - 1
        return position >= 0 && selectable[position] >= range.lowerBound ? position : nil
    }
}
