import Foundation
import Testing

/// `malkoll [browse] --archive A` as a user runs it (headless, `--keys … --dump`): the archive
/// home with several reports, the only report directly with one. Temporary archives only.
@Suite struct ArchiveBrowseEndToEndTests {
    let folder = NSTemporaryDirectory() + "malkoll-archive-browse-\(UUID().uuidString)"
    var archive: String { folder + "/arkiv.sqlite" }
    let bundled = MalkollBinary.repositoryRoot.appendingPathComponent("data/huddinge-kommunstyrelsen-2021-08.json").path

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// The bundled report under another board's name, labelled generated.
    func variant(board: String) throws -> String {
        let text = try String(contentsOfFile: bundled, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "\"board\": \"Kommunstyrelsen\"", with: "\"board\": \"\(board) (genererad testdata)\"")
        #expect(changed != text)
        let path = folder + "/\(UUID().uuidString).json"
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func malkoll(_ arguments: [String]) throws -> MalkollBinary.Result {
        try MalkollBinary.run(arguments, environment: MalkollBinary.isolatedArchiveEnvironment)
    }

    func dump(_ keys: String, size: String = "80x24") throws -> [String] {
        let result = try malkoll(["--archive", archive, "--keys", keys, "--size", size, "--dump"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.components(separatedBy: "\n")
    }

    @Test func severalReportsShowTheHomeAndEnterOpensTheSelectedReport() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let add = try malkoll(["archive", "add", "--archive", archive, bundled, try variant(board: "Socialnämnden")])
        #expect(add.status == 0, "\(add.stderr)")
        let home = try dump("")
        #expect(home.first == " Malkoll · Arkiv · 2 rapporter · 2 nämnder · 1 period")
        #expect(home.contains { $0.hasPrefix(" Kommunstyrelsen ") })
        #expect(home.contains { $0.hasPrefix(" Socialnä") && $0.contains("(genererad testdata)") })
        // The second board's report: Enter opens it in the ordinary browser.
        let opened = try dump("j<Enter>")
        // The title bar may cut the name before the status basis; the overview names it whole.
        #expect(opened.first?.hasPrefix(" Malkoll · Huddinge kommun – Socialnämnden") == true)
        #expect(opened.contains { $0.contains("Huddinge kommun – Socialnämnden (genererad testdata)") })
        #expect(opened.contains { $0.hasPrefix(" 1 Översikt") })
        // And the home is one key away from it, with the open report named.
        let again = try dump("j<Enter>a")
        #expect(again.first?.hasPrefix(" Malkoll · Arkiv") == true)
        #expect(again.contains { $0.contains("öppen: Huddinge kommun – Socialnämnden") })
        // Förändringar: nothing earlier of that board.
        #expect(try dump("j<Enter>d").contains { $0.contains("Det finns ingen tidigare rapport") })
        // The same screens as `malkoll browse FILE` once open.
        let file = try malkoll(["browse", bundled, "--keys", "2jj", "--dump"])
        #expect(try dump("<Enter>2jj").joined(separator: "\n") == file.stdout)
    }

    @Test func oneReportOpensDirectlyWithTheHomeOneKeyAway() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try malkoll(["archive", "add", "--archive", archive, bundled]).status == 0)
        let direct = try dump("")
        #expect(direct.first?.hasPrefix(" Malkoll ") == true)
        #expect(direct.contains { $0.contains("Huddinge kommun – Kommunstyrelsen") })
        let home = try dump("a")
        #expect(home.first == " Malkoll · Arkiv · 1 rapport · 1 nämnd · 1 period")
        #expect(home.contains { $0.hasPrefix(" Kommunstyrelsen ") && $0.contains("[") })
        // Back to the report with Esc; q there quits.
        let back = try dump("a<Esc>")
        #expect(back == direct)
    }
}
