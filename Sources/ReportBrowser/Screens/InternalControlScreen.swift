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
            for index in items where all.indices.contains(index) { counts[data.index.controlProgress[index]] += 1 }
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
            model.append(row(process, data.index.itemsByProcess[index], key: .process(index), process: index, emphasis: false))
        }
        model.append(row("Totalt", Array(data.analysis.internalControlItems.indices), key: .process(nil), process: nil, emphasis: true))
        model.append(.text("Enter visar åtgärderna i raden\(filter.map { " med status ”\($0.swedishName)”" } ?? ""); f väljer status.", .muted, indent: 1))

        let all = data.analysis.internalControlItems
        for kind in InternalControlKind.allCases {
            var items: [Int] = []
            var total = 0
            for index in all.indices where all[index].kind == kind {
                total += 1
                if filter == nil || data.index.controlProgress[index] == filter { items.append(index) }
            }
            model.blank()
            model.append(Parts.heading("\(kind.swedishName) (\(filter == nil ? "\(total)" : "\(items.count) av \(total)"))"))
            if items.isEmpty { model.append(.text("Inga.", .muted, indent: 2)) }
            model.append(contentsOf: ControlItemsScreen.items(items, context: context))
        }
        return model
    }
}
