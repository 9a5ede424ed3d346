import Testing

@testable import LOBCore

struct ScoringTests {
    private func makeProfile() -> Profile {
        Profile(
            id: "p", title: "P", behaviours: ["1.1", "1.2", "3.1", "3.2"], defaultTarget: 3,
            behaviourTargets: ["1.2": 4], weights: [1: 2, 3: 5])
    }

    private func makeScan(_ scores: [String: Int?]) -> Scan {
        Scan(
            teacher: "Jan", profileID: "p", date: SchoolDate("2026-11-24")!,
            answers: scores.mapValues { Scan.Answer(score: $0) })
    }

    @Test func gaps_and_priorities_per_behaviour() async {
        // Given 1.1 at target, 1.2 one below its own target 4, 3.1 two below, 3.2 not answered
        let result = ScanResult(scan: makeScan(["1.1": 3, "1.2": 3, "3.1": 1, "3.2": nil]), profile: makeProfile())
        let byID = Dictionary(uniqueKeysWithValues: result.behaviours.map { ($0.behaviour.id, $0) })
        #expect(byID["1.1"]?.gap == 0)
        #expect(byID["1.2"]?.gap == 1)
        #expect(byID["1.2"]?.priority == 2)
        #expect(byID["3.1"]?.priority == 10)
        #expect(byID["3.2"]?.gap == nil)
        #expect(result.answeredCount == 3)
    }

    @Test func a_score_above_target_has_no_negative_gap() async {
        let result = ScanResult(scan: makeScan(["1.1": 4]), profile: makeProfile())
        #expect(result.behaviours.first?.gap == 0)
        #expect(result.competencies.first?.gap == 0)
    }

    @Test func competency_mean_uses_answered_behaviours_only() async {
        let result = ScanResult(scan: makeScan(["3.1": 1, "1.1": 4, "1.2": 2]), profile: makeProfile())
        let three = result.competencies[1]
        #expect(three.competency.id == 3)
        #expect(three.answered == 1)
        #expect(three.mean == 1)
        #expect(three.gap == 2)
        #expect(three.priority == 10)
        #expect(result.competencies[0].mean == 3)
    }

    @Test func strengths_and_development_points_are_named_by_priority() async {
        let result = ScanResult(scan: makeScan(["1.1": 3, "1.2": 3, "3.1": 2, "3.2": 1]), profile: makeProfile())
        #expect(result.strengths.map(\.behaviour.id) == ["1.1"])
        #expect(result.developmentPoints.map(\.behaviour.id) == ["3.2", "3.1", "1.2"])
    }

    @Test func preference_ranking_orders_by_mean_agreement_and_breaks_ties_in_seed_order() async {
        let ranking = PreferenceCheck.ranking(["oe1": 4, "oe2": 4, "ka1": 2, "on1": 4, "on2": 3])
        #expect(ranking == [.oefenen, .ontdekken, .kunstAfkijken, .participeren, .kennisVerwerven])
        #expect(PreferenceCheck.ranking([:]) == LearningPreference.allCases)
    }

    @Test func the_teachers_own_choice_overrides_the_suggestion() async {
        var scan = makeScan([:])
        scan.preferenceAnswers = ["kv1": 4]
        #expect(scan.learningPreference == .kennisVerwerven)
        scan.chosenPreference = .participeren
        #expect(scan.learningPreference == .participeren)
        #expect(scan.suggestedPreference == .kennisVerwerven)
    }

    @Test func self_check_has_at_least_three_statements_per_metaphor() async {
        for preference in LearningPreference.allCases {
            #expect(PreferenceCheck.statements.filter { $0.preference == preference }.count >= 3)
        }
        #expect(Set(PreferenceCheck.statements.map(\.id)).count == PreferenceCheck.statements.count)
    }

    @Test func dates_parse_only_real_days() async {
        #expect(SchoolDate("2026-11-24")?.description == "2026-11-24")
        #expect(SchoolDate("2024-02-29") != nil)
        #expect(SchoolDate("2026-02-29") == nil)
        #expect(SchoolDate("2026-13-01") == nil)
        #expect(SchoolDate("24-11-2026") == nil)
        #expect(SchoolDate("2026-01-05")! < SchoolDate("2026-11-24")!)
    }
}
