import Foundation

/// Damaged versions of a report's text for the importer: lines deleted, repeated, cut, swapped,
/// replaced by the template's own keywords (the lines the importer keys on), page furniture and
/// form feeds put anywhere, odd bytes. Each case starts from the text as it is or from the text
/// as `pdftotext` gives it from a PDF without blank lines or runs of spaces (`withoutBlankLines`),
/// so the readings of both are exercised. Case `n` of seed `s` is always the same text.
public struct TextMutator: Sendable {
    public struct Mutation: Sendable {
        public var text: String
        public var description: String
    }

    /// Lines the importer keys on; put in place of another line they make a structure the
    /// parsers must survive (an anchor without its item, a heading without its part …).
    public static let keywords = [
        "Sammanfattning", "Område Preliminär bedömning", "Målområde: Ekonomisk hållbarhet", "Kommunfullmäktigemål: Mål",
        "Nämndmål: Mål", "Indikatorer 2019 2020 2021 Etappmål Målvärde 2030", "Status Uppdrag Kommentar", "Blir klart i år",
        "Ekonomi", "Investeringar", "Helår Perioden jan-", "Verksamhet, tkr Budget Prognos Avvikelse Budget Utfall Avvikelse Utfall",
        "Plan för intern kontroll", "Riskreducerande åtgärder", "Mål / process Risk Riskåtgärd", "Status", "Kommentar",
        "Åtgärder utifrån rekommendation från revision eller annan", "Diarienummer", "Systematiska kontroller",
        "Mål / process Systematisk kontroll Status och kommentar", "Varför görs kontrollen?", "Upphandlingsprocessen",
        "Plan för uppföljning och insyn", "Kommunstyrelsen | 7", "\u{0C}", "", "   ",
    ]

    private let spaced: [String]
    private let lost: [String]

    public init(text: String) {
        spaced = Self.lines(text)
        lost = Self.lines(Self.withoutBlankLines(text))
    }

    /// What `sed -E 's/^ +//; s/ +$//; s/  +/ /g'` does to each line, then every empty line
    /// dropped: the text of a PDF whose paragraphs and cells are separated by space alone.
    public static func withoutBlankLines(_ text: String) -> String {
        collapsed(text).components(separatedBy: "\n").filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Each line without leading and trailing spaces, runs of spaces made one.
    public static func collapsed(_ text: String) -> String {
        text.components(separatedBy: "\n").map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }.joined(separator: "\n")
    }

    public func mutate(seed: UInt64, case index: Int) -> Mutation {
        var random = SeededRandom(seed: seed &* 0x2545_F491_4F6C_DD1D ^ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        _ = random.next()
        let withoutBlankLines = random.chance(50)
        var lines = withoutBlankLines ? lost : spaced
        var steps: [String] = [withoutBlankLines ? "text without blank lines" : "text as it is"]
        for _ in 0 ..< random.int(1 ... 12) where !lines.isEmpty {
            let at = random.int(0 ..< lines.count)
            switch random.int(0 ... 7) {
            case 0:
                let count = min(random.int(1 ... 40), lines.count - at)
                lines.removeSubrange(at ..< at + count)
                steps.append("deleted lines \(at + 1)–\(at + count)")
            case 1:
                let from = random.int(0 ..< lines.count)
                lines.insert(lines[from], at: at)
                steps.append("line \(from + 1) repeated before line \(at + 1)")
            case 2:
                let characters = Array(lines[at])
                lines[at] = String(characters.prefix(random.int(0 ... characters.count)))
                steps.append("line \(at + 1) cut")
            case 3:
                let other = random.int(0 ..< lines.count)
                lines.swapAt(at, other)
                steps.append("lines \(at + 1) and \(other + 1) swapped")
            case 4:
                let keyword = random.pick(Self.keywords)
                lines[at] = keyword
                steps.append("line \(at + 1) replaced by \(keyword.debugDescription)")
            case 5:
                let keyword = random.pick(Self.keywords)
                lines.insert(keyword, at: at)
                steps.append("\(keyword.debugDescription) inserted before line \(at + 1)")
            case 6:
                let odd = random.pick(["\u{0}", "\u{1B}[2J", "\u{FFFD}", "\t", "\u{7F}", "\u{202E}", "\r"])
                var characters = Array(lines[at])
                characters.insert(contentsOf: odd, at: random.int(0 ... characters.count))
                lines[at] = String(characters)
                steps.append("odd character \(odd.debugDescription) in line \(at + 1)")
            default:
                let count = random.int(1 ... 3)
                lines.insert(contentsOf: Array(repeating: "", count: count) + ["Kommunstyrelsen | \(random.int(1 ... 40))", ""], at: at)
                steps.append("a page break before line \(at + 1)")
            }
        }
        return Mutation(text: lines.joined(separator: "\n") + "\n", description: steps.joined(separator: "; "))
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
