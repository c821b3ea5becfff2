import ArgumentParser
import Foundation
import ReportArchive
import ReportCore

/// `--archive PATH`, shared by the commands that use the archive.
struct ArchiveOption: ParsableArguments {
    @Option(name: .customLong("archive"), help: "The archive file (default: $MALKOLL_ARCHIVE, else $XDG_DATA_HOME/malkoll/arkiv.sqlite).",
            completion: .file(extensions: ["sqlite"]))
    var path: String?

    var location: ArchiveLocation { ArchiveLocation.resolve(option: path) }
}

/// `malkoll archive add|list|remove`: the reports kept in one SQLite archive.
struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep many reports in one archive (SQLite): add, list, remove, check.",
        discussion: """
            The archive is --archive PATH, else $MALKOLL_ARCHIVE, else $XDG_DATA_HOME/malkoll/arkiv.sqlite \
            (~/.local/share/malkoll/arkiv.sqlite). The default archive is created on first use with the bundled report.
            Exit codes: 0 success; 1 some file was refused (add) or no such id (remove); 2 the archive cannot be used.
            """,
        subcommands: [ArchiveAdd.self, ArchiveList.self, ArchiveRemove.self, ArchiveCheck.self])
}

struct ArchiveAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add report files (JSON, or report text imported on the way in), each in its own transaction.")

    @OptionGroup var archive: ArchiveOption
    @Option(help: "A JSON overlay for report texts (as `malkoll import --overlay`).", completion: .file(extensions: ["json"])) var overlay: String?
    @Flag(help: "Replace an archived report of the same identity (municipality, board, kind, periodEnd).") var replace = false
    @Argument(help: "Report files: Malkoll JSON or report text (pdftotext output).", completion: .file()) var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one report FILE to add") }
    }

    func run() throws {
        var refused = 0
        try Malkoll.guarded {
            let location = archive.location
            let store = try location.open(.write, createNamed: true)
            defer { store.close() }
            let stall = ProcessInfo.processInfo.environment["MALKOLL_TEST_ADD_STALL"].flatMap(AddStage.init(rawValue:))
            for file in files {
                let input: (report: Report, bytes: Data)
                do {
                    input = try ReportInput.load(path: file, overlay: overlay)
                } catch {
                    Output.error("malkoll: refused: \(String(describing: error))")
                    refused += 1
                    continue
                }
                do {
                    let outcome = try store.add(input.report, bytes: input.bytes, replace: replace) { stage in
                        if stage == stall { Self.stallForever(at: stage) }
                    }
                    let meta = input.report.metadata
                    let what = "\(meta.municipality), \(meta.board), \(meta.kind.swedishName) \(meta.period)"
                    switch outcome {
                    case .added(let id): Output.write("\(file): added as id \(id) (\(what))\n", as: .humanText)
                    case .alreadyThere(let id): Output.write("\(file): already there as id \(id), nothing changed\n", as: .humanText)
                    case .replaced(let id, let oldID): Output.write("\(file): replaced id \(oldID), now id \(id) (\(what))\n", as: .humanText)
                    }
                } catch ArchiveError.refused(let message) {
                    Output.error("malkoll: refused: \(file): \(message)")
                    refused += 1
                } catch {
                    throw CommandFailure(String(describing: error))
                }
            }
        }
        if refused > 0 { throw ExitCode(1) }
    }

    /// Fault injection for the integrity tests (`MALKOLL_TEST_ADD_STALL=<stage>`): says where it
    /// stopped and waits to be killed, inside the add's transaction for every stage but the first.
    static func stallForever(at stage: AddStage) -> Never {
        FileHandle.standardError.write(Data("malkoll: test stall at \(stage.rawValue)\n".utf8))
        while true { sleep(60) }
    }
}

struct ArchiveList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the archived reports.")

    @OptionGroup var archive: ArchiveOption
    @Option(help: "Output format: text or json.") var format: ListFormat = .text

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        try Malkoll.guarded {
            let store = try archive.location.open(.read)
            defer { store.close() }
            let entries: [ArchiveEntry]
            do {
                entries = try store.list()
            } catch {
                throw CommandFailure(String(describing: error))
            }
            switch format {
            case .json: Output.write(Self.json(entries), as: .json)
            case .text: Output.write(Self.text(entries), as: .humanText)
            }
        }
    }

    static func json(_ entries: [ArchiveEntry]) -> String {
        JSONOutput.array(entries.map { entry in
            .object([
                ("id", .number(Decimal(entry.id))), ("municipality", .string(entry.municipality)), ("board", .string(entry.board)),
                ("kind", .string(entry.kind)), ("period", .string(entry.period)), ("periodStart", .string(entry.periodStart)),
                ("periodEnd", .string(entry.periodEnd)), ("reportingYear", .int(entry.reportingYear)), ("indicators", .int(entry.indicators)),
                ("assignments", .int(entry.assignments)), ("bytes", .int(entry.byteCount)), ("addedAt", .string(entry.addedAt)),
                ("source", .string(entry.source)),
            ])
        }).serialized() + "\n"
    }

    static func text(_ entries: [ArchiveEntry]) -> String {
        guard !entries.isEmpty else { return "Arkivet är tomt.\n" }
        let header = ["id", "Kommun", "Nämnd", "Rapport", "Period", "Periodslut", "Indikatorer", "Uppdrag", "Tillagd"]
        let rows = entries.map { entry in
            ["\(entry.id)", entry.municipality, entry.board, entry.kind, entry.period, entry.periodEnd, "\(entry.indicators)",
             "\(entry.assignments)", entry.addedAt]
        }
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined() + (entries.count == 1 ? "1 rapport\n" : "\(entries.count) rapporter\n")
    }
}

struct ArchiveRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a report (by its id in `archive list`).")

    @OptionGroup var archive: ArchiveOption
    @Argument(help: "The report's id, as `malkoll archive list` shows it.") var id: Int64

    func run() throws {
        var missing = false
        try Malkoll.guarded {
            let store = try archive.location.open(.write)
            defer { store.close() }
            do {
                if let removed = try store.remove(id: id) {
                    Output.write("removed id \(id) (\(removed.municipality), \(removed.board), \(removed.kind) \(removed.period))\n", as: .humanText)
                } else {
                    Output.error("malkoll: \(store.path): no report with id \(id) (see `malkoll archive list`)")
                    missing = true
                }
            } catch {
                throw CommandFailure(String(describing: error))
            }
        }
        if missing { throw ExitCode(1) }
    }
}

struct ArchiveCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the archive: SQLite's integrity check, foreign keys, and every report whole. Exit 0 when sound, 2 when not.")

    @OptionGroup var archive: ArchiveOption

    func run() throws {
        try Malkoll.guarded {
            let store = try archive.location.open(.read)
            defer { store.close() }
            let problems: [String]
            let count: Int
            do {
                problems = try store.verify()
                count = try store.countAndSingle().count
            } catch {
                throw CommandFailure(String(describing: error))
            }
            guard problems.isEmpty else {
                throw CommandFailure("\(store.path): the archive is not sound: \(problems.joined(separator: "; "))")
            }
            Output.write("ok: \(count == 1 ? "1 rapport" : "\(count) rapporter")\n", as: .humanText)
        }
    }
}
