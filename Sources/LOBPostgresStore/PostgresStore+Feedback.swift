import Foundation
import LOBCore
import PostgresNIO

extension PostgresStore: FeedbackStore {
    public func importFeedback(
        _ responses: [FeedbackResponse],
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> [Bool] {
        try await write { session in try await Self.insertFeedback(responses, deciding: release, in: session) }
    }

    /// Stores responses and decides the privacy rule again for every teacher they are about, inside the caller's
    /// transaction. A response through a link of a request about an invitation belongs to that invitation.
    static func insertFeedback(
        _ responses: [FeedbackResponse],
        deciding release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release,
        in session: Session
    ) async throws -> [Bool] {
        var outcomes: [Bool] = []
        var changed: [Scope] = []
        for response in responses {
            let key = PrivacyRule.memberKey(response.subject)
            let stored = try await session.changes(
                """
                INSERT INTO feedbackResponse (id, subjectKey, subject, raterGroup, profileId, date, requestId, moment)
                VALUES (\(response.id), \(key), \(response.subject), \(response.group.rawValue), \(response.profileID),
                \(response.date.description), \(response.requestID), \(response.moment.rawValue))
                ON CONFLICT (id) DO NOTHING RETURNING id
                """)
            guard stored == 1 else {
                outcomes.append(false)
                continue
            }
            let ratings = response.ratings.sorted { $0.key < $1.key }
            if !ratings.isEmpty {
                try await session.execute(
                    """
                    INSERT INTO feedbackRating (responseId, behaviourId, score)
                    SELECT \(response.id), * FROM unnest(\(ratings.map(\.key))::text[], \(ratings.map(\.value))::bigint[])
                    """)
            }
            let remarks = response.remarks.sorted { $0.key < $1.key }
            if !remarks.isEmpty {
                try await session.execute(
                    """
                    INSERT INTO feedbackRemark (responseId, competencyId, text)
                    SELECT \(response.id), * FROM unnest(\(remarks.map(\.key))::bigint[], \(remarks.map(\.value))::text[])
                    """)
            }
            var invitation: Int64?
            if let request = response.requestID {
                invitation = try await session.value(
                    "SELECT invitationId FROM feedbackRequest WHERE id = \(request)", as: Int64.self)
            }
            let scope = Scope(subjectKey: key, profileID: response.profileID, invitation: invitation)
            if !changed.contains(scope) { changed.append(scope) }
            outcomes.append(true)
        }
        // Every change is a moment of the privacy rule: the next view is checked against it. One decision per
        // teacher at a time, whichever server takes it; the locks in one order, so two imports never wait on each
        // other in a circle.
        for scope in changed.sorted(by: { $0.lockName < $1.lockName }) {
            try await session.execute("SELECT pg_advisory_xact_lock(hashtextextended(\(scope.lockName), 0))")
        }
        for scope in changed {
            try await decide(scope, deciding: release, in: session)
        }
        return outcomes
    }

    /// Whose feedback a response is: a teacher's by name (files), or one colleague's invitation (`lob serve`).
    struct Scope: Hashable, Sendable {
        let subjectKey: String
        let profileID: String
        let invitation: Int64?

        /// The name of the advisory lock under which this feedback's release is decided.
        var lockName: String {
            "feedback|\(invitation.map(String.init) ?? "files")|\(subjectKey)|\(profileID)"
        }
    }

    /// Decides the rule again for one teacher's feedback and keeps the release.
    static func decide(
        _ scope: Scope,
        deciding release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release,
        in session: Session
    ) async throws {
        let (stored, releases) = try await feedback(
            subjectKey: scope.subjectKey, profileID: scope.profileID, invitation: scope.invitation, in: session)
        let next = String(decoding: try JSONEncoder().encode(release(stored, releases)), as: UTF8.self)
        try await session.execute(
            """
            INSERT INTO feedbackRelease (subjectKey, profileId, invitationId, release)
            VALUES (\(scope.subjectKey), \(scope.profileID), \(scope.invitation), \(next))
            """)
    }

    public func feedback(
        about subject: String, profileID: String
    ) async throws -> (responses: [FeedbackResponse], releases: [PrivacyRule.Release]) {
        try await read { session in
            try await Self.feedback(
                subjectKey: PrivacyRule.memberKey(subject), profileID: profileID, invitation: nil, in: session)
        }
    }

    public func feedback(
        invitation: Int64, profileID: String
    ) async throws -> (responses: [FeedbackResponse], releases: [PrivacyRule.Release]) {
        try await read { session in
            try await Self.feedback(subjectKey: nil, profileID: profileID, invitation: invitation, in: session)
        }
    }

    /// The responses of one scope: by name, those from files (and from links made before requests had an
    /// invitation); by invitation, those from its requests' links.
    private static func feedback(
        subjectKey: String?, profileID: String, invitation: Int64?, in session: Session
    ) async throws -> (responses: [FeedbackResponse], releases: [PrivacyRule.Release]) {
        // Which responses: the same condition in the three queries below, its values bound in each.
        func scope(_ select: String) -> PostgresQuery {
            var bindings = PostgresBindings()
            let condition: String
            if let invitation {
                bindings.append(profileID)
                bindings.append(invitation)
                condition =
                    "f.profileId = $1 AND f.requestId IN (SELECT id FROM feedbackRequest WHERE invitationId = $2)"
            } else {
                bindings.append(subjectKey ?? "")
                bindings.append(profileID)
                condition = """
                    f.subjectKey = $1 AND f.profileId = $2 AND (f.requestId IS NULL
                    OR f.requestId IN (SELECT id FROM feedbackRequest WHERE invitationId IS NULL))
                    """
            }
            return PostgresQuery(unsafeSQL: select.replacingOccurrences(of: "SCOPE", with: condition), binds: bindings)
        }
        var responses: [FeedbackResponse] = try await session.rows(
            scope(
                "SELECT f.id, f.subject, f.raterGroup, f.date, f.requestId, f.moment FROM feedbackResponse f WHERE SCOPE ORDER BY f.date, f.id"
            )
        ).map { row in
            let (id, subject, group, date, request, moment) = try row.decode(
                (String, String, String, String, Int64?, String).self)
            guard let group = RaterGroup(rawValue: group), let date = SchoolDate(date),
                let moment = FeedbackMoment(rawValue: moment)
            else {
                throw StoreError.corruptFeedback(id)
            }
            return FeedbackResponse(
                id: id, subject: subject, group: group, profileID: profileID, date: date, requestID: request,
                moment: moment)
        }
        let index = Dictionary(uniqueKeysWithValues: responses.enumerated().map { ($0.element.id, $0.offset) })
        for row in try await session.rows(
            scope(
                "SELECT r.responseId, r.behaviourId, r.score FROM feedbackRating r JOIN feedbackResponse f ON f.id = r.responseId WHERE SCOPE"
            ))
        {
            let (response, behaviour, score) = try row.decode((String, String, Int).self)
            if let at = index[response] { responses[at].ratings[behaviour] = score }
        }
        for row in try await session.rows(
            scope(
                "SELECT m.responseId, m.competencyId, m.text FROM feedbackRemark m JOIN feedbackResponse f ON f.id = m.responseId WHERE SCOPE"
            ))
        {
            let (response, competency, text) = try row.decode((String, Int, String).self)
            if let at = index[response] { responses[at].remarks[competency] = text }
        }
        let releases: [String]
        if let invitation {
            releases = try await session.values(
                """
                SELECT release FROM feedbackRelease WHERE invitationId = \(invitation) AND profileId = \(profileID)
                ORDER BY id
                """)
        } else {
            releases = try await session.values(
                """
                SELECT release FROM feedbackRelease WHERE subjectKey = \(subjectKey ?? "") AND profileId = \(profileID)
                AND invitationId IS NULL ORDER BY id
                """)
        }
        return (
            responses, try releases.map { try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8)) }
        )
    }

    public func feedbackSubjects() async throws -> [String] {
        try await read { session in
            // One name per person: the latest spelling of it.
            try await session.values(
                """
                SELECT DISTINCT ON (subjectKey) subject FROM feedbackResponse
                ORDER BY subjectKey, date DESC, id DESC
                """)
        }
    }

    public func decideTeamFeedback<View: Sendable>(
        team: String, round: String, _ decide: @Sendable ([PrivacyRule.Release]) throws -> (View, PrivacyRule.Release)
    ) async throws -> View? {
        try await turns.run(team) { try await decideFeedbackView(team: team, round: round, decide) }
    }

    private func decideFeedbackView<View: Sendable>(
        team: String, round: String, _ decide: @Sendable ([PrivacyRule.Release]) throws -> (View, PrivacyRule.Release)
    ) async throws -> View? {
        try await write { session in
            // The team's row lock: one view of a team's feedback decides at a time, across servers.
            guard try await Self.lockTeam(team, in: session, create: false) != nil,
                let roundID = try await session.value(
                    """
                    SELECT r.id FROM teamRound r JOIN team t ON t.id = r.teamId
                    WHERE t.name = \(team) AND r.label = \(round)
                    """, as: Int64.self)
            else { return nil }
            let earlier = try await session.values(
                "SELECT release FROM teamFeedbackRelease WHERE teamRoundId = \(roundID) ORDER BY id", as: String.self
            ).map { try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8)) }
            let (view, release) = try decide(earlier)
            if release != earlier.last {
                let json = String(decoding: try JSONEncoder().encode(release), as: UTF8.self)
                try await session.execute(
                    "INSERT INTO teamFeedbackRelease (teamRoundId, release) VALUES (\(roundID), \(json))")
            }
            return view
        }
    }
}
