import GRDB
import LOBCore
import Testing

@testable import LOBStore

/// Importing a team's scans: idempotent, newer replaces older with history, private scans never stored,
/// anonymous members known only by pseudonym, and the whole batch in one transaction.
struct TeamStoreTests {
    static let profile = Profile(
        id: "p", title: "P", behaviours: ["1.1", "1.2", "2.1"], competencyTargets: [2: 4], weights: [2: 2])

    static func member(
        _ teacher: String, _ date: String, _ scores: [Behaviour.ID: Int], consent: Consent = .metNaam,
        preference: LearningPreference? = .oefenen
    ) -> TeamMemberScan {
        let scan = Scan(
            teacher: teacher, team: "Bouw", profileID: "p", date: SchoolDate(date)!,
            answers: scores.mapValues { Scan.Answer(score: $0, note: "privé notitie") },
            chosenPreference: preference, consent: consent)
        return TeamMemberScan(scan, profile: profile)
    }

    @Test func importing_the_same_scans_twice_changes_nothing() async throws {
        let database = try LOBDatabase.inMemory()
        let scans = [
            Self.member("Ans", "2026-10-01", ["1.1": 4, "1.2": 2]), Self.member("Bob", "2026-10-02", ["1.1": 1]),
        ]
        await #expect(try database.importScans(scans, team: "Bouw", round: "najaar") == [.added, .added])
        let before = try await database.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM teamScore")
        }
        await #expect(try database.importScans(scans, team: "Bouw", round: "najaar") == [.unchanged, .unchanged])
        let after = try await database.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM teamScore") }
        #expect(before == 3 && after == 3)
        await #expect(try database.currentScans(team: "Bouw", round: "najaar").count == 2)
    }

    @Test func a_newer_scan_replaces_the_older_which_stays_as_history_and_an_older_one_is_history_only() async throws {
        let database = try LOBDatabase.inMemory()
        _ = try await database.importScans(
            [Self.member("Ans", "2026-10-01", ["1.1": 2])], team: "Bouw", round: "najaar")
        await #expect(
            try database.importScans([Self.member("Ans", "2026-10-20", ["1.1": 3])], team: "Bouw", round: "najaar") == [
                .replaced
            ])
        await #expect(
            try database.importScans([Self.member("ans ", "2026-09-01", ["1.1": 1])], team: "Bouw", round: "najaar")
                == [.history])
        let current = try await database.currentScans(team: "Bouw", round: "najaar")
        #expect(current.map(\.scores) == [["1.1": 3]])
        let rows = try await database.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM teamScan") }
        #expect(rows == 3)
        await #expect(
            try database.members(team: "Bouw") == [TeamMember(teacher: "Ans", consent: .metNaam, rounds: ["najaar"])])
    }

    @Test func private_scans_are_not_stored_and_anonymous_ones_keep_no_name() async throws {
        let database = try LOBDatabase.inMemory()
        let outcomes = try await database.importScans(
            [
                Self.member("Geheim", "2026-10-01", ["1.1": 2], consent: .prive),
                Self.member("Carla", "2026-10-01", ["1.1": 2], consent: .anoniem),
            ], team: "Bouw", round: "najaar")
        #expect(outcomes == [.skippedPrivate, .added])
        let names = try await database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT coalesce(teacher, '') || teacherKey || fingerprint FROM teamScan")
        }
        #expect(names.count == 1 && !names[0].contains("Carla") && !names[0].contains("Geheim"))
        await #expect(
            try database.members(team: "Bouw") == [TeamMember(teacher: nil, consent: .anoniem, rounds: ["najaar"])])
        let scan = try await #require(try database.currentScans(team: "Bouw", round: "najaar").first)
        #expect(scan.teacher == PrivacyRule.pseudonym(team: "Bouw", teacher: "Carla"))
        // A teacher who withdraws is removed by name, although his name was never stored.
        await #expect(try database.removeMember(team: "Bouw", teacher: "Carla") == 1)
        await #expect(try database.currentScans(team: "Bouw", round: "najaar").isEmpty)
    }

    @Test func scores_carry_their_profile_targets_and_notes_are_not_kept() async throws {
        let database = try LOBDatabase.inMemory()
        _ = try await database.importScans(
            [Self.member("Ans", "2026-10-01", ["1.1": 4, "2.1": 3])], team: "Bouw", round: "najaar")
        let rows = try await database.reader.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT behaviourId || ' ' || competencyId || ' ' || score || ' ' || target FROM teamScore ORDER BY behaviourId"
            )
        }
        #expect(rows == ["1.1 1 4 3", "2.1 2 3 4"])
        // The weights come with the profile snapshot, which the scan keeps.
        let columns = try await database.reader.read { db in
            try db.columns(in: "teamScore").map(\.name) + db.columns(in: "teamScan").map(\.name)
        }
        #expect(!columns.contains("note"))
        let scan = try await #require(try database.currentScans(team: "Bouw", round: "najaar").first)
        #expect(scan.profile == Self.profile && scan.learningPreference == .oefenen)
    }

    @Test func rounds_are_ordered_by_date_and_teams_are_listed_with_members() async throws {
        let database = try LOBDatabase.inMemory()
        _ = try await database.importScans(
            [Self.member("Ans", "2027-03-01", ["1.1": 3])], team: "Bouw", round: "voorjaar")
        _ = try await database.importScans(
            [Self.member("Ans", "2026-10-01", ["1.1": 2]), Self.member("Bob", "2026-10-01", ["1.1": 2])],
            team: "Bouw", round: "najaar")
        await #expect(try database.rounds(team: "Bouw") == ["najaar", "voorjaar"])
        await #expect(
            try database.teams() == [
                TeamSummary(name: "Bouw", privacyThreshold: 3, members: 2, rounds: ["najaar", "voorjaar"])
            ])
        await #expect(try database.members(team: "Bouw").map(\.rounds) == [["najaar", "voorjaar"], ["najaar"]])
        await #expect(try database.team("Bouw") == database.teams().first)
        await #expect(try database.team("Zorg") == nil)
        await #expect(try database.rounds(team: "Zorg").isEmpty)
        await #expect(try database.members(team: "Zorg").isEmpty)
        await #expect(try database.round(team: "Bouw", round: "zomer") == nil)
        await #expect(try database.currentScans(team: "Bouw", round: "zomer").isEmpty)
    }

    @Test func the_threshold_is_never_below_three() async throws {
        let database = try LOBDatabase.inMemory()
        _ = try await database.importScans(
            [Self.member("Ans", "2026-10-01", ["1.1": 3])], team: "Bouw", round: "najaar")
        // The schema refuses it (a CHECK constraint), whoever writes; the application says why first.
        await #expect(throws: StoreError.constraint) {
            try await database.setPrivacyThreshold(team: "Bouw", threshold: 2)
        }
        await #expect(try database.setPrivacyThreshold(team: "Zorg", threshold: 5) == false)
        await #expect(try database.setPrivacyThreshold(team: "Bouw", threshold: 5))
        await #expect(try database.teams().first?.privacyThreshold == 5)
        #expect {
            try (database.reader as! DatabaseQueue).write { db in
                try db.execute(sql: "UPDATE team SET privacyThreshold = 1")
            }
        } throws: { ($0 as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK }
    }

    @Test func a_failing_import_stores_nothing_of_the_batch() async throws {
        let queue = try DatabaseQueue(configuration: LOBDatabase.makeConfiguration())
        let database = try LOBDatabase(queue)
        // A score the schema refuses, as a bad file that slipped past validation would be.
        let bad = TeamMemberScan(
            teacher: "Bob", consent: .metNaam, learningPreference: nil, date: SchoolDate("2026-10-01")!,
            profile: Self.profile, scores: ["1.1": 9], fingerprint: "x")
        await #expect(throws: StoreError.constraint) {
            _ = try await database.importScans(
                [Self.member("Ans", "2026-10-01", ["1.1": 3]), bad], team: "Bouw", round: "najaar")
        }
        let counts = try await queue.read { db in
            try [
                Int.fetchOne(db, sql: "SELECT COUNT(*) FROM team"),
                Int.fetchOne(db, sql: "SELECT COUNT(*) FROM teamScan"),
            ]
        }
        #expect(counts == [0, 0])
    }

    @Test func the_board_takes_each_teams_latest_round_or_the_one_named() async throws {
        let database = try LOBDatabase.inMemory()
        _ = try await database.importScans(
            [Self.member("Ans", "2026-10-01", ["1.1": 1])], team: "Bouw", round: "najaar")
        _ = try await database.importScans(
            [Self.member("Ans", "2027-03-01", ["1.1": 4]), Self.member("Bob", "2027-03-01", ["1.1": 2])],
            team: "Bouw", round: "voorjaar")
        _ = try await database.importScans(
            [Self.member("Cor", "2026-10-01", ["1.1": 3])], team: "Zorg", round: "najaar")
        let latest = try await database.boardRounds()
        #expect(latest.map { "\($0.team) \($0.round) \($0.members.count)" } == ["Bouw voorjaar 2", "Zorg najaar 1"])
        await #expect(
            try database.boardRounds(label: "najaar").map { "\($0.team) \($0.members.first?.scores["1.1"] ?? 0)" } == [
                "Bouw 1", "Zorg 3",
            ])
    }
}
