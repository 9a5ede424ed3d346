import Foundation
import LOBCore

// MARK: - A scan round on a server (`lob serve`)

extension LOBApp {
    /// A link made for one colleague: the token is in it, and is shown this once.
    public struct IssuedLink: Sendable, Hashable {
        public let invitationID: Int64
        public let name: String
        public let token: String
        /// Where to mail it, when the list gave an address.
        public var address: String? = nil
    }

    /// One person to invite, and where his link may be mailed.
    public struct Invitee: Sendable, Hashable {
        public let name: String
        public let address: String?

        public init(name: String, address: String? = nil) {
            self.name = name
            self.address = address
        }
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
    /// How long a colleague's bound browsers keep opening his link after he handed in, for his logbook behind it
    /// (level 1 without a terminal, the reminders of a follow-up 6 to 12 weeks after his activities): the rest of a
    /// school year. The link itself still ends after its own days (no new browser, no code); revoking it or closing
    /// the round ends it for his browsers too.
    public static let defaultLogbookDays = 300

    /// Opens a round: one personal link per colleague, valid for `days`. Names are checked as a team's members are
    /// (the same person twice is refused).
    public func openRound(
        team: String, round: String, profileID: String, names: [String], days: Int = defaultLinkDays, now: Int64
    ) async throws -> [IssuedLink] {
        try await openRound(
            team: team, round: round, profileID: profileID, invitees: names.map { Invitee(name: $0) }, days: days,
            now: now)
    }

    /// Opens a round for people with, where given, the address their link is mailed to (kept, for a new link).
    public func openRound(
        team: String, round: String, profileID: String, invitees: [Invitee], days: Int = defaultLinkDays, now: Int64
    ) async throws -> [IssuedLink] {
        try Self.checkLabel(team, .team)
        try Self.checkLabel(round, .round)
        let cleaned = try Self.names(invitees.map(\.name))
        let addresses = try Self.addresses(invitees)
        var seen: [String: String] = [:]
        for name in cleaned {
            if let first = seen[PrivacyRule.memberKey(name)] {
                throw AppError.invitationList("'\(first)' en '\(name)' zijn dezelfde persoon")
            }
            seen[PrivacyRule.memberKey(name)] = name
        }
        let existing = await Set(
            try invitations.invitations(team: team).filter { $0.round == round }.map {
                PrivacyRule.memberKey($0.name)
            })
        if let again = cleaned.first(where: { existing.contains(PrivacyRule.memberKey($0)) }) {
            throw AppError.invitationList(
                "'\(again)' is al uitgenodigd voor deze ronde: stuur een nieuwe link vanaf het dashboard")
        }
        return try await issue(cleaned, addresses: addresses, store: invitations.createInvitations) { name, tokenHash in
            NewInvitation(
                team: team, round: round, name: name, profileID: profileID, tokenHash: tokenHash, csrf: Secret.make(),
                createdAt: now, expiresAt: Self.expiry(now, days: days), address: addresses[PrivacyRule.memberKey(name)]
            )
        }
    }

    /// Per person (by `PrivacyRule.memberKey`), the address his link goes to; an address that is no address is
    /// refused, whichever front end sent it.
    static func addresses(_ invitees: [Invitee]) throws -> [String: String] {
        var result: [String: String] = [:]
        for invitee in invitees {
            guard let address = invitee.address else { continue }
            guard MailAddress.isValid(address) else {
                throw AppError.invitationList("'\(VisibleText.make(String(address.prefix(60))))' is geen e-mailadres")
            }
            result[PrivacyRule.memberKey(invitee.name)] = address
        }
        return result
    }

    /// One new link per label: a fresh token each, of which `make` gets only the hash for the record `store` keeps;
    /// the links with their tokens, to show once.
    private func issue<New>(
        _ labels: [String], addresses: [String: String], store: ([New]) async throws -> [Int64],
        make: (String, String) -> New
    ) async throws -> [IssuedLink] {
        let tokens = labels.map { _ in Secret.make() }
        let ids = try await store(zip(labels, tokens).map { make($0, Secret.hash($1)) })
        return zip(ids, zip(labels, tokens)).map {
            IssuedLink(
                invitationID: $0, name: $1.0, token: $1.1, address: addresses[PrivacyRule.memberKey($1.0)])
        }
    }

    /// When a link made now stops working.
    public static func expiry(_ now: Int64, days: Int) -> Int64 { now + Int64(days) * 86_400 }

    /// The invitation a link opens, when it still does. An unknown token and a wrong one get the same answer.
    public func invitation(token: String, now: Int64) async throws -> InvitationRecord {
        try await open(token, now: now, find: invitations.invitation(tokenHash:))
    }

    /// The record a personal link (a colleague's or a rater's) opens: a token of the wrong shape is refused before the
    /// store is asked, the store finds it by its hash, the hash is compared again in constant time, and the link must
    /// still be valid.
    /// `stillOpens` may let an expired record through (a handed-in link in a browser bound to it).
    private func open<Record: PersonalLink>(
        _ token: String, now: Int64, find: (String) async throws -> Record?,
        stillOpens: (Record) -> Bool = { _ in false }
    ) async throws -> Record {
        guard Secret.wellFormed(token) else { throw AppError.linkNotValid(nil) }
        let hash = Secret.hash(token)
        guard let record = try await find(hash), Secret.equal(record.tokenHash, hash) else {
            throw AppError.linkNotValid(nil)
        }
        let state = record.linkState(now: now)
        guard state == .active || (state == .expired && stillOpens(record)) else {
            throw AppError.linkNotValid(state)
        }
        return record
    }

    /// Checks a state-changing request's CSRF token against the page's.
    public static func checkCSRF(_ given: String?, expected: String) throws {
        guard let given, Secret.equal(given, expected) else { throw AppError.forbidden }
    }

    /// Keeps the form's state after one more answer.
    public func saveDraft(_ record: InvitationRecord, draft: String, now: Int64) async throws {
        guard !record.isHandedIn, record.invitation.finishedAt == nil else { throw AppError.alreadyFinished }
        try await invitations.saveDraft(id: record.invitation.id, draft: draft, at: now)
    }

    /// Hands in the finished scan: under his own name and the round's team, whatever the page sent, into the team's
    /// round by his consent (a private scan withdraws what the team kept of him, as `lob team import` does), then
    /// kept among the scans for his own report (`lob scans list` and `lob report` on the server's database show it
    /// too), the invitation keeping its id. Once per link: the invitation is marked first, so a second hand-in sent
    /// at the same moment is refused; a failed one unmarks it. The browsers bound to his link then keep opening it
    /// for `logbookDays` (never less than they did), for his logbook behind it; the link itself ends as it would.
    public func handIn(
        _ record: InvitationRecord, scan submitted: Scan, profile: Profile, today: SchoolDate, now: Int64,
        logbookDays: Int = defaultLogbookDays
    ) async throws -> (scan: StoredScan, outcome: TeamImportOutcome) {
        let id = record.invitation.id
        guard !record.isHandedIn, try await invitations.beginHandIn(id: id, at: now) else {
            throw AppError.alreadyFinished
        }
        var saved: Int64?
        do {
            // His name, his team and the day he hands in are the server's, whatever the page sent.
            var scan = submitted
            scan.teacher = record.invitation.name
            scan.team = record.invitation.team
            scan.date = today
            let result = try await importScans(
                [TeamMemberScan(scan, profile: profile)], team: record.invitation.team, round: record.invitation.round)
            // Nothing was stored: say so, rather than show a scan as handed in that counts nowhere.
            if result.outcomes[0] == .olderThanWithdrawal { throw AppError.notNewerThanWithdrawal }
            let scanID = try await scans.save(scan, profile: profile)
            saved = scanID
            try await invitations.finish(
                id: id, scanID: scanID, at: now, keepUntil: Self.expiry(now, days: logbookDays))
            return (StoredScan(id: scanID, scan: scan, profile: profile), result.outcomes[0])
        } catch {
            if let saved { _ = try? await scans.deleteScan(id: saved) }
            try? await invitations.cancelHandIn(id: id)
            throw error
        }
    }

    /// His handed-in scan, nil before he hands it in (or after he deleted it).
    public func handedInScan(_ record: InvitationRecord) async throws -> StoredScan? {
        guard let id = record.scanID else { return nil }
        return try await scans.scan(id: id)
    }

    /// Moves the scans handed in before scans had one home (kept as scan files' text on the invitation) among the
    /// scans, `decode` reading each; returns how many. A text that no longer reads stays where it is.
    public func adoptLegacyHandIns(decode: (InvitationRecord, String) throws -> (Scan, Profile)) async throws -> Int {
        var moved = 0
        for record in try await invitations.legacyHandIns() {
            guard let text = record.legacyScan, let (scan, profile) = try? decode(record, text) else { continue }
            let scanID = try await scans.saveIfNew(scan, profile: profile).id
            try await invitations.finish(
                id: record.invitation.id, scanID: scanID, at: record.invitation.finishedAt ?? 0, keepUntil: 0)
            moved += 1
        }
        return moved
    }

    /// Changes who may see his handed-in scan, without answering again: the same scan with the new choice goes through
    /// the team import's rules (privé withdraws him from the team and its history; back from privé counts only from
    /// the next day, `notNewerThanWithdrawal`). `nil` when the choice is the one he had.
    public func changeConsent(
        _ record: InvitationRecord, to consent: Consent, today: SchoolDate
    ) async throws -> TeamImportOutcome? {
        // Not handed in (or deleted since): there is no choice to change.
        guard let stored = try await handedInScan(record) else { throw AppError.linkNotValid(nil) }
        let (scan, profile) = (stored.scan, stored.profile)
        guard consent != scan.consent else { return nil }
        var changed = scan
        changed.consent = consent
        // Coming back after a withdrawal is a new choice of today's: the team's rule counts it only if it is newer.
        if scan.consent == .prive { changed.date = today }
        let result = try await importScans(
            [TeamMemberScan(changed, profile: profile)], team: record.invitation.team, round: record.invitation.round)
        if result.outcomes[0] == .olderThanWithdrawal { throw AppError.notNewerThanWithdrawal }
        // The same scan with the new choice, in its place (it stays finished).
        guard try await scans.saveDraft(changed, profile: profile, id: stored.id) != nil else {
            throw AppError.linkNotValid(nil)
        }
        return result.outcomes[0]
    }

    /// Deletes his scan: from the team's round and from the server; his link opens an empty scan again.
    public func deleteOwnScan(_ record: InvitationRecord) async throws {
        // A team the store does not know removes nothing.
        _ = try await teams.removeScans(
            team: record.invitation.team, round: record.invitation.round, teacher: record.invitation.name)
        try await invitations.clearAnswers(id: record.invitation.id)
    }

    // MARK: Claiming a link

    /// What a browser gets for a link it may open: a cookie (shown this once, stored as a hash) and the CSRF token of
    /// its requests.
    public struct LinkKey: Sendable, Hashable {
        public let cookie: String
        public let device: LinkDevice
    }

    /// The shortest personal code, and the longest (bcrypt reads 72 bytes; more would be ignored unseen).
    public static let codeLength = 8
    public static let codeBytes = 72

    /// Checks a personal code as the colleague chose it.
    static func checkCode(_ code: String, repeated: String) throws {
        guard code.count >= codeLength else { throw AppError.personalCode(.tooShort) }
        guard code.utf8.count <= codeBytes else { throw AppError.personalCode(.tooLong) }
        guard !code.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw AppError.personalCode(.hidden)
        }
        guard code == repeated else { throw AppError.personalCode(.different) }
    }

    /// Claims an unclaimed link for the colleague who opened it: his code (as `hash` makes it, slowly) and this
    /// browser. From then on only that browser or his code opens the link.
    public func claimLink(
        _ record: InvitationRecord, code: String, repeated: String, hash: (String) async throws -> String, now: Int64
    ) async throws -> LinkKey {
        guard !record.isClaimed else { throw AppError.linkClaimed }
        try Self.checkCode(code, repeated: repeated)
        let key = newKey(record, expiresAt: record.invitation.expiresAt)
        guard
            try await invitations.claim(
                id: record.invitation.id, codeHash: try await hash(code), device: key.device, at: now)
        else {
            throw AppError.linkClaimed
        }
        return key
    }

    /// Binds one more browser to a claimed link when `verify(code, hash)` accepts his code; nil otherwise. After he
    /// handed in, the browser keeps his logbook as the ones bound before (`logbookDays` after the hand-in).
    public func unlockLink(
        _ record: InvitationRecord, code: String, verify: (String, String) async throws -> Bool, now: Int64,
        logbookDays: Int = defaultLogbookDays
    ) async throws -> LinkKey? {
        guard let codeHash = record.codeHash, !codeHash.isEmpty, code.utf8.count <= Self.codeBytes,
            try await verify(code, codeHash)
        else { return nil }
        var until = record.invitation.expiresAt
        if record.isHandedIn, let finished = record.invitation.finishedAt {
            until = max(until, Self.expiry(finished, days: logbookDays))
        }
        let key = newKey(record, expiresAt: until)
        try await invitations.addDevice(key.device)
        return key
    }

    /// A new browser key for the link, its cookie valid until `expiresAt`.
    private func newKey(_ record: InvitationRecord, expiresAt: Int64) -> LinkKey {
        let cookie = Secret.make()
        return LinkKey(
            cookie: cookie,
            device: LinkDevice(
                tokenHash: Secret.hash(cookie), invitationID: record.invitation.id, csrf: Secret.make(),
                expiresAt: expiresAt))
    }

    /// The invitation a colleague's link opens (as `invitation(token:now:)`) with the browser his cookie names when it
    /// is bound to the link (as `linkDevice`): one question to the store for every save.
    ///
    /// After he handed in, a browser bound to his link keeps opening it when the link itself has expired: his logbook
    /// lives behind it (`handIn`'s `logbookDays`). The link alone, or a new browser with his code, opens nothing then.
    public func openedInvitation(
        token: String, cookie: String?, now: Int64
    ) async throws -> (record: InvitationRecord, device: LinkDevice?) {
        var device: LinkDevice?
        let bound = { (record: InvitationRecord) -> Bool in
            guard record.isClaimed, let cookie, let found = device else { return false }
            return Secret.equal(found.tokenHash, Secret.hash(cookie))
        }
        let record = try await open(token, now: now) { hash in
            guard let cookie, Secret.wellFormed(cookie) else {
                return try await invitations.invitation(tokenHash: hash)
            }
            let found = try await invitations.invitation(tokenHash: hash, deviceHash: Secret.hash(cookie), now: now)
            device = found?.device
            return found?.record
        } stillOpens: { record in
            record.isHandedIn && bound(record)
        }
        return (record, bound(record) ? device : nil)
    }

    /// Starts the link again for whoever lost both his browser and his code: everything of him on the server is
    /// forgotten (what the team's round counts stays), and the link opens an empty scan to claim.
    public func restartLink(_ record: InvitationRecord) async throws {
        try await invitations.restart(id: record.invitation.id)
    }

    /// Whether the database answers: what a proxy's health check asks of each server.
    public func databaseAnswers() async -> Bool {
        (try? await invitations.ping()) != nil
    }

    // MARK: Failed attempts

    /// Counts an attempt against every key before a password, a personal code or a link is checked: false, counting
    /// nothing, when one of them is at its limit (the server then answers 429). Every server on the database counts
    /// the same attempts.
    public func reserveAttempt(_ keys: [AttemptKey], now: Int64, window: Int64) async throws -> Bool {
        try await invitations.reserveAttempt(keys, now: now, window: window)
    }

    /// Takes back an attempt reserved at `now` that succeeded.
    public func refundAttempt(_ keys: [AttemptKey], now: Int64) async throws {
        try await invitations.refundAttempt(keys, now: now)
    }

    // MARK: The dashboard

    /// A new session for an account whose password `verify` accepted; nil otherwise. `verify(password, nil)` is
    /// asked for an unknown login: it must spend the time a real check takes and say no, so that a wrong login and a
    /// wrong password look alike.
    public func logIn(
        login: String, password: String, verify: (String, String?) async throws -> Bool, now: Int64, hours: Int = 8
    ) async throws -> (cookie: String, csrf: String, account: DashboardAccount)? {
        // bcrypt reads 72 bytes: a longer password was never accepted as an account's (`checkPassword`).
        guard let account = try await invitations.account(login: login), password.utf8.count <= Self.passwordBytes
        else {
            _ = try await verify(String(password.utf8.prefix(Self.passwordBytes)) ?? "", nil)
            return nil
        }
        guard try await verify(password, account.passwordHash) else { return nil }
        let (cookie, csrf) = (Secret.make(), Secret.make())
        try await invitations.createSession(
            tokenHash: Secret.hash(cookie), accountID: account.id, csrf: csrf, expiresAt: now + Int64(hours) * 3600)
        return (cookie, csrf, account)
    }

    public func session(cookie: String, now: Int64) async throws -> (account: DashboardAccount, csrf: String)? {
        guard Secret.wellFormed(cookie) else { return nil }
        return try await invitations.session(tokenHash: Secret.hash(cookie), now: now)
    }

    public func logOut(cookie: String) async throws {
        guard Secret.wellFormed(cookie) else { return }
        try await invitations.deleteSession(tokenHash: Secret.hash(cookie))
    }

    /// Per round of a team: invited, started, finished. Never who chose which consent.
    /// What the teamvoorzitter's dashboard shows of his team: the rounds' progress, every invitation, the rounds with
    /// figures, and the requests for 360° feedback.
    public struct Dashboard: Sendable {
        public let progress: [RoundProgress]
        public let invitations: [Invitation]
        /// The rounds that have a handed-in scan (and so a team overview).
        public let teamRounds: Set<String>
        public let feedbackRequests: [FeedbackRequest]
    }

    public func dashboard(team: String) async throws -> Dashboard {
        let invited = try await invitations.invitations(team: team)
        return Dashboard(
            progress: RoundProgress.of(invited), invitations: invited,
            teamRounds: Set(try await teams.team(team)?.rounds ?? []),
            feedbackRequests: try await invitations.feedbackRequests(team: team))
    }

    /// One of the team's invitations; another team's is as unknown as a missing one.
    public func teamInvitation(_ id: Int64, team: String) async throws -> Invitation {
        guard let record = try await invitations.invitation(id: id), record.invitation.team == team else {
            throw AppError.linkNotValid(nil)
        }
        return record.invitation
    }

    /// A new link for a colleague (lost mail, expired link): the old one stops working.
    public func resend(_ id: Int64, team: String, days: Int = defaultLinkDays, now: Int64) async throws -> IssuedLink {
        let invitation = try await teamInvitation(id, team: team)
        guard invitation.closedAt == nil else { throw AppError.linkNotValid(.closed) }
        let token = Secret.make()
        try await invitations.replaceToken(
            id: id, tokenHash: Secret.hash(token), csrf: Secret.make(), expiresAt: Self.expiry(now, days: days))
        return IssuedLink(invitationID: id, name: invitation.name, token: token, address: invitation.address)
    }

    public func revoke(_ id: Int64, team: String, now: Int64) async throws {
        _ = try await teamInvitation(id, team: team)
        try await invitations.revoke(id: id, at: now)
    }

    public func closeRound(team: String, round: String, now: Int64) async throws {
        try await invitations.closeRound(team: team, round: round, at: now)
    }

    /// The shortest password of a dashboard login, and the longest: bcrypt reads 72 bytes, and would silently
    /// ignore the rest.
    public static let passwordLength = 10
    public static let passwordBytes = 72

    /// A dashboard login for a team, or a new password for one (which ends its sessions); `hash` makes the slow hash.
    public func createAccount(
        login: String, team: String, password: String, hash: (String) async throws -> String
    ) async throws {
        try Self.checkLabel(team, .team)
        try Self.checkLabel(login, .login)
        guard password.count >= Self.passwordLength else { throw AppError.password(.tooShort) }
        guard password.utf8.count <= Self.passwordBytes else { throw AppError.password(.tooLong) }
        try await invitations.createAccount(login: login, team: team, passwordHash: try await hash(password))
    }
}

// MARK: - Raters' links for 360° feedback

extension LOBApp {
    /// Links for raters to give feedback about a colleague invited in the account's own team (his invitation, chosen,
    /// not typed: another team's request never reaches his report): one per rater, labelled with the names given,
    /// which are shown once and never stored. The raters rate on his round's profile. A leidinggevende is one person,
    /// and one per colleague per round; pupils only on a profile with the school's own pupil-worded statements.
    public func inviteRaters(
        team: String, invitation id: Int64, group: RaterGroup, profile: Profile, names: [String],
        days: Int = defaultLinkDays, moment: FeedbackMoment = .nulmeting, now: Int64
    ) async throws -> [IssuedLink] {
        try await inviteRaters(
            team: team, invitation: id, group: group, profile: profile, invitees: names.map { Invitee(name: $0) },
            days: days, moment: moment, now: now)
    }

    /// Raters' links, each mailed (where an address is given) to its rater; the addresses, like the names, are not
    /// kept. A follow-up (`moment: .vervolg`) asks the goal behaviours of the plan of his handed-in scan only, so it
    /// needs that scan.
    public func inviteRaters(
        team: String, invitation id: Int64, group: RaterGroup, profile: Profile, invitees: [Invitee],
        days: Int = defaultLinkDays, moment: FeedbackMoment = .nulmeting, now: Int64
    ) async throws -> [IssuedLink] {
        let names = invitees.map(\.name)
        let addresses = try Self.addresses(invitees)
        let invitation = try await teamInvitation(id, team: team)
        guard invitation.closedAt == nil else { throw AppError.linkNotValid(.closed) }
        guard profile.id == invitation.profileID else {
            throw AppError.invitationList("de feedback gaat over het profiel van de ronde (\(invitation.profileID))")
        }
        let labels = try Self.names(names)
        let who = invitation.name
        if moment == .vervolg {
            guard group != .leerling else {
                throw AppError.invitationList("een vervolgmeting vraag je aan collega's of de leidinggevende")
            }
            guard try await invitations.invitation(id: id)?.scanID != nil else {
                throw AppError.invitationList(
                    "\(who) heeft nog geen scan ingeleverd: de vervolgmeting gaat over de doelen van zijn plan")
            }
        }
        if group == .leidinggevende {
            guard labels.count == 1 else {
                throw AppError.invitationList("er is één leidinggevende; de lijst noemt er \(labels.count)")
            }
            let earlier = try await invitations.feedbackRequests(team: team).contains {
                $0.invitationID == id && $0.group == .leidinggevende && $0.withdrawnAt == nil && $0.moment == moment
            }
            if earlier {
                throw AppError.invitationList(
                    moment == .vervolg
                        ? "\(who) heeft in deze ronde al een vervolgmeting van een leidinggevende; trek die vraag eerst in als het de verkeerde was"
                        : "\(who) heeft in deze ronde al een leidinggevende; trek die vraag eerst in als het de verkeerde was"
                )
            }
        }
        if group == .leerling, (profile.pupilStatements ?? [:]).isEmpty {
            throw AppError.invitationList(
                "profiel \(profile.id) heeft geen uitspraken voor leerlingen (pupilStatements); zie docs/feedback.md")
        }
        if labels.contains(where: { PrivacyRule.memberKey($0) == PrivacyRule.memberKey(who) }) {
            throw AppError.invitationList("\(who) kan zichzelf geen feedback geven")
        }
        var seen: Set<String> = []
        if let again = labels.first(where: { !seen.insert(PrivacyRule.memberKey($0)).inserted }) {
            throw AppError.invitationList("'\(again)' staat twee keer in de lijst")
        }
        guard labels.count <= Self.maximumRaters else {
            throw AppError.invitationList("hooguit \(Self.maximumRaters) beoordelaars per vraag")
        }
        let request = NewFeedbackRequest(
            team: team, round: invitation.round, invitationID: id, subject: who, group: group, profileID: profile.id,
            createdAt: now, moment: moment)
        return try await issue(
            labels, addresses: addresses, store: { try await invitations.createFeedbackRequest(request, links: $0) }
        ) { _, hash in
            NewFeedbackLink(tokenHash: hash, csrf: Secret.make(), expiresAt: Self.expiry(now, days: days))
        }
    }

    /// A colleague's invitation in a team's open round, by his name (and the round's label, or else his latest open
    /// round): what `lob feedback invite` asks feedback about.
    public func roundInvitation(team: String, round: String?, name: String) async throws -> Invitation {
        let key = PrivacyRule.memberKey(name)
        let open = try await invitations.invitations(team: team).filter {
            PrivacyRule.memberKey($0.name) == key && $0.closedAt == nil && (round == nil || $0.round == round)
        }
        guard let latest = open.last else {
            throw AppError.invitationList(
                "\(name) is niet uitgenodigd in een open ronde van team \(team)"
                    + (round.map { " met de naam '\($0)'" } ?? "") + "; open eerst een ronde (lob team round open)")
        }
        return latest
    }

    /// The most raters one request asks: more is a mistake, not a team.
    public static let maximumRaters = 60

    /// The rater's link, when it still opens and has not been answered (an answered link is as unknown as a wrong
    /// one).
    public func raterInvitation(token: String, now: Int64) async throws -> FeedbackInvitationRecord {
        try await open(token, now: now, find: invitations.feedbackInvitation(tokenHash:))
    }

    /// The browser of a rater: the first to open the link is bound to it (a new cookie, returned to set); later only
    /// that browser opens it. nil for any other browser, which sees what an unknown link shows.
    public func raterBrowser(
        _ record: FeedbackInvitationRecord, cookie: String?
    ) async throws -> (bound: Bool, newCookie: String?) {
        if let deviceHash = record.deviceHash {
            guard let cookie, Secret.wellFormed(cookie), !deviceHash.isEmpty,
                Secret.equal(deviceHash, Secret.hash(cookie))
            else { return (false, nil) }
            return (true, nil)
        }
        let fresh = Secret.make()
        guard try await invitations.bindRater(id: record.invitation.id, deviceHash: Secret.hash(fresh)) else {
            return (false, nil)
        }
        return (true, fresh)
    }

    public func saveRaterDraft(_ record: FeedbackInvitationRecord, draft: String) async throws {
        try await invitations.saveFeedbackDraft(id: record.invitation.id, draft: draft)
    }

    /// Stores the rater's answers as a response about the link's colleague, group and profile (whatever the page
    /// sent), with a new random id and the request's, and nothing of the link, which is forgotten.
    /// `AppError.alreadyFinished` when it was already answered.
    public func answerAsRater(
        _ record: FeedbackInvitationRecord, ratings: [Behaviour.ID: Int], remarks: [Competency.ID: String],
        profile: Profile, date: SchoolDate
    ) async throws {
        let invitation = record.invitation
        let response = FeedbackResponse(
            id: "r-" + String(Secret.hash(Secret.make()).prefix(32)), subject: invitation.subject,
            group: invitation.group, profileID: invitation.profileID, date: date, ratings: ratings, remarks: remarks,
            requestID: invitation.request.id, moment: invitation.request.moment)
        let stored = try await invitations.answerFeedback(
            id: invitation.id, response: response, release: release(profile))
        guard stored else { throw AppError.alreadyFinished }
    }

    /// Undoes a wrong request (the wrong colleague, the wrong group): its links stop working and the answers given
    /// through them are deleted.
    public func withdrawRaters(_ id: Int64, team: String, profile: Profile, now: Int64) async throws {
        guard try await invitations.withdrawFeedbackRequest(id: id, team: team, at: now, release: release(profile))
        else {
            throw AppError.linkNotValid(nil)
        }
    }

    private func release(
        _ profile: Profile
    )
        -> @Sendable ([FeedbackResponse], [PrivacyRule.Release]) -> PrivacyRule.Release
    {
        { [catalogue] responses, earlier in
            FeedbackAnalysis(scan: nil, profile: profile, responses: responses, earlier: earlier, catalogue: catalogue)
                .release
        }
    }

    /// The team's requests for feedback: per colleague and group how many were asked and answered. Never who.
    public func feedbackRequests(team: String) async throws -> [FeedbackRequest] {
        try await invitations.feedbackRequests(team: team)
    }

    /// The feedback given through the links about one colleague's invitation, beside his handed-in scan.
    public func feedbackAnalysis(
        _ stored: StoredScan, invitation: Int64, moment: FeedbackMoment = .nulmeting
    ) async throws -> FeedbackAnalysis {
        let (responses, releases) = try await feedback.feedback(invitation: invitation, profileID: stored.profile.id)
        guard responses.contains(where: { $0.moment == moment }) else {
            throw AppError.noFeedback(teacher: stored.scan.teacher, profile: stored.profile.id)
        }
        return FeedbackAnalysis(
            scan: stored.scan, profile: stored.profile, responses: responses, earlier: releases, catalogue: catalogue,
            moment: moment)
    }

    /// What a follow-up request's raters are asked: the goal behaviours of the plan of the colleague's handed-in scan
    /// (nil for the first feedback, which asks the whole profile).
    public func followUpBehaviours(
        _ request: FeedbackRequest, activities: (Profile) -> ActivityCatalogue?
    ) async throws -> Set<Behaviour.ID>? {
        guard request.moment == .vervolg else { return nil }
        guard let id = request.invitationID, let record = try await invitations.invitation(id: id),
            let stored = try await handedInScan(record), let catalogue = activities(stored.profile)
        else { return [] }
        return Set(
            plan(stored, activities: catalogue, options: .init()).goals.flatMap { $0.behaviours.map(\.behaviour.id) })
    }

    /// Whether any feedback came in through the links about a colleague's invitation.
    public func hasFeedback(invitation: Int64, profileID: String) async throws -> Bool {
        try await feedback.feedback(invitation: invitation, profileID: profileID).responses.contains {
            $0.moment == .nulmeting
        }
    }
}
