/// The one privacy rule behind every team figure (docs/team.md, "De privacyregel"). Every output about a team —
/// report, heatmap, team plan, peer learning, progress, the board and the budget's needs — takes its figures from
/// `TeamAnalysis`, and `TeamAnalysis` asks this rule which scans may count:
///
/// 1. A scan shared by name (`metNaam`) is shown by name, so it may count in any figure.
/// 2. Scans shared anonymously count in a figure only as a group of at least the threshold, and only when that group
///    differs from every group shown before in the same round by none or by at least the threshold of scans, and no
///    combination of the groups shown singles out one scan (`release(anonymous:threshold:earlier:)`). Otherwise the
///    figure shows the named scans only and says why.
/// 3. No figure rests on fewer people than the threshold.
/// 4. A private scan (`prive`) never counts, and a newer private scan withdraws the teacher's earlier ones.
///
/// Because the named scores are public, any figure is "named part + anonymous part": rule 2 is what keeps the
/// anonymous part a group, also when two outputs made at different moments are subtracted.
public enum PrivacyRule {
    /// The threshold may be set per team, never below this.
    public static let minimumThreshold = 3

    /// The thresholds a team may set: the minimum up to a bound no team reaches, refused before any arithmetic.
    public static let settableThresholds = minimumThreshold...1_000

    /// The threshold a team may set, raised to the minimum: every view of a team uses this.
    public static func threshold(_ requested: Int) -> Int { max(minimumThreshold, requested) }

    // MARK: - One person, one member

    /// The form of a name by which one person is one member, in import, removal and the pseudonym alike: Unicode NFC,
    /// invisible format characters dropped, every run of white space (also a no-break space) one space, trimmed, and
    /// lower case. "José  Bakker", "JOSE\u{301} BAKKER" and "José\u{A0}Bakker" are the same member.
    public static func memberKey(_ name: String) -> String {
        let visible = String(
            String.UnicodeScalarView(name.unicodeScalars.filter { $0.properties.generalCategory != .format }))
        let folded = visible.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        return String(decoding: folded._nfcCodeUnits, as: UTF8.self)
    }

    /// A teacher's pseudonym within a team: how a store recognises his next scan without keeping the name of someone
    /// who shared anonymously. FNV-1a, not a secret: whoever knows the team's names can recompute it.
    public static func pseudonym(team: String, teacher: String) -> String {
        Fingerprint.fnv1a("\(team.lowercased())\u{1}\(memberKey(teacher))")
    }

    // MARK: - Figures

    /// The key of a behaviour's figures (n, mean, distribution, at or above target, priority, learners).
    public static func figure(behaviour: Behaviour.ID) -> String { behaviour }

    /// The key of a competency's own figures (respondents, at or above target, the budget's needs).
    public static func figure(competency: Competency.ID) -> String { "competentie:\(competency)" }

    /// The figures a scan answered: its behaviours and their competencies.
    public static func figures(answered behaviours: some Sequence<(Behaviour.ID, Competency.ID)>) -> Set<String> {
        var figures = Set<String>()
        var competencies = Set<Competency.ID>()
        for (behaviour, competency) in behaviours {
            figures.insert(figure(behaviour: behaviour))
            competencies.insert(competency)
        }
        for competency in competencies { figures.insert(figure(competency: competency)) }
        return figures
    }

    /// Who may be in a group the tool names a size or a sum for (a shared goal's participants, a training need):
    /// the named members, and the anonymous ones only when there are at least `threshold` of them. The named part is
    /// public, so anything said about the group is said about its anonymous part.
    public static func group<Member>(_ members: [Member], threshold: Int, isNamed: (Member) -> Bool) -> [Member] {
        let anonymous = members.filter { !isNamed($0) }
        return members.filter(isNamed) + (anonymous.count >= Self.threshold(threshold) ? anonymous : [])
    }

    // MARK: - Releasing the anonymous part

    /// Per figure, the anonymous scans that answered it: the group the release decides on, and the one a view checks
    /// the release against. `anonymous` maps each anonymous scan (by fingerprint) to the figures it answered.
    public static func groups(_ anonymous: [String: Set<String>]) -> [String: Set<String>] {
        var groups: [String: Set<String>] = [:]
        for (scan, figures) in anonymous {
            for figure in figures { groups[figure, default: []].insert(scan) }
        }
        return groups
    }

    /// Which anonymous scans count in which figure at one moment of a round. Kept by the store after every change
    /// of the round (import, removal, withdrawal, threshold), so that a later moment can be checked against every
    /// earlier one: what two moments show must not differ by fewer than the threshold of colleagues.
    public struct Release: Sendable, Hashable, Codable {
        public enum Reason: String, Sendable, Hashable, Codable {
            /// Fewer anonymous scans answered it than the threshold.
            case tooFew
            /// Since an earlier moment of the round, fewer than the threshold of anonymous scans came or went: the
            /// difference between the two would show what those colleagues answered.
            case changeTooSmall
            /// Not the release's own decision but a view's: the group's answers are all, or all but one next to them,
            /// at an end of the scale, so its mean would tell each of them (`GroupDisclosure`).
            case sameAnswers
        }

        public let threshold: Int
        /// Per figure, the fingerprints of the anonymous scans it counts.
        public let counted: [String: Set<String>]
        /// Per figure that anonymous scans answered but may not count, why.
        public let withheld: [String: Reason]

        public init(threshold: Int, counted: [String: Set<String>], withheld: [String: Reason]) {
            self.threshold = threshold
            self.counted = counted
            self.withheld = withheld
        }

        /// Stored compactly: most figures count the same scans, so each distinct group is written once.
        private enum CodingKeys: String, CodingKey { case threshold, groups, counted, withheld }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            let groups = Array(Set(counted.values)).map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
            let index = Dictionary(uniqueKeysWithValues: groups.enumerated().map { (Set($0.element), $0.offset) })
            try container.encode(threshold, forKey: .threshold)
            try container.encode(groups, forKey: .groups)
            try container.encode(counted.mapValues { index[$0]! }, forKey: .counted)
            try container.encode(withheld, forKey: .withheld)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let groups = try container.decode([[String]].self, forKey: .groups).map(Set.init)
            threshold = try container.decode(Int.self, forKey: .threshold)
            counted = try container.decode([String: Int].self, forKey: .counted).mapValues { index in
                guard groups.indices.contains(index) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .counted, in: container, debugDescription: "group \(index) missing")
                }
                return groups[index]
            }
            withheld = try container.decode([String: Reason].self, forKey: .withheld)
        }
    }

    /// The release of a round's anonymous scans now, given what earlier moments of the round released.
    /// `anonymous` maps each current anonymous scan (by fingerprint) to the figures it answered.
    public static func release(anonymous: [String: Set<String>], threshold: Int, earlier: [Release]) -> Release {
        let limit = Self.threshold(threshold)
        var counted: [String: Set<String>] = [:]
        var withheld: [String: Release.Reason] = [:]
        // Most figures have the same group and history: decide each distinct case once.
        struct Case: Hashable {
            let group: Set<String>
            let shown: Set<Set<String>>
        }
        var decided: [Case: Bool] = [:]
        for (figure, group) in groups(anonymous) {
            guard group.count >= limit else {
                withheld[figure] = .tooFew
                continue
            }
            let this = Case(group: group, shown: Set(earlier.compactMap { $0.counted[figure] }))
            let safe =
                decided[this]
                ?? {
                    let answer = isSafe(group, after: Array(this.shown), threshold: limit)
                    decided[this] = answer
                    return answer
                }()
            if safe { counted[figure] = group } else { withheld[figure] = .changeTooSmall }
        }
        return Release(threshold: limit, counted: counted, withheld: withheld)
    }

    /// Whether a group may be shown after the groups shown before: each differs from it by none or at least
    /// `threshold` scans, and no sum or difference of the groups isolates a single scan.
    static func isSafe(_ group: Set<String>, after shown: [Set<String>], threshold: Int) -> Bool {
        for earlier in shown {
            let difference = group.symmetricDifference(earlier).count
            if difference > 0 && difference < threshold { return false }
        }
        return isolated(in: shown + [group]).isEmpty
    }

    /// The members that some combination of the groups' sums determines on its own: `e_i` lies in the row space
    /// of the groups' incidence matrix. Members that are in exactly the same groups can never be told apart, so the
    /// matrix is reduced to one column per such class first, and only classes of one member can be isolated.
    public static func isolated(in groups: [Set<String>]) -> Set<String> {
        let distinct = Array(Set(groups))
        guard !distinct.isEmpty else { return [] }
        var classes: [[Bool]: [String]] = [:]
        for member in distinct.reduce(into: Set<String>(), { $0.formUnion($1) }) {
            classes[distinct.map { $0.contains(member) }, default: []].append(member)
        }
        let patterns = classes.keys.sorted { $0.lexicographicallyPrecedes($1) { !$0 && $1 } }
        var matrix = distinct.indices.map { row in patterns.map { $0[row] ? 1.0 : 0.0 } }
        let pivots = reduceToEchelonForm(&matrix)
        var result = Set<String>()
        for (row, column) in pivots {
            let alone = matrix[row].indices.allSatisfy { $0 == column || abs(matrix[row][$0]) < 1e-9 }
            if alone, let members = classes[patterns[column]], members.count == 1 { result.insert(members[0]) }
        }
        return result
    }

    /// The rank of a matrix of sums (its rows reduced in place).
    static func rank(_ matrix: inout [[Double]]) -> Int { reduceToEchelonForm(&matrix).count }

    /// Gauss-Jordan elimination in place; returns (row, column) of each pivot. The entries are 0 and 1 and the
    /// matrices small (one row per moment of a round), so doubles with a tolerance are exact enough.
    private static func reduceToEchelonForm(_ matrix: inout [[Double]]) -> [(row: Int, column: Int)] {
        guard let width = matrix.first?.count else { return [] }
        var pivots: [(row: Int, column: Int)] = []
        var row = 0
        for column in 0..<width where row < matrix.count {
            guard let pivot = (row..<matrix.count).max(by: { abs(matrix[$0][column]) < abs(matrix[$1][column]) }),
                abs(matrix[pivot][column]) > 1e-9
            else { continue }
            matrix.swapAt(row, pivot)
            let scale = matrix[row][column]
            matrix[row] = matrix[row].map { $0 / scale }
            for other in matrix.indices where other != row && abs(matrix[other][column]) > 1e-9 {
                let factor = matrix[other][column]
                matrix[other] = zip(matrix[other], matrix[row]).map { $0 - factor * $1 }
            }
            pivots.append((row, column))
            row += 1
        }
        return pivots
    }
}
