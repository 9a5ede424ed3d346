/// A school board's view over all its teams: per team and competency the mean score, and board-wide per behaviour.
///
/// Privacy: every number is taken from the teams' own `TeamAnalysis`, so a team's row is exactly what its team
/// report shows, and the board-wide totals add up only figures that a team report shows. A team whose report
/// withholds everything is not shown and adds nothing to the totals: a total that counted it would give it away
/// by subtraction (totals minus the teams shown).
public struct BoardOverview: Sendable, Hashable {
    public struct TeamRow: Sendable, Hashable {
        public let team: String
        public let round: String
        /// The people who count in the team's figures.
        public let respondents: Int
        /// Per competency: the team report's mean; absent when withheld or not scored.
        public let means: [Competency.ID: Double]
    }

    public struct BehaviourTotal: Sendable, Hashable {
        public let behaviour: Behaviour.ID
        public let competency: Competency.ID
        /// The answers in the shown team figures.
        public let n: Int
        public let mean: Double?
        /// Empty, like `atOrAboveTarget` nil, when withheld or when a team's own figure is coarsened
        /// (`GroupDisclosure`): a total of the others would give that team's distribution away by subtraction.
        public let distribution: [Int]
        public let atOrAboveTarget: Int?
        public let coarsened: Bool
        public var withheld: Bool { mean == nil }
    }

    /// The teams shown, by name.
    public let teams: [TeamRow]
    public let behaviours: [BehaviourTotal]
    /// Teams whose round has fewer people counting than their threshold: not shown, not in the totals.
    public let withheldTeams: Int

    public init(rounds: [(team: String, round: String, analysis: TeamAnalysis)]) {
        let shown = rounds.filter { !$0.analysis.allWithheld }.sorted { $0.team < $1.team }
        withheldTeams = rounds.count - shown.count
        teams = shown.map { entry in
            var means: [Competency.ID: Double] = [:]
            for aggregate in entry.analysis.competencies {
                if let mean = aggregate.mean { means[aggregate.competency.id] = mean }
            }
            return TeamRow(team: entry.team, round: entry.round, respondents: entry.analysis.respondents, means: means)
        }
        var order: [Behaviour.ID] = []
        var totals:
            [Behaviour.ID: (competency: Int, n: Int, sum: Double, distribution: [Int], atOrAbove: Int, coarsened: Bool)] =
                [:]
        for entry in shown {
            for aggregate in entry.analysis.behaviours {
                let id = aggregate.behaviour.id
                if totals[id] == nil { order.append(id) }
                var total = totals[id] ?? (aggregate.behaviour.competency, 0, 0, [0, 0, 0, 0], 0, false)
                if let mean = aggregate.mean {
                    total.coarsened = total.coarsened || aggregate.coarsened
                    total.n += aggregate.n
                    total.sum += mean * Double(aggregate.n)
                    for level in aggregate.distribution.indices where level < total.distribution.count {
                        total.distribution[level] += aggregate.distribution[level]
                    }
                    total.atOrAbove += aggregate.atOrAboveTarget ?? 0
                }
                totals[id] = total
            }
        }
        let catalogueOrder = Dictionary(
            uniqueKeysWithValues: Catalogue.standard.behaviours.enumerated().map { ($0.element.id, $0.offset) })
        behaviours = order.enumerated()
            .sorted {
                (catalogueOrder[$0.element] ?? .max, $0.offset) < (catalogueOrder[$1.element] ?? .max, $1.offset)
            }
            .map { _, id in
                let total = totals[id]!
                // Every part is a shown team figure (of at least its team's threshold), so a total is never smaller.
                let shown = total.n > 0
                let whole = shown && !total.coarsened
                return BehaviourTotal(
                    behaviour: id, competency: total.competency, n: total.n,
                    mean: shown ? total.sum / Double(total.n) : nil,
                    distribution: whole ? total.distribution : [], atOrAboveTarget: whole ? total.atOrAbove : nil,
                    coarsened: shown && total.coarsened)
            }
    }
}
