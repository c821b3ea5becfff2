import ArgumentParser
import ReportBrowser

/// `--theme NAME`: one of the browser's themes, parsed by ArgumentParser so that a wrong name gets
/// the same one-line error, with the valid names, as every other option.
struct ThemeArgument: ExpressibleByArgument {
    let theme: Theme

    init(_ theme: Theme) { self.theme = theme }

    init?(argument: String) {
        guard let theme = Theme.named(argument) else { return nil }
        self.theme = theme
    }

    static var allValueStrings: [String] { Theme.names }
    var defaultValueDescription: String { theme.name }
}

/// `--size WxH`: the screen size of a headless run (1…1000 each; `x` or `×`).
struct ScreenSize: ExpressibleByArgument {
    let width: Int
    let height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init?(argument: String) {
        guard let size = Headless.parseSize(argument) else { return nil }
        self.init(width: size.width, height: size.height)
    }

    static var defaultCompletionKind: CompletionKind { .list(["80x24", "120x40", "200x50"]) }
    var defaultValueDescription: String { "\(width)x\(height)" }
}
