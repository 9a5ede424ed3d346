import Testing

@testable import LOBCore

/// The school's evaluation under the privacy rule: groups from the threshold, no change of fewer than the threshold
/// since an earlier moment, no combination of groups that tells about one teacher, no mean that tells each answer.
struct SchoolEvaluationTests {
    typealias Activity = YearLogbook.Activity

    static func activity(
        _ form: String, _ satisfied: Int? = 4, _ usable: Int? = 4, competency: Int? = 2, cents: Int64 = 10_000,
        minutes: Int = 240
    ) -> Activity {
        Activity(
            form: form, name: "Vorm \(form)", competency: competency, date: SchoolDate("2027-01-10")!,
            minutes: minutes, cents: cents, satisfied: satisfied, usable: usable)
    }

    static func logbook(
        _ teacher: String, _ activities: [Activity], goals: [YearLogbook.Goal] = [],
        preference: LearningPreference? = .oefenen, date: String = "2027-03-15", consent: Consent = .anoniem
    ) -> YearLogbook {
        YearLogbook(
            teacher: teacher, consent: consent, team: "Bouw", schoolYear: "2026-2027", date: SchoolDate(date)!,
            learningPreference: preference, goalsPlanned: 3, plannedMinutes: 600, plannedCents: 50_000,
            activities: activities, goals: goals)
    }

    static func evaluation(_ logbooks: [YearLogbook], earlier: [PrivacyRule.Release] = []) -> SchoolEvaluation {
        let release = SchoolEvaluation.release(logbooks, threshold: 3, earlier: earlier)
        return SchoolEvaluation(schoolYear: "2026-2027", logbooks: logbooks, release: release, catalogue: nil)
    }

    static func line(_ evaluation: SchoolEvaluation, _ group: SchoolEvaluation.Group) -> SchoolEvaluation.Line? {
        evaluation.lines.first { $0.group == group }
    }

    @Test func a_group_counts_from_three_teachers_and_sums_what_they_did() throws {
        let logbooks = [
            Self.logbook("Ans", [Self.activity("a", 5, 4)]),
            Self.logbook("Bram", [Self.activity("a", 3, 4), Self.activity("a", 2, 2)]),
            Self.logbook("Carla", [Self.activity("a", 4, 5)]),
        ]
        let evaluation = Self.evaluation(logbooks)
        let figures = try #require(Self.line(evaluation, .form("a"))?.figures)
        #expect(figures.teachers == 3 && figures.activities == 4 && figures.reactions == 4)
        #expect(figures.minutes == 960 && figures.cents == 40_000)
        #expect(figures.meanSatisfied == 3.5 && figures.meanUsable == 3.75)
        // Two of four (zeer) tevreden; three of four "aan de slag" would tell the one who differs everyone's answer.
        #expect(figures.shareSatisfied == 0.5 && figures.shareUsable == nil)
        let fewer = Self.evaluation(Array(logbooks.prefix(2)))
        #expect(Self.line(fewer, .form("a"))?.figures == nil)
        #expect(Self.line(fewer, .form("a"))?.withheld == .tooFew)
        #expect(Self.line(fewer, .school)?.withheld == .tooFew)
    }

    @Test func a_teacher_handed_in_by_name_still_counts_only_in_a_group() throws {
        let logbooks = [
            Self.logbook("Ans", [Self.activity("a")], consent: .metNaam),
            Self.logbook("Bram", [Self.activity("a")], consent: .metNaam),
        ]
        #expect(Self.line(Self.evaluation(logbooks), .form("a"))?.withheld == .tooFew)
        #expect(logbooks[0].kept.teacher == "Ans" && Self.logbook("Bram", []).kept.teacher == nil)
    }

    /// The school's total beside a form all but one did: the total minus the form would be one teacher's other form.
    @Test func a_combination_that_tells_one_teachers_part_is_withheld() throws {
        let logbooks = [
            Self.logbook("Ans", [Self.activity("a"), Self.activity("b", 1, 1)]),
            Self.logbook("Bram", [Self.activity("a")]),
            Self.logbook("Carla", [Self.activity("a")]),
        ]
        let evaluation = Self.evaluation(logbooks)
        // The school comes first and is shown; the form everyone did would now give Ans's "b" away.
        #expect(Self.line(evaluation, .school)?.figures != nil)
        #expect(Self.line(evaluation, .form("a"))?.withheld == .singlesOut)
        #expect(Self.line(evaluation, .form("b"))?.withheld == .tooFew)
        #expect(SchoolEvaluation.tellsAboutOne([SchoolEvaluation.cells(logbooks).all]) == false)
    }

    /// Differences over time: a release after one more logbook may not show the same group with one teacher more.
    @Test func one_more_logbook_does_not_show_a_group_again_until_the_threshold_of_teachers_changed() throws {
        var logbooks = (1...3).map { Self.logbook("Docent \($0)", [Self.activity("a", 4, 4)]) }
        let first = SchoolEvaluation.release(logbooks, threshold: 3, earlier: [])
        #expect(first.counted["vorm:a"] != nil)
        logbooks.append(Self.logbook("Docent 4", [Self.activity("a", 1, 1)]))
        let second = SchoolEvaluation.release(logbooks, threshold: 3, earlier: [first])
        #expect(second.counted["vorm:a"] == nil && second.withheld["vorm:a"] == .changeTooSmall)
        #expect(second.counted["school"] == nil)
        logbooks += (5...6).map { Self.logbook("Docent \($0)", [Self.activity("a", 3, 5)]) }
        let third = SchoolEvaluation.release(logbooks, threshold: 3, earlier: [first, second])
        #expect(third.counted["vorm:a"]?.count == 6)
        // A teacher who hands in again with one answer changed is a change of one teacher too.
        logbooks[0] = Self.logbook("Docent 1", [Self.activity("a", 2, 4)], date: "2027-03-20")
        let fourth = SchoolEvaluation.release(logbooks, threshold: 3, earlier: [first, second, third])
        #expect(fourth.withheld["vorm:a"] == .changeTooSmall)
    }

    @Test func a_mean_or_share_that_would_tell_each_answer_is_left_out() throws {
        let same = (1...3).map {
            Self.logbook(
                "D\($0)", [Self.activity("a", 5, 4)],
                goals: [.init(competency: 2, reached: true, gapBefore: 2, gapAfter: 0)])
        }
        let figures = try #require(Self.line(Self.evaluation(same), .form("a"))?.figures)
        #expect(figures.meanSatisfied == nil && figures.shareSatisfied == nil)
        // Usable 4 by all three: the sum is not within one step of an end, but the share tells each.
        #expect(figures.meanUsable == 4 && figures.shareUsable == nil)
        #expect(figures.goalsMeasured == 3 && figures.shareReached == nil && figures.costPerGoalReached == nil)
    }

    @Test func goals_count_for_the_forms_that_served_them() throws {
        let reached = YearLogbook.Goal(competency: 2, reached: true, gapBefore: 3, gapAfter: 0)
        let missed = YearLogbook.Goal(competency: 3, reached: false, gapBefore: 2, gapAfter: 1)
        let logbook = Self.logbook(
            "Ans",
            [
                Self.activity("a", competency: 2), Self.activity("b", competency: 3),
                Self.activity("c", competency: nil),
            ],
            goals: [reached, missed])
        #expect(logbook.goals(servedBy: "a") == [reached])
        #expect(logbook.goals(servedBy: "b") == [missed])
        #expect(logbook.goals(servedBy: "c").isEmpty)
        let figures = SchoolEvaluation.figures(.form("a"), [logbook])
        #expect(figures.goalsMeasured == 1 && figures.goalsReached == 1 && figures.gapBefore == 3)
        let school = SchoolEvaluation.figures(.school, [logbook])
        #expect(school.goalsMeasured == 2 && school.goalsReached == 1 && school.cents == 30_000)
        // Levels closed per behaviour of the goal's competency: how far its mean rose.
        let count = { Double(Catalogue.standard.behaviours(of: $0).count) }
        #expect(abs(figures.competencyRise - 3 / count(2)) < 1e-12)
        #expect(abs(school.competencyRise - (3 / count(2) + 1 / count(3))) < 1e-12)
    }

    @Test func an_import_adds_replaces_keeps_or_leaves_a_logbook() throws {
        let ans = Self.logbook("Ans", [Self.activity("a")])
        let (first, stored) = LogbookImport.decide([ans, Self.logbook("Bram", [])], current: [])
        #expect(first == [.added, .added] && stored.count == 2 && stored.allSatisfy { $0.teacher == nil })
        let newer = Self.logbook("ANS ", [Self.activity("a", 2, 2)], date: "2027-04-01")
        let older = Self.logbook("Ans", [Self.activity("a", 1, 1)], date: "2027-02-01")
        let (outcomes, changed) = LogbookImport.decide([ans, older, newer], current: stored)
        #expect(outcomes == [.unchanged, .older, .replaced])
        #expect(changed == [newer.kept])
        // Another school year is another logbook.
        let nextYear = YearLogbook(
            teacher: "Ans", consent: .anoniem, team: nil, schoolYear: "2027-2028", date: SchoolDate("2027-10-01")!,
            learningPreference: nil, goalsPlanned: 0, plannedMinutes: 0, plannedCents: 0, activities: [], goals: [])
        #expect(LogbookImport.decide([nextYear], current: stored).outcomes == [.added])
    }
}
