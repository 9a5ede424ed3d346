/// A profile: a school's own choice of behaviours to score, with targets and weights.
///
/// Seed 000 §3.3: "Met dit overzicht kan de school zelf keuzes maken uit de genoemde gedragskenmerken."
/// A profile names catalogue behaviours by id and may add behaviours of its own, each under a competency.
public struct Profile: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: String
    public var role: Role?
    public var model: SchoolModel.ID?
    public var description: String
    /// Catalogue behaviours, in the order they are asked.
    public var behaviours: [Behaviour.ID]
    /// Behaviours the school adds itself; their ids must not clash with the catalogue's.
    public var ownBehaviours: [Behaviour]
    /// The target level on the scale for every behaviour without a more specific one.
    public var defaultTarget: Int
    public var competencyTargets: [Competency.ID: Int]
    public var behaviourTargets: [Behaviour.ID: Int]
    /// Weight per competency; a competency not listed weighs 1.
    public var weights: [Competency.ID: Double]
    /// Where the weights come from (for example the SBL star table, which is a reading).
    public var weightSource: String?
    /// The school's activity catalogue (forms, hours, costs) as the profile file names it, relative to that file;
    /// nil for the shipped example catalogue.
    public var costs: String?
    /// The school's own wording of behaviours for pupils, for 360° feedback from leerlingen. The seeds word the
    /// behaviours for colleagues, not pupils, so a profile has none unless a school writes them; only these are asked.
    public var pupilStatements: [Behaviour.ID: String]?

    public init(
        id: String, title: String, role: Role? = nil, model: SchoolModel.ID? = nil, description: String = "",
        behaviours: [Behaviour.ID], ownBehaviours: [Behaviour] = [], defaultTarget: Int = 3,
        competencyTargets: [Competency.ID: Int] = [:], behaviourTargets: [Behaviour.ID: Int] = [:],
        weights: [Competency.ID: Double] = [:], weightSource: String? = nil, costs: String? = nil
    ) {
        self.id = id
        self.title = title
        self.role = role
        self.model = model
        self.description = description
        self.behaviours = behaviours
        self.ownBehaviours = ownBehaviours
        self.defaultTarget = defaultTarget
        self.competencyTargets = competencyTargets
        self.behaviourTargets = behaviourTargets
        self.weights = weights
        self.weightSource = weightSource
        self.costs = costs
    }

    /// The target for a behaviour: its own, else its competency's, else the default.
    public func target(for behaviour: Behaviour) -> Int {
        behaviourTargets[behaviour.id] ?? competencyTargets[behaviour.competency] ?? defaultTarget
    }

    /// The target for a competency as a whole: its own, else the default.
    public func target(forCompetency id: Competency.ID) -> Int {
        competencyTargets[id] ?? defaultTarget
    }

    public func weight(for competency: Competency.ID) -> Double { weights[competency] ?? 1 }

    /// The behaviours the profile scores, catalogue and own, grouped by competency in catalogue order.
    public func scoredBehaviours(in catalogue: Catalogue) -> [Behaviour] {
        let chosen = behaviours.compactMap(catalogue.behaviour)
        return catalogue.competencies.flatMap { competency in
            chosen.filter { $0.competency == competency.id } + ownBehaviours.filter { $0.competency == competency.id }
        }
    }

    /// The competencies that have at least one scored behaviour.
    public func scoredCompetencies(in catalogue: Catalogue) -> [Competency] {
        let ids = Set(scoredBehaviours(in: catalogue).map(\.competency))
        return catalogue.competencies.filter { ids.contains($0.id) }
    }
}

extension Profile {
    /// Weights from the SBL star table for a role in a model (stars 0–5), for every competency.
    public static func starWeights(model: SchoolModel.ID, role: Role) -> [Competency.ID: Double] {
        Dictionary(
            uniqueKeysWithValues: Competency.all.map {
                ($0.id, Double(StarRatings.stars(model: model, role: role, competency: $0.id)))
            })
    }
}

// MARK: - Validation

/// One thing wrong with a profile or an activity catalogue, located by the path of the field it is about (`behaviours[3]`, `weights.2`),
/// so that a file format can point at the line.
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    public let path: [PathComponent]
    public let message: String

    public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
        case key(String)
        case index(Int)

        public var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }
    }

    public init(_ path: [PathComponent], _ message: String) {
        self.path = path
        self.message = message
    }

    public var pathDescription: String {
        path.enumerated().map { index, part in
            if case .key = part, index > 0 { return ".\(part)" }
            return part.description
        }.joined()
    }

    public var description: String { path.isEmpty ? message : "\(pathDescription): \(message)" }
}

extension Profile {
    /// Ids are used in file names and on the command line: lower-case letters, digits and dashes.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.first != "-"
            && id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Everything that is wrong with the profile against a catalogue and scale; empty when it is usable.
    public func validate(catalogue: Catalogue = .standard, scale: Scale = .standard) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        let range = scale.range
        let rangeText = "\(range.lowerBound) t/m \(range.upperBound)"

        if !Self.isValidID(id) {
            problems.append(
                ValidationProblem([.key("id")], "'\(id)' is geen geldig id: verwacht kleine letters, cijfers en '-'"))
        }
        if title.isEmpty { problems.append(ValidationProblem([.key("title")], "titel ontbreekt")) }
        if behaviours.isEmpty && ownBehaviours.isEmpty {
            problems.append(ValidationProblem([.key("behaviours")], "het profiel scoort geen enkel gedragskenmerk"))
        }
        var seen = Set<Behaviour.ID>()
        for (index, id) in behaviours.enumerated() {
            if catalogue.behaviour(id) == nil {
                problems.append(
                    ValidationProblem(
                        [.key("behaviours"), .index(index)],
                        "onbekend gedragskenmerk '\(id)': verwacht een id uit de catalogus (1.1 … 7.5)"))
            }
            if !seen.insert(id).inserted {
                problems.append(
                    ValidationProblem([.key("behaviours"), .index(index)], "gedragskenmerk '\(id)' staat er dubbel in"))
            }
        }
        for (index, own) in ownBehaviours.enumerated() {
            let path: [ValidationProblem.PathComponent] = [.key("ownBehaviours"), .index(index)]
            if catalogue.behaviour(own.id) != nil {
                problems.append(
                    ValidationProblem(
                        path + [.key("id")],
                        "id '\(own.id)' is al een gedragskenmerk uit de catalogus: kies een eigen id"))
            } else if !seen.insert(own.id).inserted {
                problems.append(ValidationProblem(path + [.key("id")], "gedragskenmerk '\(own.id)' staat er dubbel in"))
            }
            if own.id.isEmpty { problems.append(ValidationProblem(path + [.key("id")], "id ontbreekt")) }
            if catalogue.competency(own.competency) == nil {
                problems.append(
                    ValidationProblem(
                        path + [.key("competency")], "onbekende competentie \(own.competency): verwacht 1 t/m 7"))
            }
            if own.text.isEmpty { problems.append(ValidationProblem(path + [.key("text")], "tekst ontbreekt")) }
        }
        if !range.contains(defaultTarget) {
            problems.append(
                ValidationProblem(
                    [.key("target")], "doelniveau \(defaultTarget) ligt buiten de schaal: verwacht \(rangeText)"))
        }
        for (competency, target) in competencyTargets.sorted(by: { $0.key < $1.key }) {
            let path: [ValidationProblem.PathComponent] = [
                .key("targets"), .key("competencies"), .key("\(competency)"),
            ]
            if catalogue.competency(competency) == nil {
                problems.append(ValidationProblem(path, "onbekende competentie \(competency): verwacht 1 t/m 7"))
            }
            if !range.contains(target) {
                problems.append(
                    ValidationProblem(path, "doelniveau \(target) ligt buiten de schaal: verwacht \(rangeText)"))
            }
        }
        for (behaviour, text) in (pupilStatements ?? [:]).sorted(by: { $0.key < $1.key }) {
            let path: [ValidationProblem.PathComponent] = [.key("pupilStatements"), .key(behaviour)]
            if !seen.contains(behaviour) {
                problems.append(
                    ValidationProblem(path, "gedragskenmerk '\(behaviour)' wordt in dit profiel niet gescoord"))
            }
            if text.isEmpty { problems.append(ValidationProblem(path, "tekst ontbreekt")) }
        }
        for (behaviour, target) in behaviourTargets.sorted(by: { $0.key < $1.key }) {
            let path: [ValidationProblem.PathComponent] = [.key("targets"), .key("behaviours"), .key(behaviour)]
            if !seen.contains(behaviour) {
                problems.append(
                    ValidationProblem(path, "gedragskenmerk '\(behaviour)' wordt in dit profiel niet gescoord"))
            }
            if !range.contains(target) {
                problems.append(
                    ValidationProblem(path, "doelniveau \(target) ligt buiten de schaal: verwacht \(rangeText)"))
            }
        }
        for (competency, weight) in weights.sorted(by: { $0.key < $1.key }) {
            let path: [ValidationProblem.PathComponent] = [.key("weights"), .key("\(competency)")]
            if catalogue.competency(competency) == nil {
                problems.append(ValidationProblem(path, "onbekende competentie \(competency): verwacht 1 t/m 7"))
            }
            if !(weight >= 0 && weight <= 100) || weight.isNaN {
                problems.append(
                    ValidationProblem(path, "gewicht \(weight) is ongeldig: verwacht een getal van 0 t/m 100"))
            }
        }
        return problems
    }
}
