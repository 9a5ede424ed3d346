import GRDB
import LOBCore

extension LOBDatabase: InvitationStore {
    public func createInvitations(_ invitations: [NewInvitation]) async throws -> [Int64] {
        try await write { db in
            try invitations.map { new in
                try db.execute(
                    sql: """
                        INSERT INTO invitation
                        (team, round, name, profileId, tokenHash, csrf, createdAt, expiresAt, address)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        new.team, new.round, new.name, new.profileID, new.tokenHash, new.csrf, new.createdAt,
                        new.expiresAt, new.address,
                    ])
                return db.lastInsertedRowID
            }
        }
    }

    public func invitation(tokenHash: String) async throws -> InvitationRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM invitation WHERE tokenHash = ?", arguments: [tokenHash])
                .map(Self.record)
        }
    }

    public func invitation(id: Int64) async throws -> InvitationRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM invitation WHERE id = ?", arguments: [id]).map(Self.record)
        }
    }

    public func invitations(team: String) async throws -> [Invitation] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM invitation WHERE team = ? ORDER BY createdAt, id", arguments: [team]
            ).map { Self.record($0).invitation }
        }
    }

    public func saveDraft(id: Int64, draft: String, at time: Int64) async throws {
        try await change(
            "UPDATE invitation SET draft = ?, startedAt = coalesce(startedAt, ?) WHERE id = ? AND finishedAt IS NULL",
            [draft, time, id])
    }

    public func beginHandIn(id: Int64, at time: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE invitation SET finishedAt = ?, startedAt = coalesce(startedAt, ?)
                    WHERE id = ? AND (finishedAt IS NULL OR (scan IS NULL AND scanId IS NULL AND finishedAt < ?))
                    """, arguments: [time, time, id, time - Self.handInGrace])
            return db.changesCount == 1
        }
    }

    /// A hand-in marked this long ago without a scan was cut off (the server stopped): it may be tried again.
    static let handInGrace: Int64 = 120

    public func cancelHandIn(id: Int64) async throws {
        try await change(
            "UPDATE invitation SET finishedAt = NULL WHERE id = ? AND scan IS NULL AND scanId IS NULL", [id])
    }

    public func finish(id: Int64, scanID: Int64, at time: Int64, keepUntil: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE invitation SET scanId = ?, scan = NULL, draft = NULL, finishedAt = coalesce(finishedAt, ?),
                    startedAt = coalesce(startedAt, ?) WHERE id = ?
                    """, arguments: [scanID, time, time, id])
            try db.execute(
                sql: "UPDATE linkDevice SET expiresAt = max(expiresAt, ?) WHERE invitationId = ?",
                arguments: [keepUntil, id])
        }
    }

    public func clearAnswers(id: Int64) async throws {
        try await write { db in
            try Self.deleteHandedIn(id, in: db)
            try db.execute(
                sql:
                    "UPDATE invitation SET draft = NULL, scan = NULL, startedAt = NULL, finishedAt = NULL WHERE id = ?",
                arguments: [id])
        }
    }

    public func legacyHandIns() async throws -> [InvitationRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM invitation WHERE scan IS NOT NULL ORDER BY id").map(Self.record)
        }
    }

    /// Deletes the scan an invitation's colleague handed in (the invitation forgets it by its foreign key).
    private static func deleteHandedIn(_ id: Int64, in db: Database) throws {
        try db.execute(
            sql: "DELETE FROM scan WHERE id = (SELECT scanId FROM invitation WHERE id = ?)", arguments: [id])
    }

    public func claim(id: Int64, codeHash: String, device: LinkDevice, at time: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE invitation SET codeHash = ?, claimedAt = ? WHERE id = ? AND codeHash IS NULL",
                arguments: [codeHash, time, id])
            guard db.changesCount == 1 else { return false }
            try Self.insert(device, in: db)
            return true
        }
    }

    public func addDevice(_ device: LinkDevice) async throws {
        try await write { db in
            // Expired browsers go as new ones come.
            try db.execute(
                sql: "DELETE FROM linkDevice WHERE invitationId = ? AND expiresAt <= ?",
                arguments: [device.invitationID, device.expiresAt - 366 * 86_400])
            try Self.insert(device, in: db)
        }
    }

    private static func insert(_ device: LinkDevice, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO linkDevice (tokenHash, invitationId, csrf, expiresAt) VALUES (?, ?, ?, ?)",
            arguments: [device.tokenHash, device.invitationID, device.csrf, device.expiresAt])
    }

    public func device(tokenHash: String, invitationID: Int64, now: Int64) async throws -> LinkDevice? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM linkDevice WHERE tokenHash = ? AND invitationId = ? AND expiresAt > ?",
                arguments: [tokenHash, invitationID, now]
            ).map {
                LinkDevice(
                    tokenHash: $0["tokenHash"], invitationID: $0["invitationId"], csrf: $0["csrf"],
                    expiresAt: $0["expiresAt"])
            }
        }
    }

    public func restart(id: Int64) async throws {
        try await write { db in try Self.restart(id, in: db) }
    }

    private static func restart(_ id: Int64, in db: Database) throws {
        try deleteHandedIn(id, in: db)
        try db.execute(
            sql: """
                UPDATE invitation SET draft = NULL, scan = NULL, startedAt = NULL, finishedAt = NULL, codeHash = NULL,
                claimedAt = NULL WHERE id = ?
                """, arguments: [id])
        try db.execute(sql: "DELETE FROM linkDevice WHERE invitationId = ?", arguments: [id])
    }

    public func replaceToken(id: Int64, tokenHash: String, csrf: String, expiresAt: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE invitation SET tokenHash = ?, csrf = ?, expiresAt = ?, revokedAt = NULL WHERE id = ?",
                arguments: [tokenHash, csrf, expiresAt, id])
            try Self.restart(id, in: db)
        }
    }

    public func revoke(id: Int64, at time: Int64) async throws {
        try await change("UPDATE invitation SET revokedAt = coalesce(revokedAt, ?) WHERE id = ?", [time, id])
    }

    public func closeRound(team: String, round: String, at time: Int64) async throws {
        try await change(
            "UPDATE invitation SET closedAt = coalesce(closedAt, ?) WHERE team = ? AND round = ?", [time, team, round])
    }

    public func createAccount(login: String, team: String, passwordHash: String) async throws {
        try await write { db in
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

    public func account(login: String) async throws -> DashboardAccount? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM dashboardAccount WHERE login = ?", arguments: [login])
                .map(Self.account)
        }
    }

    public func createSession(tokenHash: String, accountID: Int64, csrf: String, expiresAt: Int64) async throws {
        try await write { db in
            // Expired sessions go as new ones come.
            try db.execute(sql: "DELETE FROM dashboardSession WHERE expiresAt <= ?", arguments: [expiresAt - 86_400])
            try db.execute(
                sql: "INSERT INTO dashboardSession (tokenHash, accountId, csrf, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [tokenHash, accountID, csrf, expiresAt])
        }
    }

    public func session(tokenHash: String, now: Int64) async throws -> (account: DashboardAccount, csrf: String)? {
        try await read { db in
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

    public func deleteSession(tokenHash: String) async throws {
        try await change("DELETE FROM dashboardSession WHERE tokenHash = ?", [tokenHash])
    }

    public func reserveAttempt(_ keys: [AttemptKey], now: Int64, window: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM failedAttempt WHERE at <= ?", arguments: [now - window])
            for key in keys {
                let count =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM failedAttempt WHERE name = ?", arguments: [key.name]) ?? 0
                if count >= key.limit { return false }
            }
            for key in keys {
                try db.execute(sql: "INSERT INTO failedAttempt (name, at) VALUES (?, ?)", arguments: [key.name, now])
            }
            return true
        }
    }

    public func refundAttempt(_ keys: [AttemptKey], now: Int64) async throws {
        try await write { db in
            for key in keys {
                try db.execute(
                    sql: """
                        DELETE FROM failedAttempt WHERE rowid = (
                        SELECT rowid FROM failedAttempt WHERE name = ? AND at = ? LIMIT 1)
                        """, arguments: [key.name, now])
            }
        }
    }

    public func invitation(
        tokenHash: String, deviceHash: String, now: Int64
    ) async throws -> (record: InvitationRecord, device: LinkDevice?)? {
        try await invitationAndDevice(tokenHash: tokenHash, deviceHash: deviceHash, now: now)
    }

    public func ping() async throws {
        _ = try await read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    // MARK: - Helpers

    private func change(_ sql: String, _ arguments: StatementArguments) async throws {
        try await write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    private static func record(_ row: Row) -> InvitationRecord {
        InvitationRecord(
            invitation: Invitation(
                id: row["id"], team: row["team"], round: row["round"], name: row["name"], profileID: row["profileId"],
                createdAt: row["createdAt"],
                expiresAt: row["expiresAt"], revokedAt: row["revokedAt"], closedAt: row["closedAt"],
                startedAt: row["startedAt"], finishedAt: row["finishedAt"], address: row["address"]),
            tokenHash: row["tokenHash"], csrf: row["csrf"], draft: row["draft"], scanID: row["scanId"],
            legacyScan: row["scan"],
            codeHash: row["codeHash"])
    }

    private static func account(_ row: Row) -> DashboardAccount {
        DashboardAccount(id: row["id"], login: row["login"], team: row["team"], passwordHash: row["passwordHash"])
    }
}

// MARK: - Raters' links

extension LOBDatabase {
    public func createFeedbackRequest(_ request: NewFeedbackRequest, links: [NewFeedbackLink]) async throws -> [Int64] {
        try await write { db in
            // The columns a v11 link needs are filled from its request; they are not read any more.
            try db.execute(
                sql: """
                    INSERT INTO feedbackRequest
                    (team, round, invitationId, subject, raterGroup, profileId, asked, answered, createdAt, moment)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                    """,
                arguments: [
                    request.team, request.round, request.invitationID, request.subject, request.group.rawValue,
                    request.profileID, links.count, request.createdAt, request.moment.rawValue,
                ])
            let requestID = db.lastInsertedRowID
            return try links.map { link in
                try db.execute(
                    sql: """
                        INSERT INTO feedbackInvitation
                        (team, subject, raterGroup, profileId, tokenHash, csrf, createdAt, expiresAt, requestId)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        request.team, "", request.group.rawValue, request.profileID, link.tokenHash, link.csrf,
                        request.createdAt, link.expiresAt, requestID,
                    ])
                return db.lastInsertedRowID
            }
        }
    }

    public func feedbackRequests(team: String) async throws -> [FeedbackRequest] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM feedbackRequest WHERE team = ? ORDER BY createdAt, id", arguments: [team]
            ).compactMap(Self.feedbackRequest)
        }
    }

    public func feedbackInvitation(tokenHash: String) async throws -> FeedbackInvitationRecord? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM feedbackInvitation WHERE tokenHash = ?", arguments: [tokenHash]),
                let requestRow = try Row.fetchOne(
                    db, sql: "SELECT * FROM feedbackRequest WHERE id = ?", arguments: [row["requestId"] as Int64?]),
                let request = Self.feedbackRequest(requestRow)
            else { return nil }
            return FeedbackInvitationRecord(
                invitation: FeedbackInvitation(id: row["id"], request: request, expiresAt: row["expiresAt"]),
                tokenHash: row["tokenHash"], csrf: row["csrf"], deviceHash: row["deviceHash"], draft: row["draft"])
        }
    }

    public func bindRater(id: Int64, deviceHash: String) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE feedbackInvitation SET deviceHash = ? WHERE id = ? AND deviceHash IS NULL",
                arguments: [deviceHash, id])
            return db.changesCount == 1
        }
    }

    public func saveFeedbackDraft(id: Int64, draft: String) async throws {
        try await change("UPDATE feedbackInvitation SET draft = ? WHERE id = ?", [draft, id])
    }

    public func answerFeedback(
        id: Int64, response: FeedbackResponse,
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> Bool {
        try await write { db in
            guard
                let requestID = try Int64.fetchOne(
                    db, sql: "SELECT requestId FROM feedbackInvitation WHERE id = ?", arguments: [id])
            else { return false }
            try db.execute(sql: "DELETE FROM feedbackInvitation WHERE id = ?", arguments: [id])
            try db.execute(
                sql: "UPDATE feedbackRequest SET answered = answered + 1 WHERE id = ?", arguments: [requestID])
            var stored = response
            stored.requestID = requestID
            _ = try Self.insertFeedback([stored], deciding: release, in: db)
            return true
        }
    }

    public func withdrawFeedbackRequest(
        id: Int64, team: String, at time: Int64,
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> Bool {
        try await write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM feedbackRequest WHERE id = ? AND team = ? AND withdrawnAt IS NULL",
                    arguments: [id, team]),
                let request = Self.feedbackRequest(row)
            else { return false }
            try db.execute(sql: "DELETE FROM feedbackInvitation WHERE requestId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM feedbackResponse WHERE requestId = ?", arguments: [id])
            try db.execute(
                sql: "UPDATE feedbackRequest SET withdrawnAt = ?, asked = 0, answered = 0 WHERE id = ?",
                arguments: [time, id])
            try Self.decide(
                subjectKey: PrivacyRule.memberKey(request.subject), profileID: request.profileID,
                invitation: request.invitationID, deciding: release, in: db)
            return true
        }
    }

    static func feedbackRequest(_ row: Row) -> FeedbackRequest? {
        guard let group = RaterGroup(rawValue: row["raterGroup"]), let moment = FeedbackMoment(rawValue: row["moment"])
        else { return nil }
        return FeedbackRequest(
            id: row["id"], team: row["team"], round: row["round"], invitationID: row["invitationId"],
            subject: row["subject"], group: group, profileID: row["profileId"], asked: row["asked"],
            answered: row["answered"], createdAt: row["createdAt"], withdrawnAt: row["withdrawnAt"], moment: moment)
    }
}
