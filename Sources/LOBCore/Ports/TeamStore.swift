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
    /// Consent `prive`: the teacher does not share it, so it is not stored at all.
    case skippedPrivate
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

/// The counts behind a team's per-behaviour aggregate, as a database can sum them without loading every score.
public struct TeamBehaviourCounts: Sendable, Hashable {
    public let team: String
    public let privacyThreshold: Int
    public let round: String
    public let behaviour: Behaviour.ID
    public let competency: Competency.ID
    /// Respondents, the sum of their scores, how many at levels 1…4, and how many at or above their target.
    public let n: Int
    public let sum: Int
    public let distribution: [Int]
    public let atOrAboveTarget: Int

    public init(team: String, privacyThreshold: Int, round: String, behaviour: Behaviour.ID, competency: Competency.ID,
                n: Int, sum: Int, distribution: [Int], atOrAboveTarget: Int) {
        self.team = team
        self.privacyThreshold = privacyThreshold
        self.round = round
        self.behaviour = behaviour
        self.competency = competency
        self.n = n
        self.sum = sum
        self.distribution = distribution
        self.atOrAboveTarget = atOrAboveTarget
    }
}

/// Where the teams' imported scans are kept (the teamvoorzitter's or the school's database). The embedded SQLite
/// database implements it; a school's server database (PostgreSQL) could too. Every write is one transaction.
public protocol TeamStore: Sendable {
    /// Imports scans into a team's round in one transaction, creating the team and round if needed; one outcome
    /// per scan, in order.
    func importScans(_ scans: [TeamMemberScan], team: String, round: String) throws -> [TeamImportOutcome]
    func teams() throws -> [TeamSummary]
    /// One team, nil when there is none by that name.
    func team(_ name: String) throws -> TeamSummary?
    /// Every teacher with a current scan in the team; the caller decides what to show of whom.
    func members(team: String) throws -> [TeamMember]
    /// Removes a teacher's scans (current and history) from a team; returns how many.
    func removeMember(team: String, teacher: String) throws -> Int
    /// Rounds, oldest first (by the latest scan date in each).
    func rounds(team: String) throws -> [String]
    /// The current scan of every teacher in a round. Anonymous scans carry a pseudonym, never a name.
    func currentScans(team: String, round: String) throws -> [TeamMemberScan]
    func setPrivacyThreshold(team: String, threshold: Int) throws
    /// Per team and behaviour, the counts over the current scans of each team's latest round (or of `round`).
    func boardCounts(round: String?) throws -> [TeamBehaviourCounts]
}

extension TeamStore {
    /// Every team's latest round with its current scans: what the school's budget works on.
    public func latestRounds() throws -> [TrainingNeed.TeamRoundInput] {
        try teams().compactMap { team in
            guard let round = team.rounds.last else { return nil }
            return TrainingNeed.TeamRoundInput(team: team.name, threshold: team.privacyThreshold,
                                               members: try currentScans(team: team.name, round: round))
        }
    }
}
