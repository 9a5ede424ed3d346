import Foundation
import Testing

@testable import lob

/// Runs the built `lob` binary as a user would, with a clean environment.
struct CommandTests {
    /// Removed with the suite value, after the test.
    private let temporary = TemporaryFolder("lob-test")

    private func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let url = temporary.url.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func framework_prints_the_catalogue_in_each_format() async throws {
        let text = try LobRun(["framework"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("respecteert vertrouwelijkheid en gaat discreet met gevoelige zaken om"))
        let markdown = try LobRun(["framework", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# LOB-spiegel: het kader\n"))
        let json = try LobRun(["framework", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["competencies"] as? [Any])?.count == 7)
    }

    @Test func framework_output_is_the_same_bytes_each_run() async throws {
        #expect(
            try LobRun(["framework", "--format", "json"]).stdout
                == (try LobRun(["framework", "--format", "json"]).stdout))
    }

    @Test func unknown_format_is_refused_before_running() async {
        // Refused by the parser, naming the option and the value (and not by some later failure).
        for arguments in [["framework", "--format", "xml"], ["profiles", "show", "x", "--format", "markdown"]] {
            do {
                _ = try LobCommand.parseAsRoot(arguments)
                Issue.record("\(arguments) was accepted")
            } catch {
                let message = LobCommand.message(for: error)
                #expect(message.contains("--format") && message.contains(arguments.last!), "\(message)")
            }
        }
    }

    @Test func profiles_list_and_show() async throws {
        let list = try LobRun(["profiles", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("loopbaanbegeleider-vmbo"))
        #expect(list.stdout.contains("teamvoorzitter-model3"))
        let show = try LobRun(["profiles", "show", "vakdocent-model2", "--format", "json"])
        #expect(show.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        #expect((object?["behaviours"] as? [Any])?.count == 36)
    }

    /// Every command that takes a profile refuses an unknown one in the same words, with the ids there are.
    @Test(arguments: [
        ["profiles", "show", "bestaat-niet"], ["form", "--profile", "bestaat-niet", "--out", "/dev/null"],
        ["framework", "export", "--format", "case", "--profile", "bestaat-niet"],
        ["import", "survey", "--template", "--profile", "bestaat-niet"],
        ["team", "round", "open", "--team", "T", "--round", "r", "--profile", "bestaat-niet", "--invite", "/dev/null"],
    ])
    func unknown_profile_fails_with_a_message_on_stderr(arguments: [String]) async throws {
        let run = try LobRun(arguments, environment: ["LOB_DB": "/tmp/lob-unknown-profile-\(getpid()).sqlite"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let lastLine = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.hasPrefix("lob: onbekend profiel 'bestaat-niet'. Beschikbaar: "), "\(run.stderr)")
        #expect(lastLine.hasSuffix(" (zie 'lob profiles list')") && lastLine.contains("mentor-model2"))
    }

    @Test func validate_reports_file_line_and_expectation() async throws {
        let good = try temporaryFile("goed.yaml", "id: goed\ntitle: Goed\nbehaviours: [\"1.1\"]\n")
        let bad = try temporaryFile(
            "fout.yaml", "id: fout\ntitle: Fout\ntarget: 3\nbehaviours:\n  - \"1.1\"\n  - \"9.1\"\n")
        let run = try LobRun(["profiles", "validate", good.path, bad.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("goed.yaml: in orde (goed, 1 gedragskenmerken)"))
        #expect(run.stderr.contains("fout.yaml:6: behaviours[1]: onbekend gedragskenmerk '9.1'"))
    }

    @Test func a_broken_profile_in_a_users_folder_makes_list_fail_loudly() async throws {
        let broken = try temporaryFile("kapot.yaml", "id: kapot\ntitle: [\n")
        let run = try LobRun(
            ["profiles", "list"], environment: ["LOB_PROFILES": broken.deletingLastPathComponent().path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("loopbaanbegeleider-vmbo"))
        #expect(run.stderr.contains("kapot.yaml:"))
    }

    @Test func showing_a_broken_profile_says_what_is_wrong_with_its_file() async throws {
        let broken = try temporaryFile("kapot.yaml", "id: kapot\ntitle: Kapot\nbehaviours: [\"9.9\"]\n")
        let run = try LobRun(["profiles", "show", "kapot", "--profiles", broken.deletingLastPathComponent().path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("kapot.yaml:3: behaviours[0]: onbekend gedragskenmerk '9.9'"))
        #expect(run.stderr.contains("onbekend profiel 'kapot'"))
    }

    @Test func a_school_profile_from_profiles_option_is_listed_and_shown() async throws {
        let own = try temporaryFile(
            "school.yaml", "id: onze-school\ntitle: Onze school\nbehaviours: [\"5.1\", \"5.2\"]\n")
        let folder = own.deletingLastPathComponent().path
        #expect(try LobRun(["profiles", "list", "--profiles", folder]).stdout.contains("onze-school"))
        let show = try LobRun(["profiles", "show", "onze-school", "--profiles", folder])
        #expect(show.status == 0)
        #expect(show.stdout.contains("raadpleegt deskundigen waar nodig"))
    }
}
