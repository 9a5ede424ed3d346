/// Kirkpatrick's second level for one goal of a plan: "Zijn de leerdoelen bereikt?" A goal's behaviours each have a
/// target (the profile's level); the next self-scan says per behaviour whether it reached it, and by how many levels
/// the gap closed since the scan the plan was made from.
public struct GoalProgress: Sendable, Hashable {
    public struct Step: Sendable, Hashable {
        public let behaviour: Behaviour
        public let target: Int
        /// The score in the plan's scan and in the later one (nil: not answered there).
        public let before: Int?
        public let after: Int?

        public init(behaviour: Behaviour, target: Int, before: Int?, after: Int?) {
            self.behaviour = behaviour
            self.target = target
            self.before = before
            self.after = after
        }

        public var gapBefore: Int? { before.map { max(0, target - $0) } }
        public var gapAfter: Int? { after.map { max(0, target - $0) } }
        public var reached: Bool { after.map { $0 >= target } ?? false }
    }

    public let goal: Int
    public let competency: Competency
    public let steps: [Step]
    public let before: SchoolDate
    public let after: SchoolDate

    public init(goal: Scholingsplan.Goal, before: SchoolDate, later: Scan) {
        self.goal = goal.number
        self.competency = goal.competency
        self.before = before
        self.after = later.date
        self.steps = goal.behaviours.map { result in
            Step(
                behaviour: result.behaviour, target: result.target, before: result.score,
                after: later.answers[result.behaviour.id]?.score)
        }
    }

    /// Reached when every behaviour of the goal is at its target in the later scan.
    public var reached: Bool { !steps.isEmpty && steps.allSatisfy(\.reached) }
    /// The behaviours the later scan answered: a goal none of them answered says nothing.
    public var measured: Bool { steps.contains { $0.after != nil } }
    /// The goal's gap in levels, summed over its behaviours answered in both scans.
    public var gapBefore: Int { answeredInBoth.reduce(0) { $0 + ($1.gapBefore ?? 0) } }
    public var gapAfter: Int { answeredInBoth.reduce(0) { $0 + ($1.gapAfter ?? 0) } }
    /// Levels closed (negative: the gap grew).
    public var closed: Int { gapBefore - gapAfter }

    private var answeredInBoth: [Step] { steps.filter { $0.before != nil && $0.after != nil } }
}
