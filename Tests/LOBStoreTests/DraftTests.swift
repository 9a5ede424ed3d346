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

    @Test func a_draft_is_updated_in_place_and_stays_out_of_lists_until_finished() throws {
        let database = try LOBDatabase.inMemory()
        let id = try #require(try database.saveDraft(scan(["1.1": 3]), profile: profile, id: nil))
        #expect(try database.saveDraft(scan(["1.1": 2, "1.2": 4]), profile: profile, id: id) == id)

        #expect(try database.summaries().isEmpty)
        #expect(try database.latestScan() == nil)
        let unfinished = try #require(try database.unfinishedScans().first)
        #expect(unfinished.id == id && unfinished.answered == 2)
        #expect(try database.scan(id: id)?.scan == scan(["1.1": 2, "1.2": 4]))

        try database.finishScan(id: id)
        #expect(try database.unfinishedScans().isEmpty)
        #expect(try database.summaries().map(\.id) == [id])
        #expect(try database.latestScan()?.id == id)
    }

    /// The terminal UI saves after every key: one answer is one row, not the whole scan again.
    @Test func saving_one_answer_writes_one_row() throws {
        let queue = try DatabaseQueue(configuration: LOBDatabase.makeConfiguration())
        let database = try LOBDatabase(queue)
        let id = try #require(try database.saveDraft(scan(["1.1": 3, "1.2": 2]), profile: profile, id: nil))
        func changes(_ body: () throws -> Void) throws -> Int {
            let before = try queue.read { try Int.fetchOne($0, sql: "SELECT total_changes()") ?? 0 }
            try body()
            return try queue.read { try Int.fetchOne($0, sql: "SELECT total_changes()") ?? 0 } - before
        }
        let behaviour = try #require(Catalogue.standard.behaviour("2.10"))
        #expect(
            try changes {
                try database.saveAnswer(Scan.Answer(score: 4, note: "zo"), for: behaviour, at: 2, scanID: id)
            } == 1)
        #expect(try changes { try database.saveAnswer(Scan.Answer(score: 1), for: behaviour, at: 2, scanID: id) } == 1)
        #expect(try changes { try database.savePreferenceAnswer(3, statement: "ka1", scanID: id) } == 1)
        #expect(try database.scan(id: id)?.scan.answers["2.10"] == Scan.Answer(score: 1))
        #expect(try changes { try database.saveAnswer(nil, for: behaviour, at: 2, scanID: id) } == 1)
        #expect(try database.scan(id: id)?.scan.answers["2.10"] == nil)
        #expect(try database.scan(id: id)?.scan.preferenceAnswers == ["ka1": 3])
        #expect(try database.saveAnswer(nil, for: behaviour, at: 0, scanID: 99) == false)
    }

    @Test func changing_a_finished_scan_keeps_it_finished_and_an_unknown_id_stores_nothing() throws {
        let database = try LOBDatabase.inMemory()
        let id = try database.save(scan(["1.1": 3]), profile: profile)
        _ = try database.saveDraft(scan(["1.1": 1]), profile: profile, id: id)
        #expect(try database.summaries().first?.answered == 1)
        #expect(try database.saveDraft(scan([:]), profile: profile, id: 99) == nil)
    }

    @Test func scans_stored_before_the_migration_count_as_finished() throws {
        // Given a database at v1 with one scan
        let queue = try DatabaseQueue()
        var migrator = LOBDatabase.migrator
        try migrator.migrate(queue, upTo: "v1: scans and answers")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO scan (teacher, profileId, profileSnapshot, date, consent) VALUES ('Jan', 'p', '{}', '2025-01-01', 'prive')
                    """)
        }
        // When it is migrated
        migrator = LOBDatabase.migrator
        try migrator.migrate(queue)
        // Then the old scan is finished
        let finished = try queue.read { db in try Bool.fetchOne(db, sql: "SELECT finished FROM scan") }
        #expect(finished == true)
    }
}
