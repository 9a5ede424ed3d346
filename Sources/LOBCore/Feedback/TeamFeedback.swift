/// The team view of 360° feedback: per behaviour, how far the members' self-view lies from their colleagues' view,
/// across the team, with the behaviours where the two differ most first (docs/feedback.md, "Voor het team").
///
/// What each member's colleagues gave is his own: a member counts in a behaviour's figure only when his own feedback
/// report shows the colleagues' figure there (a group of at least the threshold), and the members who count are
/// themselves released by `PrivacyRule.release` as an anonymous group — also who shared his scan by name, because
/// sharing a scan is not sharing the feedback about him. So no figure rests on fewer members than the threshold, and
/// two views made at different moments of a round never differ by fewer members than the threshold.
public struct TeamFeedback: Sendable {
    /// One member as this view needs him: his scan in the round and the feedback about him on its profile.
    public struct Member: Sendable {
        public let scan: TeamMemberScan
        /// Nil when there is no feedback about him.
        public let feedback: FeedbackAnalysis?

        public init(scan: TeamMemberScan, feedback: FeedbackAnalysis?) {
            self.scan = scan
            self.feedback = feedback
        }
    }

    public struct BehaviourGap: Sendable, Hashable {
        public let behaviour: Behaviour
        /// Members in the figure.
        public let n: Int
        /// The mean over the members of (self score − the colleagues' mean): above 0, the team sees itself higher
        /// than colleagues do.
        public let meanDifference: Double
        /// Members for whom it is a blind spot (self clearly higher) or a hidden strength (colleagues clearly higher);
        /// nil when all, or all but one, of the members fall in one of the three (blind spot, hidden strength,
        /// neither): the counts would tell it of each of them (`GroupDisclosure`).
        public let blindSpots: Int?
        public let hiddenStrengths: Int?
    }

    public let team: String
    public let round: String
    public let threshold: Int
    /// Members with a current scan in the round.
    public let members: Int
    /// Members about whom colleagues' feedback is shown on at least one behaviour they scored.
    public let membersWithFeedback: Int
    /// Shown behaviours, the largest difference (either way) first.
    public let behaviours: [BehaviourGap]
    /// Behaviours some members could count in but that are not shown, and why.
    public let withheld: [Behaviour.ID: PrivacyRule.Release.Reason]
    /// Which members count in which figure now: the store keeps it, so a later view is checked against it.
    public let release: PrivacyRule.Release

    /// The key of a behaviour's figure in this view's releases.
    public static func figure(_ behaviour: Behaviour.ID) -> String { "zelfbeeld:" + behaviour }

    /// - Parameter earlier: the releases of earlier views of this round, oldest first.
    public init(
        team: String, round: String, members: [Member], threshold: Int, earlier: [PrivacyRule.Release],
        catalogue: Catalogue = .standard, rules: FeedbackRules = .standard
    ) {
        let limit = PrivacyRule.threshold(threshold)
        self.team = team
        self.round = round
        self.threshold = limit
        self.members = members.count
        // Per member and behaviour: his self score minus his colleagues' shown mean. A member is known by the content
        // of both (his scan's fingerprint and the colleague responses counted for him), as the team view knows a scan
        // by its fingerprint: a new scan or new feedback is a change of the group, which the release checks.
        var differences: [String: [Behaviour.ID: Double]] = [:]
        var behaviourByID: [Behaviour.ID: Behaviour] = [:]
        for member in members {
            guard let feedback = member.feedback else { continue }
            let counted = feedback.release.counted.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            let key = Fingerprint.fnv1a(([member.scan.fingerprint] + counted.sorted()).joined(separator: "\u{1}"))
            for view in feedback.behaviours {
                guard let own = member.scan.scores[view.behaviour.id], let colleagues = view.colleagues else {
                    continue
                }
                differences[key, default: [:]][view.behaviour.id] = Double(own) - colleagues.mean
                behaviourByID[view.behaviour.id] = view.behaviour
            }
        }
        membersWithFeedback = differences.count
        let release = PrivacyRule.release(
            anonymous: differences.mapValues { Set($0.keys.map(Self.figure)) }, threshold: limit, earlier: earlier)
        self.release = release
        var gaps: [BehaviourGap] = []
        var withheld: [Behaviour.ID: PrivacyRule.Release.Reason] = [:]
        for (id, behaviour) in behaviourByID {
            guard let group = release.counted[Self.figure(id)] else {
                if let reason = release.withheld[Self.figure(id)] { withheld[id] = reason }
                continue
            }
            let values = group.compactMap { differences[$0]?[id] }
            let blind = values.filter { $0 >= rules.clearDifference }.count
            let hidden = values.filter { $0 <= -rules.clearDifference }.count
            let tells = GroupDisclosure.distributionTells([blind, hidden, values.count - blind - hidden])
            gaps.append(
                BehaviourGap(
                    behaviour: behaviour, n: values.count, meanDifference: values.reduce(0, +) / Double(values.count),
                    blindSpots: tells ? nil : blind, hiddenStrengths: tells ? nil : hidden))
        }
        // Largest difference first; the catalogue's order breaks ties, so the same input gives the same page.
        let order = Dictionary(
            catalogue.behaviours.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        behaviours = gaps.sorted {
            let (left, right) = (abs($0.meanDifference), abs($1.meanDifference))
            if abs(left - right) > 1e-9 { return left > right }
            return (order[$0.behaviour.id] ?? .max, $0.behaviour.id) < (order[$1.behaviour.id] ?? .max, $1.behaviour.id)
        }
        self.withheld = withheld
    }
}
