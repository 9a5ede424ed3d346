import LOBCore

/// `lob report`: where a teacher stands against his profile, and with `--compare` what changed since an earlier scan.
public struct ScanReport: Sendable {
    public let stored: StoredScan
    public let result: ScanResult
    public let earlier: StoredScan?
    public let scale: Scale

    public var title: String { "Zelfscan van \(stored.scan.teacher)" }

    public init(
        _ stored: StoredScan, compareWith earlier: StoredScan? = nil, catalogue: Catalogue = .standard,
        scale: Scale = .standard
    ) {
        self.stored = stored
        self.result = ScanResult(scan: stored.scan, profile: stored.profile, catalogue: catalogue)
        self.earlier = earlier
        self.scale = scale
        self.earlierResult = earlier.map { ScanResult(scan: $0.scan, profile: $0.profile, catalogue: catalogue) }
    }

    let earlierResult: ScanResult?

    // MARK: - Comparison

    /// A score then and now; `change` only where both exist.
    public struct Change: Sendable, Hashable {
        public let before: Double?
        public let after: Double?
        public var change: Double? {
            guard let before, let after else { return nil }
            return after - before
        }
    }

    /// Per competency of this scan: the mean then and now.
    public var competencyChanges: [(competency: Competency, change: Change)] {
        guard let earlierResult else { return [] }
        return result.competencies.map { now in
            let then = earlierResult.competencies.first { $0.competency.id == now.competency.id }
            return (now.competency, Change(before: then?.mean, after: now.mean))
        }
    }

    /// Per behaviour of this scan that the earlier scan also scored.
    public var behaviourChanges: [(behaviour: Behaviour, change: Change)] {
        guard let earlierResult else { return [] }
        let before = Dictionary(uniqueKeysWithValues: earlierResult.behaviours.map { ($0.behaviour.id, $0.score) })
        return result.behaviours.compactMap { now in
            guard let then = before[now.behaviour.id] else { return nil }
            return (now.behaviour, Change(before: then.map(Double.init), after: now.score.map(Double.init)))
        }
    }

    // MARK: - Blocks

    public func blocks(commands: Bool = true) -> [Block] {
        let scan = stored.scan
        var blocks: [Block] = [.heading(level: 1, "Zelfscan van \(scan.teacher)")]
        var facts: [(key: String, text: String)] = [
            ("scan", "\(stored.id) van \(scan.date)"),
            ("profiel", "\(stored.profile.id): \(stored.profile.title)"),
        ]
        if let team = scan.team { facts.append(("team", team)) }
        facts.append(("beantwoord", "\(result.answeredCount) van \(result.behaviours.count) gedragskenmerken"))
        facts.append(("delen", scan.consent.meaning))
        if let position = scan.portraitPosition {
            facts.append(
                (
                    "portret",
                    "\(position) op de schaal van 0 (de traditionele vakdocent) tot 10 (de vakdocent als loopbaanbegeleider)"
                ))
        }
        if let preference = scan.learningPreference {
            let how = scan.chosenPreference != nil ? "zelf gekozen" : "uit de zelftest"
            var text = "\(preference.name) (\(how))"
            if !scan.preferenceAnswers.isEmpty {
                text +=
                    "; volgorde uit de zelftest: "
                    + PreferenceCheck.ranking(scan.preferenceAnswers).map(\.name).joined(separator: ", ")
            }
            facts.append(("leervoorkeur", text))
        }
        blocks.append(.definitions(facts))
        if !scan.preferenceAnswers.isEmpty { blocks.append(.note(PreferenceCheck.disclaimer)) }
        blocks.append(
            .paragraph(
                "Schaal: " + scale.levels.map { "\($0.value) \($0.label)" }.joined(separator: " · ")
                    + ". Gat = doel − score (nooit onder 0); prioriteit = gat × gewicht van de competentie."))
        if let source = stored.profile.weightSource { blocks.append(.note("Gewichten: " + source)) }

        blocks.append(.heading(level: 2, "Per competentie"))
        blocks.append(
            .table(
                header: ["competentie", "beantwoord", "score", "doel", "gat", "gewicht", "prioriteit"],
                rows: result.competencies.map { c in
                    [
                        "\(c.competency.id) \(c.competency.name)", "\(c.answered)/\(c.behaviours.count)",
                        DutchNumber.format(c.mean),
                        "\(c.target)", DutchNumber.format(c.gap), DutchNumber.format(c.weight),
                        DutchNumber.format(c.priority),
                    ]
                }))

        blocks.append(.heading(level: 2, "Sterke punten"))
        blocks.append(
            result.strengths.isEmpty
                ? .paragraph("Nog geen gedragskenmerk op of boven het doel.")
                : .bullets(
                    result.strengths.map {
                        "\($0.behaviour.id) \($0.behaviour.text) (score \($0.score ?? 0), doel \($0.target))"
                    }))
        blocks.append(.heading(level: 2, "Ontwikkelpunten (hoogste prioriteit eerst)"))
        blocks.append(
            result.developmentPoints.isEmpty
                ? .paragraph("Geen gedragskenmerk onder het doel.")
                : .bullets(
                    result.developmentPoints.map {
                        "\($0.behaviour.id) \($0.behaviour.text) (score \($0.score ?? 0), doel \($0.target), prioriteit \(DutchNumber.format($0.priority)))"
                    }))

        blocks.append(.heading(level: 2, "Per gedragskenmerk"))
        for competency in result.competencies {
            blocks.append(.heading(level: 3, "\(competency.competency.id). \(competency.competency.name)"))
            blocks.append(
                .table(
                    header: ["id", "score", "doel", "gat", "prioriteit", "gedragskenmerk"],
                    rows: competency.behaviours.map { b in
                        [
                            b.behaviour.id, b.score.map(String.init) ?? "–", "\(b.target)", DutchNumber.format(b.gap),
                            DutchNumber.format(b.priority),
                            b.behaviour.text + (b.note.map { " — notitie: \($0)" } ?? ""),
                        ]
                    }))
        }

        if let earlier {
            blocks.append(.heading(level: 2, "Verandering sinds scan \(earlier.id) van \(earlier.scan.date)"))
            if earlier.profile.id != stored.profile.id {
                blocks.append(
                    .note(
                        "De scans gebruiken verschillende profielen (\(earlier.profile.id) en \(stored.profile.id)); alleen wat beide scoren wordt vergeleken."
                    ))
            }
            blocks.append(
                .table(
                    header: ["competentie", "toen", "nu", "verschil"],
                    rows: competencyChanges.map {
                        [
                            "\($0.competency.id) \($0.competency.name)", DutchNumber.format($0.change.before),
                            DutchNumber.format($0.change.after), DutchNumber.signed($0.change.change),
                        ]
                    }))
            let moved = behaviourChanges.filter { ($0.change.change ?? 0) != 0 }
            blocks.append(
                moved.isEmpty
                    ? .paragraph("Geen gedragskenmerk veranderde van score.")
                    : .bullets(
                        moved.map {
                            "\($0.behaviour.id) \($0.behaviour.text): \(DutchNumber.format($0.change.before)) → \(DutchNumber.format($0.change.after))"
                        }))
            blocks.append(
                .paragraph(
                    "Een jaarlijkse herhaling van de scan laat zien wat je geleerd hebt (Kirkpatrick niveau 2: het geleerde)."
                ))
        }

        // The command line's next steps; a web page (lob serve) has its own.
        guard commands else { return blocks }
        blocks.append(.heading(level: 2, "Verder"))
        blocks.append(
            .bullets([
                "lob export scan \(stored.id) --out scan.yaml: je scan als bestand, bijvoorbeeld voor je teamvoorzitter",
                "lob report \(stored.id) --compare ANDER-ID: vergelijk met een eerdere scan",
            ]))
        return blocks
    }

}

// MARK: - JSON

/// The report as JSON: a stable contract for scripts; numbers rounded to three decimals.
public struct ScanReportJSON: Encodable {
    struct PreferenceJSON: Encodable {
        @Null var chosen: String?
        @Null var suggested: String?
        @Null var effective: String?
        let ranking: [String]
        let indicative: String
    }
    struct ScanJSON: Encodable {
        let id: Int64
        let teacher: String
        @Null var team: String?
        let profile: String
        let date: String
        let consent: String
        @Null var portraitPosition: Int?
        let learningPreference: PreferenceJSON
    }
    struct CompetencyJSON: Encodable {
        let competency: Int
        let name: String
        let answered: Int
        let total: Int
        @Null var mean: Double?
        let target: Int
        @Null var gap: Double?
        let weight: Double
        @Null var priority: Double?
    }
    struct BehaviourJSON: Encodable {
        let behaviour: String
        let competency: Int
        @Null var score: Int?
        let label: String
        let target: Int
        @Null var gap: Double?
        @Null var priority: Double?
        @Null var note: String?
    }
    struct ChangeJSON: Encodable {
        let id: String
        @Null var before: Double?
        @Null var after: Double?
        @Null var change: Double?
    }
    struct ComparisonJSON: Encodable {
        let scan: Int64
        let date: String
        let competencies: [ChangeJSON]
        let behaviours: [ChangeJSON]
    }

    let formatVersion = 1
    let scan: ScanJSON
    let competencies: [CompetencyJSON]
    let behaviours: [BehaviourJSON]
    let strengths: [String]
    let developmentPoints: [String]
    @Null var comparison: ComparisonJSON?

    public init(_ report: ScanReport) {
        let stored = report.stored, result = report.result
        let scan = stored.scan
        self.scan = ScanJSON(
            id: stored.id, teacher: scan.teacher, team: scan.team, profile: stored.profile.id,
            date: scan.date.description,
            consent: scan.consent.rawValue, portraitPosition: scan.portraitPosition,
            learningPreference: PreferenceJSON(
                chosen: scan.chosenPreference?.rawValue, suggested: scan.suggestedPreference?.rawValue,
                effective: scan.learningPreference?.rawValue,
                ranking: scan.preferenceAnswers.isEmpty
                    ? [] : PreferenceCheck.ranking(scan.preferenceAnswers).map(\.rawValue),
                indicative: PreferenceCheck.disclaimer))
        competencies = result.competencies.map {
            CompetencyJSON(
                competency: $0.competency.id, name: $0.competency.name, answered: $0.answered,
                total: $0.behaviours.count,
                mean: Self.round($0.mean), target: $0.target, gap: Self.round($0.gap), weight: $0.weight,
                priority: Self.round($0.priority))
        }
        behaviours = result.behaviours.map {
            BehaviourJSON(
                behaviour: $0.behaviour.id, competency: $0.behaviour.competency, score: $0.score,
                label: $0.score.flatMap(report.scale.label(for:)) ?? report.scale.notAnsweredLabel,
                target: $0.target, gap: $0.gap, priority: Self.round($0.priority), note: $0.note)
        }
        strengths = result.strengths.map(\.behaviour.id)
        developmentPoints = result.developmentPoints.map(\.behaviour.id)
        comparison = report.earlier.map { earlier in
            ComparisonJSON(
                scan: earlier.id, date: earlier.scan.date.description,
                competencies: report.competencyChanges.map {
                    ChangeJSON(
                        id: "\($0.competency.id)", before: Self.round($0.change.before),
                        after: Self.round($0.change.after),
                        change: Self.round($0.change.change))
                },
                behaviours: report.behaviourChanges.map {
                    ChangeJSON(
                        id: $0.behaviour.id, before: $0.change.before, after: $0.change.after, change: $0.change.change)
                })
        }
    }

    static func round(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
}
