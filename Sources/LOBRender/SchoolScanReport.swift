import Foundation
import LOBCore

/// `lob schoolscan`: where the school stands with LOB, as blocks (text, markdown) and JSON.
public struct SchoolScanReport: Sendable {
    public let result: SchoolScanResult

    public init(_ result: SchoolScanResult) { self.result = result }

    public var title: String { "Schoolscan \(result.scan.school)" }

    static func modelName(_ model: SchoolModel.ID) -> String {
        "model \(model.number), \(Catalogue.standard.schoolModel(model)?.name.lowercased() ?? model.rawValue)"
    }

    public func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, title)]
        var facts: [(key: String, text: String)] = [
            ("schooljaar", result.scan.schoolYear),
            ("datum", result.scan.date.description),
            ("de school nu", Self.modelName(result.dominant)),
        ]
        if let wished = result.wished { facts.append(("gewenst", Self.modelName(wished))) }
        blocks.append(.definitions(facts))
        blocks.append(
            .quote(SchoolModel.howToDetermine, by: "LOB en professionaliseren in verschillende vormen en maten (2011)"))
        blocks.append(
            .paragraph(
                "Het model dat bij de meeste aspecten past, is het model van de school; bij een gelijke stand telt het lagere model, want een school is zo ver als haar zwakkere helft."
            ))

        blocks.append(.heading(level: 2, "Per pijler"))
        blocks.append(
            .table(
                header: ["pijler", "model 1", "model 2", "model 3", "nu", "gewenst"],
                rows: result.pillars.map { pillar in
                    [pillar.pillar.name.prefix(1) + pillar.pillar.name.dropFirst().lowercased()]
                        + SchoolModel.ID.allCases.map { "\(pillar.counts[$0] ?? 0)" }
                        + ["model \(pillar.dominant.number)", pillar.wished.map { "model \($0.number)" } ?? "–"]
                }))

        blocks.append(.heading(level: 2, "Per aspect"))
        blocks.append(
            .table(
                header: ["nr", "aspect", "nu", "gewenst", "ten opzichte van de school"],
                rows: result.aspects.map { aspect in
                    [
                        "\(aspect.aspect.id)", aspect.aspect.name, "model \(aspect.current.number)",
                        aspect.wished.map { "model \($0.number)" } ?? "–",
                        aspect.current < result.dominant
                            ? "loopt achter" : aspect.current > result.dominant ? "loopt voor" : "gelijk",
                    ]
                }))
        if !result.lagging.isEmpty {
            blocks.append(.heading(level: 3, "Wat achterloopt"))
            blocks.append(
                .definitions(
                    result.lagging.map { aspect in
                        (
                            "\(aspect.aspect.id)",
                            "\(aspect.aspect.name). Nu: \(aspect.aspect.description(for: aspect.current)). In \(Self.modelName(result.dominant)): \(aspect.aspect.description(for: result.dominant))."
                        )
                    }))
        }
        if !result.leading.isEmpty {
            blocks.append(.heading(level: 3, "Wat voorloopt"))
            blocks.append(
                .definitions(
                    result.leading.map { aspect in
                        (
                            "\(aspect.aspect.id)",
                            "\(aspect.aspect.name). Nu al: \(aspect.aspect.description(for: aspect.current))."
                        )
                    }))
        }

        blocks.append(.heading(level: 2, "Wat het model vraagt van de rollen"))
        blocks.append(
            .paragraph(
                "Het schoolmodel bepaalt wat elke rol moet kunnen: de profielen en sterren (gewichten) per competentie die volgen voor de teams. Gebruik ze bij de zelfscan en de teamscan (lob scan --profile …)."
            ))
        blocks += roleBlocks(result.roles, model: result.dominant)
        if !result.wishedRoles.isEmpty, let wished = result.wished {
            blocks.append(.heading(level: 3, "Als de school naar \(Self.modelName(wished)) gaat"))
            blocks += roleBlocks(result.wishedRoles, model: wished)
            blocks.append(.paragraph("Wat die stap extra vraagt van de teams, laat 'lob budget' zien."))
        }
        blocks.append(.note(StarRatings.readingNote))
        return blocks
    }

    private func roleBlocks(_ roles: [SchoolScanResult.RoleConsequence], model: SchoolModel.ID) -> [Block] {
        [
            .table(
                header: ["rol", "profiel"] + (1...7).map { "C\($0)" },
                rows: roles.map { role in
                    [role.role.name(in: model), role.profileID]
                        + (1...7).map { String(repeating: "*", count: role.stars[$0] ?? 0) }
                })
        ]
    }
}

public struct SchoolScanJSON: Encodable {
    struct PillarJSON: Encodable {
        let pillar: String
        let counts: [String: Int]
        let dominant: String
        @Null var wished: String?
    }
    struct AspectJSON: Encodable {
        let aspect: Int
        let pillar: String
        let current: String
        @Null var wished: String?
        let relation: String
    }
    struct RoleJSON: Encodable {
        let role: String
        let profile: String
        let stars: [String: Int]
    }

    let formatVersion = 1
    let school: String
    let schoolYear: String
    let date: String
    let dominant: String
    @Null var wished: String?
    let pillars: [PillarJSON]
    let aspects: [AspectJSON]
    let roles: [RoleJSON]
    let wishedRoles: [RoleJSON]

    public init(_ report: SchoolScanReport) {
        let result = report.result
        school = result.scan.school
        schoolYear = result.scan.schoolYear
        date = result.scan.date.description
        dominant = result.dominant.rawValue
        wished = result.wished?.rawValue
        pillars = result.pillars.map { pillar in
            PillarJSON(
                pillar: pillar.pillar.id.rawValue,
                counts: Dictionary(
                    uniqueKeysWithValues: SchoolModel.ID.allCases.map { ($0.rawValue, pillar.counts[$0] ?? 0) }),
                dominant: pillar.dominant.rawValue, wished: pillar.wished?.rawValue)
        }
        aspects = result.aspects.map { aspect in
            AspectJSON(
                aspect: aspect.aspect.id, pillar: aspect.aspect.pillar.rawValue, current: aspect.current.rawValue,
                wished: aspect.wished?.rawValue,
                relation: aspect.current < result.dominant
                    ? "lagging" : aspect.current > result.dominant ? "leading" : "level")
        }
        func convert(_ list: [SchoolScanResult.RoleConsequence]) -> [RoleJSON] {
            list.map {
                RoleJSON(
                    role: $0.role.rawValue, profile: $0.profileID,
                    stars: Dictionary(uniqueKeysWithValues: $0.stars.map { (String($0.key), $0.value) }))
            }
        }
        roles = convert(result.roles)
        wishedRoles = convert(result.wishedRoles)
    }
}
