import Foundation
import LOBCore

/// The reactions a participant downloads from the offline page of `lob plan react --out` (YAML, JSON accepted),
/// read back into his own logbook by `lob plan react --file`. It names him and his plan's scan; each reaction names
/// the activity by its logbook number and its name, so a logbook that changed in between is noticed.
public enum ReactionFile {
    public static let formatVersion = 1

    /// The sheet, and the line of each answer in the file (for the faults found when it meets the logbook).
    public static func decode(data: Data, file: String) throws(FormatError) -> (sheet: ReactionSheet, lines: [Int?]) {
        let root = try YAMLDocument(data: data, file: file).reader
        _ = try root.document(.reactions)
        try root.required("formatVersion").expectFormatVersion(formatVersion)
        let teacher = try root.required("reactionsOf").name()
        let planScan = Int64(try root.required("planScan").int(in: 1...Int(Int32.max), "het scannummer"))
        let node = try root.required("reactions")
        let items = try node.sequence()
        guard items.count <= ReactionSheet.maximumAnswers else {
            throw node.error("hooguit \(ReactionSheet.maximumAnswers) reacties in één bestand")
        }
        var answers: [ReactionSheet.Answer] = []
        var lines: [Int?] = []
        var problems: [FormatError.Problem] = []
        for item in items {
            do throws(FormatError) {
                _ = try item.mapping(allowed: ["activity", "name", "date", "satisfied", "usable", "remark"])
                let dateNode = try item.required("date")
                guard let date = SchoolDate(try dateNode.string()) else { throw dateNode.error(SchoolDate.expected) }
                let remark = try item.optional("remark").flatMap { node throws(FormatError) in
                    node.node.isNull ? nil : try node.note()
                }
                answers.append(
                    ReactionSheet.Answer(
                        activityID: Int64(
                            try item.required("activity").int(in: 1...Int(Int32.max), "het logboeknummer")),
                        activityName: try item.required("name").line(maximum: 200, "de naam van de activiteit"),
                        satisfied: try item.required("satisfied").int(in: Reaction.scale, "tevreden"),
                        usable: try item.required("usable").int(in: Reaction.scale, "aan de slag"),
                        remark: remark, date: date))
                lines.append(item.line)
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw FormatError(problems) }
        guard !answers.isEmpty else { throw node.error("het bestand geeft geen enkele reactie") }
        return (ReactionSheet(teacher: teacher, planScanID: planScan, answers: answers), lines)
    }

    public static func load(_ url: URL) throws(FormatError) -> (sheet: ReactionSheet, lines: [Int?]) {
        try decode(data: YAMLDocument.read(url, kind: .reactions), file: url.relativePath)
    }

    /// The sheet as the page writes it; `decode(encode(x))` gives `x` back.
    public static func encode(_ sheet: ReactionSheet) -> String {
        let quoted = ScanFile.quoted
        var lines = [
            "# LOB-spiegel reacties (formaatversie \(formatVersion)). Lees ze in je eigen logboek in met:",
            "#   lob plan react --file BESTAND",
            "# Met je naam en je antwoorden: alleen voor jezelf, de school ziet reacties alleen als groep.",
            "formatVersion: \(formatVersion)",
            "reactionsOf: \(quoted(sheet.teacher))",
            "planScan: \(sheet.planScanID)",
            "reactions:",
        ]
        for answer in sheet.answers {
            lines += [
                "  - activity: \(answer.activityID)",
                "    name: \(quoted(answer.activityName))",
                "    date: \(answer.date)",
                "    satisfied: \(answer.satisfied)   # \(Reaction.satisfiedLabels[answer.satisfied - 1])",
                "    usable: \(answer.usable)   # \(Reaction.usableLabels[answer.usable - 1])",
            ]
            if let remark = answer.remark { lines.append("    remark: \(quoted(remark))") }
        }
        if sheet.answers.isEmpty { lines[lines.count - 1] = "reactions: []" }
        return lines.joined(separator: "\n") + "\n"
    }
}
