import Testing

@testable import LOBCore

struct ProfileTests {
    private func makeProfile() -> Profile {
        Profile(
            id: "test", title: "Test", behaviours: ["1.1", "1.2", "3.4"],
            ownBehaviours: [Behaviour(id: "eigen-1", competency: 3, text: "voert loopbaangesprekken in dialoog")],
            defaultTarget: 3, competencyTargets: [3: 4], behaviourTargets: ["1.2": 2], weights: [3: 5])
    }

    @Test func valid_profile_has_no_problems() async {
        #expect(makeProfile().validate() == [])
    }

    @Test func targets_fall_back_from_behaviour_to_competency_to_default() async {
        let profile = makeProfile()
        let catalogue = Catalogue.standard
        #expect(profile.target(for: catalogue.behaviour("1.2")!) == 2)
        #expect(profile.target(for: catalogue.behaviour("3.4")!) == 4)
        #expect(profile.target(for: catalogue.behaviour("1.1")!) == 3)
        #expect(profile.weight(for: 3) == 5)
        #expect(profile.weight(for: 1) == 1)
    }

    @Test func scored_behaviours_group_own_behaviours_under_their_competency() async {
        let ids = makeProfile().scoredBehaviours(in: .standard).map(\.id)
        #expect(ids == ["1.1", "1.2", "3.4", "eigen-1"])
        #expect(makeProfile().scoredCompetencies(in: .standard).map(\.id) == [1, 3])
    }

    @Test func unknown_duplicate_and_out_of_scale_are_reported_with_their_path() async {
        var profile = makeProfile()
        profile.behaviours = ["1.1", "9.9", "1.1"]
        profile.defaultTarget = 5
        profile.behaviourTargets = ["1.1": 0]
        profile.ownBehaviours = [Behaviour(id: "2.3", competency: 8, text: "x")]
        let problems = profile.validate().map(\.description)
        #expect(
            problems.contains(
                "behaviours[1]: onbekend gedragskenmerk '9.9': verwacht een id uit de catalogus (1.1 … 7.5)"))
        #expect(problems.contains("behaviours[2]: gedragskenmerk '1.1' staat er dubbel in"))
        #expect(problems.contains("target: doelniveau 5 ligt buiten de schaal: verwacht 1 t/m 4"))
        #expect(problems.contains("targets.behaviours.1.1: doelniveau 0 ligt buiten de schaal: verwacht 1 t/m 4"))
        #expect(
            problems.contains(
                "ownBehaviours[0].id: id '2.3' is al een gedragskenmerk uit de catalogus: kies een eigen id"))
        #expect(problems.contains("ownBehaviours[0].competency: onbekende competentie 8: verwacht 1 t/m 7"))
    }

    @Test func profile_ids_are_restricted_to_safe_characters() async {
        #expect(Profile.isValidID("loopbaanbegeleider-vmbo"))
        #expect(!Profile.isValidID("Mijn Profiel"))
        #expect(!Profile.isValidID("../etc"))
        #expect(!Profile.isValidID(""))
    }

    @Test func star_weights_come_from_the_table() async {
        let weights = Profile.starWeights(model: .model2, role: .vakdocent)
        #expect(weights[1] == 0)
        #expect(weights[2] == 2)
        #expect(weights.count == 7)
    }
}

/// Work done once per distinct profile, for the thousands of scans that share one.
struct PerProfileTests {
    @Test func one_value_per_distinct_profile_even_with_the_same_id() async {
        let first = Profile(id: "p", title: "P", behaviours: ["1.1"])
        var edited = first
        edited.defaultTarget = 4
        var made = 0
        var values = PerProfile<Int>()
        let a = values.index(of: first) { _ in
            made += 1
            return 10
        }
        let b = values.index(of: first) { _ in
            made += 1
            return 20
        }
        let c = values.index(of: edited) { _ in
            made += 1
            return 30
        }
        #expect(a == b && a != c && made == 2)
        #expect(values.values == [10, 30])
        #expect(values.value(for: edited) { _ in 40 } == 30)
    }
}
