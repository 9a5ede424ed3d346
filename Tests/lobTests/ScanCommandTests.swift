import Foundation
import GRDB
import LOBCore
import LOBStore
import Testing

@testable import lob

/// `lob scan`, `scans`, `report` and `export` end to end, on a fresh database file per test.
struct ScanCommandTests {
    /// Removed with the suite value, after the test.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    let db: String

    init() throws {
        temporary = TemporaryFolder("lob-scan")
        db = temporary.url.appendingPathComponent("data/lob.sqlite").path
    }

    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/scan.yaml")

    private func lob(_ arguments: [String], environment: [String: String] = [:]) throws -> LobRun {
        try LobRun(arguments + ["--db", db], environment: environment)
    }

    private func file(_ name: String, _ contents: Data) throws -> String {
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    private func exampleText() throws -> String { try String(contentsOf: Self.example, encoding: .utf8) }

    /// Rows in the scan and answer tables, read straight from the file.
    private func rowCount() throws -> Int {
        guard FileManager.default.fileExists(atPath: db) else { return 0 }
        let queue = try DatabaseQueue(path: db)
        return try queue.read {
            try Int.fetchOne($0, sql: "SELECT (SELECT COUNT(*) FROM scan) + (SELECT COUNT(*) FROM answer)") ?? -1
        }
    }

    private func integrity() throws -> String {
        try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" }
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test func without_answers_and_without_a_terminal_it_says_what_to_do() async throws {
        let run = try lob(["scan"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("'lob scan' zonder --answers heeft een terminal nodig"))
        #expect(try rowCount() == 0)
    }

    @Test func an_unfinished_scan_is_listed_apart_and_not_reported() async throws {
        // Given a scan the terminal UI left halfway
        let database = try LOBDatabase.openFile(at: db)
        let profile = Profile(
            id: "loopbaanbegeleider-vmbo", title: "Loopbaanbegeleider vmbo", behaviours: ["1.1", "1.2"])
        _ = try await database.saveDraft(
            Scan(
                teacher: "Els", profileID: profile.id, date: SchoolDate("2026-11-24")!,
                answers: ["1.1": .init(score: 2)]), profile: profile, id: nil)
        // Then the list shows it as not finished, and the report has nothing yet
        let list = try lob(["scans", "list"])
        #expect(list.stdout.hasPrefix("Nog niet af (ga verder met 'lob scan'):"))
        #expect(list.stdout.contains("Els") && list.stdout.contains("1/2"))
        #expect(try lob(["report"]).stderr.contains("nog geen scans"))
    }

    @Test func the_example_is_stored_and_reported() async throws {
        let stored = try lob(["scan", "--answers", Self.example.path])
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(stored.stdout.contains("Scan 1 opgeslagen: 44 van 44 gedragskenmerken beantwoord."))
        #expect(try mode(db) == 0o600)

        let report = try lob(["report", "1", "--format", "json"])
        #expect(report.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let competencies = try #require(json["competencies"] as? [[String: Any]])
        #expect(competencies.count == 7)
        #expect(competencies[0]["mean"] as? Double == 3.625)
        #expect(competencies[2]["gap"] as? Double == 0.571)
        #expect((json["developmentPoints"] as? [String])?.first == "2.1")
        #expect(
            ((json["scan"] as? [String: Any])?["learningPreference"] as? [String: Any])?["effective"] as? String
                == "kunstAfkijken")

        let text = try lob(["report", "--latest"])
        #expect(text.stdout.hasPrefix("ZELFSCAN VAN JAN DE VRIES\n"))
        #expect(text.stdout.contains("niet het gevalideerde instrument van Ruijters"))
        #expect(try lob(["report", "--format", "markdown"]).stdout.hasPrefix("# Zelfscan van Jan de Vries"))
    }

    @Test func export_round_trips_with_answers() async throws {
        _ = try lob(["scan", "--answers", Self.example.path])
        let out = folder.appendingPathComponent("export.yaml").path
        let export = try lob(["export", "scan", "1", "--out", out])
        #expect(export.status == 0)
        #expect(try mode(out) == 0o600)
        // Read back, it is the very same scan: the store recognises it instead of storing it twice.
        let again = try lob(["scan", "--answers", out])
        #expect(again.status == 0 && again.stdout.contains("staat er al in als scan 1"), "\(again.stderr)")
        #expect(try rowCount() == 45)
    }

    @Test func compare_shows_the_change_since_an_earlier_scan() async throws {
        _ = try lob(["scan", "--answers", Self.example.path])
        let later = try exampleText()
            .replacingOccurrences(of: "date: 2026-11-24", with: "date: 2027-11-22")
            .replacingOccurrences(of: "\"3.2\": 2", with: "\"3.2\": 4")
        _ = try lob(["scan", "--answers", try file("later.yaml", Data(later.utf8))])
        let report = try lob(["report", "--compare", "1", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let comparison = try #require(json["comparison"] as? [String: Any])
        #expect(comparison["scan"] as? Int == 1)
        let behaviours = try #require(comparison["behaviours"] as? [[String: Any]])
        #expect(behaviours.first { $0["id"] as? String == "3.2" }?["change"] as? Double == 2)
        let text = try lob(["report", "--compare", "1"]).stdout
        #expect(text.contains("Verandering sinds scan 1 van 2026-11-24"))
        #expect(text.contains("3 Vakinhoudelijke en didactische competentie  2,43  2,71     +0,29"))
    }

    @Test func malformed_files_are_refused_and_the_database_is_unchanged() async throws {
        _ = try lob(["scan", "--answers", Self.example.path])
        let before = try rowCount()
        let example = try exampleText()
        let cases: [(String, Data, String)] = [
            ("yaml", Data((example + "\nscores: [\n").utf8), "onleesbare YAML"),
            (
                "behaviour", Data(example.replacingOccurrences(of: "\"7.5\": 2", with: "\"7.6\": 2").utf8),
                ":72:10: 'scores.7.6': gedragskenmerk '7.6' hoort niet bij profiel 'loopbaanbegeleider-vmbo'"
            ),
            (
                "scale", Data(example.replacingOccurrences(of: "\"7.5\": 2", with: "\"7.5\": 5").utf8),
                ":72:10: 'scores.7.5': score 5 ligt buiten de schaal"
            ),
            (
                "profile",
                Data(
                    example.replacingOccurrences(of: "profile: \"loopbaanbegeleider-vmbo\"", with: "profile: \"geen\"")
                        .utf8), ":7:10: 'profile': onbekend profiel 'geen'"
            ),
            (
                "version", Data(example.replacingOccurrences(of: "formatVersion: 1", with: "formatVersion: 2").utf8),
                ":4:16: 'formatVersion': onbekende formaatversie 2"
            ),
            ("utf8", Data(example.utf8.prefix(200)) + Data([0xFF, 0xFE]), ": het bestand is geen geldige UTF-8-tekst"),
            ("empty", Data(), ": het bestand is leeg"),
            ("json", Data(#"{"formatVersion": 1, "teacher": "x""#.utf8), "onleesbare YAML"),
        ]
        for (name, data, message) in cases {
            let path = try file("\(name).yaml", data)
            let run = try lob(["scan", "--answers", path])
            #expect(run.status != 0, "\(name)")
            #expect(run.stderr.contains(path) && run.stderr.contains(message), "\(name): \(run.stderr)")
        }
        #expect(
            try lob(["scan", "--answers", folder.appendingPathComponent("ontbreekt.yaml").path]).stderr.contains(
                "ontbreekt.yaml: bestand niet gevonden"))
        #expect(try rowCount() == before)
    }

    @Test func profile_option_fills_in_and_guards_the_profile() async throws {
        let withoutProfile = try exampleText().replacingOccurrences(
            of: "profile: \"loopbaanbegeleider-vmbo\"\n", with: "")
        let path = try file("zonder.yaml", Data(withoutProfile.utf8))
        #expect(try lob(["scan", "--answers", path]).stderr.contains("verplichte sleutel 'profile' ontbreekt"))
        #expect(try lob(["scan", "--answers", path, "--profile", "loopbaanbegeleider-vmbo"]).status == 0)
        let other = try lob(["scan", "--answers", Self.example.path, "--profile", "vakdocent-model3"])
        #expect(other.status != 0)
        #expect(
            other.stderr.contains(
                "het bestand noemt profiel 'loopbaanbegeleider-vmbo', maar --profile zegt 'vakdocent-model3'"))
    }

    @Test func a_process_killed_inside_the_save_leaves_the_database_as_it_was() async throws {
        _ = try lob(["scan", "--answers", Self.example.path])
        let before = try rowCount()
        // Another scan (the same one would be recognised and not written at all).
        let other = folder.appendingPathComponent("ander.yaml")
        try String(contentsOf: Self.example, encoding: .utf8).replacingOccurrences(
            of: "Jan de Vries", with: "Els Jansen"
        )
        .write(to: other, atomically: true, encoding: .utf8)
        let killed = try lob(
            ["scan", "--answers", other.path], environment: ["LOB_FAULT_INJECTION": "kill-before-commit"])
        #expect(killed.status == 128 + SIGKILL)
        #expect(try rowCount() == before)
        #expect(try integrity() == "ok")
        #expect(try lob(["scans", "list"]).stdout.split(separator: "\n").count == 3)
    }

    /// Eight processes open a database that does not exist yet and store the same scan at once: the schema is
    /// made once, every process succeeds, and the scan is stored once. Ten times over.
    @Test func eight_processes_on_a_new_database_all_succeed_and_store_one_scan() async throws {
        for round in 0..<10 {
            for file in [db, db + "-wal", db + "-shm", db + "-lock"] {
                try? FileManager.default.removeItem(atPath: file)
            }
            let runs = try (0..<8).map { _ in try LobRun.start(["scan", "--answers", Self.example.path, "--db", db]) }
                .map { $0.finish() }
            for run in runs { #expect(run.status == 0, "round \(round): \(run.stderr)") }
            #expect(runs.filter { $0.stdout.contains("opgeslagen: 44 van 44") }.count == 1)
            #expect(try rowCount() == 45)
            #expect(try integrity() == "ok")
        }
    }

    /// A writer holds the write lock for three seconds; a reading command meanwhile answers at once (WAL readers do
    /// not wait), and a second writer waits for it instead of failing.
    @Test func a_reader_does_not_wait_for_a_writer() async throws {
        _ = try lob(["scan", "--answers", Self.example.path])
        let queue = try DatabaseQueue(path: db, configuration: LOBDatabase.makeConfiguration())
        let holding = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? queue.writeWithoutTransaction { database in
                try database.inTransaction(.immediate) {
                    holding.signal()
                    Thread.sleep(forTimeInterval: 3)
                    return .commit
                }
            }
            done.signal()
        }
        holding.wait()
        let start = Date()
        let list = try lob(["scans", "list"])
        #expect(list.status == 0 && Date().timeIntervalSince(start) < 2, "\(list.stderr)")
        done.wait()
    }

    @Test func every_fault_of_a_scan_file_is_reported() async throws {
        let file = folder.appendingPathComponent("fouten.yaml")
        try
            "formatVersion: 1\nteacher: Jan\nprofile: loopbaanbegeleider-vmbo\ndate: 2026-11-24\nscores:\n  \"1.1\": 7\n  \"1.2\": \"3\"\n  \"9.9\": 2\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try lob(["scan", "--answers", file.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("fouten.yaml:6:10: 'scores.1.1': score 7 ligt buiten de schaal"))
        #expect(
            run.stderr.contains(
                "fouten.yaml:7:10: 'scores.1.2': verwacht een geheel getal zonder aanhalingstekens, gevonden de tekst '3'"
            ))
        #expect(run.stderr.contains("fouten.yaml:8:10: 'scores.9.9': gedragskenmerk '9.9' hoort niet bij profiel"))
    }

    /// `-` is standard input for every file argument, and `--out -` standard output.
    @Test func a_dash_reads_standard_input_and_writes_standard_output() async throws {
        let stored = try LobRun(["scan", "--answers", "-", "--db", db], input: Self.example)
        #expect(stored.status == 0 && stored.stdout.contains("Scan 1 opgeslagen"), "\(stored.stderr)")
        let imported = try LobRun(["team", "import", "-", "--team", "Bouw", "--db", db], input: Self.example)
        #expect(imported.status == 0 && imported.stdout.contains("1 nieuw"), "\(imported.stderr)")
        let broken = folder.appendingPathComponent("kapot.yaml")
        try "id: x\ntitle: [\n".write(to: broken, atomically: true, encoding: .utf8)
        let refused = try LobRun(["profiles", "validate", "-"], input: broken)
        #expect(refused.status == 1 && refused.stderr.contains("/dev/stdin:"))
        let plan = try LobRun(["plan", "--format", "json", "--out", "-", "--db", db])
        #expect(plan.status == 0 && plan.stdout.hasPrefix("{") && !FileManager.default.fileExists(atPath: "-"))
    }

    /// The report as one HTML file to print or share, as the plan already was.
    @Test func the_report_prints_as_html_to_a_private_file() async throws {
        _ = try lob(["scan", "--answers", Self.example.path])
        let out = folder.appendingPathComponent("uitslag.html").path
        let run = try lob(["report", "--format", "html", "--out", out])
        #expect(run.status == 0 && run.stdout.contains("Uitslag van scan 1 geschreven naar"), "\(run.stderr)")
        #expect(try mode(out) == 0o600)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<title>Zelfscan van Jan de Vries</title>"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    }

    @Test func a_reading_command_never_creates_a_database() async throws {
        let run = try lob(["scans", "list"])
        #expect(
            run.status == 1 && run.stderr.contains("er is geen database") && !FileManager.default.fileExists(atPath: db)
        )
        #expect(try lob(["team", "board"]).status == 1 && !FileManager.default.fileExists(atPath: db))
        // Without --db or LOB_DB, the usual place: nothing there yet, nothing made.
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lob-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let plain = try LobRun(["scans", "list"], environment: ["HOME": home.path])
        #expect(
            plain.status == 0
                && !FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/share/lob-spiegel").path)
        )
    }

    @Test func an_existing_database_readable_by_others_is_made_private_with_a_note() async throws {
        _ = try lob(["scan", "--answers", Self.example.path])
        chmod(db, 0o644)
        let run = try lob(["scan", "--answers", Self.example.path])
        #expect(run.status == 0 && run.stderr.contains("is nu alleen voor jou leesbaar"))
        #expect((try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int) == 0o600)
        #expect(run.stdout.contains("staat er al in als scan 1"))
    }

    @Test func delete_asks_first_and_scripts_use_yes() async throws {
        _ = try lob(["scan", "--answers", Self.example.path])
        let refused = try lob(["scans", "delete", "1"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("niet verwijderd (gebruik --yes in scripts)"))
        #expect(try rowCount() == 45)
        #expect(try lob(["scans", "delete", "1", "--yes"]).status == 0)
        #expect(try rowCount() == 0)
        #expect(try lob(["scans", "delete", "1", "--yes"]).stderr.contains("geen scan met nummer 1"))
    }

    @Test func show_list_and_unknown_ids() async throws {
        #expect(try lob(["report"]).stderr.contains("nog geen scans"))
        _ = try lob(["scan", "--answers", Self.example.path])
        let list = try lob(["scans", "list"])
        #expect(list.stdout.contains("\n 1  2026-11-24  Jan de Vries"))
        let show = try lob(["scans", "show", "1"])
        #expect(show.stdout.contains("3.4  2 soms / in ontwikkeling"))
        #expect(show.stdout.contains("notitie: Ik merk dat"))
        #expect(try lob(["report", "9"]).stderr.contains("geen scan met nummer 9"))
        do {
            _ = try LobCommand.parseAsRoot(["report", "1", "--latest"])
            Issue.record("a number and --latest were accepted together")
        } catch {
            #expect(LobCommand.message(for: error).contains("Geef een nummer of --latest, niet allebei."))
        }
    }

    @Test func the_database_path_comes_from_db_then_lob_db_then_xdg() async throws {
        let options = try StoreOptions.parse([])
        #expect(
            options.databasePath(environment: ["HOME": "/home/jan"]) == "/home/jan/.local/share/lob-spiegel/lob.sqlite")
        #expect(
            options.databasePath(environment: ["HOME": "/home/jan", "XDG_DATA_HOME": "/data"])
                == "/data/lob-spiegel/lob.sqlite")
        #expect(
            options.databasePath(environment: ["LOB_DB": "/tmp/a.sqlite", "XDG_DATA_HOME": "/data"]) == "/tmp/a.sqlite")
        #expect(
            try StoreOptions.parse(["--db", "/x.sqlite"]).databasePath(environment: ["LOB_DB": "/tmp/a.sqlite"])
                == "/x.sqlite")
        // And the real program uses LOB_DB when --db is absent
        let viaEnvironment = try LobRun(["scan", "--answers", Self.example.path], environment: ["LOB_DB": db])
        #expect(viaEnvironment.status == 0)
        #expect(try rowCount() == 45)
    }
}
