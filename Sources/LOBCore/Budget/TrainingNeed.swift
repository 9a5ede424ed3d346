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

    /// The needs of all teams, from the scans their team figures count (`TeamAnalysis`, `PrivacyRule`): a team need
    /// where at least the team's threshold share a gap (its anonymous part only as a group of at least the threshold),
    /// and the rest pooled per competency across teams, shown only when the pool is such a group too. A team whose
    /// figures are all withheld adds nothing. `profileFor` rescores a member against another profile (the wished
    /// model's), when given.
    public static func needs(
        _ teams: [TeamRoundData], profileFor: ((TeamMemberScan) -> Profile?)? = nil,
        catalogue: Catalogue = .standard
    ) -> [TrainingNeed] {
        var needs: [TrainingNeed] = []
        var pool: [Competency.ID: (threshold: Int, gaps: [(named: Bool, gap: Gap)])] = [:]
        for round in teams.sorted(by: { $0.team < $1.team }) {
            let analysis = round.analysis(catalogue: catalogue)
            guard !analysis.allWithheld else { continue }
            for competency in catalogue.competencies.map(\.id) {
                let below = analysis.counted(for: competency).compactMap { entry -> (named: Bool, gap: Gap)? in
                    let profile = profileFor?(entry.member) ?? entry.member.profile
                    var scan = entry.member.scan
                    scan.profileID = profile.id
                    let scored =
                        profileFor == nil
                        ? entry.result
                        : ScanResult(scan: scan, profile: profile, catalogue: catalogue).competencies.first {
                            $0.competency.id == competency
                        }
                    guard let scored, let gap = scored.gap, gap > 0
                    else { return nil }
                    return (
                        entry.member.consent == .metNaam,
                        Gap(
                            levels: gap, weight: scored.weight,
                            behaviours: scored.behaviours.filter(\.isDevelopmentPoint).count)
                    )
                }
                guard !below.isEmpty else { continue }
                let group = PrivacyRule.group(below, threshold: analysis.threshold, isNamed: \.named)
                var rest = below
                if group.count >= analysis.threshold {
                    needs.append(TrainingNeed(team: round.team, competency: competency, gaps: group.map(\.gap)))
                    // Anonymous colleagues too few to be in the team's need go to the pool.
                    rest = group.contains { !$0.named } ? [] : below.filter { !$0.named }
                }
                if !rest.isEmpty {
                    let pooled = pool[competency] ?? (analysis.threshold, [])
                    pool[competency] = (max(pooled.threshold, analysis.threshold), pooled.gaps + rest)
                }
            }
        }
        for (competency, pooled) in pool.sorted(by: { $0.key < $1.key }) {
            let group = PrivacyRule.group(pooled.gaps, threshold: pooled.threshold, isNamed: \.named)
            if group.count >= pooled.threshold {
                needs.append(TrainingNeed(team: nil, competency: competency, gaps: group.map(\.gap)))
            }
        }
        return needs
    }
}
