import Foundation
import LOBCore

/// The activity catalogue file (forms of professionalisation with hours, costs and assumed effects).
/// Format: `docs/activities.md`; the shipped example is `Profiles/activities/voorbeeld-scholingsvormen.yaml`.
public enum ActivityCatalogueFile {
    public static let formatVersion = 1

    static let formKeys: Set<String> = [
        "id", "name", "description", "seed", "preferences", "competencies", "roles", "models", "withWhom", "hours",
        "costPerParticipant", "costPerGroup", "maxGroupSize", "effect",
    ]

    public static func decode(data: Data, file: String) throws(FormatError) -> ActivityCatalogue {
        let root = try YAMLDocument(data: data, file: file).reader
        _ = try root.document(.catalogue)
        try root.optional("formatVersion")?.expectFormatVersion(formatVersion)
        var forms: [ActivityForm] = []
        for item in try root.required("forms").sequence() {
            _ = try item.mapping(allowed: formKeys)
            forms.append(
                ActivityForm(
                    id: try item.required("id").identifier(),
                    name: try item.required("name").line(),
                    description: try item.optional("description")?.string().trimmingCharacters(
                        in: .whitespacesAndNewlines) ?? "",
                    seedWording: try item.optional("seed")?.nonEmptyString(),
                    preferences: try list(item.required("preferences")) { value throws(FormatError) in
                        try value.oneOf(LearningPreference.self)
                    },
                    competencies: try list(item.optional("competencies")) { value throws(FormatError) in
                        try value.int(in: 1...7, "competentie")
                    },
                    roles: try list(item.optional("roles")) { value throws(FormatError) in try value.oneOf(Role.self) },
                    models: try list(item.optional("models")) { value throws(FormatError) in
                        try value.oneOf(SchoolModel.ID.self)
                    },
                    withWhom: try item.required("withWhom").line(),
                    // Ranges no real form exceeds, checked before any sum or product is made with them.
                    hours: try item.required("hours").double(in: 0...Limits.hours, "uren"),
                    costPerParticipant: try item.optional("costPerParticipant")?.double(
                        in: 0...Limits.costPerParticipant, "bedrag") ?? 0,
                    costPerGroup: try item.optional("costPerGroup")?.double(in: 0...Limits.costPerGroup, "bedrag") ?? 0,
                    maxGroupSize: try item.optional("maxGroupSize")?.int(in: 1...Limits.groupSize, "groepsgrootte")
                        ?? 1,
                    effect: try item.optional("effect")?.double(in: 0...3, "effect (niveaus op de schaal 1-4)") ?? 0.5
                ))
        }
        var requirements: [CompetencyRequirement] = []
        for item in try root.optional("requirements")?.sequence() ?? [] {
            _ = try item.mapping(allowed: ["competencies", "needs", "satisfiedBy", "reason"])
            requirements.append(
                CompetencyRequirement(
                    competencies: try list(item.required("competencies")) { value throws(FormatError) in
                        try value.int(in: 1...7, "competentie")
                    },
                    needs: try item.required("needs").oneOf(LearningPreference.self),
                    satisfiedBy: try list(item.optional("satisfiedBy")) { value throws(FormatError) in
                        try value.oneOf(LearningPreference.self)
                    },
                    reason: try item.required("reason").nonEmptyString()
                ))
        }
        var schoolYear = SchoolYear.standard
        if let year = try root.optional("schoolYear") {
            _ = try year.mapping(allowed: ["periods", "followUpWeeks"])
            if let periods = try year.optional("periods") {
                schoolYear.periods = try periods.sequence().map { item throws(FormatError) in
                    _ = try item.mapping(allowed: ["name", "from", "to"])
                    return SchoolYear.Period(
                        name: try item.required("name").nonEmptyString(),
                        firstMonth: try item.required("from").int(in: 1...12, "maand"),
                        lastMonth: try item.required("to").int(in: 1...12, "maand"))
                }
            }
            if let weeks = try year.optional("followUpWeeks") {
                _ = try weeks.mapping(allowed: ["from", "to"])
                let from = try weeks.required("from").int(in: 1...52, "weken")
                let toNode = try weeks.required("to")
                let to = try toNode.int(in: 1...52, "weken")
                guard from <= to else { throw toNode.error("verwacht minstens \(from) weken (from)") }
                schoolYear.followUpWeeks = from...to
            }
        }
        let catalogue = ActivityCatalogue(
            title: try root.required("title").line(),
            isExample: try root.optional("example")?.bool() ?? false,
            note: try root.optional("note")?.string().trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
            forms: forms, requirements: requirements, schoolYear: schoolYear)
        try root.expectValid(catalogue.validate())
        return catalogue
    }

    /// The largest figures a catalogue may hold: far above any real form, far below what overflows a sum.
    public enum Limits {
        public static let hours = 2_000.0
        public static let costPerParticipant = 100_000.0
        public static let costPerGroup = 1_000_000.0
        public static let groupSize = 1_000
    }

    public static func load(_ url: URL) throws(FormatError) -> ActivityCatalogue {
        try decode(data: YAMLDocument.read(url, kind: .catalogue), file: url.relativePath)
    }

    private static func list<T>(
        _ reader: NodeReader?, _ value: (NodeReader) throws(FormatError) -> T
    ) throws(FormatError) -> [T] {
        guard let reader else { return [] }
        var result: [T] = []
        for item in try reader.sequence() { result.append(try value(item)) }
        return result
    }
}
