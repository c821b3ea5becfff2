import ReportCore

/// Pieces several screens share.
enum Parts {
    /// "✓ 4  ↗ 1  ✗ 2  – 1": indicator counts by status, each in its colour.
    static func statusCounts(_ counts: StatusCounts, glyphs: Glyphs) -> [Span] {
        var builder = LineBuilder()
        for (index, status) in IndicatorStatus.allCases.enumerated() {
            if index > 0 { builder.space(2) }
            builder.text("\(glyphs.status(status)) \(counts[status])", Style(counts[status] == 0 ? .muted : status.role))
        }
        return builder.spans
    }

    static func progressCounts(_ counts: ProgressCounts, glyphs: Glyphs, includeOther: Bool) -> [Span] {
        var builder = LineBuilder()
        let kinds: [Progress] = includeOther || counts.other > 0 ? Progress.allCases : [.completed, .likelyCompleted, .notCompleted]
        for (index, progress) in kinds.enumerated() {
            if index > 0 { builder.space(2) }
            builder.text("\(glyphs.progress(progress)) \(counts[progress])", Style(counts[progress] == 0 ? .muted : progress.role))
        }
        return builder.spans
    }

    static func width(_ spans: [Span]) -> Int { spans.reduce(0) { $0 + $1.width } }

    /// A heading line in the title style.
    static func heading(_ text: String, indent: Int = 1) -> Line { .text(text, .title, indent: indent) }

    /// A table header row: labels fitted to the widths (zero-width columns skipped).
    static func headerRow(_ labels: [String], _ widths: [Int], _ alignments: [Alignment], indent: Int = 1, spacing: Int = 1) -> Line {
        var builder = LineBuilder()
        builder.space(indent)
        var first = true
        for (index, label) in labels.enumerated() where widths[index] > 0 {
            if !first { builder.space(spacing) }
            first = false
            builder.cell(label, widths[index], alignments[index], Style(.tableHeader))
        }
        return builder.line()
    }

    /// The status symbol and name, e.g. "✓ uppnås".
    static func status(_ status: IndicatorStatus, glyphs: Glyphs) -> (String, StyleRole) {
        ("\(glyphs.status(status)) \(status.swedishName)", status.role)
    }
}
