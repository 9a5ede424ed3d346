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

    /// Parses `data`; refuses empty input, text that is not UTF-8, what no real file needs (control characters,
    /// anchors and aliases, tags, complex keys, deep nesting) and YAML syntax errors, each with file and line.
    public init(data: Data, file: String) throws(FormatError) {
        if let kind = InputFile.foreignFormat(data) { throw FormatError(file: file, kind) }
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
        // Before Yams sees it: its alias expansion and duplicate-key check can take minutes on a small hostile file.
        let problems = YAMLPrecheck.problems(in: text, file: file)
        if !problems.isEmpty { throw FormatError(problems) }
        let node: Node?
        do {
            // No implicit tags (`.basic`): the readers look at a scalar's text and style, never at its tag, and
            // resolving tags by regular expression for every scalar (also to hash keys for Yams's own duplicate
            // check) was a third of reading a scan file. UTF-8 given, as Swift strings are: Yams's default asks the
            // process environment on every call.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw YAMLProblem.formatError(error, text: text, file: file)
        } catch {
            throw FormatError(file: file, "onleesbare YAML")
        }
        guard let node else {
            throw FormatError(file: file, "het bestand bevat alleen commentaar: verwacht YAML of JSON")
        }
        self.root = node
    }

    /// The bytes of a file of this kind, or an error that names it: refused before reading when it is a folder,
    /// not a regular file, or larger than the kind allows.
    public static func read(_ url: URL, kind: InputFile = .document) throws(FormatError) -> Data {
        try kind.read(url)
    }

    /// The reader at the document's root.
    public var reader: NodeReader { NodeReader(node: root, path: [], file: file) }

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
    /// The path of the parent and this node's own key: the whole path is only put together for a message, as a
    /// team's thousands of files have tens of thousands of nodes that never need one.
    private let parent: [String]
    private let key: String?
    public let file: String

    public var path: [String] { key.map { parent + [$0] } ?? parent }

    public init(node: Node, path: [String], file: String) {
        self.init(node: node, parent: path, key: nil, file: file)
    }

    private init(node: Node, parent: [String], key: String?, file: String) {
        self.node = node
        self.parent = parent
        self.key = key
        self.file = file
    }

    /// A child of this node, reached by `key`.
    private func child(_ node: Node, _ key: String) -> NodeReader {
        NodeReader(node: node, parent: path, key: key, file: file)
    }

    public var line: Int? { node.mark?.line }
    public var pathText: String { path.isEmpty ? "(document)" : path.joined(separator: ".") }

    /// An error at this node.
    public func error(_ message: String) -> FormatError {
        FormatError(
            file: file, line: line, column: node.mark?.column,
            path.isEmpty ? message : "\(Excerpt.quote(pathText)): \(message)")
    }

    // MARK: - Mappings

    /// The entries of a mapping, in file order; refuses anything else, duplicate keys, and keys not in `allowed`.
    /// Every unknown or duplicate key is reported, not only the first.
    public func mapping(allowed: Set<String>? = nil) throws(FormatError) -> [(key: String, value: NodeReader)] {
        guard let mapping = node.mapping else {
            throw error("verwacht een mapping (sleutel: waarde), gevonden \(found)")
        }
        var seen = Set<String>()
        var entries: [(key: String, value: NodeReader)] = []
        entries.reserveCapacity(mapping.count)
        var problems: [FormatError.Problem] = []
        let here = path
        for (keyNode, valueNode) in mapping {
            // Keys must be plain text: a list or mapping as a key is nothing a LOB-spiegel file needs.
            guard let key = keyNode.scalar?.string else {
                problems +=
                    NodeReader(node: keyNode, parent: here, key: nil, file: file).error(
                        "een sleutel moet gewone tekst zijn, geen lijst of mapping"
                    ).problems
                continue
            }
            let at = NodeReader(node: keyNode, parent: here, key: key, file: file)
            if !seen.insert(key).inserted {
                problems += at.error("sleutel staat er dubbel in").problems
            } else if let allowed, !allowed.contains(key) {
                problems +=
                    at.error("onbekende sleutel: verwacht een van \(allowed.sorted().joined(separator: ", "))").problems
            }
            entries.append((key, NodeReader(node: valueNode, parent: here, key: key, file: file)))
        }
        if !problems.isEmpty { throw FormatError(problems) }
        return entries
    }

    /// The value under `key`, or `nil` when the key is absent or its value is null.
    public func optional(_ key: String) throws(FormatError) -> NodeReader? {
        guard let mapping = node.mapping else { throw error("verwacht een mapping (sleutel: waarde)") }
        for (keyNode, valueNode) in mapping where keyNode.scalar?.string == key {
            if valueNode.isNull { return nil }
            return child(valueNode, key)
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
            self.child(child, "[\(index)]")
        }
    }

    // MARK: - Scalars

    /// The scalar's text as written (so `1.10` stays "1.10", not the number 1.1).
    public func string() throws(FormatError) -> String {
        guard let scalar = node.scalar else { throw error("verwacht een tekst") }
        return scalar.string
    }

    /// An id such as a profile's: letters, digits, '.', '_' and '-', at most 64, as it also names files.
    public func identifier() throws(FormatError) -> String {
        let value = try nonEmptyString()
        let allowed = value.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                || "._-".unicodeScalars.contains($0)
        }
        guard allowed, value.count <= 64 else {
            throw error("verwacht een id van letters, cijfers, '.', '_' en '-' (hooguit 64), gevonden \(found)")
        }
        return value
    }

    /// A person's or team's name: one line, at most 120 characters, no control characters.
    public func name() throws(FormatError) -> String { try line(maximum: VisibleText.nameLength, "een naam") }

    /// A title or label: one line of at most `maximum` characters, without control characters.
    public func line(maximum: Int = 200, _ what: String = "deze tekst") throws(FormatError) -> String {
        let value = try nonEmptyString()
        let faults = VisibleText.lineFaults(value, maximum: maximum)
        if faults.contains(.severalLines) { throw error("\(what) is één regel, gevonden \(found)") }
        if faults.contains(.tooLong) { throw error("\(what) is hooguit \(maximum) tekens, gevonden \(value.count)") }
        if faults.contains(.hidden) { throw error("\(what) bevat geen stuurtekens, gevonden \(found)") }
        return value
    }

    /// A note with a score: at most 2,000 characters (a long paragraph), no control characters but line breaks.
    public func note() throws(FormatError) -> String {
        let value = try string()
        guard value.count <= 2_000 else { throw error("een notitie is hooguit 2.000 tekens, gevonden \(value.count)") }
        guard !value.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && VisibleText.isHidden($0) }) else {
            throw error("een notitie bevat geen stuurtekens")
        }
        return value
    }

    public func nonEmptyString() throws(FormatError) -> String {
        let value = try string().trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty { throw error("mag niet leeg zijn") }
        return value
    }

    public func int() throws(FormatError) -> Int {
        guard let scalar = node.scalar else { throw error("verwacht een geheel getal, gevonden \(found)") }
        if scalar.style != .plain, Int(scalar.string.trimmingCharacters(in: .whitespaces)) != nil {
            throw error(
                "verwacht een geheel getal zonder aanhalingstekens, gevonden de tekst \(Excerpt.quote(scalar.string))")
        }
        guard scalar.style == .plain, let value = Int(scalar.string) else {
            throw error("verwacht een geheel getal, gevonden \(found)")
        }
        return value
    }

    /// A whole number within `range`, refused before any arithmetic with it.
    public func int(in range: ClosedRange<Int>, _ what: String = "") throws(FormatError) -> Int {
        let value = try int()
        guard range.contains(value) else {
            throw error(
                "\(what.isEmpty ? "" : what + " ")\(value) ligt buiten het bereik: verwacht \(range.lowerBound) t/m \(range.upperBound)"
            )
        }
        return value
    }

    public func double() throws(FormatError) -> Double {
        guard let scalar = node.scalar else { throw error("verwacht een getal, gevonden \(found)") }
        if scalar.style != .plain, Double(scalar.string.trimmingCharacters(in: .whitespaces)) != nil {
            throw error("verwacht een getal zonder aanhalingstekens, gevonden de tekst \(Excerpt.quote(scalar.string))")
        }
        guard scalar.style == .plain, let value = Double(scalar.string), value.isFinite else {
            throw error("verwacht een getal, gevonden \(found)")
        }
        return value
    }

    /// A number within `range`, refused before any arithmetic with it.
    public func double(in range: ClosedRange<Double>, _ what: String = "") throws(FormatError) -> Double {
        let value = try double()
        guard range.contains(value) else {
            throw error(
                "\(what.isEmpty ? "" : what + " ")\(Excerpt.quote(node.scalar?.string ?? "")) ligt buiten het bereik: verwacht \(DutchText.number(range.lowerBound)) t/m \(DutchText.number(range.upperBound))"
            )
        }
        return value
    }

    /// What the node holds, short and with control characters visible, for a message.
    var found: String {
        // At the top of a file that is not ours at all (a system file, a text), its content is not echoed.
        if path.isEmpty, node.scalar != nil { return "een losse tekst in plaats van sleutels en waarden" }
        if let scalar = node.scalar { return Excerpt.quote(scalar.string) }
        return node.mapping != nil ? "een mapping" : "een lijst"
    }

    public func bool() throws(FormatError) -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nee": return false
        default: throw error("verwacht true of false")
        }
    }

    /// A value from a fixed set, with the set in the message when it is not one of them.
    public func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(FormatError) -> T
    where T.RawValue == String {
        let raw = try string()
        guard let value = T(rawValue: raw) else {
            let expected = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("onbekende waarde \(Excerpt.quote(raw)): verwacht een van \(expected)")
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
                index < sequence.count
            {
                current = sequence[index]
            } else if let mapping = current.mapping,
                let entry = mapping.first(where: { $0.key.scalar?.string == part })
            {
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
            throw FormatError(
                problems.map {
                    FormatError.Problem(file: file, line: line(at: $0.path.map(\.description)), message: $0.description)
                })
        }
    }
}

extension Node {
    var isNull: Bool {
        guard let scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
