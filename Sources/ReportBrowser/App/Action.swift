/// Something that happened, for `update` to react to.
public enum Action: Sendable, Equatable {
    /// A key (or a scripted resize or a mouse event) arrived.
    case key(Key)
    /// The terminal now has this size.
    case resized(width: Int, height: Int)
}

/// Work for the entry point, returned by `update`: the only way state reaches the outside.
public enum Effect: Sendable, Equatable {
    /// Leave the browser (restore the terminal, exit 0).
    case quit
    /// Clear the physical screen and paint everything again (Ctrl-L).
    case forceRepaint
}
