import Foundation

/// A run of items a screen lays out only when they are needed: each item's lines are built when
/// one of them is shown (and kept), its height is measured cheaply (wrapped text is counted, not
/// built) and only as far down as navigation needs.
struct LazyItems: Sendable {
    var count: Int
    /// Selectable lines per item when every item has the same number (the count of selectable
    /// lines is then known without measuring anything).
    var selectablePerItem: Int?
    /// Lines of item `i`; must be consistent with `height` and `selectable`.
    var height: @Sendable (Int) -> Int
    /// Offsets (within the item) of the item's selectable lines, in order.
    var selectable: @Sendable (Int) -> [Int]
    var build: @Sendable (Int) -> [Line]
    /// The item holding a selectable line with this key, if any (without it a key is looked up
    /// by building items one by one).
    var locate: (@Sendable (LineKey) -> Int?)?
}

/// The lines of a view: fixed lines and lazy item runs, measured on demand.
///
/// Immutable once the view's builder returns (the builder is the only writer); the measuring
/// state and the built items are caches behind a lock, so the value types holding the store
/// stay pure values: the same state always shows the same lines.
final class LineStore: @unchecked Sendable {
    private enum Segment {
        case fixed([Line], selectable: [Int])
        case items(LazyItems)
    }

    private let lock = NSLock()
    private var segments: [Segment] = []
    /// First unit of each segment (a fixed segment is one unit, an item run one per item); last: all units.
    private var unitBase: [Int] = [0]
    /// Line and selectable starts of the measured units, plus one past the last measured.
    private var lineStarts: [Int] = [0]
    private var selectableStarts: [Int] = [0]
    private var built: [Int: [Line]] = [:]
    private var selectableTotal: Int?

    // MARK: - Building (the screen's builder only)

    func append(_ line: Line) {
        invalidate()
        if case .fixed(var lines, var selectable) = segments.last {
            segments.removeLast()
            if line.key != nil { selectable.append(lines.count) }
            lines.append(line)
            segments.append(.fixed(lines, selectable: selectable))
        } else {
            segments.append(.fixed([line], selectable: line.key != nil ? [0] : []))
            unitBase.append(unitBase[unitBase.count - 1] + 1)
        }
    }

    func append(_ items: LazyItems) {
        invalidate()
        guard items.count > 0 else { return }
        segments.append(.items(items))
        unitBase.append(unitBase[unitBase.count - 1] + items.count)
    }

    /// Whether the content ends in a blank line or is empty (item runs never end in one).
    var endsBlankOrEmpty: (blank: Bool, empty: Bool) {
        for segment in segments.reversed() {
            switch segment {
            case .fixed(let lines, _):
                if let last = lines.last { return (last.spans.isEmpty, false) }
            case .items:
                return (false, false)
            }
        }
        return (false, true)
    }

    /// Drops blank lines at the end of the trailing fixed lines.
    func trimTrailingBlanks() {
        invalidate()
        guard case .fixed(var lines, let selectable) = segments.last else { return }
        while lines.last == .blank { lines.removeLast() }
        segments[segments.count - 1] = .fixed(lines, selectable: selectable)
    }

    private func invalidate() {
        lineStarts = [0]
        selectableStarts = [0]
        built = [:]
        selectableTotal = nil
    }

    // MARK: - Units

    private var unitCount: Int { unitBase[unitBase.count - 1] }
    private var measured: Int { lineStarts.count - 1 }

    private func locateUnit(_ unit: Int) -> (segment: Int, item: Int) {
        var low = 0, high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if unitBase[middle] <= unit { low = middle } else { high = middle - 1 }
        }
        return (low, unit - unitBase[low])
    }

    private func height(_ unit: Int) -> Int {
        let (segment, item) = locateUnit(unit)
        switch segments[segment] {
        case .fixed(let lines, _): return lines.count
        case .items(let items): return built[unit]?.count ?? items.height(item)
        }
    }

    private func selectable(_ unit: Int) -> [Int] {
        let (segment, item) = locateUnit(unit)
        switch segments[segment] {
        case .fixed(_, let selectable): return selectable
        case .items(let items): return items.selectable(item)
        }
    }

    private func selectableCount(_ unit: Int) -> Int {
        let (segment, item) = locateUnit(unit)
        switch segments[segment] {
        case .fixed(_, let selectable): return selectable.count
        case .items(let items): return items.selectablePerItem ?? items.selectable(item).count
        }
    }

    private func lines(_ unit: Int) -> [Line] {
        if let lines = built[unit] { return lines }
        let (segment, item) = locateUnit(unit)
        switch segments[segment] {
        case .fixed(let lines, _): return lines
        case .items(let items):
            if built.count > 4096 { built.removeAll(keepingCapacity: true) }
            let lines = items.build(item)
            built[unit] = lines
            return lines
        }
    }

    private func measureNext() {
        let unit = measured
        lineStarts.append(lineStarts[unit] + height(unit))
        selectableStarts.append(selectableStarts[unit] + selectableCount(unit))
    }

    /// Measures until line `line` is covered (or everything is measured).
    private func measure(throughLine line: Int) {
        while measured < unitCount, lineStarts[measured] <= line { measureNext() }
    }

    private func measure(throughSelectable index: Int) {
        while measured < unitCount, selectableStarts[measured] <= index { measureNext() }
    }

    /// The measured unit holding `line` (nil past the end).
    private func unit(forLine line: Int) -> Int? {
        guard line >= 0 else { return nil }
        measure(throughLine: line)
        guard line < lineStarts[measured] else { return nil }
        var low = 0, high = measured - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= line { low = middle } else { high = middle - 1 }
        }
        return low
    }

    // MARK: - Queries

    /// Number of lines, at most `limit` (measures only that far).
    func lineCount(atMost limit: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        measure(throughLine: limit - 1)
        return min(limit, lineStarts[measured])
    }

    var lineCount: Int { lineCount(atMost: Int.max) }

    func line(_ index: Int) -> Line {
        lock.lock()
        defer { lock.unlock() }
        guard let unit = unit(forLine: index) else { preconditionFailure("line \(index) out of range") }
        return lines(unit)[index - lineStarts[unit]]
    }

    var selectableCount: Int {
        lock.lock()
        defer { lock.unlock() }
        if let selectableTotal { return selectableTotal }
        var total = 0
        for segment in segments {
            switch segment {
            case .fixed(_, let selectable): total += selectable.count
            case .items(let items):
                if let each = items.selectablePerItem {
                    total += each * items.count
                } else {
                    for item in 0..<items.count { total += items.selectable(item).count }
                }
            }
        }
        selectableTotal = total
        return total
    }

    /// The line of the `index`-th selectable line.
    func selectableLine(_ index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        measure(throughSelectable: index)
        precondition(index >= 0 && index < selectableStarts[measured], "selectable \(index) out of range")
        var low = 0, high = measured - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if selectableStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return lineStarts[low] + selectable(low)[index - selectableStarts[low]]
    }

    /// The selectable index of `line`, if that line is selectable.
    func selectableIndex(atLine line: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let unit = unit(forLine: line) else { return nil }
        return selectable(unit).firstIndex(of: line - lineStarts[unit]).map { selectableStarts[unit] + $0 }
    }

    /// The first selectable line in `lines` (as a selectable index).
    func firstSelectable(in range: Range<Int>) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !range.isEmpty, var unit = unit(forLine: max(0, range.lowerBound)) else { return nil }
        while true {
            let start = lineStarts[unit]
            guard start < range.upperBound else { return nil }
            for (offset, line) in selectable(unit).enumerated() where range.contains(start + line) {
                return selectableStarts[unit] + offset
            }
            unit += 1
            if unit >= measured, measured < unitCount { measureNext() }
            if unit >= measured { return nil }
        }
    }

    /// The last selectable line in `lines` (as a selectable index).
    func lastSelectable(in range: Range<Int>) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !range.isEmpty, range.upperBound > 0 else { return nil }
        measure(throughLine: range.upperBound - 1)
        guard measured > 0 else { return nil }
        var unit: Int
        if range.upperBound - 1 < lineStarts[measured] {
            var low = 0, high = measured - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= range.upperBound - 1 { low = middle } else { high = middle - 1 }
            }
            unit = low
        } else {
            unit = measured - 1
        }
        while unit >= 0 {
            let start = lineStarts[unit]
            if lineStarts[unit + 1] <= range.lowerBound { return nil }
            for (offset, line) in selectable(unit).enumerated().reversed() where range.contains(start + line) {
                return selectableStarts[unit] + offset
            }
            unit -= 1
        }
        return nil
    }

    /// The selectable index of the line with `key`.
    func index(of key: LineKey) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        for (segment, content) in segments.enumerated() {
            var candidates: Range<Int>
            switch content {
            case .fixed(let lines, let selectable):
                guard selectable.contains(where: { lines[$0].key == key }) else { continue }
                candidates = unitBase[segment]..<unitBase[segment] + 1
            case .items(let items):
                if let locate = items.locate {
                    guard let item = locate(key), item >= 0, item < items.count else { continue }
                    candidates = unitBase[segment] + item..<unitBase[segment] + item + 1
                } else {
                    candidates = unitBase[segment]..<unitBase[segment + 1]
                }
            }
            for unit in candidates {
                let unitLines = lines(unit)
                for (offset, line) in selectable(unit).enumerated() where unitLines[line].key == key {
                    while measured <= unit { measureNext() }
                    return selectableStarts[unit] + offset
                }
            }
        }
        return nil
    }
}

/// The lines of a view as a collection (the count measures everything: for tests and small views).
struct LineList: RandomAccessCollection, Sendable {
    let store: LineStore
    var startIndex: Int { 0 }
    var endIndex: Int { store.lineCount }
    subscript(position: Int) -> Line { store.line(position) }
}

/// The line indices of a view's selectable lines, in order.
struct SelectableList: RandomAccessCollection, Sendable {
    let store: LineStore
    var startIndex: Int { 0 }
    var endIndex: Int { store.selectableCount }
    subscript(position: Int) -> Int { store.selectableLine(position) }
}

/// Models of views already built, by view and layout inputs: re-entering a view reuses its lines
/// (and what was measured and built of them). Keeps the most recent ones.
final class ModelCache: @unchecked Sendable {
    struct Key: Hashable {
        var id: ViewID
        var model: ModelKey
        var markedAnchor: Int?
    }

    private let lock = NSLock()
    private var models: [Key: ViewModel] = [:]
    private var order: [Key] = []
    private let capacity = 48

    func model(for key: Key, build: () -> ViewModel) -> ViewModel {
        lock.lock()
        if let model = models[key] {
            lock.unlock()
            return model
        }
        lock.unlock()
        let model = build()
        lock.lock()
        defer { lock.unlock() }
        if models[key] == nil {
            models[key] = model
            order.append(key)
            if order.count > capacity { models[order.removeFirst()] = nil }
        }
        return model
    }
}

extension Array where Element == Int {
    /// The position of `value` in this ascending array (binary search).
    func sortedPosition(of value: Int) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value ? low : nil
    }
}
