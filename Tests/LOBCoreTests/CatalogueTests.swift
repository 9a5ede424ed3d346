import Testing

@testable import LOBCore

struct CatalogueTests {
    let catalogue = Catalogue.standard

    @Test func standard_catalogue_validates_without_problems() async {
        #expect(catalogue.validate() == [])
    }

    @Test func counts_are_those_the_seeds_give() async {
        #expect(catalogue.competencies.count == 7)
        #expect(catalogue.behaviours.count == 44)
        #expect(catalogue.competencies.map { catalogue.behaviours(of: $0.id).count } == [8, 10, 7, 5, 4, 5, 5])
        #expect(catalogue.careerGuideTasks.count == 7)
        #expect(catalogue.mentorTasks.count == 7)
        #expect(catalogue.portraits.count == 2)
        #expect(catalogue.schoolModels.count == 3)
        #expect(catalogue.pillars.count == 4)
        #expect(catalogue.aspects.count == 12)
        #expect(catalogue.roles.count == 6)
        #expect(catalogue.learningPreferences.count == 5)
        #expect(catalogue.kirkpatrickLevels.count == 4)
        #expect(catalogue.effectivenessTips.count == 6)
        #expect(catalogue.careerCompetencies.count == 5)
        #expect(catalogue.mboCareerGuideCompetencies.count == 10)
        #expect(catalogue.conferenceThemes.count == 9)
        #expect(catalogue.roleCompetencies.count == 10)
    }

    @Test func behaviour_ids_run_in_printed_order() async {
        #expect(catalogue.behaviours.first?.id == "1.1")
        #expect(catalogue.behaviours.last?.id == "7.5")
        #expect(catalogue.behaviours(of: 2).last?.id == "2.10")
    }

    @Test func sample_texts_are_the_seeds_exact_wording() async {
        #expect(catalogue.behaviour("1.1")?.text == "kent zijn leerlingen")
        #expect(catalogue.behaviour("2.6")?.text == "handelt in lijn met de geldende ethische, normen en waarden")
        #expect(
            catalogue.behaviour("3.4")?.text
                == "luistert actief naar de leerling en gebruikt verbale (luisteren, samenvatten, doorvragen) en non-verbale signalen, onderbreekt niet en gaat niet in discussie"
        )
        #expect(
            catalogue.behaviour("4.1")?.text
                == "creëert een loopbaangerichte, praktijknabije leer-/ werkomgeving die de leerling stimuleert zich te ontwikkelen en zijn talenten te verkennen en te ontdekken"
        )
        #expect(
            catalogue.behaviour("7.5")?.text
                == "is buiten zijn eigen vakgebied geïnteresseerd in opleidingen en beroepen en is bereid zich hierin te verdiepen"
        )
        #expect(
            catalogue.competency(3)?.bekwaamheidseisTable
                == "Een goede leraar is vakinhoudelijk en didactisch competent. Hij kan zorgen voor een krachtige leeromgeving en het leren van de leerlingen bevorderen."
        )
        #expect(catalogue.competency(4)?.bekwaamheidseis.hasSuffix("taakgerichte sfeer in zijn groep of klas.") == true)
        #expect(
            catalogue.competency(4)?.bekwaamheidseisTable.hasSuffix(
                "in zijn groep of klas en structuur in de leeromgeving.") == true)
        #expect(catalogue.careerGuideTasks.last?.text == "begeleidt het keuzeproces van de leerling")
        #expect(catalogue.aspects[6].description(for: .model1) == "In de klas met opdrachten")
        #expect(catalogue.aspects[10].description(for: .model1) == "Worden geïnformeerd")
        #expect(catalogue.schoolModel(.model3)?.name == "De flexibele school")
        #expect(
            catalogue.roleDescriptions(model: .model3, role: .decaan).first?.rol
                == "leiding geven aan LOB-activiteiten in de school.")
        #expect(LearningPreference.kunstAfkijken.name == "kunst afkijken")
        #expect(catalogue.kirkpatrickLevels.map(\.name) == ["reacties", "het geleerde", "gedrag", "resultaat"])
        #expect(
            catalogue.careerCompetencies.map(\.id) == [
                "capaciteitenreflectie", "motievenreflectie", "werkexploratie", "loopbaansturing", "netwerken",
            ])
        #expect(catalogue.conferenceThemes[1].title == "Gesprekvoering en Coaching")
    }

    @Test func star_ratings_follow_the_reading_notes() async {
        #expect(StarRatings.stars(model: .model1, role: .decaan, competency: 1) == 2)
        #expect(StarRatings.stars(model: .model1, role: .mentor, competency: 6) == 1)
        #expect(StarRatings.stars(model: .model2, role: .vakdocent, competency: 1) == 0)
        #expect(StarRatings.stars(model: .model2, role: .decaan, competency: 3) == 4)
        #expect(StarRatings.stars(model: .model3, role: .teamleider, competency: 5) == 5)
        #expect(StarRatings.stars(model: .model3, role: .decaan, competency: 7) == 3)
        #expect(StarRatings.stars(model: .model3, role: .schoolleiding, competency: 1) == 0)
        #expect(!StarRatings.hasStars(model: .model1, role: .vakdocent))
        #expect(StarRatings.hasStars(model: .model2, role: .teamleider))
    }

    @Test func role_competencies_are_classed_by_their_opening_verb() async {
        #expect(RoleCompetencyProfile.Kind.classify("weet hoe leidinggeven en leiderschap te combineren") == .kennis)
        #expect(RoleCompetencyProfile.Kind.classify("kent de LOB-bronnen") == .kennis)
        #expect(RoleCompetencyProfile.Kind.classify("kan situationeel leiding geven") == .vaardigheid)
        #expect(RoleCompetencyProfile.Kind.classify("Is respectvol in dialoog") == .houding)
        let vakdocent3 = catalogue.roleCompetencies(model: .model3, role: .vakdocent)
        #expect(vakdocent3?.items.filter { $0.tier == .basis }.count == 10)
        #expect(vakdocent3?.items.filter { $0.tier == .team }.count == 6)
        #expect(catalogue.roleCompetencies(model: .model2, role: .decaan)?.items.count == 13)
    }

    @Test func validation_reports_a_duplicate_and_a_dangling_reference() async {
        // Given a catalogue with one behaviour twice and one under a competency that does not exist
        let broken = Catalogue(
            competencies: catalogue.competencies,
            behaviours: catalogue.behaviours + [
                catalogue.behaviours[0], Behaviour(id: "8.1", competency: 8, text: "x"),
            ],
            careerGuideTasks: catalogue.careerGuideTasks, mentorTasks: catalogue.mentorTasks,
            portraits: catalogue.portraits,
            schoolModels: catalogue.schoolModels, pillars: catalogue.pillars,
            aspects: Array(catalogue.aspects.dropLast()),
            roles: catalogue.roles, roleDescriptions: catalogue.roleDescriptions,
            roleCompetencies: catalogue.roleCompetencies,
            professionalisation: catalogue.professionalisation, learningPreferences: catalogue.learningPreferences,
            kirkpatrickLevels: catalogue.kirkpatrickLevels, effectivenessConditions: catalogue.effectivenessConditions,
            effectivenessTips: catalogue.effectivenessTips, careerCompetencies: catalogue.careerCompetencies,
            mboCareerGuideCompetencies: catalogue.mboCareerGuideCompetencies,
            conferenceThemes: catalogue.conferenceThemes
        )
        // When it validates
        let problems = broken.validate()
        // Then each fault is named
        #expect(problems.contains("gedragskenmerken: dubbel id 1.1"))
        #expect(problems.contains("gedragskenmerk 8.1: onbekende competentie 8"))
        #expect(problems.contains("gedragskenmerken: verwacht 44, gevonden 46"))
        #expect(problems.contains("aspecten: verwacht ids 1…12"))
    }

    @Test func extraction_artefacts_are_detected() async {
        #expect(Catalogue.extractionArtefact(in: "competent in refl ectie") == "fl e")
        #expect(Catalogue.extractionArtefact(in: "de fl exibele school") != nil)
        #expect(Catalogue.extractionArtefact(in: "twee  spaties") == "  ")
        #expect(Catalogue.extractionArtefact(in: "leer- en loopbaanproces") == nil)
    }
}
