import Foundation
import Testing
import MalkollTestSupport
@testable import ReportCore

@Suite("Damaged reports")
struct MutationTests {
    @Test("never crash the loader and always fail with a located error")
    func randomMutationsFailCleanly() throws {
        let original = [UInt8](try LoadingFixtures.data("valid/minimal.json"))
        var random = SeededRandom(seed: 20_210_831)
        var loaded = 0
        var failed = 0
        for round in 0 ..< 300 {
            var bytes = original
            let mutations = Int.random(in: 1 ... 3, using: &random)
            var described: [String] = []
            for _ in 0 ..< mutations where !bytes.isEmpty {
                let position = Int.random(in: 0 ..< bytes.count, using: &random)
                switch Int.random(in: 0 ..< 5, using: &random) {
                case 0:
                    let bit = UInt8(1) << UInt8.random(in: 0 ..< 8, using: &random)
                    bytes[position] ^= bit
                    described.append("flip bit \(bit) at \(position)")
                case 1:
                    bytes.removeSubrange(position...)
                    described.append("truncate at \(position)")
                case 2:
                    let length = min(Int.random(in: 1 ... 16, using: &random), bytes.count - position)
                    bytes.removeSubrange(position ..< position + length)
                    described.append("delete \(length) at \(position)")
                case 3:
                    let byte = UInt8.random(in: 0 ... 255, using: &random)
                    bytes.insert(byte, at: position)
                    described.append("insert \(byte) at \(position)")
                default:
                    let structural = Array("{}[]\",:0-en ".utf8)
                    bytes[position] = structural.randomElement(using: &random)!
                    described.append("replace at \(position)")
                }
            }
            do {
                _ = try ReportLoader.load(data: Data(bytes), file: "mutated.json")
                loaded += 1
            } catch {
                failed += 1
                #expect(error.line != nil, "round \(round) (\(described.joined(separator: ", "))): \(error)")
                #expect(error.column != nil, "round \(round): \(error)")
                #expect(error.file == "mutated.json")
            }
        }
        #expect(loaded + failed == 300)
        #expect(failed > 200, "most mutations must break the file")
    }
}
