import Foundation
import GRDB
import LOBCore
import Testing

@testable import LOBStore

struct LOBDatabaseTests {
    private func makeProfile() -> Profile {
        Profile(id: "p", title: "P", behaviours: ["1.1", "1.2", "2.10"], competencyTargets: [2: 4], weights: [1: 3])
    }

    private func makeScan(date: String = "2026-11-24", teacher: String = "Jan") -> Scan {
        Scan(
            teacher: teacher, team: "Bouw", profileID: "p", date: SchoolDate(date)!,
            answers: ["1.1": .init(score: 3, note: "bewijs"), "1.2": .init(score: nil), "2.10": .init(score: 2)],
            preferenceAnswers: ["oe1": 4, "ka1": 2], chosenPreference: .participeren, portraitPosition: 6,
            consent: .anoniem)
    }

    @Test func a_saved_scan_reads_back_with_its_profile_snapshot() async throws {
        // Given an empty database
        let database = try LOBDatabase.inMemory()
        // When a scan is saved
        let id = try await database.save(makeScan(), profile: makeProfile())
        // Then it reads back unchanged, with the profile it was scored against
        let stored = try await #require(try database.scan(id: id))
        #expect(stored.scan == makeScan())
        #expect(stored.profile == makeProfile())
        let summary = try await #require(try database.summaries().first)
        #expect(summary.answered == 2 && summary.total == 3 && summary.consent == .anoniem)
    }

    @Test func latest_is_by_date_then_by_order_of_storing() async throws {
        let database = try LOBDatabase.inMemory()
        _ = try await database.save(makeScan(date: "2026-09-01", teacher: "A"), profile: makeProfile())
        _ = try await database.save(makeScan(date: "2025-09-01", teacher: "B"), profile: makeProfile())
        let third = try await database.save(makeScan(date: "2026-09-01", teacher: "C"), profile: makeProfile())
        await #expect(try database.latestScan()?.id == third)
    }

    @Test func delete_removes_the_scan_and_its_answers() async throws {
        let database = try LOBDatabase.inMemory()
        let id = try await database.save(makeScan(), profile: makeProfile())
        await #expect(try database.deleteScan(id: id))
        await #expect(try !database.deleteScan(id: id))
        let counts = try await database.reader.read { db in
            try (
                Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer")!,
                Int.fetchOne(db, sql: "SELECT COUNT(*) FROM preferenceAnswer")!
            )
        }
        #expect(counts == (0, 0))
    }

    @Test func a_save_that_fails_halfway_leaves_nothing_behind() async throws {
        // Given a scan whose last answer breaks the schema's CHECK on the scale
        let database = try LOBDatabase.inMemory()
        var scan = makeScan()
        scan.answers["2.10"] = .init(score: 9)
        // When it is saved, the insert of that answer fails after the scan row and the first answers
        await #expect(throws: StoreError.constraint) { try await database.save(scan, profile: makeProfile()) }
        // Then none of it was kept
        let rows = try await database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM scan) + (SELECT COUNT(*) FROM answer)")
        }
        #expect(rows == 0)
    }

    @Test func the_schema_is_plain_tables_with_the_catalogue_ids() async throws {
        let database = try LOBDatabase.inMemory()
        _ = try await database.save(makeScan(), profile: makeProfile())
        let tables = try await database.reader.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%' ORDER BY name"
            )
        }
        #expect(
            tables == [
                "activityDone", "agreement", "answer", "dashboardAccount", "dashboardSession", "failedAttempt",
                "feedbackInvitation", "feedbackRating",
                "feedbackRelease", "feedbackRemark", "feedbackRequest",
                "feedbackResponse", "invitation", "linkDevice", "preferenceAnswer",
                "scan", "schoolIndicator", "schoolScan", "schoolScanAnswer", "team", "teamActivityDone",
                "teamFeedbackRelease",
                "teamProfile", "teamRelease",
                "teamRound", "teamScan", "teamScore", "teamWithdrawal", "yearLogbook", "yearRelease",
            ])
        let ids = try await database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT behaviourId FROM answer ORDER BY position")
        }
        #expect(ids == ["1.1", "1.2", "2.10"])
    }

    /// Links that held answers before links could be claimed would be claimed by whoever opened them first (the round's
    /// owner holds every link): v12 makes their code match nothing, so only starting again opens them.
    @Test func a_link_with_answers_from_before_v12_opens_for_nobody() async throws {
        let queue = try DatabaseQueue(configuration: LOBDatabase.makeConfiguration())
        try LOBDatabase.migrator.migrate(queue, upTo: "v11: feedback invitations")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO invitation (team, round, name, profileId, tokenHash, csrf, createdAt, expiresAt, draft)
                    VALUES ('T', 'r', 'Ans', 'p', 'h1', 'c', 1, 2, '{"notes":"geheim"}'),
                    ('T', 'r', 'Bram', 'p', 'h2', 'c', 1, 2, NULL)
                    """)
        }
        try LOBDatabase.migrator.migrate(queue)
        let codes = try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT name, codeHash FROM invitation ORDER BY id").map {
                "\($0["name"] as String) \($0["codeHash"] as String? ?? "nil")"
            }
        }
        #expect(codes == ["Ans ", "Bram nil"])
    }

    /// Sorting the stored responses by their row must not give the order in which raters answered (which a holder of
    /// the links could match against the order he saw answers arrive in).
    @Test func responses_are_stored_in_an_order_that_says_nothing() async throws {
        let database = try LOBDatabase.inMemory()
        let ids = (0..<30).map { String(format: "r-%04d", $0) }
        for id in ids {
            let response = FeedbackResponse(
                id: id, subject: "Ans", group: .collega, profileID: "p", date: SchoolDate("2026-11-25")!,
                ratings: ["1.1": 3])
            _ = try await database.importFeedback([response]) { _, _ in
                PrivacyRule.Release(threshold: 3, counted: [:], withheld: [:])
            }
        }
        let stored = try await database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM feedbackResponse ORDER BY rowid")
        }
        #expect(Set(stored) == Set(ids) && stored != ids)
        await #expect(try database.feedbackSubjects() == ["Ans"])
    }

    @Test func migrations_are_named_and_complete() async throws {
        let queue = try DatabaseQueue(configuration: LOBDatabase.makeConfiguration())
        try LOBDatabase.migrator.migrate(queue)
        await #expect(
            try queue.read { db in try LOBDatabase.migrator.appliedIdentifiers(db) } == [
                "v1: scans and answers", "v2: unfinished scans", "v3: teams", "v4: school scans", "v5: privacy rule",
                "v6: columns nothing reads", "v7: team scans by teacher", "v8: feedback", "v9: team feedback releases",
                "v10: invitations and dashboard accounts", "v11: feedback invitations",
                "v12: claimed links", "v13: feedback requests", "v14: invitation addresses",
                "v15: handed-in scans among the scans", "v16: failed attempts in the database",
                "v17: the logbook of a plan and the school's evaluation", "v18: follow-up feedback",
                "v19: team activities done",
            ])
        await #expect(try queue.read { db in try LOBDatabase.migrator.hasCompletedMigrations(db) })
    }

    @Test func a_database_from_before_the_teams_keeps_its_scans() async throws {
        let queue = try DatabaseQueue(configuration: LOBDatabase.makeConfiguration())
        try LOBDatabase.migrator.migrate(queue, upTo: "v2: unfinished scans")
        try await queue.write { db in
            try db.execute(
                sql:
                    "INSERT INTO scan (teacher, profileId, profileSnapshot, date, consent) VALUES ('Jan', 'p', '{}', '2026-10-01', 'prive')"
            )
        }
        _ = try LOBDatabase(queue)
        await #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT teacher FROM scan") } == ["Jan"])
        await #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM team") } == 0)
    }

    @Test func a_file_database_and_its_folder_are_private_to_the_user() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lob-store-\(UUID().uuidString)/sub")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent("lob.sqlite").path
        let database = try LOBDatabase.openFile(at: path)
        _ = try await database.save(makeScan(), profile: makeProfile())
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
        }
        #expect(try mode(path) == 0o600)
        #expect(try mode(path + "-wal") == 0o600)
        #expect(try mode(folder.path) == 0o700)
        let journal = try await database.reader.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    /// `lob serve` opens a pool: a read does not wait for a save in progress.
    @Test func a_server_reads_beside_a_write_in_progress() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lob-pool-\(UUID().uuidString).sqlite")
            .path
        defer {
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let server = try LOBDatabase.openFile(at: path, concurrentReads: true)
        #expect(server.reader is DatabasePool)
        _ = try await server.save(makeScan(), profile: makeProfile())
        var holding = LOBDatabase.makeConfiguration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: holding)
        try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE; DELETE FROM answer") }
        // The write lock is held by another connection; the pool's reader still reads, and sees what is committed.
        await #expect(try server.latestScan()?.scan.answers.count == makeScan().answers.count)
        try holder.inDatabase { try $0.execute(sql: "ROLLBACK") }
        #expect(try LOBDatabase.openFile(at: path).reader is DatabaseQueue)
    }

    @Test func a_write_while_another_connection_holds_the_lock_reports_busy() async throws {
        // Given a file database whose write lock another connection holds
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lob-busy-\(UUID().uuidString).sqlite")
            .path
        defer {
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let first = try LOBDatabase.openFile(at: path)
        let second = try LOBDatabase.openFile(at: path, busyTimeout: 0.1)
        var holding = LOBDatabase.makeConfiguration()
        // A transaction kept open from one `inDatabase` to the next, as another process would hold it.
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: holding)
        try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        // When the second connection tries to save
        await #expect(throws: StoreError.busy) { try await second.save(makeScan(), profile: makeProfile()) }
        try holder.inDatabase { try $0.execute(sql: "ROLLBACK") }
        // Then, once the lock is free, writing works again and nothing half-written was left
        _ = try await first.save(makeScan(), profile: makeProfile())
        await #expect(try first.summaries().count == 1)
    }
}
