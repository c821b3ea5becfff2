

/// The input modes; each binding says in which it applies.
enum InputMode: Sendable, Hashable {
    case browse, help, zoom, searchPrompt, archiveHome
}
