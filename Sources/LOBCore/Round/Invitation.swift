/// A scan round on a server (`lob serve`, docs/serve.md): the teamvoorzitter invites each colleague with a personal
/// link; the colleague answers through it, and his finished scan goes into the team's round under his consent.
///
/// The link's secret (the token) is never stored: only its hash is, and it is shown once, when it is made.

/// One colleague's invitation, as the store keeps it.
public struct Invitation: Sendable, Hashable {
    public let id: Int64
    public let team: String
    public let round: String
    /// Who was invited: visible to the teamvoorzitter, as the issue of who was asked is; what he answered is not.
    public let name: String
    /// The profile he scans himself against.
    public let profileID: String
    /// Seconds since 1970.
    public let createdAt: Int64
    public let expiresAt: Int64
    public let revokedAt: Int64?
    /// Set when the teamvoorzitter closed the round.
    public let closedAt: Int64?
    public let startedAt: Int64?
    public let finishedAt: Int64?

    public init(
        id: Int64, team: String, round: String, name: String, profileID: String, createdAt: Int64, expiresAt: Int64,
        revokedAt: Int64? = nil, closedAt: Int64? = nil, startedAt: Int64? = nil, finishedAt: Int64? = nil
    ) {
        self.id = id
        self.team = team
        self.round = round
        self.name = name
        self.profileID = profileID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.closedAt = closedAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// Whether the link still opens the scan, and if not, why.
    public enum LinkState: String, Sendable, Hashable {
        case active, expired, revoked, closed
    }

    public func linkState(now: Int64) -> LinkState {
        if closedAt != nil { return .closed }
        if revokedAt != nil { return .revoked }
        return now >= expiresAt ? .expired : .active
    }
}

/// What a personal link opens (a colleague's invitation, a rater's): found by the hash of its token, valid or not.
public protocol PersonalLink {
    var tokenHash: String { get }
    func linkState(now: Int64) -> Invitation.LinkState
}

/// What the colleague's link holds beside the invitation: his answers so far, his finished scan, and the token that
/// state-changing requests must carry (CSRF).
public struct InvitationRecord: Sendable, Hashable, PersonalLink {
    public let invitation: Invitation
    /// The hash of the link's token, which the store found it by: compared again in constant time.
    public let tokenHash: String
    public let csrf: String
    /// The form's state as the browser last saved it (JSON), nil before the first answer.
    public let draft: String?
    /// The finished scan as a scan file (docs/scan-file.md), nil until he hands it in.
    public let scan: String?

    public func linkState(now: Int64) -> Invitation.LinkState { invitation.linkState(now: now) }

    public init(invitation: Invitation, tokenHash: String, csrf: String, draft: String?, scan: String?) {
        self.invitation = invitation
        self.tokenHash = tokenHash
        self.csrf = csrf
        self.draft = draft
        self.scan = scan
    }
}

/// How many of a round's invitations were started and finished: what the dashboard shows, never who chose what.
public struct RoundProgress: Sendable, Hashable {
    public let team: String
    public let round: String
    public let invited: Int
    public let started: Int
    public let finished: Int
    public let closed: Bool

    public init(team: String, round: String, invited: Int, started: Int, finished: Int, closed: Bool) {
        self.team = team
        self.round = round
        self.invited = invited
        self.started = started
        self.finished = finished
        self.closed = closed
    }

    /// Per round, in the order of the invitations' first creation.
    public static func of(_ invitations: [Invitation]) -> [RoundProgress] {
        var order: [String] = []
        var byRound: [String: [Invitation]] = [:]
        for invitation in invitations.sorted(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) {
            if byRound[invitation.round] == nil { order.append(invitation.round) }
            byRound[invitation.round, default: []].append(invitation)
        }
        return order.map { round in
            let all = byRound[round]!
            return RoundProgress(
                team: all[0].team, round: round, invited: all.count, started: all.filter { $0.startedAt != nil }.count,
                finished: all.filter { $0.finishedAt != nil }.count, closed: all.allSatisfy { $0.closedAt != nil })
        }
    }
}

/// A teamvoorzitter's login to the dashboard: one team. The password is stored only as a slow hash (bcrypt).
public struct DashboardAccount: Sendable, Hashable {
    public let id: Int64
    public let login: String
    public let team: String
    public let passwordHash: String

    public init(id: Int64, login: String, team: String, passwordHash: String) {
        self.id = id
        self.login = login
        self.team = team
        self.passwordHash = passwordHash
    }
}

/// A rater's link for 360° feedback (docs/feedback.md): about whom, as which group, on which profile. It names no
/// rater: who was asked is known only from the list of links shown once; the store keeps how many were asked and
/// answered.
public struct FeedbackInvitation: Sendable, Hashable {
    public let id: Int64
    public let team: String
    /// The teacher rated.
    public let subject: String
    public let group: RaterGroup
    public let profileID: String
    public let createdAt: Int64
    public let expiresAt: Int64
    public let revokedAt: Int64?
    public let answeredAt: Int64?

    public init(
        id: Int64, team: String, subject: String, group: RaterGroup, profileID: String, createdAt: Int64,
        expiresAt: Int64, revokedAt: Int64? = nil, answeredAt: Int64? = nil
    ) {
        self.id = id
        self.team = team
        self.subject = subject
        self.group = group
        self.profileID = profileID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.answeredAt = answeredAt
    }

    public func linkState(now: Int64) -> Invitation.LinkState {
        if revokedAt != nil { return .revoked }
        return now >= expiresAt ? .expired : .active
    }
}

/// A rater's link with what it carries: the CSRF token and his answers so far (until he hands them in).
public struct FeedbackInvitationRecord: Sendable, Hashable, PersonalLink {
    public let invitation: FeedbackInvitation
    public let tokenHash: String
    public let csrf: String
    public let draft: String?

    public func linkState(now: Int64) -> Invitation.LinkState { invitation.linkState(now: now) }

    public init(invitation: FeedbackInvitation, tokenHash: String, csrf: String, draft: String?) {
        self.invitation = invitation
        self.tokenHash = tokenHash
        self.csrf = csrf
        self.draft = draft
    }
}

/// How many raters were asked about a teacher and how many answered, per group: what the dashboard shows.
public struct FeedbackProgress: Sendable, Hashable {
    public let subject: String
    public let group: RaterGroup
    public let asked: Int
    public let answered: Int

    public init(subject: String, group: RaterGroup, asked: Int, answered: Int) {
        self.subject = subject
        self.group = group
        self.asked = asked
        self.answered = answered
    }

    public static func of(_ invitations: [FeedbackInvitation]) -> [FeedbackProgress] {
        let groups = Dictionary(grouping: invitations) {
            "\(PrivacyRule.memberKey($0.subject))\u{1}\($0.group.rawValue)"
        }
        return groups.values.map { list in
            FeedbackProgress(
                subject: list[0].subject, group: list[0].group, asked: list.count,
                answered: list.filter { $0.answeredAt != nil }.count)
        }.sorted { ($0.subject, $0.group.rawValue) < ($1.subject, $1.group.rawValue) }
    }
}
