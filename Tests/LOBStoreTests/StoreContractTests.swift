import LOBCore
import LOBMemoryStore
import LOBStore
import Testing

/// What every store of LOB-spiegel must do, written against the protocols of LOBCore only (`ScanStore`,
/// `TeamStore`, `SchoolStore`): SQLite and the in-memory store today; a server database adds its factory to `stores`
/// and runs the same suite.
struct StoreContractTests {
    static let stores = TestStores.names

    static func make(_ name: String) async throws -> TestStores.Store { try await TestStores.make(name) }

    static let profile = Profile(id: "p", title: "P", behaviours: ["1.1", "1.2", "2.1"], defaultTarget: 3)

    static func scan(
        _ teacher: String, _ date: String, _ scores: [Behaviour.ID: Int], consent: Consent = .metNaam
    ) -> Scan {
        Scan(
            teacher: teacher, team: "Bouw", profileID: "p", date: SchoolDate(date)!,
            answers: scores.mapValues { Scan.Answer(score: $0) }, consent: consent)
    }

    static func member(_ teacher: String, _ date: String, _ score: Int, consent: Consent = .metNaam) -> TeamMemberScan {
        TeamMemberScan(
            scan(teacher, date, ["1.1": score, "1.2": score, "2.1": score], consent: consent), profile: profile)
    }

    @Test(arguments: stores)
    func a_scan_is_stored_found_listed_and_deleted(store name: String) async throws {
        let store = try await Self.make(name)
        let first = try await store.save(Self.scan("Jan", "2026-10-01", ["1.1": 3]), profile: Self.profile)
        let second = try await store.save(Self.scan("Jan", "2026-11-01", ["1.1": 4]), profile: Self.profile)
        await #expect(try store.scan(id: first)?.scan.answers["1.1"]?.score == 3)
        await #expect(try store.latestScan()?.id == second)
        await #expect(try store.summaries().map(\.id) == [first, second])
        await #expect(try store.deleteScan(id: first))
        await #expect(try !store.deleteScan(id: first))
        await #expect(try store.scan(id: first) == nil)
    }

    @Test(arguments: stores)
    func the_same_scan_is_stored_once(store name: String) async throws {
        let store = try await Self.make(name)
        let scan = Self.scan("Jan", "2026-10-01", ["1.1": 3])
        let stored = try await store.saveIfNew(scan, profile: Self.profile)
        #expect(stored.new)
        await #expect(try store.saveIfNew(scan, profile: Self.profile) == (stored.id, false))
        await #expect(try store.saveIfNew(Self.scan("Jan", "2026-10-01", ["1.1": 2]), profile: Self.profile).new)
    }

    @Test(arguments: stores)
    func a_draft_is_saved_answer_by_answer_and_counts_once_finished(store name: String) async throws {
        let store = try await Self.make(name)
        let id = try await #require(
            try store.saveDraft(Self.scan("Jan", "2026-10-01", [:]), profile: Self.profile, id: nil))
        await #expect(
            try store.saveAnswer(
                Scan.Answer(score: 2, note: "zo"), for: Catalogue.standard.behaviour("1.2")!, at: 1, scanID: id))
        await #expect(try store.savePreferenceAnswer(4, statement: "oe1", scanID: id))
        await #expect(try store.summaries().isEmpty)
        await #expect(try store.unfinishedScans().map(\.id) == [id])
        await #expect(try store.finishScan(id: id))
        let stored = try await #require(try store.scan(id: id))
        #expect(
            stored.scan.answers == ["1.2": Scan.Answer(score: 2, note: "zo")]
                && stored.scan.preferenceAnswers == ["oe1": 4])
        await #expect(try store.latestScan()?.id == id)
    }

    @Test(arguments: stores)
    func a_team_import_keeps_history_recognises_repeats_and_never_stores_private(store name: String) async throws {
        let store = try await Self.make(name)
        let ans = Self.member("Ans", "2026-10-01", 3)
        await #expect(
            try store.importScans(
                [ans, Self.member("Bob", "2026-10-01", 2, consent: .prive)], team: "Bouw", round: "najaar")
                == [.added, .skippedPrivate])
        await #expect(try store.importScans([ans], team: "Bouw", round: "najaar") == [.unchanged])
        await #expect(
            try store.importScans([Self.member("Ans", "2026-10-05", 4)], team: "Bouw", round: "najaar") == [.replaced])
        await #expect(
            try store.importScans([Self.member("Ans", "2026-09-01", 1)], team: "Bouw", round: "najaar") == [.history])
        await #expect(try store.currentScans(team: "Bouw", round: "najaar").map { $0.scores["1.1"] } == [4])
        await #expect(try store.teams().map(\.name) == ["Bouw"])
        await #expect(try store.rounds(team: "Bouw") == ["najaar"])
    }

    @Test(arguments: stores)
    func consent_is_decided_by_the_newest_scan(store name: String) async throws {
        let store = try await Self.make(name)
        _ = try await store.importScans(
            [Self.member("Ans", "2026-10-01", 3), Self.member("Cor", "2026-10-01", 3)], team: "Bouw", round: "r")
        _ = try await store.importScans(
            [Self.member("Ans", "2026-11-01", 3, consent: .anoniem)], team: "Bouw", round: "r")
        await #expect(
            try store.importScans([Self.member("Cor", "2026-11-01", 1, consent: .prive)], team: "Bouw", round: "r") == [
                .withdrawn
            ])
        await #expect(
            try store.importScans([Self.member("Cor", "2026-10-01", 3)], team: "Bouw", round: "r") == [
                .olderThanWithdrawal
            ])
        let members = try await store.members(team: "Bouw")
        #expect(members.count == 1 && members[0].teacher == nil && members[0].consent == .anoniem)
    }

    @Test(arguments: stores)
    func removal_threshold_and_the_release_follow_every_change(store name: String) async throws {
        let store = try await Self.make(name)
        _ = try await store.importScans(
            (1...4).map { Self.member("Anoniem \($0)", "2026-10-01", $0, consent: .anoniem) },
            team: "Bouw", round: "r")
        await #expect(try #require(try store.round(team: "Bouw", round: "r")).analysis().anonymousWithheld.isEmpty)
        await #expect(try store.removeMember(team: "Bouw", teacher: "ANONIEM  1") == 1)
        await #expect(
            try #require(try store.round(team: "Bouw", round: "r")).analysis().anonymousWithheld == [.changeTooSmall])
        await #expect(try store.setPrivacyThreshold(team: "Bouw", threshold: 5))
        await #expect(try store.team("Bouw")?.privacyThreshold == 5)
        await #expect(try store.round(team: "Bouw", round: "r")?.analysis().allWithheld == true)
    }

    @Test(arguments: stores)
    func a_schoolscan_per_year_replaces_the_one_before(store name: String) async throws {
        let store = try await Self.make(name)
        var scan = SchoolScan(school: "Het Baken", schoolYear: "2026-2027", date: SchoolDate("2026-11-20")!)
        scan.answers[1] = SchoolScan.Answer(current: .model2, wished: .model3)
        try await store.saveSchoolScan(scan)
        scan.answers[1] = SchoolScan.Answer(current: .model1, wished: nil)
        try await store.saveSchoolScan(scan)
        await #expect(try store.schoolScans().count == 1)
        await #expect(try store.schoolScan(year: "2026-2027")?.answers[1]?.current == .model1)
    }
}
