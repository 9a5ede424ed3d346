import Foundation
import LOBCore
import LOBRender
import LOBStore

/// The scale docs/team.md promises: a school board of 5,000 teachers in 400 teams, 44 behaviours, 3 rounds (660,000 scores). Generates the
/// data, imports it through the store (one transaction per team and round, as `lob team import` does), and times a
/// team report and the board-wide aggregate next to the `sqlite3` shell running the same aggregate on the same file.
func benchmarkBoard(teachers: Int = 5000, teams: Int = 400, rounds: Int = 3) async {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lob-bench-board-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer {
        if ProcessInfo.processInfo.environment["LOB_BENCH_KEEP"] == nil {
            try? FileManager.default.removeItem(at: folder)
        }
    }
    let path = folder.appendingPathComponent("board.sqlite").path
    let clock = ContinuousClock()
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    let generation = clock.now
    let batches = makeBoard(teachers: teachers, teams: teams, rounds: rounds)
    let scores = batches.reduce(0) { $0 + $1.scans.reduce(0) { $0 + $1.scores.count } }
    print(
        "Schoolbestuur: \(teachers) docenten, \(teams) teams, \(rounds) rondes, \(scores) scores (gemaakt in \(String(format: "%.2f", seconds(clock.now - generation))) s)"
    )

    // MARK: import
    let database: LOBDatabase
    do { database = try LOBDatabase.openFile(at: path) } catch {
        print("database niet te openen: \(error)")
        return
    }
    let importing = clock.now
    do {
        for batch in batches { _ = try await database.importScans(batch.scans, team: batch.team, round: batch.round) }
    } catch {
        print("importeren mislukt: \(error)")
        return
    }
    let importTime = seconds(clock.now - importing)

    // Reference: the sqlite3 shell importing the same number of score rows from CSV into a plain table.
    let csv = folder.appendingPathComponent("scores.csv").path
    var text = ""
    text.reserveCapacity(scores * 24)
    var row = 0
    for batch in batches {
        for scan in batch.scans {
            row += 1
            for (id, score) in scan.scores { text += "\(row),\(id),\(score)\n" }
        }
    }
    try? text.write(toFile: csv, atomically: false, encoding: .utf8)
    let reference = folder.appendingPathComponent("reference.sqlite").path
    let shellImport = sqlite3(
        reference,
        [
            "PRAGMA journal_mode = WAL;", "CREATE TABLE s(scan INTEGER, behaviour TEXT, score INTEGER);", ".mode csv",
            ".import \(csv) s",
        ])

    print("")
    print(pad("import", 52) + pad("seconden", 10) + pad("scores/s", 12))
    print(
        pad("lob (store, transactie per team en ronde)", 52) + pad(String(format: "%.2f", importTime), 10)
            + String(format: "%.0f", Double(scores) / importTime) + "   (doel: ≥ 200000/s)")
    if let shellImport {
        print(
            pad("referentie: sqlite3 .import CSV in één kale tabel", 52) + pad(String(format: "%.2f", shellImport), 10)
                + String(format: "%.0f", Double(scores) / shellImport))
    }

    // MARK: one team's report
    let team = "Team 042", round = "ronde \(rounds)"
    let runs = 30
    let report = await measure(runs: runs) {
        guard let scans = try? await database.currentScans(team: team, round: round) else {
            fatalError("team niet gevonden")
        }
        let analysis = TeamAnalysis(members: scans, threshold: 3)
        let text = TextRenderer().render(TeamReport(team: team, round: round, analysis: analysis).blocks())
        precondition(text.contains("Heatmap"))
    }
    let teamQuery = """
        SELECT c.behaviourId, COUNT(*), AVG(c.score), SUM(c.score = 1), SUM(c.score = 2), SUM(c.score = 3), SUM(c.score = 4),
               SUM(c.score >= c.target)
        FROM teamScan s JOIN teamScore c ON c.teamScanId = s.id
        WHERE s.current AND s.teamRoundId = (SELECT r.id FROM teamRound r JOIN team t ON t.id = r.teamId
                                             WHERE t.name = '\(team)' AND r.label = '\(round)')
        GROUP BY c.behaviourId;
        """
    print("")
    print(pad("één teamrapport (\(team), \(runs)×)", 52) + pad("mediaan ms", 12) + "verhouding")
    let ours = report[report.count / 2] / 1000
    print(pad("lob: laden + analyse + tekstrapport (in het proces)", 52) + String(format: "%-12.2f", ours))
    // Where the time goes.
    let scans = (try? await database.currentScans(team: team, round: round)) ?? []
    let loading = await measure(runs: runs) {
        let again = (try? await database.currentScans(team: team, round: round)) ?? []
        precondition(again.count == scans.count)
    }
    let analysing = measure(runs: runs) {
        precondition(TeamAnalysis(members: scans, threshold: 3).included.count == scans.count)
    }
    let analysis = TeamAnalysis(members: scans, threshold: 3)
    let rendering = measure(runs: runs) {
        precondition(!TextRenderer().render(TeamReport(team: team, round: round, analysis: analysis).blocks()).isEmpty)
    }
    print(
        String(
            format: "  waarvan laden %.2f, analyse %.2f, tekst %.2f", loading[runs / 2] / 1000,
            analysing[runs / 2] / 1000, rendering[runs / 2] / 1000))
    compare(path: path, query: teamQuery, ours: ours, target: 2, runs: runs)

    // MARK: the board-wide aggregate
    let boardRuns = 10
    let board = await measure(runs: boardRuns) {
        guard let rounds = try? await database.boardRounds() else { fatalError("geen rondes") }
        let text = TextRenderer(width: 120).render(
            BoardReport(BoardOverview(rounds: rounds.map { ($0.team, $0.round, $0.analysis()) })).blocks())
        precondition(text.contains("Team 399"))
    }
    print("")
    print(pad("bestuursbreed: per team en gedragskenmerk (\(boardRuns)×)", 52) + pad("mediaan ms", 12) + "verhouding")
    let oursBoard = board[board.count / 2] / 1000
    print(pad("lob: laden + analyse per team + overzicht + tekst", 52) + String(format: "%-12.2f", oursBoard))
    compare(path: path, query: boardQuery, ours: oursBoard, target: 1.5, runs: boardRuns)
    // MARK: the budget for the whole board
    print("")
    let budgetStart = clock.now
    let inputs = (try? await database.boardRounds()) ?? []
    let loaded = clock.now
    let needs = TrainingNeed.needs(inputs)
    let catalogue = ActivityCatalogue(
        title: "bench",
        forms: [
            ActivityForm(
                id: "cursus", name: "Cursus", preferences: [.kennisVerwerven], withWhom: "trainer", hours: 16,
                costPerParticipant: 450, effect: 1),
            ActivityForm(
                id: "intervisie", name: "Intervisie", preferences: [.participeren], withWhom: "collega's", hours: 10,
                costPerParticipant: 25, costPerGroup: 600, maxGroupSize: 8, effect: 0.5),
            ActivityForm(
                id: "inhouse", name: "Training in huis", preferences: [.oefenen], withWhom: "trainer", hours: 12,
                costPerParticipant: 40, costPerGroup: 1500, maxGroupSize: 12, effect: 1),
            ActivityForm(
                id: "consultatie", name: "Collegiale consultatie", preferences: [.kunstAfkijken], withWhom: "collega",
                hours: 6,
                costPerParticipant: 0, costPerGroup: 270, maxGroupSize: 3, effect: 0.5),
            ActivityForm(
                id: "coaching", name: "Coaching on the job", preferences: [.ontdekken], withWhom: "coach", hours: 8,
                costPerParticipant: 600, effect: 1.5),
        ])
    let allocation = BudgetAllocation(needs: needs, catalogue: catalogue, limits: .init(budget: 500_000))
    let budgetText = TextRenderer().render(
        BudgetReport(year: nil, catalogue: catalogue, teams: inputs.count, withheldTeams: 0, main: allocation).blocks())
    let done = clock.now
    precondition(budgetText.contains("gefinancierd"))
    print(pad("budget voor het hele bestuur (€ 500.000)", 52) + pad("seconden", 12))
    print(pad("lob: laden van \(inputs.count) teams", 52) + String(format: "%.2f", seconds(loaded - budgetStart)))
    print(pad("lob: behoeftes + optimalisatie + verslag", 52) + String(format: "%.2f", seconds(done - loaded)))
    print(
        pad("lob: samen", 52) + String(format: "%-12.2f", seconds(done - budgetStart))
            + (seconds(done - budgetStart) < 2 ? "binnen 2 s" : "BOVEN 2 s"))
    print(
        "  \(needs.count) behoeftes, \(allocation.candidates.reduce(0) { $0 + $1.count }) kandidaten, \(allocation.chosen.count) gefinancierd, "
            + (allocation.exact
                ? "optimaal" : String(format: "%.1f%% van de bovengrens (LP-relaxatie)", allocation.closeness * 100)))

    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print("\ndatabase: \(size / 1_048_576) MB")
}

/// The sqlite3 shell on the same file, two ways: the wall time of a whole `sqlite3 FILE` process answering the query
/// (median), and the query alone inside the shell: a shell running it `runs` times, less a shell running a trivial
/// statement, divided by `runs` (`.timer` reports whole milliseconds, too coarse for one team). Prints our figure as
/// a ratio of each.
func compare(path: String, query: String, ours: Double, target: Double, runs: Int) {
    var walls: [Double] = [], starts: [Double] = []
    for _ in 0..<runs {
        if let run = sqlite3(path, [query]) { walls.append(run * 1000) }
        if let run = sqlite3(path, ["SELECT 1;"]) { starts.append(run * 1000) }
    }
    let repeated = (0..<3).compactMap { _ in sqlite3(path, Array(repeating: query, count: runs)) }.sorted()
    guard !walls.isEmpty, !starts.isEmpty, repeated.count == 3 else {
        print("referentie: sqlite3 niet gevonden (apt-get install -y sqlite3)")
        return
    }
    let wall = walls.sorted()[walls.count / 2], start = starts.sorted()[starts.count / 2]
    let inShell = max(0.001, (repeated[1] * 1000 - start) / Double(runs))
    func verdict(_ ratio: Double) -> String {
        ratio <= target ? "binnen \(DutchNumber.format(target))×" : "BOVEN \(DutchNumber.format(target))×"
    }
    print(
        pad("sqlite3: dezelfde query, hele proces", 52) + pad(String(format: "%.2f", wall), 12)
            + String(format: "lob/sqlite3 = %.2f  ", ours / wall) + verdict(ours / wall))
    print(
        pad("sqlite3: alleen de query, in de shell", 52) + pad(String(format: "%.2f", inShell), 12)
            + String(format: "lob/sqlite3 = %.2f  ", ours / inShell) + verdict(ours / inShell))
    print(pad("  (opstarten van sqlite3 zelf: \(String(format: "%.2f", start)) ms)", 52))
}

/// Runs the sqlite3 shell with the statements as arguments (`spawn`); the wall time in seconds, nil when it is not
/// installed or fails.
func sqlite3(_ database: String, _ statements: [String]) -> Double? {
    guard let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile)
    else { return nil }
    return spawn(shell, ["-batch", database] + statements)
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

/// The reference for the board: every team's latest round, per team and behaviour the count, sum, distribution and
/// at-or-above-target, in one query in the sqlite3 shell. (lob computes the same per team through `TeamAnalysis`,
/// with the privacy rule, so that the board's figures are the team reports' own.)
let boardQuery = """
    WITH chosen AS MATERIALIZED (
      SELECT r.id, r.teamId, r.label FROM teamRound r WHERE NOT EXISTS (
        SELECT 1 FROM teamRound o WHERE o.teamId = r.teamId AND (o.lastDate > r.lastDate OR (o.lastDate = r.lastDate AND o.id > r.id))))
    SELECT t.name AS team, t.privacyThreshold, chosen.label AS round, c.behaviourId, c.competencyId,
           COUNT(*) AS n, SUM(c.score) AS total,
           SUM(c.score = 1) AS l1, SUM(c.score = 2) AS l2, SUM(c.score = 3) AS l3, SUM(c.score = 4) AS l4,
           SUM(c.score >= c.target) AS atOrAbove
    FROM chosen
    CROSS JOIN teamScan s ON s.teamRoundId = chosen.id AND s.current
    CROSS JOIN teamScore c ON c.teamScanId = s.id
    JOIN team t ON t.id = chosen.teamId
    GROUP BY t.id, c.behaviourId, s.consent
    ORDER BY t.name, c.competencyId, c.behaviourId;
    """

/// The board's teams and rounds as import batches (deterministic: a linear congruential generator): every teacher
/// in one team, each round a scan of all of them, 70% shared by name.
func makeBoard(teachers: Int, teams: Int, rounds: Int) -> [(team: String, round: String, scans: [TeamMemberScan])] {
    var state: UInt64 = 20_261_124
    func random(_ upper: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(upper))
    }
    let profile = Profile(
        id: "mentor-model2", title: "Mentor (model 2)", role: .mentor, model: .model2,
        behaviours: Behaviour.all.map(\.id),
        weights: [1: 3, 2: 3, 3: 2, 4: 2, 5: 2, 6: 2, 7: 1])
    let preferences = LearningPreference.allCases
    let dates = ["2025-10-06", "2026-03-09", "2026-10-05"]
    var batches: [(team: String, round: String, scans: [TeamMemberScan])] = []
    for round in 0..<rounds {
        var byTeam: [[TeamMemberScan]] = Array(repeating: [], count: teams)
        for teacher in 0..<teachers {
            let team = teacher % teams
            let base = 1 + random(3)
            var scores: [Behaviour.ID: Int] = [:]
            for behaviour in Behaviour.all {
                scores[behaviour.id] = min(4, max(1, base + random(3) - 1 + (round > 0 && random(4) == 0 ? 1 : 0)))
            }
            let scan = Scan(
                teacher: String(format: "Docent %05d", teacher), team: String(format: "Team %03d", team),
                profileID: profile.id,
                date: SchoolDate(dates[round % dates.count])!, answers: scores.mapValues { Scan.Answer(score: $0) },
                chosenPreference: preferences[random(preferences.count)], consent: random(10) < 7 ? .metNaam : .anoniem)
            byTeam[team].append(TeamMemberScan(scan, profile: profile))
        }
        for team in 0..<teams {
            batches.append((String(format: "Team %03d", team), "ronde \(round + 1)", byTeam[team]))
        }
    }
    return batches
}
