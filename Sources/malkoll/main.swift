import ArgumentParser
import Foundation

// Usage mistakes exit with 2 and one clear message on stderr, like input errors do; a command's
// own exit code (check's 1) passes through.
do {
    var command = try Malkoll.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = Malkoll.exitCode(for: error)
    if code == .success {
        Malkoll.exit(withError: error)
    }
    let message = Malkoll.fullMessage(for: error)
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
}
