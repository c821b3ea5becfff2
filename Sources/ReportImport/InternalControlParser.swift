import Foundation
import ReportCore

/// Plan för intern kontroll: the introduction, riskreducerande åtgärder, åtgärder utifrån
/// revision, systematiska kontroller.
struct InternalControlParser {
    let lines: [Line]
    let log: DiagnosticLog
    /// The text has (almost) no blank lines: items are told apart by sentence ends, short
    /// label lines and the words that start the other items (README, "When blank lines are lost").
    let blankLinesAreLost: Bool
    private(set) var introductionLines: [Paragraph] = []

    init(lines: [Line], log: DiagnosticLog, blankLinesAreLost: Bool = false) {
        self.lines = lines
        self.log = log
        self.blankLinesAreLost = blankLinesAreLost
    }

    /// Repeated column headers (at page breaks) and list captions, read as blank lines.
    static func isColumnHeader(_ text: String) -> Bool {
        text.hasPrefix("Mål / process") || text.hasPrefix("Revision/Granskning") || text == "Åtgärdslista"
    }

    enum Kind { case risk, audit, systematic }

    mutating func parse(heading: String, content: Range<Int>) -> InternalControl {
        var starts: [(kind: Kind, index: Int, bodyStart: Int)] = []
        var index = content.lowerBound
        while index < content.upperBound {
            let text = lines[index].trimmed
            if text == "Riskreducerande åtgärder" {
                starts.append((.risk, index, index + 1))
            } else if text.hasPrefix("Åtgärder utifrån") {
                // The heading wraps (`… revision eller annan` / `extern granskning`): its body
                // starts after the next blank line, or without blank lines after the lines that
                // go on in lower case.
                var body = index + 1
                if blankLinesAreLost {
                    while body < content.upperBound, body - index <= 2, lines[body].trimmed.first?.isLowercase == true { body += 1 }
                } else {
                    while body < content.upperBound, !lines[body].isBlank { body += 1 }
                }
                starts.append((.audit, index, body))
            } else if text == "Systematiska kontroller" {
                starts.append((.systematic, index, index + 1))
            }
            index += 1
        }
        let introEnd = starts.first?.index ?? content.upperBound
        let introBlocks = HeadedText.paragraphs(Array(lines[content.lowerBound ..< introEnd]), blankLinesAreLost: blankLinesAreLost)
        introductionLines = introBlocks
        let introduction = TextSection(id: Words.slug(heading), heading: heading, paragraphs: introBlocks.map(\.text))

        var risks: [RiskReduction] = []
        var audits: [AuditAction] = []
        var controls: [SystematicControl] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].index : content.upperBound
            // An audit heading's body runs to a blank line, which may come after the next part starts.
            let body = cleaned(start.bodyStart ..< max(start.bodyStart, end))
            switch start.kind {
            case .risk: risks += riskReductions(body)
            case .audit: audits += auditActions(body)
            case .systematic: controls += systematicControls(body)
            }
        }
        for kind in ["Riskreducerande åtgärder", "Åtgärder utifrån revision", "Systematiska kontroller"] where !starts.contains(where: {
            switch $0.kind {
            case .risk: kind.hasPrefix("Risk")
            case .audit: kind.hasPrefix("Åtgärder")
            case .systematic: kind.hasPrefix("Systematiska")
            }
        }) {
            log.info([lines[content.lowerBound - 1].number], "no \"\(kind)\" in Plan för intern kontroll; the report has none")
        }
        return InternalControl(introduction: introduction, riskReductions: risks, auditActions: audits, systematicControls: controls)
    }

    /// The lines of a range, column headers turned into blank lines.
    private func cleaned(_ range: Range<Int>) -> [Line] {
        lines[range].map { Self.isColumnHeader($0.trimmed) ? Line(number: $0.number, text: "") : $0 }
    }

    private func anchors(_ body: [Line], _ text: String) -> [Int] {
        body.indices.filter { body[$0].trimmed == text }
    }

    /// The status after `from` (first non-blank line), and the index after it.
    private func status(in body: [Line], from: Int, until end: Int) -> (String, Int) {
        var k = from
        while k < end, body[k].isBlank { k += 1 }
        guard k < end, let leading = Words.leadingStatus(body[k].text) else {
            log.warning(k < end ? [body[k].number] : [], "expected a printed status (\(Words.progressStatuses.joined(separator: ", "))); status left empty")
            return ("", k)
        }
        if !leading.rest.isEmpty {
            log.warning([body[k].number], "text after the status \"\(leading.status)\" on the same line: \"\(leading.rest)\"; ignored")
        }
        return (leading.status, k + 1)
    }

    /// Splits `Informationsteknologisäkerhet Risk vid insamling` at the first capitalised word
    /// after the first word: the process column printed on the same line as the next column.
    private func splitLeadingLabel(_ text: String) -> (label: String, rest: String)? {
        let words = text.trimmedWhitespace.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for k in words.indices.dropFirst() where words[k].first?.isUppercase == true && (k == 1 || words[k - 1].first?.isLowercase == true) {
            return (words[..<k].joined(separator: " "), words[k...].joined(separator: " "))
        }
        return nil
    }

    // MARK: - Riskreducerande åtgärder

    /// Splits lines after each one that ends with a full stop when the next starts with an
    /// upper-case letter.
    static func sentenceBlocks(_ lines: [Line]) -> [[Line]] {
        var result: [[Line]] = [[]]
        for (k, line) in lines.enumerated() {
            result[result.count - 1].append(line)
            if line.trimmed.hasSuffix("."), k + 1 < lines.count, lines[k + 1].trimmed.first?.isUppercase == true {
                result.append([])
            }
        }
        return result.filter { !$0.isEmpty }
    }

    private func riskReductions(_ body: [Line]) -> [RiskReduction] {
        let statusAnchors = anchors(body, "Status")
        var result: [RiskReduction] = []
        var scanStart = 0
        var pendingItem: (process: String, risk: String, action: String, status: String, lines: [Int])?
        for (position, anchor) in statusAnchors.enumerated() {
            var blocks = TextJoin.blocks(Array(body[scanStart ..< anchor]))
            if blocks.count < (pendingItem == nil ? 2 : 3), let last = blocks.last {
                // No blank lines: the risk and the åtgärd (and the comment above) end with a
                // full stop at the end of a line, and the next one starts with a capital.
                blocks = blocks.dropLast() + Self.sentenceBlocks(last)
            }
            let leading = Array(blocks.suffix(2))
            let before = blocks.dropLast(2)
            if let item = pendingItem {
                let commentLines = Array(before.joined())
                result.append(RiskReduction(process: item.process, risk: item.risk, action: item.action, status: item.status,
                                            comment: TextJoin.cellParagraphs(commentLines)))
            } else if !before.isEmpty {
                log.warning(before.joined().map(\.number), "text before the first riskreducerande åtgärd; not imported")
            }
            guard leading.count == 2 else {
                log.warning([body[anchor].number], "a riskreducerande åtgärd needs process/risk and åtgärd before \"Status\"; found \(leading.count) block(s); skipped")
                pendingItem = nil
                scanStart = anchor + 1
                continue
            }
            let first = TextJoin.join(leading[0])
            var process = ""
            var risk = first
            if let split = splitLeadingLabel(first) {
                process = split.label
                risk = split.rest
            } else {
                log.warning(leading[0].map(\.number), "the process of a riskreducerande åtgärd cannot be told from its risk; process left empty")
            }
            let action = TextJoin.join(leading[1])
            let (status, after) = self.status(in: body, from: anchor + 1, until: statusAnchors.indices.contains(position + 1) ? statusAnchors[position + 1] : body.count)
            var commentStart = after
            while commentStart < body.count, body[commentStart].isBlank { commentStart += 1 }
            if commentStart < body.count, body[commentStart].trimmed == "Kommentar" { commentStart += 1 }
            pendingItem = (process, risk, action, status, leading[0].map(\.number))
            scanStart = commentStart
        }
        if let item = pendingItem {
            let commentLines = Array(body[scanStart...])
            result.append(RiskReduction(process: item.process, risk: item.risk, action: item.action, status: item.status,
                                        comment: TextJoin.cellParagraphs(commentLines)))
        }
        return result
    }

    // MARK: - Åtgärder utifrån revision

    private func auditActions(_ body: [Line]) -> [AuditAction] {
        let numberAnchors = anchors(body, "Diarienummer")
        var result: [AuditAction] = []
        var scanStart = 0
        var pending: AuditAction?
        for (position, anchor) in numberAnchors.enumerated() {
            var blocks = TextJoin.blocks(Array(body[scanStart ..< anchor]))
            if blankLinesAreLost, let last = blocks.last {
                // The review's title is the last piece before Diarienummer; the previous
                // åtgärd's comment ends with a full stop above it.
                blocks = blocks.dropLast() + Self.sentenceBlocks(last)
            }
            guard let reviewBlock = blocks.last else {
                log.warning([body[anchor].number], "\"Diarienummer\" without a Revision/Granskning above it; skipped")
                continue
            }
            let commentBlocks = blocks.dropLast()
            if var item = pending {
                item.comment = TextJoin.cellParagraphs(Array(commentBlocks.joined()))
                result.append(item)
            } else if !commentBlocks.isEmpty {
                log.warning(commentBlocks.joined().map(\.number), "text before the first åtgärd utifrån revision; not imported")
            }
            let end = position + 1 < numberAnchors.count ? numberAnchors[position + 1] : body.count
            var k = anchor + 1
            while k < end, body[k].isBlank { k += 1 }
            let registration = k < end ? body[k].trimmed : ""
            k = min(k + 1, end)
            guard let statusAnchor = (k ..< end).first(where: { body[$0].trimmed == "Status" }) else {
                log.warning([body[anchor].number], "an åtgärd utifrån revision without \"Status\"; skipped")
                pending = nil
                scanStart = end
                continue
            }
            var middle = TextJoin.blocks(Array(body[k ..< statusAnchor]))
            if blankLinesAreLost, middle.count == 1 {
                // Background and riskåtgärd each end with a full stop at the end of a line.
                middle = Self.sentenceBlocks(middle[0])
            }
            var background = ""
            var action = ""
            if middle.count == 2 {
                background = TextJoin.join(middle[0])
                action = TextJoin.join(middle[1])
            } else if middle.count > 2 {
                background = TextJoin.join(Array(middle.dropLast().joined()))
                action = TextJoin.join(middle.last!)
                log.warning(middle.joined().map(\.number), "\(middle.count) blocks between Diarienummer and Status; all but the last are read as the background")
            } else {
                action = middle.first.map { TextJoin.join($0) } ?? ""
                log.warning([body[anchor].number], "no separate background and riskåtgärd between Diarienummer and Status; read as the riskåtgärd")
            }
            let (status, after) = self.status(in: body, from: statusAnchor + 1, until: end)
            var commentStart = after
            while commentStart < end, body[commentStart].isBlank { commentStart += 1 }
            if commentStart < end, body[commentStart].trimmed == "Kommentar" { commentStart += 1 }
            pending = AuditAction(review: TextJoin.join(reviewBlock), registrationNumber: registration, background: background, action: action,
                                  status: status, comment: [])
            scanStart = commentStart
        }
        if var item = pending {
            item.comment = TextJoin.cellParagraphs(Array(body[scanStart...]))
            result.append(item)
        }
        return result
    }

    // MARK: - Systematiska kontroller

    private struct ControlDraft {
        var control: String
        var rationale: String
        var status: String
        var comment: [String]
        var lines: [Int]
        /// Lowercased text for matching process labels.
        var words: String
    }

    private enum LabelPlace {
        /// Printed between control `k` and `k + 1`.
        case between(Int)
        /// Printed on the first line of control `k`.
        case inline(Int)

        var position: Double {
            switch self {
            case .between(let k): Double(k) + 0.5
            case .inline(let k): Double(k)
            }
        }
        var forced: ClosedRange<Int> {
            switch self {
            case .between(let k): k ... k + 1
            case .inline(let k): k ... k
            }
        }
    }

    /// What the text before a control holds: the previous control's comment, process labels
    /// and the control itself (the text after the last control has no control).
    private struct GapReading {
        var comment: [Line] = []
        var labels: [Line] = []
        var control: [Line] = []
        var found = Found.byCue

        /// How the control's start was found.
        enum Found {
            /// A blank line, a column header, a sentence end or a process label above it.
            case byCue
            /// Its first word, which starts other controls (a guess, warned).
            case byOpener
            /// No cue: the last block is read as the control (warned).
            case byFallback
        }
    }

    /// Reading with blank lines: blocks are separated by them; the first block after a status
    /// is the comment's start, a later one-line heading-like block is a process label, the
    /// last block the next control.
    private func spacedReading(_ gap: [Line], isFirst: Bool, isRest: Bool) -> GapReading {
        let blocks = TextJoin.blocks(gap)
        var reading = GapReading()
        if !isRest { reading.control = blocks.last ?? [] }
        let between = isRest ? blocks : Array(blocks.dropLast())
        for (k, block) in between.enumerated() {
            if k > 0 || isFirst, block.count == 1, Words.looksLikeHeading(block[0].text, maxWords: 4) {
                reading.labels.append(block[0])
            } else if isFirst {
                log.warning(block.map(\.number), "text before the first systematic control; not imported")
            } else {
                reading.comment += block + [Line(number: block[block.count - 1].number, text: "")]
            }
        }
        return reading
    }

    /// Reading without blank lines: the next control starts at the last line that opens with a
    /// capital letter after a sentence end, a blank line or a process label, or with a word that
    /// starts other controls (`openers`); at most six lines. A label is a short heading-like line
    /// after a sentence end. The line right after a status is always the comment's.
    private func lostReading(_ gap: [Line], isFirst: Bool, isRest: Bool, openers: Set<String>) -> GapReading {
        var reading = GapReading()
        guard let firstContent = gap.firstIndex(where: { !$0.isBlank }) else { return reading }
        func isLabel(_ j: Int) -> Bool {
            guard j >= firstContent, isFirst || j > firstContent, !gap[j].isBlank,
                  Words.looksLikeHeading(gap[j].text, maxWords: 4) else { return false }
            return j == firstContent || gap[j - 1].isBlank || Words.endsSentence(gap[j - 1].trimmed)
        }
        func opens(_ line: Line) -> Bool {
            let first = line.trimmed.split(separator: " ").first.map(String.init) ?? ""
            if openers.contains(first) { return true }
            guard let split = splitLeadingLabel(line.trimmed) else { return false }
            return openers.contains(split.rest.split(separator: " ").first.map(String.init) ?? "")
        }
        let lastContent = gap.lastIndex { !$0.isBlank } ?? firstContent
        if isRest {
            if lastContent > firstContent, isLabel(lastContent) {
                reading.labels = [gap[lastContent]]
                reading.comment = Array(gap[..<lastContent])
            } else {
                reading.comment = gap
            }
            return reading
        }
        var start: Int?
        var found = GapReading.Found.byCue
        for j in stride(from: lastContent, through: firstContent, by: -1) where !gap[j].isBlank {
            guard gap[j...].filter({ !$0.isBlank }).count <= 6 else { break }
            guard gap[j].trimmed.first?.isUppercase == true, isFirst || j > firstContent else { continue }
            if (isFirst && j == firstContent) || gap[j - 1].isBlank || Words.endsSentence(gap[j - 1].trimmed) || isLabel(j - 1) {
                start = j
                break
            }
            if opens(gap[j]) {
                start = j
                found = .byOpener
                break
            }
        }
        guard let start else {
            // No cue: the last block is the control, as with blank lines.
            var fallback = spacedReading(gap, isFirst: isFirst, isRest: false)
            fallback.found = .byFallback
            return fallback
        }
        var m = start - 1
        while m >= 0, gap[m].isBlank || isLabel(m) {
            if !gap[m].isBlank { reading.labels.insert(gap[m], at: 0) }
            m -= 1
        }
        let before = m >= 0 ? Array(gap[...m]) : []
        if isFirst {
            let stray = before.filter { !$0.isBlank }
            if !stray.isEmpty { log.warning(stray.map(\.number), "text before the first systematic control; not imported") }
        } else {
            reading.comment = before
        }
        reading.control = gap[start...].filter { !$0.isBlank }
        reading.found = found
        return reading
    }

    private mutating func systematicControls(_ body: [Line]) -> [SystematicControl] {
        let whyAnchors = anchors(body, "Varför görs kontrollen?")
        guard !whyAnchors.isEmpty else {
            let text = body.filter { !$0.isBlank }
            if !text.isEmpty {
                log.warning(text.map(\.number), "no \"Varför görs kontrollen?\" under Systematiska kontroller, so no control can be read; the part's text is not imported")
            }
            return []
        }
        // The rationale and status after every anchor; the gaps around them hold the rest.
        var gaps: [[Line]] = []
        var rationales: [[Line]] = []
        var statuses: [String] = []
        var scanStart = 0
        for (position, anchor) in whyAnchors.enumerated() {
            gaps.append(Array(body[scanStart ..< anchor]))
            let end = position + 1 < whyAnchors.count ? whyAnchors[position + 1] : body.count
            var k = anchor + 1
            // A page break right after the question leaves a blank line before the rationale.
            var firstText = k
            while firstText < end, body[firstText].isBlank { firstText += 1 }
            if firstText < end, Words.leadingStatus(body[firstText].text) == nil { k = firstText }
            var rationaleLines: [Line] = []
            while k < end, !body[k].isBlank, Words.leadingStatus(body[k].text) == nil {
                rationaleLines.append(body[k])
                k += 1
            }
            let (status, after) = self.status(in: body, from: k, until: end)
            rationales.append(rationaleLines)
            statuses.append(status)
            scanStart = after
        }
        gaps.append(Array(body[scanStart...]))
        var readings: [GapReading]
        if blankLinesAreLost {
            // Two passes: the words that start controls found by other cues help find the
            // controls that follow a comment without a full stop.
            let firstPass = gaps.indices.dropLast().map { lostReading(gaps[$0], isFirst: $0 == 0, isRest: false, openers: []) }
            let openers = Set(firstPass.filter { $0.found == .byCue }.compactMap { $0.control.first?.trimmed.split(separator: " ").first.map(String.init) })
            readings = gaps.indices.map { lostReading(gaps[$0], isFirst: $0 == 0, isRest: $0 == whyAnchors.count, openers: openers) }
            let guessed = readings.filter { $0.found != .byCue }
            for reading in guessed where !reading.control.isEmpty {
                log.warning(reading.control.map(\.number), reading.found == .byOpener
                    ? "without blank lines, the systematic control \"\(TextJoin.join(reading.control).prefix(40))…\" is told from the comment above it by its first word, which starts other controls"
                    : "without blank lines, the systematic control \"\(TextJoin.join(reading.control).prefix(40))…\" cannot be told from the comment above it; the last block is read as the control")
            }
            log.info([], "without blank lines, \(readings.count - 1 - guessed.count) of \(readings.count - 1) systematic controls are told from the comment above them by a sentence end, a column header or a process label")
        } else {
            readings = gaps.indices.map { spacedReading(gaps[$0], isFirst: $0 == 0, isRest: $0 == whyAnchors.count) }
        }

        var drafts: [ControlDraft] = []
        var labels: [(name: String, line: Int, place: LabelPlace)] = []
        var firstWords: [String] = []
        func finishComment(_ reading: GapReading) {
            guard !drafts.isEmpty else { return }
            drafts[drafts.count - 1].comment = TextJoin.cellParagraphs(reading.comment)
            drafts[drafts.count - 1].words += " " + drafts[drafts.count - 1].comment.joined(separator: " ").lowercased()
        }
        for (position, anchor) in whyAnchors.enumerated() {
            let reading = readings[position]
            guard !reading.control.isEmpty else {
                log.warning([body[anchor].number], "\"Varför görs kontrollen?\" without a control above it; skipped")
                continue
            }
            finishComment(reading)
            let place: LabelPlace = drafts.isEmpty ? .inline(0) : .between(drafts.count - 1)
            labels += reading.labels.map { ($0.trimmed, $0.number, place) }
            let control = TextJoin.join(reading.control)
            let rationale = TextJoin.join(rationales[position])
            firstWords.append(control.split(separator: " ").first.map(String.init) ?? "")
            drafts.append(ControlDraft(control: control, rationale: rationale, status: statuses[position], comment: [],
                                       lines: reading.control.map(\.number), words: (control + " " + rationale).lowercased()))
        }
        if !drafts.isEmpty, let rest = readings.last {
            finishComment(rest)
            labels += rest.labels.map { ($0.trimmed, $0.number, .inline(drafts.count - 1)) }
        }
        // Labels printed on a control's first line (`Personaladministrativa rutiner Kontroll av …`).
        for (k, draft) in drafts.enumerated() {
            guard let split = splitLeadingLabel(draft.control) else { continue }
            let restFirst = split.rest.split(separator: " ").first.map(String.init) ?? ""
            let othersStartSo = firstWords.enumerated().contains { $0.offset != k && $0.element == restFirst }
            guard othersStartSo else { continue }
            drafts[k].control = split.rest
            labels.append((split.label, draft.lines[0], .inline(k)))
            log.info([draft.lines[0]], "\"\(split.label)\" printed on the first line of the control \"\(split.rest.prefix(40))…\" is read as its process")
        }
        labels.sort { $0.place.position < $1.place.position }
        let processes = assignProcesses(drafts: drafts, labels: labels)
        return drafts.enumerated().map { k, draft in
            SystematicControl(process: processes[k].process, control: draft.control, rationale: draft.rationale, status: draft.status,
                              comment: draft.comment, note: processes[k].note)
        }
    }

    /// How strongly a control's words recall a process label: the length of the longest start
    /// (5 letters or more) of the label's first word found in the control's text.
    private static func affinity(_ words: String, _ label: String) -> Int {
        let stem = label.split(separator: " ").first.map { $0.lowercased() } ?? ""
        var length = stem.count
        while length >= 5 {
            if words.hasBytes(String(stem.prefix(length))) { return length }
            length -= 1
        }
        return 0
    }

    /// Chooses the most plausible process for every control: groups are contiguous, every label
    /// belongs to the controls printed next to it; the free controls between two labels go to
    /// the label whose words they share most, then to the reading that centres each label in
    /// its group.
    private func assignProcesses(drafts: [ControlDraft], labels: [(name: String, line: Int, place: LabelPlace)]) -> [(process: String, note: String?)] {
        guard !drafts.isEmpty else { return [] }
        guard !labels.isEmpty else {
            log.warning(drafts.map { $0.lines[0] }, "no process labels among the systematic controls; process left empty")
            return drafts.map { _ in ("", nil) }
        }
        let n = drafts.count
        // How many letters of each label's first word each control's text shares, once.
        let affinities: [[Int]] = drafts.map { draft in labels.map { Self.affinity(draft.words, $0.name) } }
        // Boundaries: for the gap between label j and j+1, the last control of group j.
        var options: [[Int]] = []
        for j in 0 ..< labels.count - 1 {
            let low = labels[j].place.forced.upperBound
            let high = labels[j + 1].place.forced.lowerBound - 1
            options.append(low <= high ? Array(low ... high) : [high])
        }
        var best: (score: Double, bounds: [Int])?
        var alternatives = 0
        func evaluate(_ bounds: [Int]) {
            var score = 0.0
            var start = 0
            for j in labels.indices {
                let end = j < bounds.count ? bounds[j] : n - 1
                guard start <= end else { score -= 1000; start = end + 1; continue }
                for k in start ... end { score += Double(affinities[k][j]) }
                let centre = Double(start + end) / 2
                let offset = labels[j].place.position - centre
                score -= 0.01 * offset * offset
                start = end + 1
            }
            alternatives += 1
            if best == nil || score > best!.score { best = (score, bounds) }
        }
        func enumerate(_ j: Int, _ bounds: [Int]) {
            if j == options.count { evaluate(bounds); return }
            for option in options[j] where bounds.last.map({ option >= $0 }) ?? true { enumerate(j + 1, bounds + [option]) }
        }
        enumerate(0, [])
        let bounds = best?.bounds ?? []
        var result: [(process: String, note: String?)] = []
        var start = 0
        for j in labels.indices {
            let end = j < bounds.count ? bounds[j] : n - 1
            guard start <= end else { continue }
            let label = labels[j]
            let members = Array(start ... end)
            let floating: Bool
            switch label.place {
            case .between: floating = true
            case .inline(let k): floating = members != [k]
            }
            let forced = label.place.forced
            for k in members {
                var note: String?
                if case .between(let g) = label.place, forced.contains(k) {
                    note = "Processrubriken \"\(label.name)\" står i textversionen mellan kontrollerna \(g + 1) och \(g + 2); kontrollen är förd till den processen som den mest sannolika läsningen."
                } else if !forced.contains(k) {
                    note = "Står utan egen processrubrik; förd till \(label.name) som den mest sannolika läsningen (sammanhängande grupper kring rubrikerna, ord som kontrollen delar med rubriken)."
                }
                result.append((label.name, note))
            }
            if floating || members.count > forced.count {
                let controlLines = members.map { drafts[$0].lines[0] }
                log.warning([label.line] + controlLines, "the process label \"\(label.name)\" (line \(label.line)) floats between the systematic controls; the controls starting at lines \(controlLines.map(String.init).joined(separator: ", ")) are read as \"\(label.name)\" (most plausible of \(alternatives) readings: contiguous groups around their labels, controls matched by words they share with the label)")
            }
            start = end + 1
        }
        while result.count < n { result.append(("", nil)) }
        return result
    }
}
