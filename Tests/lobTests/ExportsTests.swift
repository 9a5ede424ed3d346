import Foundation
import LOBCore
import LOBFormats
import LOBRender
import LOBShippedProfiles
import Testing

/// `Exports/` holds example outputs; this test fails when one is out of date.
/// Regenerate with `LOB_UPDATE_EXPORTS=1 swift test --filter ExportsTests`.
struct ExportsTests {
    private static let folder = Golden.folder

    private func check(_ name: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.check(name, expected, sourceLocation: sourceLocation)
    }

    @Test func framework_exports_are_current() async throws {
        try check("framework.md", MarkdownRenderer().render(FrameworkReport.blocks(.standard)))
        try check("framework.json", try JSON.encode(FrameworkJSON(.standard)))
        // `lob framework export`: byte for byte what the command writes, for the framework and a shipped profile.
        try check("framework-case.json", try CASEPackage().json())
        try check("framework-moodle.csv", try MoodleFrameworkCSV.render())
        let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })
        let mbo = try #require(library.profile("loopbaanbegeleider-mbo"))
        try check("profile-mbo-case.json", try CASEPackage(profile: mbo).json())
        try check("profile-mbo-moodle.csv", try MoodleFrameworkCSV.render(profile: mbo))
        #expect(
            try LobRun(["framework", "export", "--format", "case", "--profile", "loopbaanbegeleider-mbo"]).stdout
                == CASEPackage(profile: mbo).json())
        #expect(try LobRun(["framework", "export", "--format", "moodle-csv"]).stdout == MoodleFrameworkCSV.render())
        #expect(
            try LobRun(["framework", "export", "--format", "case", "--profile", "bestaat-niet"]).stderr.contains(
                "onbekend profiel"))
        #expect(
            try LobRun(["framework", "export", "--format", "moodle-csv", "--base-uri", "https://x.nl"]).stderr.contains(
                "--base-uri hoort alleen bij --format case"))
    }

    /// `lob form`: the blank self-scan form for the demo team, byte for byte.
    @Test func form_export_is_current() async throws {
        try check("zelfscan.html", try LobRun(["form", "--team", "Bouwtechniek bovenbouw", "--out", "-"]).stdout)
    }

    /// The report of the documented example scan, as `lob report 1` shows it after `lob scan --answers`.
    @Test func example_report_exports_are_current() async throws {
        let example = Self.folder.deletingLastPathComponent().appendingPathComponent("docs/examples/scan.yaml")
        let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })
        let (scan, profile) = try ScanFile.decode(
            data: Data(contentsOf: example), file: "scan.yaml", profile: library.profile)
        let report = ScanReport(StoredScan(id: 1, scan: scan, profile: profile))
        try check("report-example.txt", TextRenderer().render(report.blocks()))
        try check("report-example.md", MarkdownRenderer().render(report.blocks()))
        try check(
            "report-example.html", HTMLRenderer(title: report.title, date: LobRun.documentDate).render(report.blocks()))
        try check("report-example.json", try JSON.encode(ScanReportJSON(report)))
    }

    /// The scholingsplan of the example scan with the shipped example catalogue, as `lob plan 1` makes it.
    @Test func example_plan_exports_are_current() async throws {
        let example = Self.folder.deletingLastPathComponent().appendingPathComponent("docs/examples/scan.yaml")
        let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })
        let (scan, profile) = try ScanFile.decode(
            data: Data(contentsOf: example), file: "scan.yaml", profile: library.profile)
        let catalogue = try ActivityCatalogueFile.load(try #require(ShippedProfiles.exampleActivities))
        let report = PlanReport(Scholingsplan(scan: scan, profile: profile, catalogue: catalogue), scanID: 1)
        try check("plan-example.md", MarkdownRenderer().render(report.blocks()))
        try check(
            "plan-example.html", HTMLRenderer(title: report.title, date: LobRun.documentDate).render(report.blocks()))
    }

    /// No document says the same long thing twice (a paragraph, a list, a table cell of 100 characters or more):
    /// what holds for every goal is said once, and behaviours with the same pairs share one list. The framework is the
    /// seeds' catalogue, where the sources repeat themselves.
    @Test func no_document_repeats_a_paragraph() async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Golden.folder.path).filter {
            $0.hasSuffix(".md") && $0 != "framework.md"
        }
        #expect(files.count >= 8)
        for file in files {
            let text = try String(contentsOf: Golden.folder.appendingPathComponent(file), encoding: .utf8)
            var units: [String] = []
            for paragraph in text.components(separatedBy: "\n\n").map({
                $0.trimmingCharacters(in: .whitespacesAndNewlines)
            }) {
                if paragraph.hasPrefix("|") {
                    for row in paragraph.split(separator: "\n") {
                        units += row.trimmingCharacters(in: CharacterSet(charactersIn: "|")).components(
                            separatedBy: " | "
                        )
                        .map { $0.trimmingCharacters(in: .whitespaces) }
                    }
                } else {
                    units.append(paragraph)
                }
            }
            let repeated = Dictionary(grouping: units.filter { $0.count >= 100 }, by: { $0 }).filter {
                $0.value.count > 1
            }
            #expect(repeated.isEmpty, "\(file) repeats: \(repeated.keys.map { $0.prefix(80) })")
        }
    }

    /// A section shows its figures once: the 360° report's "Per competentie" had its table and, below the radar, the
    /// chart's own table with the same numbers in another column order.
    @Test func a_competency_is_one_row_in_the_feedback_report() async throws {
        let text = try String(contentsOf: Golden.folder.appendingPathComponent("feedback-example.md"), encoding: .utf8)
        let section = try #require(
            text.components(separatedBy: "## Per competentie").dropFirst().first?.components(separatedBy: "\n## ")
                .first)
        #expect(section.components(separatedBy: "Interpersoonlijke").count == 2, "\(section)")
    }

    /// The lists and the import result as JSON, on a database of their own; paths as given, relative to the repository.
    @Test func list_exports_are_current() async throws {
        let temporary = TemporaryFolder("lob-lists")
        let db = temporary.url.appendingPathComponent("lob.sqlite").path
        let repository = Self.folder.deletingLastPathComponent()
        func lob(_ arguments: [String]) throws -> LobRun {
            try LobRun(arguments + ["--db", db], directory: repository)
        }
        #expect(try lob(["scan", "--answers", "docs/examples/scan.yaml"]).status == 0)
        try check("scans-list.json", try lob(["scans", "list", "--format", "json"]).stdout)
        let imported = try lob([
            "team", "import", "docs/examples/scan.yaml", "docs/examples/schoolscan.yaml", "--team", "Bouw",
            "--skip-bad", "--format", "json",
        ])
        #expect(imported.status == 1)
        try check("team-import.json", imported.stdout)
        #expect(try lob(["schoolscan", "--answers", "docs/examples/schoolscan.yaml"]).status == 0)
        try check("schoolscans-list.json", try lob(["schoolscan", "list", "--format", "json"]).stdout)
        let profiles = try LobRun(["profiles", "list", "--format", "json"])
        #expect(profiles.status == 0, "\(profiles.stderr)")
        try check("profiles-list.json", profiles.stdout)
    }
}
