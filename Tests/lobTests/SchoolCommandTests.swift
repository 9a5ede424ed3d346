import Foundation
import Testing

/// `lob schoolscan` end to end.
struct SchoolCommandTests {
    static let example = TeamCommandTests.repository.appendingPathComponent("docs/examples/schoolscan.yaml")

    /// Removed with the suite value, after the test.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    let db: String
    let databaseEnvironment: [String: String]

    init(_ database: TestDatabase = .sqlite) throws {
        temporary = TemporaryFolder("lob-school")
        (db, databaseEnvironment) = try database.make(in: temporary.url)
    }

    func lob(_ arguments: [String]) throws -> LobRun {
        try LobRun(arguments + ["--db", db], environment: databaseEnvironment)
    }

    @Test(arguments: TestDatabase.available)
    func the_example_schoolscan_is_stored_per_year_and_shown_as_json(on database: TestDatabase) async throws {
        let this = try SchoolCommandTests(database)
        let run = try this.lob(["schoolscan", "--answers", Self.example.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("de school nu  model 2, de activerende school"))
        // Reading it again replaces that year's scan.
        #expect(try this.lob(["schoolscan", "--answers", Self.example.path]).status == 0)
        let list = try this.lob(["schoolscan", "list"])
        #expect(list.stdout.components(separatedBy: "2026-2027").count == 2)
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try this.lob(["schoolscan", "show", "--format", "json"]).stdout.utf8)) as? [String: Any])
        #expect(json["dominant"] as? String == "model2" && json["wished"] as? String == "model3")
        #expect((json["aspects"] as? [[String: Any]])?.filter { $0["relation"] as? String == "lagging" }.count == 3)
    }

    @Test(arguments: TestDatabase.available)
    func a_bad_file_stores_nothing_and_without_a_terminal_the_ui_says_what_to_do(on database: TestDatabase) async throws
    {
        let this = try SchoolCommandTests(database)
        let bad = this.folder.appendingPathComponent("school.yaml")
        try "formatVersion: 1\nschool: X\ndate: 2026-11-20\naspects:\n  1: {current: model9}\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let run = try this.lob(["schoolscan", "--answers", bad.path])
        #expect(run.status == 1 && run.stderr.contains("school.yaml:5"))
        #expect(try this.lob(["schoolscan", "show"]).status == 1)
        let ui = try this.lob(["schoolscan"])
        #expect(ui.status == 1 && ui.stderr.contains("heeft een terminal nodig"))
    }
}

/// `lob budget` end to end on the demo team and a small second team.
struct BudgetCommandTests {
    let school = try! SchoolCommandTests()

    private func prepare() throws {
        let teams = TeamCommandTests.demo
        for round in ["najaar-2026", "voorjaar-2027"] {
            #expect(
                try school.lob([
                    "team", "import", teams.appendingPathComponent(round).path, "--team", TeamCommandTests.team,
                ]).status == 0)
        }
        // A team of two: below the threshold, counted without its name.
        let autumn = teams.appendingPathComponent("najaar-2026")
        #expect(
            try school.lob([
                "team", "import", autumn.appendingPathComponent("ans-bakker.yaml").path,
                autumn.appendingPathComponent("dirk-smit.yaml").path, "--team", "Zorg en welzijn",
            ]).status == 0)
    }

    @Test(arguments: TestDatabase.available)
    func the_budget_is_kept_explained_and_shows_no_names(on database: TestDatabase) async throws {
        let this = try SchoolCommandTests(database)
        try prepare()
        let run = try school.lob(["budget", "--budget", "6000", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let scenario = try #require((json["scenarios"] as? [[String: Any]])?.first)
        #expect((scenario["spent"] as? Double ?? 1e9) <= 6000)
        #expect(scenario["optimal"] as? Bool == true)
        let funded = try #require(scenario["funded"] as? [[String: Any]])
        #expect(
            !funded.isEmpty && funded.allSatisfy { ($0["explanation"] as? String)?.contains("op competentie") == true })
        #expect(json["withheldTeams"] as? Int == 1)
        let text = try school.lob(["budget", "--budget", "6000"]).stdout
        for hidden in ["Ans Bakker", "Dirk Smit", "Zorg en welzijn", "Gert Bos"] {
            #expect(!text.contains(hidden), "shows \(hidden)")
        }
        // The team of two adds nothing, not even to a school-wide pool, and no line is about one or two teachers.
        #expect(
            !text.contains("uit verschillende teams") && !text.contains("voor 1 docent")
                && !text.contains("voor 2 docenten"))
    }

    @Test(arguments: TestDatabase.available)
    func a_second_budget_never_closes_less_and_csv_lists_funded_and_open(on database: TestDatabase) async throws {
        let this = try SchoolCommandTests(database)
        try prepare()
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try school.lob(["budget", "--budget", "1500", "--compare-budget", "9000", "--format", "json"])
                        .stdout.utf8)) as? [String: Any])
        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 2)
        #expect((scenarios[1]["closed"] as? Double ?? 0) >= (scenarios[0]["closed"] as? Double ?? 1))
        let csv = try school.lob(["budget", "--budget", "1500", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("\u{FEFF}budget;status;team;competentie;competentienaam;vorm"))
        #expect(csv.contains(";gefinancierd;") && csv.contains(";open;"))
        let negative = try school.lob(["budget", "--budget=-5"])
        #expect(negative.status != 0 && negative.stderr.contains("'-5' is geen bedrag"), "\(negative.stderr)")
    }

    @Test(arguments: TestDatabase.available)
    func the_wished_model_shows_the_extra_need(on database: TestDatabase) async throws {
        let this = try SchoolCommandTests(database)
        try prepare()
        #expect(try school.lob(["schoolscan", "--answers", SchoolCommandTests.example.path]).status == 0)
        let text = try school.lob(["budget", "--budget", "6000"]).stdout
        #expect(text.contains("Van model 2 naar model 3"))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try school.lob(["budget", "--budget", "6000", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        let move = try #require(json["modelMove"] as? [String: Any])
        #expect((move["extra"] as? Double ?? 0) > 0)
        #expect(try school.lob(["budget", "--budget", "6000", "--year", "2030-2031"]).status == 1)
    }
}

/// Exports/budget-example.* : the demo team's budget with the example schoolscan, as `lob budget` prints it.
struct BudgetExportsTests {
    @Test(arguments: TestDatabase.available)
    func budget_exports_are_current(on database: TestDatabase) async throws {
        let school = try SchoolCommandTests(database)
        let teams = TeamCommandTests.demo
        for round in ["najaar-2026", "voorjaar-2027"] {
            #expect(
                try school.lob([
                    "team", "import", teams.appendingPathComponent(round).path, "--team", TeamCommandTests.team,
                ]).status == 0)
        }
        #expect(try school.lob(["schoolscan", "--answers", SchoolCommandTests.example.path]).status == 0)
        let outputs: [(String, [String])] = [
            ("schoolscan-example.md", ["schoolscan", "show", "--format", "markdown"]),
            ("schoolscan-example.html", ["schoolscan", "show", "--format", "html"]),
            ("budget-example.md", ["budget", "--budget", "6000", "--compare-budget", "12000", "--format", "markdown"]),
            ("budget-example.html", ["budget", "--budget", "6000", "--compare-budget", "12000", "--format", "html"]),
            ("budget-example.csv", ["budget", "--budget", "6000", "--compare-budget", "12000", "--format", "csv"]),
            ("budget-example.json", ["budget", "--budget", "6000", "--compare-budget", "12000", "--format", "json"]),
        ]
        try checkExports(outputs) { try school.lob($0) }
    }
}
