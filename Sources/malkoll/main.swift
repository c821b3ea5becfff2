import ArgumentParser
import Foundation

// Usage mistakes exit with 2 and one line on stderr, like input errors do: the argument
// parser's message (a list of valid values folded into the line) and where the help is. A
// command's own exit code (check's 1) passes through; --help and --version print as usual.
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
    Output.error("malkoll: " + Malkoll.oneLineMessage(for: error))
    Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
}
