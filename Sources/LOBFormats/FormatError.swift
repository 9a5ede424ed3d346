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

        /// `file:line:column: message`, the form editors and terminals recognise.
        public var description: String {
            var location = file
            if let line { location += ":\(line)" }
            if let line = line, let column, line > 0 { location += ":\(column)" }
            return "\(location): \(message)"
        }
    }

    public let problems: [Problem]

    public init(_ problems: [Problem]) { self.problems = problems }

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.problems = [Problem(file: file, line: line, column: column, message: message)]
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
