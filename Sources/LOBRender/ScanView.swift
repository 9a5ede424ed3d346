import LOBCore

/// `lob scans list` and `lob scans show`: the stored scans as they were answered.
public enum ScanView {
    public static func listBlocks(_ summaries: [ScanSummary]) -> [Block] {
        [
            .table(
                header: ["nr", "datum", "docent", "team", "profiel", "beantwoord", "delen"],
                rows: summaries.map {
                    [
                        "\($0.id)", "\($0.date)", $0.teacher, $0.team ?? "-", $0.profileID,
                        "\($0.answered)/\($0.total)", $0.consent.word,
                    ]
                })
        ]
    }

    public static func blocks(
        _ stored: StoredScan, catalogue: Catalogue = .standard, scale: Scale = .standard
    ) -> [Block] {
        let scan = stored.scan
        var blocks: [Block] = [
            .heading(level: 1, "Scan \(stored.id): \(scan.teacher), \(scan.date)"),
            .definitions([
                ("profiel", "\(stored.profile.id): \(stored.profile.title)"),
                ("team", scan.team ?? "-"),
                ("delen", scan.consent.meaning),
                ("portret", scan.portraitPosition.map { "\($0) van 10" } ?? "-"),
                ("leervoorkeur", scan.learningPreference?.name ?? "-"),
            ]),
        ]
        for competency in stored.profile.scoredCompetencies(in: catalogue) {
            blocks.append(.heading(level: 2, "\(competency.id). \(competency.name)"))
            blocks.append(
                .table(
                    header: ["id", "antwoord", "gedragskenmerk"],
                    rows: stored.profile.scoredBehaviours(in: catalogue).filter { $0.competency == competency.id }.map {
                        behaviour in
                        let answer = scan.answers[behaviour.id]
                        let label =
                            answer?.score.map { "\($0) \(scale.label(for: $0) ?? "")" } ?? scale.notAnsweredLabel
                        return [behaviour.id, label, behaviour.text + (answer?.note.map { " — notitie: \($0)" } ?? "")]
                    }))
        }
        return blocks
    }
}
