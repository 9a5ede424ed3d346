import LOBCore

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
        self.problems =
            Array(problems.prefix(Self.limit))
            + [
                Problem(
                    file: first.file,
                    message:
                        "en nog \(DutchNumber.count(problems.count - Self.limit, "fout", "fouten")); verbeter deze eerst"
                )
            ]
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

    /// The text with control and hiding characters visible (`VisibleText`); a newline as `\n`.
    public static func visible(_ text: String) -> String { VisibleText.make(text) }

    static func isHiding(_ scalar: Unicode.Scalar) -> Bool { VisibleText.isHidden(scalar) }
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
