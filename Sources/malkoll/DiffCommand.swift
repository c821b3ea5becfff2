import ArgumentParser
import Foundation
import ReportArchive
import ReportCore

/// `malkoll diff FROM TO`: what changed between two reports (files or archive ids).
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed from one report to another (report files or archive ids).",
        discussion: """
            FROM and TO are report files, or ids of `malkoll archive list` (a number that is not a file's name). \
            Items are matched by id, then by normalised name, then by a close name (reported as renamed?). \
            From a delårsrapport to the same year's verksamhetsberättelse, forecasts are held against outcomes.
            """)

    @Argument(help: "The earlier report: a file or an archive id.") var from: String
    @Argument(help: "The later report: a file or an archive id.") var to: String
    @OptionGroup var archive: ArchiveOption
    @Option(help: "Output format: text, markdown or json.") var format: DiffFormat = .text

    enum DiffFormat: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    func run() throws {
        try Malkoll.guarded {
            var store: ArchiveStore?
            defer { store?.close() }
            func load(_ argument: String) throws -> (Report, [(String, JSONOutput)]) {
                if let id = Int64(argument), id > 0, !FileManager.default.fileExists(atPath: argument) {
                    if store == nil { store = try archive.location.open(.read) }
                    guard let store else { throw CommandFailure("the archive cannot be opened") }
                    return (try ArchivedReport.load(id: id, from: store), [("archiveId", .number(Decimal(id)))])
                }
                do {
                    return (try ReportLoader.load(contentsOfFile: argument), [("file", .string(argument))])
                } catch {
                    throw CommandFailure(error.description)
                }
            }
            let (old, oldExtra) = try load(from)
            let (new, newExtra) = try load(to)
            let formatter = DiffFormatter(diff: ReportDiff(from: old, to: new))
            switch format {
            case .text: Output.write(formatter.text(), as: .humanText)
            case .markdown: Output.write(formatter.markdown(), as: .humanText)
            case .json: Output.write(formatter.json(fromExtra: oldExtra, toExtra: newExtra), as: .json)
            }
        }
    }
}
