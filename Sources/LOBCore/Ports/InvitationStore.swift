/// Where a server keeps its scan rounds' invitations, the dashboard's accounts and their sessions (`lob serve`).
/// Secrets arrive hashed: the store never sees a link's token or a session's cookie, nor a password.
public protocol InvitationStore: Sendable {
    /// Makes invitations in one transaction; returns their ids in order.
    func createInvitations(_ invitations: [NewInvitation]) async throws -> [Int64]
    /// The invitation whose token has this hash, with its answers.
    func invitation(tokenHash: String) async throws -> InvitationRecord?
    func invitation(id: Int64) async throws -> InvitationRecord?
    /// A team's invitations, oldest first.
    func invitations(team: String) async throws -> [Invitation]
    /// Keeps the form's state (one answer more); marks the invitation started.
    func saveDraft(id: Int64, draft: String, at: Int64) async throws
    /// Marks the invitation as being handed in, once: false when it was already (two hand-ins sent at once), and
    /// nothing changes.
    func beginHandIn(id: Int64, at: Int64) async throws -> Bool
    /// Undoes `beginHandIn` when handing in failed.
    func cancelHandIn(id: Int64) async throws
    /// Marks the invitation handed in with the id of his scan (kept by the `ScanStore`), and forgets its draft; the
    /// browsers bound to his link stay valid until at least `keepUntil` (his logbook lives behind them), never
    /// shorter than they were. The link's own expiry does not change.
    func finish(id: Int64, scanID: Int64, at: Int64, keepUntil: Int64) async throws
    /// Forgets his answers and deletes his handed-in scan (the invitation stays, so that his link opens an empty
    /// scan); his code and browsers stay.
    func clearAnswers(id: Int64) async throws
    /// Invitations whose scan was handed in before scans had one home: kept as the scan file's text, to be moved.
    func legacyHandIns() async throws -> [InvitationRecord]
    /// Binds an unclaimed link to its colleague: his code's slow hash and his first browser, in one transaction.
    /// False, and nothing changes, when the link was claimed already.
    func claim(id: Int64, codeHash: String, device: LinkDevice, at: Int64) async throws -> Bool
    /// Another browser of a colleague who gave his code.
    func addDevice(_ device: LinkDevice) async throws
    /// The browser whose cookie has this hash, bound to this invitation and not expired.
    func device(tokenHash: String, invitationID: Int64, now: Int64) async throws -> LinkDevice?
    /// The invitation whose token has this hash, with the browser whose cookie has `deviceHash` when it is bound to
    /// it and not expired: what every request of an opened link asks, in one question where the database can.
    func invitation(
        tokenHash: String, deviceHash: String, now: Int64
    ) async throws -> (record: InvitationRecord, device: LinkDevice?)?
    /// Forgets everything of the colleague on this link, in one transaction: answers, handed-in scan, code and
    /// browsers; the link opens an empty, unclaimed scan. What the team's round counts of him stays.
    func restart(id: Int64) async throws
    /// A new link for an invitation: the old token stops working, and the new one starts as `restart` leaves a link
    /// (it never carries a draft, a handed-in scan or a claim over).
    func replaceToken(id: Int64, tokenHash: String, csrf: String, expiresAt: Int64) async throws
    func revoke(id: Int64, at: Int64) async throws
    /// Closes every invitation of a round.
    func closeRound(team: String, round: String, at: Int64) async throws

    /// Makes a request for feedback and its raters' links in one transaction; returns the links' ids.
    func createFeedbackRequest(_ request: NewFeedbackRequest, links: [NewFeedbackLink]) async throws -> [Int64]
    /// A team's requests, oldest first, with how many were asked and answered.
    func feedbackRequests(team: String) async throws -> [FeedbackRequest]
    /// The unanswered rater's link whose token has this hash.
    func feedbackInvitation(tokenHash: String) async throws -> FeedbackInvitationRecord?
    /// Binds a rater's link to the browser that opened it first: false, and nothing changes, when it was bound.
    func bindRater(id: Int64, deviceHash: String) async throws -> Bool
    func saveFeedbackDraft(id: Int64, draft: String) async throws
    /// In one transaction: the link is forgotten (false when it was already, and nothing is stored), its request
    /// counts one answer more, and the response is stored as `FeedbackStore.importFeedback` stores it, under the
    /// link's request, deciding the rule again for the colleague rated.
    func answerFeedback(
        id: Int64, response: FeedbackResponse,
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> Bool
    /// Undoes a request of a team, in one transaction: its links and its responses are deleted and the rule is
    /// decided again for the colleague rated. False when the team has no such request.
    func withdrawFeedbackRequest(
        id: Int64, team: String, at: Int64,
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> Bool

    func createAccount(login: String, team: String, passwordHash: String) async throws
    func account(login: String) async throws -> DashboardAccount?
    func createSession(tokenHash: String, accountID: Int64, csrf: String, expiresAt: Int64) async throws
    /// The account and CSRF token of a session that has not expired.
    func session(tokenHash: String, now: Int64) async throws -> (account: DashboardAccount, csrf: String)?
    func deleteSession(tokenHash: String) async throws

    /// Counts one failed attempt against every key (a password, a personal code, a guessed link), in one
    /// transaction, unless one of them has `limit` attempts after `now - window` already: then false, and nothing is
    /// counted. A slow check is counted before it runs and refunded when it succeeds. Kept in the database, so that
    /// every server behind a proxy counts the same attempts and a restart forgets none; older attempts go as new
    /// ones come.
    func reserveAttempt(_ keys: [AttemptKey], now: Int64, window: Int64) async throws -> Bool
    /// Takes back the attempt counted at `now` for each key: the check succeeded.
    func refundAttempt(_ keys: [AttemptKey], now: Int64) async throws

    /// Throws when the database does not answer a trivial query: a proxy's health check.
    func ping() async throws
}

extension InvitationStore {
    /// `invitation(tokenHash:deviceHash:now:)` as two questions, for a store where a question costs no trip.
    public func invitationAndDevice(
        tokenHash: String, deviceHash: String, now: Int64
    ) async throws -> (record: InvitationRecord, device: LinkDevice?)? {
        guard let record = try await invitation(tokenHash: tokenHash) else { return nil }
        return (record, try await device(tokenHash: deviceHash, invitationID: record.invitation.id, now: now))
    }
}

/// What failed attempts are counted by (a client's address, a login, a link) and how many it may have in the window.
public struct AttemptKey: Sendable, Hashable {
    public let name: String
    public let limit: Int

    public init(name: String, limit: Int) {
        self.name = name
        self.limit = limit
    }
}

/// An invitation to make: the token only as its hash.
public struct NewInvitation: Sendable, Hashable {
    public let team: String
    public let round: String
    public let name: String
    public let profileID: String
    public let tokenHash: String
    public let csrf: String
    public let createdAt: Int64
    public let expiresAt: Int64
    public let address: String?

    public init(
        team: String, round: String, name: String, profileID: String, tokenHash: String, csrf: String,
        createdAt: Int64, expiresAt: Int64, address: String? = nil
    ) {
        self.address = address
        self.team = team
        self.round = round
        self.name = name
        self.profileID = profileID
        self.tokenHash = tokenHash
        self.csrf = csrf
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
