import GRDB
import LOBCore
import Testing

@testable import LOBStore

/// The terminal UI saves a scan after every answer and marks it finished at the summary.
struct DraftTests {
    private let profile = Profile(id: "p", title: "P", behaviours: ["1.1", "1.2", "2.10"])

    private func scan(_ answers: [Behaviour.ID: Int?]) -> Scan {
        Scan(
            teacher: "Jan", team: "Bouw", profileID: "p", date: SchoolDate("2026-11-24")!,
            answers: answers.mapValues { Scan.Answer(score: $0) }, portraitPosition: 4)
    }

    @Test func a_draft_is_updated_in_place_and_stays_out_of_lists_until_finished() async throws {
        let database = try LOBDatabase.inMemory()
        let id = try await #require(try database.saveDraft(scan(["1.1": 3]), profile: profile, id: nil))
        await #expect(try database.saveDraft(scan(["1.1": 2, "1.2": 4]), profile: profile, id: id) == id)

        await #expect(try database.summaries().isEmpty)
        await #expect(try database.latestScan() == nil)
        let unfinished = try await #require(try database.unfinishedScans().first)
        #expect(unfinished.id == id && unfinished.answered == 2)
        await #expect(try database.scan(id: id)?.scan == scan(["1.1": 2, "1.2": 4]))

        await #expect(try database.finishScan(id: id))
        await #expect(try database.unfinishedScans().isEmpty)
        await #expect(try database.summaries().map(\.id) == [id])
        await #expect(try database.latestScan()?.id == id)
    }

    /// The terminal UI saves after every key: one answer is one row, not the whole scan again.
    @Test func saving_one_answer_writes_one_row() async throws {
        let queue = try DatabaseQueue(configuration: LOBDatabase.makeConfiguration())
        let database = try LOBDatabase(queue)
        let id = try await #require(try database.saveDraft(scan(["1.1": 3, "1.2": 2]), profile: profile, id: nil))
        /// How many rows `body` changed.
        func changes(_ body: () async throws -> Bool) async throws -> Int {
            let before = try await queue.read { try Int.fetchOne($0, sql: "SELECT total_changes()") ?? 0 }
            #expect(try await body())
            return try await queue.read { try Int.fetchOne($0, sql: "SELECT total_changes()") ?? 0 } - before
        }
        let behaviour = try #require(Catalogue.standard.behaviour("2.10"))
        let first = try await changes {
            try await database.saveAnswer(Scan.Answer(score: 4, note: "zo"), for: behaviour, at: 2, scanID: id)
        }
        let second = try await changes {
            try await database.saveAnswer(Scan.Answer(score: 1), for: behaviour, at: 2, scanID: id)
        }
        let preference = try await changes { try await database.savePreferenceAnswer(3, statement: "ka1", scanID: id) }
        #expect([first, second, preference] == [1, 1, 1])
        await #expect(try database.scan(id: id)?.scan.answers["2.10"] == Scan.Answer(score: 1))
        #expect(try await changes { try await database.saveAnswer(nil, for: behaviour, at: 2, scanID: id) } == 1)
        await #expect(try database.scan(id: id)?.scan.answers["2.10"] == nil)
        await #expect(try database.scan(id: id)?.scan.preferenceAnswers == ["ka1": 3])
        await #expect(try database.saveAnswer(nil, for: behaviour, at: 0, scanID: 99) == false)
    }

    @Test func changing_a_finished_scan_keeps_it_finished_and_an_unknown_id_stores_nothing() async throws {
        let database = try LOBDatabase.inMemory()
        let id = try await database.save(scan(["1.1": 3]), profile: profile)
        _ = try await database.saveDraft(scan(["1.1": 1]), profile: profile, id: id)
        await #expect(try database.summaries().first?.answered == 1)
        await #expect(try database.saveDraft(scan([:]), profile: profile, id: 99) == nil)
    }

    @Test func scans_stored_before_the_migration_count_as_finished() async throws {
        // Given a database at v1 with one scan
        let queue = try DatabaseQueue()
        var migrator = LOBDatabase.migrator
        try migrator.migrate(queue, upTo: "v1: scans and answers")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO scan (teacher, profileId, profileSnapshot, date, consent) VALUES ('Jan', 'p', '{}', '2025-01-01', 'prive')
                    """)
        }
        // When it is migrated
        migrator = LOBDatabase.migrator
        try migrator.migrate(queue)
        // Then the old scan is finished
        let finished = try await queue.read { db in try Bool.fetchOne(db, sql: "SELECT finished FROM scan") }
        #expect(finished == true)
    }
}
