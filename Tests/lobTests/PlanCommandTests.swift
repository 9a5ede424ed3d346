import Foundation
import Testing

/// `lob plan` end to end: the example scan stored, then its plan in every format, with the example or a school's
/// own catalogue.
struct PlanCommandTests {
    /// Removed with the suite value, after the test.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    let db: String

    init() throws {
        temporary = TemporaryFolder("lob-plan")
        db = temporary.url.appendingPathComponent("lob.sqlite").path
    }

    private func lob(_ arguments: [String], environment: [String: String] = [:]) throws -> LobRun {
        try LobRun(arguments + ["--db", db], environment: environment)
    }

    private func stored() throws {
        #expect(try lob(["scan", "--answers", ScanCommandTests.example.path]).status == 0)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private let ownCatalogue = """
        title: Scholing Het Baken
        forms:
          - id: intervisie
            name: Intervisie Het Baken
            preferences: [kunstAfkijken, oefenen, participeren, kennisVerwerven, ontdekken]
            withWhom: je sectie
            hours: 10
            costPerParticipant: 40
        """

    @Test func the_plan_of_the_latest_scan_in_json_follows_the_example_scan() async throws {
        try stored()
        let run = try lob(["plan", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let goals = try #require(json["goals"] as? [[String: Any]])
        #expect(goals.map { $0["competency"] as? Int } == [2, 3, 7])
        #expect(goals.first?["deadline"] as? String == "februari 2027")
        #expect((json["catalogue"] as? [String: Any])?["example"] as? Bool == true)
        #expect(json["learningPreference"] as? String == "kunstAfkijken")
        // The same scan and catalogue give the same bytes
        #expect(try lob(["plan", "1", "--format", "json"]).stdout == run.stdout)
        #expect(try lob(["plan", "--goals", "1", "--format", "json"]).stdout.contains("\"number\" : 2") == false)
    }

    @Test func html_is_one_private_self_contained_file() async throws {
        try stored()
        let out = folder.appendingPathComponent("plan.html").path
        let run = try lob(["plan", "--format", "html", "--out", out])
        #expect(run.status == 0 && run.stdout.contains("geschreven naar"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"nl\">"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)  // radar and timeline
        #expect(
            !html.contains("src=") && !html.contains("<link") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("@page { size: A4"))
        let mode = (try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) ?? -1
        #expect(mode == 0o600)
    }

    @Test func a_schools_catalogue_replaces_the_example_by_option_or_by_profile() async throws {
        try stored()
        let costs = try write("kosten.yaml", ownCatalogue)
        let byOption = try lob(["plan", "--costs", costs, "--format", "markdown"])
        #expect(byOption.status == 0)
        #expect(byOption.stdout.contains("Intervisie Het Baken") && !byOption.stdout.contains("voorbeeldcatalogus"))

        // A profile that names its catalogue, beside the profile file
        let profiles = folder.appendingPathComponent("profielen")
        try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
        try ownCatalogue.write(
            to: profiles.appendingPathComponent("scholing.yaml.txt"), atomically: true, encoding: .utf8)
        try """
        id: loopbaanbegeleider-vmbo
        title: Onze loopbaanbegeleider
        behaviours: ["1.1", "2.1", "3.1"]
        costs: scholing.yaml.txt
        """.write(to: profiles.appendingPathComponent("eigen.yaml"), atomically: true, encoding: .utf8)
        let byProfile = try lob(["plan", "--format", "markdown", "--profiles", profiles.path])
        #expect(byProfile.status == 0, "\(byProfile.stderr)")
        #expect(byProfile.stdout.contains("Intervisie Het Baken"))
    }

    @Test func a_wrong_catalogue_is_refused_with_file_line_and_reason_and_writes_nothing() async throws {
        try stored()
        let costs = try write("fout.yaml", ownCatalogue.replacingOccurrences(of: "hours: 10", with: "hours: tien"))
        let out = folder.appendingPathComponent("plan.md").path
        let run = try lob(["plan", "--costs", costs, "--format", "markdown", "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr.contains("fout.yaml:7:12: 'forms.[0].hours': verwacht een getal, gevonden 'tien'"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try lob(["plan", "--costs", costs, "--check"]).status == 1)
        let good = try lob(["plan", "--costs", try write("goed.yaml", ownCatalogue), "--check"])
        #expect(good.status == 0 && good.stdout.contains("in orde: 1 vormen"))
    }

    @Test func without_a_scan_it_says_how_to_make_one() async throws {
        let run = try lob(["plan"])
        #expect(run.status == 1 && run.stderr.contains("nog geen scans") && run.stderr.contains("lob scan"))
        #expect(try lob(["plan", "7"]).stderr.contains("er is geen database"))
        #expect(try lob(["plan", "--goals", "9"]).stderr.contains("--goals moet 1 t/m 7 zijn."))
    }
}
