import LOBCore

/// The catalogue as JSON: a stable contract for scripts, with the ids of docs/domain.md
/// (competencies 1–7, behaviours "1.1"…"7.5", model1–model3, aspects 1–12, role and metaphor ids).
public struct FrameworkJSON: Encodable {
    struct CompetencyJSON: Encodable {
        let id: Int
        let name: String
        let starTableLabel: String
        let bekwaamheidseis: String
        let bekwaamheidseisTable: String
        @Null var professionalRole: String?
        let situation: String
        let behaviours: [String]
    }
    struct RoleJSON: Encodable {
        let id: String
        let name: String
    }
    struct StarsJSON: Encodable {
        let model: String
        let role: String
        /// Stars per competency id ("1"…"7").
        let stars: [String: Int]
    }
    struct PreferenceJSON: Encodable {
        let id: String
        let number: Int
        let name: String
        let description: String
        let fittingForms: [String]
    }

    /// A role's description with `takenIntro` always present (`null` without one).
    struct RoleDescriptionJSON: Encodable {
        let model: String
        let role: String
        let title: String
        let rol: String
        @Null var takenIntro: String?
        let taken: [String]
    }

    struct GroupJSON: Encodable {
        let label: String
        let roles: [String]
        @Null var intro: String?
        let items: [String]
    }

    struct ProfessionalisationJSON: Encodable {
        let model: String
        let summary: String
        @Null var kenmerkenIntro: String?
        let kenmerken: [String]
        let inhoud: [GroupJSON]
        let vormen: [GroupJSON]
    }

    let formatVersion = 1
    let competencies: [CompetencyJSON]
    let behaviours: [Behaviour]
    let careerGuideTasks: [CareerGuideTasks.Task]
    let mentorTasks: [CareerGuideTasks.Task]
    let portraits: [Portrait]
    let schoolModels: [SchoolModel]
    let pillars: [Pillar]
    let aspects: [Aspect]
    let roles: [RoleJSON]
    let roleDescriptions: [RoleDescriptionJSON]
    let starRatings: [StarsJSON]
    let starRatingsNote: String
    let roleCompetencies: [RoleCompetencyProfile]
    let professionalisation: [ProfessionalisationJSON]
    let learningPreferences: [PreferenceJSON]
    let learningPreferenceCaveat: String
    let kirkpatrickLevels: [KirkpatrickLevel]
    let effectivenessConditions: [EffectivenessTip]
    let effectivenessTips: [EffectivenessTip]
    let careerCompetencies: [CareerCompetency]
    let mboCareerGuideCompetencies: [String]
    let conferenceThemes: [ConferenceTheme]

    public init(_ catalogue: Catalogue) {
        competencies = catalogue.competencies.map { c in
            CompetencyJSON(
                id: c.id, name: c.name, starTableLabel: c.starTableLabel, bekwaamheidseis: c.bekwaamheidseis,
                bekwaamheidseisTable: c.bekwaamheidseisTable, professionalRole: c.professionalRole?.rawValue,
                situation: c.situation.rawValue, behaviours: catalogue.behaviours(of: c.id).map(\.id))
        }
        behaviours = catalogue.behaviours
        careerGuideTasks = catalogue.careerGuideTasks
        mentorTasks = catalogue.mentorTasks
        portraits = catalogue.portraits
        schoolModels = catalogue.schoolModels
        pillars = catalogue.pillars
        aspects = catalogue.aspects
        roles = catalogue.roles.map { RoleJSON(id: $0.rawValue, name: $0.name) }
        roleDescriptions = catalogue.roleDescriptions.map {
            RoleDescriptionJSON(
                model: $0.model.rawValue, role: $0.role.rawValue, title: $0.title, rol: $0.rol,
                takenIntro: $0.takenIntro,
                taken: $0.taken)
        }
        starRatings = SchoolModel.ID.allCases.flatMap { model in
            Role.starTableRoles.map { role in
                StarsJSON(
                    model: model.rawValue, role: role.rawValue,
                    stars: Dictionary(
                        uniqueKeysWithValues: catalogue.competencies.map {
                            ("\($0.id)", StarRatings.stars(model: model, role: role, competency: $0.id))
                        }))
            }
        }
        starRatingsNote = StarRatings.readingNote
        roleCompetencies = catalogue.roleCompetencies
        func groups(_ groups: [Professionalisation.Group]) -> [GroupJSON] {
            groups.map { GroupJSON(label: $0.label, roles: $0.roles.map(\.rawValue), intro: $0.intro, items: $0.items) }
        }
        professionalisation = catalogue.professionalisation.map {
            ProfessionalisationJSON(
                model: $0.model.rawValue, summary: $0.summary, kenmerkenIntro: $0.kenmerkenIntro,
                kenmerken: $0.kenmerken,
                inhoud: groups($0.inhoud), vormen: groups($0.vormen))
        }
        learningPreferences = catalogue.learningPreferences.map {
            PreferenceJSON(
                id: $0.rawValue, number: $0.number, name: $0.name, description: $0.description,
                fittingForms: $0.fittingForms)
        }
        learningPreferenceCaveat = LearningPreference.caveat
        kirkpatrickLevels = catalogue.kirkpatrickLevels
        effectivenessConditions = catalogue.effectivenessConditions
        effectivenessTips = catalogue.effectivenessTips
        careerCompetencies = catalogue.careerCompetencies
        mboCareerGuideCompetencies = catalogue.mboCareerGuideCompetencies
        conferenceThemes = catalogue.conferenceThemes
    }
}
