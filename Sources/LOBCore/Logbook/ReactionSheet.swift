/// The reactions a participant gave in his browser, on the offline page `lob plan react --out` wrote from his own
/// logbook: per activity the two questions of the first level and a remark. It goes back into the logbook it came
/// from (`lob plan react --file`), never to someone else: a school sees reactions only as a group.
public struct ReactionSheet: Sendable, Hashable {
    public struct Answer: Sendable, Hashable {
        /// The activity's number in the logbook.
        public let activityID: Int64
        /// The activity as the page named it: a logbook whose number now holds another activity is refused.
        public let activityName: String
        public let satisfied: Int
        public let usable: Int
        public let remark: String?
        public let date: SchoolDate

        public init(
            activityID: Int64, activityName: String, satisfied: Int, usable: Int, remark: String?, date: SchoolDate
        ) {
            self.activityID = activityID
            self.activityName = activityName
            self.satisfied = satisfied
            self.usable = usable
            self.remark = remark
            self.date = date
        }
    }

    /// Whose logbook the page was made from.
    public let teacher: String
    /// The scan the plan was made from.
    public let planScanID: Int64
    public let answers: [Answer]

    public init(teacher: String, planScanID: Int64, answers: [Answer]) {
        self.teacher = teacher
        self.planScanID = planScanID
        self.answers = answers
    }

    /// A page lists the activities of one plan; a school year holds fewer than this.
    public static let maximumAnswers = 500
}

extension LogbookEntry {
    /// What is wrong with one answer of a sheet (`answer` its index), or with the sheet as a whole (`answer` nil).
    public struct SheetFault: Sendable, Hashable {
        public let answer: Int?
        public let problem: Problem

        public init(answer: Int?, _ problem: Problem) {
            self.answer = answer
            self.problem = problem
        }
    }

    public struct SheetFaults: Error, Sendable, Hashable {
        public let faults: [SheetFault]
    }

    /// The sheet's reactions for the logbook of the plan made from `teacher`'s scan, holding `done`: every answer
    /// checked as `reaction(to:)` checks one, about an activity of this plan that is still the one the page named.
    /// All or none: every fault is named, and one is enough to store nothing.
    public static func reactions(
        _ sheet: ReactionSheet, teacher: String, done: [ActivityDone]
    ) throws(SheetFaults) -> [(activityID: Int64, reaction: Reaction)] {
        guard PrivacyRule.memberKey(sheet.teacher) == PrivacyRule.memberKey(teacher) else {
            throw SheetFaults(faults: [SheetFault(answer: nil, .otherTeacher(teacher))])
        }
        var faults: [SheetFault] = []
        var reactions: [(activityID: Int64, reaction: Reaction)] = []
        var seen = Set<Int64>()
        for (index, answer) in sheet.answers.enumerated() {
            guard seen.insert(answer.activityID).inserted else {
                faults.append(SheetFault(answer: index, .reactedTwice(answer.activityID)))
                continue
            }
            guard let activity = done.first(where: { $0.id == answer.activityID }) else {
                faults.append(SheetFault(answer: index, .notInPlan(answer.activityID)))
                continue
            }
            guard activity.formName == answer.activityName else {
                faults.append(SheetFault(answer: index, .otherActivity(answer.activityID, now: activity.formName)))
                continue
            }
            do {
                reactions.append(
                    (
                        activity.id,
                        try reaction(
                            to: activity, satisfied: answer.satisfied, usable: answer.usable, remark: answer.remark,
                            date: answer.date)
                    ))
            } catch {
                faults.append(SheetFault(answer: index, error))
            }
        }
        if reactions.isEmpty && faults.isEmpty { faults.append(SheetFault(answer: nil, .noReactions)) }
        guard faults.isEmpty else { throw SheetFaults(faults: faults) }
        return reactions
    }
}
