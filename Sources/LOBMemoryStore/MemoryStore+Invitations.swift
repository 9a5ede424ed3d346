import LOBCore

extension MemoryStore: InvitationStore {
    public func createInvitations(_ new: [NewInvitation]) async throws -> [Int64] {
        // A token's hash is unique: one taken refuses the whole batch.
        let hashes = new.map(\.tokenHash)
        guard Set(hashes).count == hashes.count, !invitations.values.contains(where: { hashes.contains($0.tokenHash) })
        else { throw constraintRefused }
        return new.map { made in
            let id = nextID()
            invitations[id] = KeptInvitation(
                invitation: Invitation(
                    id: id, team: made.team, round: made.round, name: made.name, profileID: made.profileID,
                    createdAt: made.createdAt, expiresAt: made.expiresAt, address: made.address),
                tokenHash: made.tokenHash, csrf: made.csrf)
            return id
        }
    }

    private func record(_ kept: KeptInvitation) -> InvitationRecord {
        InvitationRecord(
            invitation: kept.invitation, tokenHash: kept.tokenHash, csrf: kept.csrf, draft: kept.draft,
            scanID: kept.scanID, codeHash: kept.codeHash)
    }

    /// Changes one invitation's dates and keeps the rest.
    private func change(_ id: Int64, _ body: (inout KeptInvitation, Invitation) -> Invitation) {
        guard var kept = invitations[id] else { return }
        kept.invitation = body(&kept, kept.invitation)
        invitations[id] = kept
    }

    private func with(
        _ invitation: Invitation, revokedAt: Int64?? = .none, closedAt: Int64?? = .none, startedAt: Int64?? = .none,
        finishedAt: Int64?? = .none
    ) -> Invitation {
        Invitation(
            id: invitation.id, team: invitation.team, round: invitation.round, name: invitation.name,
            profileID: invitation.profileID, createdAt: invitation.createdAt, expiresAt: invitation.expiresAt,
            revokedAt: revokedAt ?? invitation.revokedAt, closedAt: closedAt ?? invitation.closedAt,
            startedAt: startedAt ?? invitation.startedAt, finishedAt: finishedAt ?? invitation.finishedAt,
            address: invitation.address)
    }

    public func invitation(tokenHash: String) async throws -> InvitationRecord? {
        invitations.values.first { $0.tokenHash == tokenHash }.map(record)
    }

    public func invitation(id: Int64) async throws -> InvitationRecord? { invitations[id].map(record) }

    public func invitations(team: String) async throws -> [Invitation] {
        invitations.sorted { $0.key < $1.key }.map(\.value.invitation).filter { $0.team == team }
    }

    public func saveDraft(id: Int64, draft: String, at time: Int64) async throws {
        guard invitations[id]?.invitation.finishedAt == nil else { return }
        change(id) { kept, invitation in
            kept.draft = draft
            return with(invitation, startedAt: invitation.startedAt ?? time)
        }
    }

    public func beginHandIn(id: Int64, at time: Int64) async throws -> Bool {
        guard let kept = invitations[id] else { return false }
        // A hand-in marked this long ago without a scan was cut off (the server stopped): it may be tried again.
        let cutOff = kept.scanID == nil && (kept.invitation.finishedAt ?? time) < time - 120
        guard kept.invitation.finishedAt == nil || cutOff else { return false }
        change(id) { _, invitation in
            with(invitation, startedAt: invitation.startedAt ?? time, finishedAt: time)
        }
        return true
    }

    public func cancelHandIn(id: Int64) async throws {
        guard invitations[id]?.scanID == nil else { return }
        change(id) { _, invitation in with(invitation, finishedAt: .some(nil)) }
    }

    public func finish(id: Int64, scanID: Int64, at time: Int64, keepUntil: Int64) async throws {
        change(id) { kept, invitation in
            kept.scanID = scanID
            kept.draft = nil
            return with(invitation, startedAt: invitation.startedAt ?? time, finishedAt: invitation.finishedAt ?? time)
        }
        devices = devices.map { device in
            guard device.invitationID == id else { return device }
            return LinkDevice(
                tokenHash: device.tokenHash, invitationID: id, csrf: device.csrf,
                expiresAt: max(device.expiresAt, keepUntil))
        }
    }

    public func clearAnswers(id: Int64) async throws {
        deleteHandedIn(id)
        change(id) { kept, invitation in
            kept.draft = nil
            return with(invitation, startedAt: .some(nil), finishedAt: .some(nil))
        }
    }

    public func legacyHandIns() async throws -> [InvitationRecord] {
        // Scans handed in before scans had one home exist only in databases made before it.
        []
    }

    private func deleteHandedIn(_ id: Int64) {
        guard let scanID = invitations[id]?.scanID else { return }
        scans[scanID] = nil
        invitations[id]?.scanID = nil
    }

    public func claim(id: Int64, codeHash: String, device: LinkDevice, at time: Int64) async throws -> Bool {
        guard let kept = invitations[id], kept.codeHash == nil else { return false }
        invitations[id]?.codeHash = codeHash
        devices.append(device)
        return true
    }

    public func addDevice(_ device: LinkDevice) async throws {
        // Expired browsers go as new ones come.
        devices.removeAll { $0.invitationID == device.invitationID && $0.expiresAt <= device.expiresAt - 366 * 86_400 }
        devices.append(device)
    }

    public func device(tokenHash: String, invitationID: Int64, now: Int64) async throws -> LinkDevice? {
        devices.first { $0.tokenHash == tokenHash && $0.invitationID == invitationID && $0.expiresAt > now }
    }

    public func restart(id: Int64) async throws {
        deleteHandedIn(id)
        change(id) { kept, invitation in
            kept.draft = nil
            kept.codeHash = nil
            return with(invitation, startedAt: .some(nil), finishedAt: .some(nil))
        }
        devices.removeAll { $0.invitationID == id }
    }

    public func replaceToken(id: Int64, tokenHash: String, csrf: String, expiresAt: Int64) async throws {
        guard let kept = invitations[id] else { return }
        let old = kept.invitation
        invitations[id]?.tokenHash = tokenHash
        invitations[id]?.csrf = csrf
        invitations[id]?.invitation = Invitation(
            id: old.id, team: old.team, round: old.round, name: old.name, profileID: old.profileID,
            createdAt: old.createdAt, expiresAt: expiresAt, revokedAt: nil, closedAt: old.closedAt,
            startedAt: old.startedAt, finishedAt: old.finishedAt, address: old.address)
        try await restart(id: id)
    }

    public func revoke(id: Int64, at time: Int64) async throws {
        change(id) { _, invitation in with(invitation, revokedAt: invitation.revokedAt ?? time) }
    }

    public func closeRound(team: String, round: String, at time: Int64) async throws {
        for (id, kept) in invitations where kept.invitation.team == team && kept.invitation.round == round {
            change(id) { _, invitation in with(invitation, closedAt: invitation.closedAt ?? time) }
        }
    }

    // MARK: Raters' links

    public func createFeedbackRequest(_ request: NewFeedbackRequest, links: [NewFeedbackLink]) async throws -> [Int64] {
        let hashes = links.map(\.tokenHash)
        guard Set(hashes).count == hashes.count, !raterLinks.values.contains(where: { hashes.contains($0.tokenHash) })
        else { throw constraintRefused }
        let requestID = nextID()
        requests[requestID] = FeedbackRequest(
            id: requestID, team: request.team, round: request.round, invitationID: request.invitationID,
            subject: request.subject, group: request.group, profileID: request.profileID, asked: links.count,
            answered: 0, createdAt: request.createdAt, moment: request.moment)
        return links.map { link in
            let id = nextID()
            raterLinks[id] = KeptRaterLink(
                id: id, requestID: requestID, tokenHash: link.tokenHash, csrf: link.csrf, expiresAt: link.expiresAt)
            return id
        }
    }

    public func feedbackRequests(team: String) async throws -> [FeedbackRequest] {
        requests.values.filter { $0.team == team }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func feedbackInvitation(tokenHash: String) async throws -> FeedbackInvitationRecord? {
        guard let link = raterLinks.values.first(where: { $0.tokenHash == tokenHash }),
            let request = requests[link.requestID]
        else { return nil }
        return FeedbackInvitationRecord(
            invitation: FeedbackInvitation(id: link.id, request: request, expiresAt: link.expiresAt),
            tokenHash: link.tokenHash, csrf: link.csrf, deviceHash: link.deviceHash, draft: link.draft)
    }

    public func bindRater(id: Int64, deviceHash: String) async throws -> Bool {
        guard let link = raterLinks[id], link.deviceHash == nil else { return false }
        raterLinks[id]?.deviceHash = deviceHash
        return true
    }

    public func saveFeedbackDraft(id: Int64, draft: String) async throws {
        raterLinks[id]?.draft = draft
    }

    public func answerFeedback(
        id: Int64, response: FeedbackResponse,
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> Bool {
        guard let link = raterLinks.removeValue(forKey: id), let request = requests[link.requestID] else {
            return false
        }
        requests[request.id] = counted(request, answered: request.answered + 1)
        var stored = response
        stored.requestID = request.id
        _ = insertFeedback([stored], deciding: release)
        return true
    }

    public func withdrawFeedbackRequest(
        id: Int64, team: String, at time: Int64,
        release: @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    ) async throws -> Bool {
        guard let request = requests[id], request.team == team, request.withdrawnAt == nil else { return false }
        raterLinks = raterLinks.filter { $0.value.requestID != id }
        responses.removeAll { $0.requestID == id }
        requests[id] = counted(request, asked: 0, answered: 0, withdrawnAt: time)
        decide(
            Scope(
                subjectKey: PrivacyRule.memberKey(request.subject), profileID: request.profileID,
                invitation: request.invitationID), deciding: release)
        return true
    }

    private func counted(
        _ request: FeedbackRequest, asked: Int? = nil, answered: Int, withdrawnAt: Int64? = nil
    ) -> FeedbackRequest {
        FeedbackRequest(
            id: request.id, team: request.team, round: request.round, invitationID: request.invitationID,
            subject: request.subject, group: request.group, profileID: request.profileID,
            asked: asked ?? request.asked, answered: answered, createdAt: request.createdAt,
            withdrawnAt: withdrawnAt ?? request.withdrawnAt, moment: request.moment)
    }

    // MARK: The dashboard's accounts

    public func createAccount(login: String, team: String, passwordHash: String) async throws {
        // A new password for an existing login replaces the old one and ends its sessions.
        if let index = accounts.firstIndex(where: { $0.login == login }) {
            let id = accounts[index].id
            accounts[index] = DashboardAccount(id: id, login: login, team: team, passwordHash: passwordHash)
            sessions.removeAll { $0.accountID == id }
        } else {
            accounts.append(DashboardAccount(id: nextID(), login: login, team: team, passwordHash: passwordHash))
        }
    }

    public func account(login: String) async throws -> DashboardAccount? {
        accounts.first { $0.login == login }
    }

    public func createSession(tokenHash: String, accountID: Int64, csrf: String, expiresAt: Int64) async throws {
        // Expired sessions go as new ones come.
        sessions.removeAll { $0.expiresAt <= expiresAt - 86_400 }
        sessions.append(KeptSession(tokenHash: tokenHash, accountID: accountID, csrf: csrf, expiresAt: expiresAt))
    }

    public func session(tokenHash: String, now: Int64) async throws -> (account: DashboardAccount, csrf: String)? {
        guard let session = sessions.first(where: { $0.tokenHash == tokenHash && $0.expiresAt > now }),
            let account = accounts.first(where: { $0.id == session.accountID })
        else { return nil }
        return (account, session.csrf)
    }

    public func deleteSession(tokenHash: String) async throws {
        sessions.removeAll { $0.tokenHash == tokenHash }
    }

    public func reserveAttempt(_ keys: [AttemptKey], now: Int64, window: Int64) async throws -> Bool {
        attempts.removeAll { $0.at <= now - window }
        for key in keys where attempts.count(where: { $0.name == key.name }) >= key.limit { return false }
        attempts += keys.map { (name: $0.name, at: now) }
        return true
    }

    public func invitation(
        tokenHash: String, deviceHash: String, now: Int64
    ) async throws -> (record: InvitationRecord, device: LinkDevice?)? {
        try await invitationAndDevice(tokenHash: tokenHash, deviceHash: deviceHash, now: now)
    }

    public func ping() async throws {}

    public func refundAttempt(_ keys: [AttemptKey], now: Int64) async throws {
        for key in keys {
            if let index = attempts.firstIndex(where: { $0.name == key.name && $0.at == now }) {
                attempts.remove(at: index)
            }
        }
    }
}
