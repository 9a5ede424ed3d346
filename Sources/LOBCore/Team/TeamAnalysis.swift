/// Where a team stands, with the privacy its members agreed to. Which scan counts in which figure is decided by
/// `PrivacyRule` alone: named scans everywhere, anonymous ones only as a group the rule releases, private ones never;
/// no figure about fewer people than the threshold.
public struct TeamAnalysis: Sendable {
    public struct BehaviourAggregate: Sendable, Hashable {
        public let behaviour: Behaviour
        /// Respondents it counts.
        public let n: Int
        /// Nil when withheld.
        public let mean: Double?
        /// Counts for levels 1…4; empty when withheld or coarsened.
        public let distribution: [Int]
        /// Nil when withheld or coarsened.
        public let atOrAboveTarget: Int?
        /// Mean over respondents of gap × weight; nil when withheld.
        public let priority: Double?
        /// Whether anonymous answers are in it (else it counts the named ones only).
        public let countsAnonymous: Bool
        /// Why the mean is withheld: too few answers, or the anonymous answers' sum at an end of the scale.
        public let withheldBecause: Withholding?
        /// The distribution and the count at or above target are left out, the mean shown: all, or all but one, of
        /// the anonymous answers are one level (`GroupDisclosure`).
        public let coarsened: Bool
        public var withheld: Bool { mean == nil }

        public enum Withholding: String, Sendable, Hashable {
            case tooFew
            /// Every anonymous answer, or all but one next to them, at one end of the scale.
            case sameAnswers
        }
    }

    public struct CompetencyAggregate: Sendable, Hashable {
        public let competency: Competency
        /// Respondents with an answer on the competency that counts.
        public let n: Int
        /// The mean of every answer in the competency's shown behaviour figures (their n-weighted mean): the same
        /// number in every output, and nothing that the behaviour figures do not already show.
        public let mean: Double?
        /// Respondents whose own mean on the competency reaches their target.
        public let atOrAboveTarget: Int?
        public var withheld: Bool { mean == nil }
    }

    /// One column of the heatmap: a member who shared by name.
    public struct Column: Sendable, Hashable {
        public let label: String
        public let scores: [Behaviour.ID: Int]
        /// The member's profile as an empty result, to give the targets when asked: a board's thousands of columns
        /// are listed, their targets seldom read.
        let template: ScanResult
        /// The target of every answered behaviour, as the member's scan result has it.
        public var targets: [Behaviour.ID: Int] {
            Dictionary(
                template.behaviours.filter { scores[$0.behaviour.id] != nil }.map { ($0.behaviour.id, $0.target) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    /// Who could learn a behaviour from whom.
    public struct PeerLearning: Sendable, Hashable {
        public struct Pair: Sendable, Hashable {
            public let learner: String
            public let preference: LearningPreference?
            public let mentor: String
            /// How, in the learner's metaphor ("observeer een loopbaangesprek van Ans").
            public let how: String
        }

        public let behaviour: Behaviour
        /// Named learners paired with a named colleague who masters it (the first `listing` when one was asked).
        public let pairs: [Pair]
        /// How many named learners are paired in all; more than `pairs.count` when only the first were listed.
        public let pairCount: Int
        /// Colleagues who master it and agreed to be named.
        public let mentors: [String]
        /// Anonymous learners, only when the behaviour's anonymous group counts and they are at least the threshold
        /// (else nil: not shown).
        public let anonymousLearners: Int?
    }

    public let threshold: Int
    /// Scans shared with the team: consent `anoniem` or `metNaam`.
    public let included: [TeamMemberScan]
    /// Which anonymous scans count in which figure (`PrivacyRule`).
    public let release: PrivacyRule.Release
    public let behaviours: [BehaviourAggregate]
    public let competencies: [CompetencyAggregate]

    /// Scans shared by name.
    public var named: Int { included.filter { $0.consent == .metNaam }.count }
    /// Scans shared anonymously; nil when there are some but fewer than the threshold (a count that small is not shown).
    public var anonymous: Int? {
        let count = included.count - named
        return count == 0 || count >= threshold ? count : nil
    }
    /// People who count in at least one figure.
    public let respondents: Int

    /// True when fewer than the threshold count in any figure: then nothing but that fact is shown.
    public var allWithheld: Bool { respondents < threshold }

    /// Why anonymous answers are left out of some figures, if they are.
    public var anonymousWithheld: Set<PrivacyRule.Release.Reason> { Set(release.withheld.values) }

    /// `release` is what the store kept for this moment of the round; without one (a team outside a store) the rule
    /// is applied with no earlier moments.
    public init(
        members: [TeamMemberScan], threshold: Int, release: PrivacyRule.Release? = nil,
        catalogue: Catalogue = .standard, scale: Scale = .standard
    ) {
        let limit = PrivacyRule.threshold(threshold)
        self.threshold = limit
        let included = members.filter { $0.consent != .prive }
        self.included = included
        // One empty result per distinct profile, and each member's scores laid out as it is.
        var templates = PerProfile<ScanResult>()
        var templateOf: [Int] = []
        var distinct: [Profile] = []
        templateOf.reserveCapacity(included.count)
        for member in included {
            templateOf.append(
                templates.index(of: member.profile) { profile in
                    distinct.append(profile)
                    return ScanResult(
                        scan: Scan(teacher: "", profileID: profile.id, date: member.date), profile: profile,
                        catalogue: catalogue)
                })
        }
        let firstUse = templates.values
        self.templates = firstUse
        profileOf = templateOf
        profiles = distinct
        let layouts = firstUse.map(ProfileLayout.init)
        self.layouts = layouts
        let grid = ScoreGrid(included, layouts: layouts, layoutOf: templateOf)
        self.grid = grid
        let release =
            release
            ?? PrivacyRule.release(
                anonymous: Self.anonymousFigures(included, grid: grid, layouts: layouts, layoutOf: templateOf),
                threshold: limit, earlier: [])
        self.release = release
        let decisions = Self.anonymousDecisions(
            included, grid: grid, layouts: layouts, layoutOf: templateOf, release: release, threshold: limit)
        anonymousCounts = decisions
        func countsAnonymous(_ figure: String) -> Bool { decisions[figure] ?? false }
        let named = included.map { $0.consent == .metNaam }

        // Behaviours in catalogue order, then a school's own ones in the order they first appear.
        var order: [Behaviour] = []
        var seen = Set<Behaviour.ID>()
        for behaviour in catalogue.behaviours + firstUse.flatMap({ $0.behaviours.map(\.behaviour) })
        where !seen.contains(behaviour.id) {
            if layouts.contains(where: { $0.place[behaviour.id] != nil }) {
                order.append(behaviour)
                seen.insert(behaviour.id)
            }
        }
        // Each figure is summed in one pass over the members, reading only the fields it needs.
        var counting = [Bool](repeating: false, count: included.count)
        let levelIndex = Dictionary(
            scale.levels.enumerated().map { ($0.element.value, $0.offset) }, uniquingKeysWith: { first, _ in first })
        behaviours = order.map { behaviour in
            let anonymous = countsAnonymous(PrivacyRule.figure(behaviour: behaviour.id))
            let place = layouts.map { $0.place[behaviour.id] }
            var answered: [Int] = []
            var sum = 0
            var strengths = 0
            var priority = 0.0
            var distribution = [Int](repeating: 0, count: scale.levels.count)
            // The anonymous part alone: the named part is public, so whatever a figure shows of it can be had by
            // subtracting.
            var hidden = (n: 0, sum: 0, distribution: [Int](repeating: 0, count: scale.levels.count))
            for index in included.indices where named[index] || anonymous {
                let layout = templateOf[index]
                guard let flat = place[layout], let score = grid.score(index, flat) else { continue }
                let target = layouts[layout].targets[flat]
                answered.append(index)
                sum += score
                if score >= target { strengths += 1 }
                priority += Double(max(0, target - score)) * layouts[layout].weights[flat]
                if let level = levelIndex[score] {
                    distribution[level] += 1
                    if !named[index] {
                        hidden.n += 1
                        hidden.sum += score
                        hidden.distribution[level] += 1
                    }
                }
            }
            let sameAnswers = GroupDisclosure.meanTells(
                sum: hidden.sum, n: hidden.n, low: scale.levels.first?.value ?? 1, high: scale.levels.last?.value ?? 4)
            guard answered.count >= limit, !sameAnswers else {
                return BehaviourAggregate(
                    behaviour: behaviour, n: answered.count, mean: nil, distribution: [], atOrAboveTarget: nil,
                    priority: nil, countsAnonymous: anonymous, withheldBecause: sameAnswers ? .sameAnswers : .tooFew,
                    coarsened: false)
            }
            for index in answered { counting[index] = true }
            let coarsened = GroupDisclosure.distributionTells(hidden.distribution)
            return BehaviourAggregate(
                behaviour: behaviour, n: answered.count, mean: Double(sum) / Double(answered.count),
                distribution: coarsened ? [] : distribution, atOrAboveTarget: coarsened ? nil : strengths,
                priority: priority / Double(answered.count), countsAnonymous: anonymous, withheldBecause: nil,
                coarsened: coarsened)
        }
        let behaviourFigures = behaviours
        competencies = catalogue.competencies.compactMap { competency in
            guard firstUse.contains(where: { $0.competencies.contains { $0.competency.id == competency.id } }) else {
                return nil
            }
            let anonymous = countsAnonymous(PrivacyRule.figure(competency: competency.id))
            // Where the competency sits in each profile's layout, once per profile rather than once per member.
            let place = layouts.map { layout in layout.competencies.first { $0.id == competency.id } }
            var scored = 0
            var reaching = 0
            for index in included.indices where named[index] || anonymous {
                guard let position = place[templateOf[index]] else { continue }
                var sum = 0
                var count = 0
                for flat in position.places {
                    if let score = grid.score(index, flat) {
                        sum += score
                        count += 1
                    }
                }
                guard count > 0 else { continue }
                scored += 1
                if Double(position.target) - Double(sum) / Double(count) <= 0 { reaching += 1 }
            }
            let shown = behaviourFigures.filter { $0.behaviour.competency == competency.id && !$0.withheld }
            let answers = shown.reduce(0) { $0 + $1.n }
            guard scored >= limit, answers > 0 else {
                return CompetencyAggregate(competency: competency, n: scored, mean: nil, atOrAboveTarget: nil)
            }
            let total = shown.reduce(0.0) { $0 + ($1.mean ?? 0) * Double($1.n) }
            return CompetencyAggregate(
                competency: competency, n: scored, mean: total / Double(answers), atOrAboveTarget: reaching)
        }
        respondents = counting.filter { $0 }.count
    }

    /// Each anonymous scan (by fingerprint) with the figures it answered, read from the grid: what
    /// `PrivacyRule.release` decides on.
    private static func anonymousFigures(
        _ included: [TeamMemberScan], grid: ScoreGrid, layouts: [ProfileLayout], layoutOf: [Int]
    ) -> [String: Set<String>] {
        Dictionary(
            included.indices.filter { included[$0].consent == .anoniem }.map { index in
                let behaviours = layouts[layoutOf[index]].behaviours
                return (
                    included[index].fingerprint,
                    PrivacyRule.figures(
                        answered: behaviours.indices.lazy.filter { grid.score(index, $0) != nil }.map {
                            (behaviours[$0].id, behaviours[$0].competency)
                        })
                )
            }, uniquingKeysWith: { first, _ in first })
    }

    /// Per figure that anonymous scans answered: whether their answers count. They count only when the release counts
    /// exactly the anonymous scans that answered it now (`PrivacyRule.groups` of `anonymousFigures`), and they are at
    /// least the threshold; a release that does not match the scans (a store out of step) counts none of them.
    /// Decided once per figure, by position and profile rather than by building every group as a set of
    /// fingerprints: a board's round has thousands of anonymous scans.
    private static func anonymousDecisions(
        _ included: [TeamMemberScan], grid: ScoreGrid, layouts: [ProfileLayout], layoutOf: [Int],
        release: PrivacyRule.Release, threshold: Int
    ) -> [String: Bool] {
        var keys: [String] = []
        var indexOf: [String: Int] = [:]
        func index(_ key: String) -> Int {
            if let known = indexOf[key] { return known }
            keys.append(key)
            indexOf[key] = keys.count - 1
            return keys.count - 1
        }
        // Per profile, the figures of each place in its layout: the behaviour's and its competency's.
        let figures = layouts.map { layout in
            layout.behaviours.map {
                (
                    behaviour: index(PrivacyRule.figure(behaviour: $0.id)),
                    competency: index(PrivacyRule.figure(competency: $0.competency))
                )
            }
        }
        // The anonymous scans that answered each figure; a scan imported twice (one fingerprint) is one scan, and a
        // figure is answered once however many of its places a scan answered.
        var answering = [[Int]](repeating: [], count: keys.count)
        var seen = Set<String>()
        for (index, member) in included.enumerated() where member.consent == .anoniem {
            guard seen.insert(member.fingerprint).inserted else { continue }
            let places = figures[layoutOf[index]]
            for flat in places.indices where grid.score(index, flat) != nil {
                for figure in [places[flat].behaviour, places[flat].competency] where answering[figure].last != index {
                    answering[figure].append(index)
                }
            }
        }
        var decisions: [String: Bool] = [:]
        for (figure, scans) in zip(keys, answering) where !scans.isEmpty {
            let counted = release.counted[figure] ?? []
            decisions[figure] =
                scans.count >= threshold && counted.count == scans.count
                && scans.allSatisfy { counted.contains(included[$0].fingerprint) }
        }
        return decisions
    }

    /// The distinct profiles of `included`, and which one each member scored against (by position).
    private let profiles: [Profile]
    private let profileOf: [Int]
    /// Per distinct profile: its empty result, and that result laid out flat; every member's scores in that layout.
    private let templates: [ScanResult]
    private let layouts: [ProfileLayout]
    private let grid: ScoreGrid

    /// Per figure that anonymous scans answered: whether their answers count (the release counts exactly those scans,
    /// and they are at least the threshold).
    private let anonymousCounts: [String: Bool]

    /// Whether a figure (`PrivacyRule.figure`) counts the anonymous answers.
    public func countsAnonymous(_ figure: String) -> Bool { anonymousCounts[figure] ?? false }

    /// The scans that count in a competency's own figures, each with his result on it (nil when his profile does not
    /// have it): the named ones, and the anonymous ones when the rule releases them. What the team plan and the budget
    /// build on; only the one competency is scored, as they ask for each in turn.
    public func counted(
        for competency: Competency.ID
    ) -> [(
        member: TeamMemberScan, result: ScanResult.CompetencyResult?
    )] {
        guard !allWithheld else { return [] }
        let anonymous = countsAnonymous(PrivacyRule.figure(competency: competency))
        let place = templates.map { $0.competencies.first { $0.competency.id == competency } }
        return included.indices.filter { included[$0].consent == .metNaam || anonymous }.map {
            (member: included[$0], result: place[profileOf[$0]]?.with(scores: included[$0].scores))
        }
    }

    /// The scans that count in some figure.
    public var counted: [TeamMemberScan] {
        guard !allWithheld else { return [] }
        return included.indices.filter { index in
            included[index].consent == .metNaam
                || templates[profileOf[index]].competencies.contains {
                    countsAnonymous(PrivacyRule.figure(competency: $0.competency.id))
                }
        }.map { included[$0] }
    }

    /// The behaviours with the largest team priority, at most `count`.
    public func biggestGaps(_ count: Int = 10) -> [BehaviourAggregate] {
        behaviours.enumerated()
            .filter { ($0.element.priority ?? 0) > 0 }
            .sorted { ($0.element.priority ?? 0, -$0.offset) > ($1.element.priority ?? 0, -$1.offset) }
            .prefix(count).map(\.element)
    }

    // MARK: - Coverage

    /// Behaviours nobody in the team masters (nobody at or above target): the team as a whole does not cover them.
    /// Empty when withheld.
    public var uncoveredBehaviours: [BehaviourAggregate] {
        allWithheld ? [] : behaviours.filter { !$0.withheld && $0.atOrAboveTarget == 0 }
    }

    /// Competencies in which no member reaches the target on average.
    public var uncoveredCompetencies: [CompetencyAggregate] {
        allWithheld ? [] : competencies.filter { !$0.withheld && $0.atOrAboveTarget == 0 }
    }

    // MARK: - Heatmap

    /// One column per member who shared by name. Anonymous members have no column of their own: a column is one
    /// person's scores, and which column disappears or appears between two reports would tell whose it is.
    public var heatmapColumns: [Column] {
        guard !allWithheld else { return [] }
        // Sorted by position: moving thousands of members and results about in a sort copied each of them.
        let teachers = included.map(\.teacher)
        return included.indices.filter { included[$0].consent == .metNaam }.sorted { teachers[$0] < teachers[$1] }.map {
            Column(label: teachers[$0], scores: included[$0].scores, template: templates[profileOf[$0]])
        }
    }

    // MARK: - Peer learning

    /// For each behaviour where someone has a development point and a named colleague masters it.
    public var peerLearning: [PeerLearning] { peerLearning(for: nil) }

    /// Peer learning for these behaviours only (nil: all), for outputs that show a few; with `listing`, only the first
    /// so many pairs of each are made. Pairs are made learner by learner in name order, so the first ones are the
    /// same as in the full list.
    public func peerLearning(for ids: Set<Behaviour.ID>?, listing: Int? = nil) -> [PeerLearning] {
        guard !allWithheld else { return [] }
        // By position in `included`, each field read once into a column: thousands of members are compared and sorted
        // many times, and reading a field through the member copied the whole member.
        let teachers = included.map(\.teacher)
        let consents = included.map(\.consent)
        let preferencesOf = included.map(\.learningPreference)
        let named = included.indices.filter { consents[$0] == .metNaam }
        let namedByName = named.sorted { teachers[$0] < teachers[$1] }
        let preferences = LearningPreference.allCases
        return behaviours.filter { ids?.contains($0.behaviour.id) ?? true }.compactMap { aggregate in
            let id = aggregate.behaviour.id
            // Looked up once per member (a target once per profile): the sorts below compare them many times.
            // Read where the behaviour sits in each member's result (an index, not a hash), else from his scores.
            let placeOf = layouts.map { $0.place[id] }
            let scores = included.indices.map { index in
                guard let flat = placeOf[profileOf[index]] else { return included[index].scores[id] }
                return grid.score(index, flat)
            }
            let targetOf = profiles.map { $0.target(for: aggregate.behaviour) }
            let targets = profileOf.map { targetOf[$0] }
            func score(_ index: Int) -> Int? { scores[index] }
            func target(_ index: Int) -> Int { targets[index] }
            func learns(_ index: Int) -> Bool { score(index).map { $0 < target(index) } ?? false }
            // Anonymous learners only where the behaviour counts their answers: else even "someone" would say too much.
            let anonymousLearners =
                aggregate.countsAnonymous && !aggregate.withheld
                ? included.indices.filter { consents[$0] == .anoniem && learns($0) }.count : 0
            let namedLearners = namedByName.filter(learns)
            // Masters: named, at or above target; those who can teach it (the scale's top) first.
            // By score from high to low, then by name: the named are in name order already, so a pass per score
            // level keeps that order (sorting thousands by name again for every behaviour took most of the time).
            let levels = Set(namedByName.compactMap(score)).sorted(by: >)
            let masters = levels.flatMap { level in
                namedByName.filter { index in score(index) == level && level >= target(index) }
            }
            guard !(namedLearners.isEmpty && anonymousLearners == 0), !masters.isEmpty else { return nil }
            // Prefer a colleague who learns the same way (two who like to practise, practise together), then the one
            // with the fewest learners so far, so that one strong colleague is not asked by everyone.
            var loads = [Int](repeating: 0, count: masters.count)
            var everyone = LeastLoaded(masters.indices)
            var pools: [LeastLoaded?] = preferences.map { preference in
                let indices = masters.indices.filter { preferencesOf[masters[$0]] == preference }
                return indices.isEmpty ? nil : LeastLoaded(indices)
            }
            var position: [Int: Int] = [:]
            for (offset, index) in masters.enumerated() { position[index] = offset }
            // A learner is never one of the masters (below target against at or above it), so each is paired.
            let pairs: [PeerLearning.Pair] = namedLearners.prefix(listing ?? namedLearners.count).compactMap {
                learner in
                let me = position[learner]
                let preference = preferencesOf[learner]
                var chosen: Int?
                if let preference, let slot = preferences.firstIndex(of: preference), pools[slot] != nil {
                    chosen = pools[slot]!.pick(loads: loads, skipping: me)
                }
                if chosen == nil { chosen = everyone.pick(loads: loads, skipping: me) }
                guard let chosen else { return nil }
                loads[chosen] += 1
                let mentor = teachers[masters[chosen]]
                return PeerLearning.Pair(
                    learner: teachers[learner], preference: preference, mentor: mentor,
                    how: Self.how(preference, mentor: mentor))
            }
            return PeerLearning(
                behaviour: aggregate.behaviour, pairs: pairs,
                pairCount: listing == nil ? pairs.count : namedLearners.count,
                mentors: masters.map { teachers[$0] },
                anonymousLearners: anonymousLearners >= threshold ? anonymousLearners : nil)
        }
    }

    /// How a learner learns from a colleague, in his metaphor (seed 002's forms per preference).
    public static func how(_ preference: LearningPreference?, mentor: String) -> String {
        switch preference {
        case .kunstAfkijken?: "kijk de kunst af bij \(mentor): observeer een loopbaangesprek of loop een dag mee"
        case .participeren?: "onderzoek het samen met \(mentor), bijvoorbeeld in een werkgroep of intervisie"
        case .kennisVerwerven?: "vraag \(mentor) hoe het aan te pakken en welke bronnen te gebruiken"
        case .oefenen?: "oefen met \(mentor): speel een gesprek na en vraag om feedback"
        case .ontdekken?: "probeer het uit in je eigen praktijk en bespreek het achteraf met \(mentor)"
        case nil: "leer het van \(mentor)"
        }
    }
}

/// Two rounds of the same team side by side: the competency means then and now.
public struct TeamProgress: Sendable {
    public struct Change: Sendable, Hashable {
        public let competency: Competency
        public let before: Double?
        public let after: Double?
        public var change: Double? { before.flatMap { b in after.map { $0 - b } } }
    }

    public let changes: [Change]

    public init(before: TeamAnalysis, after: TeamAnalysis) {
        changes = after.competencies.map { now in
            Change(
                competency: now.competency,
                before: before.competencies.first { $0.competency.id == now.competency.id }?.mean, after: now.mean)
        }
    }
}

/// Colleagues in a fixed order, and which of them has the fewest learners so far (the first of them on a tie): a
/// min-heap on (load, order) whose entries are brought up to date when they are found out of date, so that pairing
/// thousands of learners stays fast.
struct LeastLoaded {
    private var heap: [(load: Int, index: Int)]

    init(_ indices: some Sequence<Int>) {
        // A sorted array is already a heap.
        heap = indices.map { (0, $0) }.sorted(by: Self.less)
    }

    /// The least loaded colleague other than `skipping`, by the loads now; nil when there is none. The chosen one
    /// stays in the heap: its load is read again next time.
    mutating func pick(loads: [Int], skipping: Int?) -> Int? {
        var setAside: [(load: Int, index: Int)] = []
        defer { for entry in setAside { push(entry) } }
        while let top = heap.first {
            if top.load != loads[top.index] {
                _ = pop()
                push((loads[top.index], top.index))
            } else if top.index == skipping {
                setAside.append(pop())
            } else {
                // Re-queued with its next load, as the caller is about to add one learner.
                _ = pop()
                push((top.load + 1, top.index))
                return top.index
            }
        }
        return nil
    }

    private static func less(_ a: (load: Int, index: Int), _ b: (load: Int, index: Int)) -> Bool {
        (a.load, a.index) < (b.load, b.index)
    }

    private mutating func push(_ entry: (load: Int, index: Int)) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func pop() -> (load: Int, index: Int) {
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && Self.less(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && Self.less(heap[right], heap[smallest]) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
