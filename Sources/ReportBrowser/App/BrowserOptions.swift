import ReportCore

/// Options the entry point chooses.
public struct BrowserOptions: Sendable {
    public var theme: Theme
    public var ascii: Bool
    public var mouse: Bool

    public init(theme: Theme = .dark, ascii: Bool = false, mouse: Bool = false) {
        self.theme = theme
        self.ascii = ascii
        self.mouse = mouse
    }
}
