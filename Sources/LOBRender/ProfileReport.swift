import LOBCore

/// `lob profiles list` and `lob profiles show`.
public enum ProfileReport {
    /// One row per profile: id, role, model, number of behaviours, title.
    public static func listBlocks(_ profiles: [Profile], catalogue: Catalogue) -> [Block] {
        [
            .table(
                header: ["id", "rol", "model", "kenmerken", "titel"],
                rows: profiles.map { profile in
                    [
                        profile.id, profile.role?.rawValue ?? "-", profile.model?.rawValue ?? "-",
                        "\(profile.scoredBehaviours(in: catalogue).count)", profile.title,
                    ]
                }
            )
        ]
    }

    public static func blocks(_ profile: Profile, catalogue: Catalogue, scale: Scale = .standard) -> [Block] {
        var blocks: [Block] = [.heading(level: 1, "Profiel \(profile.id)"), .paragraph(profile.title)]
        if !profile.description.isEmpty { blocks.append(.paragraph(profile.description)) }
        var facts: [(key: String, text: String)] = []
        if let role = profile.role { facts.append(("rol", profile.model.map { role.name(in: $0) } ?? role.name)) }
        if let model = profile.model, let schoolModel = catalogue.schoolModel(model) {
            facts.append(("model", "model \(model.number) – \(schoolModel.name)"))
        }
        facts.append(("schaal", scale.levels.map { "\($0.value) \($0.label)" }.joined(separator: " · ")))
        facts.append(("doelniveau", "\(profile.defaultTarget) (\(scale.label(for: profile.defaultTarget) ?? "?"))"))
        blocks.append(.definitions(facts))
        if let source = profile.weightSource { blocks.append(.note("Gewichten: " + source)) }

        let scored = profile.scoredBehaviours(in: catalogue)
        for competency in profile.scoredCompetencies(in: catalogue) {
            blocks.append(.heading(level: 2, "\(competency.id). \(competency.name)"))
            blocks.append(
                .paragraph(
                    "gewicht \(DutchNumber.format(profile.weight(for: competency.id))) · doel \(profile.target(forCompetency: competency.id))"
                ))
            blocks.append(
                .definitions(
                    scored.filter { $0.competency == competency.id }.map { behaviour in
                        let isOwn = catalogue.behaviour(behaviour.id) == nil
                        let target = profile.target(for: behaviour)
                        var text = behaviour.text
                        if target != profile.target(forCompetency: competency.id) { text += " (doel \(target))" }
                        if isOwn { text += " [eigen]" }
                        return (behaviour.id, text)
                    }))
        }
        return blocks
    }
}

/// The profile as JSON, with the effective target and weight of every scored behaviour and competency.
public struct ProfileJSON: Encodable {
    struct CompetencyJSON: Encodable {
        let competency: Int
        let weight: Double
        let target: Int
    }
    struct BehaviourJSON: Encodable {
        let behaviour: String
        let competency: Int
        let text: String
        let target: Int
        let own: Bool
    }

    let formatVersion = 1
    let id: String
    let title: String
    @Null var role: String?
    @Null var model: String?
    let description: String
    @Null var weightSource: String?
    let defaultTarget: Int
    let competencies: [CompetencyJSON]
    let behaviours: [BehaviourJSON]

    public init(_ profile: Profile, catalogue: Catalogue) {
        id = profile.id
        title = profile.title
        role = profile.role?.rawValue
        model = profile.model?.rawValue
        description = profile.description
        weightSource = profile.weightSource
        defaultTarget = profile.defaultTarget
        competencies = profile.scoredCompetencies(in: catalogue).map {
            CompetencyJSON(
                competency: $0.id, weight: profile.weight(for: $0.id), target: profile.target(forCompetency: $0.id))
        }
        behaviours = profile.scoredBehaviours(in: catalogue).map {
            BehaviourJSON(
                behaviour: $0.id, competency: $0.competency, text: $0.text, target: profile.target(for: $0),
                own: catalogue.behaviour($0.id) == nil)
        }
    }
}
