import Foundation
import LOBCore
import Testing
import Yams

/// The POP cycle end to end on the demo school year (docs/examples/year): each teacher's logbook made as he would
/// make it, the school's evaluation of it in every format, and each level's figures worked out again from the demo
/// files without LOB-spiegel's readers.
struct EvaluationCommandTests {
    static let year = TeamCommandTests.repository.appendingPathComponent("docs/examples/year")
    static let team = TeamCommandTests.demo
    static let reactions = TeamCommandTests.repository.appendingPathComponent("docs/examples/reacties.yaml")

    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    let db: String
    let databaseEnvironment: [String: String]

    init(_ database: TestDatabase = .sqlite) throws {
        temporary = TemporaryFolder("lob-evaluation")
        (db, databaseEnvironment) = try database.make(in: temporary.url)
    }

    func lob(_ arguments: [String]) throws -> LobRun {
        try LobRun(arguments + ["--db", db], environment: databaseEnvironment)
    }

    /// Runs docs/examples/year/make-year.sh with this build's `lob`, into `output`.
    static func makeYear(into output: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [year.appendingPathComponent("make-year.sh").path, output.path]
        process.environment = [
            "LOB": LobRun.binary.path, "PATH": "/usr/bin:/bin", "HOME": output.path,
            "SOURCE_DATE_EPOCH": LobRun.documentEpoch,
        ]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }

    /// The committed logbooks are what the script makes from the demo team's scans and activiteiten.csv.
    @Test func the_demo_years_logbooks_are_current() throws {
        let made = folder.appendingPathComponent("logboeken")
        try Self.makeYear(into: made)
        let committed = Self.year.appendingPathComponent("logboeken")
        let names = try FileManager.default.contentsOfDirectory(atPath: made.path).sorted()
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted()))
        for name in names {
            let actual = try String(contentsOf: made.appendingPathComponent(name), encoding: .utf8)
            if ProcessInfo.processInfo.environment["LOB_UPDATE_EXPORTS"] == "1" {
                try actual.write(to: committed.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            #expect(
                actual == (try String(contentsOf: committed.appendingPathComponent(name), encoding: .utf8)),
                "docs/examples/year/logboeken/\(name) is out of date: LOB_UPDATE_EXPORTS=1 swift test --filter EvaluationCommandTests"
            )
            // Written for its owner only.
            let mode =
                try FileManager.default.attributesOfItem(atPath: made.appendingPathComponent(name).path)[
                    .posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    /// The school's side of the demo year: two schoolscans, the logbooks, two years of indicators.
    func readInTheDemoYear() throws {
        for (arguments, what) in [
            (["schoolscan", "--answers", Self.year.appendingPathComponent("schoolscan-2025-2026.yaml").path], "scan"),
            (["schoolscan", "--answers", SchoolCommandTests.example.path], "scan"),
            (["evaluation", "import", Self.year.appendingPathComponent("logboeken").path], "import"),
            (
                [
                    "evaluation", "indicators", Self.year.appendingPathComponent("indicatoren-2025-2026.csv").path,
                    "--year", "2025-2026",
                ], "indicators"
            ),
            (
                [
                    "evaluation", "indicators", Self.year.appendingPathComponent("indicatoren-2026-2027.csv").path,
                    "--year", "2026-2027",
                ], "indicators"
            ),
        ] {
            let run = try lob(arguments)
            #expect(run.status == 0, "\(what): \(run.stderr)")
        }
    }

    /// Exports/evaluation-example.*: the demo year's evaluation as `lob evaluation --budget 25000` prints it, the same
    /// on either database.
    @Test(arguments: TestDatabase.available)
    func the_demo_years_evaluation_exports_are_current(on database: TestDatabase) throws {
        let this = try EvaluationCommandTests(database)
        try this.readInTheDemoYear()
        try checkExports(
            [
                ("evaluation-example.txt", ["evaluation", "--budget", "25000"]),
                ("evaluation-example.md", ["evaluation", "--budget", "25000", "--format", "markdown"]),
                ("evaluation-example.html", ["evaluation", "--budget", "25000", "--format", "html"]),
                ("evaluation-example.csv", ["evaluation", "--budget", "25000", "--format", "csv"]),
                ("evaluation-example.json", ["evaluation", "--budget", "25000", "--format", "json"]),
            ], lob: this.lob)
        // Reading the same logbooks again changes nothing, and shows the same.
        let again = try this.lob(["evaluation", "import", Self.year.appendingPathComponent("logboeken").path])
        #expect(again.stdout.hasSuffix("0 logboeken ingelezen of bijgewerkt.\n"))
        try Golden.check("evaluation-example.txt", try this.lob(["evaluation", "--budget", "25000"]).stdout)
    }

    /// A teacher's own view: Bram de Jong's plan against his logbook and his spring scan, as `lob plan progress`
    /// prints it (Exports/progress-example.*).
    @Test func a_teachers_progress_exports_are_current() throws {
        let bram = "bram-de-jong"
        #expect(
            try lob(["scan", "--answers", Self.team.appendingPathComponent("najaar-2026/\(bram).yaml").path]).status
                == 0)
        let rows = try String(contentsOf: Self.year.appendingPathComponent("activiteiten.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map {
                $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            }
            .filter { $0[0] == bram }
        #expect(rows.count == 3)
        for row in rows {
            var arguments = ["plan", "done"] + (Int(row[1]) != nil ? [row[1]] : ["--form", row[1], "--goal", row[2]])
            arguments +=
                ["--date", row[3]] + (row[4].isEmpty ? [] : ["--hours", row[4]])
                + (row[5].isEmpty ? [] : ["--cost", row[5]])
            let done = try lob(arguments)
            #expect(done.status == 0, "\(done.stderr)")
            let id = try #require(done.stdout.split(separator: " ").dropFirst(5).first.map { String($0.dropLast()) })
            let react = try lob(
                ["plan", "react", id, "--satisfied", row[6], "--usable", row[7], "--remark", row[8], "--date", row[3]])
            #expect(react.status == 0, "\(react.stderr)")
        }
        for spring in ["\(bram)-eerste-poging", bram] {
            #expect(
                try lob(["scan", "--answers", Self.team.appendingPathComponent("voorjaar-2027/\(spring).yaml").path])
                    .status == 0)
        }
        // The 360° feedback about him: in October, and the follow-up on his goals in March (level 3).
        let feedback = Self.year.appendingPathComponent("feedback/\(bram)").path
        #expect(try lob(["feedback", "import", feedback]).status == 0)
        try checkExports(
            [
                ("progress-example.txt", ["plan", "progress"]),
                ("progress-example.html", ["plan", "progress", "--format", "html"]),
                ("progress-example.json", ["plan", "progress", "--format", "json"]),
            ], lob: lob)
        // His ontwikkelgesprek, with an agreement from an earlier conversation.
        let agreed = try lob([
            "plan", "agree", "Na de zomer een opname van een loopbaangesprek bespreken met een collega", "--date",
            "2027-03-15",
        ])
        #expect(agreed.stdout == "Afspraak van 15 maart 2027 vastgelegd bij het plan van scan 1.\n")
        #expect(try lob(["plan", "agree", " \n "]).stderr == "lob: een afspraak heeft woorden nodig\n")
        try checkExports(
            [
                ("conversation-example.txt", ["plan", "conversation"]),
                ("conversation-example.html", ["plan", "conversation", "--format", "html"]),
            ], lob: lob)
        // The logbook he hands in is the committed one.
        let out = folder.appendingPathComponent("logboek.yaml").path
        #expect(try lob(["export", "logbook", "--consent", "metNaam", "--out", out]).status == 0)
        #expect(
            try String(contentsOfFile: out, encoding: .utf8)
                == String(contentsOf: Self.year.appendingPathComponent("logboeken/\(bram).yaml"), encoding: .utf8))
    }

    // MARK: - Each level worked out again from the demo files

    /// The demo's files read with Yams alone: what every teacher did, answered and reached.
    struct DemoTeacher {
        let preference: String
        var activities: [(form: String, hours: Double, cost: Double, satisfied: Int?, usable: Int?)] = []
        var goals: [(competency: Int, reached: Bool)] = []
        /// Per goal the levels closed; per activity its form and competency.
        var closed: [(competency: Int, levels: Int)] = []
        var served: [(form: String, competency: Int?)] = []
        var observed: [(competency: Int, observed: Double?)] = []
    }

    static func demoTeachers() throws -> [String: DemoTeacher] {
        var teachers: [String: DemoTeacher] = [:]
        let folder = year.appendingPathComponent("logboeken")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let yaml = try #require(
                try Yams.load(yaml: String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
                    as? [String: Any])
            var teacher = DemoTeacher(preference: yaml["learningPreference"] as? String ?? "")
            for activity in yaml["activities"] as? [[String: Any]] ?? [] {
                func number(_ key: String) -> Double {
                    (activity[key] as? Double) ?? Double(activity[key] as? Int ?? 0)
                }
                teacher.activities.append(
                    (
                        activity["form"] as! String, number("hours"), number("cost"), activity["satisfied"] as? Int,
                        activity["usable"] as? Int
                    ))
                teacher.served.append((activity["form"] as! String, activity["competency"] as? Int))
            }
            for goal in yaml["goals"] as? [[String: Any]] ?? [] {
                teacher.goals.append((goal["competency"] as! Int, goal["reached"] as! Bool))
                teacher.closed.append(
                    (goal["competency"] as! Int, (goal["gapBefore"] as! Int) - (goal["gapAfter"] as! Int)))
                let observed = (goal["observed"] as? Double) ?? (goal["observed"] as? Int).map(Double.init)
                teacher.observed.append((goal["competency"] as! Int, observed))
            }
            teachers[name] = teacher
        }
        return teachers
    }

    /// Level 2 again from the scan files: per goal behaviour (as the plan names them) the spring score against the
    /// target. The logbooks must say the same.
    @Test func level_two_follows_from_the_autumn_and_spring_scans() throws {
        let teachers = try Self.demoTeachers()
        for (name, teacher) in teachers.sorted(by: { $0.key < $1.key }) {
            let file = String(name.dropLast(".yaml".count))
            let spring = try FileManager.default.contentsOfDirectory(
                atPath: Self.team.appendingPathComponent("voorjaar-2027").path
            )
            .filter { $0.hasPrefix(file) }.sorted()
            // The newest spring scan counts (Bram scanned twice).
            let springScores = try spring.map { file -> (String, [String: Int]) in
                let yaml = try #require(
                    try Yams.load(
                        yaml: String(
                            contentsOf: Self.team.appendingPathComponent("voorjaar-2027/\(file)"), encoding: .utf8))
                        as? [String: Any])
                let scores = (yaml["scores"] as? [String: Any] ?? [:]).compactMapValues { value -> Int? in
                    (value as? Int) ?? ((value as? [String: Any])?["score"] as? Int)
                }
                return ("\(yaml["date"]!)", scores)
            }.max { $0.0 < $1.0 }?.1
            let autumn = try lob([
                "scan", "--answers", Self.team.appendingPathComponent("najaar-2026/\(file).yaml").path,
            ])
            #expect(autumn.status == 0)
            let id = try #require(autumn.stdout.split(separator: " ").dropFirst().first.map(String.init))
            let plan = try #require(
                try JSONSerialization.jsonObject(with: Data(try lob(["plan", id, "--format", "json"]).stdout.utf8))
                    as? [String: Any])
            var expected: [(Int, Bool)] = []
            if let springScores {
                for goal in plan["goals"] as? [[String: Any]] ?? [] {
                    let behaviours = goal["behaviours"] as? [[String: Any]] ?? []
                    let measured = behaviours.contains { springScores[$0["behaviour"] as! String] != nil }
                    guard measured else { continue }
                    let reached = behaviours.allSatisfy {
                        (springScores[$0["behaviour"] as! String] ?? 0) >= ($0["target"] as! Int)
                    }
                    expected.append((goal["competency"] as! Int, reached))
                }
            }
            #expect(teacher.goals.map(\.competency) == expected.map(\.0), "\(name)")
            #expect(teacher.goals.map(\.reached) == expected.map(\.1), "\(name)")
        }
    }

    /// Level 3 again from the feedback files: per goal behaviour the colleagues' mean in the first feedback and the
    /// follow-up where both are a group of three whose mean tells no one's rating, else the leidinggevende's two
    /// ratings; per goal the mean change. The logbooks must say the same.
    @Test func level_three_follows_from_the_first_feedback_and_the_follow_up() throws {
        let teachers = try Self.demoTeachers()
        let folder = Self.year.appendingPathComponent("feedback")
        var observedTeachers = 0
        for (name, teacher) in teachers.sorted(by: { $0.key < $1.key }) {
            let file = String(name.dropLast(".yaml".count))
            let files =
                (try? FileManager.default.contentsOfDirectory(
                    atPath: folder.appendingPathComponent(file).path)) ?? []
            // Per moment: the leidinggevende's ratings, and per behaviour the colleagues' ratings.
            var leader: [String: [String: Int]] = [:]
            var colleagues: [String: [String: [Int]]] = [:]
            for response in files {
                let yaml = try #require(
                    try Yams.load(
                        yaml: String(
                            contentsOf: folder.appendingPathComponent("\(file)/\(response)"), encoding: .utf8))
                        as? [String: Any])
                let moment = yaml["moment"] as? String ?? "nulmeting"
                let ratings = (yaml["ratings"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
                if yaml["group"] as? String == "leidinggevende" {
                    leader[moment] = ratings
                } else {
                    for (behaviour, rating) in ratings {
                        colleagues[moment, default: [:]][behaviour, default: []].append(rating)
                    }
                }
            }
            func group(_ moment: String, _ behaviour: String) -> Double? {
                guard let ratings = colleagues[moment]?[behaviour], ratings.count >= 3,
                    !GroupDisclosure.meanTells(sum: ratings.reduce(0, +), n: ratings.count, low: 1, high: 4)
                else { return nil }
                return Double(ratings.reduce(0, +)) / Double(ratings.count)
            }
            let autumn = try lob([
                "scan", "--answers", Self.team.appendingPathComponent("najaar-2026/\(file).yaml").path,
            ])
            let id = try #require(autumn.stdout.split(separator: " ").dropFirst().first.map(String.init))
            let plan = try #require(
                try JSONSerialization.jsonObject(with: Data(try lob(["plan", id, "--format", "json"]).stdout.utf8))
                    as? [String: Any])
            var expected: [Int: Double] = [:]
            for goal in plan["goals"] as? [[String: Any]] ?? [] {
                let changes = (goal["behaviours"] as? [[String: Any]] ?? []).compactMap { step -> Double? in
                    let behaviour = step["behaviour"] as! String
                    if let before = group("nulmeting", behaviour), let after = group("vervolg", behaviour) {
                        return after - before
                    }
                    if let before = leader["nulmeting"]?[behaviour], let after = leader["vervolg"]?[behaviour] {
                        return Double(after - before)
                    }
                    return nil
                }
                if !changes.isEmpty {
                    expected[goal["competency"] as! Int] =
                        (changes.reduce(0, +) / Double(changes.count) * 100)
                        .rounded() / 100
                }
            }
            let logged = Dictionary(
                uniqueKeysWithValues: teacher.observed.compactMap { goal in goal.observed.map { (goal.competency, $0) }
                })
            // The logbook holds the goals the spring scan measured; each of them observed as the files say.
            for goal in teacher.goals {
                #expect(logged[goal.competency] == expected[goal.competency], "\(name): goal \(goal.competency)")
            }
            if !logged.isEmpty { observedTeachers += 1 }
        }
        #expect(observedTeachers >= 5)
    }

    /// Levels 1 and 2 and the spend in the report are the sums over the logbooks, group by group; level 4 is the
    /// indicators' difference.
    @Test func the_reports_figures_are_the_sums_of_the_logbooks() throws {
        try readInTheDemoYear()
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try lob(["evaluation", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let teachers = Array(try Self.demoTeachers().values)
        #expect(json["logbooks"] as? Int == 10)
        var shown = 0
        for line in json["lines"] as? [[String: Any]] ?? [] {
            let group = line["group"] as! String
            let members:
                [(
                    DemoTeacher, [(form: String, hours: Double, cost: Double, satisfied: Int?, usable: Int?)],
                    [(competency: Int, reached: Bool)]
                )] =
                    teachers.compactMap { teacher in
                        if group == "school" { return (teacher, teacher.activities, teacher.goals) }
                        if group.hasPrefix("leervoorkeur:") {
                            return teacher.preference == group.dropFirst("leervoorkeur:".count)
                                ? (teacher, teacher.activities, teacher.goals) : nil
                        }
                        let form = String(group.dropFirst("vorm:".count))
                        let activities = teacher.activities.filter { $0.form == form }
                        guard !activities.isEmpty else { return nil }
                        // Goals served: the competencies of the form's activities are not in the Yams view; take the
                        // logbook's goals whose competency an activity of this form names.
                        return (teacher, activities, [])
                    }.filter { !$0.1.isEmpty || !$0.2.isEmpty }
            if line["withheld"] is NSNull {
                shown += 1
                #expect(line["teachers"] as? Int == members.count, "\(group)")
                #expect(members.count >= 3, "\(group): a group of fewer than three")
                let activities = members.flatMap(\.1)
                #expect(abs((line["hours"] as! Double) - activities.reduce(0) { $0 + $1.hours }) < 0.01, "\(group)")
                #expect(abs((line["spent"] as! Double) - activities.reduce(0) { $0 + $1.cost }) < 0.011, "\(group)")
                let reactions = activities.compactMap { a in a.satisfied.map { ($0, a.usable!) } }
                #expect(line["reactions"] as? Int == reactions.count || line["reactions"] is NSNull, "\(group)")
                if let mean = line["meanSatisfied"] as? Double {
                    let sum = reactions.reduce(0) { $0 + $1.0 }
                    #expect(abs(mean - Double(sum) / Double(reactions.count)) < 0.001, "\(group)")
                }
                if group == "school" {
                    let goals = members.flatMap(\.2)
                    #expect(line["goalsMeasured"] as? Int == goals.count)
                    let reached = goals.filter(\.reached).count
                    #expect(abs((line["shareReached"] as! Double) - Double(reached) / Double(goals.count)) < 0.001)
                    // Level 3: the goals observed and their mean change.
                    let observed = members.flatMap { $0.0.observed.compactMap(\.observed) }
                    #expect(line["goalsObserved"] as? Int == observed.count && observed.count >= 10)
                    let mean = observed.reduce(0, +) / Double(observed.count)
                    #expect(abs((line["meanObservedChange"] as! Double) - mean) < 0.001)
                }
            } else {
                #expect(
                    line["teachers"] is NSNull && line["spent"] is NSNull, "\(group): a withheld group says nothing")
                // Too few: fewer than three teachers answered, and fewer than three have a goal measured.
                if line["withheld"] as? String == "tooFew" {
                    let answered = members.filter { $0.1.contains { $0.satisfied != nil } }.count
                    #expect(answered < 3, "\(group)")
                }
            }
        }
        #expect(shown >= 5)
        let indicators = json["indicators"] as? [[String: Any]] ?? []
        #expect(indicators.map { $0["value"] as? Double } == [78, 81, 2.5])
        #expect(indicators.map { $0["previous"] as? Double } == [71, 64, 1.5])
        #expect((json["schoolScan"] as? [String: String])?["10"] == "model2")
        #expect((json["previousSchoolScan"] as? [String: String])?["10"] == "model1")
    }

    /// `lob budget --effects-from`: the forms whose goals the evaluation shows work with the effect measured there
    /// (per goal served, the levels closed ÷ the competency's behaviours, averaged), the rest with the catalogue's
    /// assumption; the report says which (Exports/budget-effects-example.*).
    @Test func the_budget_takes_last_years_measured_effect_and_says_so() throws {
        try readInTheDemoYear()
        for round in ["najaar-2026", "voorjaar-2027"] {
            let run = try lob([
                "team", "import", Self.team.appendingPathComponent(round).path, "--team", TeamCommandTests.team,
            ])
            #expect(run.status == 0, "\(run.stderr)")
        }
        try checkExports(
            [
                ("budget-effects-example.txt", ["budget", "--budget", "6000", "--effects-from", "2026-2027"]),
                (
                    "budget-effects-example.json",
                    ["budget", "--budget", "6000", "--effects-from", "2026-2027", "--format", "json"]
                ),
            ], lob: lob)
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try lob(["budget", "--budget", "6000", "--effects-from", "2026-2027", "--format", "json"]).stdout
                        .utf8))
                as? [String: Any])
        let effects = try #require(json["effectsFrom"] as? [String: Any])
        #expect(effects["schoolYear"] as? String == "2026-2027")
        let measured = effects["measured"] as? [[String: Any]] ?? []
        // The demo year shows the share of goals reached for one form only (the others: too few, or all alike).
        #expect(measured.map { $0["form"] as? String } == ["training-loopbaangesprekken"])
        let teachers = try Self.demoTeachers().values
        for entry in measured {
            let form = entry["form"] as! String
            var rises: [Double] = []
            for teacher in teachers {
                let competencies = Set(teacher.served.filter { $0.form == form }.compactMap(\.competency))
                for goal in teacher.closed where competencies.contains(goal.competency) {
                    rises.append(Double(goal.levels) / Double(Catalogue.standard.behaviours(of: goal.competency).count))
                }
            }
            #expect(entry["goals"] as? Int == rises.count)
            let expected = (min(3, max(0, rises.reduce(0, +) / Double(rises.count))) * 100).rounded() / 100
            #expect(entry["measured"] as? Double == expected, "\(form)")
        }
        let assumed = Set(effects["assumed"] as? [String] ?? [])
        #expect(assumed.count == 19 && !assumed.contains("training-loopbaangesprekken"))
        // Without the option every form keeps its assumption, and the JSON says so.
        let plain = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try lob(["budget", "--budget", "6000", "--format", "json"]).stdout.utf8)) as? [String: Any])
        #expect(plain["effectsFrom"] is NSNull)
        // A year without an evaluation is an error, not every assumption quietly kept.
        let none = try lob(["budget", "--budget", "6000", "--effects-from", "2024-2025"])
        #expect(none.status == 1)
        #expect(
            none.stderr
                == "lob: er is niets te evalueren van schooljaar 2024-2025: lees logboeken in met 'lob evaluation import MAP'\n"
        )
    }

    /// `lob plan follow-up`: per goal when its follow-up is due (6 to 12 weeks after its last activity), then what
    /// others saw; the form asks the goal behaviours only and is his alone on disk.
    @Test func the_follow_up_says_when_and_writes_the_goals_form() throws {
        #expect(
            try lob(["scan", "--answers", Self.team.appendingPathComponent("najaar-2026/bram-de-jong.yaml").path])
                .status == 0)
        let header = "Vervolgmeting: 6 tot 12 weken na de laatste activiteit voor een doel.\n"
        let footer = "Het formulier: lob plan follow-up --out vervolg.html [--group leidinggevende]\n"
        #expect(
            try lob(["plan", "follow-up"]).stdout
                == header + "Doel 1 (Pedagogische competentie): nog geen activiteit gedaan.\n"
                + "Doel 2 (Competent in samenwerken met de omgeving): nog geen activiteit gedaan.\n"
                + "Doel 3 (Organisatorische competentie): nog geen activiteit gedaan.\n" + footer)
        #expect(try lob(["plan", "done", "1", "--date", "2026-11-18"]).status == 0)
        #expect(try lob(["plan", "done", "2", "--date", "2027-01-12"]).status == 0)
        let due = try lob(["plan", "follow-up"]).stdout
        #expect(due.contains("Doel 1 (Pedagogische competentie): van 30 december 2026 tot 10 februari 2027.\n"))
        #expect(
            due.contains("Doel 2 (Competent in samenwerken met de omgeving): van 23 februari 2027 tot 6 april 2027.\n"))
        let feedback = Self.year.appendingPathComponent("feedback/bram-de-jong").path
        #expect(try lob(["feedback", "import", feedback]).stdout.hasSuffix("8 nieuwe reacties, 0 al ingelezen.\n"))
        #expect(
            try lob(["plan", "follow-up"]).stdout
                == header + "Doel 1 (Pedagogische competentie): vervolgmeting binnen, verandering +1 niveau.\n"
                + "Doel 2 (Competent in samenwerken met de omgeving): vervolgmeting binnen, verandering +0,78 niveau.\n"
                + "Doel 3 (Organisatorische competentie): vervolgmeting binnen, verandering +0,67 niveau.\n" + footer)
        let out = folder.appendingPathComponent("vervolg.html").path
        let written = try lob(["plan", "follow-up", "--group", "leidinggevende", "--out", out])
        #expect(
            written.stdout
                == "Vervolgmeting voor Bram de Jong geschreven naar \(out) (9 gedragskenmerken van je doelen, voor een leidinggevende).\nStuur het naar wie het verschil kan zien; de bestanden lees je in met: lob feedback import MAP\n"
        )
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(
            html.contains("<title>Vervolgmeting voor Bram de Jong</title>") && html.contains("\"moment\":\"vervolg\""))
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let pupils = try lob(["plan", "follow-up", "--group", "leerling"])
        #expect(pupils.status == 64)
        #expect(
            pupils.stderr.hasPrefix(
                "Fout: --group is collega of leidinggevende: leerlingen geven geen vervolgmeting.\n"))
    }

    // MARK: - As a user makes mistakes

    @Test func reactions_from_the_offline_page_go_into_his_logbook_all_or_none() throws {
        #expect(try lob(["scan", "--answers", ScanCommandTests.example.path]).status == 0)
        #expect(try lob(["plan", "done", "1", "--date", "2026-12-01"]).status == 0)
        #expect(try lob(["plan", "done", "2", "--date", "2026-12-02"]).status == 0)
        let page = folder.appendingPathComponent("reacties.html")
        let written = try lob(["plan", "react", "--out", page.path])
        #expect(
            written.stdout
                == "Pagina voor je 2 reacties geschreven naar \(page.path). Open hem in je browser, download je reacties en lees ze in met: lob plan react --file BESTAND\n"
        )
        // It names him and what he did: his alone.
        let mode = try FileManager.default.attributesOfItem(atPath: page.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<title>Reacties van Jan de Vries</title>"))
        #expect(html.contains("\"name\":\"Training loopbaangesprekken in dialoog\""))
        #expect(html.contains("default-src 'none'") && !html.contains("connect-src"))
        try checkExports([("reacties-example.html", ["plan", "react", "--out", "-"])], lob: lob)

        // One wrong answer: the file is refused with its line, and the right one is not stored either.
        let example = try String(contentsOf: Self.reactions, encoding: .utf8)
        let wrong = folder.appendingPathComponent("fout.yaml")
        try example.replacingOccurrences(of: "in dialoog\"", with: "op maat\"").write(
            to: wrong, atomically: true, encoding: .utf8)
        let refused = try lob(["plan", "react", "--file", wrong.path])
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == """
                lob: \(wrong.path):14: activiteit 2 in je logboek is nu 'Training loopbaangesprekken in dialoog', een andere dan de pagina noemde; maak een nieuwe pagina met 'lob plan react --out'
                lob: \(wrong.path): niets bewaard: verbeter het bestand, of maak een nieuwe pagina met 'lob plan react --out'

                """)
        let before = try lob(["plan", "progress", "--format", "json"]).stdout
        #expect(!before.contains("\"satisfied\""))
        let other = folder.appendingPathComponent("ander.yaml")
        try example.replacingOccurrences(of: "Jan de Vries", with: "Piet Jansen").write(
            to: other, atomically: true, encoding: .utf8)
        #expect(
            try lob(["plan", "react", "--file", other.path]).stderr.hasPrefix(
                "lob: \(other.path): deze reacties horen niet bij het logboek van Jan de Vries"))

        let read = try lob(["plan", "react", "--file", Self.reactions.path])
        #expect(
            read.stdout == """
                2 reacties bewaard in je logboek:
                  1. Meedraaien met een getalenteerde LOB-collega: tevreden, zeker wel
                  2. Training loopbaangesprekken in dialoog: neutraal, eerder wel

                """)
        let progress = try lob(["plan", "progress", "--format", "json"]).stdout
        #expect(
            progress.contains(
                "\"remark\" : \"Ze liet me zien hoe je een gesprek opent met een vraag van de leerling zelf.\\nDirect bruikbaar in mijn mentorles.\""
            ))
        let none = try lob(["plan", "react", "--out", page.path])
        #expect(none.status == 1)
        #expect(
            none.stderr
                == "lob: geen activiteit van het plan uit scan 1 wacht op je reactie: leg eerst vast wat je deed met 'lob plan done', of verander een reactie met 'lob plan react NR'\n"
        )
        let neither = try lob(["plan", "react"])
        #expect(neither.status == 64)
        #expect(
            neither.stderr.hasPrefix(
                "Fout: Geef het nummer van een activiteit, of --out om een pagina te schrijven, of --file om reacties in te lezen (één van de drie)."
            ))
    }

    @Test func what_cannot_be_done_is_said_in_one_dutch_line_and_changes_nothing() throws {
        #expect(try lob(["schoolscan", "--answers", SchoolCommandTests.example.path]).status == 0)
        let empty = try lob(["evaluation"])
        #expect(empty.status == 1)
        #expect(
            empty.stderr
                == "lob: er is nog niets te evalueren: lees logboeken in met 'lob evaluation import MAP' (uitleg: lob help evaluatie)\n"
        )
        let bad = folder.appendingPathComponent("logboeken")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.year.appendingPathComponent("logboeken/ans-bakker.yaml"), to: bad.appendingPathComponent("a.yaml"))
        try
            "formatVersion: 1\nlogbookOf: X\nconsent: prive\nschoolYear: 2026-2027\ndate: 2027-03-15\nplanned: {goals: 0, hours: 0, cost: 0}\n"
            .write(to: bad.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let refused = try lob(["evaluation", "import", bad.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("b.yaml:3:10: 'consent': een privé-logboek lever je niet in"))
        #expect(
            refused.stderr.hasSuffix(
                "lob: niets ingelezen: 1 van de 2 bestanden is niet in orde. Verbeter ze, of lees de goede in met --skip-bad.\n"
            ))
        #expect(try lob(["evaluation"]).status == 1)
        let year = try lob([
            "evaluation", "indicators", Self.year.appendingPathComponent("indicatoren-2026-2027.csv").path, "--year",
            "2026/2027",
        ])
        #expect(
            year.status != 0
                && year.stderr.contains("--year: verwacht een schooljaar als 2026-2027, gevonden '2026/2027'."))
        let noReaction = try lob(["scan", "--answers", ScanCommandTests.example.path])
        #expect(noReaction.status == 0)
        #expect(try lob(["plan", "done", "1", "--date", "2026-12-01"]).status == 0)
        let stdin = folder.appendingPathComponent("leeg.txt")
        try "".write(to: stdin, atomically: true, encoding: .utf8)
        let asked = try LobRun(["plan", "react", "1", "--db", db], environment: databaseEnvironment, input: stdin)
        #expect(asked.status == 1)
        #expect(
            asked.stderr
                == "lob: geen antwoord op 'Ben je tevreden over deze activiteit?': geef het met --satisfied en --usable, of typ een getal van 1 tot en met 5\n"
        )
        let typed = folder.appendingPathComponent("antwoorden.txt")
        try "9\n4\n5\nGoed te doen\n".write(to: typed, atomically: true, encoding: .utf8)
        let answered = try LobRun(
            ["plan", "react", "1", "--date", "2026-12-02", "--db", db], environment: databaseEnvironment, input: typed)
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(answered.stdout.contains("Typ een getal van 1 tot en met 5."))
        #expect(answered.stdout.hasSuffix("Je reactie op activiteit 1 is bewaard: tevreden, zeker wel.\n"))
        let progress = try lob(["plan", "progress", "--format", "json"])
        #expect(progress.stdout.contains("\"remark\" : \"Goed te doen\""))
        #expect(
            try lob(["plan", "done", "9"]).stderr
                == "lob: je plan heeft geen activiteit 9: het heeft er 4 (zie 'lob plan progress')\n")
        #expect(
            try lob(["plan", "done", "1", "--date", "2026-11-01"]).stderr
                == "lob: die datum ligt vóór je scan van 24 november 2026, waar het plan uit komt; klopt de datum?\n")
        #expect(
            try lob(["plan", "done", "1", "--hours", "veel"]).stderr.contains(
                "--hours: 'veel' is geen bedrag of aantal"))
        #expect(
            try lob(["plan", "react", "7", "--satisfied", "4", "--usable", "4"]).stderr
                == "lob: geen activiteit met nummer 7 in je logboek; zie 'lob plan progress'\n")
        #expect(try lob(["plan", "remove-activity", "1"]).stdout == "Activiteit 1 is uit je logboek gehaald.\n")
        #expect(try lob(["plan", "remove-activity", "1"]).status == 1)
    }
}
