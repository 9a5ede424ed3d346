import Foundation
import LOBCore

/// A teacher's logbook of one school year as a file (YAML, JSON accepted): what `lob export logbook` writes and
/// `lob evaluation import` reads. It carries his name (a second logbook of his replaces his first) and his consent;
/// the school keeps the name only when he handed it in by name, and counts every logbook only in groups. See
/// `docs/evaluation.md`.
public enum LogbookFile {
    public static let formatVersion = 1

    public static func decode(data: Data, file: String) throws(FormatError) -> YearLogbook {
        let root = try YAMLDocument(data: data, file: file).reader
        _ = try root.document(.logbook)
        try root.required("formatVersion").expectFormatVersion(formatVersion)
        let teacher = try root.required("logbookOf").name()
        let consentNode = try root.required("consent")
        let consent = try consentNode.oneOf(Consent.self)
        let team = try root.optional("team")?.name()
        let yearNode = try root.required("schoolYear")
        let year = try yearNode.string()
        let parts = year.split(separator: "-", omittingEmptySubsequences: false).compactMap { Digits.int($0) }
        guard parts.count == 2, (2000...2100).contains(parts[0]), parts[1] == parts[0] + 1 else {
            throw yearNode.error(
                "verwacht een schooljaar als 2026-2027 (tussen 2000 en 2100), gevonden \(Excerpt.quote(year))")
        }
        let date = try Self.date(root.required("date"))
        let preference = try root.optional("learningPreference")?.oneOf(LearningPreference.self)
        let planned = try root.required("planned")
        _ = try planned.mapping(allowed: ["goals", "hours", "cost"])
        let goalsPlanned = try planned.required("goals").int(in: 0...7, "het aantal doelen")
        let plannedMinutes = Self.minutes(try planned.required("hours").double(in: 0...2_000 * 7, "de uren"))
        let plannedCents = Self.cents(try planned.required("cost").double(in: 0...10_000_000, "de kosten"))

        var activities: [YearLogbook.Activity] = []
        if let node = try root.optional("activities") {
            let items = try node.sequence()
            guard items.count <= 500 else { throw node.error("hooguit 500 activiteiten in een schooljaar") }
            for item in items {
                _ = try item.mapping(allowed: [
                    "form", "name", "competency", "date", "hours", "cost", "satisfied", "usable",
                ])
                let activityDate = try Self.date(item.required("date"))
                let satisfied = try item.optional("satisfied")?.int(in: Reaction.scale, "tevreden")
                let usable = try item.optional("usable")?.int(in: Reaction.scale, "aan de slag")
                if (satisfied == nil) != (usable == nil) {
                    throw item.error("een reactie heeft beide antwoorden: satisfied en usable")
                }
                activities.append(
                    YearLogbook.Activity(
                        form: try item.required("form").identifier(), name: try item.required("name").line(),
                        competency: try item.optional("competency")?.int(in: 1...7, "competentie"),
                        date: activityDate,
                        minutes: Self.minutes(try item.required("hours").double(in: 0...2_000, "de uren")),
                        cents: Self.cents(try item.required("cost").double(in: 0...10_000_000, "de kosten")),
                        satisfied: satisfied, usable: usable))
            }
        }
        var goals: [YearLogbook.Goal] = []
        if let node = try root.optional("goals") {
            let items = try node.sequence()
            guard items.count <= 7 else { throw node.error("hooguit 7 doelen") }
            var seen = Set<Int>()
            for item in items {
                _ = try item.mapping(allowed: ["competency", "reached", "gapBefore", "gapAfter", "observed"])
                let competencyNode = try item.required("competency")
                let competency = try competencyNode.int(in: 1...7, "competentie")
                guard seen.insert(competency).inserted else {
                    throw competencyNode.error("competentie \(competency) staat er dubbel in")
                }
                let reachedNode = try item.required("reached")
                let reached = try reachedNode.bool()
                let gapAfter = try item.required("gapAfter").int(in: 0...200, "het gat")
                if reached && gapAfter > 0 { throw reachedNode.error("bereikt, maar er is nog een gat (gapAfter)") }
                goals.append(
                    YearLogbook.Goal(
                        competency: competency, reached: reached,
                        gapBefore: try item.required("gapBefore").int(in: 0...200, "het gat"), gapAfter: gapAfter,
                        observed: try item.optional("observed").flatMap { node throws(FormatError) in
                            node.node.isNull ? nil : try node.double(in: -3...3, "de waargenomen verandering")
                        }))
            }
        }
        if consent == .prive {
            throw consentNode.error("een privé-logboek lever je niet in: kies anoniem of metNaam")
        }
        return YearLogbook(
            teacher: teacher, consent: consent, team: team, schoolYear: year, date: date,
            learningPreference: preference, goalsPlanned: goalsPlanned, plannedMinutes: plannedMinutes,
            plannedCents: plannedCents, activities: activities, goals: goals)
    }

    public static func load(_ url: URL) throws(FormatError) -> YearLogbook {
        try decode(data: YAMLDocument.read(url, kind: .logbook), file: url.relativePath)
    }

    /// The logbook as a file; `decode(encode(x))` gives `x` back. Remarks are not in it: they stay the teacher's.
    public static func encode(_ logbook: YearLogbook) -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var lines = [
            "# LOB-spiegel logboek (formaatversie \(formatVersion)). Uitleg: lob help logboek.",
            "# Wat je van je scholingsplan deed, voor de evaluatie van de school: die telt het alleen als groep.",
            "# Je opmerkingen staan er niet in; je naam bewaart de school alleen bij consent: metNaam.",
            "formatVersion: \(formatVersion)",
            "logbookOf: \(quoted(logbook.teacher ?? ""))",
            "consent: \(logbook.consent.rawValue)   # anoniem | metNaam",
        ]
        if let team = logbook.team { lines.append("team: \(quoted(team))") }
        lines += [
            "schoolYear: \(logbook.schoolYear)",
            "date: \(logbook.date)",
        ]
        if let preference = logbook.learningPreference { lines.append("learningPreference: \(preference.rawValue)") }
        lines.append(
            "planned: {goals: \(logbook.goalsPlanned), hours: \(number(Double(logbook.plannedMinutes) / 60)), cost: \(number(Double(logbook.plannedCents) / 100))}"
        )
        lines.append(logbook.activities.isEmpty ? "activities: []" : "activities:")
        for activity in logbook.activities {
            var fields = [
                "form: \(activity.form)", "name: \(quoted(activity.name))",
            ]
            if let competency = activity.competency { fields.append("competency: \(competency)") }
            fields += [
                "date: \(activity.date)", "hours: \(number(Double(activity.minutes) / 60))",
                "cost: \(number(Double(activity.cents) / 100))",
            ]
            if let satisfied = activity.satisfied, let usable = activity.usable {
                fields += ["satisfied: \(satisfied)", "usable: \(usable)"]
            }
            lines.append("  - {\(fields.joined(separator: ", "))}")
        }
        lines.append(logbook.goals.isEmpty ? "goals: []   # nog geen latere scan" : "goals:")
        for goal in logbook.goals {
            lines.append(
                "  - {competency: \(goal.competency), reached: \(goal.reached), gapBefore: \(goal.gapBefore), gapAfter: \(goal.gapAfter)"
                    + (goal.observed.map { ", observed: \(YearLogbook.Goal.observedText($0))" } ?? "") + "}"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Hours and euros as the file writes them: a point, at most what a minute or a cent needs.
    static func number(_ value: Double) -> String {
        let text = String(format: "%.4f", value)
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return String(trimmed)
    }

    static func minutes(_ hours: Double) -> Int { Int((hours * 60).rounded()) }
    static func cents(_ euros: Double) -> Int64 { Int64((euros * 100).rounded()) }

    static func date(_ node: NodeReader) throws(FormatError) -> SchoolDate {
        guard let date = SchoolDate(try node.string()) else { throw node.error(SchoolDate.expected) }
        return date
    }
}
