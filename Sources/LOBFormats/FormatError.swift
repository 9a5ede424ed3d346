/// A file that could not be read as what it should be: every problem with the file, line and what was expected.
public struct FormatError: Error, Equatable, CustomStringConvertible, Sendable {
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public let file: String
        /// 1-based line, where known.
        public let line: Int?
        public let column: Int?
        public let message: String

        public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        /// `file:line:column: message`, the form editors and terminals recognise. Whatever came from the file (or its
        /// name) has its control characters made visible, so a message can never steer the terminal.
        public var description: String {
            var location = Excerpt.visible(file)
            if let line { location += ":\(line)" }
            if let line = line, let column, line > 0 { location += ":\(column)" }
            return "\(location): \(Excerpt.visible(message))"
        }
    }

    /// At most so many problems are reported of one file; the rest is counted.
    public static let limit = 20

    public let problems: [Problem]

    public init(_ problems: [Problem]) {
        guard problems.count > Self.limit, let first = problems.first else {
            self.problems = problems
            return
        }
        self.problems = Array(problems.prefix(Self.limit))
            + [Problem(file: first.file, message: "en nog \(problems.count - Self.limit) fout(en); verbeter deze eerst")]
    }

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.problems = [Problem(file: file, line: line, column: column, message: message)]
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Text from a file, made safe to put in a message: control and format characters visible, and long values cut.
public enum Excerpt {
    /// The longest excerpt of a value a message quotes.
    public static let maximum = 60

    /// `'value'`, cut to `maximum` characters with "…", control characters visible.
    public static func quote(_ value: String) -> String {
        let cut = value.count > maximum ? String(value.prefix(maximum)) + "…" : value
        return "'\(visible(cut))'"
    }

    /// Control characters (C0 but the newline and tab, DEL, C1) and the invisible format characters that can
    /// reorder or hide text (bidirectional overrides) as `\u{1B}`; a newline in a one-line message as `\n`.
    public static func visible(_ text: String, keepNewlines: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" && keepNewlines {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\n" {
                result += "\\n"
            } else if scalar == "\t" {
                result += " "
            } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || isHiding(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Bidirectional embeddings, overrides and isolates, and the line and paragraph separators.
    static func isHiding(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

/// Numbers in messages, as Dutch readers write them.
enum DutchText {
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            let digits = String(Int(value.magnitude))
            var grouped = ""
            for (index, character) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped += "." }
                grouped.append(character)
            }
            return (value < 0 ? "-" : "") + grouped
        }
        return String(value).replacingOccurrences(of: ".", with: ",")
    }
}
