import Foundation
import GRDB
import Testing

/// `lob import survey` as the teamvoorzitter runs it, on the exports of `Tests/Fixtures/survey`.
struct SurveyCommandTests {
    private let temporary = TemporaryFolder("lob-survey")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/survey")

    private func path(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }
    private var database: String { temporary.url.appendingPathComponent("lob.sqlite").path }

    private func lob(_ arguments: [String]) throws -> LobRun {
        try LobRun(arguments, environment: ["LOB_DB": database])
    }

    private func storedScores() throws -> Int {
        guard FileManager.default.fileExists(atPath: database) else { return 0 }
        return try DatabaseQueue(path: database).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM teamScore") }
            ?? 0
    }

    @Test func a_forms_workbook_is_stored_by_the_team_import_rules() async throws {
        let run = try lob(["import", "survey", path("forms.xlsx"), "--mapping", path("mapping.yaml"), "--team", "Bouw"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Team 'Bouw', ronde"))
        #expect(run.stdout.contains("  2  Ans Bakker"))
        #expect(run.stdout.contains("(anoniem)"))
        #expect(run.stdout.contains("privé: niet opgeslagen"))
        // Who chose anonymity or privacy is never named in the output.
        #expect(!run.stdout.contains("Bram de Jong") && !run.stdout.contains("Dirk Smit"))
        let members = try lob(["team", "members", "Bouw", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(members.stdout.utf8)) as? [String: Any])
        #expect(object["anonymous"] as? Int == 2)
        #expect(
            (object["named"] as? [[String: Any]])?.compactMap { $0["name"] as? String }.sorted()
                == ["=HYPERLINK(\"http://x\")", "Ans Bakker"])
        // Reading the same export again changes nothing.
        let again = try lob([
            "import", "survey", path("excel-nl.csv"), "--mapping", path("mapping.yaml"), "--team", "Bouw",
        ])
        #expect(again.status == 0)
        #expect(again.stdout.contains("al ingelezen"))
    }

    /// `-` is standard input, as for every other file argument: an export piped in (binary .xlsx too).
    @Test func an_export_is_read_from_standard_input() async throws {
        let run = try LobRun(
            ["import", "survey", "-", "--mapping", path("mapping.yaml"), "--team", "Bouw", "--dry-run"],
            environment: ["LOB_DB": database], input: Self.fixtures.appendingPathComponent("forms.xlsx"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  2  Ans Bakker") && run.stdout.contains("Niets opgeslagen (--dry-run)"))
        let empty = try LobRun(
            ["import", "survey", "-", "--mapping", path("mapping.yaml"), "--team", "Bouw"],
            environment: ["LOB_DB": database], input: URL(fileURLWithPath: "/dev/null"))
        #expect(empty.status == 1 && !empty.stderr.contains("niet gevonden"), "\(empty.stderr)")
    }

    @Test func a_dry_run_shows_and_stores_nothing() async throws {
        let run = try lob([
            "import", "survey", path("google.csv"), "--mapping", path("mapping.yaml"), "--team", "Bouw", "--dry-run",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Niets opgeslagen (--dry-run)"))
        #expect(run.stdout.contains("4 scans naar de teamcijfers, 1 privé"))
        #expect(try storedScores() == 0)
    }

    @Test func one_bad_row_stores_nothing_unless_skip_bad() async throws {
        let run = try lob(["import", "survey", path("bad.csv"), "--mapping", path("mapping.yaml"), "--team", "Bouw"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("bad.csv: rij 3: kolom '1.1 kent zijn leerlingen': antwoord 'Vaak'"))
        #expect(run.stderr.contains("rij 6: kolom 'Je naam': een naam is één regel zonder stuurtekens"))
        #expect(run.stderr.contains("niets ingelezen: 4 van de 5 rijen zijn niet in orde"))
        #expect(!run.stderr.contains("\u{1B}"))
        #expect(try storedScores() == 0)

        let skip = try lob([
            "import", "survey", path("bad.csv"), "--mapping", path("mapping.yaml"), "--team", "Bouw", "--skip-bad",
        ])
        #expect(skip.status != 0)
        #expect(skip.stdout.contains("1 scan opgeslagen uit 5 rijen"))
        #expect(skip.stderr.contains("4 rijen niet ingelezen"))
        #expect(try storedScores() > 0)
    }

    @Test func the_template_is_the_fixture_mapping_and_arguments_are_checked() async throws {
        let template = try lob(["import", "survey", "--template"])
        #expect(template.status == 0)
        #expect(
            template.stdout
                == (try String(contentsOf: Self.fixtures.appendingPathComponent("mapping.yaml"), encoding: .utf8)))
        let mentor = try lob(["import", "survey", "--template", "--profile", "mentor-model2"])
        #expect(mentor.stdout.contains("profile: mentor-model2"))
        #expect(try lob(["import", "survey", path("google.csv")]).stderr.contains("Geef --mapping BESTAND"))
        #expect(try lob(["import", "survey", "--template", path("google.csv")]).status != 0)
        let missing = try lob([
            "import", "survey", "bestaat-niet.csv", "--mapping", path("mapping.yaml"), "--team", "B",
        ])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("bestaat-niet.csv: bestand niet gevonden"))
        let noTeam = try lob(["import", "survey", path("google.csv"), "--mapping", path("mapping.yaml")])
        #expect(noTeam.stderr.contains("geen team: geef --team NAAM"))
    }
}
