import ReportCore

/// Granskning: the audit's findings; Enter jumps to what a finding concerns.
enum AuditScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        let data = context.data, g = context.glyphs
        let audit = data.analysis.audit
        let filter = FilterOptions.severity(context.filter)
        var model = ViewModel()
        model.emptyText = filter.map { "Inga fynd av slaget \($0.swedishName)." } ?? "Granskningen hittade inget att anmärka på."
        var summary = LineBuilder()
        summary.space(1)
        for (index, severity) in Severity.allCases.enumerated() {
            if index > 0 { summary.text(" · ", .muted) }
            let count = audit.findings.lazy.filter { $0.severity == severity }.count
            summary.text("\(g.severity(severity)) \(count) \(severity.swedishName)", Style(count == 0 ? .muted : severity.role))
        }
        let disagreeing = audit.statementChecks.filter { !$0.agrees }.count
        summary.text("   \(audit.statementChecks.count - disagreeing) av \(audit.statementChecks.count) egna uppgifter stämmer", .muted)
        model.header = [summary.line()]
        var matching: [Int] = []
        for index in audit.findings.indices where filter == nil || audit.findings[index].severity == filter { matching.append(index) }
        let shown = matching
        let width = context.width
        // One item per finding: its row and the message wrapped.
        func item(_ position: Int) -> [Line] {
            let index = shown[position]
            guard let finding = data.finding(index) else { return [] }
            var builder = LineBuilder()
            builder.space(1)
            builder.text("\(g.severity(finding.severity)) ", Style(finding.severity.role))
            builder.cell(finding.severity.swedishName, 8, .left, Style(finding.severity.role))
            builder.cell(g.path(finding.location), max(4, width - builder.width - 1), .left, Style(.emphasis))
            return [builder.line(key: .finding(index), action: .finding(index))] + Line.wrapped(finding.message, width: width - 1, indent: 4)
        }
        for position in 0..<shown.count { model.append(contentsOf: item(position)) }
        return model
    }
}
