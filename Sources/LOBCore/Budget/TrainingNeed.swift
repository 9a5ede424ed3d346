/// What the school's budget works on: per team and competency, the teachers below target — as numbers, never
/// names. Built from each team's latest round with the team view's privacy: a need of fewer teachers than the
/// team's threshold, or of a team below it, is pooled school-wide per competency and never shown with a team.
public struct TrainingNeed: Sendable, Hashable, Identifiable {
    /// One teacher's gap on the competency, without his name.
    public struct Gap: Sendable, Hashable {
        /// Levels below target (target − mean of his answers on the competency), > 0.
        public let levels: Double
        /// The competency's weight in his profile.
        public let weight: Double
        /// His behaviours below target in the competency.
        public let behaviours: Int
    }

    /// "team:NAME:3" or "pool:3".
    public let id: String
    /// Nil for the school-wide pool.
    public let team: String?
    public let competency: Competency.ID
    /// Largest weighted gap first, so that a partial group takes those who need it most.
    public let gaps: [Gap]

    public var teachers: Int { gaps.count }
    public var weightedGap: Double { gaps.reduce(0) { $0 + $1.levels * $1.weight } }

    public init(team: String?, competency: Competency.ID, gaps: [Gap]) {
        self.team = team
        self.competency = competency
        self.gaps = gaps.sorted { ($0.levels * $0.weight, $0.behaviours) > ($1.levels * $1.weight, $1.behaviours) }
        id = team.map { "team:\($0):\(competency)" } ?? "pool:\(competency)"
    }

    /// A team's latest round as the budget sees it.
    public struct TeamRoundInput: Sendable {
        public let team: String
        public let threshold: Int
        public let members: [TeamMemberScan]

        public init(team: String, threshold: Int, members: [TeamMemberScan]) {
            self.team = team
            self.threshold = TeamAnalysis.threshold(threshold)
            self.members = members.filter { $0.consent != .prive }
        }

        /// Whether the team may be named: it has at least its threshold of shared scans.
        public var isShown: Bool { members.count >= threshold }
    }

    /// The needs of all teams: team needs where at least the threshold share a gap, the rest pooled per competency.
    /// `profileFor` rescores a member against another profile (the wished model's), when given.
    public static func needs(_ teams: [TeamRoundInput], profileFor: ((TeamMemberScan) -> Profile?)? = nil,
                             catalogue: Catalogue = .standard) -> [TrainingNeed] {
        var needs: [TrainingNeed] = []
        var pool: [Competency.ID: [Gap]] = [:]
        for input in teams.sorted(by: { $0.team < $1.team }) {
            var byCompetency: [Competency.ID: [Gap]] = [:]
            for member in input.members {
                let profile = profileFor?(member) ?? member.profile
                var scan = member.scan
                scan.profileID = profile.id
                let result = ScanResult(scan: scan, profile: profile, catalogue: catalogue)
                for competency in result.competencies {
                    guard let gap = competency.gap, gap > 0 else { continue }
                    byCompetency[competency.competency.id, default: []].append(
                        Gap(levels: gap, weight: competency.weight, behaviours: competency.behaviours.filter(\.isDevelopmentPoint).count))
                }
            }
            for (competency, gaps) in byCompetency.sorted(by: { $0.key < $1.key }) {
                if input.isShown && gaps.count >= input.threshold {
                    needs.append(TrainingNeed(team: input.team, competency: competency, gaps: gaps))
                } else {
                    pool[competency, default: []] += gaps
                }
            }
        }
        for (competency, gaps) in pool.sorted(by: { $0.key < $1.key }) {
            needs.append(TrainingNeed(team: nil, competency: competency, gaps: gaps))
        }
        return needs
    }
}
