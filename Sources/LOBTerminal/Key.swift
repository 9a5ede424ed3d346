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

extension Key {
    /// "Ja" in a question box: j, y or Enter.
    var confirms: Bool {
        switch self {
        case .character("j"), .character("J"), .character("y"), .enter: true
        default: false
        }
    }

    /// What this key does to a one-line text being typed (at most `limit` characters).
    enum TextEdit: Equatable {
        case typing(String)
        case commit(String)
        case cancel, ignored
    }

    func edit(_ text: String, limit: Int) -> TextEdit {
        switch self {
        case .enter: return .commit(text)
        case .escape: return .cancel
        case .backspace: return .typing(String(text.dropLast()))
        case .character(let character) where !character.isNewline && text.count < limit:
            return .typing(text + String(character))
        default: return .ignored
        }
    }
}
