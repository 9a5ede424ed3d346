import Foundation
import GRDB
import LOBCore
import Testing

@testable import LOBStore

/// The compositions that once gave a colleague away (issue: *Privacy that survives an attacker*), each with what the
/// outputs now show. `lobTests/PrivacyAttackTests` tries random histories; these are the named cases.
struct PrivacyScenarioTests {
    static let profile = Profile(id: "p", title: "P", behaviours: ["1.1", "1.2", "2.1"], defaultTarget: 3)

    static func scan(
        _ teacher: String, _ date: String, _ score: Int, consent: Consent = .metNaam, tag: String = ""
    ) -> TeamMemberScan {
        TeamMemberScan(
            teacher: teacher, consent: consent, learningPreference: .oefenen, date: SchoolDate(date)!, profile: profile,
            scores: ["1.1": score, "1.2": score, "2.1": score],
            fingerprint: Fingerprint.fnv1a("\(teacher)|\(date)|\(consent)|\(score)|\(tag)"))
    }

    static func board(_ database: any TeamStore, label: String? = nil) async throws -> BoardOverview {
        await BoardOverview(rounds: try database.boardRounds(label: label).map { ($0.team, $0.round, $0.analysis()) })
    }

    @Test(arguments: StoreContractTests.stores)
    func two_named_and_one_anonymous_show_nothing_anywhere(store name: String) async throws {
        let database = try await StoreContractTests.make(name)
        _ = try await database.importScans(
            [
                Self.scan("Ans", "2026-10-01", 4), Self.scan("Bob", "2026-10-01", 2),
                Self.scan("Gert", "2026-10-01", 1, consent: .anoniem),
            ], team: "Bouw", round: "r")
        let analysis = try await #require(try database.round(team: "Bouw", round: "r")).analysis()
        #expect(analysis.allWithheld && analysis.behaviours.allSatisfy(\.withheld) && analysis.heatmapColumns.isEmpty)
        for label in [nil, "r"] {
            let board = try await Self.board(database, label: label)
            #expect(
                board.teams.isEmpty && board.withheldTeams == 1
                    && board.behaviours.allSatisfy { $0.n == 0 && $0.withheld })
        }
    }

    @Test(arguments: StoreContractTests.stores)
    func board_totals_hold_only_the_teams_shown(store name: String) async throws {
        let database = try await StoreContractTests.make(name)
        _ = try await database.importScans(
            (1...3).map { Self.scan("Groot \($0)", "2026-10-01", $0) }, team: "Groot", round: "r")
        _ = try await database.importScans([Self.scan("Klein", "2026-10-01", 4)], team: "Klein", round: "r")
        let board = try await Self.board(database)
        let groot = try await #require(try database.round(team: "Groot", round: "r")).analysis()
        #expect(board.teams.map(\.team) == ["Groot"])
        // Totals minus Groot's report leave nothing: Klein's 4 is not in them.
        #expect(
            board.behaviours.first?.n == groot.behaviours.first?.n
                && board.behaviours.first?.mean == groot.behaviours.first?.mean)
        #expect(board.behaviours.first?.distribution == [1, 1, 1, 0])
    }

    @Test(arguments: StoreContractTests.stores)
    func the_board_honours_a_teams_own_threshold(store name: String) async throws {
        let database = try await StoreContractTests.make(name)
        _ = try await database.importScans(
            (1...4).map { Self.scan("Lid \($0)", "2026-10-01", 3) }, team: "Bouw", round: "r")
        await #expect(try Self.board(database).teams.count == 1)
        try await database.setPrivacyThreshold(team: "Bouw", threshold: 5)
        let board = try await Self.board(database)
        #expect(board.teams.isEmpty && board.withheldTeams == 1 && board.behaviours.allSatisfy(\.withheld))
    }

    @Test(arguments: StoreContractTests.stores)
    func removing_an_anonymous_colleague_withholds_the_anonymous_part_and_says_why(store name: String) async throws {
        let database = try await StoreContractTests.make(name)
        let named = (1...3).map { Self.scan("Naam \($0)", "2026-10-01", 3) }
        let anonymous = (1...4).map { Self.scan("Anoniem \($0)", "2026-10-01", $0, consent: .anoniem) }
        _ = try await database.importScans(named + anonymous, team: "Bouw", round: "r")
        let before = try await #require(try database.round(team: "Bouw", round: "r")).analysis()
        #expect(before.behaviours.first?.n == 7 && before.anonymousWithheld.isEmpty)

        await #expect(try database.removeMember(team: "Bouw", teacher: "Anoniem 2") == 1)
        let after = try await #require(try database.round(team: "Bouw", round: "r")).analysis()
        // Three anonymous remain, enough for a group, but "before minus after" would be Anoniem 2's scores.
        #expect(after.behaviours.first?.n == 3 && after.behaviours.first?.mean == 3)
        #expect(after.anonymousWithheld == [.changeTooSmall])
        // The same three again after one more change of one: still not shown; three new at once: shown again.
        _ = try await database.importScans(
            [Self.scan("Anoniem 5", "2026-10-02", 2, consent: .anoniem)], team: "Bouw", round: "r")
        await #expect(
            try #require(try database.round(team: "Bouw", round: "r")).analysis().anonymousWithheld == [.changeTooSmall]
        )
        _ = try await database.importScans(
            (6...8).map { Self.scan("Anoniem \($0)", "2026-10-03", 1, consent: .anoniem) }, team: "Bouw", round: "r")
        let later = try await #require(try database.round(team: "Bouw", round: "r")).analysis()
        #expect(later.anonymousWithheld.isEmpty && later.behaviours.first?.n == 10)
    }

    @Test(arguments: StoreContractTests.stores)
    func a_newer_private_scan_withdraws_and_an_older_one_changes_nothing(store name: String) async throws {
        let database = try await StoreContractTests.make(name)
        _ = try await database.importScans(
            [Self.scan("Piet", "2026-10-01", 4), Self.scan("Ans", "2026-10-01", 2)], team: "Bouw", round: "najaar")
        _ = try await database.importScans([Self.scan("Piet", "2027-03-01", 3)], team: "Bouw", round: "voorjaar")
        await #expect(
            try database.importScans(
                [Self.scan("Piet", "2026-09-01", 1, consent: .prive)], team: "Bouw", round: "najaar") == [
                    .skippedPrivate
                ])
        await #expect(try database.members(team: "Bouw").contains { $0.teacher == "Piet" })

        await #expect(
            try database.importScans(
                [Self.scan("piet ", "2027-03-02", 1, consent: .prive)], team: "Bouw", round: "voorjaar") == [.withdrawn]
        )
        await #expect(try database.members(team: "Bouw").map(\.teacher) == ["Ans"])
        await #expect(try database.currentScans(team: "Bouw", round: "najaar").map(\.teacher) == ["Ans"])
        // His older file imported again later is not stored; a newer one is (he shares again).
        await #expect(
            try database.importScans([Self.scan("Piet", "2026-10-01", 4)], team: "Bouw", round: "najaar") == [
                .olderThanWithdrawal
            ])
        await #expect(
            try database.importScans([Self.scan("Piet", "2027-04-01", 4)], team: "Bouw", round: "voorjaar") == [.added])
        // In one batch the newer decides, whatever the order of the files.
        let other = try await StoreContractTests.make(name)
        let outcomes = try await other.importScans(
            [Self.scan("Kees", "2026-10-02", 1, consent: .prive), Self.scan("Kees", "2026-10-01", 4)],
            team: "Bouw", round: "r")
        #expect(outcomes == [.withdrawn, .added])
        await #expect(try other.members(team: "Bouw").isEmpty)
    }

    @Test func sharing_anonymously_removes_the_name_everywhere_history_included() async throws {
        let queue = try DatabaseQueue(configuration: LOBDatabase.makeConfiguration())
        let database = try LOBDatabase(queue)
        _ = try await database.importScans([Self.scan("Joost Peters", "2026-10-01", 4)], team: "Bouw", round: "najaar")
        _ = try await database.importScans([Self.scan("Joost Peters", "2026-10-05", 3)], team: "Bouw", round: "najaar")
        _ = try await database.importScans(
            [Self.scan("Joost Peters", "2027-03-01", 2, consent: .anoniem)], team: "Bouw", round: "voorjaar")
        await #expect(try database.members(team: "Bouw").map(\.teacher) == [nil])
        // Not in any column of any table.
        let texts = try await queue.read { db -> [String] in
            var texts: [String] = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)") {
                    texts += row.databaseValues.compactMap { String.fromDatabaseValue($0) }
                }
            }
            return texts
        }
        #expect(!texts.contains { $0.localizedCaseInsensitiveContains("Joost") })
        await #expect(try database.currentScans(team: "Bouw", round: "najaar").allSatisfy { $0.consent == .anoniem })
    }

    @Test(arguments: StoreContractTests.stores)
    func one_person_is_one_member_however_the_name_is_written(store name: String) async throws {
        let database = try await StoreContractTests.make(name)
        let variants = ["José Bakker", "Jose\u{301} Bakker", "josé\u{A0}bakker", " JOSÉ  Bakker\u{200B}"]
        let outcomes = try await database.importScans(
            variants.enumerated().map { Self.scan($0.element, "2026-10-0\($0.offset + 1)", 3, tag: "\($0.offset)") },
            team: "Bouw", round: "r")
        #expect(outcomes == [.added, .replaced, .replaced, .replaced])
        await #expect(try database.currentScans(team: "Bouw", round: "r").count == 1)
        #expect(Set(variants.map(PrivacyRule.memberKey)).count == 1)
        await #expect(try database.removeMember(team: "Bouw", teacher: "JOSE\u{301}   BAKKER") == 4)
    }

    @Test func the_migration_applies_the_rule_to_an_existing_database() async throws {
        let queue = try DatabaseQueue(configuration: LOBDatabase.makeConfiguration())
        try LOBDatabase.migrator.migrate(queue, upTo: "v4: school scans")
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO team (id, name) VALUES (1, 'Bouw')")
            try db.execute(
                sql:
                    "INSERT INTO teamRound (id, teamId, label, lastDate) VALUES (1, 1, 'najaar', '2026-10-02'), (2, 1, 'voorjaar', '2027-03-01')"
            )
            try db.execute(sql: "INSERT INTO teamProfile (id, hash, profileId, snapshot) VALUES (1, 'h', 'p', '{}')")
            // The same person twice by spelling, both current; and someone named in the autumn, anonymous in the spring.
            try db.execute(
                sql: """
                    INSERT INTO teamScan (teamRoundId, teacherKey, teacher, teamProfileId, date, consent, fingerprint, current) VALUES
                    (1, 'k1', 'Ans  Bakker', 1, '2026-10-01', 'metNaam', 'f1', 1),
                    (1, 'k2', 'ans bakker', 1, '2026-10-02', 'metNaam', 'f2', 1),
                    (1, ?, 'Joost', 1, '2026-10-01', 'metNaam', 'f3', 1),
                    (2, ?, NULL, 1, '2027-03-01', 'anoniem', 'f4', 1)
                    """,
                arguments: [
                    PrivacyRule.pseudonym(team: "Bouw", teacher: "Joost"),
                    PrivacyRule.pseudonym(team: "Bouw", teacher: "Joost"),
                ])
        }
        try LOBDatabase.migrator.migrate(queue)
        let rows = try await queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT fingerprint, teacher, consent, current FROM teamScan ORDER BY fingerprint"
            ).map {
                "\($0["fingerprint"] as String) \(($0["teacher"] as String?) ?? "-") \($0["consent"] as String) \($0["current"] as Int)"
            }
        }
        #expect(rows == ["f1 Ans  Bakker metNaam 0", "f2 ans bakker metNaam 1", "f3 - anoniem 1", "f4 - anoniem 1"])
        await #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM teamRelease") } == 2)
    }
}
