/// The whole framework of the seeds in one value, and the checks that it is complete and consistent.
///
/// Everything here is read-only data from `../shared/seeds/`; the counts the seeds give are checked by `validate()`.
public struct Catalogue: Sendable {
    public let competencies: [Competency]
    public let behaviours: [Behaviour]
    public let careerGuideTasks: [CareerGuideTasks.Task]
    public let mentorTasks: [CareerGuideTasks.Task]
    public let portraits: [Portrait]
    public let schoolModels: [SchoolModel]
    public let pillars: [Pillar]
    public let aspects: [Aspect]
    public let roles: [Role]
    public let roleDescriptions: [RoleDescription]
    public let roleCompetencies: [RoleCompetencyProfile]
    public let professionalisation: [Professionalisation]
    public let learningPreferences: [LearningPreference]
    public let kirkpatrickLevels: [KirkpatrickLevel]
    public let effectivenessConditions: [EffectivenessTip]
    public let effectivenessTips: [EffectivenessTip]
    public let careerCompetencies: [CareerCompetency]
    public let mboCareerGuideCompetencies: [String]
    public let conferenceThemes: [ConferenceTheme]

    /// The catalogue of the five seeds.
    public static let standard = Catalogue(
        competencies: Competency.all,
        behaviours: Behaviour.all,
        careerGuideTasks: CareerGuideTasks.loopbaanbegeleider,
        mentorTasks: CareerGuideTasks.mentor,
        portraits: Portrait.all,
        schoolModels: SchoolModel.all,
        pillars: Pillar.all,
        aspects: Aspect.all,
        roles: Role.allCases,
        roleDescriptions: RoleDescription.all,
        roleCompetencies: RoleCompetencyProfile.all,
        professionalisation: Professionalisation.all,
        learningPreferences: LearningPreference.allCases,
        kirkpatrickLevels: KirkpatrickLevel.all,
        effectivenessConditions: EffectivenessTip.conditions,
        effectivenessTips: EffectivenessTip.all,
        careerCompetencies: CareerCompetency.all,
        mboCareerGuideCompetencies: MBOCareerGuide.competencies,
        conferenceThemes: ConferenceTheme.all
    )

    // MARK: - Look-ups

    public func competency(_ id: Competency.ID) -> Competency? { competencies.first { $0.id == id } }
    public func behaviour(_ id: Behaviour.ID) -> Behaviour? { behaviours.first { $0.id == id } }
    public func behaviours(of competency: Competency.ID) -> [Behaviour] {
        behaviours.filter { $0.competency == competency }
    }
    public func schoolModel(_ id: SchoolModel.ID) -> SchoolModel? { schoolModels.first { $0.id == id } }
    public func aspects(in pillar: Pillar.ID) -> [Aspect] { aspects.filter { $0.pillar == pillar } }
    public func roleDescriptions(model: SchoolModel.ID, role: Role) -> [RoleDescription] {
        roleDescriptions.filter { $0.model == model && $0.role == role }
    }
    public func roleCompetencies(model: SchoolModel.ID, role: Role) -> RoleCompetencyProfile? {
        roleCompetencies.first { $0.model == model && $0.role == role }
    }

    // MARK: - Validation

    /// The counts the seeds give (docs/domain.md): a change that breaks one is a transcription error.
    public enum Expected {
        public static let behavioursPerCompetency = [1: 8, 2: 10, 3: 7, 4: 5, 5: 4, 6: 5, 7: 5]
        public static let aspectsPerPillar: [Pillar.ID: Int] = [
            .visieEnBeleid: 4, .orientatieEnBegeleiding: 3, .organisatie: 3, .samenwerking: 2,
        ]
    }

    /// Problems with the catalogue; empty when it is complete and consistent.
    public func validate() -> [String] {
        var problems: [String] = []
        func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { problems.append(message()) }
        }
        func expectUnique<T: Hashable>(_ values: [T], _ what: String) {
            var seen = Set<T>()
            for value in values where !seen.insert(value).inserted { problems.append("\(what): dubbel id \(value)") }
        }

        expect(competencies.map(\.id) == Array(1...7), "competenties: verwacht ids 1…7")
        expectUnique(behaviours.map(\.id), "gedragskenmerken")
        expect(behaviours.count == 44, "gedragskenmerken: verwacht 44, gevonden \(behaviours.count)")
        for behaviour in behaviours {
            expect(
                competency(behaviour.competency) != nil,
                "gedragskenmerk \(behaviour.id): onbekende competentie \(behaviour.competency)")
            expect(
                behaviour.id.hasPrefix("\(behaviour.competency)."),
                "gedragskenmerk \(behaviour.id): id past niet bij competentie \(behaviour.competency)")
        }
        for (id, count) in Expected.behavioursPerCompetency {
            expect(behaviours(of: id).count == count, "competentie \(id): verwacht \(count) gedragskenmerken")
        }
        expect(careerGuideTasks.count == 7, "taken loopbaanbegeleider: verwacht 7")
        expect(mentorTasks.count == 7, "taken mentor als loopbaanbegeleider: verwacht 7")
        expect(portraits.map(\.id) == Portrait.ID.allCases, "portretten: verwacht traditioneel en loopbaanbegeleider")

        expect(schoolModels.map(\.id) == SchoolModel.ID.allCases, "schoolmodellen: verwacht model1…model3")
        expect(aspects.map(\.id) == Array(1...12), "aspecten: verwacht ids 1…12")
        for (pillar, count) in Expected.aspectsPerPillar {
            expect(self.aspects(in: pillar).count == count, "pijler \(pillar.rawValue): verwacht \(count) aspecten")
        }
        for aspect in aspects {
            for model in SchoolModel.ID.allCases {
                expect(
                    !aspect.description(for: model).isEmpty,
                    "aspect \(aspect.id): geen beschrijving voor \(model.rawValue)")
            }
        }

        for model in SchoolModel.ID.allCases {
            for role in Role.allCases {
                expect(
                    !roleDescriptions(model: model, role: role).isEmpty,
                    "rollen: \(role.rawValue) ontbreekt in \(model.rawValue)")
            }
            for role in Role.starTableRoles where StarRatings.hasStars(model: model, role: role) {
                expect(
                    roleCompetencies(model: model, role: role) != nil,
                    "rolcompetenties: \(role.rawValue) heeft sterren in \(model.rawValue) maar geen beschrijving")
            }
        }
        for (model, rows) in StarRatings.table {
            expect(rows.count == 7 && rows.allSatisfy { $0.count == 4 }, "sterren \(model.rawValue): verwacht 7 × 4")
            expect(rows.joined().allSatisfy { (0...5).contains($0) }, "sterren \(model.rawValue): waarde buiten 0…5")
        }
        expect(
            roleCompetencies.contains { $0.items.contains { $0.tier == .team } },
            "rolcompetenties: model 3 heeft teamcompetenties")
        expect(
            roleCompetencies.allSatisfy { $0.model == .model3 || $0.items.allSatisfy { $0.tier == .basis } },
            "rolcompetenties: alleen model 3 kent teamcompetenties")
        expect(
            professionalisation.map(\.model) == SchoolModel.ID.allCases,
            "professionalisering: verwacht model1…model3 in volgorde")

        expect(
            learningPreferences.count == 5 && learningPreferences.allSatisfy { !$0.fittingForms.isEmpty },
            "leervoorkeuren: verwacht 5, elk met passende vormen")
        expect(kirkpatrickLevels.map(\.id) == [1, 2, 3, 4], "Kirkpatrick: verwacht niveaus 1…4")
        expect(
            effectivenessTips.count == 6 && effectivenessTips.allSatisfy { !$0.models.isEmpty },
            "tips: verwacht 6, elk met modellen")
        expect(careerCompetencies.count == 5, "loopbaancompetenties: verwacht 5")
        expect(mboCareerGuideCompetencies.count == 10, "mbo-loopbaanbegeleider: verwacht 10 competenties")
        expect(conferenceThemes.map(\.id) == Array(1...9), "conferentiethema's: verwacht 1…9")

        for text in allTexts() {
            if let artefact = Self.extractionArtefact(in: text) {
                problems.append("tekst bevat een extractie-artefact '\(artefact)': \(text.prefix(60))…")
            }
        }
        return problems
    }

    /// Every text in the catalogue, for checks that apply to all of them.
    func allTexts() -> [String] {
        var texts: [String] = []
        texts += competencies.flatMap { [$0.name, $0.bekwaamheidseis, $0.bekwaamheidseisTable] }
        texts += behaviours.map(\.text)
        texts += (careerGuideTasks + mentorTasks).map(\.text)
        texts += portraits.flatMap { [$0.title, $0.description, $0.pupilQuote] }
        texts += schoolModels.flatMap { [$0.name, $0.typering] + $0.kenmerken }
        texts += aspects.flatMap { [$0.name] + SchoolModel.ID.allCases.map($0.description(for:)) }
        texts += roleDescriptions.flatMap { [$0.title, $0.rol] + $0.taken }
        texts += roleCompetencies.flatMap { $0.items.map(\.text) }
        texts += professionalisation.flatMap { p in
            [p.summary] + p.kenmerken + (p.inhoud + p.vormen).flatMap { $0.items + [$0.intro].compactMap { $0 } }
        }
        texts += learningPreferences.flatMap { [$0.description] + $0.fittingForms }
        texts += kirkpatrickLevels.map(\.text)
        texts += (effectivenessTips + effectivenessConditions).map(\.text)
        texts += conferenceThemes.flatMap { [$0.summary] + $0.points }
        return texts
    }

    /// PDF extraction leaves ligatures split ("refl ectie"), double spaces and line breaks; none may remain.
    static func extractionArtefact(in text: String) -> String? {
        for marker in ["fl e", "fi e", "fi n", "ffi n", "fl ex", "  ", "\n", "\t"] where text.contains(marker) {
            return marker
        }
        if text.first?.isWhitespace == true || text.last?.isWhitespace == true { return "spatie aan begin of eind" }
        return nil
    }
}
