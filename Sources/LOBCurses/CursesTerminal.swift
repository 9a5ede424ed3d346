import CNcursesw
import LOBTerminal

#if canImport(Glibc)
import Glibc
#endif

/// The thin ncurses driver: keys from `get_wch`, screen buffers to the terminal. Everything else is in LOBTerminal.
///
/// The terminal is restored by `close()`, and also when the process is ended by a signal (SIGTERM, SIGHUP,
/// SIGINT, SIGQUIT): every answer is already stored, so the handler only restores the terminal and exits.
public final class CursesTerminal: TerminalDevice {
    private let colours: Bool
    private var open = true

    /// Starts full-screen mode. Colours unless `NO_COLOR` is set (https://no-color.org) or the terminal has none.
    public init(environment: [String: String]) {
        setlocale(LC_ALL, "")
        initscr()
        raw()  // Ctrl-C arrives as a key, so the scan stops in an orderly way
        noecho()
        lob_keypad()
        set_escdelay(25)
        curs_set(0)
        colours = (environment["NO_COLOR"] ?? "").isEmpty && has_colors()
        if colours {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_WHITE), Int16(COLOR_BLUE))  // title
            init_pair(2, Int16(COLOR_CYAN), -1)  // heading
            init_pair(3, Int16(COLOR_BLACK), Int16(COLOR_CYAN))  // selected
            init_pair(4, Int16(COLOR_GREEN), -1)  // good
            init_pair(5, Int16(COLOR_YELLOW), -1)  // warning
            init_pair(6, Int16(COLOR_BLACK), Int16(COLOR_WHITE))  // key hints
        }
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            _ = Glibc.signal(signal) { number in
                endwin()
                _exit(128 + number)
            }
        }
    }

    deinit { close() }

    /// Leaves full-screen mode; safe to call twice.
    public func close() {
        guard open else { return }
        open = false
        endwin()
    }

    public var width: Int { Int(lob_width()) }
    public var height: Int { Int(lob_height()) }

    public func readKey() -> Key? {
        while true {
            var value: wint_t = 0
            let result = get_wch(&value)
            if result == ERR {
                if errno == EINTR { continue }
                return nil
            }
            if result == lob_key_code_yes() {
                if let key = Self.key(code: Int32(value)) { return key }
                continue
            }
            switch value {
            case 3: return .interrupt
            case 9: return .tab
            case 10, 13: return .enter
            case 27: return .escape
            case 8, 127: return .backspace
            default:
                guard value >= 32, let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                return .character(Character(scalar))
            }
        }
    }

    private static func key(code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize(width: Int(lob_width()), height: Int(lob_height()))
        default: nil
        }
    }

    public func show(_ screen: ScreenBuffer) {
        erase()
        for y in 0..<min(screen.height, height) {
            var x = 0
            while x < min(screen.width, width) {
                // One call per run of cells in the same style.
                let style = screen[x, y].style
                var run: [wchar_t] = []
                var end = x
                while end < min(screen.width, width), screen[end, y].style == style {
                    run.append(wchar_t(bitPattern: screen[end, y].character.unicodeScalars.first?.value ?? 32))
                    end += 1
                }
                _ = lob_set_attributes(attributes(style))
                _ = mvaddnwstr(Int32(y), Int32(x), run, Int32(run.count))
                x = end
            }
        }
        _ = lob_set_attributes(0)
        refresh()
    }

    /// Colour where the terminal has it; otherwise bold, reverse and underline carry the same meaning.
    private func attributes(_ style: Style) -> Int32 {
        let bold = lob_attr_bold(), reverse = lob_attr_reverse(), underline = lob_attr_underline(), dim = lob_attr_dim()
        if colours {
            switch style {
            case .plain: return 0
            case .title: return lob_color_pair(1) | bold
            case .heading: return lob_color_pair(2) | bold
            case .emphasis: return bold
            case .selected: return lob_color_pair(3)
            case .muted: return dim
            case .good: return lob_color_pair(4)
            case .warning: return lob_color_pair(5) | bold
            case .key: return lob_color_pair(6)
            }
        }
        switch style {
        case .plain, .good: return 0
        case .title, .key: return reverse
        case .heading, .emphasis: return bold
        case .selected: return reverse
        case .muted: return dim
        case .warning: return bold | underline
        }
    }
}
