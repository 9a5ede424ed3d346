import Foundation
import LOBCore
import LOBFormats
import LOBStore

/// The scale docs/team.md promises for one large team, through the paths a user takes:
/// - `lob team import` of 5,000 scan files (220,000 scores), end to end as a process (YAML included), given as a folder
///   and as 5,000 paths on the command line, in scores per second (target ≥ 200,000/s); beside `sqlite3 .import` of
///   the same scores as CSV.
/// - `lob team report` of that team in every format, as a whole process, beside the whole `sqlite3` process answering
///   the per-behaviour aggregate on the same file (target: within 2×); every pair (`lob team pairs`) beside it without
///   a target; and a normal team's the same way.
func bigTeamBenchmark(members: Int = 5_000) async {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lob-bench-bigteam-\(getpid())")
    let files = folder.appendingPathComponent("scans")
    try? FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    // KEEP=1 keeps the files and databases, to profile one step (`perf record`) by itself.
    defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: folder) } }
    let lob = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lob")
        .path
    guard FileManager.default.isExecutableFile(atPath: lob) else {
        print("lob niet gevonden naast lob-bench: swift build -c release --product lob")
        return
    }
    let (paths, csv) = makeBigTeam(members: members, in: files)
    let scores = members * Behaviour.all.count
    print("Eén groot team: \(members) scanbestanden, \(scores) scores")

    // MARK: import
    func run(_ arguments: [String]) -> Double? { spawn(lob, arguments) }
    /// The median of three imports into a new database each: one run on a shared machine varies by a tenth.
    func imported(_ arguments: [String], into database: String) -> Double? {
        let times = (0..<3).compactMap { _ -> Double? in
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            return run(arguments + ["--db", database])
        }.sorted()
        return times.count == 3 ? times[1] : nil
    }
    let database = folder.appendingPathComponent("groot.sqlite").path
    let asFolder = imported(["team", "import", files.path, "--team", "Groot", "--round", "najaar"], into: database)
    let named = folder.appendingPathComponent("paden.sqlite").path
    let asPaths = imported(["team", "import"] + paths + ["--team", "Groot", "--round", "najaar"], into: named)
    let list = folder.appendingPathComponent("lijst.txt").path
    try? (paths.joined(separator: "\n") + "\n").write(toFile: list, atomically: false, encoding: .utf8)
    let listed = folder.appendingPathComponent("lijst.sqlite").path
    let asList = imported(
        ["team", "import", "--files-from", list, "--team", "Groot", "--round", "najaar"], into: listed)
    let csvPath = folder.appendingPathComponent("scores.csv").path
    try? csv.write(toFile: csvPath, atomically: false, encoding: .utf8)
    let reference = sqlite3(
        folder.appendingPathComponent("ref.sqlite").path,
        ["CREATE TABLE s(scan INTEGER, behaviour TEXT, score INTEGER);", ".mode csv", ".import \(csvPath) s"])
    print("")
    print(pad("lob team import (hele proces, YAML inbegrepen; mediaan van 3)", 52) + pad("seconden", 10) + "scores/s")
    for (name, seconds) in [
        ("  een map met \(members) bestanden", asFolder), ("  een lijst van \(members) paden (--files-from)", asList),
        ("  \(members) paden op de opdrachtregel (*)", asPaths),
    ] {
        guard let seconds else {
            print(pad(name, 52) + "MISLUKT")
            continue
        }
        print(
            pad(name, 52) + pad(String(format: "%.2f", seconds), 10) + String(format: "%.0f", Double(scores) / seconds)
                + (Double(scores) / seconds >= 200_000
                    ? "   (doel ≥ 200000/s: gehaald)" : "   (doel ≥ 200000/s: NIET gehaald)"))
    }
    print("  (*) swift-argument-parser verwerkt elk volgend argument in een tijd die groeit met het aantal ervoor")
    if let reference {
        print(
            pad("referentie: sqlite3 .import van dezelfde scores als CSV", 52)
                + pad(String(format: "%.2f", reference), 10)
                + String(format: "%.0f", Double(scores) / reference))
    }

    // MARK: the report of the large team, as the user runs it: a whole process, in every format
    let runs = 10
    let query = """
        SELECT c.behaviourId, COUNT(*), AVG(c.score), SUM(c.score = 1), SUM(c.score = 2), SUM(c.score = 3), SUM(c.score = 4),
               SUM(c.score >= c.target)
        FROM teamScan s JOIN teamScore c ON c.teamScanId = s.id WHERE s.current GROUP BY c.behaviourId;
        """
    let shells = (0..<runs).compactMap { _ in sqlite3(database, [query]) }.sorted()
    print("")
    print(pad("teamoverzicht van \(members) leden, hele proces (\(runs)×)", 52) + pad("mediaan ms", 12) + "verhouding")
    guard !shells.isEmpty else { return print("referentie: sqlite3 niet gevonden (apt-get install -y sqlite3)") }
    let shell = shells[shells.count / 2] * 1000
    print(pad("referentie: sqlite3 FILE met de query per gedrag", 52) + String(format: "%-12.2f", shell))
    /// One command's median over `runs` whole processes beside the shell's, with the 2× target or without one.
    func compare(_ command: String, _ format: String, target: Bool) {
        let name = "lob team \(command) --format \(format)" + (target ? "" : " (alle koppels)")
        let times = (0..<runs).compactMap { _ in
            run(["team", command, "--team", "Groot", "--round", "najaar", "--format", format, "--db", database])
        }.sorted()
        guard times.count == runs else { return print(pad(name, 52) + "MISLUKT") }
        let ratio = times[runs / 2] * 1000 / shell
        let verdict = target ? (ratio <= 2 ? "binnen 2×" : "BOVEN 2×") : "(geen doel)"
        print(
            pad(name, 52) + pad(String(format: "%.2f", times[runs / 2] * 1000), 12)
                + String(format: "lob/sqlite3 = %.2f  ", ratio) + verdict)
    }
    for format in ["text", "markdown", "html", "csv", "json"] { compare("report", format, target: true) }
    // Every pair (`lob team pairs`): no target, the figure beside the report's.
    for format in ["csv", "json"] { compare("pairs", format, target: false) }

    // MARK: a normal team's whole process
    let small = folder.appendingPathComponent("klein.sqlite").path
    _ = run(["team", "import"] + Array(paths.prefix(25)) + ["--team", "Klein", "--round", "najaar", "--db", small])
    let processes = (0..<runs).compactMap { _ in run(["team", "report", "--team", "Klein", "--db", small]) }.sorted()
    let smallShells = (0..<runs).compactMap { _ in sqlite3(small, [query]) }.sorted()
    if !processes.isEmpty, !smallShells.isEmpty {
        let process = processes[processes.count / 2] * 1000, shell = smallShells[smallShells.count / 2] * 1000
        print("")
        print(pad("een gewoon team (25 leden): hele proces", 52) + pad("mediaan ms", 12) + "verhouding")
        print(pad("lob team report", 52) + String(format: "%-12.2f", process))
        print(
            pad("sqlite3 met dezelfde query", 52) + String(format: "%-12.2f", shell)
                + String(format: "lob/sqlite3 = %.2f  ", process / shell)
                + (process / shell <= 2 ? "binnen 2×" : "BOVEN 2×"))
    }
}

/// The large team's scan files in `folder` (deterministic: a linear congruential generator), and its scores as CSV
/// (`member,behaviour,score`) for the databases' own bulk loaders.
func makeBigTeam(members: Int, in folder: URL) -> (paths: [String], csv: String) {
    var state: UInt64 = 5_000
    func random(_ upper: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(upper))
    }
    let profile = Profile(
        id: "loopbaanbegeleider-vmbo", title: "Loopbaanbegeleider vmbo", behaviours: Behaviour.all.map(\.id))
    var paths: [String] = []
    var csv = ""
    for member in 0..<members {
        let base = 1 + random(3)
        var scan = Scan(
            teacher: String(format: "Docent %05d", member), team: "Groot", profileID: profile.id,
            date: SchoolDate("2026-10-05")!, chosenPreference: .oefenen, consent: random(10) < 7 ? .metNaam : .anoniem)
        for behaviour in Behaviour.all {
            let score = min(4, max(1, base + random(3) - 1))
            scan.answers[behaviour.id] = Scan.Answer(score: score)
            csv += "\(member),\(behaviour.id),\(score)\n"
        }
        let path = folder.appendingPathComponent(String(format: "docent-%05d.yaml", member)).path
        try? ScanFile.encode(scan, profile: profile).write(toFile: path, atomically: false, encoding: .utf8)
        paths.append(path)
    }
    return (paths, csv)
}

/// Runs a program with its output to /dev/null; the wall time in seconds, nil when it fails. posix_spawn, not
/// Foundation's Process, whose own start-up cost (tens of milliseconds here) would be counted against the program.
func spawn(_ program: String, _ arguments: [String]) -> Double? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let clock = ContinuousClock()
    let start = clock.now
    var pid: pid_t = 0
    guard posix_spawn(&pid, program, &actions, nil, &argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let elapsed = clock.now - start
    guard status == 0 else { return nil }
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}
