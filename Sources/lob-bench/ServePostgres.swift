// `lob-bench serve-postgres`: two `lob serve` on one PostgreSQL database, as a board runs them behind its proxy.
// 400 colleagues save once a second across both for 30 s while a quarter of them hand in; one server is killed with
// SIGKILL mid-load and started again. A colleague whose server does not answer sends that answer to the other one,
// as the proxy would. Afterwards every acknowledged answer and hand-in must be in the database, and deciding the
// privacy rule afresh from the round's scans and its releases must give its last release again: no change was
// half stored.
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBPostgresStore
import LOBShippedProfiles

/// Rows of numbers from many threads.
final class TraceLines: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [[Double]] = []
    func add(_ row: [Double]) { lock.withLock { rows.append(row) } }
    var lines: [[Double]] { lock.withLock { rows } }
}

/// Counts shared by the colleagues' threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var failedOver = 0
    private(set) var handedIn: Set<Int> = []
    func failOver() { lock.withLock { failedOver += 1 } }
    func handIn(_ index: Int) { lock.withLock { _ = handedIn.insert(index) } }
    var handIns: Set<Int> { lock.withLock { handedIn } }
}

func servePostgresBenchmark(colleagues: Int = 400, seconds: Int = 30) async {
    guard let base = ProcessInfo.processInfo.environment["LOB_BENCH_POSTGRES"], !base.isEmpty else {
        print("zet LOB_BENCH_POSTGRES=postgresql://gebruiker@server:poort/database (wachtwoord in PGPASSWORD)")
        exit(64)
    }
    let database = benchSchema(base, "bench_\(getpid())_serve")
    let library = ProfileLibrary(folders: [ShippedProfiles.directory!])
    guard let profile = library.profile("mentor-model2") else { return print("profiel mentor-model2 ontbreekt") }
    let now = Int64(Date().timeIntervalSince1970)
    let store: PostgresStore
    let invitations: [(token: String, csrf: String, cookie: String)]
    do {
        store = try await PostgresStore.open(try PostgresAddress(database), schema: .migrate, maximumConnections: 4)
        invitations = try await claimedRound(
            LOBApp(store: store), colleagues: colleagues, profileID: profile.id, now: now)
    } catch {
        print("kan de ronde niet maken: \(error)")
        exit(1)
    }
    let ports = [freePort(), freePort()]
    guard let first = startServer(path: database, port: ports[0]),
        var second = startServer(path: database, port: ports[1])
    else { exit(1) }

    // Who hands in, and when: a quarter at their 11th answer of the run after the steady one, another quarter at their
    // 8th answer of the run with the kill (while the second server is down or just back); half of them anonymously,
    // so that the privacy rule has groups to decide.
    let scans: [Int: String] = Dictionary(
        uniqueKeysWithValues: (0..<colleagues).filter { $0 % 4 < 2 }.map { index in
            var scan = Scan(
                teacher: "Collega \(index + 1)", team: "Last", profileID: profile.id, date: SchoolDate("2027-03-15")!,
                consent: index % 8 < 4 ? .anoniem : .metNaam)
            for (position, behaviour) in profile.behaviours.enumerated() {
                scan.answers[behaviour] = Scan.Answer(score: 1 + (index + position) % 4)
            }
            return (index, ScanFile.encode(scan, profile: profile))
        })
    let state = LoadState(colleagues: colleagues)
    let tally = Tally()
    let clock = ContinuousClock()
    let origin = clock.now
    // LOB_BENCH_TRACE=FILE: every save as "ms since start, ms taken, server", to see when the slow ones come.
    let traceFile = ProcessInfo.processInfo.environment["LOB_BENCH_TRACE"]
    let trace = traceFile != nil
    let traced = TraceLines()

    /// Every colleague who has not handed in answers once a second for `seconds`, from answer `first` on; those in
    /// `handIn` hand in at their answer `at` instead. Returns the latencies of the saves and the failed requests.
    func run(
        seconds: Int, first: Int, handIn: Set<Int>, at: Int, during: () async -> Void
    ) async -> (
        saved: [Double], stylesheet: [Double], failed: Int
    ) {
        let saving = Samples(), reference = Samples(), failures = Samples()
        let active = (0..<colleagues).filter { !tally.handIns.contains($0) }
        let running = LoadState(colleagues: active.count)
        let done = DispatchGroup()
        for (order, index) in active.enumerated() {
            let (token, csrf, cookie) = invitations[index]
            let thread = Thread {
                defer {
                    running.oneDone()
                    done.leave()
                }
                let home = index % 2
                var connections: [Connection?] = [Connection(port: ports[0]), Connection(port: ports[1])]
                /// Sends to the colleague's own server, else (it does not answer) to the other: the status.
                func send(_ request: String) -> (status: Int, milliseconds: Double) {
                    for server in [home, 1 - home] {
                        if connections[server] == nil { connections[server] = Connection(port: ports[server]) }
                        guard let connection = connections[server] else { continue }
                        let began = clock.now
                        let status = connection.exchange(Array(request.utf8))
                        if status != 0 && status != 502 && status != 503 {
                            return (status, milliseconds(clock.now - began))
                        }
                        connections[server] = nil
                        if server == home { tally.failOver() }
                    }
                    return (0, 0)
                }
                var latencies: [Double] = []
                var answers: [String] = []
                var next = clock.now + .seconds(1) * (Double(order) / Double(active.count))
                for answer in first..<(first + seconds) {
                    if next > clock.now { Thread.sleep(forTimeInterval: milliseconds(next - clock.now) / 1000) }
                    next += .seconds(1)
                    if answer == at, handIn.contains(index), let scan = scans[index] {
                        let request =
                            "POST /s/\(token)/inleveren HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/yaml\r\n"
                            + "Cookie: lob_link=\(cookie)\r\nX-CSRF-Token: \(csrf)\r\n"
                            + "Content-Length: \(scan.utf8.count)\r\n\r\n\(scan)"
                        if send(request).status == 200 { tally.handIn(index) } else { failures.add([1]) }
                        break
                    }
                    answers.append("\"\(answer % 44).1\":\(answer % 4 + 1)")
                    let body =
                        "{\"page\":\(answer % 7 + 2),\"seq\":\(answer),\"scores\":{\(answers.joined(separator: ","))}}"
                    let (status, time) = send(
                        "PUT /s/\(token)/antwoorden HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Cookie: lob_link=\(cookie)\r\nX-CSRF-Token: \(csrf)\r\n"
                            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
                    if status == 204 {
                        state.acknowledge(index, answer)
                        latencies.append(time)
                        if trace { traced.add([milliseconds(clock.now - origin), time, Double(home)]) }
                    } else {
                        failures.add([Double(status)])
                    }
                }
                saving.add(latencies)
            }
            thread.stackSize = 1 << 20
            done.enter()
            thread.start()
        }
        // The stylesheet from both servers, the reference.
        let referencing = DispatchGroup()
        for port in ports {
            referencing.enter()
            Thread {
                fetchStylesheet(port: port, while: running, into: reference)
                referencing.leave()
            }.start()
        }
        await during()
        done.wait()
        referencing.wait()
        return (saving.sorted, reference.sorted, failures.sorted.count)
    }

    // As a round goes, on both servers: the target is the p99 of a save within 5× the stylesheet's.
    let steady = await run(seconds: seconds, first: 1, handIn: [], at: 0, during: {})
    // The same with a quarter handing in at once (no target: each hand-in decides the team's privacy rule again).
    let handingIn = await run(
        seconds: 20, first: 500, handIn: Set(scans.keys.filter { $0 % 4 == 0 }), at: 510, during: {})
    // Then the second server dies without a word (SIGKILL) five seconds in, and is started again three seconds later.
    let killed = await run(
        seconds: 20, first: 1_000, handIn: Set(scans.keys.filter { $0 % 4 == 1 }), at: 1_007,
        during: {
            try? await Task.sleep(for: .seconds(5))
            kill(second.process.processIdentifier, SIGKILL)
            second.process.waitUntilExit()
            try? await Task.sleep(for: .seconds(3))
            guard let restarted = startServer(path: database, port: ports[1]) else { exit(1) }
            second = restarted
        })
    for server in [first, second] {
        server.process.terminate()
        server.process.waitUntilExit()
    }
    if let traceFile {
        try? traced.lines.map { $0.map { String(format: "%.2f", $0) }.joined(separator: " ") }.joined(separator: "\n")
            .write(toFile: traceFile, atomically: false, encoding: .utf8)
    }

    // MARK: what the database holds
    var lost = 0
    var release: (stored: PrivacyRule.Release?, fresh: PrivacyRule.Release?) = (nil, nil)
    var members = 0
    do {
        let app = LOBApp(store: store)
        for (index, invitation) in invitations.enumerated() where !tally.handIns.contains(index) {
            let draft = try await app.invitation(token: invitation.token, now: now).draft
            let object = draft.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]
            if (object?["seq"] as? Int ?? 0) < state.acknowledged(index) { lost += 1 }
        }
        let round =
            try await store.round(team: "Last", round: "r")
            ?? TeamRoundData(team: "Last", round: "r", threshold: 3, members: [], release: nil)
        members = round.members.count
        lost += tally.handIns.count > members ? tally.handIns.count - members : 0
        let releaseTable = TableLayout.all.first { $0.name == "teamRelease" }!
        // Oldest first, by id.
        let releases = try await store.rows(of: releaseTable).compactMap { row -> (Int64, PrivacyRule.Release)? in
            guard case .integer(let id) = row[0], case .text(let json) = row[2],
                let release = try? JSONDecoder().decode(PrivacyRule.Release.self, from: Data(json.utf8))
            else { return nil }
            return (id, release)
        }.sorted { $0.0 < $1.0 }.map(\.1)
        var anonymous: [String: Set<String>] = [:]
        for member in round.members where member.consent == .anoniem {
            for behaviour in member.scores.keys {
                anonymous[member.fingerprint, default: []].insert(PrivacyRule.figure(behaviour: behaviour))
                if let competency = Catalogue.standard.behaviour(behaviour)?.competency {
                    anonymous[member.fingerprint, default: []].insert(PrivacyRule.figure(competency: competency))
                }
            }
        }
        release = (
            releases.last,
            PrivacyRule.release(anonymous: anonymous, threshold: round.threshold, earlier: releases)
        )
        await store.close()
    } catch {
        print("kan de database niet lezen: \(error)")
        exit(1)
    }
    func percentile(_ values: [Double], _ p: Int) -> Double {
        values.isEmpty ? .nan : values[min(values.count - 1, values.count * p / 100)]
    }
    print("PostgreSQL: \(serverVersion(base))")
    print("twee keer lob serve op één PostgreSQL: \(colleagues) collega's, elk één antwoord per seconde")
    print(pad("", 52) + "   aantal      p50 (ms)   p99 (ms)")
    func figures(_ name: String, _ values: [Double]) {
        print(
            pad(name, 52)
                + String(format: "%8d %10.2f %10.2f", values.count, percentile(values, 50), percentile(values, 99)))
    }
    let ratio = percentile(steady.saved, 99) / percentile(steady.stylesheet, 99)
    figures("\(seconds) s: referentie GET /stijl.css (beide servers)", steady.stylesheet)
    figures("\(seconds) s: een antwoord bewaren, PUT …/antwoorden", steady.saved)
    print(
        String(format: "p99 bewaren / p99 stijlblad = %.1f  ", ratio) + (ratio <= 5 ? "binnen 5×" : "BOVEN 5×")
            + "; niet bevestigd: \(steady.failed)")
    figures("20 s, een kwart levert in: referentie GET /stijl.css", handingIn.stylesheet)
    figures("20 s, een kwart levert in: een antwoord bewaren", handingIn.saved)
    figures("20 s met SIGKILL: referentie GET /stijl.css", killed.stylesheet)
    figures("20 s met SIGKILL: een antwoord bewaren", killed.saved)
    print(
        "de tweede server na 5 s gestopt met SIGKILL en na 3 s opnieuw gestart; naar de andere server gestuurd: "
            + "\(tally.failedOver); niet bevestigd: \(killed.failed)")
    print(
        "ingeleverd: \(tally.handIns.count) (in de ronde: \(members)); bevestigd maar verloren: \(lost)")
    let same = release.stored == release.fresh
    print(
        "laatste vrijgave van de ronde gelijk aan een nieuwe berekening uit de scans en de eerdere vrijgaven: "
            + (same ? "ja" : "NEE"))
    if lost > 0 || !same || ratio > 5 { exit(1) }
}
