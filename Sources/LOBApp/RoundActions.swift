import Foundation
import LOBCore

// MARK: - A scan round on a server (`lob serve`)

extension LOBApp {
    /// A link made for one colleague: the token is in it, and is shown this once.
    public struct IssuedLink: Sendable, Hashable {
        public let invitationID: Int64
        public let name: String
        public let token: String
    }

    /// The names of a list as one person each is named: white space folded, empty lines dropped; a name over the
    /// length of a name or with hidden characters (control, bidirectional) is refused, whichever front end sent it.
    static func names(_ list: [String]) throws -> [String] {
        let names = list.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw AppError.invitationList("de lijst noemt niemand") }
        if let bad = names.first(where: { !VisibleText.lineFaults($0, maximum: VisibleText.nameLength).isEmpty }) {
            throw AppError.invitationList(
                "'\(VisibleText.make(String(bad.prefix(60))))' is geen naam van hooguit \(VisibleText.nameLength) tekens zonder onzichtbare tekens"
            )
        }
        return names
    }

    /// How long a link is valid unless said otherwise.
    public static let defaultLinkDays = 21

    /// Opens a round: one personal link per colleague, valid for `days`. Names are checked as a team's members are
    /// (the same person twice is refused).
    public func openRound(
        team: String, round: String, profileID: String, names: [String], days: Int = defaultLinkDays, now: Int64
    ) throws -> [IssuedLink] {
        let cleaned = try Self.names(names)
        var seen: [String: String] = [:]
        for name in cleaned {
            if let first = seen[PrivacyRule.memberKey(name)] {
                throw AppError.invitationList("'\(first)' en '\(name)' zijn dezelfde persoon")
            }
            seen[PrivacyRule.memberKey(name)] = name
        }
        let existing = Set(
            try invitations.invitations(team: team).filter { $0.round == round }.map {
                PrivacyRule.memberKey($0.name)
            })
        if let again = cleaned.first(where: { existing.contains(PrivacyRule.memberKey($0)) }) {
            throw AppError.invitationList(
                "'\(again)' is al uitgenodigd voor deze ronde: stuur een nieuwe link vanaf het dashboard")
        }
        return try issue(cleaned, store: invitations.createInvitations) { name, tokenHash in
            NewInvitation(
                team: team, round: round, name: name, profileID: profileID, tokenHash: tokenHash, csrf: Secret.make(),
                createdAt: now, expiresAt: Self.expiry(now, days: days))
        }
    }

    /// One new link per label: a fresh token each, of which `make` gets only the hash for the record `store` keeps;
    /// the links with their tokens, to show once.
    private func issue<New>(
        _ labels: [String], store: ([New]) throws -> [Int64], make: (String, String) -> New
    ) throws -> [IssuedLink] {
        let tokens = labels.map { _ in Secret.make() }
        let ids = try store(zip(labels, tokens).map { make($0, Secret.hash($1)) })
        return zip(ids, zip(labels, tokens)).map { IssuedLink(invitationID: $0, name: $1.0, token: $1.1) }
    }

    /// When a link made now stops working.
    static func expiry(_ now: Int64, days: Int) -> Int64 { now + Int64(days) * 86_400 }

    /// The invitation a link opens, when it still does. An unknown token and a wrong one get the same answer.
    public func invitation(token: String, now: Int64) throws -> InvitationRecord {
        try open(token, now: now, find: invitations.invitation(tokenHash:))
    }

    /// The record a personal link (a colleague's or a rater's) opens: a token of the wrong shape is refused before the
    /// store is asked, the store finds it by its hash, the hash is compared again in constant time, and the link must
    /// still be valid.
    private func open<Record: PersonalLink>(
        _ token: String, now: Int64, find: (String) throws -> Record?
    ) throws -> Record {
        guard Secret.wellFormed(token) else { throw AppError.linkNotValid(nil) }
        let hash = Secret.hash(token)
        guard let record = try find(hash), Secret.equal(record.tokenHash, hash) else {
            throw AppError.linkNotValid(nil)
        }
        let state = record.linkState(now: now)
        guard state == .active else { throw AppError.linkNotValid(state) }
        return record
    }

    /// Checks a state-changing request's CSRF token against the page's.
    public static func checkCSRF(_ given: String?, expected: String) throws {
        guard let given, Secret.equal(given, expected) else { throw AppError.forbidden }
    }

    /// Keeps the form's state after one more answer.
    public func saveDraft(_ record: InvitationRecord, draft: String, now: Int64) throws {
        guard record.scan == nil else { throw AppError.alreadyFinished }
        try invitations.saveDraft(id: record.invitation.id, draft: draft, at: now)
    }

    /// Hands in the finished scan: under his own name and the round's team, whatever the page sent, into the team's
    /// round by his consent (a private scan withdraws what the team kept of him, as `lob team import` does), then
    /// kept with the invitation for his own report. The team's copy is written first: a crash in between leaves an
    /// unfinished invitation, and handing in again changes nothing in the team (the same scan).
    public func handIn(
        _ record: InvitationRecord, scan submitted: Scan, profile: Profile, now: Int64, encode: (Scan) -> String
    ) throws -> (scan: Scan, outcome: TeamImportOutcome) {
        guard record.scan == nil else { throw AppError.alreadyFinished }
        var scan = submitted
        scan.teacher = record.invitation.name
        scan.team = record.invitation.team
        let result = try importScans(
            [TeamMemberScan(scan, profile: profile)], team: record.invitation.team, round: record.invitation.round)
        // Nothing was stored: say so, rather than show a scan as handed in that counts nowhere.
        if result.outcomes[0] == .olderThanWithdrawal { throw AppError.notNewerThanWithdrawal }
        try invitations.finish(
            id: record.invitation.id, scan: encode(scan), at: now)
        return (scan, result.outcomes[0])
    }

    /// Deletes his scan: from the team's round and from the server; his link opens an empty scan again.
    public func deleteOwnScan(_ record: InvitationRecord) throws {
        if try teams.team(record.invitation.team) != nil {
            _ = try teams.removeScans(
                team: record.invitation.team, round: record.invitation.round, teacher: record.invitation.name)
        }
        try invitations.clearAnswers(id: record.invitation.id)
    }

    // MARK: The dashboard

    /// A new session for an account whose password `verify` accepted; nil otherwise. `verify(password, nil)` is
    /// asked for an unknown login: it must spend the time a real check takes and say no, so that a wrong login and a
    /// wrong password look alike.
    public func logIn(
        login: String, password: String, verify: (String, String?) -> Bool, now: Int64, hours: Int = 8
    ) throws -> (cookie: String, csrf: String, account: DashboardAccount)? {
        guard let account = try invitations.account(login: login) else {
            _ = verify(password, nil)
            return nil
        }
        guard verify(password, account.passwordHash) else { return nil }
        let (cookie, csrf) = (Secret.make(), Secret.make())
        try invitations.createSession(
            tokenHash: Secret.hash(cookie), accountID: account.id, csrf: csrf, expiresAt: now + Int64(hours) * 3600)
        return (cookie, csrf, account)
    }

    public func session(cookie: String, now: Int64) throws -> (account: DashboardAccount, csrf: String)? {
        guard Secret.wellFormed(cookie) else { return nil }
        return try invitations.session(tokenHash: Secret.hash(cookie), now: now)
    }

    public func logOut(cookie: String) throws {
        guard Secret.wellFormed(cookie) else { return }
        try invitations.deleteSession(tokenHash: Secret.hash(cookie))
    }

    /// Per round of a team: invited, started, finished. Never who chose which consent.
    public func roundProgress(team: String) throws -> [RoundProgress] {
        RoundProgress.of(try invitations.invitations(team: team))
    }

    /// One of the team's invitations; another team's is as unknown as a missing one.
    public func teamInvitation(_ id: Int64, team: String) throws -> Invitation {
        guard let record = try invitations.invitation(id: id), record.invitation.team == team else {
            throw AppError.linkNotValid(nil)
        }
        return record.invitation
    }

    /// A new link for a colleague (lost mail, expired link): the old one stops working.
    public func resend(_ id: Int64, team: String, days: Int = defaultLinkDays, now: Int64) throws -> IssuedLink {
        let invitation = try teamInvitation(id, team: team)
        guard invitation.closedAt == nil else { throw AppError.linkNotValid(.closed) }
        let token = Secret.make()
        try invitations.replaceToken(
            id: id, tokenHash: Secret.hash(token), csrf: Secret.make(), expiresAt: Self.expiry(now, days: days))
        return IssuedLink(invitationID: id, name: invitation.name, token: token)
    }

    public func revoke(_ id: Int64, team: String, now: Int64) throws {
        _ = try teamInvitation(id, team: team)
        try invitations.revoke(id: id, at: now)
    }

    public func closeRound(team: String, round: String, now: Int64) throws {
        try invitations.closeRound(team: team, round: round, at: now)
    }

    public func createAccount(login: String, team: String, passwordHash: String) throws {
        try invitations.createAccount(login: login, team: team, passwordHash: passwordHash)
    }
}

// MARK: - Raters' links for 360° feedback

extension LOBApp {
    /// Links for raters to give feedback about a teacher: one per rater, labelled with the names given, which are
    /// shown once and never stored. A leidinggevende is one person; pupils only on a profile with the school's own
    /// pupil-worded statements.
    public func inviteRaters(
        team: String, subject: String, group: RaterGroup, profile: Profile, names: [String],
        days: Int = defaultLinkDays, now: Int64
    ) throws -> [IssuedLink] {
        let labels = try Self.names(names)
        guard let who = try Self.names([subject]).first else {
            throw AppError.invitationList("wie wordt er beoordeeld?")
        }
        if group == .leidinggevende, labels.count > 1 {
            throw AppError.invitationList("er is één leidinggevende; de lijst noemt er \(labels.count)")
        }
        if group == .leerling, (profile.pupilStatements ?? [:]).isEmpty {
            throw AppError.invitationList(
                "profiel \(profile.id) heeft geen uitspraken voor leerlingen (pupilStatements); zie docs/feedback.md")
        }
        if labels.contains(where: { PrivacyRule.memberKey($0) == PrivacyRule.memberKey(who) }) {
            throw AppError.invitationList("\(who) kan zichzelf geen feedback geven")
        }
        return try issue(labels, store: invitations.createFeedbackInvitations) { _, tokenHash in
            NewFeedbackInvitation(
                team: team, subject: who, group: group, profileID: profile.id, tokenHash: tokenHash,
                csrf: Secret.make(), createdAt: now, expiresAt: Self.expiry(now, days: days))
        }
    }

    /// The rater's link, when it still opens; `AppError.alreadyFinished` once he answered.
    public func raterInvitation(token: String, now: Int64) throws -> FeedbackInvitationRecord {
        try open(token, now: now, find: invitations.feedbackInvitation(tokenHash:))
    }

    public func saveRaterDraft(_ record: FeedbackInvitationRecord, draft: String) throws {
        guard record.invitation.answeredAt == nil else { throw AppError.alreadyFinished }
        try invitations.saveFeedbackDraft(id: record.invitation.id, draft: draft)
    }

    /// Stores the rater's answers as a response about the link's teacher, group and profile (whatever the page sent),
    /// with a new random id that nothing links to the link; the link is then used up. `AppError.alreadyFinished` when
    /// it was already.
    public func answerAsRater(
        _ record: FeedbackInvitationRecord, ratings: [Behaviour.ID: Int], remarks: [Competency.ID: String],
        profile: Profile, date: SchoolDate, now: Int64
    ) throws {
        let invitation = record.invitation
        let response = FeedbackResponse(
            id: "r-" + String(Secret.hash(Secret.make()).prefix(32)), subject: invitation.subject,
            group: invitation.group, profileID: invitation.profileID, date: date, ratings: ratings, remarks: remarks)
        let stored = try invitations.answerFeedback(id: invitation.id, response: response, at: now) {
            responses, earlier in
            FeedbackAnalysis(scan: nil, profile: profile, responses: responses, earlier: earlier, catalogue: catalogue)
                .release
        }
        guard stored else { throw AppError.alreadyFinished }
    }

    /// Per teacher and group: how many raters were asked and how many answered. Never who.
    public func raterProgress(team: String) throws -> [FeedbackProgress] {
        FeedbackProgress.of(try invitations.feedbackInvitations(team: team))
    }
}
