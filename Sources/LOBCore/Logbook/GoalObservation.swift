/// Kirkpatrick's third level for one goal of a plan, gedrag: do others see the goal's behaviours more often now? The
/// follow-up feedback (`FeedbackMoment.vervolg`) on the goal's behaviours beside the first feedback, each as the
/// teacher's own feedback report shows it: colleagues only as a group under the privacy rule, the leidinggevende as
/// his (the lesbezoek).
public struct GoalObservation: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        public let behaviour: Behaviour
        /// The first view and the follow-up, as the teacher's feedback report shows them (nil: none given or shown).
        public let before: FeedbackAnalysis.BehaviourView?
        public let after: FeedbackAnalysis.BehaviourView?

        /// The colleagues' change where both groups are shown, else the leidinggevende's where he rated both times:
        /// never a colleague group beside the leidinggevende.
        public var change: Double? {
            if let first = before?.colleagues?.mean, let then = after?.colleagues?.mean { return then - first }
            if let first = before?.leidinggevende, let then = after?.leidinggevende { return Double(then - first) }
            return nil
        }
    }

    public let goal: Int
    public let competency: Competency
    public let steps: [Step]

    public init(goal: Scholingsplan.Goal, first: FeedbackAnalysis?, followUp: FeedbackAnalysis?) {
        self.goal = goal.number
        self.competency = goal.competency
        let before = Dictionary(
            (first?.behaviours ?? []).map { ($0.behaviour.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(
            (followUp?.behaviours ?? []).map { ($0.behaviour.id, $0) }, uniquingKeysWith: { a, _ in a })
        steps = goal.behaviours.map {
            Step(behaviour: $0.behaviour, before: before[$0.behaviour.id], after: after[$0.behaviour.id])
        }
    }

    /// The mean change over the goal's behaviours whose change is known, in levels; nil when none is.
    public var change: Double? {
        let changes = steps.compactMap(\.change)
        return changes.isEmpty ? nil : changes.reduce(0, +) / Double(changes.count)
    }

    public var observed: Bool { change != nil }

    /// When the follow-up on a goal is due: `weeks` after the last activity done for it; nil before any.
    public static func due(after activities: [ActivityDone], weeks: ClosedRange<Int>) -> ClosedRange<SchoolDate>? {
        guard let last = activities.map(\.date).max(),
            let from = last.adding(days: 7 * weeks.lowerBound), let to = last.adding(days: 7 * weeks.upperBound)
        else { return nil }
        return from...to
    }
}
