import Foundation
import LOBCore
import LOBFormats
import LOBPostgresStore
import Testing

/// What is particular to the PostgreSQL store: reading its address, the password file, and saying within seconds,
/// in the port's words, what is wrong with a server or its schema. The contract suites run the ports on it.
struct PostgresAddressTests {
    static let environment = ["HOME": "/nonexistent", "USER": "jan"]

    @Test func an_address_names_user_server_database_and_settings() throws {
        let address = try PostgresAddress(
            "postgresql://lob%20beheer@db.school.nl:6543/lob?sslmode=verify-full&schema=bestuur",
            environment: Self.environment)
        #expect(address.user == "lob beheer" && address.host == "db.school.nl" && address.port == 6543)
        #expect(address.database == "lob" && address.sslMode == .verifyFull && address.schema == "bestuur")
        #expect(address.password == nil && address.server == "db.school.nl:6543/lob (schema bestuur)")
    }

    @Test func what_an_address_leaves_out_is_libpqs_default() throws {
        let address = try PostgresAddress("postgres://db", environment: Self.environment)
        #expect(address.user == "jan" && address.port == 5432 && address.database == "jan")
        #expect(address.sslMode == .prefer && address.schema == nil)
        let socket = try PostgresAddress("postgresql:///lob", environment: Self.environment)
        #expect(socket.host == nil && socket.database == "lob")
    }

    @Test func a_password_in_the_address_is_refused_and_comes_from_the_environment() throws {
        #expect(throws: PostgresAddress.Problem.passwordInAddress) {
            try PostgresAddress("postgresql://jan:geheim@db/lob", environment: Self.environment)
        }
        let address = try PostgresAddress(
            "postgresql://jan@db/lob", environment: Self.environment.merging(["PGPASSWORD": "geheim"]) { $1 })
        #expect(address.password == "geheim")
    }

    @Test func a_bad_address_says_what_is_wrong() {
        #expect(throws: PostgresAddress.Problem.badSSLMode("altijd")) {
            try PostgresAddress("postgresql://db/lob?sslmode=altijd", environment: Self.environment)
        }
        #expect(throws: PostgresAddress.Problem.unknownParameter("user")) {
            try PostgresAddress("postgresql://db/lob?user=x", environment: Self.environment)
        }
        #expect(throws: PostgresAddress.Problem.badSchema("Drop; table")) {
            try PostgresAddress("postgresql://db/lob?schema=Drop;%20table", environment: Self.environment)
        }
        #expect(throws: PostgresAddress.Problem.notAnAddress) {
            try PostgresAddress("mysql://db/lob", environment: Self.environment)
        }
        #expect(throws: PostgresAddress.Problem.tooLong) {
            try PostgresAddress("postgresql://db/" + String(repeating: "a", count: 2_001), environment: [:])
        }
        #expect(
            PostgresAddress.Problem.passwordInAddress.description
                == "zet het wachtwoord niet in het databaseadres (iedereen op deze computer ziet het in de proceslijst); geef het met PGPASSWORD of in ~/.pgpass"
        )
    }

    @Test func the_password_file_is_read_as_libpq_reads_it() throws {
        let address = try PostgresAddress("postgresql://jan@db.school.nl:5433/lob", environment: Self.environment)
        let file = """
            # commentaar
            db.school.nl:5432:lob:jan:verkeerde-poort
            db.school.nl:5433:*:piet:andere-gebruiker
            db.school.nl:*:lob:jan:met\\:dubbele:punt
            *:*:*:*:laatste
            """
        #expect(PasswordFile.password(in: file, for: address) == "met:dubbele:punt")
        #expect(PasswordFile.password(in: "onzin zonder velden", for: address) == nil)
    }

    @Test func a_password_file_that_others_may_read_is_not_used() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass").path
        try "*:*:*:*:geheim\n".write(toFile: file, atomically: true, encoding: .utf8)
        let environment = ["PGPASSFILE": file, "USER": "jan"]
        chmod(file, 0o644)
        #expect(try PostgresAddress("postgresql://db/lob", environment: environment).password == nil)
        chmod(file, 0o600)
        #expect(try PostgresAddress("postgresql://db/lob", environment: environment).password == "geheim")
    }
}

/// Against the test server (`LOB_TEST_POSTGRES`): the errors a school's IT meets first.
@Suite(.enabled(if: TestStores.postgresAddress != nil))
struct PostgresServerTests {
    static func address(_ change: (inout PostgresAddress) -> Void = { _ in }) throws -> PostgresAddress {
        var address = try PostgresAddress(TestStores.postgresAddress ?? "")
        change(&address)
        return address
    }

    @Test func a_server_that_does_not_answer_is_said_within_seconds() async throws {
        // A port nobody listens on, and an address that drops every packet (TEST-NET-1, RFC 5737).
        let closed = try Self.address { $0.port = 1 }
        await #expect(throws: StoreError.unreachable(server: closed.server)) {
            try await PostgresStore.open(closed)
        }
        let silent = try Self.address { $0.host = "192.0.2.1" }
        let start = ContinuousClock.now
        await #expect(throws: StoreError.unreachable(server: silent.server)) {
            try await PostgresStore.open(silent, connectTimeout: .seconds(2))
        }
        #expect(ContinuousClock.now - start < .seconds(6))
    }

    @Test func a_wrong_password_a_missing_database_and_an_old_schema_are_each_named() async throws {
        let wrong = try Self.address { $0.password = "fout" }
        await #expect(throws: StoreError.loginRefused(user: wrong.user, server: wrong.server)) {
            try await PostgresStore.open(wrong)
        }
        let missing = try Self.address { $0.database = "bestaat_niet" }
        await #expect(throws: StoreError.noSuchDatabase(server: missing.server)) {
            try await PostgresStore.open(missing)
        }
        let fresh = try Self.address { $0.schema = "t_" + UUID().uuidString.lowercased().prefix(8) }
        await #expect(throws: StoreError.schemaOutdated(server: fresh.server)) {
            try await PostgresStore.open(fresh)
        }
        let migrated = try await PostgresStore.open(fresh, schema: .migrate)
        await #expect(try migrated.migrations().allSatisfy(\.applied))
        // Opening it again, checking only, finds it up to date.
        _ = try await PostgresStore.open(fresh)
        await migrated.close()
    }

    /// The test cluster has no certificate: `prefer` (libpq's default) connects without TLS, `require` refuses.
    @Test func sslmode_is_honoured() async throws {
        let preferred = try Self.address {
            $0.sslMode = .prefer
            $0.schema = "t_" + UUID().uuidString.lowercased().prefix(8)
        }
        await (try await PostgresStore.open(preferred, schema: .migrate)).close()
        for mode in [PostgresAddress.SSLMode.require, .verifyFull] {
            let secure = try Self.address { $0.sslMode = mode }
            await #expect(throws: StoreError.insecure(server: secure.server)) {
                try await PostgresStore.open(secure)
            }
        }
    }

    @Test func two_servers_starting_at_once_migrate_once() async throws {
        let address = try Self.address { $0.schema = "t_" + UUID().uuidString.lowercased().prefix(8) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { try await PostgresStore.open(address, schema: .migrate).close() }
            }
            try await group.waitForAll()
        }
        let store = try await PostgresStore.open(address)
        // Each of the two migrations recorded once.
        await #expect(try store.migrations().map(\.applied) == [true, true, true, true])
        await store.close()
    }

    /// Two `lob serve` on one database count one limit: forty guesses sent to both at once get ten through.
    @Test func two_servers_count_the_same_failed_attempts() async throws {
        let first = try await TestStores.postgres()
        let second = try await PostgresStore.open(first.address, maximumConnections: 4)
        let key = AttemptKey(name: "raden:10.0.0.1", limit: 10)
        let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
            for attempt in 0..<40 {
                let server = attempt.isMultiple(of: 2) ? first : second
                group.addTask { try await server.reserveAttempt([key], now: 1_000, window: 600) }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(allowed == 10)
        await first.close()
        await second.close()
    }

    /// Two servers handing in anonymous scans of one team at once: every release the team keeps is checked against
    /// every earlier one, so no two moments differ by fewer than the threshold of colleagues (the team's row lock
    /// makes them decide one after the other). Without it, two servers would decide against the same earlier moment.
    @Test func two_servers_handing_in_at_once_never_show_a_difference_of_one_colleague() async throws {
        let first = try await TestStores.postgres()
        let second = try await PostgresStore.open(first.address, maximumConnections: 4)
        let profile = Profile(id: "p", title: "P", behaviours: ["1.1", "1.2"], defaultTarget: 3)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<16 {
                let server = index.isMultiple(of: 2) ? first : second
                let scan = TeamMemberScan(
                    teacher: "Collega \(index)", consent: .anoniem, learningPreference: nil,
                    date: SchoolDate("2026-10-01")!, profile: profile, scores: ["1.1": 1 + index % 4, "1.2": 2],
                    fingerprint: "f\(index)")
                group.addTask { _ = try await server.importScans([scan], team: "Bouw", round: "najaar") }
            }
            try await group.waitForAll()
        }
        let releases = try Self.psql(
            "SELECT release FROM \(first.address.schema!).teamRelease ORDER BY id"
        ).map { try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8)) }
        #expect(releases.count >= 2)
        for (index, later) in releases.enumerated() {
            for earlier in releases[..<index] {
                for (figure, group) in later.counted {
                    guard let before = earlier.counted[figure] else { continue }
                    let difference = group.symmetricDifference(before).count
                    #expect(difference == 0 || difference >= 3, "\(figure): \(before.sorted()) → \(group.sorted())")
                }
            }
        }
        await #expect(try first.round(team: "Bouw", round: "najaar")?.members.count == 16)
        await first.close()
        await second.close()
    }

    /// A removed scan's scores go with it (a trigger, not a foreign key, deletes them): none is left without its scan,
    /// whether the store removes it or the round goes.
    @Test func a_removed_scan_leaves_no_scores_behind() async throws {
        let store = try await TestStores.postgres()
        let profile = Profile(id: "p", title: "P", behaviours: ["1.1", "1.2", "2.1"], defaultTarget: 3)
        let scans = (0..<4).map { index in
            TeamMemberScan(
                teacher: "Collega \(index)", consent: .metNaam, learningPreference: nil,
                date: SchoolDate("2026-10-01")!,
                profile: profile, scores: ["1.1": 2, "1.2": 3, "2.1": 4], fingerprint: "f\(index)")
        }
        _ = try await store.importScans(scans, team: "Bouw", round: "najaar")
        let schema = store.address.schema!
        let scores = "SELECT count(*) FROM \(schema).teamScore"
        #expect(try Self.psql(scores) == ["12"])
        await #expect(try store.removeMember(team: "Bouw", teacher: "Collega 1") == 1)
        #expect(try Self.psql(scores) == ["9"])
        _ = try Self.psql("DELETE FROM \(schema).team")
        #expect(try Self.psql(scores) == ["0"])
        await store.close()
    }

    /// The rows of one query through `psql`, as a board's IT would read the database.
    static func psql(_ sql: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        let address = (TestStores.postgresAddress ?? "").components(separatedBy: "?")[0]
        process.arguments = [address, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
