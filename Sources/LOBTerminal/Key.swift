/// A key press or terminal event, as the driver reports it to the screens.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, escape
    /// Ctrl-C: stop at once (every answer is already saved).
    case interrupt
    /// The window changed size.
    case resize(width: Int, height: Int)
}
