import Foundation
import LOBCore

/// The profile file format (`Profiles/*.yaml`): reading with line-accurate errors, and validation.
///
/// See `docs/profiles.md` for the format. Version 1 is the only version.
public enum ProfileFile {
    public static let formatVersion = 1

    /// Reads and validates a profile; every problem is reported with file and line.
    public static func decode(data: Data, file: String, catalogue: Catalogue = .standard) throws(FormatError) -> Profile
    {
        let document = try YAMLDocument(data: data, file: file)
        let root = document.reader
        _ = try root.document(.profile)

        try root.optional("formatVersion")?.expectFormatVersion(formatVersion)
        let role = try root.optional("role")?.oneOf(Role.self)
        let model = try root.optional("model")?.oneOf(SchoolModel.ID.self)

        var profile = Profile(
            id: try root.required("id").identifier(),
            title: try root.required("title").line(),
            role: role,
            model: model,
            description: try root.optional("description")?.string().trimmingCharacters(in: .whitespacesAndNewlines)
                ?? "",
            behaviours: try root.optional("behaviours")?.sequence().map { item throws(FormatError) in
                try item.nonEmptyString()
            } ?? [],
            ownBehaviours: try decodeOwnBehaviours(root.optional("ownBehaviours")),
            defaultTarget: try root.optional("target")?.int(in: 1...4, "doelniveau") ?? 3,
            weightSource: try root.optional("weightSource")?.string(),
            costs: try root.optional("costs")?.nonEmptyString()
        )
        if let targets = try root.optional("targets") {
            _ = try targets.mapping(allowed: ["competencies", "behaviours"])
            if let competencies = try targets.optional("competencies") {
                profile.competencyTargets = try intKeyed(competencies) { value throws(FormatError) in
                    try value.int(in: 1...4, "doelniveau")
                }
            }
            if let behaviours = try targets.optional("behaviours") {
                for (key, value) in try behaviours.mapping() {
                    profile.behaviourTargets[key] = try value.int(in: 1...4, "doelniveau")
                }
            }
        }
        if let statements = try root.optional("pupilStatements") {
            var texts: [Behaviour.ID: String] = [:]
            for (behaviour, value) in try statements.mapping() { texts[behaviour] = try value.line(maximum: 300) }
            profile.pupilStatements = texts
        }
        if let weights = try root.optional("weights") {
            profile.weights = try intKeyed(weights) { value throws(FormatError) in
                try value.double(in: 0...100, "gewicht")
            }
        } else if let role, let model, StarRatings.hasStars(model: model, role: role) {
            profile.weights = Profile.starWeights(model: model, role: role)
            profile.weightSource = profile.weightSource ?? StarRatings.readingNote
        }

        try root.expectValid(profile.validate(catalogue: catalogue))
        return profile
    }

    /// Reads a profile file from disk.
    public static func load(_ url: URL, catalogue: Catalogue = .standard) throws(FormatError) -> Profile {
        try decode(data: YAMLDocument.read(url, kind: .profile), file: url.relativePath, catalogue: catalogue)
    }

    private static func decodeOwnBehaviours(_ reader: NodeReader?) throws(FormatError) -> [Behaviour] {
        guard let reader else { return [] }
        var result: [Behaviour] = []
        for item in try reader.sequence() {
            _ = try item.mapping(allowed: ["id", "competency", "text"])
            result.append(
                Behaviour(
                    id: try item.required("id").nonEmptyString(),
                    competency: try item.required("competency").int(),
                    text: try item.required("text").nonEmptyString()
                ))
        }
        return result
    }

    /// A mapping whose keys are competency ids.
    private static func intKeyed<T>(
        _ reader: NodeReader, _ value: (NodeReader) throws(FormatError) -> T
    ) throws(FormatError) -> [Int: T] {
        var result: [Int: T] = [:]
        for (key, child) in try reader.mapping() {
            guard let id = Digits.int(key) else { throw child.error("verwacht een competentie-id 1 t/m 7 als sleutel") }
            result[id] = try value(child)
        }
        return result
    }
}
