import Foundation
import Testing

/// Every object in every JSON file in `Exports/` has exactly the keys `docs/json.md` lists for it: none missing
/// (a withheld figure is `null`, never absent) and none undocumented.
struct JSONContractTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Per file, per object path, the documented keys (nil: a map keyed by ids).
    static func documented() throws -> [String: [String: Set<String>?]] {
        let text = try String(contentsOf: repository.appendingPathComponent("docs/json.md"), encoding: .utf8)
        var result: [String: [String: Set<String>?]] = [:]
        var file: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("## ") { file = String(line.dropFirst(3)) }
            guard let file, line.hasPrefix("| `$") else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let path = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let keys: Set<String>? =
                cells[1] == "*map*"
                ? nil
                : Set(
                    cells[1].split(separator: ",").map {
                        $0.trimmingCharacters(in: CharacterSet(charactersIn: " `"))
                    })
            result[file, default: [:]][path] = keys
        }
        return result
    }

    @Test func every_exported_object_has_exactly_its_documented_keys() async throws {
        let documented = try Self.documented()
        let exports = try FileManager.default.contentsOfDirectory(
            atPath: Self.repository.appendingPathComponent("Exports").path
        )
        .filter { $0.hasSuffix(".json") && !$0.contains("case") }
        #expect(Set(exports) == Set(documented.keys), "every exported JSON is documented, and nothing else")
        for file in exports {
            let data = try Data(contentsOf: Self.repository.appendingPathComponent("Exports/\(file)"))
            let tables = try #require(documented[file])
            var seen = Set<String>()
            func walk(_ value: Any, _ path: String) {
                if let object = value as? [String: Any] {
                    seen.insert(path)
                    guard let entry = tables[path] else {
                        Issue.record("\(file): \(path) is not in docs/json.md")
                        return
                    }
                    guard let keys = entry else {
                        for (_, child) in object { walk(child, path + "{}") }
                        return
                    }
                    #expect(
                        Set(object.keys) == keys, "\(file) \(path): keys \(Set(object.keys).symmetricDifference(keys))")
                    for (key, child) in object { walk(child, path + "." + key) }
                } else if let list = value as? [Any] {
                    for element in list { walk(element, path + "[]") }
                }
            }
            walk(try JSONSerialization.jsonObject(with: data), "$")
            #expect(
                seen == Set(tables.keys),
                "\(file): documented objects that do not occur: \(Set(tables.keys).subtracting(seen))")
        }
    }
}
