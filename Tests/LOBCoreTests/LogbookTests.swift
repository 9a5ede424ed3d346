import Testing

@testable import LOBCore

/// The plan as something done: what marking an activity done and reacting mean (`LogbookEntry`), planned against
/// done (`PlanProgress`) and the goals against a later scan (`GoalProgress`, Kirkpatrick's level 2).
struct LogbookTests {
    let plan = Scholingsplan(
        scan: ScholingsplanTests.scan(), profile: ScholingsplanTests.profile,
        catalogue: ScholingsplanTests.catalogue)

    func date(_ text: String) -> SchoolDate { SchoolDate(text)! }

    func done(
        _ id: Int64, _ record: ActivityDone.Record, reaction: Reaction? = nil
    ) -> ActivityDone {
        ActivityDone(
            id: id, planScanID: record.planScanID, competency: record.competency, formID: record.formID,
            formName: record.formName, date: record.date, minutes: record.minutes, cents: record.cents,
            reaction: reaction)
    }

    @Test func the_plan_numbers_its_activities_in_its_own_order() throws {
        let progress = PlanProgress(plan: plan, planScanID: 7, done: [], later: nil)
        #expect(progress.rows.map(\.number) == Array(1...progress.rows.count))
        #expect(
            progress.rows.map(\.planned.form.id) == plan.goals.flatMap { $0.activities.map(\.form.id) })
        #expect(progress.rows.map(\.goal) == plan.goals.flatMap { goal in goal.activities.map { _ in goal.number } })
        // Planned hours and money are the plan's, to the minute and the cent.
        #expect(progress.plannedMinutes == Int((plan.totalHours * 60).rounded()))
        #expect(progress.plannedCents == Int64((plan.totalCost * 100).rounded()))
        #expect(progress.doneMinutes == 0 && progress.doneCents == 0 && progress.goals.isEmpty)
    }

    @Test func a_planned_activity_done_takes_the_plans_hours_and_cost_unless_told() throws {
        let first = try #require(PlanProgress(plan: plan, planScanID: 7, done: [], later: nil).rows.first)
        let record = try LogbookEntry.record(
            .planned(1), plan: plan, planScanID: 7, date: date("2026-12-10"), hours: nil, cost: nil)
        #expect(record.planScanID == 7)
        #expect(record.formID == first.planned.form.id && record.formName == first.planned.form.name)
        #expect(record.competency == first.competency.id)
        #expect(record.minutes == first.plannedMinutes && record.cents == first.plannedCents)
        let real = try LogbookEntry.record(
            .planned(1), plan: plan, planScanID: 7, date: date("2026-12-10"), hours: 2.5, cost: 87.5)
        #expect(real.minutes == 150 && real.cents == 8_750)
    }

    @Test func a_form_outside_the_plan_belongs_to_a_goal_or_to_none() throws {
        let forGoal = try LogbookEntry.record(
            .form("lezen", goal: 2), plan: plan, planScanID: 7, date: date("2027-01-05"), hours: nil, cost: nil)
        #expect(forGoal.competency == plan.goals[1].competency.id)
        #expect(forGoal.minutes == 360 && forGoal.cents == 3_000)
        let loose = try LogbookEntry.record(
            .form("lezen", goal: nil), plan: plan, planScanID: 7, date: date("2027-01-05"), hours: nil, cost: nil)
        #expect(loose.competency == nil)
        let progress = PlanProgress(
            plan: plan, planScanID: 7, done: [done(1, forGoal), done(2, loose)], later: nil)
        #expect(progress.extra.map(\.id) == [1, 2])
        #expect(progress.rows.allSatisfy { !$0.isDone })
        #expect(progress.doneMinutes == 720 && progress.doneCents == 6_000)
    }

    @Test func what_cannot_be_recorded_is_named() throws {
        let planned = PlanProgress(plan: plan, planScanID: 7, done: [], later: nil).rows.count
        func problem(
            _ which: LogbookEntry.Which, _ day: String = "2026-12-10", hours: Double? = nil, cost: Double? = nil
        )
            -> LogbookEntry.Problem?
        {
            do {
                _ = try LogbookEntry.record(which, plan: plan, planScanID: 7, date: date(day), hours: hours, cost: cost)
                return nil
            } catch { return error }
        }
        #expect(problem(.planned(planned + 1)) == .noSuchPlannedActivity(planned + 1, planned: planned))
        #expect(problem(.planned(0)) == .noSuchPlannedActivity(0, planned: planned))
        #expect(problem(.form("bestaat-niet", goal: nil)) == .noSuchForm("bestaat-niet"))
        #expect(problem(.form("lezen", goal: 9)) == .noSuchGoal(9, goals: plan.goals.count))
        #expect(problem(.planned(1), "2026-11-23") == .beforePlan(date("2026-11-24")))
        #expect(problem(.planned(1), "2026-11-24") == nil)
        #expect(problem(.planned(1), hours: 2_001) == .hoursOutOfRange)
        #expect(problem(.planned(1), hours: -1) == .hoursOutOfRange)
        #expect(problem(.planned(1), hours: .nan) == .hoursOutOfRange)
        #expect(problem(.planned(1), cost: 10_000_001) == .costOutOfRange)
        #expect(problem(.planned(1), cost: .infinity) == .costOutOfRange)
    }

    @Test func a_reaction_is_on_the_scale_after_the_activity() throws {
        let record = try LogbookEntry.record(
            .planned(1), plan: plan, planScanID: 7, date: date("2026-12-10"), hours: nil, cost: nil)
        let activity = done(1, record)
        func problem(
            _ satisfied: Int, _ usable: Int, _ remark: String? = nil, _ day: String = "2026-12-10"
        )
            -> LogbookEntry.Problem?
        {
            do {
                _ = try LogbookEntry.reaction(
                    to: activity, satisfied: satisfied, usable: usable, remark: remark, date: date(day))
                return nil
            } catch { return error }
        }
        #expect(problem(0, 3) == .outOfScale("tevreden"))
        #expect(problem(3, 6) == .outOfScale("aan de slag"))
        #expect(problem(3, 3, String(repeating: "x", count: Reaction.remarkLength + 1)) == .remarkTooLong)
        #expect(problem(3, 3, nil, "2026-12-09") == .reactionBeforeActivity(date("2026-12-10")))
        let reaction = try LogbookEntry.reaction(
            to: activity, satisfied: 5, usable: 4, remark: "  Direct bruikbaar \n", date: date("2026-12-11"))
        #expect(reaction.remark == "Direct bruikbaar" && reaction.isSatisfied && reaction.isUsable)
        #expect(
            try LogbookEntry.reaction(to: activity, satisfied: 3, usable: 3, remark: "   ", date: date("2026-12-11"))
                .remark == nil)
    }

    @Test func done_records_go_to_their_planned_row_and_awaiting_reactions_are_listed_by_date() throws {
        let one = try LogbookEntry.record(
            .planned(1), plan: plan, planScanID: 7, date: date("2027-01-15"), hours: 4, cost: 0)
        let two = try LogbookEntry.record(
            .planned(2), plan: plan, planScanID: 7, date: date("2026-12-10"), hours: nil, cost: nil)
        let reaction = Reaction(satisfied: 4, usable: 5, remark: nil, date: date("2026-12-10"))
        let progress = PlanProgress(
            plan: plan, planScanID: 7, done: [done(10, one), done(11, two, reaction: reaction)], later: nil)
        #expect(progress.rows[0].done.map(\.id) == [10])
        #expect(progress.rows[1].done.map(\.id) == [11])
        #expect(progress.extra.isEmpty)
        #expect(progress.done.map(\.id) == [11, 10])
        #expect(progress.awaitingReaction.map(\.id) == [10])
        #expect(progress.doneMinutes == 240 + progress.rows[1].plannedMinutes)
    }

    @Test func a_later_scan_says_per_goal_whether_it_was_reached_and_how_far_the_gap_closed() throws {
        // Goal 1 is competency 1 (1.5 at 1, then 1.1-1.3 at 2; target 3). The later scan: all at 3 but 1.5 at 2.
        var later = ScholingsplanTests.scan(date: "2027-05-18")
        for id in ["1.1", "1.2", "1.3", "3.1", "3.2", "7.1"] { later.answers[id] = Scan.Answer(score: 3) }
        later.answers["1.5"] = Scan.Answer(score: 2)
        let stored = StoredScan(id: 8, scan: later, profile: ScholingsplanTests.profile)
        let progress = PlanProgress(plan: plan, planScanID: 7, done: [], later: stored)
        #expect(progress.laterScanID == 8)
        #expect(progress.goals.map(\.competency.id) == plan.goals.map(\.competency.id))
        let first = try #require(progress.goals.first)
        #expect(first.competency.id == 1)
        #expect(first.before == date("2026-11-24") && first.after == date("2027-05-18"))
        let steps = Dictionary(uniqueKeysWithValues: first.steps.map { ($0.behaviour.id, $0) })
        #expect(steps["1.5"]?.before == 1 && steps["1.5"]?.after == 2 && steps["1.5"]?.reached == false)
        #expect(!first.reached && first.measured)
        #expect(first.gapBefore == first.steps.reduce(0) { $0 + ($1.gapBefore ?? 0) })
        #expect(first.gapAfter == 1 && first.closed == first.gapBefore - 1)
        #expect(progress.goals.dropFirst().allSatisfy { $0.reached })
        #expect(progress.goalsReached == plan.goals.count - 1)
        // A scan from before the plan, or the plan's own, says nothing about level 2.
        let earlier = StoredScan(
            id: 9, scan: ScholingsplanTests.scan(date: "2026-10-01"), profile: ScholingsplanTests.profile)
        #expect(PlanProgress(plan: plan, planScanID: 7, done: [], later: earlier).goals.isEmpty)
    }

    @Test func a_goal_the_later_scan_did_not_answer_is_not_reached_and_not_measured() throws {
        var later = ScholingsplanTests.scan(date: "2027-05-18")
        later.answers = [:]
        let progress = PlanProgress(
            plan: plan, planScanID: 7, done: [],
            later: StoredScan(id: 8, scan: later, profile: ScholingsplanTests.profile))
        #expect(progress.goals.allSatisfy { !$0.reached && !$0.measured && $0.closed == 0 })
    }
}
