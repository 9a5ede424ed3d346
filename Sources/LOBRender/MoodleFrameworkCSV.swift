import Foundation
import LOBCore

/// The framework (or a profile's part of it) as the competency-framework CSV that Moodle's "Import competency
/// framework" (admin/tool/lpimportcsv) reads: its 14 columns in its order, one framework row with the scale, then a
/// row per competency and per behaviour with its parent's ID number (docs/interop.md).
///
/// The rules come from Moodle's importer (`framework_importer`): columns by position after a header row; the row
/// with "Is framework" set is the framework; a row without ID number or short name is skipped; short names and ID
/// numbers are cut at 100 characters; the scale configuration is a JSON list whose first element names the scale and
/// whose other elements mark the default and the proficient levels (at least one of each).
public enum MoodleFrameworkCSV {
    /// Moodle's own header texts (tool_lpimportcsv's language strings), in the importer's order.
    public static let header = [
        "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
        "Scale configuration",
        "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
        "Cross-referenced competency ID numbers",
        "Exported ID (optional)", "Is framework", "Taxonomy",
    ]

    /// Moodle's FORMAT_PLAIN: the description is plain text.
    static let plainText = "2"

    public static func rows(
        catalogue: Catalogue = .standard, profile: Profile? = nil, scale: Scale = .standard
    ) -> [[String]] {
        let behaviours = profile?.scoredBehaviours(in: catalogue) ?? catalogue.behaviours
        let competencies = catalogue.competencies.filter { competency in
            behaviours.contains { $0.competency == competency.id }
        }
        // Proficient: at or above the target (the profile's, or the default 3 "meestal / bekwaam"); default: the lowest.
        let target = profile?.defaultTarget ?? 3
        let configuration =
            "[{\"scaleid\":\"1\"},"
            + scale.levels.map { level in
                "{\"id\":\(level.value),\"scaledefault\":\(level.value == scale.range.lowerBound ? 1 : 0),\"proficient\":\(level.value >= target ? 1 : 0)}"
            }.joined(separator: ",") + "]"
        let frameworkID = profile.map { "lob-spiegel-\($0.id)" } ?? "lob-spiegel-sbl"
        let title =
            profile.map { "LOB-spiegel: \($0.title)" }
            ?? "LOB-spiegel: SBL-competenties en gedragskenmerken loopbaanbegeleider"
        let description =
            profile.map { $0.description.isEmpty ? $0.title : $0.description }
            ?? "De zeven SBL-competenties met de aanvullende gedragskenmerken voor de loopbaanbegeleider (SLO, vmbo); schaal van LOB-spiegel."
        var rows: [[String]] = [
            [
                "", frameworkID, short(title), description,
                plainText, scale.levels.map { capitalised($0.label) }.joined(separator: ","), configuration, "", "", "",
                "", "", "1", "competency,behaviour",
            ]
        ]
        var exportID = 0
        for competency in competencies {
            exportID += 1
            rows.append([
                "", "\(competency.id)", short("\(competency.id) \(competency.name)"), competency.bekwaamheidseis,
                plainText,
                "", "", "", "0", "null", "", "\(exportID)", "", "",
            ])
            for behaviour in behaviours where behaviour.competency == competency.id {
                exportID += 1
                rows.append([
                    "\(competency.id)", behaviour.id, short("\(behaviour.id) \(behaviour.text)"),
                    "De loopbaanbegeleider \(behaviour.text).",
                    plainText, "", "", "", "0", "null", "", "\(exportID)", "", "",
                ])
            }
        }
        return rows
    }

    /// The CSV file: UTF-8 without a byte-order mark, commas, quotes doubled (what PHP's fgetcsv reads), LF line ends.
    public static func render(
        catalogue: Catalogue = .standard, profile: Profile? = nil, scale: Scale = .standard
    ) throws -> String {
        // fgetcsv treats a backslash before a quote as an escape: none may appear.
        let body = rows(catalogue: catalogue, profile: profile, scale: scale).map { row in
            row.map { $0.replacingOccurrences(of: "\\", with: "/") }
        }
        return CSVRenderer.text([header] + body, newline: .lf)
    }

    /// Moodle cuts a short name at 100 characters; we cut it ourselves, at a word, with "…", so it reads well.
    static func short(_ text: String) -> String {
        guard text.count > 100 else { return text }
        let cut = text.prefix(99)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(word) + "…"
    }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
