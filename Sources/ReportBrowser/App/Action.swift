/// Something that happened, for `update` to react to.
public enum Action: Sendable, Equatable {
    /// A key (or a scripted resize or a mouse event) arrived.
    case key(Key)
    /// The terminal now has this size.
    case resized(width: Int, height: Int)
    /// The entry point's answer to an `Effect.archive` request.
    case archive(ArchiveAnswer)
}

/// Work for the entry point, returned by `update`: the only way state reaches the outside.
public enum Effect: Sendable, Equatable {
    /// Leave the browser (restore the terminal, exit 0).
    case quit
    /// Clear the physical screen and paint everything again (Ctrl-L).
    case forceRepaint
    /// Fetch something from the archive and answer with `Action.archive` (before the next frame).
    case archive(ArchiveRequest)
}
