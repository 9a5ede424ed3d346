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
    /// Where his link is mailed, when the list gave an address (a new link goes there too).
    public let address: String?

    public init(
        id: Int64, team: String, round: String, name: String, profileID: String, createdAt: Int64, expiresAt: Int64,
        revokedAt: Int64? = nil, closedAt: Int64? = nil, startedAt: Int64? = nil, finishedAt: Int64? = nil,
        address: String? = nil
    ) {
        self.address = address
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

/// What the colleague's link holds beside the invitation: his answers so far, his finished scan, the slow hash of
/// the personal code he chose when he claimed the link, and the token that the claim and unlock forms carry (CSRF).
///
/// Whoever opens a round holds every link; so once a colleague has claimed his link, the link alone opens nothing of
/// his: only a browser he bound to it (`LinkDevice`) or his code does.
public struct InvitationRecord: Sendable, Hashable, PersonalLink {
    public let invitation: Invitation
    /// The hash of the link's token, which the store found it by: compared again in constant time.
    public let tokenHash: String
    /// For the forms before the link is opened (claiming it, unlocking it, starting again); an opened link's own
    /// requests carry the browser's token instead.
    public let csrf: String
    /// The form's state as the browser last saved it (JSON), nil before the first answer.
    public let draft: String?
    /// His handed-in scan, kept among the scans; nil until he hands it in.
    public let scanID: Int64?
    /// A scan handed in before scans had one home, as its scan file's text (docs/scan-file.md); `lob serve` moves it
    /// among the scans when it starts.
    public let legacyScan: String?
    /// The slow hash of his personal code; nil while nobody has claimed the link. An empty hash matches no code (a
    /// link whose answers were on the server before links could be claimed).
    public let codeHash: String?

    public var isClaimed: Bool { codeHash != nil }

    public var isHandedIn: Bool { scanID != nil || legacyScan != nil }

    public func linkState(now: Int64) -> Invitation.LinkState { invitation.linkState(now: now) }

    public init(
        invitation: Invitation, tokenHash: String, csrf: String, draft: String?, scanID: Int64?,
        legacyScan: String? = nil, codeHash: String? = nil
    ) {
        self.invitation = invitation
        self.tokenHash = tokenHash
        self.csrf = csrf
        self.draft = draft
        self.scanID = scanID
        self.legacyScan = legacyScan
        self.codeHash = codeHash
    }
}

/// A browser a colleague bound to his claimed link: its cookie only as a hash, and the CSRF token of its requests.
public struct LinkDevice: Sendable, Hashable {
    public let tokenHash: String
    public let invitationID: Int64
    public let csrf: String
    /// Seconds since 1970: when the cookie stops opening the link.
    public let expiresAt: Int64

    public init(tokenHash: String, invitationID: Int64, csrf: String, expiresAt: Int64) {
        self.tokenHash = tokenHash
        self.invitationID = invitationID
        self.csrf = csrf
        self.expiresAt = expiresAt
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

/// A request for 360° feedback about one colleague of a round (docs/feedback.md): about whom (his invitation, so
/// another team's request can never reach his report), as which group, on his profile; how many raters were asked
/// and how many answered. It names no rater: who was asked is known only from the list of links shown once.
public struct FeedbackRequest: Sendable, Hashable {
    public let id: Int64
    public let team: String
    public let round: String
    /// The colleague rated: his invitation, nil for a request made before requests were bound to one.
    public let invitationID: Int64?
    public let subject: String
    public let group: RaterGroup
    public let profileID: String
    public let asked: Int
    public let answered: Int
    public let createdAt: Int64
    /// Set when the request was undone: its links and its responses are gone.
    public let withdrawnAt: Int64?
    /// The first feedback, or the follow-up on the colleague's goal behaviours only (level 3).
    public let moment: FeedbackMoment

    public init(
        id: Int64, team: String, round: String, invitationID: Int64?, subject: String, group: RaterGroup,
        profileID: String, asked: Int, answered: Int, createdAt: Int64, withdrawnAt: Int64? = nil,
        moment: FeedbackMoment = .nulmeting
    ) {
        self.moment = moment
        self.id = id
        self.team = team
        self.round = round
        self.invitationID = invitationID
        self.subject = subject
        self.group = group
        self.profileID = profileID
        self.asked = asked
        self.answered = answered
        self.createdAt = createdAt
        self.withdrawnAt = withdrawnAt
    }
}

/// A rater's link that has not been answered yet (an answered link is forgotten: nothing ties a response to it).
public struct FeedbackInvitation: Sendable, Hashable {
    public let id: Int64
    public let request: FeedbackRequest
    public let expiresAt: Int64

    public init(id: Int64, request: FeedbackRequest, expiresAt: Int64) {
        self.id = id
        self.request = request
        self.expiresAt = expiresAt
    }

    public var subject: String { request.subject }
    public var group: RaterGroup { request.group }
    public var profileID: String { request.profileID }

    public func linkState(now: Int64) -> Invitation.LinkState {
        if request.withdrawnAt != nil { return .revoked }
        return now >= expiresAt ? .expired : .active
    }
}

/// A rater's link with what it carries: the CSRF token, the browser it is bound to on first use (only as its
/// cookie's hash), and his answers so far.
public struct FeedbackInvitationRecord: Sendable, Hashable, PersonalLink {
    public let invitation: FeedbackInvitation
    public let tokenHash: String
    public let csrf: String
    /// nil until a browser opens the link; an empty hash matches no browser.
    public let deviceHash: String?
    public let draft: String?

    public func linkState(now: Int64) -> Invitation.LinkState { invitation.linkState(now: now) }

    public init(
        invitation: FeedbackInvitation, tokenHash: String, csrf: String, deviceHash: String? = nil, draft: String?
    ) {
        self.invitation = invitation
        self.tokenHash = tokenHash
        self.csrf = csrf
        self.deviceHash = deviceHash
        self.draft = draft
    }
}

/// A request for feedback to make: about one colleague's invitation, with one link per rater (tokens only as hashes).
public struct NewFeedbackRequest: Sendable, Hashable {
    public let team: String
    public let round: String
    public let invitationID: Int64
    public let subject: String
    public let group: RaterGroup
    public let profileID: String
    public let createdAt: Int64
    public let moment: FeedbackMoment

    public init(
        team: String, round: String, invitationID: Int64, subject: String, group: RaterGroup, profileID: String,
        createdAt: Int64, moment: FeedbackMoment = .nulmeting
    ) {
        self.moment = moment
        self.team = team
        self.round = round
        self.invitationID = invitationID
        self.subject = subject
        self.group = group
        self.profileID = profileID
        self.createdAt = createdAt
    }
}

/// One rater's link of a new request.
public struct NewFeedbackLink: Sendable, Hashable {
    public let tokenHash: String
    public let csrf: String
    public let expiresAt: Int64

    public init(tokenHash: String, csrf: String, expiresAt: Int64) {
        self.tokenHash = tokenHash
        self.csrf = csrf
        self.expiresAt = expiresAt
    }
}
