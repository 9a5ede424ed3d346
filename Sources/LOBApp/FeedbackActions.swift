import LOBCore

// MARK: - 360° feedback

extension LOBApp {
    /// Stores feedback files' responses in one transaction; true for each new one. The privacy rule is decided again
    /// for every teacher the import touched and kept, so that no later report differs from an earlier one by fewer
    /// colleagues than the threshold.
    public func importFeedback(_ responses: [(response: FeedbackResponse, profile: Profile)]) async throws -> [Bool] {
        let profiles = Dictionary(
            responses.map { ($0.response.profileID, $0.profile) }, uniquingKeysWith: { a, _ in a })
        return try await feedback.importFeedback(responses.map(\.response)) { stored, earlier in
            guard let profile = stored.first.flatMap({ profiles[$0.profileID] }) else {
                return PrivacyRule.Release(threshold: PrivacyRule.minimumThreshold, counted: [:], withheld: [:])
            }
            return FeedbackAnalysis(
                scan: nil, profile: profile, responses: stored, earlier: earlier, catalogue: catalogue
            ).release
        }
    }

    /// A teacher's scan beside the feedback about him on the same profile: what `lob feedback report` shows.
    public func feedbackView(_ id: Int64?) async throws -> (scan: StoredScan, analysis: FeedbackAnalysis) {
        let stored = try await scan(id)
        return await (stored, try feedbackAnalysis(stored))
    }

    /// The feedback about the teacher of a scan on its profile. The kept releases hold this moment already: deciding
    /// again against them gives the same groups.
    /// `moment` chooses the first feedback or the follow-up; either throws `noFeedback` when there is none of it.
    public func feedbackAnalysis(
        _ stored: StoredScan, moment: FeedbackMoment = .nulmeting
    ) async throws
        -> FeedbackAnalysis
    {
        let (responses, releases) = try await feedback.feedback(
            about: stored.scan.teacher, profileID: stored.profile.id)
        guard responses.contains(where: { $0.moment == moment }) else {
            throw AppError.noFeedback(teacher: stored.scan.teacher, profile: stored.profile.id)
        }
        return FeedbackAnalysis(
            scan: stored.scan, profile: stored.profile, responses: responses, earlier: releases, catalogue: catalogue,
            moment: moment)
    }

    /// The scholingsplan on the combined picture of self-view and feedback (`FeedbackAnalysis.combined`), with the
    /// analysis for the topics of the ontwikkelgesprek.
    public func planWithFeedback(
        _ stored: StoredScan, activities: ActivityCatalogue, options: Scholingsplan.Options
    ) async throws -> (plan: Scholingsplan, feedback: FeedbackAnalysis) {
        let analysis = try await feedbackAnalysis(stored)
        let combined = StoredScan(id: stored.id, scan: analysis.combined(stored.scan), profile: stored.profile)
        return (plan(combined, activities: activities, options: options), analysis)
    }
}

// MARK: - The team's view of 360° feedback

extension LOBApp {
    /// Per behaviour, where the self-view of a round's members and their colleagues' view differ most, under the
    /// privacy rule (`TeamFeedback`). Each view is kept as a moment of the rule, so a later one is checked against it.
    public func teamFeedback(team named: String?, round: String?) async throws -> TeamFeedback {
        // The round's scans only: the team analysis of `teamView` is not needed here.
        let (summary, label) = try await teamRound(team: named, round: round)
        let data = try await roundData(team: summary.name, round: label)
        // Feedback names the teacher; an anonymous member is known by his pseudonym in the team.
        let subjects = try await feedback.feedbackSubjects()
        let byPseudonym = Dictionary(
            subjects.map { (PrivacyRule.pseudonym(team: data.team, teacher: $0), $0) }, uniquingKeysWith: { a, _ in a })
        // Feedback through `lob serve` belongs to the member's invitation of this round; a file's to his name.
        let invited = await Dictionary(
            try invitations.invitations(team: data.team).filter { $0.round == data.round }.map {
                (PrivacyRule.pseudonym(team: data.team, teacher: $0.name), $0.id)
            }, uniquingKeysWith: { a, _ in a })
        let members = try await data.members.asyncMap { scan -> TeamFeedback.Member in
            let pseudonym =
                scan.consent == .metNaam ? PrivacyRule.pseudonym(team: data.team, teacher: scan.teacher) : scan.teacher
            var found: (responses: [FeedbackResponse], releases: [PrivacyRule.Release])?
            if let id = invited[pseudonym] {
                found = try await feedback.feedback(invitation: id, profileID: scan.profile.id)
            }
            if found?.responses.isEmpty ?? true, let subject = byPseudonym[pseudonym] {
                found = try await feedback.feedback(about: subject, profileID: scan.profile.id)
            }
            guard let (responses, releases) = found else { return TeamFeedback.Member(scan: scan, feedback: nil) }
            guard !responses.isEmpty else { return TeamFeedback.Member(scan: scan, feedback: nil) }
            return TeamFeedback.Member(
                scan: scan,
                feedback: FeedbackAnalysis(
                    scan: scan.scan, profile: scan.profile, responses: responses, threshold: data.threshold,
                    earlier: releases, catalogue: catalogue))
        }
        let view = try await feedback.decideTeamFeedback(team: data.team, round: data.round) { earlier in
            let result = TeamFeedback(
                team: data.team, round: data.round, members: members, threshold: data.threshold, earlier: earlier,
                catalogue: catalogue)
            return (result, result.release)
        }
        guard let view else { throw AppError.noSuchRound(team: data.team, round: data.round) }
        return view
    }
}
