/// What marking an activity done and reacting to it mean, decided before anything is stored: which planned activity
/// or form, for which goal, with the plan's hours and cost unless the teacher says what it really took.
public enum LogbookEntry {
    /// Which activity was done: the plan's number (as `lob plan progress` lists them), or a form of the catalogue,
    /// for one of the plan's goals or for none.
    public enum Which: Sendable, Hashable {
        case planned(Int)
        case form(ActivityForm.ID, goal: Int?)
    }

    public enum Problem: Error, Sendable, Hashable {
        case noSuchPlannedActivity(Int, planned: Int)
        case noSuchForm(ActivityForm.ID)
        case noSuchGoal(Int, goals: Int)
        /// Done before the scan the plan was made from: a date mistyped, or another plan's activity.
        case beforePlan(SchoolDate)
        case hoursOutOfRange
        case costOutOfRange
        /// A reaction's score outside the scale (`satisfied` or `usable`).
        case outOfScale(String)
        case remarkTooLong
        /// A reaction dated before the activity it is about.
        case reactionBeforeActivity(SchoolDate)
        /// An agreement without words, or of more than `Agreement.maximumLength` characters.
        case agreementEmpty
        case agreementTooLong
        /// A team activity for no participants, or for more than `TeamActivityDone.participantRange` allows.
        case participantsOutOfRange
        /// A team plan's goal for which the catalogue had no form: nothing to have done.
        case goalWithoutForm(Int)
        /// A sheet of reactions from another teacher's logbook than the plan's (whose name it carries).
        case otherTeacher(String)
        /// A sheet's activity that is not (or no longer) in the plan's logbook.
        case notInPlan(Int64)
        /// A sheet's activity whose number the logbook now gives to another activity (named `now`).
        case otherActivity(Int64, now: String)
        /// A sheet that reacts to one activity twice.
        case reactedTwice(Int64)
        /// A sheet without a single reaction.
        case noReactions
    }

    /// The record of an activity done for `plan` (made from scan `planScanID`).
    public static func record(
        _ which: Which, plan: Scholingsplan, planScanID: Int64, date: SchoolDate, hours: Double?, cost: Double?
    ) throws(Problem) -> ActivityDone.Record {
        let progress = PlanProgress(plan: plan, planScanID: planScanID, done: [], later: nil)
        let form: ActivityForm
        let competency: Competency.ID?
        switch which {
        case .planned(let number):
            guard let row = progress.rows.first(where: { $0.number == number }) else {
                throw .noSuchPlannedActivity(number, planned: progress.rows.count)
            }
            form = row.planned.form
            competency = row.competency.id
        case .form(let id, let goal):
            guard let found = plan.catalogue.form(id) else { throw .noSuchForm(id) }
            form = found
            if let goal {
                guard let planned = plan.goals.first(where: { $0.number == goal }) else {
                    throw .noSuchGoal(goal, goals: plan.goals.count)
                }
                competency = planned.competency.id
            } else {
                competency = nil
            }
        }
        guard date >= plan.date else { throw .beforePlan(plan.date) }
        // Checked as numbers first: an infinite or huge value has no whole number of minutes or cents.
        let hours = hours ?? form.hours, cost = cost ?? form.costPerPlace
        guard hours.isFinite, hours >= 0, hours * 60 <= Double(ActivityDone.minuteRange.upperBound) else {
            throw .hoursOutOfRange
        }
        guard cost.isFinite, cost >= 0, cost * 100 <= Double(ActivityDone.centRange.upperBound) else {
            throw .costOutOfRange
        }
        let minutes = PlanProgress.Row.minutes(hours)
        let cents = PlanProgress.Row.cents(cost)
        return ActivityDone.Record(
            planScanID: planScanID, competency: competency, formID: form.id, formName: form.name, date: date,
            minutes: minutes, cents: cents)
    }

    /// A reaction to `activity`: each score on the scale, a remark of at most `Reaction.remarkLength` characters
    /// (an empty one is none), dated on or after the activity.
    public static func reaction(
        to activity: ActivityDone, satisfied: Int, usable: Int, remark: String?, date: SchoolDate
    ) throws(Problem) -> Reaction {
        guard Reaction.scale.contains(satisfied) else { throw .outOfScale("tevreden") }
        guard Reaction.scale.contains(usable) else { throw .outOfScale("aan de slag") }
        let remark = remark?.trimmingWhitespace()
        guard (remark?.count ?? 0) <= Reaction.remarkLength else { throw .remarkTooLong }
        guard date >= activity.date else { throw .reactionBeforeActivity(activity.date) }
        return Reaction(
            satisfied: satisfied, usable: usable, remark: remark?.isEmpty == false ? remark : nil, date: date)
    }
}

extension LogbookEntry {
    /// An agreement of an ontwikkelgesprek: its words trimmed, not empty, not longer than a paragraph or two.
    public static func agreement(_ text: String, date: SchoolDate) throws(Problem) -> Agreement {
        let text = text.trimmingWhitespace()
        guard !text.isEmpty else { throw .agreementEmpty }
        guard text.count <= Agreement.maximumLength else { throw .agreementTooLong }
        return Agreement(date: date, text: text)
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
