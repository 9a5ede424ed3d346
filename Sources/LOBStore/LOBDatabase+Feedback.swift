import Foundation
import GRDB
import LOBCore

extension LOBDatabase: FeedbackStore {
    public func importFeedback(
        _ responses: [FeedbackResponse],
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> [Bool] {
        // The rule runs inside the one transaction, on what it has just stored.
        try await importFeedback(responses, deciding: release)
    }

    private func importFeedback(
        _ responses: [FeedbackResponse],
        deciding release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> [Bool] {
        try await write { db in try Self.insertFeedback(responses, deciding: release, in: db) }
    }

    /// Stores responses and decides the privacy rule again for every teacher they are about, inside the caller's
    /// transaction. A response through a link of a request about an invitation belongs to that invitation.
    static func insertFeedback(
        _ responses: [FeedbackResponse],
        deciding release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release, in db: Database
    ) throws -> [Bool] {
        var outcomes: [Bool] = []
        var changed: [Scope] = []
        for response in responses {
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM feedbackResponse WHERE id = ?", arguments: [response.id])
                != nil
            {
                outcomes.append(false)
                continue
            }
            let key = PrivacyRule.memberKey(response.subject)
            // A random rowid: the order the rows are stored in says nothing about the order raters answered in.
            try db.execute(
                sql: """
                    INSERT INTO feedbackResponse
                        (rowid, id, subjectKey, subject, raterGroup, profileId, date, requestId, moment)
                    VALUES (abs(random() % 9000000000000000000) + 1, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    response.id, key, response.subject, response.group.rawValue, response.profileID,
                    response.date.description, response.requestID, response.moment.rawValue,
                ])
            for (behaviour, score) in response.ratings.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO feedbackRating (responseId, behaviourId, score) VALUES (?, ?, ?)",
                    arguments: [response.id, behaviour, score])
            }
            for (competency, text) in response.remarks.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO feedbackRemark (responseId, competencyId, text) VALUES (?, ?, ?)",
                    arguments: [response.id, competency, text])
            }
            let invitation = try response.requestID.flatMap {
                try Int64.fetchOne(db, sql: "SELECT invitationId FROM feedbackRequest WHERE id = ?", arguments: [$0])
            }
            let scope = Scope(subjectKey: key, profileID: response.profileID, invitation: invitation)
            if !changed.contains(scope) { changed.append(scope) }
            outcomes.append(true)
        }
        // Every change is a moment of the privacy rule: the next view is checked against it.
        for scope in changed {
            try decide(
                subjectKey: scope.subjectKey, profileID: scope.profileID, invitation: scope.invitation,
                deciding: release, in: db)
        }
        return outcomes
    }

    /// Whose feedback a response is: a teacher's by name (files), or one colleague's invitation (`lob serve`).
    struct Scope: Hashable {
        let subjectKey: String
        let profileID: String
        let invitation: Int64?
    }

    /// Decides the rule again for one teacher's feedback and keeps the release.
    static func decide(
        subjectKey: String, profileID: String, invitation: Int64?,
        deciding release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release, in db: Database
    ) throws {
        let (stored, releases) = try feedback(
            subjectKey: subjectKey, profileID: profileID, invitation: invitation, in: db)
        let next = release(stored, releases)
        try db.execute(
            sql: "INSERT INTO feedbackRelease (subjectKey, profileId, invitationId, release) VALUES (?, ?, ?, ?)",
            arguments: [
                subjectKey, profileID, invitation, String(decoding: try JSONEncoder().encode(next), as: UTF8.self),
            ])
    }

    public func feedback(
        about subject: String, profileID: String
    ) async throws -> (
        responses: [FeedbackResponse], releases: [PrivacyRule.Release]
    ) {
        try await read { db in
            try Self.feedback(
                subjectKey: PrivacyRule.memberKey(subject), profileID: profileID, invitation: nil, in: db)
        }
    }

    public func feedback(
        invitation: Int64, profileID: String
    ) async throws -> (
        responses: [FeedbackResponse], releases: [PrivacyRule.Release]
    ) {
        try await read { db in try Self.feedback(subjectKey: nil, profileID: profileID, invitation: invitation, in: db)
        }
    }

    /// The responses of one scope: by name, those from files (and from links made before requests had an invitation);
    /// by invitation, those from its requests' links.
    private static func feedback(
        subjectKey: String?, profileID: String, invitation: Int64?, in db: Database
    ) throws -> (
        responses: [FeedbackResponse], releases: [PrivacyRule.Release]
    ) {
        let scope: String
        let arguments: StatementArguments
        if let invitation {
            scope = "f.profileId = ? AND f.requestId IN (SELECT id FROM feedbackRequest WHERE invitationId = ?)"
            arguments = [profileID, invitation]
        } else {
            scope = """
                f.subjectKey = ? AND f.profileId = ? AND (f.requestId IS NULL
                OR f.requestId IN (SELECT id FROM feedbackRequest WHERE invitationId IS NULL))
                """
            arguments = [subjectKey ?? "", profileID]
        }
        var responses = try Row.fetchAll(
            db,
            sql: """
                SELECT f.id, f.subject, f.raterGroup, f.date, f.requestId, f.moment FROM feedbackResponse f
                WHERE \(scope)
                ORDER BY f.date, f.id
                """, arguments: arguments
        ).map { row -> FeedbackResponse in
            guard let group = RaterGroup(rawValue: row["raterGroup"]), let date = SchoolDate(row["date"]),
                let moment = FeedbackMoment(rawValue: row["moment"])
            else {
                throw StoreError.corruptFeedback(row["id"])
            }
            return FeedbackResponse(
                id: row["id"], subject: row["subject"], group: group, profileID: profileID, date: date,
                requestID: row["requestId"], moment: moment)
        }
        let index = Dictionary(uniqueKeysWithValues: responses.enumerated().map { ($0.element.id, $0.offset) })
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT r.responseId, r.behaviourId, r.score FROM feedbackRating r
                JOIN feedbackResponse f ON f.id = r.responseId WHERE \(scope)
                """, arguments: arguments)
        {
            if let at = index[row[0]] { responses[at].ratings[row[1]] = row[2] }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT m.responseId, m.competencyId, m.text FROM feedbackRemark m
                JOIN feedbackResponse f ON f.id = m.responseId WHERE \(scope)
                """, arguments: arguments)
        {
            if let at = index[row[0]] { responses[at].remarks[row[1]] = row[2] }
        }
        let releases =
            try
            (invitation != nil
            ? String.fetchAll(
                db, sql: "SELECT release FROM feedbackRelease WHERE invitationId = ? AND profileId = ? ORDER BY id",
                arguments: [invitation, profileID])
            : String.fetchAll(
                db,
                sql: """
                    SELECT release FROM feedbackRelease WHERE subjectKey = ? AND profileId = ? AND invitationId IS NULL
                    ORDER BY id
                    """, arguments: [subjectKey ?? "", profileID])).map {
                try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8))
            }
        return (responses, releases)
    }
}

// MARK: - The team's view

extension LOBDatabase {
    public func feedbackSubjects() async throws -> [String] {
        try await read { db in
            // One name per person: the latest spelling of it.
            try String.fetchAll(
                db,
                sql: """
                    SELECT subject FROM feedbackResponse f
                    WHERE id = (
                        SELECT id FROM feedbackResponse WHERE subjectKey = f.subjectKey ORDER BY date DESC, id DESC
                        LIMIT 1)
                    ORDER BY subjectKey
                    """)
        }
    }

    public func decideTeamFeedback<View: Sendable>(
        team: String, round: String, _ decide: @Sendable ([PrivacyRule.Release]) throws -> (View, PrivacyRule.Release)
    ) async throws -> View? {
        try await write { db in
            guard
                let roundID = try Int64.fetchOne(
                    db,
                    sql:
                        "SELECT r.id FROM teamRound r JOIN team t ON t.id = r.teamId WHERE t.name = ? AND r.label = ?",
                    arguments: [team, round])
            else { return nil }
            let earlier = try String.fetchAll(
                db, sql: "SELECT release FROM teamFeedbackRelease WHERE teamRoundId = ? ORDER BY id",
                arguments: [roundID]
            ).map { try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8)) }
            let (view, release) = try decide(earlier)
            if release != earlier.last {
                try db.execute(
                    sql: "INSERT INTO teamFeedbackRelease (teamRoundId, release) VALUES (?, ?)",
                    arguments: [roundID, String(decoding: try JSONEncoder().encode(release), as: UTF8.self)])
            }
            return view
        }
    }
}
