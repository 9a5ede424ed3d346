import LOBCore
import LOBStore
import Testing

/// What every `InvitationStore` must do (`lob serve`'s links, accounts and sessions), against the protocol only; a
/// second implementation adds its factory to `stores`.
struct InvitationStoreContractTests {
    typealias Store = any InvitationStore & FeedbackStore

    static let stores: [String] = ["SQLite in memory"]

    static func make(_ name: String) throws -> Store {
        switch name {
        default: try LOBDatabase.inMemory()
        }
    }

    static func new(_ name: String, hash: String, round: String = "r", expires: Int64 = 2_000) -> NewInvitation {
        NewInvitation(
            team: "T", round: round, name: name, profileID: "p", tokenHash: hash, csrf: "c-\(hash)", createdAt: 1_000,
            expiresAt: expires)
    }

    @Test(arguments: stores)
    func an_invitation_is_found_by_its_hash_and_follows_its_colleague(store name: String) throws {
        let store = try Self.make(name)
        let ids = try store.createInvitations([Self.new("Ans", hash: "h1"), Self.new("Bram", hash: "h2")])
        #expect(ids.count == 2 && ids[0] != ids[1])
        #expect(try store.invitation(tokenHash: "h1")?.invitation.name == "Ans")
        #expect(try store.invitation(tokenHash: "nee") == nil)
        // A hash is unique: the same one twice is refused, and nothing of that batch is kept.
        #expect(throws: (any Error).self) {
            try store.createInvitations([Self.new("Carla", hash: "h3"), Self.new("Dirk", hash: "h1")])
        }
        #expect(try store.invitations(team: "T").map(\.name) == ["Ans", "Bram"])

        try store.saveDraft(id: ids[0], draft: "{\"a\":1}", at: 1_100)
        try store.saveDraft(id: ids[0], draft: "{\"a\":2}", at: 1_200)
        var ans = try #require(try store.invitation(id: ids[0]))
        #expect(ans.draft == "{\"a\":2}" && ans.invitation.startedAt == 1_100 && ans.invitation.finishedAt == nil)
        try store.finish(id: ids[0], scan: "scan", at: 1_300)
        ans = try #require(try store.invitation(id: ids[0]))
        #expect(ans.scan == "scan" && ans.invitation.finishedAt == 1_300)
        try store.clearAnswers(id: ids[0])
        ans = try #require(try store.invitation(id: ids[0]))
        #expect(ans.scan == nil && ans.draft == nil && ans.invitation.startedAt == nil)

        // A new link: the old hash opens nothing; a revocation is lifted by it; closing holds for the round.
        try store.revoke(id: ids[1], at: 1_400)
        #expect(try store.invitation(id: ids[1])?.invitation.linkState(now: 1_500) == .revoked)
        try store.replaceToken(id: ids[1], tokenHash: "h2-nieuw", csrf: "c2", expiresAt: 3_000)
        #expect(try store.invitation(tokenHash: "h2") == nil)
        #expect(try store.invitation(tokenHash: "h2-nieuw")?.invitation.linkState(now: 2_500) == .active)
        try store.closeRound(team: "T", round: "r", at: 1_600)
        #expect(try store.invitations(team: "T").allSatisfy { $0.linkState(now: 1_700) == .closed })
    }

    @Test(arguments: stores)
    func a_new_password_ends_the_sessions_and_an_expired_session_opens_nothing(store name: String) throws {
        let store = try Self.make(name)
        try store.createAccount(login: "v", team: "T", passwordHash: "hash1")
        let account = try #require(try store.account(login: "v"))
        try store.createSession(tokenHash: "s1", accountID: account.id, csrf: "c", expiresAt: 5_000)
        #expect(try store.session(tokenHash: "s1", now: 4_999)?.csrf == "c")
        #expect(try store.session(tokenHash: "s1", now: 5_000) == nil)
        try store.createAccount(login: "v", team: "T", passwordHash: "hash2")
        #expect(try store.session(tokenHash: "s1", now: 1) == nil)
        #expect(try store.account(login: "v")?.passwordHash == "hash2")
        try store.createSession(tokenHash: "s2", accountID: account.id, csrf: "c", expiresAt: 5_000)
        try store.deleteSession(tokenHash: "s2")
        #expect(try store.session(tokenHash: "s2", now: 1) == nil)
    }

    @Test(arguments: stores)
    func a_raters_link_gives_one_response_and_keeps_no_draft(store name: String) throws {
        let store = try Self.make(name)
        let id = try #require(
            try store.createFeedbackInvitations([
                NewFeedbackInvitation(
                    team: "T", subject: "Ans", group: .collega, profileID: "p", tokenHash: "f1", csrf: "c",
                    createdAt: 1_000, expiresAt: 2_000)
            ]).first)
        try store.saveFeedbackDraft(id: id, draft: "{\"1.1\":3}")
        #expect(try store.feedbackInvitation(tokenHash: "f1")?.draft == "{\"1.1\":3}")
        let response = FeedbackResponse(
            id: "r-00000001", subject: "Ans", group: .collega, profileID: "p", date: SchoolDate("2026-11-25")!,
            ratings: ["1.1": 3])
        let none = PrivacyRule.Release(threshold: 3, counted: [:], withheld: [:])
        #expect(try store.answerFeedback(id: id, response: response, at: 1_100) { _, _ in none })
        let record = try #require(try store.feedbackInvitation(tokenHash: "f1"))
        #expect(record.draft == nil && record.invitation.answeredAt == 1_100)
        // A second answer through the same link stores nothing.
        let second = FeedbackResponse(
            id: "r-00000002", subject: "Ans", group: .collega, profileID: "p", date: SchoolDate("2026-11-25")!,
            ratings: ["1.1": 1])
        #expect(try !store.answerFeedback(id: id, response: second, at: 1_200) { _, _ in none })
        #expect(try store.feedback(about: "Ans", profileID: "p").responses.map(\.id) == ["r-00000001"])
        // A draft after answering is not kept either.
        try store.saveFeedbackDraft(id: id, draft: "{}")
        #expect(try store.feedbackInvitation(tokenHash: "f1")?.draft == nil)
    }
}
