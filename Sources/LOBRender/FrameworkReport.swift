import Foundation
import LOBCore

/// `lob framework`: the whole catalogue as a readable document, and as JSON with the catalogue's ids.
public enum FrameworkReport {
    public static func blocks(_ catalogue: Catalogue) -> [Block] {
        var blocks: [Block] = [
            .heading(level: 1, "LOB-spiegel: het kader"),
            .paragraph(
                "De zeven SBL-competenties, de 44 aanvullende gedragskenmerken van de loopbaanbegeleider, de drie schoolmodellen, de rollen, professionalisering, leervoorkeuren en evaluatie, zoals de vijf bronnen ze geven."
            ),
        ]

        blocks.append(.heading(level: 2, "De zeven SBL-competenties en de gedragskenmerken van de loopbaanbegeleider"))
        blocks.append(
            .paragraph(
                "Bron: 'De beroepsgerichte vakdocent als loopbaanbegeleider' (SLO), hoofdstuk 3. Elk gedragskenmerk vult aan: \"\(Behaviour.stem) …\"."
            ))
        for competency in catalogue.competencies {
            blocks.append(.heading(level: 3, "\(competency.id). \(competency.name)"))
            let place =
                (competency.professionalRole?.label ?? "alle vier beroepsrollen") + " · " + competency.situation.label
            blocks.append(.paragraph("Bekwaamheidseis: \(competency.bekwaamheidseis)"))
            if competency.bekwaamheidseisTable != competency.bekwaamheidseis {
                blocks.append(.paragraph("In de tabel: \(competency.bekwaamheidseisTable)"))
            }
            blocks.append(.paragraph("Plaats in de matrix: \(place)."))
            blocks.append(.definitions(catalogue.behaviours(of: competency.id).map { ($0.id, $0.text) }))
        }

        blocks.append(.heading(level: 2, "Taken en verantwoordelijkheden van de loopbaanbegeleider"))
        blocks.append(.definitions(catalogue.careerGuideTasks.map { ("\($0.id)", $0.text) }))
        blocks.append(.heading(level: 3, "De mentor als loopbaanbegeleider ('Klaar voor de start?', §3.3)"))
        blocks.append(.definitions(catalogue.mentorTasks.map { ("\($0.id)", $0.text) }))

        blocks.append(.heading(level: 2, "Twee portretten"))
        for portrait in catalogue.portraits {
            blocks.append(.heading(level: 3, portrait.title))
            blocks.append(.paragraph(portrait.description))
            blocks.append(.quote(portrait.pupilQuote, by: portrait.quoteBy))
        }

        blocks.append(.heading(level: 2, "Drie schoolmodellen (ontwikkelstadia)"))
        blocks.append(.paragraph(SchoolModel.howToDetermine))
        for model in catalogue.schoolModels {
            blocks.append(.heading(level: 3, "Model \(model.id.number) – \(model.name) (\(model.id.rawValue))"))
            blocks.append(.paragraph(model.typering))
            blocks.append(.bullets(model.kenmerken))
        }
        blocks.append(.heading(level: 3, "De twaalf aspecten in vier pijlers"))
        for pillar in catalogue.pillars {
            blocks.append(.heading(level: 4, pillar.name))
            for aspect in catalogue.aspects(in: pillar.id) {
                blocks.append(.paragraph("\(aspect.id) \(aspect.name)"))
                blocks.append(
                    .definitions(SchoolModel.ID.allCases.map { ("model \($0.number)", aspect.description(for: $0)) }))
            }
        }

        blocks.append(.heading(level: 2, "Rollen en taken per model"))
        for model in catalogue.schoolModels {
            blocks.append(.heading(level: 3, "Model \(model.id.number) – \(model.name)"))
            for description in catalogue.roleDescriptions.filter({ $0.model == model.id }) {
                blocks.append(.heading(level: 4, "\(description.title) (\(description.role.rawValue))"))
                blocks.append(.paragraph("Rol: \(description.rol)"))
                if let intro = description.takenIntro { blocks.append(.paragraph("Taken: \(intro)")) }
                if !description.taken.isEmpty { blocks.append(.bullets(description.taken)) }
            }
        }

        blocks.append(.heading(level: 2, "SBL-competenties per model en rol (sterren)"))
        blocks.append(.note(StarRatings.readingNote + " · = leeg vak: niet van toepassing."))
        for model in catalogue.schoolModels {
            blocks.append(.heading(level: 3, "Model \(model.id.number) – \(model.name)"))
            blocks.append(
                .table(
                    header: ["competentie"]
                        + Role.starTableRoles.map {
                            $0 == .teamleider && model.id == .model3 ? "teamvoorzitter" : $0.rawValue
                        },
                    rows: catalogue.competencies.map { competency in
                        ["\(competency.id) \(competency.starTableLabel)"]
                            + Role.starTableRoles.map {
                                stars(StarRatings.stars(model: model.id, role: $0, competency: competency.id))
                            }
                    }
                ))
            for profile in catalogue.roleCompetencies.filter({ $0.model == model.id }) {
                blocks.append(.heading(level: 4, profile.title))
                for tier in [RoleCompetencyProfile.Tier.basis, .team] {
                    let items = profile.items.filter { $0.tier == tier }
                    guard !items.isEmpty else { continue }
                    if model.id == .model3 {
                        blocks.append(.paragraph(tier == .basis ? "Basiscompetenties" : "Teamcompetenties"))
                    }
                    blocks.append(.definitions(items.map { (kindKey($0.kind), $0.text) }))
                }
            }
        }

        blocks.append(.heading(level: 2, "Professionalisering per model"))
        for p in catalogue.professionalisation {
            let model = catalogue.schoolModel(p.model)
            blocks.append(.heading(level: 3, "Model \(p.model.number) – \(model?.name ?? "")"))
            blocks.append(.paragraph(p.summary))
            blocks.append(
                .paragraph(
                    "Kenmerken van professionalisering in personeelsbeleid"
                        + (p.kenmerkenIntro.map { " (\($0))" } ?? "")))
            blocks.append(.bullets(p.kenmerken))
            for (title, groups) in [("Inhoud professionalisering", p.inhoud), ("Vormen professionalisering", p.vormen)]
            {
                blocks.append(.paragraph(title))
                for group in groups {
                    blocks.append(.paragraph(group.label + (group.intro.map { " " + $0 } ?? "")))
                    blocks.append(.bullets(group.items))
                }
            }
        }

        blocks.append(.heading(level: 2, "Vijf leervoorkeuren (\(LearningPreference.source))"))
        for preference in catalogue.learningPreferences {
            blocks.append(.heading(level: 3, "\(preference.number) \(preference.name) (\(preference.rawValue))"))
            blocks.append(.paragraph(preference.description))
            blocks.append(.paragraph("Passende vormen:"))
            blocks.append(.bullets(preference.fittingForms))
        }
        blocks.append(.note(LearningPreference.caveat))

        blocks.append(.heading(level: 2, "Evaluatie: de vier niveaus van Kirkpatrick"))
        blocks.append(.definitions(catalogue.kirkpatrickLevels.map { ("\($0.id) \($0.name)", $0.text) }))
        blocks.append(.heading(level: 3, "Randvoorwaarden en tips (\(EffectivenessTip.source))"))
        blocks.append(.bullets(catalogue.effectivenessConditions.map { "\($0.text) (\(modelList($0.models)))" }))
        blocks.append(.bullets(catalogue.effectivenessTips.map { "\($0.text) (\(modelList($0.models)))" }))

        blocks.append(.heading(level: 2, "Loopbaancompetenties (\(CareerCompetency.source))"))
        blocks.append(.bullets(catalogue.careerCompetencies.map(\.name)))
        blocks.append(.heading(level: 2, "De ideale loopbaanbegeleider in het mbo"))
        blocks.append(.bullets(catalogue.mboCareerGuideCompetencies))
        blocks.append(.heading(level: 2, "Thema's van de conferentie \(ConferenceTheme.conference)"))
        for theme in catalogue.conferenceThemes {
            blocks.append(.heading(level: 3, "Thema \(theme.id): \(theme.title)"))
            blocks.append(.paragraph(theme.summary))
            blocks.append(.bullets(theme.points))
        }
        return blocks
    }

    static func stars(_ count: Int) -> String { count == 0 ? "·" : String(repeating: "★", count: count) }

    static func kindKey(_ kind: RoleCompetencyProfile.Kind) -> String {
        switch kind {
        case .kennis: "hoofd"
        case .vaardigheid: "handen"
        case .houding: "hart"
        }
    }

    static func modelList(_ models: [SchoolModel.ID]) -> String {
        "model " + models.map { "\($0.number)" }.joined(separator: ", ")
    }
}
