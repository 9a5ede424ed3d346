import Foundation
import LOBCore
import Yams

/// A YAML (or JSON) file parsed into nodes that remember their line, so every error can point at it.
///
/// Decoding walks the nodes by hand rather than through `Codable`: that is what lets a message say
/// "line 12: 'weights.8': unknown competency" instead of a coding path.
public struct YAMLDocument {
    public let file: String
    public let root: Node

    /// Parses `data`; refuses empty input, text that is not UTF-8 and YAML syntax errors, each with file and line.
    public init(data: Data, file: String) throws(FormatError) {
        guard let text = String(data: data, encoding: .utf8) else {
            let line = Self.lineOfFirstInvalidUTF8(in: data)
            throw FormatError(file: file, line: line, "het bestand is geen geldige UTF-8-tekst")
        }
        try self.init(text: text, file: file)
    }

    public init(text: String, file: String) throws(FormatError) {
        self.file = file
        if text.allSatisfy({ $0.isWhitespace }) {
            throw FormatError(file: file, "het bestand is leeg: verwacht YAML of JSON")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.formatError(error, file: file)
        } catch {
            throw FormatError(file: file, "onleesbare YAML: \(error)")
        }
        guard let node else { throw FormatError(file: file, "het bestand bevat alleen commentaar: verwacht YAML of JSON") }
        self.root = node
    }

    /// The bytes of a file, or an error that names it.
    public static func read(_ url: URL) throws(FormatError) -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw FormatError(file: url.path, "kan het bestand niet lezen: \(error.localizedDescription)")
        }
    }

    /// The reader at the document's root.
    public var reader: NodeReader { NodeReader(node: root, path: [], file: file) }

    private static func formatError(_ error: YamlError, file: String) -> FormatError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return FormatError(file: file, line: mark.line, column: mark.column, "onleesbare YAML (\(detail))")
        default:
            return FormatError(file: file, "onleesbare YAML: \(error)")
        }
    }

    private static func lineOfFirstInvalidUTF8(in data: Data) -> Int? {
        var line = 1
        var index = data.startIndex
        while index < data.endIndex {
            // Decode one line at a time; the first that does not decode holds the fault.
            let end = data[index...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(data: data[index..<end], encoding: .utf8) == nil { return line }
            line += 1
            index = end < data.endIndex ? data.index(after: end) : end
        }
        return nil
    }
}

/// A position in a parsed document: the node, how it was reached, and the file, for messages.
public struct NodeReader {
    public let node: Node
    public let path: [String]
    public let file: String

    public var line: Int? { node.mark?.line }
    public var pathText: String { path.isEmpty ? "(document)" : path.joined(separator: ".") }

    /// An error at this node.
    public func error(_ message: String) -> FormatError {
        FormatError(file: file, line: line, column: node.mark?.column, path.isEmpty ? message : "'\(pathText)': \(message)")
    }

    // MARK: - Mappings

    /// The entries of a mapping, in file order; refuses anything else, duplicate keys, and keys not in `allowed`.
    public func mapping(allowed: Set<String>? = nil) throws(FormatError) -> [(key: String, value: NodeReader)] {
        guard let mapping = node.mapping else { throw error("verwacht een mapping (sleutel: waarde)") }
        var seen = Set<String>()
        var entries: [(key: String, value: NodeReader)] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let child = NodeReader(node: valueNode, path: path + [key], file: file)
            if !seen.insert(key).inserted {
                throw NodeReader(node: keyNode, path: path + [key], file: file).error("sleutel staat er dubbel in")
            }
            if let allowed, !allowed.contains(key) {
                let expected = allowed.sorted().joined(separator: ", ")
                throw NodeReader(node: keyNode, path: path + [key], file: file)
                    .error("onbekende sleutel: verwacht een van \(expected)")
            }
            entries.append((key, child))
        }
        return entries
    }

    /// The value under `key`, or `nil` when the key is absent or its value is null.
    public func optional(_ key: String) throws(FormatError) -> NodeReader? {
        guard let mapping = node.mapping else { throw error("verwacht een mapping (sleutel: waarde)") }
        for (keyNode, valueNode) in mapping where keyNode.scalar?.string == key {
            if valueNode.isNull { return nil }
            return NodeReader(node: valueNode, path: path + [key], file: file)
        }
        return nil
    }

    /// The value under `key`; an error at the mapping when it is missing.
    public func required(_ key: String) throws(FormatError) -> NodeReader {
        guard let value = try optional(key) else { throw error("verplichte sleutel '\(key)' ontbreekt") }
        return value
    }

    // MARK: - Sequences

    public func sequence() throws(FormatError) -> [NodeReader] {
        guard let sequence = node.sequence else { throw error("verwacht een lijst") }
        return sequence.enumerated().map { index, child in
            NodeReader(node: child, path: path + ["[\(index)]"], file: file)
        }
    }

    // MARK: - Scalars

    /// The scalar's text as written (so `1.10` stays "1.10", not the number 1.1).
    public func string() throws(FormatError) -> String {
        guard let scalar = node.scalar else { throw error("verwacht een tekst") }
        return scalar.string
    }

    public func nonEmptyString() throws(FormatError) -> String {
        let value = try string().trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty { throw error("mag niet leeg zijn") }
        return value
    }

    public func int() throws(FormatError) -> Int {
        guard let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.string) else {
            throw error("verwacht een geheel getal, gevonden '\(node.scalar?.string ?? "(geen getal)")'")
        }
        return value
    }

    public func double() throws(FormatError) -> Double {
        guard let scalar = node.scalar, scalar.style == .plain, let value = Double(scalar.string), value.isFinite else {
            throw error("verwacht een getal, gevonden '\(node.scalar?.string ?? "(geen getal)")'")
        }
        return value
    }

    public func bool() throws(FormatError) -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nee": return false
        default: throw error("verwacht true of false")
        }
    }

    /// A value from a fixed set, with the set in the message when it is not one of them.
    public func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(FormatError) -> T where T.RawValue == String {
        let raw = try string()
        guard let value = T(rawValue: raw) else {
            let expected = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("onbekende waarde '\(raw)': verwacht een van \(expected)")
        }
        return value
    }

    // MARK: - Format version

    /// Refuses a file written in another version of a format than the one this build reads.
    public func expectFormatVersion(_ supported: Int) throws(FormatError) {
        let value = try int()
        if value != supported {
            throw error("onbekende formaatversie \(value): deze versie van lob leest versie \(supported)")
        }
    }

    // MARK: - Locating a path

    /// The line of the node at a path below this one (keys and `[index]`), or of the deepest node that exists.
    public func line(at path: [String]) -> Int? {
        var current = node
        for part in path {
            if part.hasPrefix("["), let index = Int(part.dropFirst().dropLast()), let sequence = current.sequence,
               index < sequence.count {
                current = sequence[index]
            } else if let mapping = current.mapping,
                      let entry = mapping.first(where: { $0.key.scalar?.string == part }) {
                current = entry.value
            } else {
                break
            }
        }
        return current.mark?.line
    }

    /// Throws the domain's validation problems, if any, as `file:line` errors: each at the line its path leads to
    /// below this node.
    public func expectValid(_ problems: [ValidationProblem]) throws(FormatError) {
        guard problems.isEmpty else {
            throw FormatError(problems.map { FormatError.Problem(file: file, line: line(at: $0.path.map(\.description)), message: $0.description) })
        }
    }
}

extension Node {
    var isNull: Bool {
        guard let scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
