import ReportCore

/// Draws the whole frame for the state. Pure: no terminal, no environment, no clock.
public func render(_ state: AppState) -> Grid {
    var grid = renderFrame(state)
    if state.ascii { grid.replaceCharacters(Glyphs.asciiStandIns) } // --ascii: no symbol of ours beyond ASCII
    return grid
}

private func renderFrame(_ state: AppState) -> Grid {
    var grid = Grid(width: state.width, height: state.height)
    guard state.width > 0, state.height > 0 else { return grid }
    if state.isTooSmall {
        Chrome.drawTooSmall(state, into: &grid)
        return grid
    }
    if state.mode.showsHome {
        HomeScreen.draw(state, into: &grid)
        Chrome.drawHints(state, into: &grid)
    } else if state.mode.showsZoom {
        ZoomScreen.draw(state, into: &grid)
        Chrome.drawHints(state, into: &grid)
    } else {
        Chrome.drawHeader(state, into: &grid)
        Chrome.drawBreadcrumb(state, into: &grid)
        Chrome.drawBody(state, into: &grid)
        Chrome.drawStatusLine(state, into: &grid)
        Chrome.drawHints(state, into: &grid)
    }
    if let scroll = state.mode.helpScroll { HelpOverlay.draw(state, scroll: scroll, into: &grid) }
    return grid
}
