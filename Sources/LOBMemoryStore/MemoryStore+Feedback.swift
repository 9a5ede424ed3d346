import LOBCore

extension MemoryStore: FeedbackStore {
    public func importFeedback(
        _ responses: [FeedbackResponse],
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> [Bool] {
        insertFeedback(responses, deciding: release)
    }

    /// Stores responses and decides the privacy rule again for every teacher they are about.
    func insertFeedback(
        _ new: [FeedbackResponse], deciding release: ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) -> [Bool] {
        var changed: [Scope] = []
        let outcomes = new.map { response -> Bool in
            guard !responses.contains(where: { $0.id == response.id }) else { return false }
            responses.append(response)
            let scope = scope(of: response)
            if !changed.contains(scope) { changed.append(scope) }
            return true
        }
        for scope in changed { decide(scope, deciding: release) }
        return outcomes
    }

    /// A response through a link of a request about an invitation belongs to that invitation; any other to its name.
    func scope(of response: FeedbackResponse) -> Scope {
        Scope(
            subjectKey: PrivacyRule.memberKey(response.subject), profileID: response.profileID,
            invitation: response.requestID.flatMap { requests[$0]?.invitationID })
    }

    /// Every change is a moment of the privacy rule: the next view is checked against it.
    func decide(_ scope: Scope, deciding release: ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release) {
        let (stored, releases) = feedback(scope)
        feedbackReleases[scope, default: []].append(release(stored, releases))
    }

    private func feedback(_ scope: Scope) -> (responses: [FeedbackResponse], releases: [PrivacyRule.Release]) {
        let found = responses.filter { response in
            guard response.profileID == scope.profileID else { return false }
            let invitation = response.requestID.flatMap { requests[$0]?.invitationID }
            if let wanted = scope.invitation { return invitation == wanted }
            return invitation == nil && PrivacyRule.memberKey(response.subject) == scope.subjectKey
        }
        return (
            found.sorted { ($0.date, $0.id) < ($1.date, $1.id) },
            feedbackReleases[scope] ?? []
        )
    }

    public func feedback(
        about subject: String, profileID: String
    ) async throws -> (
        responses: [FeedbackResponse], releases: [PrivacyRule.Release]
    ) {
        feedback(Scope(subjectKey: PrivacyRule.memberKey(subject), profileID: profileID, invitation: nil))
    }

    public func feedback(
        invitation: Int64, profileID: String
    ) async throws -> (
        responses: [FeedbackResponse], releases: [PrivacyRule.Release]
    ) {
        // An invitation's scope is its responses whoever they name (`feedback(_:)` reads no subject for it).
        let responses = feedback(Scope(subjectKey: "", profileID: profileID, invitation: invitation)).responses
        let releases = feedbackReleases.filter { $0.key.invitation == invitation && $0.key.profileID == profileID }
            .flatMap(\.value)
        return (responses, releases)
    }

    public func feedbackSubjects() async throws -> [String] {
        // One name per person: the latest spelling of it.
        var latest: [String: FeedbackResponse] = [:]
        for response in responses {
            let key = PrivacyRule.memberKey(response.subject)
            if let known = latest[key], (known.date, known.id) > (response.date, response.id) { continue }
            latest[key] = response
        }
        return latest.sorted { $0.key < $1.key }.map(\.value.subject)
    }

    public func decideTeamFeedback<View: Sendable>(
        team: String, round: String,
        _ decide: @Sendable ([PrivacyRule.Release]) throws -> (View, PrivacyRule.Release)
    ) async throws -> View? {
        guard let index = teams[team]?.rounds.firstIndex(where: { $0.label == round }) else { return nil }
        let earlier = teams[team]!.rounds[index].feedbackReleases
        let (view, release) = try decide(earlier)
        if release != earlier.last { teams[team]!.rounds[index].feedbackReleases.append(release) }
        return view
    }
}
