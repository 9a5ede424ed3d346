/// A scholingsplan as something done: per planned activity what was done (date, hours, real cost, the reaction),
/// the activities done outside the plan, the totals planned against done, and — once a later self-scan is there —
/// per goal whether it was reached (`GoalProgress`), and with the follow-up feedback what others see change
/// (`GoalObservation`). Pure: the plan, the logbook, the later scan and the feedback give it.
public struct PlanProgress: Sendable, Hashable {
    /// One planned activity, numbered in the plan's order (the number `lob plan done` takes).
    public struct Row: Sendable, Hashable {
        public let number: Int
        public let goal: Int
        public let competency: Competency
        public let planned: Scholingsplan.PlannedActivity
        public let done: [ActivityDone]

        public var plannedMinutes: Int { Self.minutes(planned.hours) }
        public var plannedCents: Int64 { Self.cents(planned.cost) }
        public var isDone: Bool { !done.isEmpty }

        static func minutes(_ hours: Double) -> Int { Int((hours * 60).rounded()) }
        static func cents(_ euros: Double) -> Int64 { Int64((euros * 100).rounded()) }
    }

    public let plan: Scholingsplan
    /// The scan the plan was made from.
    public let planScanID: Int64
    public let rows: [Row]
    /// Done, but not one of the plan's activities (another form, or for no goal of the plan).
    public let extra: [ActivityDone]
    /// The later self-scan level 2 is read from: the newest one dated after the plan's scan.
    public let laterScanID: Int64?
    public let goals: [GoalProgress]
    /// Level 3 per goal of the plan, in plan order: the follow-up beside the first feedback.
    public let observations: [GoalObservation]
    /// How many weeks after a goal's last activity its follow-up is due (`SchoolYear.followUpWeeks`).
    public let followUpWeeks: ClosedRange<Int>

    public init(
        plan: Scholingsplan, planScanID: Int64, done: [ActivityDone], later: StoredScan?,
        feedback: (first: FeedbackAnalysis?, followUp: FeedbackAnalysis?) = (nil, nil),
        followUpWeeks: ClosedRange<Int> = 6...12
    ) {
        self.plan = plan
        self.followUpWeeks = followUpWeeks
        observations = plan.goals.map { GoalObservation(goal: $0, first: feedback.first, followUp: feedback.followUp) }
        self.planScanID = planScanID
        var rows: [Row] = []
        var matched = Set<Int64>()
        var number = 0
        for goal in plan.goals {
            for activity in goal.activities {
                number += 1
                let first = !rows.contains {
                    $0.competency.id == goal.competency.id && $0.planned.form.id == activity.form.id
                }
                // An activity planned twice for one goal takes its records once, at its first place.
                let records =
                    first
                    ? done.filter { $0.competency == goal.competency.id && $0.formID == activity.form.id } : []
                matched.formUnion(records.map(\.id))
                rows.append(
                    Row(
                        number: number, goal: goal.number, competency: goal.competency, planned: activity, done: records
                    ))
            }
        }
        self.rows = rows
        self.extra = done.filter { !matched.contains($0.id) }
        if let later, later.scan.date > plan.date {
            self.laterScanID = later.id
            self.goals = plan.goals.map { GoalProgress(goal: $0, before: plan.date, later: later.scan) }
        } else {
            self.laterScanID = nil
            self.goals = []
        }
    }

    /// Everything done, by date, then as recorded.
    public var done: [ActivityDone] { (rows.flatMap(\.done) + extra).sorted { ($0.date, $0.id) < ($1.date, $1.id) } }
    public var plannedMinutes: Int { rows.reduce(0) { $0 + $1.plannedMinutes } }
    public var plannedCents: Int64 { rows.reduce(0) { $0 + $1.plannedCents } }
    public var doneMinutes: Int { done.reduce(0) { $0 + $1.minutes } }
    public var doneCents: Int64 { done.reduce(0) { $0 + $1.cents } }
    /// Done activities still waiting for the participant's reaction.
    public var awaitingReaction: [ActivityDone] { done.filter { $0.reaction == nil } }
    public var goalsReached: Int { goals.filter(\.reached).count }

    /// When the follow-up on a goal is due: the weeks after its last activity done; nil before any.
    public func followUpDue(goal: Int) -> ClosedRange<SchoolDate>? {
        GoalObservation.due(after: rows.filter { $0.goal == goal }.flatMap(\.done), weeks: followUpWeeks)
    }
}
