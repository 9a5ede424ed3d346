// `lob-bench postgres`: a school board's database on PostgreSQL, through the paths its users take, each beside
// `psql` doing the same on the same server in the same run. `LOB_BENCH_POSTGRES` names the server
// (postgresql://user@host:port/database, password in PGPASSWORD); every part works in schemas of its own.
import Foundation
import LOBCore
import LOBFormats
import LOBPostgresStore

/// The server's address with a schema of the bench's own.
func benchSchema(_ base: String, _ name: String) -> String {
    base + (base.contains("?") ? "&" : "?") + "schema=\(name)"
}

/// `psql` on the server: the wall time of the whole process, nil when it fails or is not installed.
func psql(_ base: String, _ commands: [String]) -> Double? {
    guard let program = ["/usr/bin/psql", "/usr/local/bin/psql"].first(where: FileManager.default.isExecutableFile)
    else { return nil }
    let address = base.components(separatedBy: "?")[0]
    return spawn(program, [address, "-X", "-q", "-v", "ON_ERROR_STOP=1"] + commands.flatMap { ["-c", $0] })
}

func median(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.sorted()[values.count / 2] }

func postgresBenchmark(members: Int = 5_000) async {
    guard let base = ProcessInfo.processInfo.environment["LOB_BENCH_POSTGRES"], !base.isEmpty else {
        print("zet LOB_BENCH_POSTGRES=postgresql://gebruiker@server:poort/database (wachtwoord in PGPASSWORD)")
        exit(64)
    }
    let lob = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lob")
        .path
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lob-bench-postgres-\(getpid())")
    let files = folder.appendingPathComponent("scans")
    try? FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: folder) } }
    let run = String(getpid())
    _ = psql(base, ["SELECT version()"]).map { _ in print("PostgreSQL: \(serverVersion(base))") }

    // MARK: a board's import, as a whole process
    let (_, csv) = makeBigTeam(members: members, in: files)
    let scores = members * Behaviour.all.count
    let csvPath = folder.appendingPathComponent("scores.csv").path
    try? csv.write(toFile: csvPath, atomically: false, encoding: .utf8)
    print("Eén groot team op PostgreSQL: \(members) scanbestanden, \(scores) scores\n")
    var imports: [Double] = []
    var database = ""
    for attempt in 0..<3 {
        database = benchSchema(base, "bench_\(run)_\(attempt)")
        guard spawn(lob, ["db", "migrate", "--db", database]) != nil,
            let seconds = spawn(
                lob, ["team", "import", files.path, "--team", "Groot", "--round", "najaar", "--db", database])
        else { return print("lob team import op PostgreSQL MISLUKT") }
        imports.append(seconds)
    }
    var references: [Double] = []
    for attempt in 0..<3 {
        let schema = "bench_\(run)_copy\(attempt)"
        guard
            let seconds = psql(
                base,
                [
                    "CREATE SCHEMA \(schema); CREATE TABLE \(schema).s (scan BIGINT, behaviour TEXT, score BIGINT)",
                    "\\copy \(schema).s FROM '\(csvPath)' CSV",
                ])
        else { return print("referentie: psql \\copy MISLUKT (apt-get install -y postgresql-client)") }
        references.append(seconds)
    }
    print(pad("import (hele proces, mediaan van 3)", 56) + pad("seconden", 10) + "scores/s")
    let imported = median(imports)!, copied = median(references)!
    print(
        pad("lob team import MAP --db postgresql://…", 56) + pad(String(format: "%.2f", imported), 10)
            + String(format: "%.0f", Double(scores) / imported)
            + (Double(scores) / imported >= 100_000
                ? "   (doel ≥ 100000/s: gehaald)" : "   (doel ≥ 100000/s: NIET gehaald)"))
    print(
        pad("referentie: psql \\copy van dezelfde scores als CSV", 56) + pad(String(format: "%.2f", copied), 10)
            + String(format: "%.0f", Double(scores) / copied))

    // MARK: the team's figures, as a whole process, beside psql's aggregate on the same database
    let runs = 10
    let teamQuery = """
        SELECT c.behaviourId, count(*), avg(c.score), count(*) FILTER (WHERE c.score = 1),
               count(*) FILTER (WHERE c.score = 2), count(*) FILTER (WHERE c.score = 3),
               count(*) FILTER (WHERE c.score = 4), count(*) FILTER (WHERE c.score >= c.target)
        FROM bench_\(run)_2.teamScan s JOIN bench_\(run)_2.teamScore c ON c.teamScanId = s.id
        WHERE s.current GROUP BY c.behaviourId
        """
    print("")
    print(pad("teamoverzicht van \(members) leden, hele proces (\(runs)×)", 56) + pad("mediaan ms", 12) + "verhouding")
    guard let shell = median((0..<runs).compactMap { _ in psql(base, [teamQuery]) }).map({ $0 * 1000 }) else {
        return print("referentie: psql MISLUKT")
    }
    print(pad("referentie: psql met de query per gedrag", 56) + String(format: "%-12.2f", shell))
    for format in ["text", "csv", "json"] {
        let times = (0..<runs).compactMap { _ in
            spawn(
                lob, ["team", "report", "--team", "Groot", "--round", "najaar", "--format", format, "--db", database])
        }
        guard times.count == runs, let ours = median(times).map({ $0 * 1000 }) else {
            print(pad("lob team report --format \(format)", 56) + "MISLUKT")
            continue
        }
        print(
            pad("lob team report --format \(format)", 56) + pad(String(format: "%.2f", ours), 12)
                + String(format: "lob/psql = %.2f  ", ours / shell) + (ours / shell <= 2 ? "binnen 2×" : "BOVEN 2×"))
    }

    // MARK: the board of 400 teams, as a whole process, beside psql's aggregate
    let board = benchSchema(base, "bench_\(run)_board")
    let batches = makeBoard(teachers: 5_000, teams: 400, rounds: 3)
    let boardScores = batches.reduce(0) { $0 + $1.scans.reduce(0) { $0 + $1.scores.count } }
    do {
        let store = try await PostgresStore.open(try PostgresAddress(board), schema: .migrate, maximumConnections: 8)
        let clock = ContinuousClock()
        let start = clock.now
        // Eight teams at a time, as several teamvoorzitters import at once.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, batch) in batches.enumerated() {
                if index >= 8 { try await group.next() }
                group.addTask { _ = try await store.importScans(batch.scans, team: batch.team, round: batch.round) }
            }
            try await group.waitForAll()
        }
        let seconds = milliseconds(clock.now - start) / 1000
        await store.close()
        print("")
        print(
            "Schoolbestuur op PostgreSQL: 400 teams, 3 rondes, \(boardScores) scores, ingelezen in "
                + String(format: "%.2f s (%.0f scores/s, 8 teams tegelijk)", seconds, Double(boardScores) / seconds))
    } catch {
        return print("het bestuur inlezen MISLUKT: \(error)")
    }
    let boardQuery = """
        WITH chosen AS MATERIALIZED (
          SELECT DISTINCT ON (r.teamId) r.id, r.teamId, r.label FROM bench_\(run)_board.teamRound r
          ORDER BY r.teamId, r.lastDate DESC, r.id DESC)
        SELECT t.name, t.privacyThreshold, chosen.label, c.behaviourId, c.competencyId, count(*), sum(c.score),
               count(*) FILTER (WHERE c.score = 1), count(*) FILTER (WHERE c.score = 2),
               count(*) FILTER (WHERE c.score = 3), count(*) FILTER (WHERE c.score = 4),
               count(*) FILTER (WHERE c.score >= c.target)
        FROM chosen JOIN bench_\(run)_board.teamScan s ON s.teamRoundId = chosen.id AND s.current
        JOIN bench_\(run)_board.teamScore c ON c.teamScanId = s.id JOIN bench_\(run)_board.team t ON t.id = chosen.teamId
        GROUP BY t.id, chosen.label, c.behaviourId, c.competencyId, s.consent ORDER BY t.name, c.competencyId, c.behaviourId
        """
    print(pad("het bestuursoverzicht, hele proces (\(runs)×)", 56) + pad("mediaan ms", 12) + "verhouding")
    guard let boardShell = median((0..<runs).compactMap { _ in psql(base, [boardQuery]) }).map({ $0 * 1000 }) else {
        return print("referentie: psql MISLUKT")
    }
    print(pad("referentie: psql met de query per team en gedrag", 56) + String(format: "%-12.2f", boardShell))
    for format in ["text", "json"] {
        let times = (0..<runs).compactMap { _ in spawn(lob, ["team", "board", "--format", format, "--db", board]) }
        guard times.count == runs, let ours = median(times).map({ $0 * 1000 }) else {
            print(pad("lob team board --format \(format)", 56) + "MISLUKT")
            continue
        }
        print(
            pad("lob team board --format \(format)", 56) + pad(String(format: "%.2f", ours), 12)
                + String(format: "lob/psql = %.2f  ", ours / boardShell)
                + (ours / boardShell <= 2 ? "binnen 2×" : "BOVEN 2×"))
    }
}

/// `SHOW server_version` through psql, for the figures' heading.
func serverVersion(_ base: String) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
    process.arguments = [base.components(separatedBy: "?")[0], "-X", "-A", "-t", "-c", "SHOW server_version"]
    let out = Pipe()
    process.standardOutput = out
    guard (try? process.run()) != nil else { return "?" }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
