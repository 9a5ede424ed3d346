/// A JSON document built by hand, written byte for byte as `JSON.encode` writes the same value (sorted keys, two
/// spaces, `"key" : value`). For outputs of tens of thousands of objects, such as the team report of a board:
/// Foundation's `JSONEncoder` spent more time on them than the rest of the command together.
/// It is also `Encodable`, so a part built this way can sit inside an `Encodable` output.
public enum JSONValue: Sendable, Encodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Written in key order, whatever the order here (listed in key order, there is nothing to sort).
    case object([(String, JSONValue)])

    /// A string, or `null` for nil: the contract writes every key (`Null`).
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    public static func int(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
    public static func double(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }
    public static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
    public static func ints(_ values: [Int]) -> JSONValue { .array(values.map { .int($0) }) }

    /// Keys in the order of their UTF-8 bytes, as Foundation sorts them.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.lexicographicallyPrecedes(y) } }
    }

    /// The document as `JSON.encode` writes it, with its final newline.
    public func text() throws -> String {
        var writer = Writer()
        try writer.write(self, depth: 0)
        writer.bytes.append(UInt8(ascii: "\n"))
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in members { try container.encode(value, forKey: Key(stringValue: key)) }
        }
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// Foundation's pretty printing, reproduced: the tests hold the two against each other.
    private struct Writer {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(1 << 20) }

        mutating func write(_ value: JSONValue, depth: Int) throws {
            switch value {
            case .null: literal("null")
            case .bool(let value): value ? literal("true") : literal("false")
            case .int(let value): integer(value)
            case .double(let value):
                guard value.isFinite else {
                    throw EncodingError.invalidValue(
                        value, EncodingError.Context(codingPath: [], debugDescription: "Geen eindig getal."))
                }
                // As Foundation: the shortest form that reads back the same, without a trailing ".0".
                var text = value.description
                if text.hasSuffix(".0") { text.removeLast(2) }
                append(text)
            case .string(let value): string(value)
            case .array(let values):
                bytes.append(UInt8(ascii: "["))
                newline()
                // An empty one has an empty line inside, as Foundation writes it.
                if values.isEmpty { newline() }
                for (index, element) in values.enumerated() {
                    indent(depth + 1)
                    try write(element, depth: depth + 1)
                    if index < values.count - 1 { bytes.append(UInt8(ascii: ",")) }
                    newline()
                }
                indent(depth)
                bytes.append(UInt8(ascii: "]"))
            case .object(let members):
                bytes.append(UInt8(ascii: "{"))
                newline()
                if members.isEmpty { newline() }
                // Most objects are built in key order already: then there is nothing to sort.
                let inOrder = zip(members, members.dropFirst()).allSatisfy { !JSONValue.precedes($1.0, $0.0) }
                let sorted = inOrder ? members : members.sorted { JSONValue.precedes($0.0, $1.0) }
                for (index, (key, element)) in sorted.enumerated() {
                    indent(depth + 1)
                    string(key)
                    literal(" : ")
                    try write(element, depth: depth + 1)
                    if index < sorted.count - 1 { bytes.append(UInt8(ascii: ",")) }
                    newline()
                }
                indent(depth)
                bytes.append(UInt8(ascii: "}"))
            }
        }

        private mutating func literal(_ text: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
        private mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

        private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
        private mutating func indent(_ depth: Int) {
            var count = 2 * depth
            while count > 0 {
                bytes.append(contentsOf: Self.spaces.prefix(count))
                count -= Self.spaces.count
            }
        }

        /// Digits written in place: a board's heatmap has a hundred and fifty thousand scores.
        private mutating func integer(_ value: Int) {
            guard value != 0 else { return bytes.append(UInt8(ascii: "0")) }
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            // Least significant first, then turned round where they stand.
            let start = bytes.count
            var rest = value.magnitude
            while rest > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            }
            bytes[start...].reverse()
        }

        private mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            var text = text
            // Nearly every string has nothing to escape: then it is copied as a whole, from its bytes in place.
            let plain = text.withUTF8 { utf8 in
                guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
                else {
                    return false
                }
                bytes.append(contentsOf: utf8)
                return true
            }
            if plain {
                bytes.append(UInt8(ascii: "\""))
                return
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): literal("\\\"")
                case UInt8(ascii: "\\"): literal("\\\\")
                case 0x08: literal("\\b")
                case 0x0C: literal("\\f")
                case UInt8(ascii: "\n"): literal("\\n")
                case UInt8(ascii: "\r"): literal("\\r")
                case UInt8(ascii: "\t"): literal("\\t")
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    literal("\\u00")
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
