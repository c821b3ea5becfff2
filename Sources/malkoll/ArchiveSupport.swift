import BundledReport
import Foundation
import ReportArchive
import ReportBrowser
import ReportCore
import ReportImport

/// Where the archive is: `--archive PATH`, else `$MALKOLL_ARCHIVE`, else
/// `$XDG_DATA_HOME/malkoll/arkiv.sqlite` (`~/.local/share/malkoll/arkiv.sqlite` when unset).
struct ArchiveLocation: Equatable {
    var path: String
    /// The default location: created on first use, holding the bundled report. A path the user
    /// named is never created by a command that only reads.
    var isDefault: Bool

    static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> ArchiveLocation {
        if let option, !option.isEmpty { return ArchiveLocation(path: option, isDefault: false) }
        if let named = environment["MALKOLL_ARCHIVE"], !named.isEmpty { return ArchiveLocation(path: named, isDefault: false) }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return ArchiveLocation(path: (dataHome as NSString).appendingPathComponent("malkoll/arkiv.sqlite"), isDefault: true)
    }

    /// Opens the archive; the default one is created first when it does not exist yet, and a
    /// named one when `createNamed` (adding to a new file).
    func open(_ access: ArchiveStore.Access, createNamed: Bool = false) throws -> ArchiveStore {
        do {
            if !FileManager.default.fileExists(atPath: path) {
                if isDefault {
                    try ArchiveStore.create(at: path, initial: [try Self.bundled()])
                } else if createNamed {
                    try ArchiveStore.create(at: path)
                }
            }
            return try ArchiveStore.open(at: path, access: access)
        } catch let error as ArchiveError {
            throw CommandFailure(error.description)
        }
    }

    /// The bundled report and its bytes, for a new default archive.
    static func bundled() throws -> (report: Report, bytes: Data) {
        guard let url = BundledReport.reportURL, let bytes = FileManager.default.contents(atPath: url.path) else {
            throw CommandFailure("the bundled report was not found beside the program; reinstall Malkoll or use --archive PATH")
        }
        do {
            return (try ReportLoader.load(data: bytes, file: url.lastPathComponent), bytes)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

/// What `malkoll` without FILE opens from the archive: its only report directly, or the home.
enum ArchiveOpening: Equatable {
    /// The archive holds exactly one report: it opens directly, as a single file does.
    case report(id: Int64)
    /// Several reports (or none): the archive home.
    case home(count: Int)

    static func choose(_ store: ArchiveStore) throws -> ArchiveOpening {
        do {
            let (count, single) = try store.countAndSingle()
            if let single { return .report(id: single) }
            return .home(count: count)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// What `browse` opens: FILE as it is (no archive touched), an archive id (a number that is
    /// no file's name: the report, with the archive one key away), or without either the archive
    /// (its only report, or the home).
    static func start(file: ReportFileArgument, location: ArchiveLocation) throws -> BrowserStart {
        if let name = file.file {
            guard let id = Int64(name), id > 0, !FileManager.default.fileExists(atPath: name) else {
                return BrowserStart(opening: .report(try file.analysis(), archivedID: nil))
            }
            let store = try location.open(.read)
            do {
                let report = try ArchivedReport.load(id: id, from: store)
                return BrowserStart(opening: .report(ReportAnalysis(report: report), archivedID: id), answerer: ArchiveAnswerer(store: store))
            } catch {
                store.close()
                throw error
            }
        }
        let store = try location.open(.read)
        do {
            switch try choose(store) {
            case .report(let id):
                let report = try ArchivedReport.load(id: id, from: store)
                return BrowserStart(opening: .report(ReportAnalysis(report: report), archivedID: id), answerer: ArchiveAnswerer(store: store))
            case .home(let count):
                if count == 0 {
                    throw CommandFailure("\(location.path): the archive holds no report; add one with `malkoll archive add FILE` or name a FILE")
                }
                let answerer = ArchiveAnswerer(store: store)
                do throws(ArchiveError) {
                    return BrowserStart(opening: .home(try answerer.axes()), answerer: answerer)
                } catch {
                    throw CommandFailure(error.description)
                }
            }
        } catch {
            store.close()
            throw error
        }
    }
}

/// What the browser starts with: a report (a file, or an archived one with its id), or the
/// archive home's axes; and the archive that answers the browser's requests, when there is one.
struct BrowserStart {
    enum Opening {
        case report(ReportAnalysis, archivedID: Int64?)
        case home(ArchiveAxes)
    }

    var opening: Opening
    var answerer: ArchiveAnswerer?

    func state(width: Int, height: Int, options: BrowserOptions) -> AppState {
        switch opening {
        case .home(let axes):
            return AppState(home: axes, width: width, height: height, options: options)
        case .report(let analysis, let archivedID?):
            return AppState(data: BrowserData(analysis: analysis), archivedID: archivedID, width: width, height: height, options: options)
        case .report(let analysis, nil):
            return AppState(data: BrowserData(analysis: analysis), width: width, height: height, options: options)
        }
    }

    func answer(_ request: ArchiveRequest) -> ArchiveAnswer {
        answerer?.answer(request) ?? .failed("Inget arkiv är öppet")
    }

    func close() { answerer?.store.close() }
}

/// Reports read back from the archive.
enum ArchivedReport {
    static func load(id: Int64, from store: ArchiveStore) throws -> Report {
        do {
            guard let bytes = try store.reportBytes(id: id) else {
                throw CommandFailure("\(store.path): no report with id \(id) (see `malkoll archive list`)")
            }
            return try ReportLoader.load(data: bytes, file: "\(store.path)#\(id)")
        } catch let error as ArchiveError {
            throw CommandFailure(error.description)
        } catch let error as ReportLoadError {
            throw CommandFailure(error.description)
        }
    }
}

/// Turns a file into a report and the bytes to archive: a report JSON as it is; a report text or
/// a PDF (read through `pdftotext`, as `malkoll import` does) imported on the way in.
enum ReportInput {
    /// Why a file cannot be read as a report: one line naming the file.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    static func load(path: String, overlay: String?) throws(Refusal) -> (report: Report, bytes: Data) {
        let data: Data
        do { data = try ImportSource.contents(ofFile: path) } catch { throw Refusal(description: error.description) }
        let firstByte = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        if !PDFText.isPDF(data), path.lowercased().hasSuffix(".json") || firstByte == UInt8(ascii: "{") {
            do {
                return (try ReportLoader.load(data: data, file: path), data)
            } catch {
                throw Refusal(description: error.description)
            }
        }
        let source: ImportSource
        do { source = try ImportSource.read(data, path: path) } catch { throw Refusal(description: error.description) }
        return try importText(source, overlay: overlay)
    }

    /// Imports a report text (a text file or a PDF's text); errors name the line or the PDF page.
    static func importText(_ source: ImportSource, overlay: String?) throws(Refusal) -> (report: Report, bytes: Data) {
        let path = source.path
        var options = ImportOptions()
        do {
            if let overlay { options.overlay = try Overlay.load(contentsOfFile: overlay) }
            let result = try ReportImporter(options: options).importReport(text: source.text, fileName: path)
            let json = try result.reportJSON()
            return (try ReportLoader.load(data: json, file: path), json)
        } catch let error as ImportFailure {
            throw Refusal(description: "\(source.place(ofLine: error.line)): cannot be imported: \(error.message)")
        } catch let error as ReportLoadError {
            throw Refusal(description: error.description)
        } catch {
            throw Refusal(description: "\(path): cannot be imported: \(error)")
        }
    }
}
