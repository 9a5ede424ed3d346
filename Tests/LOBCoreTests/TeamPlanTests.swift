import Testing

@testable import LOBCore

/// The team plan: shared goals only where at least the threshold share a gap, group forms, costs, names by consent.
struct TeamPlanTests {
    static let profile = Profile(
        id: "p", title: "P", role: .mentor, model: .model2, behaviours: ["1.1", "1.2", "2.1", "2.2"], defaultTarget: 3)

    static func member(
        _ teacher: String, _ scores: [Behaviour.ID: Int], consent: Consent = .metNaam,
        preference: LearningPreference? = .oefenen
    ) -> TeamMemberScan {
        TeamMemberScan(
            teacher: teacher, consent: consent, learningPreference: preference, date: SchoolDate("2026-10-01")!,
            profile: profile, scores: scores, fingerprint: Fingerprint.fnv1a(teacher))
    }

    static let catalogue = ActivityCatalogue(
        title: "Test",
        forms: [
            ActivityForm(
                id: "cursus", name: "Cursus", preferences: [.kennisVerwerven], withWhom: "een trainer", hours: 8,
                costPerParticipant: 300),
            ActivityForm(
                id: "intervisie", name: "Intervisie", preferences: [.oefenen, .participeren], withWhom: "collega's",
                hours: 6,
                costPerParticipant: 10, costPerGroup: 400, maxGroupSize: 3),
            ActivityForm(
                id: "inhouse", name: "In-house training", preferences: [.kennisVerwerven], models: [.model2],
                withWhom: "een trainer",
                hours: 12, costPerParticipant: 20, costPerGroup: 900, maxGroupSize: 12),
        ])

    @Test func a_goal_needs_at_least_the_threshold_of_members_below_target() async throws {
        // Five below target on competency 2 (two named, three anonymous); on competency 1 only two anonymous, a group
        // too small to count.
        let members = [
            Self.member("Ans", ["1.1": 4, "1.2": 4, "2.1": 1, "2.2": 2]),
            Self.member("Bob", ["1.1": 4, "1.2": 4, "2.1": 2, "2.2": 2]),
            Self.member("Cor", ["1.1": 1, "1.2": 2, "2.1": 2, "2.2": 2], consent: .anoniem),
            Self.member("Dirk", ["1.1": 2, "1.2": 2, "2.1": 2, "2.2": 1], consent: .anoniem),
            Self.member("Eva", ["1.1": 4, "1.2": 4, "2.1": 4, "2.2": 4]),
            Self.member("Fien", ["1.1": 3, "1.2": 3, "2.1": 2, "2.2": 3], consent: .anoniem),
        ]
        let plan = TeamPlan(
            team: "Bouw", round: "najaar", analysis: TeamAnalysis(members: members, threshold: 3),
            catalogue: Self.catalogue)
        #expect(plan.goals.map(\.competency.id) == [2])
        let goal = try #require(plan.goals.first)
        #expect(goal.participants == 5 && goal.namedParticipants == ["Ans", "Bob"])
        // The model's own group form comes first; twelve fit in one group.
        #expect(goal.form?.id == "inhouse" && goal.groups == 1 && goal.cost == 5 * 20 + 900)
        #expect(goal.peers.map(\.mentor).allSatisfy { $0 == "Eva" })
        #expect(goal.evaluation.map(\.level.id) == [1, 2, 3, 4])
        // The goal in plain Dutch: the participants "hebben hun doelniveau gehaald" (not "halen … op").
        #expect(
            goal.statement.contains(") hebben de 5 deelnemers hun doelniveau gehaald: "),
            "\(goal.statement)")
        #expect(plan.model == .model2 && plan.totalCost == goal.cost)
        #expect(plan.timeline.first == SchoolYear.Slot(schoolYear: 2026, index: 1))
    }

    @Test func groups_never_exceed_the_maximum_and_costs_follow_the_groups() async throws {
        let members = (1...7).map { Self.member("M\($0)", ["2.1": 1, "2.2": 1]) }
        let catalogue = ActivityCatalogue(title: "Test", forms: [Self.catalogue.forms[1]])
        let goal = try #require(
            TeamPlan(
                team: "Bouw", round: "r", analysis: TeamAnalysis(members: members, threshold: 3), catalogue: catalogue
            ).goals.first)
        #expect(goal.groups == 3 && goal.cost == 7 * 10 + 3 * 400)
    }

    @Test func a_team_below_the_threshold_gets_no_plan() async {
        let plan = TeamPlan(
            team: "Bouw", round: "r",
            analysis: TeamAnalysis(
                members: [Self.member("Ans", ["2.1": 1]), Self.member("Bob", ["2.1": 1])], threshold: 3),
            catalogue: Self.catalogue)
        #expect(plan.withheld && plan.goals.isEmpty && plan.totalCost == 0)
    }

    @Test func peers_are_spread_over_the_colleagues_who_master_it() async throws {
        let members =
            [Self.member("Ans", ["2.1": 4]), Self.member("Bob", ["2.1": 4])]
            + (1...4).map { Self.member("L\($0)", ["2.1": 1]) }
        let learning = try #require(TeamAnalysis(members: members, threshold: 3).peerLearning.first)
        let load = Dictionary(learning.pairs.map { ($0.mentor, 1) }, uniquingKeysWith: +)
        #expect(load == ["Ans": 2, "Bob": 2])
    }

    @Test func the_board_shows_each_team_as_its_report_does_and_leaves_small_teams_out_of_the_totals() async throws {
        let bouw = TeamAnalysis(members: (1...4).map { Self.member("B\($0)", ["1.1": $0 == 1 ? 1 : 3]) }, threshold: 3)
        let zorg = TeamAnalysis(members: (1...2).map { Self.member("Z\($0)", ["1.1": 4]) }, threshold: 3)
        let overview = BoardOverview(rounds: [("Zorg", "r", zorg), ("Bouw", "r", bouw)])
        #expect(overview.teams.map(\.team) == ["Bouw"] && overview.withheldTeams == 1)
        #expect(overview.teams[0].means[1] == bouw.competencies.first?.mean && overview.teams[0].respondents == 4)
        // The totals hold only what Bouw's report shows: Zorg's two scores of 4 are nowhere.
        #expect(overview.behaviours.first?.n == 4 && overview.behaviours.first?.mean == 10.0 / 4)
        #expect(overview.behaviours.first?.distribution == [1, 0, 3, 0])
    }

    @Test func the_default_round_is_the_half_of_the_school_year() async {
        #expect(TeamRound.defaultLabel(for: SchoolDate("2026-10-05")!) == "najaar 2026")
        #expect(TeamRound.defaultLabel(for: SchoolDate("2027-01-15")!) == "najaar 2026")
        #expect(TeamRound.defaultLabel(for: SchoolDate("2027-03-09")!) == "voorjaar 2027")
    }
}
