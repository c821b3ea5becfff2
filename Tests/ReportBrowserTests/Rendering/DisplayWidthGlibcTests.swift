import Foundation
import Testing
@testable import ReportBrowser
#if canImport(Glibc)
import Glibc
#endif

/// `DisplayWidth` against the C library's `wcwidth` in a UTF-8 locale (what ncurses and the
/// terminal use), over every scalar both know.
@Suite struct DisplayWidthGlibcTests {
    /// Where the pinned Unicode version and glibc 2.36 deliberately differ (see `DisplayWidth`).
    static let deliberate: [ClosedRange<UInt32>] = [0xAD...0xAD, 0x3248...0x324F, 0x4DC0...0x4DFF]

    @Test func everyScalarGlibcKnowsHasItsWidth() throws {
        // glibc declares wcwidth only under _XOPEN_SOURCE, which SwiftPM does not set.
        let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"))
        let wcwidth = unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
        let previous = setlocale(LC_CTYPE, nil).map { String(cString: $0) }
        defer { _ = setlocale(LC_CTYPE, previous ?? "C") }
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil, "no C.UTF-8 locale")
        #expect(DisplayWidthTables.unicodeVersion == "14.0.0")
        var compared = 0
        var differences: [String] = []
        for value in UInt32(0x20)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), !Self.deliberate.contains(where: { $0.contains(value) }) else { continue }
            let theirs = wcwidth(wchar_t(bitPattern: value))
            guard theirs >= 0 else { continue } // unassigned or a control for glibc
            compared += 1
            if DisplayWidth.of(scalar) != Int(theirs), differences.count < 20 {
                differences.append(String(format: "U+%04X ours %d glibc %d", value, DisplayWidth.of(scalar), theirs))
            }
        }
        #expect(compared > 250_000)
        #expect(differences.isEmpty, "\(differences)")
    }
}
