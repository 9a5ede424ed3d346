import Foundation
import LOBCore

/// The feedback file: one rater's answers about one teacher (YAML, JSON accepted), versioned and checked like the
/// scan file. It names the teacher rated and the rater's group, never the rater. See `docs/feedback.md`.
public enum FeedbackFile {
    public static let formatVersion = 1

    /// Reads a feedback file and checks it against its profile and the scale.
    public static func decode(
        data: Data, file: String, scale: Scale = .standard, catalogue: Catalogue = .standard,
        profile lookup: (String) -> Profile?
    ) throws(FormatError) -> (response: FeedbackResponse, profile: Profile) {
        let root = try YAMLDocument(data: data, file: file).reader
        _ = try root.document(.feedback)
        try root.required("formatVersion").expectFormatVersion(formatVersion)
        let idNode = try root.required("response")
        let id = try idNode.nonEmptyString()
        guard (8...64).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else {
            throw idNode.error("verwacht een willekeurige code van 8 tot 64 letters, cijfers of streepjes")
        }
        let profileNode = try root.required("profile")
        let profileID = try profileNode.nonEmptyString()
        guard let profile = lookup(profileID) else {
            throw profileNode.error("onbekend profiel \(Excerpt.quote(profileID)): zie 'lob profiles list'")
        }
        let dateNode = try root.required("date")
        guard let date = SchoolDate(try dateNode.string()) else {
            throw dateNode.error(SchoolDate.expected)
        }
        var response = FeedbackResponse(
            id: id, subject: try root.required("feedbackFor").name(),
            group: try root.required("group").oneOf(RaterGroup.self), profileID: profile.id, date: date)
        // A follow-up on the goal behaviours (level 3); without the key, the first view.
        if let moment = try root.optional("moment") { response.moment = try moment.oneOf(FeedbackMoment.self) }

        var problems: [FormatError.Problem] = []
        var scored = Set(profile.scoredBehaviours(in: catalogue).map(\.id))
        if response.group == .leerling {
            // Pupils answer the school's own pupil-worded statements only: the seeds word none for them.
            let pupil = Set((profile.pupilStatements ?? [:]).keys)
            guard !pupil.isEmpty else {
                throw try root.required("group").error(
                    "profiel \(Excerpt.quote(profile.id)) heeft geen stellingen voor leerlingen (pupilStatements): feedback van leerlingen kan alleen daarop"
                )
            }
            scored.formIntersection(pupil)
        }
        if let ratings = try root.optional("ratings") {
            for (behaviour, value) in try ratings.mapping() {
                guard scored.contains(behaviour) else {
                    let message =
                        response.group == .leerling
                        ? "gedragskenmerk \(Excerpt.quote(behaviour)) heeft geen stelling voor leerlingen in profiel \(Excerpt.quote(profile.id))"
                        : "gedragskenmerk \(Excerpt.quote(behaviour)) hoort niet bij profiel \(Excerpt.quote(profile.id))"
                    problems += value.error(message).problems
                    continue
                }
                if value.node.isNull { continue }
                do throws(FormatError) {
                    let level = try value.int()
                    guard scale.range.contains(level) else {
                        throw value.error(
                            "verwacht \(scale.range.lowerBound) t/m \(scale.range.upperBound), of leeg: kan ik niet beoordelen"
                        )
                    }
                    response.ratings[behaviour] = level
                } catch {
                    problems += error.problems
                }
            }
        }
        let competencies = Set(profile.scoredCompetencies(in: catalogue).map(\.id))
        if let remarks = try root.optional("remarks") {
            for (key, value) in try remarks.mapping() {
                guard let competency = Digits.int(key), competencies.contains(competency) else {
                    problems +=
                        value.error(
                            "verwacht het nummer van een competentie van het profiel: \(competencies.sorted().map(String.init).joined(separator: ", "))"
                        ).problems
                    continue
                }
                if value.node.isNull { continue }
                do throws(FormatError) {
                    let text = try value.note().trimmingCharacters(in: .whitespacesAndNewlines)
                    if !text.isEmpty { response.remarks[competency] = text }
                } catch {
                    problems += error.problems
                }
            }
        }
        if !problems.isEmpty { throw FormatError(problems) }
        return (response, profile)
    }

    public static func load(
        _ url: URL, profile lookup: (String) -> Profile?
    ) throws(FormatError) -> (
        response: FeedbackResponse, profile: Profile
    ) {
        try decode(data: YAMLDocument.read(url, kind: .feedback), file: url.relativePath, profile: lookup)
    }

    /// The response as a file again, in the profile's order; `decode(encode(x))` gives `x` back.
    public static func encode(
        _ response: FeedbackResponse, profile: Profile, catalogue: Catalogue = .standard, scale: Scale = .standard
    ) -> String {
        let quoted = ScanFile.quoted
        var lines = [
            "# LOB-spiegel feedback (formaatversie \(formatVersion)). Zie 'lob help feedback'.",
            "formatVersion: \(formatVersion)",
            "response: \(quoted(response.id))   # willekeurig: noemt niemand",
            "feedbackFor: \(quoted(response.subject))",
            "group: \(response.group.rawValue)   # collega | leidinggevende | leerling",
            "profile: \(quoted(response.profileID))",
            "date: \(response.date)",
        ]
        if response.moment != .nulmeting {
            lines.append("moment: \(response.moment.rawValue)   # nulmeting | vervolg")
        }
        lines.append("ratings:")
        // A follow-up asks the goal behaviours only: the rest would be a page of "kan ik niet beoordelen".
        for behaviour in profile.scoredBehaviours(in: catalogue)
        where (response.group != .leerling || profile.pupilStatements?[behaviour.id] != nil)
            && (response.moment == .nulmeting || response.ratings[behaviour.id] != nil)
        {
            let value = response.ratings[behaviour.id]
            lines.append(
                "  \(quoted(behaviour.id)): \(value.map(String.init) ?? "null")   # \(value.flatMap(scale.label) ?? "kan ik niet beoordelen")"
            )
        }
        if lines.last == "ratings:" { lines[lines.count - 1] = "ratings: {}" }
        if !response.remarks.isEmpty {
            lines.append("remarks:")
            for (competency, text) in response.remarks.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(quoted(String(competency))): \(quoted(text))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
