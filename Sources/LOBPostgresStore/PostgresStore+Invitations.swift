import LOBCore
import LOBFormats
import PostgresNIO

/// `lob serve`'s links, accounts and sessions. Every state a server keeps of a round is in these tables, not in the
/// process: several servers behind one proxy answer each request alike, and the conditional updates below (a
/// hand-in, a claim, an answer) let exactly one of two requests sent at once through.
extension PostgresStore: InvitationStore {
    /// The columns of an invitation, by name: a later migration that adds one does not change what is read.
    static let invitationColumns = """
        id, team, round, name, profileId, createdAt, expiresAt, revokedAt, closedAt, startedAt, finishedAt, address,
        tokenHash, csrf, draft, scanId, scan, codeHash
        """

    public func createInvitations(_ invitations: [NewInvitation]) async throws -> [Int64] {
        try await write { session in
            var ids: [Int64] = []
            for new in invitations {
                ids.append(
                    try await session.value(
                        """
                        INSERT INTO invitation (team, round, name, profileId, tokenHash, csrf, createdAt, expiresAt, address)
                        VALUES (\(new.team), \(new.round), \(new.name), \(new.profileID), \(new.tokenHash), \(new.csrf),
                        \(new.createdAt), \(new.expiresAt), \(new.address)) RETURNING id
                        """, as: Int64.self)!)
            }
            return ids
        }
    }

    public func invitation(tokenHash: String) async throws -> InvitationRecord? {
        try await invitations(where: "tokenHash = $1", tokenHash).first
    }

    public func invitation(id: Int64) async throws -> InvitationRecord? {
        try await invitations(where: "id = $1", id).first
    }

    public func invitations(team: String) async throws -> [Invitation] {
        try await invitations(where: "team = $1 ORDER BY createdAt, id", team).map(\.invitation)
    }

    public func legacyHandIns() async throws -> [InvitationRecord] {
        try await invitations(where: "scan IS NOT NULL ORDER BY id")
    }

    private func invitations(
        where condition: String, _ value: (any PostgresDynamicTypeEncodable)? = nil
    ) async throws -> [InvitationRecord] {
        var bindings = PostgresBindings()
        if let value { bindings.append(value) }
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(Self.invitationColumns) FROM invitation WHERE \(condition)", binds: bindings)
        return try await single { session in try await session.rows(query).map(Self.record) }
    }

    public func saveDraft(id: Int64, draft: String, at time: Int64) async throws {
        try await change(
            """
            UPDATE invitation SET draft = \(draft), startedAt = coalesce(startedAt, \(time))
            WHERE id = \(id) AND finishedAt IS NULL
            """)
    }

    public func beginHandIn(id: Int64, at time: Int64) async throws -> Bool {
        try await single { session in
            try await session.changes(
                """
                UPDATE invitation SET finishedAt = \(time), startedAt = coalesce(startedAt, \(time))
                WHERE id = \(id) AND (finishedAt IS NULL
                OR (scan IS NULL AND scanId IS NULL AND finishedAt < \(time - Self.handInGrace)))
                RETURNING id
                """) == 1
        }
    }

    /// A hand-in marked this long ago without a scan was cut off (the server stopped): it may be tried again.
    static let handInGrace: Int64 = 120

    public func cancelHandIn(id: Int64) async throws {
        try await change(
            "UPDATE invitation SET finishedAt = NULL WHERE id = \(id) AND scan IS NULL AND scanId IS NULL")
    }

    public func finish(id: Int64, scanID: Int64, at time: Int64, keepUntil: Int64) async throws {
        try await write { session in
            try await session.execute(
                """
                UPDATE invitation SET scanId = \(scanID), scan = NULL, draft = NULL,
                    finishedAt = coalesce(finishedAt, \(time)), startedAt = coalesce(startedAt, \(time))
                WHERE id = \(id)
                """)
            try await session.execute(
                "UPDATE linkDevice SET expiresAt = greatest(expiresAt, \(keepUntil)) WHERE invitationId = \(id)")
        }
    }

    public func clearAnswers(id: Int64) async throws {
        try await write { session in
            try await Self.deleteHandedIn(id, in: session)
            try await session.execute(
                "UPDATE invitation SET draft = NULL, scan = NULL, startedAt = NULL, finishedAt = NULL WHERE id = \(id)")
        }
    }

    /// Deletes the scan an invitation's colleague handed in (the invitation forgets it by its foreign key).
    private static func deleteHandedIn(_ id: Int64, in session: Session) async throws {
        try await session.execute("DELETE FROM scan WHERE id = (SELECT scanId FROM invitation WHERE id = \(id))")
    }

    public func claim(id: Int64, codeHash: String, device: LinkDevice, at time: Int64) async throws -> Bool {
        try await write { session in
            guard
                try await session.changes(
                    """
                    UPDATE invitation SET codeHash = \(codeHash), claimedAt = \(time)
                    WHERE id = \(id) AND codeHash IS NULL RETURNING id
                    """) == 1
            else { return false }
            try await Self.insert(device, in: session)
            return true
        }
    }

    public func addDevice(_ device: LinkDevice) async throws {
        try await write { session in
            // Expired browsers go as new ones come.
            try await session.execute(
                """
                DELETE FROM linkDevice WHERE invitationId = \(device.invitationID)
                AND expiresAt <= \(device.expiresAt - 366 * 86_400)
                """)
            try await Self.insert(device, in: session)
        }
    }

    private static func insert(_ device: LinkDevice, in session: Session) async throws {
        try await session.execute(
            """
            INSERT INTO linkDevice (tokenHash, invitationId, csrf, expiresAt)
            VALUES (\(device.tokenHash), \(device.invitationID), \(device.csrf), \(device.expiresAt))
            """)
    }

    public func device(tokenHash: String, invitationID: Int64, now: Int64) async throws -> LinkDevice? {
        try await single { session in
            try await session.rows(
                """
                SELECT tokenHash, invitationId, csrf, expiresAt FROM linkDevice
                WHERE tokenHash = \(tokenHash) AND invitationId = \(invitationID) AND expiresAt > \(now)
                """
            ).first.map { row in
                let (token, invitation, csrf, expires) = try row.decode((String, Int64, String, Int64).self)
                return LinkDevice(tokenHash: token, invitationID: invitation, csrf: csrf, expiresAt: expires)
            }
        }
    }

    public func restart(id: Int64) async throws {
        try await write { session in try await Self.restart(id, in: session) }
    }

    private static func restart(_ id: Int64, in session: Session) async throws {
        try await deleteHandedIn(id, in: session)
        try await session.execute(
            """
            UPDATE invitation SET draft = NULL, scan = NULL, startedAt = NULL, finishedAt = NULL, codeHash = NULL,
            claimedAt = NULL WHERE id = \(id)
            """)
        try await session.execute("DELETE FROM linkDevice WHERE invitationId = \(id)")
    }

    public func replaceToken(id: Int64, tokenHash: String, csrf: String, expiresAt: Int64) async throws {
        try await write { session in
            try await session.execute(
                """
                UPDATE invitation SET tokenHash = \(tokenHash), csrf = \(csrf), expiresAt = \(expiresAt),
                revokedAt = NULL WHERE id = \(id)
                """)
            try await Self.restart(id, in: session)
        }
    }

    public func revoke(id: Int64, at time: Int64) async throws {
        try await change("UPDATE invitation SET revokedAt = coalesce(revokedAt, \(time)) WHERE id = \(id)")
    }

    public func closeRound(team: String, round: String, at time: Int64) async throws {
        try await change(
            "UPDATE invitation SET closedAt = coalesce(closedAt, \(time)) WHERE team = \(team) AND round = \(round)")
    }

    // MARK: - The dashboard's accounts and sessions

    public func createAccount(login: String, team: String, passwordHash: String) async throws {
        try await write { session in
            // A new password for an existing login replaces the old one and ends its sessions.
            if let id = try await session.value(
                "SELECT id FROM dashboardAccount WHERE login = \(login) FOR UPDATE", as: Int64.self)
            {
                try await session.execute(
                    "UPDATE dashboardAccount SET team = \(team), passwordHash = \(passwordHash) WHERE id = \(id)")
                try await session.execute("DELETE FROM dashboardSession WHERE accountId = \(id)")
            } else {
                try await session.execute(
                    """
                    INSERT INTO dashboardAccount (login, team, passwordHash) VALUES (\(login), \(team), \(passwordHash))
                    """)
            }
        }
    }

    public func account(login: String) async throws -> DashboardAccount? {
        try await single { session in
            try await session.rows(
                "SELECT id, login, team, passwordHash FROM dashboardAccount WHERE login = \(login)"
            ).first.map(Self.account)
        }
    }

    public func createSession(tokenHash: String, accountID: Int64, csrf: String, expiresAt: Int64) async throws {
        try await write { session in
            // Expired sessions go as new ones come.
            try await session.execute("DELETE FROM dashboardSession WHERE expiresAt <= \(expiresAt - 86_400)")
            try await session.execute(
                """
                INSERT INTO dashboardSession (tokenHash, accountId, csrf, expiresAt)
                VALUES (\(tokenHash), \(accountID), \(csrf), \(expiresAt))
                """)
        }
    }

    public func session(tokenHash: String, now: Int64) async throws -> (account: DashboardAccount, csrf: String)? {
        try await single { session in
            guard
                let row = try await session.rows(
                    """
                    SELECT a.id, a.login, a.team, a.passwordHash, s.csrf FROM dashboardSession s
                    JOIN dashboardAccount a ON a.id = s.accountId WHERE s.tokenHash = \(tokenHash) AND s.expiresAt > \(now)
                    """
                ).first
            else { return nil }
            let (id, login, team, hash, csrf) = try row.decode((Int64, String, String, String, String).self)
            return (DashboardAccount(id: id, login: login, team: team, passwordHash: hash), csrf)
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await change("DELETE FROM dashboardSession WHERE tokenHash = \(tokenHash)")
    }

    // MARK: - Failed attempts

    public func reserveAttempt(_ keys: [AttemptKey], now: Int64, window: Int64) async throws -> Bool {
        try await write { session in
            // One server at a time per key, in one order: two guesses sent to two servers at once count as two.
            for name in Set(keys.map(\.name)).sorted() {
                try await session.execute("SELECT pg_advisory_xact_lock(hashtextextended(\("attempt|" + name), 0))")
            }
            try await session.execute("DELETE FROM failedAttempt WHERE at <= \(now - window)")
            for key in keys {
                let count =
                    try await session.value("SELECT count(*) FROM failedAttempt WHERE name = \(key.name)", as: Int.self)
                    ?? 0
                if count >= key.limit { return false }
            }
            try await session.execute(
                """
                INSERT INTO failedAttempt (name, at) SELECT k, \(now) FROM unnest(\(keys.map(\.name))::text[]) AS a (k)
                """)
            return true
        }
    }

    public func refundAttempt(_ keys: [AttemptKey], now: Int64) async throws {
        try await write { session in
            for key in keys {
                try await session.execute(
                    """
                    DELETE FROM failedAttempt WHERE ctid = (
                    SELECT ctid FROM failedAttempt WHERE name = \(key.name) AND at = \(now) LIMIT 1)
                    """)
            }
        }
    }

    public func invitation(
        tokenHash: String, deviceHash: String, now: Int64
    ) async throws -> (record: InvitationRecord, device: LinkDevice?)? {
        // One trip to the server for every save of an answer: the invitation and its browser in one row.
        let columns = Self.invitationColumns.split(separator: ",").map {
            "i." + $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        .joined(separator: ", ")
        var bindings = PostgresBindings()
        bindings.append(deviceHash)
        bindings.append(now)
        bindings.append(tokenHash)
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(columns), d.tokenHash, d.csrf, d.expiresAt FROM invitation i
                LEFT JOIN linkDevice d ON d.invitationId = i.id AND d.tokenHash = $1 AND d.expiresAt > $2
                WHERE i.tokenHash = $3
                """, binds: bindings)
        return try await single { session in
            guard let row = try await session.rows(query).first else { return nil }
            let record = try Self.record(row)
            let columns = row.makeRandomAccess()
            guard let token = try columns[18].decode(String?.self) else { return (record, nil) }
            return (
                record,
                LinkDevice(
                    tokenHash: token, invitationID: record.invitation.id, csrf: try columns[19].decode(String.self),
                    expiresAt: try columns[20].decode(Int64.self))
            )
        }
    }

    public func ping() async throws {
        _ = try await single { session in try await session.value("SELECT 1", as: Int.self) }
    }

    // MARK: - Raters' links

    public func createFeedbackRequest(_ request: NewFeedbackRequest, links: [NewFeedbackLink]) async throws -> [Int64] {
        try await write { session in
            let requestID = try await session.value(
                """
                INSERT INTO feedbackRequest
                (team, round, invitationId, subject, raterGroup, profileId, asked, answered, createdAt, moment)
                VALUES (\(request.team), \(request.round), \(request.invitationID), \(request.subject),
                \(request.group.rawValue), \(request.profileID), \(links.count), 0, \(request.createdAt),
                \(request.moment.rawValue))
                RETURNING id
                """, as: Int64.self)!
            var ids: [Int64] = []
            for link in links {
                ids.append(
                    try await session.value(
                        """
                        INSERT INTO feedbackInvitation
                        (team, subject, raterGroup, profileId, tokenHash, csrf, createdAt, expiresAt, requestId)
                        VALUES (\(request.team), '', \(request.group.rawValue), \(request.profileID), \(link.tokenHash),
                        \(link.csrf), \(request.createdAt), \(link.expiresAt), \(requestID)) RETURNING id
                        """, as: Int64.self)!)
            }
            return ids
        }
    }

    /// The columns of a request, by name.
    static let requestColumns =
        "id, team, round, invitationId, subject, raterGroup, profileId, asked, answered, createdAt, withdrawnAt, moment"

    public func feedbackRequests(team: String) async throws -> [FeedbackRequest] {
        try await read { session in
            try await session.rows(
                """
                SELECT \(unescaped: Self.requestColumns) FROM feedbackRequest WHERE team = \(team)
                ORDER BY createdAt, id
                """
            ).compactMap(Self.feedbackRequest)
        }
    }

    public func feedbackInvitation(tokenHash: String) async throws -> FeedbackInvitationRecord? {
        try await read { session in
            guard
                let row = try await session.rows(
                    """
                    SELECT id, expiresAt, tokenHash, csrf, deviceHash, draft, requestId FROM feedbackInvitation
                    WHERE tokenHash = \(tokenHash)
                    """
                ).first
            else { return nil }
            let (id, expires, token, csrf, device, draft, requestID) = try row.decode(
                (Int64, Int64, String, String, String?, String?, Int64?).self)
            guard
                let requestRow = try await session.rows(
                    "SELECT \(unescaped: Self.requestColumns) FROM feedbackRequest WHERE id = \(requestID)"
                ).first,
                let request = try Self.feedbackRequest(requestRow)
            else { return nil }
            return FeedbackInvitationRecord(
                invitation: FeedbackInvitation(id: id, request: request, expiresAt: expires), tokenHash: token,
                csrf: csrf, deviceHash: device, draft: draft)
        }
    }

    public func bindRater(id: Int64, deviceHash: String) async throws -> Bool {
        try await single { session in
            try await session.changes(
                """
                UPDATE feedbackInvitation SET deviceHash = \(deviceHash) WHERE id = \(id) AND deviceHash IS NULL
                RETURNING id
                """) == 1
        }
    }

    public func saveFeedbackDraft(id: Int64, draft: String) async throws {
        try await change("UPDATE feedbackInvitation SET draft = \(draft) WHERE id = \(id)")
    }

    public func answerFeedback(
        id: Int64, response: FeedbackResponse,
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> Bool {
        try await write { session in
            // Deleting the link is the claim: of two answers sent at once, one deletes it and the other finds none.
            guard
                let requestID = try await session.value(
                    "DELETE FROM feedbackInvitation WHERE id = \(id) RETURNING requestId", as: Int64.self)
            else { return false }
            try await session.execute("UPDATE feedbackRequest SET answered = answered + 1 WHERE id = \(requestID)")
            var stored = response
            stored.requestID = requestID
            _ = try await Self.insertFeedback([stored], deciding: release, in: session)
            return true
        }
    }

    public func withdrawFeedbackRequest(
        id: Int64, team: String, at time: Int64,
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> Bool {
        try await write { session in
            guard
                let row = try await session.rows(
                    """
                    SELECT \(unescaped: Self.requestColumns) FROM feedbackRequest
                    WHERE id = \(id) AND team = \(team) AND withdrawnAt IS NULL FOR UPDATE
                    """
                ).first,
                let request = try Self.feedbackRequest(row)
            else { return false }
            try await session.execute("DELETE FROM feedbackInvitation WHERE requestId = \(id)")
            try await session.execute("DELETE FROM feedbackResponse WHERE requestId = \(id)")
            try await session.execute(
                "UPDATE feedbackRequest SET withdrawnAt = \(time), asked = 0, answered = 0 WHERE id = \(id)")
            let scope = Scope(
                subjectKey: PrivacyRule.memberKey(request.subject), profileID: request.profileID,
                invitation: request.invitationID)
            try await session.execute("SELECT pg_advisory_xact_lock(hashtextextended(\(scope.lockName), 0))")
            try await Self.decide(scope, deciding: release, in: session)
            return true
        }
    }

    // MARK: - Helpers

    /// One statement that changes rows: a transaction by itself.
    private func change(_ query: PostgresQuery) async throws {
        try await single { session in try await session.execute(query) }
    }

    private static func record(_ row: PostgresRow) throws -> InvitationRecord {
        let (id, team, round, name, profileID, createdAt, expiresAt, revokedAt, closedAt, startedAt, finishedAt) =
            try row.decode(
                (Int64, String, String, String, String, Int64, Int64, Int64?, Int64?, Int64?, Int64?).self)
        let columns = row.makeRandomAccess()
        return InvitationRecord(
            invitation: Invitation(
                id: id, team: team, round: round, name: name, profileID: profileID, createdAt: createdAt,
                expiresAt: expiresAt, revokedAt: revokedAt, closedAt: closedAt, startedAt: startedAt,
                finishedAt: finishedAt, address: try columns[11].decode(String?.self)),
            tokenHash: try columns[12].decode(String.self), csrf: try columns[13].decode(String.self),
            draft: try columns[14].decode(String?.self), scanID: try columns[15].decode(Int64?.self),
            legacyScan: try columns[16].decode(String?.self), codeHash: try columns[17].decode(String?.self))
    }

    private static func account(_ row: PostgresRow) throws -> DashboardAccount {
        let (id, login, team, hash) = try row.decode((Int64, String, String, String).self)
        return DashboardAccount(id: id, login: login, team: team, passwordHash: hash)
    }

    static func feedbackRequest(_ row: PostgresRow) throws -> FeedbackRequest? {
        let (id, team, round, invitation, subject, group, profileID, asked, answered, createdAt, withdrawnAt, moment) =
            try row.decode(
                (Int64, String, String, Int64?, String, String, String, Int, Int, Int64, Int64?, String).self)
        guard let group = RaterGroup(rawValue: group), let moment = FeedbackMoment(rawValue: moment) else {
            return nil
        }
        return FeedbackRequest(
            id: id, team: team, round: round, invitationID: invitation, subject: subject, group: group,
            profileID: profileID, asked: asked, answered: answered, createdAt: createdAt, withdrawnAt: withdrawnAt,
            moment: moment)
    }
}
