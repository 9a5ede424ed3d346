import GRDB
import LOBCore

extension LOBDatabase: InvitationStore {
    public func createInvitations(_ invitations: [NewInvitation]) throws -> [Int64] {
        try write { db in
            try invitations.map { new in
                try db.execute(
                    sql: """
                        INSERT INTO invitation (team, round, name, profileId, tokenHash, csrf, createdAt, expiresAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        new.team, new.round, new.name, new.profileID, new.tokenHash, new.csrf, new.createdAt,
                        new.expiresAt,
                    ])
                return db.lastInsertedRowID
            }
        }
    }

    public func invitation(tokenHash: String) throws -> InvitationRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM invitation WHERE tokenHash = ?", arguments: [tokenHash])
                .map(Self.record)
        }
    }

    public func invitation(id: Int64) throws -> InvitationRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM invitation WHERE id = ?", arguments: [id]).map(Self.record)
        }
    }

    public func invitations(team: String) throws -> [Invitation] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM invitation WHERE team = ? ORDER BY createdAt, id", arguments: [team]
            ).map { Self.record($0).invitation }
        }
    }

    public func saveDraft(id: Int64, draft: String, at time: Int64) throws {
        try change(
            "UPDATE invitation SET draft = ?, startedAt = coalesce(startedAt, ?) WHERE id = ?", [draft, time, id])
    }

    public func finish(id: Int64, scan: String, at time: Int64) throws {
        try change(
            "UPDATE invitation SET scan = ?, finishedAt = ?, startedAt = coalesce(startedAt, ?) WHERE id = ?",
            [scan, time, time, id])
    }

    public func clearAnswers(id: Int64) throws {
        try change(
            "UPDATE invitation SET draft = NULL, scan = NULL, startedAt = NULL, finishedAt = NULL WHERE id = ?", [id])
    }

    public func replaceToken(id: Int64, tokenHash: String, csrf: String, expiresAt: Int64) throws {
        try change(
            "UPDATE invitation SET tokenHash = ?, csrf = ?, expiresAt = ?, revokedAt = NULL WHERE id = ?",
            [tokenHash, csrf, expiresAt, id])
    }

    public func revoke(id: Int64, at time: Int64) throws {
        try change("UPDATE invitation SET revokedAt = coalesce(revokedAt, ?) WHERE id = ?", [time, id])
    }

    public func closeRound(team: String, round: String, at time: Int64) throws {
        try change(
            "UPDATE invitation SET closedAt = coalesce(closedAt, ?) WHERE team = ? AND round = ?", [time, team, round])
    }

    public func createAccount(login: String, team: String, passwordHash: String) throws {
        try write { db in
            // A new password for an existing login replaces the old one and ends its sessions.
            if let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM dashboardAccount WHERE login = ?", arguments: [login])
            {
                try db.execute(
                    sql: "UPDATE dashboardAccount SET team = ?, passwordHash = ? WHERE id = ?",
                    arguments: [team, passwordHash, id])
                try db.execute(sql: "DELETE FROM dashboardSession WHERE accountId = ?", arguments: [id])
            } else {
                try db.execute(
                    sql: "INSERT INTO dashboardAccount (login, team, passwordHash) VALUES (?, ?, ?)",
                    arguments: [login, team, passwordHash])
            }
        }
    }

    public func account(login: String) throws -> DashboardAccount? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM dashboardAccount WHERE login = ?", arguments: [login])
                .map(Self.account)
        }
    }

    public func createSession(tokenHash: String, accountID: Int64, csrf: String, expiresAt: Int64) throws {
        try write { db in
            // Expired sessions go as new ones come.
            try db.execute(sql: "DELETE FROM dashboardSession WHERE expiresAt <= ?", arguments: [expiresAt - 86_400])
            try db.execute(
                sql: "INSERT INTO dashboardSession (tokenHash, accountId, csrf, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [tokenHash, accountID, csrf, expiresAt])
        }
    }

    public func session(tokenHash: String, now: Int64) throws -> (account: DashboardAccount, csrf: String)? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT a.*, s.csrf AS sessionCsrf FROM dashboardSession s
                        JOIN dashboardAccount a ON a.id = s.accountId WHERE s.tokenHash = ? AND s.expiresAt > ?
                        """, arguments: [tokenHash, now])
            else { return nil }
            return (Self.account(row), row["sessionCsrf"])
        }
    }

    public func deleteSession(tokenHash: String) throws {
        try change("DELETE FROM dashboardSession WHERE tokenHash = ?", [tokenHash])
    }

    // MARK: - Helpers

    private func change(_ sql: String, _ arguments: StatementArguments) throws {
        try write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    private static func record(_ row: Row) -> InvitationRecord {
        InvitationRecord(
            invitation: Invitation(
                id: row["id"], team: row["team"], round: row["round"], name: row["name"], profileID: row["profileId"],
                createdAt: row["createdAt"],
                expiresAt: row["expiresAt"], revokedAt: row["revokedAt"], closedAt: row["closedAt"],
                startedAt: row["startedAt"], finishedAt: row["finishedAt"]),
            tokenHash: row["tokenHash"], csrf: row["csrf"], draft: row["draft"], scan: row["scan"])
    }

    private static func account(_ row: Row) -> DashboardAccount {
        DashboardAccount(id: row["id"], login: row["login"], team: row["team"], passwordHash: row["passwordHash"])
    }
}

// MARK: - Raters' links

extension LOBDatabase {
    public func createFeedbackInvitations(_ invitations: [NewFeedbackInvitation]) throws -> [Int64] {
        try write { db in
            try invitations.map { new in
                try db.execute(
                    sql: """
                        INSERT INTO feedbackInvitation
                        (team, subject, raterGroup, profileId, tokenHash, csrf, createdAt, expiresAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        new.team, new.subject, new.group.rawValue, new.profileID, new.tokenHash, new.csrf,
                        new.createdAt, new.expiresAt,
                    ])
                return db.lastInsertedRowID
            }
        }
    }

    public func feedbackInvitation(tokenHash: String) throws -> FeedbackInvitationRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM feedbackInvitation WHERE tokenHash = ?", arguments: [tokenHash])
                .flatMap { row in
                    Self.feedbackInvitation(row).map {
                        FeedbackInvitationRecord(
                            invitation: $0, tokenHash: row["tokenHash"], csrf: row["csrf"], draft: row["draft"])
                    }
                }
        }
    }

    public func feedbackInvitations(team: String) throws -> [FeedbackInvitation] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM feedbackInvitation WHERE team = ? ORDER BY createdAt, id", arguments: [team]
            ).compactMap(Self.feedbackInvitation)
        }
    }

    public func saveFeedbackDraft(id: Int64, draft: String) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE feedbackInvitation SET draft = ? WHERE id = ? AND answeredAt IS NULL",
                arguments: [draft, id])
        }
    }

    public func answerFeedback(
        id: Int64, response: FeedbackResponse, at time: Int64,
        release: ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) throws -> Bool {
        try withoutActuallyEscaping(release) { release in
            try write { db in
                try db.execute(
                    sql:
                        "UPDATE feedbackInvitation SET answeredAt = ?, draft = NULL WHERE id = ? AND answeredAt IS NULL",
                    arguments: [time, id])
                guard db.changesCount == 1 else { return false }
                _ = try Self.insertFeedback([response], deciding: release, in: db)
                return true
            }
        }
    }

    public func revokeFeedbackInvitation(id: Int64, at time: Int64) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE feedbackInvitation SET revokedAt = coalesce(revokedAt, ?) WHERE id = ?",
                arguments: [time, id])
        }
    }

    private static func feedbackInvitation(_ row: Row) -> FeedbackInvitation? {
        guard let group = RaterGroup(rawValue: row["raterGroup"]) else { return nil }
        return FeedbackInvitation(
            id: row["id"], team: row["team"], subject: row["subject"], group: group, profileID: row["profileId"],
            createdAt: row["createdAt"], expiresAt: row["expiresAt"], revokedAt: row["revokedAt"],
            answeredAt: row["answeredAt"])
    }
}
