import Foundation

/// A small JSON Schema (draft 4) validator for the keywords the CASE 1.0 package schema uses: `type`, `properties`,
/// `required`, `additionalProperties` (false, or a schema), `items`, `minItems`, `enum`, `pattern`, `oneOf`, `$ref` to
/// `#/definitions/…`, and `format` (`uri`, `date`, `date-time`). No Swift package for this is available here, and
/// these keywords are few.
struct JSONSchema {
    let root: [String: Any]

    init(data: Data) throws {
        root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Every violation, as "path: what".
    func validate(_ value: Any) -> [String] {
        var problems: [String] = []
        check(value, against: root, at: "$", into: &problems)
        return problems
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/definitions/") else { return schema }
        let name = String(reference.dropFirst("#/definitions/".count))
        return resolve((root["definitions"] as? [String: Any])?[name] as? [String: Any] ?? [:])
    }

    private func check(_ value: Any, against raw: [String: Any], at path: String, into problems: inout [String]) {
        let schema = resolve(raw)
        if let options = schema["oneOf"] as? [[String: Any]] {
            let passing = options.filter { option in
                var inner: [String] = []
                check(value, against: option, at: path, into: &inner)
                return inner.isEmpty
            }.count
            if passing != 1 { problems.append("\(path): matches \(passing) of oneOf, not exactly one") }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            if !types.contains(where: { Self.isOfType(value, $0) }) { problems.append("\(path): not of type \(types)") }
        }
        if let allowed = schema["enum"] as? [String], let string = value as? String, !allowed.contains(string) {
            problems.append("\(path): '\(string)' not in enum")
        }
        if let string = value as? String {
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil
            {
                problems.append("\(path): '\(string)' does not match \(pattern)")
            }
            if let format = schema["format"] as? String, !Self.hasFormat(string, format) {
                problems.append("\(path): '\(string)' is not a \(format)")
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum {
                problems.append("\(path): fewer than \(minimum) items")
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, element) in array.enumerated() {
                    check(element, against: items, at: "\(path)[\(index)]", into: &problems)
                }
            }
        }
        if let object = value as? [String: Any], !(value is [Any]) {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing required \(key)")
            }
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] as? [String: Any] {
                    check(child, against: property, at: "\(path).\(key)", into: &problems)
                } else if let additional = schema["additionalProperties"] as? Bool, !additional {
                    problems.append("\(path): property \(key) is not allowed")
                } else if let additional = schema["additionalProperties"] as? [String: Any],
                    let named = additional[key] as? [String: Any]
                {
                    // The CASE schema lists its allowed extra keys (CFDocumentURI, CFPackageURI) this way.
                    check(child, against: named, at: "\(path).\(key)", into: &problems)
                }
            }
        }
    }

    static func isOfType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "null": value is NSNull
        case "boolean": (value as? NSNumber).map(isBoolean) ?? false
        case "integer":
            (value as? NSNumber).map { !isBoolean($0) && $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": (value as? NSNumber).map { !isBoolean($0) } ?? false
        default: false
        }
    }

    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    static func hasFormat(_ text: String, _ format: String) -> Bool {
        switch format {
        case "uri": URL(string: text)?.scheme != nil && !text.contains(" ")
        case "date": text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
        case "date-time":
            text.range(
                of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression)
                != nil
        default: true
        }
    }
}
