import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.enabled(if: Tmux.isAvailable, "tmux is not installed; end-to-end tests need it (CI installs it)"))
struct TmuxHarnessTests {
    @Test func seesOutputAndExitCodeOfACommand() throws {
        let tmux = try Tmux(command: "printf 'hej åäö\\n'; exit 3", width: 40, height: 5)
        #expect(tmux.waitFor("hej åäö"))
        #expect(tmux.waitForExit() == 3)
        #expect(tmux.lines().first == "hej åäö")
        #expect(tmux.sttySettings()?.contains("echo") == true)
        #expect(tmux.paneModes() == .restored)
    }

    @Test func exitMarkerIsFoundAfterOutputWithoutNewline() throws {
        let tmux = try Tmux(command: "printf hej", width: 40, height: 5)
        #expect(tmux.waitFor("hej"))
        #expect(tmux.waitForExit() == 0)
    }

    @Test func startsAtTheRequestedSizeAndResizes() throws {
        let tmux = try Tmux(command: "stty size; read x; stty size", width: 50, height: 7)
        #expect(tmux.waitFor("7 50"))
        tmux.resize(width: 30, height: 4)
        #expect(tmux.paneValue("#{pane_width}x#{pane_height}") == "30x4")
        tmux.sendKeys("Enter")
        #expect(tmux.waitFor("4 30"))
    }

    @Test func sendsLiteralTextAndKeyNames() throws {
        let tmux = try Tmux(command: "read line; echo \"got:$line\"", width: 40, height: 5)
        tmux.sendText("sök 'å'")
        tmux.sendKeys("Enter")
        #expect(tmux.waitFor("got:sök 'å'"))
        #expect(tmux.waitForExit() == 0)
    }

    @Test func environmentIsUTF8AndTmuxTerminal() throws {
        let tmux = try Tmux(command: "echo \"$LANG $TERM\"", width: 40, height: 5)
        #expect(tmux.waitFor("C.UTF-8 tmux-256color"))
    }
}
