import Foundation
import Testing

/// `lob feedback import` and `report` end to end, and the attacks on a colleague's anonymity a teacher could try.
struct FeedbackCommandTests {
    private let temporary = TemporaryFolder("lob-feedback")
    private let db: String
    private let databaseEnvironment: [String: String]

    init(_ database: TestDatabase = .sqlite) throws {
        (db, databaseEnvironment) = try database.make(in: temporary.url)
    }

    private func lob(_ arguments: [String]) throws -> LobRun {
        try LobRun(arguments + ["--db", db], environment: databaseEnvironment)
    }

    /// A feedback file about Jan de Vries (the example scan's teacher); `ratings` by behaviour id.
    private func file(_ name: String, id: String, group: String = "collega", ratings: [String: Int]) throws -> String {
        let lines =
            [
                "formatVersion: 1", "response: \"\(id)\"", "feedbackFor: \"jan  de VRIES\"", "group: \(group)",
                "profile: loopbaanbegeleider-vmbo", "date: 2026-11-25", "ratings:",
            ] + ratings.sorted { $0.key < $1.key }.map { "  \"\($0.key)\": \($0.value)" }
        let url = temporary.url.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func report() throws -> [String: Any] {
        let run = try lob(["feedback", "report", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    private func colleagues(_ report: [String: Any], _ behaviour: String) throws -> [String: Any] {
        let behaviours = try #require(report["behaviours"] as? [[String: Any]])
        let entry = try #require(behaviours.first { $0["behaviour"] as? String == behaviour })
        return try #require(entry["colleagues"] as? [String: Any])
    }

    @Test(arguments: TestDatabase.available)
    func two_colleagues_are_withheld_three_are_shown_and_one_more_is_withheld_again(
        on database: TestDatabase
    ) async throws {
        let this = try FeedbackCommandTests(database)
        let example = TeamCommandTests.repository.appendingPathComponent("docs/examples/scan.yaml").path
        #expect(try this.lob(["scan", "--answers", example]).status == 0)
        // Before any feedback: said so, with what to do, instead of an empty report.
        for arguments in [["feedback", "report"], ["plan", "--with-feedback"]] {
            let none = try this.lob(arguments)
            #expect(none.status != 0 && none.stderr.contains("nog geen feedback over Jan de Vries op profiel"))
        }
        let first = try this.lob([
            "feedback", "import", try this.file("a.yaml", id: "r-aaaaaaaa", ratings: ["1.1": 2]),
            try this.file("b.yaml", id: "r-bbbbbbbb", ratings: ["1.1": 3]),
            try this.file("l.yaml", id: "r-llllllll", group: "leidinggevende", ratings: ["1.1": 2]),
        ])
        #expect(first.status == 0 && first.stdout.contains("3 nieuwe reacties"), "\(first.stderr)")
        var shown = try this.colleagues(try this.report(), "1.1")
        #expect(shown["mean"] is NSNull && shown["withheld"] as? String == "tooFew" && shown["n"] as? Int == 0)
        let text = try this.lob(["feedback", "report"]).stdout
        #expect(text.contains("niet getoond") && text.contains("1.1 kent zijn leerlingen: zelf 4, anderen 2"))

        #expect(
            try this.lob(["feedback", "import", try this.file("c.yaml", id: "r-cccccccc", ratings: ["1.1": 4])]).status
                == 0)
        shown = try this.colleagues(try this.report(), "1.1")
        #expect(shown["mean"] as? Double == 3 && shown["n"] as? Int == 3)

        // A fourth colleague: the difference between two reports would be his rating.
        #expect(
            try this.lob(["feedback", "import", try this.file("d.yaml", id: "r-dddddddd", ratings: ["1.1": 1])]).status
                == 0)
        shown = try this.colleagues(try this.report(), "1.1")
        #expect(shown["mean"] is NSNull && shown["withheld"] as? String == "changeTooSmall")
        // The same file again changes nothing, and the report says the same.
        let again = try this.lob(["feedback", "import", this.temporary.url.appendingPathComponent("d.yaml").path])
        #expect(again.stdout.contains("al ingelezen"))
        #expect(try this.colleagues(try this.report(), "1.1")["withheld"] as? String == "changeTooSmall")
        // Every key is there in every format; HTML and markdown render.
        for format in ["html", "markdown", "text"] {
            #expect(try this.lob(["feedback", "report", "--format", format]).status == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func a_bad_file_stores_nothing_and_a_rater_name_is_refused(on database: TestDatabase) async throws {
        let this = try FeedbackCommandTests(database)
        let good = try this.file("a.yaml", id: "r-aaaaaaaa", ratings: ["1.1": 2])
        let named = this.temporary.url.appendingPathComponent("naam.yaml")
        try (String(contentsOfFile: good, encoding: .utf8) + "rater: \"Ans Bakker\"\n").write(
            to: named, atomically: true, encoding: .utf8)
        let run = try this.lob(["feedback", "import", good, named.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("naam.yaml:9:1: 'rater': onbekende sleutel"))
        #expect(
            run.stderr.hasSuffix(
                "lob: niets ingelezen: 1 van de 2 bestanden is niet in orde. Verbeter ze, of lees de goede in met --skip-bad.\n"
            ))
        let nothing = try this.lob(["feedback", "report", "--format", "json"])
        #expect(nothing.status != 0)
        let skip = try this.lob(["feedback", "import", good, named.path, "--skip-bad"])
        #expect(skip.status != 0 && skip.stdout.contains("1 nieuwe reactie"))
    }

    /// `Exports/feedback-example.*`: the 360° report of the example scan's teacher with the demo raters of
    /// `docs/examples/feedback` (`make-demo.py`).
    @Test(arguments: TestDatabase.available)
    func the_demo_feedback_exports_are_current(on database: TestDatabase) async throws {
        let repository = TeamCommandTests.repository
        let (db, environment) = try database.make(in: temporary.url)
        func lob(_ arguments: [String]) throws -> LobRun {
            try LobRun(arguments + ["--db", db], environment: environment)
        }
        #expect(
            try lob(["scan", "--answers", repository.appendingPathComponent("docs/examples/scan.yaml").path]).status
                == 0)
        let imported = try lob(["feedback", "import", repository.appendingPathComponent("docs/examples/feedback").path])
        #expect(imported.status == 0 && imported.stdout.contains("5 nieuwe reacties"), "\(imported.stderr)")
        // The plan with the feedback names the topics of the ontwikkelgesprek; without it the key is null.
        let plain = try lob(["plan", "--format", "json"])
        #expect(plain.stdout.contains("\"conversationTopics\" : null"))
        let withFeedback = try lob(["plan", "--with-feedback", "--format", "json"])
        #expect(withFeedback.status == 0 && withFeedback.stdout.contains("\"reading\" : \"blindSpot\""))
        #expect(try lob(["plan", "--with-feedback"]).stdout.contains("Voor het ontwikkelgesprek"))
        try checkExports([
            ("feedback-example.txt", ["feedback", "report"]),
            ("feedback-example.md", ["feedback", "report", "--format", "markdown"]),
            ("feedback-example.html", ["feedback", "report", "--format", "html"]),
            ("feedback-example.json", ["feedback", "report", "--format", "json"]),
        ]) { try lob($0) }
    }

    // MARK: - The team's view

    /// Three colleagues' feedback files about a member of the demo team, rating 2.1 and 2.2 one below, at and one
    /// above `rating`: a group whose mean is `rating` and tells nobody's answer.
    private func teamFeedback(about teacher: String, count: Int = 3, rating mean: Int, tag: String) throws -> [String] {
        try (0..<count).map { index in
            let rating = mean - 1 + index % 3
            let lines = [
                "formatVersion: 1", "response: \"r-\(tag)\(index)-0000\"", "feedbackFor: \"\(teacher)\"",
                "group: collega",
                "profile: mentor-model2", "date: 2026-10-20", "ratings:", "  \"2.1\": \(rating)",
                "  \"2.2\": \(rating)",
            ]
            let url = temporary.url.appendingPathComponent("\(tag)-\(index).yaml")
            try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    private func teamView() throws -> [String: Any] {
        let run = try lob(["team", "feedback", "--round", "najaar 2026", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: TestDatabase.available)
    func the_team_view_shows_differences_of_three_members_and_withholds_one_more(on database: TestDatabase) async throws
    {
        let this = try FeedbackCommandTests(database)
        let demo = TeamCommandTests.demo.appendingPathComponent("najaar-2026").path
        #expect(
            try this.lob(["team", "import", demo, "--team", TeamCommandTests.team, "--round", "najaar 2026"]).status
                == 0)
        // Two named members (Ans 3 and 4 on 2.1 and 2.2, Bram) and one anonymous (Gert, 2 and 2).
        let files =
            try this.teamFeedback(about: "Ans Bakker", rating: 2, tag: "a")
            + this.teamFeedback(about: "Bram de Jong", rating: 2, tag: "b")
        #expect(try this.lob(["feedback", "import"] + files).status == 0)
        var view = try this.teamView()
        // Two members are no group, though both shared their scan by name.
        #expect((view["behaviours"] as? [Any])?.isEmpty == true)
        #expect((view["withheld"] as? [String: String])?["2.1"] == "tooFew")
        let text = try this.lob(["team", "feedback", "--round", "najaar 2026"]).stdout
        #expect(text.contains("Nog geen gedragskenmerk om te tonen") && !text.contains("Ans"))

        #expect(
            try this.lob(["feedback", "import"] + this.teamFeedback(about: "Gert Bos", rating: 2, tag: "g")).status == 0
        )
        view = try this.teamView()
        let behaviours = try #require(view["behaviours"] as? [[String: Any]])
        let first = try #require(behaviours.first { $0["behaviour"] as? String == "2.1" })
        #expect(first["n"] as? Int == 3 && view["membersWithFeedback"] as? Int == 3)
        // What the three scored themselves on 2.1, each minus their colleagues' 2: the team's mean difference.
        let selfScores = try ["ans-bakker", "bram-de-jong", "gert-bos"].map { name -> Int in
            let text = try String(contentsOfFile: "\(demo)/\(name).yaml", encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  \"2.1\":") })
            // `"2.1": 3` or `"2.1": {score: 3, note: …}`: the first digit after the key.
            return try #require(line.dropFirst(8).first(where: \.isNumber)?.wholeNumberValue)
        }
        let expected = Double(selfScores.reduce(0, +)) / 3 - 2
        // Rounded to three decimals, as every mean in the JSON.
        #expect(abs((first["meanDifference"] as? Double ?? .nan) - expected) <= 0.0005)
        // Every format renders, and none names anyone.
        for format in ["text", "markdown", "html"] {
            let run = try this.lob(["team", "feedback", "--round", "najaar 2026", "--format", format])
            #expect(run.status == 0 && !run.stdout.contains("Gert") && !run.stdout.contains("Ans"))
        }

        // Feedback about a fourth member: the difference of two views would be his alone.
        #expect(
            try this.lob(["feedback", "import"] + this.teamFeedback(about: "Carla Visser", rating: 3, tag: "c")).status
                == 0)
        view = try this.teamView()
        #expect((view["behaviours"] as? [Any])?.isEmpty == true)
        #expect((view["withheld"] as? [String: String])?["2.1"] == "changeTooSmall")
    }
}
