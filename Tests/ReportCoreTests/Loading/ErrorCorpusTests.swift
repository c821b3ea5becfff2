import Foundation
import Testing
@testable import ReportCore

/// Every file in `Fixtures/invalid` is loaded under the name `invalid/NAME.json` (its path
/// relative to `Fixtures`) and must fail with exactly the one-line message in `NAME.expected.txt`.
/// To add a case, write `NAME.json` and run the tests once with `MALKOLL_RECORD_CORPUS=1`, which
/// writes missing `.expected.txt` files from the current messages; then read them critically.
@Suite("The error corpus")
struct ErrorCorpusTests {
    @Test("has at least twenty cases")
    func hasAtLeastTwentyCases() {
        #expect(LoadingFixtures.invalidCaseNames.count >= 20)
    }

    @Test("has an expected message for every case and a case for every expected message")
    func everyCaseHasAnExpectation() {
        let files = Set(LoadingFixtures.files(in: "invalid"))
        for name in LoadingFixtures.invalidCaseNames {
            #expect(files.contains("\(name).expected.txt"), "invalid/\(name).json has no \(name).expected.txt")
        }
        for file in files where file.hasSuffix(".expected.txt") {
            let name = String(file.dropLast(".expected.txt".count))
            #expect(files.contains("\(name).json"), "invalid/\(file) has no \(name).json")
        }
        for file in files {
            #expect(file.hasSuffix(".json") || file.hasSuffix(".expected.txt"), "unexpected file invalid/\(file)")
        }
    }

    @Test("fails each case with exactly the expected message", arguments: LoadingFixtures.invalidCaseNames)
    func failsWithTheExpectedMessage(name: String) throws {
        let data = try LoadingFixtures.data("invalid/\(name).json")
        if ProcessInfo.processInfo.environment["MALKOLL_RECORD_CORPUS"] == "1" {
            // Record mode for writing new cases: stores the current message; review it by eye.
            let url = LoadingFixtures.directory.appendingPathComponent("invalid/\(name).expected.txt")
            if !FileManager.default.fileExists(atPath: url.path) {
                do {
                    _ = try ReportLoader.load(data: data, file: "invalid/\(name).json")
                } catch {
                    try Data((error.description + "\n").utf8).write(to: url)
                }
            }
        }
        let expected = try LoadingFixtures.expectedMessage(name)
        do {
            _ = try ReportLoader.load(data: data, file: "invalid/\(name).json")
            Issue.record("invalid/\(name).json loaded without an error")
        } catch {
            #expect(error.description == expected)
            #expect(error.line != nil, "every corpus error is located")
        }
    }
}
