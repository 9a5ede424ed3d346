/// The forms of professionalisation a school offers, with hours and costs: the school's own, not the seeds'.
///
/// The seeds name the forms (per learning preference, per model and role) but give no hours, costs or effects.
/// LOB-spiegel ships an example catalogue (`Profiles/activities/voorbeeld-scholingsvormen.yaml`, `isExample`)
/// that a school replaces with `--costs FILE` or a `costs:` line in its profile.
public struct ActivityCatalogue: Sendable, Hashable, Codable {
    public var title: String
    /// True for the shipped example values: every output that uses them says so.
    public var isExample: Bool
    /// Where the figures come from, shown under every plan ("Voorbeeldbedragen, geen offertes").
    public var note: String
    public var forms: [ActivityForm]
    /// Goals on these competencies also need an activity of this kind, whatever the teacher's preference.
    public var requirements: [CompetencyRequirement]
    public var schoolYear: SchoolYear

    public init(
        title: String, isExample: Bool = false, note: String = "", forms: [ActivityForm],
        requirements: [CompetencyRequirement] = [], schoolYear: SchoolYear = .standard
    ) {
        self.title = title
        self.isExample = isExample
        self.note = note
        self.forms = forms
        self.requirements = requirements
        self.schoolYear = schoolYear
    }

    public func form(_ id: ActivityForm.ID) -> ActivityForm? { forms.first { $0.id == id } }

    /// The forms that address a competency and fit a role and model (a form that names none fits all).
    public func forms(for competency: Competency.ID, role: Role?, model: SchoolModel.ID?) -> [ActivityForm] {
        forms.filter { $0.addresses(competency) && $0.fits(role: role, model: model) }
    }
}

/// One form of professionalisation: what it is, for whom, what it costs, and what it is assumed to achieve.
public struct ActivityForm: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = String

    public let id: ID
    public var name: String
    public var description: String
    /// The seed's wording this form puts into practice, where there is one.
    public var seedWording: String?
    /// The learning-preference metaphors it fits (seed 002, Ruijters en Simons).
    public var preferences: [LearningPreference]
    /// The competencies it addresses; empty = all seven.
    public var competencies: [Competency.ID]
    /// The roles and models it is meant for; empty = all.
    public var roles: [Role]
    public var models: [SchoolModel.ID]
    /// With whom ("een collega die het gedragskenmerk beheerst", "een externe trainer").
    public var withWhom: String
    /// Hours per participant.
    public var hours: Double
    /// Euros per participant, and per group (a trainer, a room); a group holds at most `maxGroupSize`.
    public var costPerParticipant: Double
    public var costPerGroup: Double
    public var maxGroupSize: Int
    /// Levels on the scale a participant is assumed to rise on an addressed competency: an assumption a school
    /// replaces, used by the budget.
    public var effect: Double

    public init(
        id: ID, name: String, description: String = "", seedWording: String? = nil,
        preferences: [LearningPreference], competencies: [Competency.ID] = [], roles: [Role] = [],
        models: [SchoolModel.ID] = [], withWhom: String, hours: Double, costPerParticipant: Double = 0,
        costPerGroup: Double = 0, maxGroupSize: Int = 1, effect: Double = 0.5
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.seedWording = seedWording
        self.preferences = preferences
        self.competencies = competencies
        self.roles = roles
        self.models = models
        self.withWhom = withWhom
        self.hours = hours
        self.costPerParticipant = costPerParticipant
        self.costPerGroup = costPerGroup
        self.maxGroupSize = maxGroupSize
        self.effect = effect
    }

    public var isGroupActivity: Bool { maxGroupSize > 1 }

    public func addresses(_ competency: Competency.ID) -> Bool {
        competencies.isEmpty || competencies.contains(competency)
    }

    public func fits(role: Role?, model: SchoolModel.ID?) -> Bool {
        (roles.isEmpty || role.map(roles.contains) ?? true) && (models.isEmpty || model.map(models.contains) ?? true)
    }

    /// One participant's cost when the group is full: his own cost plus his share of the group's.
    public var costPerPlace: Double { costPerParticipant + costPerGroup / Double(max(1, maxGroupSize)) }

    /// What a group of `participants` costs.
    public func cost(participants: Int) -> Double {
        guard participants > 0 else { return 0 }
        let groups = (participants + maxGroupSize - 1) / max(1, maxGroupSize)
        return Double(participants) * costPerParticipant + Double(groups) * costPerGroup
    }
}

/// The seed's caveat made concrete: "niet alles [kan] op basis van eigen leervoorkeur 'geleerd' worden".
/// A goal on one of `competencies` also gets an activity of kind `needs` unless the teacher's preference is in
/// `satisfiedBy` (which holds `needs`).
public struct CompetencyRequirement: Sendable, Hashable, Codable {
    public var competencies: [Competency.ID]
    public var needs: LearningPreference
    public var satisfiedBy: [LearningPreference]
    /// Why, in the seed's words where it has them.
    public var reason: String

    public init(
        competencies: [Competency.ID], needs: LearningPreference, satisfiedBy: [LearningPreference] = [], reason: String
    ) {
        self.competencies = competencies
        self.needs = needs
        self.satisfiedBy = Array(Set(satisfiedBy + [needs])).sorted { $0.number < $1.number }
        self.reason = reason
    }
}

extension ActivityCatalogue {
    /// Checks ids, numbers and references; the file format turns each problem into a line.
    public func validate() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if forms.isEmpty { problems.append(ValidationProblem([.key("forms")], "de catalogus heeft geen enkele vorm")) }
        var seen = Set<String>()
        for (index, form) in forms.enumerated() {
            let path: [ValidationProblem.PathComponent] = [.key("forms"), .index(index)]
            if !seen.insert(form.id).inserted {
                problems.append(ValidationProblem(path + [.key("id")], "id '\(form.id)' staat er dubbel in"))
            }
            if form.preferences.isEmpty {
                problems.append(ValidationProblem(path + [.key("preferences")], "noem minstens één leervoorkeur"))
            }
            for competency in form.competencies where !(1...7).contains(competency) {
                problems.append(
                    ValidationProblem(
                        path + [.key("competencies")], "onbekende competentie \(competency): verwacht 1 t/m 7"))
            }
            for (key, value) in [
                ("hours", form.hours), ("costPerParticipant", form.costPerParticipant),
                ("costPerGroup", form.costPerGroup), ("effect", form.effect),
            ] where value < 0 {
                problems.append(ValidationProblem(path + [.key(key)], "mag niet negatief zijn"))
            }
            if form.maxGroupSize < 1 {
                problems.append(ValidationProblem(path + [.key("maxGroupSize")], "moet minstens 1 zijn"))
            }
            if form.effect > 3 {
                problems.append(
                    ValidationProblem(
                        path + [.key("effect")],
                        "meer dan 3 niveaus per activiteit is geen aanname maar een wonder: verwacht 0 t/m 3"))
            }
        }
        for (index, requirement) in requirements.enumerated() {
            let path: [ValidationProblem.PathComponent] = [.key("requirements"), .index(index)]
            for competency in requirement.competencies where !(1...7).contains(competency) {
                problems.append(
                    ValidationProblem(
                        path + [.key("competencies")], "onbekende competentie \(competency): verwacht 1 t/m 7"))
            }
            if !forms.contains(where: { $0.preferences.contains(requirement.needs) }) {
                problems.append(
                    ValidationProblem(
                        path + [.key("needs")], "geen enkele vorm past bij '\(requirement.needs.rawValue)'"))
            }
        }
        problems += schoolYear.validate().map { ValidationProblem([.key("schoolYear")] + $0.path, $0.message) }
        return problems
    }
}
