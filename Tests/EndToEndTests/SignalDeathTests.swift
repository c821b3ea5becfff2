import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT, SIGTERM and SIGHUP end the browser the way the signal itself would (after the
/// terminal is restored), so that a parent such as a shell loop sees a death by signal and not an
/// ordinary exit with status 128 + n (issue 11.6).
@Suite(.serialized) struct SignalDeathTests {
    /// A pseudo-terminal: the browser's stdin and stdout, read on the master side.
    struct PseudoTerminal {
        let master: Int32
        let slave: FileHandle

        /// A C library function glibc declares only under _XOPEN_SOURCE, which SwiftPM does not set.
        static func libc<Function>(_ name: String, as type: Function.Type) throws -> Function {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { throw TestFailure("no \(name) in the C library") }
            return unsafeBitCast(symbol, to: type)
        }

        init() throws {
            let openpt = try Self.libc("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
            let grantpt = try Self.libc("grantpt", as: (@convention(c) (Int32) -> Int32).self)
            let unlockpt = try Self.libc("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
            let ptsname = try Self.libc("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
            let master = openpt(O_RDWR | O_NOCTTY)
            guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
                throw TestFailure("no pseudo-terminal")
            }
            let slave = open(name, O_RDWR | O_NOCTTY)
            guard slave >= 0 else { throw TestFailure("cannot open \(String(cString: name))") }
            var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
            self.master = master
            self.slave = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        }

        /// Reads what the program wrote until `text` appears, `seconds` pass or `stop` says so.
        func waitFor(_ text: String, seconds: Double, stop: () -> Bool = { false }) -> Bool {
            var output = Data()
            let deadline = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while Date() < deadline, !stop() {
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 100) > 0 else { continue }
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { return false }
                output.append(contentsOf: buffer[0..<count])
                if String(decoding: output, as: UTF8.self).contains(text) { return true }
            }
            return false
        }

        func close() { _ = Glibc.close(master) }
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func theBrowserDiesOfTheSignalItGot(_ signalNumber: Int32) throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let process = Process()
        process.executableURL = MalkollBinary.url
        process.arguments = ["browse"]
        var environment = ProcessInfo.processInfo.environment.merging(MalkollBinary.isolatedArchiveEnvironment) { $1 }
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        process.standardInput = terminal.slave
        process.standardOutput = terminal.slave
        process.standardError = FileHandle.nullDevice
        try process.run()
        #expect(terminal.waitFor("Översikt", seconds: 60), "the browser drew its first frame")
        kill(process.processIdentifier, signalNumber)
        // Keep draining the terminal so the program never blocks on a full buffer while leaving.
        // The drain ends with the program and is waited for before the terminal is closed: a
        // reader left behind would read the next case's terminal, which gets the same descriptor.
        let drained = DispatchSemaphore(value: 0)
        Thread {
            _ = terminal.waitFor("\u{0}never\u{0}", seconds: 10) { !process.isRunning }
            drained.signal()
        }.start()
        process.waitUntilExit()
        drained.wait()
        #expect(process.terminationReason == .uncaughtSignal, "ended by an ordinary exit with status \(process.terminationStatus)")
        #expect(process.terminationStatus == signalNumber)
    }
}
