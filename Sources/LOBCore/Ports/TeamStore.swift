/// What importing one scan into a team's round did.
public enum TeamImportOutcome: String, Sendable, Hashable {
    /// A new scan, now the teacher's current one in the round.
    case added
    /// A newer scan that replaced the teacher's earlier one; the earlier one is kept as history.
    case replaced
    /// Older than the teacher's current scan in the round: kept as history only.
    case history
    /// Imported before: nothing changed.
    case unchanged
    /// Consent `prive`, and nothing newer of the teacher's to withdraw: not stored at all.
    case skippedPrivate
    /// Consent `prive`, newer than what the team kept of the teacher: every scan of his in the team is deleted.
    case withdrawn
    /// Not newer than a private scan that withdrew the teacher's scans: not stored.
    case olderThanWithdrawal
}

public struct TeamSummary: Sendable, Hashable {
    public let name: String
    public let privacyThreshold: Int
    /// Teachers with a current scan in any round.
    public let members: Int
    /// Oldest first.
    public let rounds: [String]

    public init(name: String, privacyThreshold: Int, members: Int, rounds: [String]) {
        self.name = name
        self.privacyThreshold = privacyThreshold
        self.members = members
        self.rounds = rounds
    }
}

/// A member of a team as the store knows him: by name only when his latest scan was shared by name.
public struct TeamMember: Sendable, Hashable {
    /// Nil when he shared anonymously.
    public let teacher: String?
    /// The consent of his latest scan.
    public let consent: Consent
    /// Rounds with a current scan of his, oldest first.
    public let rounds: [String]

    public init(teacher: String?, consent: Consent, rounds: [String]) {
        self.teacher = teacher
        self.consent = consent
        self.rounds = rounds
    }
}

extension TeamMember {
    /// The members of a team from its current scans, oldest first (by round, then by scan): one per teacher key, in
    /// the order they first came, his latest scan's consent deciding whether his name shows.
    public static func members(
        fromOldestFirst scans: [(key: String, teacher: String?, consent: String, round: String)]
    ) -> [TeamMember] {
        var order: [String] = []
        var latest: [String: (teacher: String?, consent: String, rounds: [String])] = [:]
        for scan in scans {
            if latest[scan.key] == nil { order.append(scan.key) }
            latest[scan.key] = (scan.teacher, scan.consent, (latest[scan.key]?.rounds ?? []) + [scan.round])
        }
        return order.map { key in
            let member = latest[key]!
            let consent = Consent(rawValue: member.consent) ?? .anoniem
            return TeamMember(
                teacher: consent == .metNaam ? member.teacher : nil, consent: consent, rounds: member.rounds)
        }
    }
}

/// One round of a team as every team view reads it: the current scans and what the privacy rule released of them.
public struct TeamRoundData: Sendable {
    public let team: String
    public let round: String
    public let threshold: Int
    public let members: [TeamMemberScan]
    /// The store's latest release for the round; nil when it keeps none (then the rule is applied afresh).
    public let release: PrivacyRule.Release?

    public init(team: String, round: String, threshold: Int, members: [TeamMemberScan], release: PrivacyRule.Release?) {
        self.team = team
        self.round = round
        self.threshold = threshold
        self.members = members
        self.release = release
    }

    public func analysis(catalogue: Catalogue = .standard) -> TeamAnalysis {
        TeamAnalysis(members: members, threshold: threshold, release: release, catalogue: catalogue)
    }
}

/// Where the teams' imported scans are kept (the teamvoorzitter's or the school's database). The embedded SQLite
/// database implements it; a school's server database (PostgreSQL) could too. Every write is one transaction.
public protocol TeamStore: Sendable {
    /// Imports scans into a team's round in one transaction, creating the team and round if needed; one outcome
    /// per scan, in order.
    func importScans(_ scans: [TeamMemberScan], team: String, round: String) async throws -> [TeamImportOutcome]
    func teams() async throws -> [TeamSummary]
    /// One team, nil when there is none by that name.
    func team(_ name: String) async throws -> TeamSummary?
    /// Every teacher with a current scan in the team (none when there is no such team); the caller decides what to
    /// show of whom.
    func members(team: String) async throws -> [TeamMember]
    /// Removes a teacher's scans (current and history) from a team; returns how many.
    func removeMember(team: String, teacher: String) async throws -> Int
    /// Removes a teacher's scans (current and history) from one round of a team; returns how many.
    func removeScans(team: String, round: String, teacher: String) async throws -> Int
    /// Rounds, oldest first (by the latest scan date in each); none when there is no such team.
    func rounds(team: String) async throws -> [String]
    /// The current scan of every teacher in a round. Anonymous scans carry a pseudonym, never a name.
    func currentScans(team: String, round: String) async throws -> [TeamMemberScan]
    /// A round with its current scans and the release the privacy rule made of them after the last change; nil when
    /// the team has no such round.
    func round(team: String, round: String) async throws -> TeamRoundData?
    /// Sets the team's threshold (the application checks its range); false when there is no such team.
    func setPrivacyThreshold(team: String, threshold: Int) async throws -> Bool
    /// Every team's latest round (or the round with that label, for the teams that have one), by team name: what the
    /// board and the school's budget work on. A store may read them all at once (`roundsOneByOne` reads them as
    /// `round(team:round:)` does, one team at a time).
    func boardRounds(label: String?) async throws -> [TeamRoundData]
}

extension TeamStore {
    public func boardRounds() async throws -> [TeamRoundData] { try await boardRounds(label: nil) }

    /// `boardRounds` through `teams()` and `round(team:round:)`: what a store on one file does, where a query costs
    /// no trip over a network.
    public func roundsOneByOne(label: String?) async throws -> [TeamRoundData] {
        var rounds: [TeamRoundData] = []
        for team in try await teams() {
            guard let round = label.map({ team.rounds.contains($0) ? $0 : nil }) ?? team.rounds.last,
                let data = try await self.round(team: team.name, round: round)
            else { continue }
            rounds.append(data)
        }
        return rounds
    }
}
