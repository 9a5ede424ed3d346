/// A goal of a team plan done as a team: the team's activity (its form, for how many participants, on which day,
/// with its hours per participant and its real cost). Numbers only, no names: the team plan says how many, never who
/// unless they shared by name, and so does what was done of it.
public struct TeamActivityDone: Sendable, Hashable, Identifiable {
    public struct Record: Sendable, Hashable {
        public let team: String
        public let round: String
        /// The team plan's goal number, as `lob team plan` shows it.
        public let goal: Int
        public let competency: Competency.ID
        public let formID: ActivityForm.ID
        public let formName: String
        public let date: SchoolDate
        public let participants: Int
        /// Per participant.
        public let minutes: Int
        /// For the whole activity.
        public let cents: Int64

        public init(
            team: String, round: String, goal: Int, competency: Competency.ID, formID: ActivityForm.ID,
            formName: String, date: SchoolDate, participants: Int, minutes: Int, cents: Int64
        ) {
            self.team = team
            self.round = round
            self.goal = goal
            self.competency = competency
            self.formID = formID
            self.formName = formName
            self.date = date
            self.participants = participants
            self.minutes = minutes
            self.cents = cents
        }
    }

    public let id: Int64
    public let record: Record

    public init(id: Int64, record: Record) {
        self.id = id
        self.record = record
    }

    /// A team activity is for at least one participant and at most this many: more is a typing error.
    public static let participantRange = 1...1_000

    public var hours: Double { Double(record.minutes) / 60 }
    public var cost: Double { Double(record.cents) / 100 }

    /// The record of goal `number` of `plan` done on `date`: the plan's participants, hours and cost unless the
    /// teamvoorzitter says what it really took.
    public static func record(
        goal number: Int, plan: TeamPlan, date: SchoolDate, participants: Int?, hours: Double?, cost: Double?
    ) throws(LogbookEntry.Problem) -> Record {
        guard let goal = plan.goals.first(where: { $0.number == number }) else {
            throw .noSuchGoal(number, goals: plan.goals.count)
        }
        guard let form = goal.form else { throw .goalWithoutForm(number) }
        let participants = participants ?? goal.participants
        guard participantRange.contains(participants) else { throw .participantsOutOfRange }
        let hours = hours ?? goal.hoursPerParticipant, cost = cost ?? goal.cost
        guard hours.isFinite, hours >= 0, hours * 60 <= Double(ActivityDone.minuteRange.upperBound) else {
            throw .hoursOutOfRange
        }
        guard cost.isFinite, cost >= 0, cost * 100 <= Double(ActivityDone.centRange.upperBound) else {
            throw .costOutOfRange
        }
        return Record(
            team: plan.team, round: plan.round, goal: goal.number, competency: goal.competency.id, formID: form.id,
            formName: form.name, date: date, participants: participants, minutes: Int((hours * 60).rounded()),
            cents: Int64((cost * 100).rounded()))
    }
}
