import Foundation
import Testing

/// `lob db migrate` and `lob db copy`: a school's file to its board's server and back, with every table's rows and
/// digest checked, and the refusals a school's IT meets.
struct DatabaseCommandTests {
    private let temporary = TemporaryFolder("lob-db")

    /// The demo's teams, feedback, scan and schoolscan in a new database of this kind.
    private func demo(_ database: TestDatabase) throws -> (db: String, environment: [String: String]) {
        let made = try database.make(in: temporary.url.appendingPathComponent(UUID().uuidString))
        if database == .sqlite {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: made.db).deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let examples = TeamCommandTests.repository.appendingPathComponent("docs/examples")
        let commands: [[String]] = [
            [
                "team", "import", examples.appendingPathComponent("team/najaar-2026").path, "--team",
                TeamCommandTests.team,
                "--round", "najaar 2026",
            ],
            [
                "team", "import", examples.appendingPathComponent("team/voorjaar-2027").path, "--team",
                TeamCommandTests.team, "--round", "voorjaar 2027",
            ],
            ["feedback", "import", examples.appendingPathComponent("team/feedback").path],
            ["feedback", "import", examples.appendingPathComponent("feedback").path],
            ["scan", "--answers", examples.appendingPathComponent("scan.yaml").path],
            ["schoolscan", "--answers", examples.appendingPathComponent("schoolscan.yaml").path],
        ]
        for arguments in commands {
            let run = try LobRun(arguments + ["--db", made.db], environment: made.environment)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        return made
    }

    /// What a colleague, the teamvoorzitter and the school see of a database: every view of the demo.
    private func views(_ db: String, _ environment: [String: String]) throws -> [String] {
        try [
            ["team", "report", "--format", "json"], ["team", "plan", "--format", "json"], ["team", "feedback"],
            ["feedback", "report", "--format", "json"], ["scans", "list", "--format", "json"],
            ["schoolscan", "show", "--format", "json"], ["budget", "--budget", "6000", "--format", "json"],
        ].map { arguments in
            let run = try LobRun(arguments + ["--db", db], environment: environment)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return run.stdout
        }
    }

    /// Copied to each kind of database and back to a file: every table equal by its digest, every view the same.
    @Test(arguments: TestDatabase.available)
    func a_copy_to_another_database_and_back_is_equal_table_by_table(to kind: TestDatabase) async throws {
        let original = try demo(.sqlite)
        let target = try kind.make(in: temporary.url.appendingPathComponent(UUID().uuidString))
        let environment = original.environment.merging(target.environment) { $1 }
        if kind == .sqlite {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: target.db).deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let there = try LobRun(["db", "copy", "--from", original.db, "--to", target.db], environment: environment)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(
            there.stdout.contains("teamScore                768 rijen  20582b28a7247322  gelijk"), "\(there.stdout)")
        #expect(there.stdout.hasSuffix("; elke tabel is gelijk aan de bron.\n"))
        let back = temporary.url.appendingPathComponent("terug.sqlite").path
        let returned = try LobRun(["db", "copy", "--from", target.db, "--to", back], environment: environment)
        #expect(returned.status == 0, "\(returned.stderr)")
        // The same rows both ways: each line of the copy back says the same count and digest as the copy there.
        #expect(returned.stdout.split(separator: "\n").dropLast() == there.stdout.split(separator: "\n").dropLast())
        let expected = try views(original.db, original.environment)
        #expect(try views(target.db, target.environment) == expected)
        #expect(try views(back, [:]) == expected)
    }

    @Test func a_copy_never_writes_into_a_database_that_holds_data() async throws {
        let source = try demo(.sqlite)
        let target = try demo(.sqlite)
        let before = try views(target.db, [:])
        let refused = try LobRun(["db", "copy", "--from", source.db, "--to", target.db])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(
            refused.stderr
                == "lob: de database \(target.db) is niet leeg: een kopie schrijft alleen in een lege database, zodat er niets samengevoegd of overschreven wordt\n"
        )
        #expect(try views(target.db, [:]) == before)
        let missing = try LobRun(["db", "copy", "--from", "/nonexistent/lob.sqlite", "--to", target.db + "-2"])
        #expect(
            missing.status == 1
                && missing.stderr == "lob: er is geen database '/nonexistent/lob.sqlite' om te kopiëren\n")
        #expect(!FileManager.default.fileExists(atPath: target.db + "-2"))
        let same = try LobRun(["db", "copy", "--from", source.db, "--to", source.db])
        #expect(same.status == 64 && same.stderr.contains("--from en --to zijn dezelfde database."))
    }

    @Test func migrate_says_what_it_applied_and_a_command_refuses_an_old_server_schema() async throws {
        let file = temporary.url.appendingPathComponent("nieuw.sqlite").path
        let migrated = try LobRun(["db", "migrate", "--db", file])
        #expect(migrated.status == 0 && migrated.stdout == "De database \(file) is bij.\n")
        guard let base = TestDatabase.postgresAddress else { return }
        let environment = ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("PG") }
        let schema = "t_" + UUID().uuidString.lowercased().prefix(8)
        let db = base + (base.contains("?") ? "&" : "?") + "schema=" + schema
        let old = try LobRun(["team", "list", "--db", db], environment: environment)
        #expect(old.status == 1)
        #expect(
            old.stderr.hasSuffix(
                "(schema \(schema)) is van een oudere versie van LOB-spiegel; werk hem eerst bij met 'lob db migrate'\n"
            ))
        let serve = try LobRun(["serve", "--port", "1", "--db", db], environment: environment)
        #expect(serve.status == 1 && serve.stderr == old.stderr)
        let applied = try LobRun(["db", "migrate", "--db", db], environment: environment)
        #expect(applied.status == 0 && applied.stdout.contains("✓ v1 schema of LOB-spiegel 1.0"), "\(applied.stderr)")
        #expect(try LobRun(["team", "list", "--db", db], environment: environment).status == 0)
    }
}
