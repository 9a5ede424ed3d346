/// Where a server keeps its scan rounds' invitations, the dashboard's accounts and their sessions (`lob serve`).
/// Secrets arrive hashed: the store never sees a link's token or a session's cookie, nor a password.
public protocol InvitationStore: Sendable {
    /// Makes invitations in one transaction; returns their ids in order.
    func createInvitations(_ invitations: [NewInvitation]) throws -> [Int64]
    /// The invitation whose token has this hash, with its answers.
    func invitation(tokenHash: String) throws -> InvitationRecord?
    func invitation(id: Int64) throws -> InvitationRecord?
    /// A team's invitations, oldest first.
    func invitations(team: String) throws -> [Invitation]
    /// Keeps the form's state (one answer more); marks the invitation started.
    func saveDraft(id: Int64, draft: String, at: Int64) throws
    /// Keeps the finished scan and marks the invitation finished.
    func finish(id: Int64, scan: String, at: Int64) throws
    /// Forgets his answers and his finished scan (the invitation stays, so that his link opens an empty scan).
    func clearAnswers(id: Int64) throws
    /// A new link for an invitation: the old token stops working.
    func replaceToken(id: Int64, tokenHash: String, csrf: String, expiresAt: Int64) throws
    func revoke(id: Int64, at: Int64) throws
    /// Closes every invitation of a round.
    func closeRound(team: String, round: String, at: Int64) throws

    /// Makes raters' links in one transaction; returns their ids.
    func createFeedbackInvitations(_ invitations: [NewFeedbackInvitation]) throws -> [Int64]
    func feedbackInvitation(tokenHash: String) throws -> FeedbackInvitationRecord?
    /// A team's raters' links, oldest first.
    func feedbackInvitations(team: String) throws -> [FeedbackInvitation]
    func saveFeedbackDraft(id: Int64, draft: String) throws
    /// In one transaction: the link is marked answered (false when it was already, and nothing is stored), its draft
    /// forgotten, and the response stored as `FeedbackStore.importFeedback` stores it, deciding the rule again.
    func answerFeedback(
        id: Int64, response: FeedbackResponse, at: Int64,
        release: ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) throws -> Bool
    func revokeFeedbackInvitation(id: Int64, at: Int64) throws

    func createAccount(login: String, team: String, passwordHash: String) throws
    func account(login: String) throws -> DashboardAccount?
    func createSession(tokenHash: String, accountID: Int64, csrf: String, expiresAt: Int64) throws
    /// The account and CSRF token of a session that has not expired.
    func session(tokenHash: String, now: Int64) throws -> (account: DashboardAccount, csrf: String)?
    func deleteSession(tokenHash: String) throws
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

    public init(
        team: String, round: String, name: String, profileID: String, tokenHash: String, csrf: String,
        createdAt: Int64, expiresAt: Int64
    ) {
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

/// A rater's link to make: the token only as its hash, and no rater's name.
public struct NewFeedbackInvitation: Sendable, Hashable {
    public let team: String
    public let subject: String
    public let group: RaterGroup
    public let profileID: String
    public let tokenHash: String
    public let csrf: String
    public let createdAt: Int64
    public let expiresAt: Int64

    public init(
        team: String, subject: String, group: RaterGroup, profileID: String, tokenHash: String, csrf: String,
        createdAt: Int64, expiresAt: Int64
    ) {
        self.team = team
        self.subject = subject
        self.group = group
        self.profileID = profileID
        self.tokenHash = tokenHash
        self.csrf = csrf
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
