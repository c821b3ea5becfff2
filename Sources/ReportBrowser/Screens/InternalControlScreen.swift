import ReportCore

/// Internkontroll: the matrix process × status with counts (a row opens its items, with the
/// status filter choosing the column), then the three lists with their comments.
enum InternalControlScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        let data = context.data, g = context.glyphs
        let filter = FilterOptions.controlProgress(context.filter, data: data)
        var model = ViewModel()
        let columns = data.progressColumns
        // Full column names when there is room, else only the symbols.
        let wide = context.width - 3 - (columns.count + 1) * 11 >= 16
        let cellWidth = wide ? 10 : 3
        // The names take what they need (and what is left, at most): the counts stay beside them.
        let longestName = (data.processes + ["Process", "Totalt"]).map { DisplayWidth.of($0) }.max() ?? 8
        let processWidth = max(4, min(longestName + 2, context.width - 2 - (columns.count + 1) * (cellWidth + 1) - 1))
        var header = LineBuilder()
        header.space(1)
        header.cell("Process", processWidth, .left, Style(.tableHeader))
        for progress in columns {
            header.space(1)
            let style = progress == filter ? Style(.tableHeader, .reverse) : Style(.tableHeader)
            header.cell(wide ? "\(g.progress(progress)) \(progress.shortName)" : g.progress(progress), cellWidth, .right, style)
        }
        header.space(1)
        header.cell(wide ? "Totalt" : "Tot", cellWidth, .right, Style(.tableHeader))
        model.append(Parts.heading("Intern kontroll: process × status"))
        model.append(header.line())
        func row(_ name: String, _ items: [Int], key: LineKey, process: Int?, emphasis: Bool) -> Line {
            var counts = ProgressCounts()
            let all = data.analysis.internalControlItems
            for index in items where all.indices.contains(index) { counts[data.controlProgress[index]] += 1 }
            var builder = LineBuilder()
            builder.space(1)
            builder.cell(name, processWidth, .left, emphasis ? Style(.emphasis) : .normal)
            for progress in columns {
                builder.space(1)
                let count = counts[progress]
                var style = Style(count == 0 ? .muted : progress.role)
                if progress == filter { style = style.adding(.underline) }
                builder.cell(count == 0 ? "·" : String(count), cellWidth, .right, style)
            }
            builder.space(1)
            builder.cell(String(counts.total), cellWidth, .right, emphasis ? Style(.emphasis) : .normal)
            return builder.line(key: key, action: .open(Jump(view: .controlItems(process: process), filter: context.filter)))
        }
        for (index, process) in data.processes.enumerated() {
            model.append(row(process, data.itemsByProcess[index], key: .process(index), process: index, emphasis: false))
        }
        model.append(row("Totalt", Array(data.analysis.internalControlItems.indices), key: .process(nil), process: nil, emphasis: true))
        model.append(.text("Enter visar åtgärderna i raden\(filter.map { " med status ”\($0.swedishName)”" } ?? ""); f väljer status.", .muted, indent: 1))

        let all = data.analysis.internalControlItems
        for kind in InternalControlKind.allCases {
            var items: [Int] = []
            var total = 0
            for index in all.indices where all[index].kind == kind {
                total += 1
                if filter == nil || data.controlProgress[index] == filter { items.append(index) }
            }
            model.blank()
            model.append(Parts.heading("\(kind.swedishName) (\(filter == nil ? "\(total)" : "\(items.count) av \(total)"))"))
            if items.isEmpty { model.append(.text("Inga.", .muted, indent: 2)) }
            model.append(ControlItemsScreen.lazyItems(items, context: context))
        }
        return model
    }
}

/// The items of one cell of the matrix (a process, filtered by status).
enum ControlItemsScreen {
    static func build(_ process: Int?, _ context: BuildContext) -> ViewModel {
        let data = context.data
        let filter = FilterOptions.controlProgress(context.filter, data: data)
        var model = ViewModel()
        let indices = process.flatMap { data.itemsByProcess.indices.contains($0) ? data.itemsByProcess[$0] : nil }
            ?? Array(data.analysis.internalControlItems.indices)
        let name = process.flatMap { data.processes.indices.contains($0) ? data.processes[$0] : nil } ?? "Alla processer"
        model.append(contentsOf: Line.wrapped(name + (filter.map { " · \($0.swedishName)" } ?? ""), width: context.width, indent: 1, .title))
        model.blank()
        let all = data.analysis.internalControlItems
        let shown = indices.filter { index in all.indices.contains(index) && (filter == nil || data.controlProgress[index] == filter) }
        if shown.isEmpty { model.append(.text("Inga åtgärder\(filter.map { " med status ”\($0.swedishName)”" } ?? "") (f byter status).", .muted, indent: 2)) }
        model.append(lazyItems(shown, context: context))
        return model
    }

    /// The items (indices into the report's items, ascending) as lazy items: each built when shown.
    static func lazyItems(_ indices: [Int], context: BuildContext) -> LazyItems {
        let data = context.data, width = context.width
        return LazyItems(
            count: indices.count, selectablePerItem: 1,
            height: { position in
                guard let item = data.controlItem(indices[position]) else { return 0 }
                return 2 + item.comment.reduce(0) { $0 + Line.wrappedCount($1, width: width - 1, indent: 4) }
            },
            selectable: { _ in [0] },
            build: { position in
                guard let item = data.controlItem(indices[position]) else { return [] }
                return Self.item(indices[position], item, context: context)
            },
            locate: { key in
                guard case .controlItem(let index) = key else { return nil }
                return indices.sortedPosition(of: index)
            })
    }

    /// An item's line (opening it) and its comment, wrapped.
    static func item(_ index: Int, _ item: InternalControlItem, context: BuildContext) -> [Line] {
        let progress = item.progress
        var builder = LineBuilder()
        builder.space(2)
        builder.text(context.glyphs.progress(progress) + " ", Style(progress.role))
        builder.cell(item.title, max(4, context.width - builder.width - 1), .left, Style(.emphasis))
        var result = [builder.line(key: .controlItem(index), action: .open(Jump(view: .controlItem(index))))]
        result.append(.text("\(item.status) · \(item.process)", .muted, indent: 4))
        for paragraph in item.comment {
            result += Line.wrapped(paragraph, width: context.width - 1, indent: 4)
        }
        return result
    }
}

/// One internal-control item with all its details.
enum ControlItemScreen {
    static func build(_ index: Int, _ context: BuildContext) -> ViewModel {
        let g = context.glyphs, width = context.width
        var model = ViewModel()
        guard let item = context.data.controlItem(index) else {
            model.emptyText = "Åtgärden finns inte i rapporten."
            return model
        }
        model.append(contentsOf: Line.wrapped(item.title, width: width, indent: 1, .title))
        model.append(.text(item.kind.swedishName, .muted, indent: 1))
        model.blank()
        let labelWidth = 16
        var status = LineBuilder()
        status.space(1)
        status.cell("Status", labelWidth, .left, .emphasis)
        status.space(1)
        status.text("\(g.progress(item.progress)) \(item.status)", Style(item.progress.role))
        model.append(status.line())
        model.append(contentsOf: Line.labelled("Process", item.process, width: width, labelWidth: labelWidth))
        for detail in item.details {
            model.append(contentsOf: Line.labelled(detail.label, detail.text, width: width, labelWidth: labelWidth))
        }
        model.blank()
        model.append(Parts.heading("Kommentar"))
        if item.comment.isEmpty { model.append(.text("Ingen kommentar.", .muted, indent: 2)) }
        for paragraph in item.comment {
            model.append(contentsOf: Line.wrapped(paragraph, width: width - 1, indent: 2))
            model.append(.blank)
        }
        model.trimTrailingBlanks()
        return model
    }
}
