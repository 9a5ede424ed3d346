import Testing

@testable import LOBCore

struct ScholingsplanTests {
    /// A small catalogue: one form per metaphor, one restricted to mentors, and the seed's caveat for 1 and 2.
    static let catalogue = ActivityCatalogue(
        title: "test",
        forms: [
            ActivityForm(
                id: "afkijken", name: "Afkijken", preferences: [.kunstAfkijken], withWhom: "een collega", hours: 4,
                costPerParticipant: 100),
            ActivityForm(
                id: "mentor-only", name: "Alleen mentoren", preferences: [.kunstAfkijken], roles: [.mentor],
                withWhom: "x", hours: 1),
            ActivityForm(
                id: "training", name: "Training", preferences: [.oefenen], competencies: [1, 2],
                withWhom: "een trainer", hours: 12,
                costPerParticipant: 50, costPerGroup: 1200, maxGroupSize: 12),
            ActivityForm(
                id: "lezen", name: "Lezen", preferences: [.kennisVerwerven], withWhom: "zelf", hours: 6,
                costPerParticipant: 30),
            ActivityForm(
                id: "afkijken-2", name: "Nog eens afkijken", preferences: [.kunstAfkijken],
                competencies: [3, 4, 5, 6, 7], withWhom: "de decaan", hours: 2),
        ],
        requirements: [
            CompetencyRequirement(
                competencies: [1, 2], needs: .oefenen,
                reason: "Goede gesprekstechnieken leer je niet alleen uit een boekje.")
        ])

    static let profile = Profile(
        id: "p", title: "P", role: .vakdocent, model: .model2, behaviours: Behaviour.all.map(\.id),
        defaultTarget: 3, weights: [3: 2])

    /// Everything at 3, except: competency 1 has three gaps of 1 and one of 2, competency 3 two gaps of 1 (weight 2),
    /// competency 7 one gap of 1.
    static func scan(preference: LearningPreference = .kunstAfkijken, date: String = "2026-11-24") -> Scan {
        var answers = Dictionary(uniqueKeysWithValues: Behaviour.all.map { ($0.id, Scan.Answer(score: 3)) })
        for id in ["1.1", "1.2", "1.3"] { answers[id] = Scan.Answer(score: 2) }
        answers["1.5"] = Scan.Answer(score: 1)
        for id in ["3.1", "3.2"] { answers[id] = Scan.Answer(score: 2) }
        answers["7.1"] = Scan.Answer(score: 2)
        answers["2.1"] = Scan.Answer(score: 4)
        return Scan(
            teacher: "Jan", profileID: "p", date: SchoolDate(date)!, answers: answers, chosenPreference: preference)
    }

    /// A goal ranks by the priority it shows (the behaviours it takes), so five small gaps do not push out two large
    /// ones; what is left is named for a later plan, with its priority.
    @Test func goals_rank_by_what_they_take_and_what_is_left_is_named() async {
        var answers = Dictionary(uniqueKeysWithValues: Behaviour.all.map { ($0.id, Scan.Answer(score: 3)) })
        for id in ["2.1", "2.2", "2.3", "2.4", "2.5"] { answers[id] = Scan.Answer(score: 2) }  // 5 × 1, takes 3
        for id in ["3.1", "3.2"] { answers[id] = Scan.Answer(score: 2) }  // 2 × 1 × weight 2 = 4
        let scan = Scan(
            teacher: "Jan", profileID: "p", date: SchoolDate("2026-11-24")!, answers: answers,
            chosenPreference: .kunstAfkijken)
        let plan = Scholingsplan(
            scan: scan, profile: Self.profile, catalogue: Self.catalogue, options: .init(maxGoals: 1))
        #expect(plan.goals.map(\.competency.id) == [3] && plan.goals[0].priority == 4)
        #expect(plan.laterGoals.map(\.competency.id) == [2] && plan.laterGoals[0].priority == 3)
        #expect(plan.laterGoals[0].behaviours.map(\.behaviour.id) == ["2.1", "2.2", "2.3", "2.4", "2.5"])
    }

    @Test func goals_are_competencies_by_priority_at_most_three_with_at_most_three_behaviours() async {
        let plan = Scholingsplan(scan: Self.scan(), profile: Self.profile, catalogue: Self.catalogue)
        // Competency 1: gaps 1+1+1+2 = 5 × weight 1; competency 3: 1+1 × weight 2 = 4; competency 7: 1
        #expect(plan.goals.map(\.competency.id) == [1, 3, 7])
        #expect(plan.goals[0].behaviours.map(\.behaviour.id) == ["1.5", "1.1", "1.2"])
        #expect(plan.goals[0].later.map(\.behaviour.id) == ["1.3"])
        #expect(plan.goals[0].priority == 4)
        let two = Scholingsplan(
            scan: Self.scan(), profile: Self.profile, catalogue: Self.catalogue,
            options: .init(maxGoals: 2, maxBehavioursPerGoal: 1))
        #expect(two.goals.map(\.competency.id) == [1, 3])
        #expect(two.goals.allSatisfy { $0.behaviours.count == 1 })
    }

    @Test func activities_fit_the_preference_the_role_and_the_seeds_caveat() async {
        let plan = Scholingsplan(scan: Self.scan(), profile: Self.profile, catalogue: Self.catalogue)
        let first = plan.goals[0].activities
        // Kunst afkijken first; conversations on competency 1 also need practice
        #expect(first.map(\.form.id) == ["afkijken", "training"])
        #expect(first[0].reason == .fitsPreference(.kunstAfkijken))
        guard case .required(let requirement) = first[1].reason else {
            Issue.record("expected a required activity")
            return
        }
        #expect(requirement.needs == .oefenen)
        // The next goal gets another form where there is one; never one meant for mentors only
        #expect(plan.goals[1].activities.map(\.form.id) == ["afkijken-2"])
        #expect(!plan.goals.flatMap(\.activities).contains { $0.form.id == "mentor-only" })

        // A teacher who likes to practise gets no second activity for the same goal
        let practising = Scholingsplan(
            scan: Self.scan(preference: .oefenen), profile: Self.profile, catalogue: Self.catalogue)
        #expect(practising.goals[0].activities.map(\.form.id) == ["training"])
        // With no form for the preference on that competency, the nearest one is named as such
        #expect(practising.goals[1].activities.first?.reason == .nearest)
    }

    @Test func costs_are_the_teachers_share_of_a_full_group() async {
        let plan = Scholingsplan(scan: Self.scan(), profile: Self.profile, catalogue: Self.catalogue)
        let training = plan.goals[0].activities[1]
        #expect(training.cost == 50 + 1200 / 12)
        #expect(plan.totalCost == plan.goals.flatMap(\.activities).map(\.cost).reduce(0, +))
        // the third goal repeats a form: the catalogue has no other for kunst afkijken on competency 7
        #expect(plan.totalHours == 4 + 12 + 2 + 4)
    }

    @Test func goals_follow_each_other_over_the_school_year_from_the_scan_date() async {
        let plan = Scholingsplan(scan: Self.scan(), profile: Self.profile, catalogue: Self.catalogue)
        let year = SchoolYear.standard
        #expect(
            plan.goals.map { year.label($0.slot) } == [
                "periode 2 2026-2027", "periode 3 2026-2027", "periode 4 2026-2027",
            ])
        #expect(
            plan.goals[0].statement.hasPrefix(
                "Aan het eind van periode 2 2026-2027 (februari 2027) beheers ik deze gedragskenmerken minstens op niveau 3 (meestal / bekwaam): 1.5 heeft een respectvolle, open houding (nu 1)"
            ))
        // Level 3 in the next period, so the timeline runs into the next school year
        #expect(plan.goals[2].evaluation[2].when == "in periode 1 2027-2028")
        #expect(plan.timeline.first.map(year.label) == "periode 2 2026-2027")
        #expect(plan.timeline.last.map(year.label) == "periode 4 2027-2028")
        #expect(plan.goals[0].evaluation.map(\.level.id) == [1, 2, 3, 4])
    }

    @Test(arguments: [
        ("2026-07-15", "periode 1 2026-2027"), ("2026-08-31", "periode 1 2026-2027"),
        ("2026-09-10", "periode 1 2026-2027"),
        ("2026-10-10", "periode 2 2026-2027"), ("2026-11-01", "periode 2 2026-2027"),
        ("2026-12-31", "periode 2 2026-2027"), ("2027-02-10", "periode 3 2026-2027"),
        ("2027-06-20", "periode 1 2027-2028"),
    ])
    func the_first_period_is_the_one_not_ended_by_next_month(date: String, expected: String) {
        let year = SchoolYear.standard
        #expect(year.label(year.firstSlot(after: SchoolDate(date)!)) == expected)
    }

    @Test func the_same_scan_gives_the_same_plan_and_no_gaps_give_no_goals() async {
        #expect(
            Scholingsplan(scan: Self.scan(), profile: Self.profile, catalogue: Self.catalogue)
                == Scholingsplan(scan: Self.scan(), profile: Self.profile, catalogue: Self.catalogue))
        let perfect = Scan(
            teacher: "Ans", profileID: "p", date: SchoolDate("2026-11-24")!,
            answers: Dictionary(uniqueKeysWithValues: Behaviour.all.map { ($0.id, Scan.Answer(score: 4)) }))
        let plan = Scholingsplan(scan: perfect, profile: Self.profile, catalogue: Self.catalogue)
        #expect(plan.goals.isEmpty && plan.totalCost == 0)
        #expect(plan.strengths.count == 5)
    }

    @Test func a_catalogue_with_faults_names_each_one() async {
        var catalogue = Self.catalogue
        catalogue.forms.append(
            ActivityForm(
                id: "afkijken", name: "Dubbel", preferences: [], competencies: [9], withWhom: "x",
                hours: -1, maxGroupSize: 0))
        catalogue.schoolYear.periods[0].lastMonth = 13
        let problems = catalogue.validate().map(\.description)
        #expect(problems.contains("forms[5].id: id 'afkijken' staat er dubbel in"))
        #expect(problems.contains("forms[5].preferences: noem minstens één leervoorkeur"))
        #expect(problems.contains("forms[5].competencies: onbekende competentie 9: verwacht 1 t/m 7"))
        #expect(problems.contains("forms[5].hours: mag niet negatief zijn"))
        #expect(problems.contains("forms[5].maxGroupSize: moet minstens 1 zijn"))
        #expect(problems.contains("schoolYear.periods[0].to: verwacht een maand 1 t/m 12, gevonden 13"))
        #expect(Self.catalogue.validate().isEmpty)
    }
}

struct ScholingsplanRoleTests {
    @Test func a_form_meant_for_the_role_and_model_comes_first_and_never_for_others() async {
        var catalogue = ScholingsplanTests.catalogue
        catalogue.forms.append(
            ActivityForm(
                id: "sectie", name: "Brainstorm in sectieoverleg", preferences: [.kunstAfkijken],
                roles: [.vakdocent], models: [.model2], withWhom: "je sectie", hours: 3))
        let plan = Scholingsplan(
            scan: ScholingsplanTests.scan(), profile: ScholingsplanTests.profile, catalogue: catalogue)
        #expect(plan.goals[0].activities.first?.form.id == "sectie")

        var model3 = ScholingsplanTests.profile
        model3.model = .model3
        let other = Scholingsplan(scan: ScholingsplanTests.scan(), profile: model3, catalogue: catalogue)
        #expect(!other.goals.flatMap(\.activities).contains { $0.form.id == "sectie" })
    }
}
