/// A school board's view over all its teams: per team and competency the mean score, and board-wide per behaviour;
/// from counts a database sums (`TeamBehaviourCounts`), so that thousands of teachers need not be loaded.
///
/// Privacy: a team figure about fewer respondents than that team's threshold is withheld; a withheld team still
/// counts in the board totals, which are themselves withheld below the minimum threshold.
public struct BoardOverview: Sendable, Hashable {
    public struct TeamRow: Sendable, Hashable {
        public let team: String
        public let round: String
        /// The most respondents on any behaviour: how many shared a scan.
        public let respondents: Int
        /// Per competency 1…7: the mean of the team's scores on its behaviours; nil when withheld or not scored.
        public let means: [Competency.ID: Double]
        public let withheld: Bool
    }

    public struct BehaviourTotal: Sendable, Hashable {
        public let behaviour: Behaviour.ID
        public let competency: Competency.ID
        public let n: Int
        public let mean: Double?
        public let distribution: [Int]
        public let atOrAboveTarget: Int?
        public var withheld: Bool { mean == nil }
    }

    public let teams: [TeamRow]
    public let behaviours: [BehaviourTotal]
    /// Teams left out of the table because they have fewer respondents than their threshold.
    public var withheldTeams: Int { teams.filter(\.withheld).count }

    public init(counts: [TeamBehaviourCounts]) {
        var order: [String] = []
        var byTeam: [String: [TeamBehaviourCounts]] = [:]
        for row in counts {
            if byTeam[row.team] == nil { order.append(row.team) }
            byTeam[row.team, default: []].append(row)
        }
        teams = order.sorted().map { team in
            let rows = byTeam[team]!
            let respondents = rows.map(\.n).max() ?? 0
            let threshold = TeamAnalysis.threshold(rows.first?.privacyThreshold ?? 0)
            let withheld = respondents < threshold
            var means: [Competency.ID: Double] = [:]
            if !withheld {
                for competency in Set(rows.map(\.competency)) {
                    let scored = rows.filter { $0.competency == competency && $0.n >= threshold }
                    let n = scored.reduce(0) { $0 + $1.n }
                    if n > 0 { means[competency] = Double(scored.reduce(0) { $0 + $1.sum }) / Double(n) }
                }
            }
            return TeamRow(team: team, round: rows.first?.round ?? "", respondents: respondents, means: means, withheld: withheld)
        }
        var totals: [Behaviour.ID: (competency: Int, n: Int, sum: Int, distribution: [Int], atOrAbove: Int)] = [:]
        for row in counts {
            var total = totals[row.behaviour] ?? (row.competency, 0, 0, [0, 0, 0, 0], 0)
            total.n += row.n
            total.sum += row.sum
            for level in row.distribution.indices where level < 4 { total.distribution[level] += row.distribution[level] }
            total.atOrAbove += row.atOrAboveTarget
            totals[row.behaviour] = total
        }
        let catalogueOrder = Dictionary(uniqueKeysWithValues: Catalogue.standard.behaviours.enumerated().map { ($0.element.id, $0.offset) })
        behaviours = totals.sorted { (catalogueOrder[$0.key] ?? .max, $0.key) < (catalogueOrder[$1.key] ?? .max, $1.key) }.map { id, total in
            let shown = total.n >= TeamAnalysis.minimumThreshold
            return BehaviourTotal(behaviour: id, competency: total.competency, n: total.n,
                                  mean: shown ? Double(total.sum) / Double(total.n) : nil,
                                  distribution: shown ? total.distribution : [], atOrAboveTarget: shown ? total.atOrAbove : nil)
        }
    }
}
