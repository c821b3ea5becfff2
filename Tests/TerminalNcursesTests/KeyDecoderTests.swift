import ReportBrowser
import Testing
@testable import TerminalNcurses

/// The key decoder is pure: character codes as `wget_wch` returns them become `Key`s.
@Suite struct KeyDecoderTests {
    @Test func enterTabEscapeAndBackspaceInTheirTerminalSpellings() {
        #expect(KeyDecoder.character(0x0D) == .enter)
        #expect(KeyDecoder.character(0x0A) == .enter)
        #expect(KeyDecoder.character(0x09) == .tab)
        #expect(KeyDecoder.character(0x1B) == .escape)
        #expect(KeyDecoder.character(0x08) == .backspace)
        #expect(KeyDecoder.character(0x7F) == .backspace)
    }

    @Test func controlCodesBecomeCtrlLetters() {
        #expect(KeyDecoder.character(0x03) == .ctrl("c"))
        #expect(KeyDecoder.character(0x0C) == .ctrl("l"))
        #expect(KeyDecoder.character(0x04) == .ctrl("d"))
        #expect(KeyDecoder.character(0x15) == .ctrl("u"))
        #expect(KeyDecoder.character(0x00) == .ctrl(" "))
        #expect(KeyDecoder.character(0x1C) == .ctrl("\\"))
        #expect(KeyDecoder.character(0x1F) == .ctrl("_"))
    }

    @Test func printableCharactersIncludingSwedishAndWideOnes() {
        #expect(KeyDecoder.character(UInt32(Character("q").asciiValue ?? 0)) == .char("q"))
        #expect(KeyDecoder.character(0x20) == .char(" "))
        #expect(KeyDecoder.character(0xE5) == .char("å"))
        #expect(KeyDecoder.character(0xD6) == .char("Ö"))
        #expect(KeyDecoder.character(0x65E5) == .char("日"))
    }

    @Test func c1ControlsZeroWidthMarksAndInvalidScalarsAreNoKeys() {
        for code: UInt32 in [0x80, 0x85, 0x9B, 0x9F] {
            #expect(KeyDecoder.character(code) == nil, "C1 \(code)")
        }
        #expect(KeyDecoder.character(0x0301) == nil) // combining acute accent
        #expect(KeyDecoder.character(0x200B) == nil) // zero-width space
        #expect(KeyDecoder.character(0xD800) == nil) // a lone surrogate is no scalar
        #expect(KeyDecoder.character(0x110000) == nil)
    }
}

/// Issue 10.12: a double click opens; the terminal reports two presses (mouseinterval 0), so the
/// session turns a second quick press on the same cell into a double click.
@Suite struct ClickTrackerTests {
    @Test func aSecondQuickPressOnTheSameCellIsADoubleClick() {
        var tracker = ClickTracker()
        let press = MouseEvent(kind: .press(button: 1), x: 4, y: 7)
        #expect(tracker.resolve(press, at: 10.0) == press)
        #expect(tracker.resolve(MouseEvent(kind: .release(button: 1), x: 4, y: 7), at: 10.05).kind == .release(button: 1))
        #expect(tracker.resolve(press, at: 10.2) == MouseEvent(kind: .doubleClick(button: 1), x: 4, y: 7))
        // A third press starts over.
        #expect(tracker.resolve(press, at: 10.3) == press)
    }

    @Test func slowPressesOrAnotherCellStaySinglePresses() {
        var tracker = ClickTracker()
        let press = MouseEvent(kind: .press(button: 1), x: 4, y: 7)
        #expect(tracker.resolve(press, at: 1.0) == press)
        #expect(tracker.resolve(press, at: 2.0) == press)
        let elsewhere = MouseEvent(kind: .press(button: 1), x: 4, y: 8)
        #expect(tracker.resolve(elsewhere, at: 2.1) == elsewhere)
        #expect(tracker.resolve(MouseEvent(kind: .wheelDown, x: 4, y: 8), at: 2.15).kind == .wheelDown)
    }

    @Test func theDecoderMapsButtonBitsIncludingTheDoubleClick() {
        #expect(KeyDecoder.mouseKind(KeyDecoder.MouseBits.button1Pressed) == .press(button: 1))
        #expect(KeyDecoder.mouseKind(KeyDecoder.MouseBits.button1DoubleClicked) == .doubleClick(button: 1))
        // A press and release read at once come as a click; it selects as a press does (and a
        // second one soon after on the same cell is a double click).
        #expect(KeyDecoder.mouseKind(KeyDecoder.MouseBits.button1Clicked) == .press(button: 1))
        #expect(KeyDecoder.mouseKind(KeyDecoder.MouseBits.wheelUp) == .wheelUp)
        #expect(KeyDecoder.mouseKind(KeyDecoder.MouseBits.wheelDown) == .wheelDown)
        #expect(KeyDecoder.mouseKind(0) == nil)
    }
}
