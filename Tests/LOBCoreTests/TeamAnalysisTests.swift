import Testing

@testable import LOBCore

/// The team view's privacy rules and figures.
struct TeamAnalysisTests {
    static let profile = Profile(
        id: "p", title: "P", behaviours: ["1.1", "1.2", "2.1"], defaultTarget: 3, weights: [2: 2])

    static func member(
        _ teacher: String, _ scores: [Behaviour.ID: Int], consent: Consent = .metNaam,
        preference: LearningPreference? = nil
    ) -> TeamMemberScan {
        TeamMemberScan(
            teacher: teacher, consent: consent, learningPreference: preference, date: SchoolDate("2026-10-01")!,
            profile: profile, scores: scores, fingerprint: Fingerprint.fnv1a(teacher))
    }

    @Test func aggregates_give_n_mean_distribution_and_at_or_above_target() async throws {
        let analysis = TeamAnalysis(
            members: [
                Self.member("Ans", ["1.1": 4, "2.1": 1]), Self.member("Bob", ["1.1": 2, "2.1": 2]),
                Self.member("Cor", ["1.1": 3, "2.1": 2]),
            ], threshold: 3)
        let first = try #require(analysis.behaviours.first { $0.behaviour.id == "1.1" })
        #expect(first.n == 3 && first.mean == 3 && first.distribution == [0, 1, 1, 1] && first.atOrAboveTarget == 2)
        #expect(first.priority == 1.0 / 3)
        // 1.2 was answered by nobody: n 0, withheld.
        #expect(analysis.behaviours.first { $0.behaviour.id == "1.2" }?.withheld == true)
        // 2.1: every gap weighs 2, so it is the team's biggest gap.
        #expect(analysis.biggestGaps(1).map(\.behaviour.id) == ["2.1"])
        #expect(analysis.uncoveredBehaviours.map(\.behaviour.id) == ["2.1"])
        #expect(analysis.competencies.map(\.competency.id) == [1, 2])
        #expect(analysis.competencies[1].mean == 5.0 / 3 && analysis.competencies[1].atOrAboveTarget == 0)
        #expect(analysis.uncoveredCompetencies.map(\.competency.id) == [2])
    }

    /// Group disclosure: three anonymous colleagues who all chose the same level are no secret kept by a count.
    @Test(arguments: [
        // scores of the three anonymous colleagues on 1.1, mean shown?, distribution shown?
        ([1, 1, 1], false, false), ([1, 1, 2], false, false), ([4, 4, 4], false, false), ([3, 4, 4], false, false),
        ([2, 2, 2], true, false), ([2, 2, 4], true, false), ([1, 2, 4], true, true), ([1, 3, 4], true, true),
    ])
    func a_group_that_nearly_agrees_does_not_show_each_answer(scores: [Int], mean: Bool, distribution: Bool) throws {
        let members = scores.enumerated().map {
            Self.member("Anoniem \($0.offset)", ["1.1": $0.element], consent: .anoniem)
        }
        let named = Self.member("Ans", ["1.1": 1])
        let analysis = TeamAnalysis(members: members + [named], threshold: 3)
        let figure = try #require(analysis.behaviours.first { $0.behaviour.id == "1.1" })
        #expect(figure.n == 4 && figure.countsAnonymous)
        #expect(figure.withheld == !mean && (figure.withheldBecause == .sameAnswers) == !mean)
        #expect(figure.distribution.isEmpty == !distribution && (figure.atOrAboveTarget == nil) == !distribution)
        #expect(figure.coarsened == (mean && !distribution))
        // Named colleagues are public: their agreeing never hides a figure.
        let allNamed = TeamAnalysis(
            members: (0..<3).map { Self.member("Naam \($0)", ["1.1": 4]) }, threshold: 3)
        #expect(allNamed.behaviours.first { $0.behaviour.id == "1.1" }?.distribution == [0, 0, 0, 3])
    }

    @Test func fewer_than_the_threshold_withholds_every_figure() async {
        let analysis = TeamAnalysis(
            members: [Self.member("Ans", ["1.1": 4]), Self.member("Bob", ["1.1": 2])], threshold: 3)
        #expect(analysis.allWithheld)
        #expect(analysis.behaviours.allSatisfy { $0.withheld } && analysis.competencies.allSatisfy { $0.withheld })
        #expect(
            analysis.heatmapColumns.isEmpty && analysis.peerLearning.isEmpty && analysis.uncoveredBehaviours.isEmpty)
    }

    @Test func the_threshold_is_never_below_three_and_a_higher_one_is_honoured() async {
        let three = [Self.member("Ans", ["1.1": 4]), Self.member("Bob", ["1.1": 2]), Self.member("Cor", ["1.1": 2])]
        #expect(TeamAnalysis(members: three, threshold: 1).threshold == 3)
        #expect(!TeamAnalysis(members: three, threshold: 1).allWithheld)
        #expect(TeamAnalysis(members: three, threshold: 4).behaviours.allSatisfy { $0.withheld })
    }

    @Test func private_scans_never_count() async {
        let analysis = TeamAnalysis(
            members: [
                Self.member("Ans", ["1.1": 4]), Self.member("Bob", ["1.1": 2]),
                Self.member("Geheim", ["1.1": 1], consent: .prive),
            ], threshold: 3)
        #expect(analysis.included.count == 2 && analysis.allWithheld)
        #expect(!analysis.included.contains { $0.teacher == "Geheim" })
    }

    @Test func anonymous_members_count_only_as_a_group_and_never_have_a_column() async {
        let named = [Self.member("Ans", ["1.1": 4]), Self.member("Bob", ["1.1": 2]), Self.member("Cor", ["1.1": 3])]
        let twoAnonymous =
            named + [Self.member("X", ["1.1": 1], consent: .anoniem), Self.member("Y", ["1.1": 1], consent: .anoniem)]
        let few = TeamAnalysis(members: twoAnonymous, threshold: 3)
        #expect(few.heatmapColumns.map(\.label) == ["Ans", "Bob", "Cor"])
        // Left out of the figures: the team mean minus the named scores would give theirs away.
        #expect(few.anonymousWithheld == [.tooFew] && few.anonymous == nil)
        #expect(few.behaviours.first?.n == 3 && few.behaviours.first?.mean == 3 && few.respondents == 3)

        let enough = TeamAnalysis(
            members: twoAnonymous + [Self.member("Z", ["1.1": 4], consent: .anoniem)], threshold: 3)
        #expect(enough.heatmapColumns.map(\.label) == ["Ans", "Bob", "Cor"])
        #expect(enough.anonymousWithheld.isEmpty && enough.anonymous == 3 && enough.behaviours.first?.n == 6)
        #expect(enough.behaviours.first?.mean == 15.0 / 6 && enough.respondents == 6)
    }

    @Test func peer_learning_pairs_named_learners_with_named_masters_preferring_the_same_metaphor() async throws {
        let analysis = TeamAnalysis(
            members: [
                Self.member("Ans", ["1.1": 4], preference: .kunstAfkijken),
                Self.member("Bob", ["1.1": 3], preference: .oefenen),
                Self.member("Cor", ["1.1": 1], preference: .oefenen),
                Self.member("Dirk", ["1.1": 2], preference: .kunstAfkijken),
                Self.member("Eva", ["1.1": 4], consent: .anoniem),
            ], threshold: 3)
        let learning = try #require(analysis.peerLearning.first { $0.behaviour.id == "1.1" })
        #expect(learning.mentors == ["Ans", "Bob"])
        #expect(learning.pairs.map { "\($0.learner)→\($0.mentor)" } == ["Cor→Bob", "Dirk→Ans"])
        #expect(learning.pairs[0].how.hasPrefix("oefen met Bob"))
        #expect(learning.pairs[1].how.hasPrefix("kijk de kunst af bij Ans"))
        // One anonymous member is never a mentor, and fewer than three anonymous learners are not counted.
        #expect(learning.anonymousLearners == nil)
    }

    @Test func listing_the_first_pairs_gives_the_same_pairs_as_the_whole_list() async throws {
        let preferences: [LearningPreference?] = [.oefenen, .kunstAfkijken, nil, .ontdekken]
        let members = (0..<40).map { index in
            Self.member(
                "Collega \(index)", ["1.1": 1 + (index * 7) % 4, "1.2": 1 + (index * 3) % 4],
                consent: index % 5 == 0 ? .anoniem : .metNaam, preference: preferences[index % 4])
        }
        let analysis = TeamAnalysis(members: members, threshold: 3)
        let whole = analysis.peerLearning(for: nil)
        let listed = analysis.peerLearning(for: nil, listing: 5)
        #expect(whole.count == listed.count && !whole.isEmpty)
        for (all, first) in zip(whole, listed) {
            #expect(first.pairs == Array(all.pairs.prefix(5)))
            #expect(first.pairCount == all.pairs.count && all.pairCount == all.pairs.count)
            #expect(first.mentors == all.mentors && first.anonymousLearners == all.anonymousLearners)
        }
        #expect(whole.contains { $0.pairs.count > 5 })
    }

    @Test func progress_compares_competency_means_of_two_rounds() async {
        let before = TeamAnalysis(members: ["Ans", "Bob", "Cor"].map { Self.member($0, ["1.1": 2]) }, threshold: 3)
        let after = TeamAnalysis(members: ["Ans", "Bob", "Cor"].map { Self.member($0, ["1.1": 3]) }, threshold: 3)
        let progress = TeamProgress(before: before, after: after)
        #expect(progress.changes.first?.change == 1)
    }
}
