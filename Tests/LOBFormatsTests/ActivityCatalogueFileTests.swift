import Foundation
import LOBCore
import LOBShippedProfiles
import Testing

@testable import LOBFormats

struct ActivityCatalogueFileTests {
    private func problems(_ yaml: String) -> [String] {
        do {
            _ = try ActivityCatalogueFile.decode(data: Data(yaml.utf8), file: "kosten.yaml")
            Issue.record("expected the catalogue to be refused")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    private let valid = """
        formatVersion: 1
        title: Onze scholing
        forms:
          - id: training
            name: Training gesprekken
            preferences: [oefenen]
            competencies: [1, 2]
            withWhom: een trainer
            hours: 12
            costPerGroup: 2400
            maxGroupSize: 12
        schoolYear:
          periods:
            - { name: semester 1, from: 8, to: 1 }
            - { name: semester 2, from: 2, to: 7 }
        """

    @Test func the_shipped_example_is_valid_and_marked_as_example() async throws {
        let url = try #require(ShippedProfiles.exampleActivities)
        let catalogue = try ActivityCatalogueFile.load(url)
        #expect(catalogue.isExample)
        #expect(catalogue.forms.count >= 12)
        // Every metaphor has forms, so every teacher gets an activity that fits how he learns
        for preference in LearningPreference.allCases {
            #expect(catalogue.forms.contains { $0.preferences.contains(preference) }, "no form for \(preference)")
        }
        // Forms quote the seeds where they have them
        let seedWordings = Set(LearningPreference.allCases.flatMap(\.fittingForms))
        #expect(catalogue.forms.filter { $0.seedWording.map(seedWordings.contains) == true }.count >= 10)
        #expect(catalogue.requirements.first?.reason == "Goede gesprekstechnieken leer je niet alleen uit een boekje.")
        #expect(LearningPreference.caveat.contains(catalogue.requirements[0].reason))
        // Named in Dutch; the seed's own English term may follow in brackets ("coaching on the job").
        for form in catalogue.forms {
            let outside = form.name.replacingOccurrences(of: #"\([^)]*\)"#, with: "", options: .regularExpression)
            let words = Set(outside.lowercased().split(separator: " ").map(String.init))
            #expect(words.isDisjoint(with: ["on", "the", "job", "and", "with", "in-house"]), "\(form.name)")
        }
    }

    @Test func a_schools_own_catalogue_reads_with_its_own_periods() async throws {
        let catalogue = try ActivityCatalogueFile.decode(data: Data(valid.utf8), file: "kosten.yaml")
        #expect(!catalogue.isExample)
        #expect(catalogue.forms[0].costPerPlace == 200)
        #expect(catalogue.schoolYear.periods.map(\.name) == ["semester 1", "semester 2"])
        #expect(
            catalogue.schoolYear.label(catalogue.schoolYear.firstSlot(after: SchoolDate("2026-11-24")!))
                == "semester 1 2026-2027")
        // The follow-up's weeks: the default, or the school's own.
        #expect(catalogue.schoolYear.followUpWeeks == 6...12)
        let own = valid + "\n  followUpWeeks: { from: 4, to: 8 }\n"
        #expect(
            try ActivityCatalogueFile.decode(data: Data(own.utf8), file: "kosten.yaml").schoolYear.followUpWeeks
                == 4...8)
    }

    @Test func faults_are_refused_with_file_line_and_reason() async {
        #expect(
            problems(valid.replacingOccurrences(of: "hours: 12", with: "uren: 12"))
                == [
                    "kosten.yaml:9:5: 'forms.[0].uren': onbekende sleutel: verwacht een van competencies, costPerGroup, costPerParticipant, description, effect, hours, id, maxGroupSize, models, name, preferences, roles, seed, withWhom"
                ])
        #expect(
            problems(valid.replacingOccurrences(of: "[oefenen]", with: "[zwemmen]")).first?
                .hasPrefix("kosten.yaml:6:19: 'forms.[0].preferences.[0]': onbekende waarde 'zwemmen'") == true)
        #expect(
            problems(valid.replacingOccurrences(of: "costPerGroup: 2400", with: "costPerGroup: -5"))
                == [
                    "kosten.yaml:10:19: 'forms.[0].costPerGroup': bedrag '-5' ligt buiten het bereik: verwacht 0 t/m 1.000.000"
                ])
        #expect(
            problems(valid.replacingOccurrences(of: "costPerGroup: 2400", with: "costPerGroup: veel"))
                == ["kosten.yaml:10:19: 'forms.[0].costPerGroup': verwacht een getal, gevonden 'veel'"])
        #expect(
            problems(valid.replacingOccurrences(of: "from: 2, to: 7", with: "from: 2, to: 14"))
                == [
                    "kosten.yaml:15:40: 'schoolYear.periods.[1].to': maand 14 ligt buiten het bereik: verwacht 1 t/m 12"
                ])
        #expect(
            problems(valid + "\n  followUpWeeks: { from: 8, to: 4 }\n")
                == ["kosten.yaml:16:33: 'schoolYear.followUpWeeks.to': verwacht minstens 8 weken (from)"])
        #expect(
            problems(valid + "\n  followUpWeeks: { from: 0, to: 4 }\n")
                == [
                    "kosten.yaml:16:26: 'schoolYear.followUpWeeks.from': weken 0 ligt buiten het bereik: verwacht 1 t/m 52"
                ])
        #expect(problems("title: leeg\nforms: []\n") == ["kosten.yaml:2: forms: de catalogus heeft geen enkele vorm"])
        #expect(
            problems("formatVersion: 2\ntitle: x\nforms: []\n").first?.contains("onbekende formaatversie 2") == true)
    }
}
