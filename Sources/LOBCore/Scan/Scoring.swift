/// Where a teacher stands against his profile: per behaviour and per competency the score, target, gap and
/// priority, and the strengths and development points.
///
/// Gap = target − score, never below 0. Priority = gap × the competency's weight (the profile's weight,
/// from the SBL stars where the profile names a role and model). A competency's score is the mean of its
/// answered behaviours.
public struct ScanResult: Sendable, Hashable {
    public struct BehaviourResult: Sendable, Hashable {
        public let behaviour: Behaviour
        public let score: Int?
        public let target: Int
        public let weight: Double
        public let note: String?

        public var gap: Double? { score.map { Double(max(0, target - $0)) } }
        public var priority: Double? { gap.map { $0 * weight } }
        public var isStrength: Bool { score.map { $0 >= target } ?? false }
        public var isDevelopmentPoint: Bool { score.map { $0 < target } ?? false }
    }

    public struct CompetencyResult: Sendable, Hashable {
        public let competency: Competency
        public let behaviours: [BehaviourResult]
        public let target: Int
        public let weight: Double

        public var answered: Int { behaviours.filter { $0.score != nil }.count }
        public var mean: Double? {
            let scores = behaviours.compactMap(\.score)
            return scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
        }
        public var gap: Double? { mean.map { max(0, Double(target) - $0) } }
        public var priority: Double? { gap.map { $0 * weight } }

        /// The same competency with other scores (and no notes).
        public func with(scores: [Behaviour.ID: Int]) -> CompetencyResult {
            CompetencyResult(
                competency: competency,
                behaviours: behaviours.map {
                    BehaviourResult(
                        behaviour: $0.behaviour, score: scores[$0.behaviour.id], target: $0.target, weight: $0.weight,
                        note: nil)
                },
                target: target, weight: weight)
        }
    }

    public let competencies: [CompetencyResult]

    public init(scan: Scan, profile: Profile, catalogue: Catalogue = .standard) {
        let behaviours = profile.scoredBehaviours(in: catalogue)
        let scored = Set(behaviours.map(\.competency))
        competencies = catalogue.competencies.filter { scored.contains($0.id) }.map { competency in
            let weight = profile.weight(for: competency.id)
            return CompetencyResult(
                competency: competency,
                behaviours: behaviours.filter { $0.competency == competency.id }.map { behaviour in
                    let answer = scan.answers[behaviour.id]
                    return BehaviourResult(
                        behaviour: behaviour, score: answer?.score, target: profile.target(for: behaviour),
                        weight: weight, note: answer?.note)
                },
                target: profile.target(forCompetency: competency.id),
                weight: weight
            )
        }
    }

    private init(competencies: [CompetencyResult]) { self.competencies = competencies }

    /// The same profile with other scores (and no notes): its behaviours, targets and weights are not worked out
    /// again, which counts for a team of thousands that share a profile.
    public func with(scores: [Behaviour.ID: Int]) -> ScanResult {
        ScanResult(competencies: competencies.map { $0.with(scores: scores) })
    }

    public var behaviours: [BehaviourResult] { competencies.flatMap(\.behaviours) }
    public var answeredCount: Int { behaviours.filter { $0.score != nil }.count }

    /// At or above target, in profile order.
    public var strengths: [BehaviourResult] { behaviours.filter(\.isStrength) }

    /// Below target, highest priority first; ties keep profile order.
    public var developmentPoints: [BehaviourResult] {
        behaviours.enumerated()
            .filter { $0.element.isDevelopmentPoint }
            .sorted { ($0.element.priority ?? 0, -$0.offset) > ($1.element.priority ?? 0, -$1.offset) }
            .map(\.element)
    }
}
