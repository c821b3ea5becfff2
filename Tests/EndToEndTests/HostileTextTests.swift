import Foundation
import Testing

/// Report text that tries to act on a terminal (escape sequences, C0/C1 controls, bidi
/// overrides, zero-width and combining characters, a 10,000-character name) must reach the
/// output of every text command inert, and tables must stay aligned.
@Suite struct HostileTextTests {
    /// Payloads put into every free-text field, in turn.
    static let payloads = [
        "\u{1B}[31mRÖD\u{1B}[0m", "\u{1B}]0;titel\u{07}", "\u{1B}]8;;http://x\u{1B}\\länk", "\u{9B}2J", "nul\u{0}bel\u{7}bs\u{8}del\u{7F}",
        "c1\u{85}\u{8D}\u{9C}", "\u{202E}bakåt\u{202C}", "\u{2066}isolat\u{2069}", "noll\u{200B}bredd\u{200D}x\u{FEFF}",
        "e\u{0301}\u{0308}\u{0323}å", "tab\there\r\nCRLF", "\u{1B}c\u{1B}[?1049h\u{1B}[?25l",
    ]
    /// Fields that hold text only (ids, enumerations and printed numbers are left alone).
    static let textFields: Set<String> = [
        "title", "name", "narrative", "comment", "paragraphs", "heading", "quote", "label", "process", "risk", "action", "review",
        "background", "rationale", "note", "notes", "municipality", "board", "period", "source", "location", "reason", "area",
        "assessment", "control", "rowHeader", "transcriptionNotes",
    ]

    /// The bundled report with a payload in every text field and one 10,000-character indicator name.
    static func hostileReport() throws -> URL {
        let bundled = MalkollBinary.repositoryRoot.appendingPathComponent("data/huddinge-kommunstyrelsen-2021-08.json")
        var counter = 0
        func poison(_ text: String) -> String {
            counter += 1
            return payloads[counter % payloads.count] + text + payloads[(counter + 5) % payloads.count]
        }
        func walk(_ value: Any, key: String?) -> Any {
            if var object = value as? [String: Any] {
                for (k, child) in object { object[k] = walk(child, key: k) }
                return object
            }
            if let array = value as? [Any] { return array.map { walk($0, key: key) } }
            if let text = value as? String, let key, textFields.contains(key) { return poison(text) }
            return value
        }
        var root = walk(try JSONSerialization.jsonObject(with: Data(contentsOf: bundled)), key: nil) as! [String: Any]
        // One very long name.
        var areas = root["goalAreas"] as! [[String: Any]]
        var councils = areas[0]["councilGoals"] as! [[String: Any]]
        var table = councils[0]["indicatorTable"] as! [String: Any]
        var indicators = table["indicators"] as! [[String: Any]]
        indicators[0]["name"] = String(repeating: "Lång\u{1B}[7m", count: 2000)
        table["indicators"] = indicators
        councils[0]["indicatorTable"] = table
        areas[0]["councilGoals"] = councils
        root["goalAreas"] = areas
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-hostile-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: root).write(to: url)
        return url
    }

    /// Scalars that must not come out of data: C0 controls except LF, DEL, C1, bidi controls.
    static func rawControls(in text: String) -> [String] {
        var found: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for scalar in line.unicodeScalars {
                let v = scalar.value
                if v < 0x20 || (0x7F ... 0x9F).contains(v) || (0x202A ... 0x202E).contains(v) || (0x2066 ... 0x2069).contains(v) {
                    found.append("line \(number + 1): U+\(String(v, radix: 16, uppercase: true))")
                    break
                }
            }
        }
        return found
    }

    @Test func textCommandsWriteNoControlCharactersFromData() throws {
        let file = try Self.hostileReport()
        defer { try? FileManager.default.removeItem(at: file) }
        var runs: [[String]] = [["summary", file.path], ["summary", "--format", "markdown", file.path], ["check", file.path]]
        for table in ["indicators", "assignments", "operations", "internal-control", "investments"] {
            runs.append(["export", "--table", table, "--format", "markdown", file.path])
        }
        for arguments in runs {
            let result = try MalkollBinary.run(arguments)
            #expect(result.status == 0 || (arguments[0] == "check" && result.status == 1), "\(arguments): exit \(result.status), \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(arguments): no output")
            let controls = Self.rawControls(in: result.stdout)
            #expect(controls.isEmpty, "\(arguments): raw control characters from data: \(controls.prefix(5))")
            if arguments.contains("markdown") {
                // Every row of a Markdown table has as many cell separators as its header.
                var expected: Int?
                for line in result.stdout.split(separator: "\n") {
                    guard line.hasPrefix("|") else { expected = nil; continue }
                    let separators = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
                    if let expected {
                        #expect(separators == expected, "\(arguments): misaligned row \(line.prefix(120))")
                    } else {
                        expected = separators
                    }
                }
            }
        }
    }

    @Test func headlessBrowserDumpHasNoControlCharactersAndFitsTheWidth() throws {
        let file = try Self.hostileReport()
        defer { try? FileManager.default.removeItem(at: file) }
        for keys in ["", "2<Enter>", "2<Enter>j<Enter>", "3", "3<Enter>", "6<Enter><Enter>", "7<Enter>", "8", "9", "9<Enter>", "/Lång<Enter>", "?"] {
            for size in ["80x24", "40x10", "200x50"] {
                let width = Int(size.split(separator: "x")[0])!
                let result = try MalkollBinary.run(["browse", file.path, "--keys", keys.isEmpty ? "<Esc>" : keys, "--size", size, "--dump"])
                #expect(result.status == 0, "\(keys) at \(size): \(result.stderr)")
                let controls = Self.rawControls(in: result.stdout)
                #expect(controls.isEmpty, "\(keys) at \(size): \(controls.prefix(5))")
                let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(lines.count == Int(size.split(separator: "x")[1])!, "\(keys) at \(size): \(lines.count) lines")
                for line in lines where line.count > width {
                    Issue.record("\(keys) at \(size): a line of \(line.count) characters: \(line.prefix(60))")
                }
            }
        }
    }
}
