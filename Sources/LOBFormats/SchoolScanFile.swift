import Foundation
import LOBCore

/// The schoolscan as a file (YAML, JSON accepted): for each of the 12 aspects the model that fits how the school
/// works now, and optionally the one it wants to reach. See `docs/school.md`; `docs/examples/schoolscan.yaml`.
public enum SchoolScanFile {
    public static let formatVersion = 1

    /// Reads and checks a schoolscan. Every aspect must be answered: a school's stage rests on all twelve.
    public static func decode(data: Data, file: String) throws(FormatError) -> SchoolScan {
        let root = try YAMLDocument(data: data, file: file).reader
        _ = try root.document(.schoolScan)
        try root.required("formatVersion").expectFormatVersion(formatVersion)
        let dateNode = try root.required("date")
        guard let date = SchoolDate(try dateNode.string()) else {
            throw dateNode.error(SchoolDate.expected)
        }
        var year = SchoolScan.schoolYear(of: date)
        if let yearNode = try root.optional("schoolYear") {
            let text = try yearNode.string()
            let parts = text.split(separator: "-", omittingEmptySubsequences: false).compactMap { Digits.int($0) }
            guard parts.count == 2, (2000...2100).contains(parts[0]), parts[1] == parts[0] + 1 else {
                throw yearNode.error(
                    "verwacht een schooljaar als 2026-2027 (tussen 2000 en 2100), gevonden \(Excerpt.quote(text))")
            }
            year = text
        }
        var scan = SchoolScan(school: try root.required("school").name(), schoolYear: year, date: date)
        let aspectsNode = try root.required("aspects")
        let known = Set(Aspect.all.map(\.id))
        for (key, value) in try aspectsNode.mapping() {
            guard let id = Digits.int(key), known.contains(id) else {
                throw value.error("onbekend aspect \(Excerpt.quote(key)): verwacht 1 t/m 12")
            }
            _ = try value.mapping(allowed: ["current", "wished"])
            let current = try value.required("current").oneOf(SchoolModel.ID.self)
            let wished = try value.optional("wished")?.oneOf(SchoolModel.ID.self)
            scan.answers[id] = SchoolScan.Answer(current: current, wished: wished)
        }
        let missing = Aspect.all.map(\.id).filter { scan.answers[$0] == nil }
        if !missing.isEmpty {
            throw aspectsNode.error(
                "aspect \(missing.map(String.init).joined(separator: ", ")) ontbreekt: beantwoord alle 12 aspecten")
        }
        return scan
    }

    public static func load(_ url: URL) throws(FormatError) -> SchoolScan {
        try decode(data: YAMLDocument.read(url, kind: .schoolScan), file: url.relativePath)
    }

    /// The scan as a file again, with each aspect's descriptions as comments; `decode(encode(x))` gives `x` back.
    public static func encode(_ scan: SchoolScan) -> String {
        var lines = [
            "# LOB-spiegel schoolscan (formaatversie \(formatVersion)). Uitleg: lob help schoolscan.",
            "# Per aspect: welk model beschrijft hoe het op school werkelijk gaat (current), en waar de school heen wil (wished).",
            "formatVersion: \(formatVersion)",
            "school: \"\(scan.school.replacingOccurrences(of: "\"", with: "\\\""))\"",
            "schoolYear: \(scan.schoolYear)",
            "date: \(scan.date)",
            "aspects:",
        ]
        for aspect in Aspect.all {
            guard let answer = scan.answers[aspect.id] else { continue }
            lines.append("  # \(aspect.id). \(aspect.name)")
            for model in SchoolModel.ID.allCases {
                lines.append("  #   \(model.rawValue): \(aspect.description(for: model))")
            }
            lines.append(
                "  \(aspect.id): {current: \(answer.current.rawValue)\(answer.wished.map { ", wished: \($0.rawValue)" } ?? "")}"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
