/// Text that came from a file or a person, made safe to show: control characters (C0 but tab and newline, DEL, C1)
/// and the invisible characters that reorder or hide text (bidirectional overrides and isolates, line and
/// paragraph separators) written out as `\u{1B}`, so that a name or a note can never clear a screen, retitle a
/// window, hide a link or turn text around. Every renderer and every message uses it.
public enum VisibleText {
    public static func make(_ text: String, newlines: Newlines = .escape) -> String {
        // Most text has nothing to show differently: then it is the text itself (a board's CSV has a million cells).
        let changes = text.unicodeScalars.contains { scalar in
            scalar == "\t" || (scalar == "\n" && newlines != .keep) || (scalar != "\n" && isHidden(scalar))
        }
        guard changes else { return text }
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

    /// The most characters of a person's or a team's name, wherever one is read.
    public static let nameLength = 120

    /// What keeps a text from being one plain line (a name, a title): each reader words these in its own way.
    public struct LineFaults: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let severalLines = LineFaults(rawValue: 1)
        public static let tooLong = LineFaults(rawValue: 2)
        /// Control, format or bidirectional characters (`isHidden`); a line break is one too.
        public static let hidden = LineFaults(rawValue: 4)
    }

    /// Everything that keeps `text` from being one line of at most `maximum` characters without hidden characters.
    public static func lineFaults(_ text: String, maximum: Int) -> LineFaults {
        var faults: LineFaults = []
        if text.contains(where: \.isNewline) { faults.insert(.severalLines) }
        if text.count > maximum { faults.insert(.tooLong) }
        if text.unicodeScalars.contains(where: isHidden) { faults.insert(.hidden) }
        return faults
    }

    /// A character that steers a terminal or hides or reorders text.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
            || value == 0x2028 || value == 0x2029
    }
}
