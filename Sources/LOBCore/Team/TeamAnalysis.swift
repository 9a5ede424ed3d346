/// Where a team stands, with the privacy its members agreed to: only scans shared anonymously or by name count,
/// names appear only for consent by name, and no figure about fewer people than the threshold is shown.
public struct TeamAnalysis: Sendable {
    /// The threshold may be set per team, never below this.
    public static let minimumThreshold = 3

    public struct BehaviourAggregate: Sendable, Hashable {
        public let behaviour: Behaviour
        /// Respondents who answered it.
        public let n: Int
        /// Nil when withheld.
        public let mean: Double?
        /// Counts for levels 1…4; empty when withheld.
        public let distribution: [Int]
        public let atOrAboveTarget: Int?
        /// Mean over respondents of gap × weight; nil when withheld.
        public let priority: Double?
        public var withheld: Bool { mean == nil }
    }

    public struct CompetencyAggregate: Sendable, Hashable {
        public let competency: Competency
        public let n: Int
        public let mean: Double?
        public let atOrAboveTarget: Int?
        public var withheld: Bool { mean == nil }
    }

    /// One column of the heatmap: a named member, or an anonymous one labelled without order of import.
    public struct Column: Sendable, Hashable {
        public let label: String
        public let named: Bool
        public let scores: [Behaviour.ID: Int]
        public let targets: [Behaviour.ID: Int]
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
        /// Named learners paired with a named colleague who masters it.
        public let pairs: [Pair]
        /// Colleagues who master it and agreed to be named.
        public let mentors: [String]
        /// Anonymous learners, only when at least the threshold (else nil: not shown).
        public let anonymousLearners: Int?
    }

    public let threshold: Int
    /// Scans that count: consent `anoniem` or `metNaam`.
    public let included: [TeamMemberScan]
    /// How many scans were left out for consent `prive` (they should never reach a team, but are not counted).
    public let excluded: Int
    public let behaviours: [BehaviourAggregate]
    public let competencies: [CompetencyAggregate]

    /// True when the team as a whole is below the threshold: then nothing but that fact is shown.
    public var allWithheld: Bool { included.count < threshold }

    /// Anonymous scans left out of every figure because there are fewer than the threshold of them: next to the
    /// named members' scores, which the heatmap shows, the team figures would give theirs away by subtraction.
    public let anonymousLeftOut: Int

    /// Each included scan scored against its own profile, in the order of `included`.
    public let results: [ScanResult]

    /// The threshold a team may set, raised to the minimum: every view of a team uses this.
    public static func threshold(_ requested: Int) -> Int { max(minimumThreshold, requested) }

    public init(members: [TeamMemberScan], threshold: Int, catalogue: Catalogue = .standard, scale: Scale = .standard) {
        self.threshold = Self.threshold(threshold)
        included = members.filter { $0.consent != .prive }
        excluded = members.count - included.count
        let limit = self.threshold
        let anonymousCount = included.filter { $0.consent == .anoniem }.count
        anonymousLeftOut = anonymousCount < limit ? anonymousCount : 0
        let results = included.map { member in
            let result = ScanResult(scan: member.scan, profile: member.profile, catalogue: catalogue)
            return (named: member.consent == .metNaam, result: result,
                    byID: Dictionary(result.behaviours.map { ($0.behaviour.id, $0) }, uniquingKeysWith: { first, _ in first }))
        }
        self.results = results.map(\.result)

        // Per figure: the named answers, and the anonymous ones only when there are at least `limit` of them.
        func counted<T>(_ answers: [(named: Bool, value: T)]) -> [T] {
            let anonymous = answers.filter { !$0.named }
            return answers.filter(\.named).map(\.value) + (anonymous.count >= limit ? anonymous.map(\.value) : [])
        }

        // Behaviours in catalogue order, then a school's own ones in the order they first appear.
        var order: [Behaviour] = []
        var seen = Set<Behaviour.ID>()
        for behaviour in catalogue.behaviours + results.flatMap({ $0.result.behaviours.map(\.behaviour) }) where !seen.contains(behaviour.id) {
            if results.contains(where: { $0.byID[behaviour.id] != nil }) {
                order.append(behaviour)
                seen.insert(behaviour.id)
            }
        }
        behaviours = order.map { behaviour in
            let answers = counted(results.compactMap { member in
                member.byID[behaviour.id].flatMap { $0.score == nil ? nil : (member.named, $0) }
            })
            guard answers.count >= limit else {
                return BehaviourAggregate(behaviour: behaviour, n: answers.count, mean: nil, distribution: [], atOrAboveTarget: nil, priority: nil)
            }
            let scores = answers.compactMap(\.score)
            let distribution = scale.levels.map { level in scores.filter { $0 == level.value }.count }
            return BehaviourAggregate(
                behaviour: behaviour, n: answers.count,
                mean: Double(scores.reduce(0, +)) / Double(scores.count),
                distribution: distribution,
                atOrAboveTarget: answers.filter(\.isStrength).count,
                priority: answers.compactMap(\.priority).reduce(0, +) / Double(answers.count))
        }
        competencies = catalogue.competencies.compactMap { competency in
            guard results.contains(where: { $0.result.competencies.contains { $0.competency.id == competency.id } }) else { return nil }
            let scored = counted(results.compactMap { member in
                member.result.competencies.first { $0.competency.id == competency.id && $0.mean != nil }.map { (member.named, $0) }
            })
            guard scored.count >= limit else { return CompetencyAggregate(competency: competency, n: scored.count, mean: nil, atOrAboveTarget: nil) }
            let means = scored.compactMap(\.mean)
            return CompetencyAggregate(competency: competency, n: scored.count, mean: means.reduce(0, +) / Double(means.count),
                                       atOrAboveTarget: scored.filter { ($0.gap ?? 1) == 0 }.count)
        }
    }

    /// The scans behind the figures, with their results: the named ones, and the anonymous ones unless they were too few.
    public var countedResults: [(member: TeamMemberScan, result: ScanResult)] {
        zip(included, results).filter { $0.0.consent == .metNaam || anonymousLeftOut == 0 }.map { (member: $0.0, result: $0.1) }
    }

    public var counted: [TeamMemberScan] { countedResults.map(\.member) }

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

    /// Named members by name; anonymous members as "anoniem 1…k" in an order that does not follow the import,
    /// and only when there are at least `threshold` of them (fewer could be told apart by elimination).
    public var heatmapColumns: [Column] {
        guard !allWithheld else { return [] }
        let scored = zip(included, results)
        let named = scored.filter { $0.0.consent == .metNaam }.sorted { $0.0.teacher < $1.0.teacher }
        let anonymous = scored.filter { $0.0.consent == .anoniem }.sorted { $0.0.fingerprint < $1.0.fingerprint }
        var columns = named.map { member, result in
            Column(label: member.teacher, named: true, scores: member.scores, targets: Self.targets(result))
        }
        if anonymous.count >= threshold {
            columns += anonymous.enumerated().map { index, entry in
                Column(label: "anoniem \(index + 1)", named: false, scores: entry.0.scores, targets: Self.targets(entry.1))
            }
        }
        return columns
    }

    /// Anonymous members left out of the heatmap because there are fewer than the threshold.
    public var hiddenAnonymousColumns: Int { allWithheld ? 0 : anonymousLeftOut }

    /// The target of every answered behaviour, as the member's scan result has it.
    private static func targets(_ result: ScanResult) -> [Behaviour.ID: Int] {
        Dictionary(result.behaviours.filter { $0.score != nil }.map { ($0.behaviour.id, $0.target) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: - Peer learning

    /// For each behaviour where someone has a development point and a named colleague masters it.
    public var peerLearning: [PeerLearning] {
        guard !allWithheld else { return [] }
        let named = included.filter { $0.consent == .metNaam }
        return behaviours.compactMap { aggregate in
            let id = aggregate.behaviour.id
            func target(_ member: TeamMemberScan) -> Int { member.profile.target(for: aggregate.behaviour) }
            let learners = included.filter { member in member.scores[id].map { $0 < target(member) } ?? false }
            // Masters: named, at or above target; those who can teach it (the scale's top) first.
            let masters = named.filter { member in member.scores[id].map { $0 >= target(member) } ?? false }
                .sorted { ($0.scores[id] ?? 0, $1.teacher) > ($1.scores[id] ?? 0, $0.teacher) }
            guard !learners.isEmpty, !masters.isEmpty else { return nil }
            // Prefer a colleague who learns the same way (two who like to practise, practise together), then the one
            // with the fewest learners so far, so that one strong colleague is not asked by everyone.
            var load: [String: Int] = [:]
            let pairs: [PeerLearning.Pair] = learners.filter { $0.consent == .metNaam }.sorted { $0.teacher < $1.teacher }.compactMap { learner in
                let candidates = masters.filter { $0.teacher != learner.teacher }
                let same = candidates.filter { learner.learningPreference != nil && $0.learningPreference == learner.learningPreference }
                let pool = same.isEmpty ? candidates : same
                guard let mentor = pool.min(by: { (load[$0.teacher] ?? 0) < (load[$1.teacher] ?? 0) }) else { return nil }
                load[mentor.teacher, default: 0] += 1
                return PeerLearning.Pair(learner: learner.teacher, preference: learner.learningPreference, mentor: mentor.teacher,
                                         how: Self.how(learner.learningPreference, mentor: mentor.teacher))
            }
            let anonymous = learners.filter { $0.consent == .anoniem }.count
            return PeerLearning(behaviour: aggregate.behaviour, pairs: pairs, mentors: masters.map(\.teacher),
                                anonymousLearners: anonymous >= threshold ? anonymous : nil)
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
            Change(competency: now.competency, before: before.competencies.first { $0.competency.id == now.competency.id }?.mean, after: now.mean)
        }
    }
}
