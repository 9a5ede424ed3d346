import Foundation
import LOBCore

/// The portable scan file (YAML, JSON accepted): how a teacher answers without the terminal UI and hands his
/// scan to the teamvoorzitter. See `docs/scan-file.md`; `docs/examples/scan.yaml` is a complete example.
public enum ScanFile {
    public static let formatVersion = 1

    /// Reads a scan and checks it against its profile (found by `profile(id)`) and the scale.
    /// `profileID`, when given, is the profile to use: a file that names another one is refused, and a file
    /// without a `profile` key uses it.
    public static func decode(
        data: Data, file: String, scale: Scale = .standard, catalogue: Catalogue = .standard,
        profileID chosenProfile: String? = nil,
        profile lookup: (String) -> Profile?
    ) throws(FormatError) -> (scan: Scan, profile: Profile) {
        try decode(
            data: data, file: file, scale: scale, catalogue: catalogue, profileID: chosenProfile, profile: lookup,
            scored: { Set($0.scoredBehaviours(in: catalogue).map(\.id)) })
    }

    /// `scored` gives the behaviour ids a profile scores: worked out once per profile when thousands of files are
    /// read (`loadAll`).
    static func decode(
        data: Data, file: String, scale: Scale = .standard, catalogue: Catalogue = .standard,
        profileID chosenProfile: String? = nil,
        profile lookup: (String) -> Profile?, scored scoredIDs: (Profile) -> Set<String>
    ) throws(FormatError) -> (scan: Scan, profile: Profile) {
        let root = try YAMLDocument(data: data, file: file).reader
        _ = try root.document(.scan)
        try root.required("formatVersion").expectFormatVersion(formatVersion)
        let profileNode = chosenProfile == nil ? try root.required("profile") : try root.optional("profile")
        let named = try profileNode?.nonEmptyString()
        if let profileNode, let named, let chosenProfile, named != chosenProfile {
            throw profileNode.error(
                "het bestand noemt profiel \(Excerpt.quote(named)), maar --profile zegt \(Excerpt.quote(chosenProfile))"
            )
        }
        let profileID = named ?? chosenProfile ?? ""
        guard let profile = lookup(profileID) else {
            throw (profileNode ?? root).error("onbekend profiel \(Excerpt.quote(profileID)): zie 'lob profiles list'")
        }
        let dateNode = try root.required("date")
        guard let date = SchoolDate(try dateNode.string()) else {
            throw dateNode.error(SchoolDate.expected)
        }

        var scan = Scan(
            teacher: try root.required("teacher").name(), team: try root.optional("team")?.name(),
            profileID: profileID, date: date)
        if let consent = try root.optional("consent") { scan.consent = try consent.oneOf(Consent.self) }
        if let position = try root.optional("portraitPosition") {
            let value = try position.int()
            guard Scan.portraitRange.contains(value) else {
                throw position.error("verwacht 0 (traditionele vakdocent) t/m 10 (vakdocent als loopbaanbegeleider)")
            }
            scan.portraitPosition = value
        }
        if let preference = try root.optional("learningPreference") {
            _ = try preference.mapping(allowed: ["answers", "chosen"])
            if let answers = try preference.optional("answers") {
                let known = Set(PreferenceCheck.statements.map(\.id))
                for (key, value) in try answers.mapping() {
                    guard known.contains(key) else {
                        throw value.error(
                            "onbekende stelling: verwacht een van \(known.sorted().joined(separator: ", "))")
                    }
                    let level = try value.int()
                    guard (1...PreferenceCheck.agreement.count).contains(level) else {
                        throw value.error("verwacht 1 t/m \(PreferenceCheck.agreement.count)")
                    }
                    scan.preferenceAnswers[key] = level
                }
            }
            scan.chosenPreference = try preference.optional("chosen")?.oneOf(LearningPreference.self)
        }

        let scored = scoredIDs(profile)
        if let scores = try root.optional("scores") {
            // Every fault in the scores is reported, not only the first.
            var problems: [FormatError.Problem] = []
            for (id, value) in try scores.mapping() {
                do {
                    scan.answers[id] = try answer(value, id: id, scored: scored, profile: profile, range: scale.range)
                } catch {
                    problems += error.problems
                }
            }
            if !problems.isEmpty { throw FormatError(problems) }
        }
        return (scan, profile)
    }

    /// Reads many scan files at once, on every core (a team's hundreds or a board's thousands); the results are in
    /// the order of `urls`.
    public static func loadAll(
        _ urls: [URL], profile lookup: @escaping @Sendable (String) -> Profile?
    )
        -> [Result<(scan: Scan, profile: Profile), FormatError>]
    {
        loadAll(urls, profile: lookup) { (scan: $0, profile: $1) }
    }

    /// As `loadAll(_:profile:)`, each good file made into what the caller keeps (a team member's scan) on the same
    /// core that read it.
    public static func loadAll<Loaded: Sendable>(
        _ urls: [URL], profile lookup: @escaping @Sendable (String) -> Profile?,
        then make: @escaping @Sendable (Scan, Profile) -> Loaded
    ) -> [Result<Loaded, FormatError>] {
        let results = LoadResults<Loaded>(urls.count)
        let scored = ScoredIDs()
        DispatchQueue.concurrentPerform(iterations: urls.count) { index in
            let result: Result<Loaded, FormatError>
            do throws(FormatError) {
                let url = urls[index]
                let (scan, profile) = try decode(
                    data: YAMLDocument.read(url, kind: .scan), file: url.relativePath, profile: lookup,
                    scored: scored.of)
                result = .success(make(scan, profile))
            } catch {
                result = .failure(error)
            }
            results.lock.lock()
            results.items[index] = result
            results.lock.unlock()
        }
        return results.items.map { $0! }
    }

    /// One entry of `scores`: a score, or a mapping with a score and a note.
    private static func answer(
        _ value: NodeReader, id: String, scored: Set<String>, profile: Profile,
        range: ClosedRange<Int>
    ) throws(FormatError) -> Scan.Answer {
        guard scored.contains(id) else {
            throw value.error("gedragskenmerk \(Excerpt.quote(id)) hoort niet bij profiel \(Excerpt.quote(profile.id))")
        }
        var answer = Scan.Answer(score: nil)
        let scoreNode: NodeReader?
        if value.node.mapping != nil {
            _ = try value.mapping(allowed: ["score", "note"])
            scoreNode = try value.optional("score")
            answer.note = try value.optional("note")?.note()
        } else {
            scoreNode = value.node.isNull ? nil : value
        }
        if let scoreNode {
            let score = try scoreNode.int()
            guard range.contains(score) else {
                throw scoreNode.error(
                    "score \(score) ligt buiten de schaal: verwacht \(range.lowerBound) t/m \(range.upperBound) (of leeg: niet beantwoord)"
                )
            }
            answer.score = score
        }
        return answer
    }

    /// Reads a scan file from disk; see `decode`.
    public static func load(
        _ url: URL, profileID: String? = nil,
        profile lookup: (String) -> Profile?
    ) throws(FormatError) -> (scan: Scan, profile: Profile) {
        try decode(
            data: YAMLDocument.read(url, kind: .scan), file: url.relativePath, profileID: profileID, profile: lookup)
    }

    /// The scan as a file again, in the profile's order; `decode(encode(x))` gives `x` back.
    public static func encode(
        _ scan: Scan, profile: Profile, catalogue: Catalogue = .standard, scale: Scale = .standard
    ) -> String {
        var lines = [
            "# LOB-spiegel zelfscan (formaatversie \(formatVersion)). Uitleg: lob help scanbestand.",
            "formatVersion: \(formatVersion)",
            "teacher: \(quoted(scan.teacher))",
        ]
        if let team = scan.team { lines.append("team: \(quoted(team))") }
        lines.append("profile: \(quoted(scan.profileID))")
        lines.append("date: \(scan.date)")
        lines.append("consent: \(scan.consent.rawValue)   # prive | anoniem | metNaam")
        if let position = scan.portraitPosition {
            lines.append(
                "portraitPosition: \(position)   # 0 traditionele vakdocent … 10 vakdocent als loopbaanbegeleider")
        }
        if !scan.preferenceAnswers.isEmpty || scan.chosenPreference != nil {
            lines.append("learningPreference:")
            if !scan.preferenceAnswers.isEmpty {
                lines.append("  answers:")
                for statement in PreferenceCheck.statements {
                    if let value = scan.preferenceAnswers[statement.id] {
                        lines.append("    \(statement.id): \(value)")
                    }
                }
            }
            if let chosen = scan.chosenPreference { lines.append("  chosen: \(chosen.rawValue)") }
        }
        lines.append("scores:")
        for behaviour in profile.scoredBehaviours(in: catalogue) {
            guard let answer = scan.answers[behaviour.id] else { continue }
            let score = answer.score.map(String.init) ?? "null"
            let label = answer.score.flatMap(scale.label(for:)) ?? scale.notAnsweredLabel
            if let note = answer.note {
                lines.append("  \(quoted(behaviour.id)): {score: \(score), note: \(quoted(note))}   # \(label)")
            } else {
                lines.append("  \(quoted(behaviour.id)): \(score)   # \(label)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted string: safe for any text.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// The outcomes of a parallel read, filled in by the workers under a lock.
private final class LoadResults<Loaded>: @unchecked Sendable {
    var items: [Result<Loaded, FormatError>?]
    let lock = NSLock()
    init(_ count: Int) { items = Array(repeating: nil, count: count) }
}

/// The behaviour ids a profile scores (in the standard catalogue), worked out once per profile for one `loadAll`, on
/// whichever core reads a file first.
private final class ScoredIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var known = PerProfile<Set<String>>()

    func of(_ profile: Profile) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return known.value(for: profile) { Set($0.scoredBehaviours(in: .standard).map(\.id)) }
    }
}
