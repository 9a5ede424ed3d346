import Foundation
import LOBCore
import LOBShippedProfiles
import Testing

@testable import LOBFormats

struct ProfileFileTests {
    private func decode(_ yaml: String) throws(FormatError) -> Profile {
        try ProfileFile.decode(data: Data(yaml.utf8), file: "p.yaml")
    }

    /// Decoding must fail; the problems are returned as "file:line: message" lines.
    private func problems(_ yaml: String) -> [String] {
        do {
            _ = try decode(yaml)
            Issue.record("expected the profile to be refused")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    private let valid = """
        formatVersion: 1
        id: eigen
        title: Eigen profiel
        role: vakdocent
        model: model3
        target: 3
        behaviours:
          - "1.1"
          - 2.10
          - "3.1"
        """

    @Test func valid_profile_decodes_with_star_weights_when_none_are_given() async throws {
        let profile = try decode(valid)
        #expect(profile.id == "eigen")
        #expect(profile.role == .vakdocent)
        // An unquoted 2.10 stays the id "2.10", not the number 2.1.
        #expect(profile.behaviours == ["1.1", "2.10", "3.1"])
        #expect(profile.weights[3] == 4)
        #expect(profile.weightSource == StarRatings.readingNote)
    }

    @Test func a_schools_pupil_statements_are_read_and_checked() async throws {
        let profile = try decode(valid + "\npupilStatements:\n  \"1.1\": \"Mijn mentor kent mij goed.\"\n")
        #expect(profile.pupilStatements == ["1.1": "Mijn mentor kent mij goed."])
        #expect(try decode(valid).pupilStatements == nil)
        let foreign = problems(valid + "\npupilStatements:\n  \"4.1\": \"Iets\"\n")
        #expect(
            foreign.contains {
                $0.contains("pupilStatements.4.1: gedragskenmerk '4.1' wordt in dit profiel niet gescoord")
            })
    }

    @Test func unknown_behaviour_is_reported_on_its_line() async {
        let yaml = valid.replacingOccurrences(of: "\"3.1\"", with: "\"3.11\"")
        #expect(
            problems(yaml) == [
                "p.yaml:10: behaviours[2]: onbekend gedragskenmerk '3.11': verwacht een id uit de catalogus (1.1 … 7.5)"
            ])
    }

    @Test func duplicate_behaviour_is_reported_on_its_line() async {
        let yaml = valid.replacingOccurrences(of: "\"3.1\"", with: "\"1.1\"")
        #expect(problems(yaml) == ["p.yaml:10: behaviours[2]: gedragskenmerk '1.1' staat er dubbel in"])
    }

    @Test func target_outside_the_scale_is_reported_on_its_line() async {
        let yaml = valid.replacingOccurrences(of: "target: 3", with: "target: 7")
        #expect(problems(yaml) == ["p.yaml:6:9: 'target': doelniveau 7 ligt buiten het bereik: verwacht 1 t/m 4"])
    }

    @Test func bad_yaml_is_reported_with_line_and_column() async {
        let found = problems("id: x\ntitle: [unclosed\nrole: vakdocent\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("p.yaml:3:") == true)
        #expect(found.first?.contains("onleesbare YAML") == true)
    }

    @Test func unknown_key_wrong_type_and_unknown_role_are_refused() async {
        #expect(
            problems(valid + "\ncolour: blue\n").first?.contains("p.yaml:11:1: 'colour': onbekende sleutel") == true)
        #expect(
            problems(valid.replacingOccurrences(of: "target: 3", with: "target: hoog"))
                == ["p.yaml:6:9: 'target': verwacht een geheel getal, gevonden 'hoog'"])
        #expect(
            problems(valid.replacingOccurrences(of: "role: vakdocent", with: "role: conciërge")).first?
                .contains(
                    "onbekende waarde 'conciërge': verwacht een van schoolleiding, adjunctdirecteur, teamleider, decaan, mentor, vakdocent"
                ) == true)
    }

    @Test func missing_required_key_is_refused() async {
        #expect(problems("id: x\nbehaviours: [\"1.1\"]\n") == ["p.yaml:1:1: verplichte sleutel 'title' ontbreekt"])
    }

    @Test func empty_and_non_utf8_files_are_refused() async {
        #expect(problems("  \n") == ["p.yaml: het bestand is leeg: verwacht YAML of JSON"])
        do {
            _ = try ProfileFile.decode(data: Data("id: x\ntitle: caf".utf8) + Data([0xE9, 0x0A]), file: "p.yaml")
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description == "p.yaml:2: het bestand is geen geldige UTF-8-tekst")
        }
    }

    @Test func other_format_version_is_refused() async {
        #expect(
            problems(valid.replacingOccurrences(of: "formatVersion: 1", with: "formatVersion: 2"))
                == ["p.yaml:1:16: 'formatVersion': onbekende formaatversie 2: deze versie van lob leest versie 1"])
    }

    @Test func json_is_accepted_too() async throws {
        let profile = try decode(#"{"id": "json-profiel", "title": "JSON", "behaviours": ["7.1", "7.2"]}"#)
        #expect(profile.behaviours == ["7.1", "7.2"])
        #expect(profile.weights.isEmpty)
    }

    @Test func own_behaviours_and_targets_are_read() async throws {
        let profile = try decode(
            valid + """

                targets:
                  competencies: {2: 4}
                  behaviours: {"1.1": 2}
                weights: {1: 2.5}
                ownBehaviours:
                  - id: eigen-1
                    competency: 6
                    text: onderhoudt contact met het leerbedrijf
                """)
        #expect(profile.competencyTargets == [2: 4])
        #expect(profile.behaviourTargets == ["1.1": 2])
        #expect(profile.weights == [1: 2.5])
        #expect(profile.ownBehaviours.map(\.id) == ["eigen-1"])
    }
}

struct ShippedProfilesTests {
    let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })

    @Test func every_shipped_profile_is_valid() async {
        #expect(library.problems.isEmpty, "\(library.problems)")
        #expect(library.entries.count == 12)
    }

    @Test func vmbo_profile_scores_all_44_behaviours() async throws {
        let profile = try #require(library.profile("loopbaanbegeleider-vmbo"))
        #expect(profile.behaviours == Catalogue.standard.behaviours.map(\.id))
    }

    @Test func mbo_profile_adds_the_ideal_career_guide_competencies() async throws {
        let profile = try #require(library.profile("loopbaanbegeleider-mbo"))
        #expect(profile.ownBehaviours.count == Catalogue.standard.mboCareerGuideCompetencies.count)
    }

    /// One profile per role per model where the star table gives that role stars, weighted by those stars.
    @Test func role_profiles_match_the_star_table() async throws {
        let catalogue = Catalogue.standard
        for model in SchoolModel.ID.allCases {
            for role in Role.starTableRoles where StarRatings.hasStars(model: model, role: role) {
                let id =
                    (role == .teamleider && model == .model3 ? "teamvoorzitter" : role.rawValue) + "-" + model.rawValue
                let profile = try #require(library.profile(id), "missing \(id)")
                #expect(profile.role == role && profile.model == model)
                let starred = catalogue.competencies.map(\.id).filter {
                    StarRatings.stars(model: model, role: role, competency: $0) > 0
                }
                #expect(profile.behaviours == starred.flatMap { catalogue.behaviours(of: $0).map(\.id) }, "\(id)")
                for competency in starred {
                    #expect(
                        profile.weight(for: competency)
                            == Double(StarRatings.stars(model: model, role: role, competency: competency)),
                        "\(id) \(competency)")
                }
            }
        }
    }

    @Test func a_later_folder_overrides_a_shipped_profile_by_id() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lob-override-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id: loopbaanbegeleider-vmbo\ntitle: Onze versie\nbehaviours: [\"1.1\"]\n"
            .write(to: folder.appendingPathComponent("onze.yaml"), atomically: true, encoding: .utf8)
        try "id: kapot\n".write(to: folder.appendingPathComponent("kapot.yaml"), atomically: true, encoding: .utf8)
        let merged = ProfileLibrary(folders: [ShippedProfiles.directory!, folder])
        #expect(merged.profile("loopbaanbegeleider-vmbo")?.title == "Onze versie")
        #expect(merged.problems.count == 1)
        #expect(
            merged.problems.first?.description.contains("kapot.yaml:1:1: verplichte sleutel 'title' ontbreekt") == true)
    }
}
