/// Where 360° feedback is kept: the responses about each teacher (no rater's name), and for each teacher and profile
/// the releases of the privacy rule, so that every later view is checked against every earlier one.
public protocol FeedbackStore: Sendable {
    /// Stores responses in one transaction: true for a new one, false for one stored already (the same id). After
    /// storing, `release` decides again for every teacher and profile that changed, given all its responses and the
    /// earlier releases; the store keeps what it returns.
    func importFeedback(
        _ responses: [FeedbackResponse],
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> [Bool]
    /// The responses about a teacher (by `PrivacyRule.memberKey` of his name) for a profile that came in as files,
    /// and the releases kept, oldest first. Responses through `lob serve`'s links belong to one invitation and are
    /// not among them: a request of another team may use the same name.
    func feedback(
        about subject: String, profileID: String
    ) async throws -> (
        responses: [FeedbackResponse], releases: [PrivacyRule.Release]
    )
    /// The responses given through the links of requests about one colleague's invitation, and their releases.
    func feedback(
        invitation: Int64, profileID: String
    ) async throws -> (
        responses: [FeedbackResponse], releases: [PrivacyRule.Release]
    )
    /// Every teacher there is feedback about, one name per person (by `PrivacyRule.memberKey`), sorted.
    func feedbackSubjects() async throws -> [String]
    /// A view of a team round's feedback, decided in one transaction against the releases of the round's earlier
    /// views (oldest first); the store keeps the release `decide` returns when it differs from the latest. Nil when
    /// the team has no such round.
    func decideTeamFeedback<View: Sendable>(
        team: String, round: String, _ decide: @Sendable ([PrivacyRule.Release]) throws -> (View, PrivacyRule.Release)
    ) async throws -> View?
}
