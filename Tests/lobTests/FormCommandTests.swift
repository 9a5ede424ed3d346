import Foundation
import Testing

/// `lob form` as the teamvoorzitter runs it; the form itself is tested in LOBFormTests and in Chromium.
struct FormCommandTests {
    private let temporary = TemporaryFolder("lob-form")

    @Test func writes_the_form_for_a_team_readable_for_others() async throws {
        let out = temporary.url.appendingPathComponent("zelfscan.html")
        let run = try LobRun(["form", "--team", "Bouwtechniek bovenbouw", "--out", out.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Formulier geschreven naar \(out.path)"))
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("\"team\":\"Bouwtechniek bovenbouw\""))
        #expect(html.contains("\"id\":\"loopbaanbegeleider-vmbo\""))
        // A blank form holds no personal data and is meant to be shared.
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int)
        #expect(mode & 0o044 != 0)
    }

    @Test func another_profile_and_standard_output() async throws {
        let run = try LobRun(["form", "--profile", "mentor-model2", "--out", "-"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(run.stdout.contains("\"id\":\"mentor-model2\""))
    }

    @Test func refuses_an_unknown_profile_and_a_bad_team_and_writes_nothing() async throws {
        let out = temporary.url.appendingPathComponent("niet.html")
        let unknown = try LobRun(["form", "--profile", "bestaat-niet", "--out", out.path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("onbekend profiel 'bestaat-niet'"))
        let empty = try LobRun(["form", "--team", "  ", "--out", out.path])
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("--team mag niet leeg zijn"))
        let hidden = try LobRun(["form", "--team", "team\u{1B}[31m", "--out", out.path])
        #expect(hidden.status != 0)
        #expect(hidden.stderr.contains("zonder stuurtekens"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func a_feedback_form_for_a_colleague_or_the_leidinggevende() async throws {
        let out = temporary.url.appendingPathComponent("feedback.html")
        let run = try LobRun(["form", "--feedback-for", "Jan de Vries", "--group", "leidinggevende", "--out", out.path])
        #expect(run.status == 0 && run.stdout.contains("Feedbackformulier voor Jan de Vries"))
        #expect(run.stdout.contains("voor een leidinggevende") && run.stdout.contains("lob feedback import"))
        #expect(try String(contentsOf: out, encoding: .utf8).contains("\"group\":\"leidinggevende\""))
        #expect(try LobRun(["form", "--feedback-for", " "]).stderr.contains("--feedback-for mag niet leeg zijn"))
        #expect(try LobRun(["form", "--feedback-for", "Jan", "--group", "buurman"]).status != 0)
    }

    @Test func a_pupil_form_needs_the_schools_own_pupil_statements() async throws {
        let refused = try LobRun(["form", "--feedback-for", "Jan", "--group", "leerling", "--out", "-"])
        #expect(refused.status != 0 && refused.stderr.contains("heeft geen stellingen voor leerlingen"))
        let folder = temporary.url.appendingPathComponent("profielen")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        formatVersion: 1
        id: mentor-leerlingen
        title: Mentor met leerlingenfeedback
        behaviours: ["1.1", "1.2", "2.1"]
        pupilStatements:
          "1.1": "Mijn mentor kent mij goed."
          "2.1": "Mijn mentor daagt mij uit."
        """.write(to: folder.appendingPathComponent("mentor.yaml"), atomically: true, encoding: .utf8)
        let run = try LobRun([
            "form", "--feedback-for", "Jan", "--group", "leerling", "--profile", "mentor-leerlingen", "--profiles",
            folder.path, "--out", "-",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Mijn mentor kent mij goed.") && run.stdout.contains("Mijn mentor daagt mij uit."))
        // Only the worded behaviours are asked, in the school's words.
        #expect(!run.stdout.contains("\"id\":\"1.2\"") && !run.stdout.contains("\"text\":\"kent zijn leerlingen\""))
    }
}
