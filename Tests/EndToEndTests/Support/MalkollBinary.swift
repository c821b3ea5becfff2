import Foundation

/// The built `malkoll` executable and a way to run it as a user would.
enum MalkollBinary {
    /// The executable beside the test bundle (SwiftPM builds it because the test target depends on it).
    static var url: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("malkoll")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/malkoll")
    }

    /// The repository root.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The bundled report's source text and its overlay (`data/source/`).
    static var sourceText: URL { repositoryRoot.appendingPathComponent("data/source/huddinge-kommunstyrelsen-2021-08.txt") }
    static var sourceOverlay: URL { repositoryRoot.appendingPathComponent("data/source/huddinge-kommunstyrelsen-2021-08.overlay.json") }

    /// A new empty folder in the temporary directory, named `malkoll-<name>-<uuid>`; the caller
    /// removes it.
    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A data folder of this test process, so that no test ever touches the user's default
    /// archive: every run gets `XDG_DATA_HOME` here and no `MALKOLL_ARCHIVE` unless it sets its own.
    static let isolatedDataHome: String = {
        let path = NSTemporaryDirectory() + "malkoll-e2e-data-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// The environment that keeps a run away from the user's archive.
    static var isolatedArchiveEnvironment: [String: String] {
        ["XDG_DATA_HOME": isolatedDataHome, "MALKOLL_ARCHIVE": ""]
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs malkoll with arguments, no terminal attached, and collects its output.
    static func run(_ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (key, value) in isolatedArchiveEnvironment { env[key] = value }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        // Output goes to files, so a large output can never block the child on a full pipe.
        let folder = FileManager.default.temporaryDirectory
        let outURL = folder.appendingPathComponent("malkoll-out-\(UUID().uuidString)")
        let errURL = folder.appendingPathComponent("malkoll-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
