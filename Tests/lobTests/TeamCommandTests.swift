import Foundation
import GRDB
import Testing

/// `lob team` end to end on the demo team (docs/examples/team): import, privacy, report formats, plan, board, and
/// the Exports made from it.
struct TeamCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demo = repository.appendingPathComponent("docs/examples/team")
    static let team = "Bouwtechniek bovenbouw"

    /// Removed with the suite value, after the test.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    let db: String
    /// What `lob` needs besides `--db` to reach the database (a server's password).
    let databaseEnvironment: [String: String]

    init(_ database: TestDatabase = .sqlite) throws {
        temporary = TemporaryFolder("lob-team")
        (db, databaseEnvironment) = try database.make(in: temporary.url)
    }

    func lob(_ arguments: [String], environment: [String: String] = [:]) throws -> LobRun {
        try LobRun(arguments + ["--db", db], environment: databaseEnvironment.merging(environment) { $1 })
    }

    func importDemo() throws {
        for round in ["najaar-2026", "voorjaar-2027"] {
            let run = try lob([
                "team", "import", Self.demo.appendingPathComponent(round).path, "--team", Self.team, "--round",
                round.replacingOccurrences(of: "-", with: " "),
            ])
            #expect(run.status == 0, "\(run.stderr)")
        }
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func counts() throws -> [Int] {
        let queue = try DatabaseQueue(path: db)
        return try queue.read { db in
            try ["team", "teamRound", "teamScan", "teamScore"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
            }
        }
    }

    /// `lob team pairs` has every pair the report's JSON counts, the report's own pairs among them, and no colleague
    /// who shared anonymously (Gert, Hanneke and Ilias in the demo) by name.
    @Test(arguments: TestDatabase.available)
    func pairs_list_every_pair_and_only_colleagues_who_shared_by_name(on database: TestDatabase) async throws {
        let commands = try TeamCommandTests(database)
        try commands.importDemo()
        func object(_ arguments: [String]) throws -> [String: Any] {
            let run = try commands.lob(arguments)
            #expect(run.status == 0, "\(run.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        }
        let report = try #require(
            try object(["team", "report", "--format", "json"])["peerLearning"] as? [[String: Any]])
        let pairs = try #require(try object(["team", "pairs", "--format", "json"])["peerLearning"] as? [[String: Any]])
        let listed = report.filter { ($0["pairs"] as? [Any])?.isEmpty == false || !($0["anonymousLearners"] is NSNull) }
        #expect(pairs.map { $0["behaviour"] as? String } == listed.map { $0["behaviour"] as? String })
        for (all, shown) in zip(pairs, listed) {
            let every = try #require(all["pairs"] as? [[String: Any]])
            #expect(every.count == all["pairCount"] as? Int && all["pairCount"] as? Int == shown["pairCount"] as? Int)
            #expect(
                every.prefix(30).map { $0["learner"] as? String }
                    == (shown["pairs"] as? [[String: Any]])?.map { $0["learner"] as? String })
        }
        let csv = try commands.lob(["team", "pairs", "--format", "csv"]).stdout
        #expect(csv.split(separator: "\r\n").count - 1 == pairs.reduce(0) { $0 + ($1["pairCount"] as? Int ?? 0) })
        let text = try commands.lob(["team", "pairs"]).stdout
        #expect(
            text.hasPrefix("VAN ELKAAR LEREN: ALLE KOPPELS VAN BOUWTECHNIEK BOVENBOUW\n")
                && text.contains("70 voor 41 gedragskenmerken"))
        for output in [csv, text] {
            for name in ["Gert", "Hanneke", "Ilias"] { #expect(!output.contains(name), "\(name)") }
        }
        let out = commands.folder.appendingPathComponent("koppels.csv").path
        let written = try commands.lob(["team", "pairs", "--format", "csv", "--out", out])
        #expect(written.stdout == "Koppels geschreven naar \(out).\n")
    }

    /// Ten scans that name another team make one line that says so, not ten.
    @Test(arguments: TestDatabase.available)
    func scans_of_another_team_are_named_once(on database: TestDatabase) async throws {
        let commands = try TeamCommandTests(database)
        let demoRound = Self.demo.appendingPathComponent("najaar-2026")
        let run = try commands.lob(["team", "import", demoRound.path, "--team", "Bouw"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr
                == "lob: 10 scans (\(demoRound.path)/ans-bakker.yaml en 9 andere) noemen team 'Bouwtechniek bovenbouw'; ze worden ingelezen in 'Bouw'\n"
        )
        let one = try commands.lob([
            "team", "import", demoRound.appendingPathComponent("ans-bakker.yaml").path, "--team", "Zorg",
        ])
        #expect(
            one.stderr
                == "lob: \(demoRound.path)/ans-bakker.yaml: de scan noemt team 'Bouwtechniek bovenbouw'; hij wordt ingelezen in 'Zorg'\n"
        )
    }

    @Test func importing_the_demo_twice_stores_it_once_and_keeps_the_replaced_scan_as_history() async throws {
        try importDemo()
        let first = try counts()
        let again = try lob([
            "team", "import", Self.demo.appendingPathComponent("voorjaar-2027").path, "--team", Self.team, "--round",
            "voorjaar 2027",
        ])
        #expect(again.status == 0 && again.stdout.contains("9 al ingelezen"))
        #expect(try counts() == first)
        // Nine scans in the autumn, nine files in the spring of which one replaced another: 18 rows, 17 current.
        #expect(first[0...2] == [1, 2, 18])
        let list = try lob(["team", "list"])
        #expect(list.stdout.contains("Bouwtechniek bovenbouw      9        3  najaar 2026, voorjaar 2027"))
        let members = try lob(["team", "members", Self.team])
        #expect(members.stdout.contains("Ans Bakker") && members.stdout.contains("En 3 collega's die anoniem deelden"))
        #expect(!members.stdout.contains("Gert Bos") && !members.stdout.contains("Joost Peters"))
    }

    @Test(arguments: TestDatabase.available)
    func a_list_of_files_imports_as_the_same_files_named_on_the_command_line(on database: TestDatabase) async throws {
        let commands = try TeamCommandTests(database)
        let round = Self.demo.appendingPathComponent("najaar-2026")
        let files = try FileManager.default.contentsOfDirectory(atPath: round.path).filter { $0.hasSuffix(".yaml") }
            .sorted().map { round.appendingPathComponent($0).path }
        let list = commands.folder.appendingPathComponent("lijst.txt")
        try (files.joined(separator: "\n") + "\n\n").write(to: list, atomically: true, encoding: .utf8)
        let listed = try commands.lob([
            "team", "import", "--files-from", list.path, "--team", Self.team, "--round", "najaar", "--format", "json",
        ])
        #expect(listed.status == 0, "\(listed.stderr)")
        let named = try LobRun(
            ["team", "import"] + files + [
                "--team", Self.team, "--round", "najaar", "--format", "json", "--db",
                commands.folder.appendingPathComponent("tweede.sqlite").path,
            ])
        #expect(named.status == 0 && listed.stdout == named.stdout)
        // From standard input, and the refusal of neither files nor a list.
        let fromInput = try LobRun(
            [
                "team", "import", "--files-from", "-", "--team", "X", "--db",
                commands.folder.appendingPathComponent("3.sqlite").path,
            ],
            input: list)
        #expect(fromInput.status == 0 && fromInput.stdout.contains("nieuw"))
        let neither = try commands.lob(["team", "import", "--team", Self.team])
        #expect(neither.status != 0 && neither.stderr.contains("of --files-from LIJST"))
        let missing = try commands.lob(["team", "import", "--files-from", "weg.txt", "--team", Self.team])
        #expect(missing.status != 0 && missing.stderr.contains("weg.txt: bestand niet gevonden"))
    }

    @Test func one_bad_file_stores_nothing_unless_skip_bad_and_names_file_and_line() async throws {
        let bad = try write(
            "kapot.yaml",
            "formatVersion: 1\nteacher: \"X\"\nprofile: mentor-model2\ndate: 2026-10-01\nconsent: metNaam\nscores:\n  \"1.1\": 7\n"
        )
        let good = Self.demo.appendingPathComponent("najaar-2026/ans-bakker.yaml").path
        #expect(try lob(["team", "import", good, "--team", "Zorg"]).status == 0)
        let before = try counts()
        let refused = try lob(["team", "import", good, bad, "--team", Self.team])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("kapot.yaml:7"))
        #expect(
            refused.stderr.hasSuffix(
                "lob: niets ingelezen: 1 van de 2 bestanden is niet in orde. Verbeter ze, of lees de goede in met --skip-bad.\n"
            ))
        #expect(try counts() == before)

        let skipped = try lob(["team", "import", good, bad, "--team", Self.team, "--skip-bad"])
        #expect(
            skipped.status == 1 && skipped.stderr.contains("1 bestand niet ingelezen; het goede is opgeslagen")
                || skipped.stderr.contains("1 bestand niet ingelezen (zie boven)"))
        #expect(try counts()[2] == before[2] + 1)
        // Without --round, the half year of the scan.
        #expect(skipped.stdout.contains("ronde 'najaar 2026'"))
        let missing = try lob(["team", "import", "/nonexistent.yaml", "--team", Self.team])
        #expect(missing.status == 1 && missing.stderr.contains("bestand niet gevonden"))
    }

    @Test(arguments: TestDatabase.available)
    func the_report_shows_no_names_of_anonymous_or_private_colleagues_in_any_format(
        on database: TestDatabase
    ) async throws {
        let commands = try TeamCommandTests(database)
        try commands.importDemo()
        for format in ["text", "markdown", "html", "csv", "json"] {
            let run = try commands.lob(["team", "report", "--format", format])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            for hidden in ["Gert Bos", "Hanneke Vos", "Ilias El Amrani", "Joost Peters", "privé: notities"] {
                #expect(!run.stdout.contains(hidden), "\(format) shows \(hidden)")
            }
        }
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try commands.lob(["team", "report", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        let behaviours = try #require(json["behaviours"] as? [[String: Any]])
        #expect(behaviours.count == 44)
        let first = try #require(behaviours.first)
        #expect(
            Set(first.keys).isSuperset(of: ["behaviour", "n", "mean", "distribution", "atOrAboveTarget", "withheld"]))
        #expect((first["distribution"] as? [Int])?.reduce(0, +) == first["n"] as? Int)
        #expect((json["competencies"] as? [[String: Any]])?.count == 7)
        #expect(json["compareRound"] as? String == "najaar 2026")
    }

    @Test(arguments: TestDatabase.available)
    func a_higher_threshold_withholds_and_says_why(on database: TestDatabase) async throws {
        let commands = try TeamCommandTests(database)
        try commands.importDemo()
        let low = try commands.lob(["team", "threshold", "2", "--team", Self.team])
        #expect(low.status != 0 && low.stderr.contains("De privacydrempel is minstens 3"))
        #expect(try commands.lob(["team", "threshold", "9", "--team", Self.team]).status == 0)
        let run = try commands.lob(["team", "report", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((json["privacy"] as? [String: Any])?["allWithheld"] as? Bool == true)
        #expect(
            (json["behaviours"] as? [[String: Any]])?.allSatisfy {
                $0["withheld"] as? Bool == true && $0["mean"] is NSNull
            } == true)
        #expect((json["heatmap"] as? [Any])?.isEmpty == true)
        let text = try commands.lob(["team", "report"])
        #expect(text.stdout.contains("Minder dan 9 collega's tellen mee"))
        #expect(!text.stdout.contains("Ans Bakker"))
    }

    @Test(arguments: TestDatabase.available)
    func removing_a_member_takes_all_his_scans_and_works_for_anonymous_ones(on database: TestDatabase) async throws {
        let commands = try TeamCommandTests(database)
        try commands.importDemo()
        let run = try commands.lob(["team", "remove-member", "Gert Bos", "--team", Self.team, "--yes"])
        #expect(run.status == 0 && run.stdout.contains("2 scans van"))
        #expect(try commands.lob(["team", "remove-member", "Gert Bos", "--team", Self.team, "--yes"]).status == 1)
        #expect(try commands.lob(["team", "remove-member", "Ans Bakker", "--team", Self.team]).status == 1)
    }

    @Test(arguments: TestDatabase.available)
    func the_heatmap_has_colour_only_when_asked_and_reads_without(on database: TestDatabase) async throws {
        let commands = try TeamCommandTests(database)
        try commands.importDemo()
        let plain = try commands.lob(["team", "report"])
        #expect(!plain.stdout.contains("\u{1B}["))
        #expect(plain.stdout.contains("!! =\nmeer eronder") && plain.stdout.contains("1 = Ans Bakker"))
    }

    @Test(arguments: TestDatabase.available)
    func the_board_shows_teams_without_names_and_withholds_small_teams(on database: TestDatabase) async throws {
        let commands = try TeamCommandTests(database)
        try commands.importDemo()
        let small = Self.demo.appendingPathComponent("najaar-2026")
        #expect(
            try commands.lob([
                "team", "import", small.appendingPathComponent("ans-bakker.yaml").path,
                small.appendingPathComponent("bram-de-jong.yaml").path, "--team", "Zorg",
            ]).status == 0)
        let run = try commands.lob(["team", "board"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Bouwtechniek bovenbouw  voorjaar 2027  8"))
        #expect(!run.stdout.contains("Zorg") && run.stdout.contains("2, waarvan 1 getoond"))
        #expect(!run.stdout.contains("Ans Bakker"))
        let csv = try commands.lob(["team", "board", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}team;ronde;respondenten;1 Interpersoonlijke;"))
        // The board's heatmap holds team means, and its key says so.
        let html = try commands.lob(["team", "board", "--format", "html"]).stdout
        #expect(html.contains("Cijfer = het gemiddelde van het team (1–4); ! = tot één niveau onder niveau 3"))
        let plain = try commands.lob(["team", "board", "--format", "csv", "--csv-dialect", "rfc4180"])
        #expect(plain.stdout.hasPrefix("team,ronde,respondenten,1 Interpersoonlijke,"))
    }

    /// The demo's spring round with the five who shared by name and Gert, who shared anonymously: once the board gave
    /// Gert's scores as 6 × mean − the five named columns. Now every output counts the five only.
    @Test(arguments: TestDatabase.available)
    func the_board_and_report_of_five_named_and_one_anonymous_hold_only_the_named(
        on database: TestDatabase
    ) async throws {
        let commands = try TeamCommandTests(database)
        let spring = Self.demo.appendingPathComponent("voorjaar-2027")
        let files = ["ans-bakker", "bram-de-jong", "carla-visser", "dirk-smit", "esra-yilmaz", "gert-bos"].map {
            spring.appendingPathComponent("\($0).yaml").path
        }
        #expect(try commands.lob(["team", "import"] + files + ["--team", Self.team]).status == 0)
        let report = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try commands.lob(["team", "report", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        let board = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try commands.lob(["team", "board", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        #expect((report["privacy"] as? [String: Any])?["anonymous"] is NSNull)
        let columns = try #require(report["heatmap"] as? [[String: Any]])
        #expect(columns.count == 5)
        for entry in try #require(board["behaviours"] as? [[String: Any]]) {
            let behaviour = try #require(entry["behaviour"] as? String)
            let named = columns.compactMap { ($0["scores"] as? [String: Int])?[behaviour] }
            let expected = (1...4).map { level in named.filter { $0 == level }.count }
            #expect(entry["distribution"] as? [Int] == expected && entry["n"] as? Int == named.count, "\(behaviour)")
        }
        let plan = try commands.lob(["team", "plan", "--format", "text"]).stdout
        #expect(!plan.contains("anoniem deelde"), "the plan mentions anonymous colleagues below the threshold")
    }
}

extension TeamCommandTests {
    /// `lob team plan done`: a goal of the team plan done by the team, with the plan's numbers unless told otherwise;
    /// mistakes said in one Dutch line, storing nothing; the school's evaluation sums the year's team activities.
    @Test func a_team_plan_goal_is_marked_done_and_counted_apart_in_the_evaluation() throws {
        try importDemo()
        let done = try lob(["team", "plan", "done", "1", "--round", "najaar 2026", "--date", "2027-01-20"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(
            done.stdout
                == "Teamactiviteit 1 vastgelegd: doel 1 van team Bouwtechniek bovenbouw (najaar 2026), Training 'in house' traject, 20 januari 2027, 8 deelnemers, 16 uur per deelnemer, €\u{A0}4.160.\n"
        )
        for (arguments, message) in [
            (["9"], "lob: je plan heeft geen doel 9: het heeft er 3\n"),
            (["2", "--participants", "0"], "lob: het aantal deelnemers is 1 tot en met 1000\n"),
        ] {
            let refused = try lob(["team", "plan", "done"] + arguments + ["--round", "najaar 2026"])
            #expect(refused.status == 1 && refused.stderr == message, "\(arguments): \(refused.stderr)")
        }
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try lob(["team", "plan", "--round", "najaar 2026", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        #expect((json["done"] as? [[String: Any]])?.map { $0["goal"] as? Int } == [1])
        #expect(json["doneCost"] as? Double == 4_160)
        // The school year's evaluation shows the team's spend beside the logbooks.
        let logbooks = EvaluationCommandTests.year.appendingPathComponent("logboeken").path
        #expect(try lob(["evaluation", "import", logbooks]).status == 0)
        let evaluation = try #require(
            try JSONSerialization.jsonObject(with: Data(try lob(["evaluation", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        let team = try #require(evaluation["teamActivities"] as? [String: Any])
        #expect(team["count"] as? Int == 1 && team["participants"] as? Int == 8 && team["spent"] as? Double == 4_160)
        #expect(try lob(["evaluation"]).stdout.contains("4.160 voor 1 activiteit van 1 team, samen 8 deelnemers"))
        let removed = try lob(["team", "plan", "remove-activity", "1"])
        #expect(removed.stdout == "Teamactiviteit 1 weggehaald.\n")
        let again = try lob(["team", "plan", "remove-activity", "1"])
        #expect(again.stderr == "lob: het team heeft geen vastgelegde activiteit met nummer 1; zie 'lob team plan'\n")
    }
}

/// Beside ExportsTests, so that `swift test --filter ExportsTests` refreshes these too.
struct TeamExportsTests {
    /// Exports/team-* are the demo team's report and plan as these commands print them, on either database.
    @Test(arguments: TestDatabase.available)
    func team_exports_are_current(on database: TestDatabase) async throws {
        let commands = try TeamCommandTests(database)
        try commands.importDemo()
        // The team did its first goal, with fewer colleagues and for less than planned.
        let done = try commands.lob([
            "team", "plan", "done", "1", "--round", "najaar 2026", "--date", "2027-01-20", "--participants", "6",
            "--cost", "3.950",
        ])
        #expect(done.status == 0, "\(done.stderr)")
        let outputs: [(String, [String])] = [
            ("team-report.txt", ["team", "report"]),
            ("team-report.md", ["team", "report", "--format", "markdown"]),
            ("team-report.html", ["team", "report", "--format", "html"]),
            ("team-report.csv", ["team", "report", "--format", "csv"]),
            ("team-report.json", ["team", "report", "--format", "json"]),
            ("team-pairs.md", ["team", "pairs", "--format", "markdown"]),
            ("team-pairs.html", ["team", "pairs", "--format", "html"]),
            ("team-pairs.csv", ["team", "pairs", "--format", "csv"]),
            ("team-pairs.json", ["team", "pairs", "--format", "json"]),
            ("team-plan.md", ["team", "plan", "--round", "najaar 2026"]),
            ("team-plan.html", ["team", "plan", "--round", "najaar 2026", "--format", "html"]),
            ("team-plan.json", ["team", "plan", "--round", "najaar 2026", "--format", "json"]),
            ("team-list.json", ["team", "list", "--format", "json"]),
            ("team-members.json", ["team", "members", TeamCommandTests.team, "--format", "json"]),
        ]
        try checkExports(outputs) { try commands.lob($0) }
    }

    /// Exports/team-feedback.*: where the demo team's self-view and colleagues' view differ most, with the demo
    /// feedback of docs/examples/team/feedback (make-feedback.py).
    @Test(arguments: TestDatabase.available)
    func team_feedback_exports_are_current(on database: TestDatabase) async throws {
        let commands = try TeamCommandTests(database)
        try commands.importDemo()
        let feedback = TeamCommandTests.demo.appendingPathComponent("feedback").path
        let imported = try commands.lob(["feedback", "import", feedback])
        #expect(imported.status == 0 && imported.stdout.contains("25 nieuwe reacties"), "\(imported.stderr)")
        try checkExports([
            ("team-feedback.md", ["team", "feedback", "--format", "markdown"]),
            ("team-feedback.json", ["team", "feedback", "--format", "json"]),
        ]) { try commands.lob($0) }
        // Ilias's two colleagues are withheld in his own report, so he counts nowhere: 7 of 8 members.
        let json = try commands.lob(["team", "feedback", "--format", "json"]).stdout
        #expect(json.contains("\"membersWithFeedback\" : 7") && json.contains("\"members\" : 8"))
    }
}
