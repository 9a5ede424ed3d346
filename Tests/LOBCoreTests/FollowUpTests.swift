import Testing

@testable import LOBCore

/// Kirkpatrick level 3: the follow-up feedback on a plan's goal behaviours, kept apart from the first feedback and
/// under the same privacy rule, and the observed change per goal.
struct FollowUpTests {
    typealias Tests = FeedbackTests

    static func followUp(
        _ id: String, _ ratings: [Behaviour.ID: Int], group: RaterGroup = .collega
    )
        -> FeedbackResponse
    {
        FeedbackResponse(
            id: id, subject: "Jan", group: group, profileID: "p", date: SchoolDate("2027-03-10")!, ratings: ratings,
            moment: .vervolg)
    }

    static let first = ["a", "b", "c"].map { Tests.colleague($0, ["1.1": 2, "1.2": 1]) }

    @Test func a_follow_up_never_changes_the_first_view() async throws {
        let before = FeedbackAnalysis(scan: Tests.scan, profile: Tests.profile, responses: Self.first)
        let later = ["d", "e", "f"].map { Self.followUp($0, ["1.1": 4]) }
        let after = FeedbackAnalysis(
            scan: Tests.scan, profile: Tests.profile, responses: Self.first + later, earlier: [before.release])
        #expect(after.behaviours == before.behaviours && after.colleaguesAnswered == 3)
        let followUp = FeedbackAnalysis(
            scan: Tests.scan, profile: Tests.profile, responses: Self.first + later, earlier: [before.release],
            moment: .vervolg)
        #expect(followUp.colleaguesAnswered == 3 && followUp.moment == .vervolg)
        // All three at the top would tell each rating; the follow-up's own figure, not the first view's.
        #expect(followUp.behaviours[0].colleagues == nil && followUp.behaviours[0].withheld == .sameAnswers)
        #expect(followUp.release.counted["vervolg:1.1"]?.count == 3 && followUp.release.counted["1.1"]?.count == 3)
    }

    @Test func a_follow_up_of_two_colleagues_is_no_group_and_one_more_later_is_no_difference() async throws {
        let two = ["d", "e"].map { Self.followUp($0, ["1.1": 3]) }
        let small = FeedbackAnalysis(
            scan: Tests.scan, profile: Tests.profile, responses: Self.first + two, moment: .vervolg)
        #expect(small.behaviours[0].colleagues == nil && small.behaviours[0].withheld == .tooFew)
        let three = two + [Self.followUp("f", ["1.1": 2])]
        let shown = FeedbackAnalysis(
            scan: Tests.scan, profile: Tests.profile, responses: Self.first + three, earlier: [small.release],
            moment: .vervolg)
        let group = try #require(shown.behaviours[0].colleagues)
        #expect(group.n == 3 && abs(group.mean - 8.0 / 3) < 1e-9)
        // The fourth colleague's follow-up would be the difference between two reports: withheld.
        let four = FeedbackAnalysis(
            scan: Tests.scan, profile: Tests.profile, responses: Self.first + three + [Self.followUp("g", ["1.1": 1])],
            earlier: [small.release, shown.release], moment: .vervolg)
        #expect(four.behaviours[0].colleagues == nil && four.behaviours[0].withheld == .changeTooSmall)
        // The first view is untouched by all of it.
        #expect(four.release.counted["1.1"]?.count == 3)
    }

    @Test func the_change_is_the_colleagues_where_both_are_shown_else_the_leidinggevendes() async throws {
        let leader = FeedbackResponse(
            id: "l1", subject: "Jan", group: .leidinggevende, profileID: "p", date: Tests.date,
            ratings: ["1.1": 2, "1.2": 1, "2.1": 3])
        let responses =
            Self.first + [leader]
            + ["d", "e", "f"].map { Self.followUp($0, ["1.1": 3, "1.2": $0 == "d" ? 3 : 2]) }
            + [Self.followUp("l2", ["1.1": 3, "1.2": 3], group: .leidinggevende)]
        let first = FeedbackAnalysis(scan: Tests.scan, profile: Tests.profile, responses: responses)
        let followUp = FeedbackAnalysis(
            scan: Tests.scan, profile: Tests.profile, responses: responses, moment: .vervolg)
        let scan = Scan(
            teacher: "Jan", profileID: "p", date: Tests.date,
            answers: ["1.1": .init(score: 2), "1.2": .init(score: 1), "2.1": .init(score: 3)])
        let plan = Scholingsplan(scan: scan, profile: Tests.profile, catalogue: ScholingsplanTests.catalogue)
        let goal = try #require(plan.goals.first)
        #expect(Set(goal.behaviours.map(\.behaviour.id)) == ["1.1", "1.2"])
        let observation = GoalObservation(goal: goal, first: first, followUp: followUp)
        // 1.1: colleagues 2 → 3 (both shown): +1. 1.2: the colleagues' first mean is 1 (the bottom: withheld), so
        // the leidinggevende's 1 → 3: +2. Never a colleague group beside the leidinggevende.
        let changes = Dictionary(uniqueKeysWithValues: observation.steps.map { ($0.behaviour.id, $0.change) })
        #expect(changes == ["1.1": 1, "1.2": 2])
        #expect(observation.change == 1.5 && observation.observed)
        let none = GoalObservation(goal: goal, first: first, followUp: nil)
        #expect(none.change == nil && !none.observed)
    }

    @Test func the_follow_up_is_due_weeks_after_the_goals_last_activity() {
        func done(_ date: String) -> ActivityDone {
            ActivityDone(
                id: 1, planScanID: 1, competency: 1, formID: "a", formName: "A", date: SchoolDate(date)!, minutes: 60,
                cents: 0)
        }
        let due = GoalObservation.due(after: [done("2026-11-12"), done("2027-01-21")], weeks: 6...12)
        #expect(due == SchoolDate("2027-03-04")!...SchoolDate("2027-04-15")!)
        #expect(GoalObservation.due(after: [], weeks: 6...12) == nil)
    }

    @Test func days_are_added_across_months_leap_years_and_centuries() {
        #expect(SchoolDate("2028-02-27")!.adding(days: 2) == SchoolDate("2028-02-29"))
        #expect(SchoolDate("2027-02-27")!.adding(days: 2) == SchoolDate("2027-03-01"))
        #expect(SchoolDate("2099-12-31")!.adding(days: 1) == SchoolDate("2100-01-01"))
        #expect(SchoolDate("2100-02-28")!.adding(days: 1) == SchoolDate("2100-03-01"))
        #expect(SchoolDate("1970-01-01")!.dayNumber == 0 && SchoolDate("2000-03-01")!.dayNumber == 11_017)
        #expect(SchoolDate("2199-12-31")!.adding(days: 1) == nil)
        // Every day of four centuries there and back.
        var day = SchoolDate("1900-01-01")!
        for number in day.dayNumber..<(day.dayNumber + 146_097) {
            #expect(SchoolDate(dayNumber: number) == day)
            guard let next = day.adding(days: 1) else { break }
            #expect(next > day)
            day = next
        }
    }
}
