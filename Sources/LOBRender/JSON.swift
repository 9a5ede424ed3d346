import Foundation

/// The one JSON encoder: sorted keys and fixed formatting, so the same input gives the same bytes.
public enum JSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }
}

/// The JSON contract's one rule for a figure that is withheld or missing: it is written as `null`, never left out,
/// so every object always has all its keys (`docs/json.md`). Every optional of every JSON type is `@Null`.
@propertyWrapper
public struct Null<Value: Encodable>: Encodable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
