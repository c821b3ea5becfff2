import ReportCore

/// Where an audit finding leads.
enum FindingJump {
    static func jump(for index: Int, data: BrowserData) -> Jump? {
        guard let finding = data.finding(index) else { return nil }
        switch finding.subject {
        case .tableCell(let tableId, let rowId, _):
            guard let ref = data.tableRef(id: tableId), let row = data.table(ref).rowIndex(id: rowId) else { return nil }
            return Jump(view: ref.section == .economy ? .economy : .investments, focus: .tableRow(ref, row))
        case .indicator(let id):
            guard let indicator = data.index.indicatorById[id] else { return nil }
            return Jump(view: .indicator(indicator))
        case .statement(let statementIndex):
            let statements = data.report.summary.statements
            guard statements.indices.contains(statementIndex) else { return nil }
            let quote = statements[statementIndex].quote.lowercased()
            var firstSummary: Int?
            for (t, document) in data.texts.enumerated() where document.group == "Sammanfattning" {
                if firstSummary == nil { firstSummary = t }
                var paragraph = 0
                var found: Int?
                func walk(_ section: TextSection) {
                    for text in section.paragraphs {
                        if found == nil, !quote.isEmpty, text.lowercased().contains(quote) { found = paragraph }
                        paragraph += 1
                    }
                    for sub in section.subsections ?? [] { walk(sub) }
                }
                walk(document.section)
                if let found { return Jump(view: .text(t), anchor: found, markAnchor: true) }
            }
            if let firstSummary { return Jump(view: .text(firstSummary)) }
            return Jump(view: .overview)
        }
    }
}
