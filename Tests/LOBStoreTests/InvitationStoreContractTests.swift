import GRDB
import LOBCore
import LOBMemoryStore
import LOBStore
import Testing

/// What every `InvitationStore` must do (`lob serve`'s links, accounts and sessions), against the protocol only; a
/// second implementation adds its factory to `stores`.
struct InvitationStoreContractTests {
    static let stores = TestStores.names

    static func make(_ name: String) async throws -> TestStores.Store { try await TestStores.make(name) }

    static func new(_ name: String, hash: String, round: String = "r", expires: Int64 = 2_000) -> NewInvitation {
        NewInvitation(
            team: "T", round: round, name: name, profileID: "p", tokenHash: hash, csrf: "c-\(hash)", createdAt: 1_000,
            expiresAt: expires)
    }

    @Test(arguments: stores)
    func an_invitation_is_found_by_its_hash_and_follows_its_colleague(store name: String) async throws {
        let store = try await Self.make(name)
        let ids = try await store.createInvitations([Self.new("Ans", hash: "h1"), Self.new("Bram", hash: "h2")])
        #expect(ids.count == 2 && ids[0] != ids[1])
        await #expect(try store.invitation(tokenHash: "h1")?.invitation.name == "Ans")
        await #expect(try store.invitation(tokenHash: "nee") == nil)
        // A hash is unique: the same one twice is refused, and nothing of that batch is kept.
        await #expect(throws: StoreError.constraint) {
            try await store.createInvitations([Self.new("Carla", hash: "h3"), Self.new("Dirk", hash: "h1")])
        }
        await #expect(try store.invitations(team: "T").map(\.name) == ["Ans", "Bram"])

        try await store.saveDraft(id: ids[0], draft: "{\"a\":1}", at: 1_100)
        try await store.saveDraft(id: ids[0], draft: "{\"a\":2}", at: 1_200)
        var ans = try await #require(try store.invitation(id: ids[0]))
        #expect(ans.draft == "{\"a\":2}" && ans.invitation.startedAt == 1_100 && ans.invitation.finishedAt == nil)
        // A handed-in scan is kept among the scans; the invitation keeps its id, and forgetting it deletes it.
        let scanID = try await store.save(
            StoreContractTests.scan("Ans", "2026-10-01", ["1.1": 3]), profile: StoreContractTests.profile)
        let expires = ans.invitation.expiresAt
        try await store.finish(id: ids[0], scanID: scanID, at: 1_300, keepUntil: 0)
        ans = try await #require(try store.invitation(id: ids[0]))
        #expect(ans.scanID == scanID && ans.isHandedIn && ans.invitation.finishedAt == 1_300)
        // Kept until at least a moment: never shorter than it was.
        #expect(ans.invitation.expiresAt == expires)
        await #expect(try store.summaries().map(\.id) == [scanID])
        try await store.clearAnswers(id: ids[0])
        ans = try await #require(try store.invitation(id: ids[0]))
        #expect(ans.scanID == nil && !ans.isHandedIn && ans.draft == nil && ans.invitation.startedAt == nil)
        await #expect(try store.scan(id: scanID) == nil)

        // A new link: the old hash opens nothing; a revocation is lifted by it; closing holds for the round.
        try await store.revoke(id: ids[1], at: 1_400)
        await #expect(try store.invitation(id: ids[1])?.invitation.linkState(now: 1_500) == .revoked)
        try await store.replaceToken(id: ids[1], tokenHash: "h2-nieuw", csrf: "c2", expiresAt: 3_000)
        await #expect(try store.invitation(tokenHash: "h2") == nil)
        await #expect(try store.invitation(tokenHash: "h2-nieuw")?.invitation.linkState(now: 2_500) == .active)
        try await store.closeRound(team: "T", round: "r", at: 1_600)
        await #expect(try store.invitations(team: "T").allSatisfy { $0.linkState(now: 1_700) == .closed })
    }

    @Test(arguments: stores)
    func a_link_is_claimed_once_handed_in_once_and_a_new_link_carries_nothing_over(store name: String) async throws {
        let store = try await Self.make(name)
        let ids = try await store.createInvitations([Self.new("Ans", hash: "h1"), Self.new("Bram", hash: "h2")])
        let device = LinkDevice(tokenHash: "d1", invitationID: ids[0], csrf: "dc1", expiresAt: 2_000)
        await #expect(try store.claim(id: ids[0], codeHash: "code", device: device, at: 1_050))
        // A second claim changes nothing: the code and the browser stay the first one's.
        let other = LinkDevice(tokenHash: "d2", invitationID: ids[0], csrf: "dc2", expiresAt: 2_000)
        await #expect(try !store.claim(id: ids[0], codeHash: "ander", device: other, at: 1_060))
        await #expect(try store.invitation(id: ids[0])?.codeHash == "code")
        await #expect(try store.device(tokenHash: "d2", invitationID: ids[0], now: 1_100) == nil)
        await #expect(try store.device(tokenHash: "d1", invitationID: ids[0], now: 1_100) == device)
        // A browser opens only its own link, and only until it expires.
        await #expect(try store.device(tokenHash: "d1", invitationID: ids[1], now: 1_100) == nil)
        await #expect(try store.device(tokenHash: "d1", invitationID: ids[0], now: 2_000) == nil)
        try await store.addDevice(other)
        await #expect(try store.device(tokenHash: "d2", invitationID: ids[0], now: 1_100) == other)
        // The invitation and its browser in one question: the same answers.
        let opened = try await store.invitation(tokenHash: "h1", deviceHash: "d1", now: 1_100)
        #expect(opened?.record.invitation.id == ids[0] && opened?.device == device)
        await #expect(try store.invitation(tokenHash: "h1", deviceHash: "d1", now: 2_000)?.device == nil)
        await #expect(try store.invitation(tokenHash: "h2", deviceHash: "d1", now: 1_100)?.device == nil)
        await #expect(
            try store.invitation(tokenHash: "h2", deviceHash: "d1", now: 1_100)?.record.invitation.name == "Bram")
        await #expect(try store.invitation(tokenHash: "nee", deviceHash: "d1", now: 1_100) == nil)

        // Handed in once: a second hand-in at the same moment is refused; a failed one can be tried again.
        try await store.saveDraft(id: ids[0], draft: "{}", at: 1_100)
        await #expect(try store.beginHandIn(id: ids[0], at: 1_200))
        await #expect(try !store.beginHandIn(id: ids[0], at: 1_200))
        try await store.cancelHandIn(id: ids[0])
        await #expect(try store.beginHandIn(id: ids[0], at: 1_210))
        let scanID = try await store.save(
            StoreContractTests.scan("Ans", "2026-10-01", ["1.1": 3]), profile: StoreContractTests.profile)
        try await store.finish(id: ids[0], scanID: scanID, at: 1_210, keepUntil: 9_000)
        var ans = try await #require(try store.invitation(id: ids[0]))
        #expect(ans.scanID == scanID && ans.draft == nil && ans.invitation.finishedAt == 1_210)
        // His browsers live on for his logbook; the link itself ends as it would, and no one else's browser changes.
        #expect(ans.invitation.expiresAt == 2_000 && ans.invitation.linkState(now: 5_000) == .expired)
        await #expect(try store.device(tokenHash: "d1", invitationID: ids[0], now: 5_000)?.expiresAt == 9_000)
        await #expect(try store.device(tokenHash: "d2", invitationID: ids[0], now: 8_999) != nil)
        await #expect(try store.device(tokenHash: "d1", invitationID: ids[0], now: 9_000) == nil)
        await #expect(try store.invitation(tokenHash: "h1", deviceHash: "d1", now: 5_000)?.device?.expiresAt == 9_000)
        await #expect(try !store.beginHandIn(id: ids[0], at: 9_999))

        // Starting again forgets answers, copy, code and browsers.
        try await store.restart(id: ids[0])
        ans = try await #require(try store.invitation(id: ids[0]))
        #expect(ans.scanID == nil && ans.draft == nil && ans.codeHash == nil && ans.invitation.finishedAt == nil)
        await #expect(try store.scan(id: scanID) == nil)
        await #expect(try store.device(tokenHash: "d1", invitationID: ids[0], now: 1_100) == nil)

        // A new link never carries a draft, a scan or a claim over.
        let bram = LinkDevice(tokenHash: "d3", invitationID: ids[1], csrf: "dc3", expiresAt: 2_000)
        await #expect(try store.claim(id: ids[1], codeHash: "code", device: bram, at: 1_050))
        try await store.saveDraft(id: ids[1], draft: "{\"geheim\":1}", at: 1_100)
        try await store.replaceToken(id: ids[1], tokenHash: "h2-nieuw", csrf: "c2", expiresAt: 3_000)
        let renewed = try await #require(try store.invitation(tokenHash: "h2-nieuw"))
        #expect(renewed.draft == nil && renewed.codeHash == nil && renewed.invitation.startedAt == nil)
        await #expect(try store.device(tokenHash: "d3", invitationID: ids[1], now: 1_100) == nil)
    }

    @Test(arguments: stores)
    func a_new_password_ends_the_sessions_and_an_expired_session_opens_nothing(store name: String) async throws {
        let store = try await Self.make(name)
        try await store.createAccount(login: "v", team: "T", passwordHash: "hash1")
        let account = try await #require(try store.account(login: "v"))
        try await store.createSession(tokenHash: "s1", accountID: account.id, csrf: "c", expiresAt: 5_000)
        await #expect(try store.session(tokenHash: "s1", now: 4_999)?.csrf == "c")
        await #expect(try store.session(tokenHash: "s1", now: 5_000) == nil)
        try await store.createAccount(login: "v", team: "T", passwordHash: "hash2")
        await #expect(try store.session(tokenHash: "s1", now: 1) == nil)
        await #expect(try store.account(login: "v")?.passwordHash == "hash2")
        try await store.createSession(tokenHash: "s2", accountID: account.id, csrf: "c", expiresAt: 5_000)
        try await store.deleteSession(tokenHash: "s2")
        await #expect(try store.session(tokenHash: "s2", now: 1) == nil)
    }

    @Test(arguments: stores)
    func a_raters_link_gives_one_response_is_then_forgotten_and_binds_one_browser(store name: String) async throws {
        let store = try await Self.make(name)
        let ans = try await store.createInvitations([Self.new("Ans", hash: "h1")])[0]
        let request = NewFeedbackRequest(
            team: "T", round: "r", invitationID: ans, subject: "Ans", group: .collega, profileID: "p",
            createdAt: 1_000)
        let ids = try await store.createFeedbackRequest(
            request,
            links: ["f1", "f2"].map { NewFeedbackLink(tokenHash: $0, csrf: "c-\($0)", expiresAt: 2_000) })
        #expect(ids.count == 2)
        // The first browser is bound; a second is not.
        await #expect(try store.bindRater(id: ids[0], deviceHash: "d1"))
        await #expect(try !store.bindRater(id: ids[0], deviceHash: "d2"))
        await #expect(try store.feedbackInvitation(tokenHash: "f1")?.deviceHash == "d1")
        try await store.saveFeedbackDraft(id: ids[0], draft: "{\"1.1\":3}")
        await #expect(try store.feedbackInvitation(tokenHash: "f1")?.draft == "{\"1.1\":3}")
        let response = FeedbackResponse(
            id: "r-00000001", subject: "Ans", group: .collega, profileID: "p", date: SchoolDate("2026-11-25")!,
            ratings: ["1.1": 3])
        let none = PrivacyRule.Release(threshold: 3, counted: [:], withheld: [:])
        await #expect(try store.answerFeedback(id: ids[0], response: response) { _, _ in none })
        // Answered: the link is gone, with its draft; its request counts one answer, and nothing says which link.
        await #expect(try store.feedbackInvitation(tokenHash: "f1") == nil)
        let counted = try await #require(try store.feedbackRequests(team: "T").first)
        #expect(counted.asked == 2 && counted.answered == 1 && counted.invitationID == ans)
        let second = FeedbackResponse(
            id: "r-00000002", subject: "Ans", group: .collega, profileID: "p", date: SchoolDate("2026-11-25")!,
            ratings: ["1.1": 1])
        await #expect(try !store.answerFeedback(id: ids[0], response: second) { _, _ in none })
        // The response belongs to Ans's invitation, not to everyone called Ans.
        await #expect(try store.feedback(invitation: ans, profileID: "p").responses.map(\.id) == ["r-00000001"])
        await #expect(try store.feedback(about: "Ans", profileID: "p").responses.isEmpty)
        // Undone: the other link and the response are gone; another team cannot undo it.
        await #expect(try !store.withdrawFeedbackRequest(id: counted.id, team: "Ander", at: 1_500) { _, _ in none })
        await #expect(try store.withdrawFeedbackRequest(id: counted.id, team: "T", at: 1_500) { _, _ in none })
        await #expect(try store.feedbackInvitation(tokenHash: "f2") == nil)
        await #expect(try store.feedback(invitation: ans, profileID: "p").responses.isEmpty)
        await #expect(try store.feedbackRequests(team: "T").first?.withdrawnAt == 1_500)
    }

    @Test(arguments: stores)
    func a_follow_up_request_keeps_its_moment_and_so_do_its_responses(store name: String) async throws {
        let store = try await Self.make(name)
        let ans = try await store.createInvitations([Self.new("Ans", hash: "h1")])[0]
        let request = NewFeedbackRequest(
            team: "T", round: "r", invitationID: ans, subject: "Ans", group: .leidinggevende, profileID: "p",
            createdAt: 1_000, moment: .vervolg)
        let ids = try await store.createFeedbackRequest(
            request, links: [NewFeedbackLink(tokenHash: "f1", csrf: "c", expiresAt: 2_000)])
        await #expect(try store.feedbackInvitation(tokenHash: "f1")?.invitation.request.moment == .vervolg)
        await #expect(try store.feedbackRequests(team: "T").map(\.moment) == [.vervolg])
        let response = FeedbackResponse(
            id: "r-00000003", subject: "Ans", group: .leidinggevende, profileID: "p", date: SchoolDate("2027-03-10")!,
            ratings: ["1.1": 3], moment: .vervolg)
        let none = PrivacyRule.Release(threshold: 3, counted: [:], withheld: [:])
        await #expect(try store.answerFeedback(id: ids[0], response: response) { _, _ in none })
        await #expect(try store.feedback(invitation: ans, profileID: "p").responses.map(\.moment) == [.vervolg])
    }

    @Test(arguments: stores)
    func failed_attempts_are_limited_per_key_refunded_and_forgotten_after_the_window(store name: String) async throws {
        let store = try await Self.make(name)
        let login = AttemptKey(name: "login:ans", limit: 2)
        let address = AttemptKey(name: "adres:10.0.0.1", limit: 3)
        await #expect(try store.reserveAttempt([login, address], now: 100, window: 60))
        await #expect(try store.reserveAttempt([login, address], now: 101, window: 60))
        // The login is at its limit: refused, and the address is not counted for it.
        await #expect(try !store.reserveAttempt([login, address], now: 102, window: 60))
        await #expect(try store.reserveAttempt([address], now: 102, window: 60))
        await #expect(try !store.reserveAttempt([address], now: 103, window: 60))
        // A check that succeeded is refunded: the login may try again.
        try await store.refundAttempt([login], now: 101)
        await #expect(try store.reserveAttempt([login], now: 104, window: 60))
        await #expect(try !store.reserveAttempt([login], now: 105, window: 60))
        // After the window the old attempts no longer count.
        await #expect(try store.reserveAttempt([login, address], now: 161, window: 60))
    }
}
