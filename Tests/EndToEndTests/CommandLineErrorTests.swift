import Foundation
import Testing

/// Command-line mistakes as a user makes them: one line on stderr, exit 2, in Malkoll's words
/// (issue 10.17).
@Suite struct CommandLineErrorTests {
    @Test(arguments: [
        ["summary", "--colour"], ["export", "--table", "budget"], ["export"], ["check", "--format", "xml"],
        ["--bogus"], ["export", "--table", "covid", "--format", "pdf"], ["summary", "a.json", "b.json"],
    ])
    func anArgumentErrorIsOneLineNamingTheMistakeAndTheHelp(_ arguments: [String]) throws {
        let result = try MalkollBinary.run(arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(arguments): \(result.stderr)")
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("malkoll: "))
        #expect(line.contains("--help'"), "\(line)")
        #expect(!line.contains("Usage:"))
    }

    @Test func anInvalidValueNamesTheValueAndTheValidOnes() throws {
        let result = try MalkollBinary.run(["export", "--table", "budget"])
        #expect(result.stderr.contains("'budget'"))
        #expect(result.stderr.contains("indicators, assignments, operations"))
        #expect(result.stderr.contains("see 'malkoll export --help'"))
    }

    @Test func themeAndSizeAreParsedAsArgumentsWithTheSameOneLineErrors() throws {
        let theme = try MalkollBinary.run(["browse", "--theme", "pink", "--dump"])
        #expect(theme.status == 2)
        #expect(theme.stderr.split(separator: "\n").count == 1, "\(theme.stderr)")
        #expect(theme.stderr.contains("'pink'") && theme.stderr.contains("'dark', 'light' or 'mono'"), "\(theme.stderr)")
        #expect(theme.stderr.contains("see 'malkoll browse --help'"), "\(theme.stderr)")
        let size = try MalkollBinary.run(["browse", "--size", "80", "--dump"])
        #expect(size.status == 2)
        #expect(size.stderr.split(separator: "\n").count == 1, "\(size.stderr)")
        #expect(size.stderr.contains("'80'") && size.stderr.contains("WxH"), "\(size.stderr)")
        let good = try MalkollBinary.run(["browse", "--theme", "Mono", "--size", "40×12", "--dump"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.split(separator: "\n", omittingEmptySubsequences: false).count >= 12)
    }

    @Test func helpStillPrintsInFull() throws {
        let result = try MalkollBinary.run(["export", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--locale"))
    }

    @Test func outputIntoAMissingFolderSaysSoInOurWords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-missing-\(UUID().uuidString)")
        let target = folder.appendingPathComponent("ut.csv").path
        for arguments in [["export", "--table", "covid", "--output", target], ["import", "data/source/huddinge-kommunstyrelsen-2021-08.txt", "--output", target]] {
            let result = try MalkollBinary.run(arguments, currentDirectory: MalkollBinary.repositoryRoot)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            let errors = result.stderr.split(separator: "\n").filter { !$0.contains(": warning: ") && !$0.contains(": info: ") }
            #expect(errors == ["malkoll: \(target): the folder \(folder.path) does not exist"], "\(result.stderr)")
            #expect(!result.stderr.contains("operation could not be completed"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func importOfAFolderSaysItIsADirectoryLikeBrowseDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let imported = try MalkollBinary.run(["import", folder.path])
        let browsed = try MalkollBinary.run(["browse", folder.path])
        for result in [imported, browsed] {
            #expect(result.status == 2)
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.hasPrefix("malkoll: \(folder.path): is a directory"), "\(result.stderr)")
        }
        let missing = try MalkollBinary.run(["import", folder.appendingPathComponent("nope.txt").path])
        #expect(missing.stderr == "malkoll: \(folder.appendingPathComponent("nope.txt").path): no such file\n")
    }

    @Test func withoutATerminalTheSummaryFallbackSaysWhyOnStderr() throws {
        let result = try MalkollBinary.run([])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Huddinge kommun – Kommunstyrelsen"))
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("malkoll: standard input is not a terminal; printing the summary") == true
                || lines.first?.hasPrefix("malkoll: standard output is not a terminal; printing the summary") == true, "\(result.stderr)")
        let dumb = try MalkollBinary.run(["browse"], environment: ["TERM": "dumb"])
        #expect(dumb.stderr.split(separator: "\n").count == 1)
    }
}
