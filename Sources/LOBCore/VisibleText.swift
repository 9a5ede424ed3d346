/// Text that came from a file or a person, made safe to show: control characters (C0 but tab and newline, DEL, C1)
/// and the invisible characters that reorder or hide text (bidirectional overrides and isolates, line and
/// paragraph separators) written out as `\u{1B}`, so that a name or a note can never clear a screen, retitle a
/// window, hide a link or turn text around. Every renderer and every message uses it.
public enum VisibleText {
    public static func make(_ text: String, newlines: Newlines = .escape) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                switch newlines {
                case .keep: result.unicodeScalars.append(scalar)
                case .space: result += " "
                case .escape: result += "\\n"
                }
            case "\t": result += " "
            default:
                if isHidden(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    public enum Newlines: Sendable { case keep, space, escape }

    /// A character that steers a terminal or hides or reorders text.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
            || value == 0x2028 || value == 0x2029
    }
}
