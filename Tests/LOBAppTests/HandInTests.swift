import LOBApp
import LOBCore
import LOBMemoryStore
import Testing

/// The application core's user actions over the in-memory store: what a hand-in, a change of consent and deleting
/// one's scan mean, whichever front end sent them.
struct HandInTests {
    static let profile = Profile(id: "p", title: "P", behaviours: ["1.1", "1.2", "2.1"], defaultTarget: 3)
    static let today = SchoolDate("2026-11-25")!

    static func scan(consent: Consent) -> Scan {
        Scan(
            teacher: "wie dan ook", team: "ander team", profileID: "p", date: SchoolDate("2000-01-01")!,
            answers: ["1.1": .init(score: 2), "1.2": .init(score: 4), "2.1": .init(score: 3)], consent: consent)
    }

    /// A round with one invitation, opened as `lob team round open` does, and its token.
    static func invited(_ app: LOBApp) async throws -> String {
        try await app.openRound(team: "Bouw", round: "voorjaar", profileID: "p", names: ["Ans Bakker"], now: 1_000)[0]
            .token
    }

    @Test func a_handed_in_scan_is_a_scan_under_his_own_name_and_counts_in_his_team() async throws {
        let app = LOBApp(store: MemoryStore())
        let token = try await Self.invited(app)
        let record = try await app.invitation(token: token, now: 1_000)
        let (stored, outcome) = try await app.handIn(
            record, scan: Self.scan(consent: .metNaam), profile: Self.profile, today: Self.today, now: 1_100)
        #expect(outcome == .added)
        #expect(stored.scan.teacher == "Ans Bakker" && stored.scan.team == "Bouw" && stored.scan.date == Self.today)
        // One home: the scan list and the report read it as any scan.
        #expect(try await app.scanList().finished.map(\.id) == [stored.id])
        #expect(try await app.report(stored.id, compareWith: nil).scan == stored)
        let handedIn = try await app.invitation(token: token, now: 1_200)
        #expect(try await app.handedInScan(handedIn) == stored)
        #expect(try await app.members(team: "Bouw").map(\.teacher) == ["Ans Bakker"])
        // Once per link.
        await #expect(throws: AppError.alreadyFinished) {
            try await app.handIn(
                handedIn, scan: Self.scan(consent: .metNaam), profile: Self.profile, today: Self.today, now: 1_300)
        }
    }

    @Test func choosing_private_afterwards_withdraws_him_from_the_team_but_keeps_his_own_scan() async throws {
        let app = LOBApp(store: MemoryStore())
        let token = try await Self.invited(app)
        let (stored, _) = try await app.handIn(
            try await app.invitation(token: token, now: 1_000), scan: Self.scan(consent: .anoniem),
            profile: Self.profile, today: Self.today, now: 1_100)
        let record = try await app.invitation(token: token, now: 1_200)
        #expect(try await app.changeConsent(record, to: .prive, today: Self.today) == .withdrawn)
        #expect(try await app.members(team: "Bouw").isEmpty)
        #expect(try await app.handedInScan(record)?.scan.consent == .prive)
        #expect(try await app.scanList().finished.map(\.id) == [stored.id])
        // Back the same day is not newer than the withdrawal; the choice he had changes nothing.
        await #expect(throws: AppError.notNewerThanWithdrawal) {
            try await app.changeConsent(record, to: .metNaam, today: Self.today)
        }
        #expect(try await app.changeConsent(record, to: .prive, today: Self.today) == nil)
        // The next day it counts again.
        #expect(try await app.changeConsent(record, to: .metNaam, today: SchoolDate("2026-11-26")!) == .added)
        #expect(try await app.members(team: "Bouw").map(\.teacher) == ["Ans Bakker"])
    }

    @Test func deleting_his_scan_removes_it_everywhere_and_the_link_opens_an_empty_scan() async throws {
        let app = LOBApp(store: MemoryStore())
        let token = try await Self.invited(app)
        _ = try await app.handIn(
            try await app.invitation(token: token, now: 1_000), scan: Self.scan(consent: .metNaam),
            profile: Self.profile, today: Self.today, now: 1_100)
        try await app.deleteOwnScan(try await app.invitation(token: token, now: 1_200))
        let record = try await app.invitation(token: token, now: 1_300)
        #expect(!record.isHandedIn)
        #expect(try await app.handedInScan(record) == nil)
        #expect(try await app.scanList().finished.isEmpty)
        #expect(try await app.members(team: "Bouw").isEmpty)
    }

    @Test func names_and_thresholds_are_checked_once_for_every_front_end() async throws {
        let app = LOBApp(store: MemoryStore())
        await #expect(throws: AppError.badLabel(.team)) {
            try await app.importScans([], team: "Bouw\u{202E}", round: nil)
        }
        await #expect(throws: AppError.thresholdOutOfRange(2)) { try await app.setThreshold(2, team: "Bouw") }
        await #expect(throws: AppError.noSuchTeam("Bouw")) { try await app.setThreshold(5, team: "Bouw") }
        await #expect(throws: AppError.noTeams) { try await app.teamView(team: nil, round: nil) }
    }
}
