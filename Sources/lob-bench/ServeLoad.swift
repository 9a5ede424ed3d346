// `lob-bench serve`: 200 colleagues answering at once through `lob serve`, from this second process over loopback.
// Saving one answer is timed beside fetching the server's static stylesheet in the same run (the reference: what
// the same server and network path cost without the database); then every acknowledged answer is looked up in the
// database (0 lost) and SQLite checks the file.
import Foundation
import GRDB
import LOBApp
import LOBCore
import LOBStore

#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 keep-alive connection to 127.0.0.1, as blocking socket calls: enough for a load generator.
final class Connection {
    let socket: Int32
    private var buffer = [UInt8]()

    init?(port: UInt16) {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var one: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if connected != 0 {
            close(socket)
            return nil
        }
    }

    deinit { close(socket) }

    /// Sends a request and reads the response; returns the status (0 when the connection failed).
    func exchange(_ request: [UInt8]) -> Int {
        var sent = 0
        while sent < request.count {
            let n = request.withUnsafeBytes { send(socket, $0.baseAddress! + sent, request.count - sent, 0) }
            if n <= 0 { return 0 }
            sent += n
        }
        // Headers, then as many body bytes as Content-Length says.
        var headerEnd: Int?
        while headerEnd == nil {
            guard fill() else { return 0 }
            headerEnd = find([13, 10, 13, 10])
        }
        let head = String(decoding: buffer[..<headerEnd!], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        var length = 0
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
        let total = headerEnd! + 4 + length
        while buffer.count < total { guard fill() else { return 0 } }
        buffer.removeFirst(total)
        return status
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, 65_536, 0) }
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[..<n])
        return true
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for i in 0...(buffer.count - pattern.count) where buffer[i] == pattern[0] {
            if Array(buffer[i..<(i + pattern.count)]) == pattern { return i }
        }
        return nil
    }
}

func freePort() -> UInt16 {
    let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(probe) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(probe, $0, &length) }
    }
    return UInt16(bigEndian: address.sin_port)
}

/// What the load's threads share: the last acknowledged answer per colleague, and how many still answer.
final class LoadState: @unchecked Sendable {
    private let lock = NSLock()
    private var acknowledged: [Int]
    private var answering: Int

    init(colleagues: Int) {
        acknowledged = Array(repeating: 0, count: colleagues)
        answering = colleagues
    }

    func acknowledge(_ index: Int, _ answer: Int) { lock.withLock { acknowledged[index] = answer } }
    func acknowledged(_ index: Int) -> Int { lock.withLock { acknowledged[index] } }
    func oneDone() { lock.withLock { answering -= 1 } }
    var anyAnswering: Bool { lock.withLock { answering > 0 } }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// Milliseconds, sorted.
final class Samples: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double] = []
    func add(_ more: [Double]) { lock.withLock { values += more } }
    var sorted: [Double] { lock.withLock { values.sorted() } }
}

/// `lob serve` on a free port (or `port`) over the database at `path`; nil when it does not come up.
func startServer(path: String, port given: UInt16? = nil) -> (process: Process, port: UInt16)? {
    let port = given ?? freePort()
    let lob = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lob")
    let server = Process()
    server.executableURL = lob
    server.arguments = ["serve", "--port", "\(port)", "--db", path]
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    do { try server.run() } catch {
        print("kan \(lob.path) niet starten: \(error)")
        return nil
    }
    for _ in 0..<200 {
        if let probe = Connection(port: port),
            probe.exchange(Array("GET /stijl.css HTTP/1.1\r\nHost: x\r\n\r\n".utf8)) == 200
        {
            return (server, port)
        }
        usleep(50_000)
    }
    server.terminate()
    return nil
}

/// Colleagues answering at once, each on his own connection, one answer after the other as a form sends them (the
/// whole state, with its sequence number from `first`). A colleague stops at his first failure when
/// `stopOnFailure` (the server is going away). Returns when all are done.
func answerAtOnce(
    port: UInt16, invitations: [(token: String, csrf: String, cookie: String)], answers: Int, first: Int = 1,
    state: LoadState,
    saving: Samples, failures: Samples, stopOnFailure: Bool = false, every interval: Duration? = nil
) -> DispatchGroup {
    let done = DispatchGroup()
    let clock = ContinuousClock()
    for (index, (token, csrf, cookie)) in invitations.enumerated() {
        let thread = Thread {
            defer {
                state.oneDone()
                done.leave()
            }
            guard let connection = Connection(port: port) else { return failures.add([1]) }
            var latencies: [Double] = []
            var scores: [String] = []
            // Paced, each colleague answers once per interval, the colleagues spread over it as people are.
            var next = clock.now + (interval.map { $0 * (Double(index) / Double(invitations.count)) } ?? .zero)
            for answer in first..<(first + answers) {
                if let interval {
                    if next > clock.now { Thread.sleep(forTimeInterval: milliseconds(next - clock.now) / 1000) }
                    next += interval
                }
                scores.append("\"\(answer % 44).1\":\(answer % 4 + 1)")
                let body =
                    "{\"page\":\(answer % 7 + 2),\"seq\":\(answer),\"scores\":{\(scores.joined(separator: ","))}}"
                let request =
                    "PUT /s/\(token)/antwoorden HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Cookie: lob_link=\(cookie)\r\nX-CSRF-Token: \(csrf)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                let began = clock.now
                let status = connection.exchange(Array(request.utf8))
                latencies.append(milliseconds(clock.now - began))
                if status == 204 {
                    state.acknowledge(index, answer)
                } else {
                    failures.add([Double(status)])
                    if stopOnFailure { break }
                }
            }
            saving.add(latencies)
        }
        thread.stackSize = 1 << 20
        done.enter()
        thread.start()
    }
    return done
}

/// The reference of every serve measurement: four connections fetching the static stylesheet from the same server
/// for as long as any colleague is answering; returns when they stop.
func fetchStylesheet(port: UInt16, while state: LoadState, into reference: Samples) {
    let clock = ContinuousClock()
    let referencing = DispatchGroup()
    for _ in 0..<4 {
        let thread = Thread {
            defer { referencing.leave() }
            guard let connection = Connection(port: port) else { return }
            var latencies: [Double] = []
            while state.anyAnswering {
                let began = clock.now
                _ = connection.exchange(Array("GET /stijl.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
                latencies.append(milliseconds(clock.now - began))
                // Paced too: a reader who asks as fast as the loopback allows measures the queue he makes himself.
                Thread.sleep(forTimeInterval: 0.01)
            }
            reference.add(latencies)
        }
        referencing.enter()
        thread.start()
    }
    referencing.wait()
}

/// A round of team "Last" with one invitation per colleague, made through the application core as `lob team round
/// open` does; each colleague has claimed his link (the code's hash is never checked here) and answers from that
/// browser: his token, the browser's CSRF token and its cookie.
func claimedRound(
    _ app: LOBApp, colleagues: Int, profileID: String, now: Int64
) async throws -> [(token: String, csrf: String, cookie: String)] {
    let links = try await app.openRound(
        team: "Last", round: "r", profileID: profileID, names: (1...colleagues).map { "Collega \($0)" }, now: now)
    var claimed: [(token: String, csrf: String, cookie: String)] = []
    for link in links {
        let key = try await app.claimLink(
            try await app.invitation(token: link.token, now: now), code: "bench-code", repeated: "bench-code",
            hash: { _ in "bench" }, now: now)
        claimed.append((link.token, key.device.csrf, key.cookie))
    }
    return claimed
}

/// How many acknowledged answers the database does not hold: the draft's `seq` is the last one saved.
func lostAnswers(path: String, state: LoadState, count: Int) async throws -> (lost: Int, integrity: String) {
    let queue = try DatabaseQueue(path: path)
    let drafts = try await queue.read { db in
        try String?.fetchAll(db, sql: "SELECT draft FROM invitation ORDER BY id LIMIT ?", arguments: [count])
    }
    var lost = 0
    for (index, draft) in drafts.enumerated() {
        let object = draft.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]
        if (object?["seq"] as? Int ?? 0) < state.acknowledged(index) { lost += 1 }
    }
    let integrity = try await queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } ?? "?"
    return (lost, integrity)
}

func serveLoadBenchmark(colleagues: Int = 200, answers: Int = 44) async {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lob-bench-serve-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("lob.sqlite").path

    // The round: one invitation per colleague, made through the application core as `lob team round open` does.
    let now = Int64(Date().timeIntervalSince1970)
    let invitations: [(token: String, csrf: String, cookie: String)]
    do {
        invitations = try await claimedRound(
            LOBApp(store: try LOBDatabase.openFile(at: path)), colleagues: colleagues, profileID: "mentor-model2",
            now: now)
    } catch {
        print("kan de ronde niet maken: \(error)")
        exit(1)
    }
    guard let (server, port) = startServer(path: path) else { exit(1) }

    // As a round goes: every colleague saves once a second (200 saves a second offered), for 30 seconds, beside the
    // stylesheet fetched from the same server. Target: the p99 of a save within 5× the stylesheet's.
    let pacedSaving = Samples(), pacedReference = Samples(), pacedFailures = Samples()
    let pacedState = LoadState(colleagues: colleagues)
    let paced = answerAtOnce(
        port: port, invitations: invitations, answers: 30, first: 1, state: pacedState, saving: pacedSaving,
        failures: pacedFailures, every: .seconds(1))
    fetchStylesheet(port: port, while: pacedState, into: pacedReference)
    paced.wait()
    func percentile(_ values: [Double], _ p: Int) -> Double {
        values.isEmpty ? .nan : values[min(values.count - 1, values.count * p / 100)]
    }
    let (pacedSaved, pacedStatic) = (pacedSaving.sorted, pacedReference.sorted)
    let ratio = percentile(pacedSaved, 99) / percentile(pacedStatic, 99)
    print("lob serve in een ronde: \(colleagues) collega's, elk één antwoord per seconde, 30 s, over loopback")
    print(pad("", 44) + "   aantal      p50 (ms)   p99 (ms)")
    print(
        pad("referentie: GET /stijl.css (statisch)", 44)
            + String(
                format: "%8d %10.2f %10.2f", pacedStatic.count, percentile(pacedStatic, 50), percentile(pacedStatic, 99)
            ))
    print(
        pad("een antwoord bewaren: PUT …/antwoorden", 44)
            + String(
                format: "%8d %10.2f %10.2f", pacedSaved.count, percentile(pacedSaved, 50), percentile(pacedSaved, 99)))
    print(
        String(format: "p99 bewaren / p99 stijlblad = %.1f  ", ratio) + (ratio <= 5 ? "binnen 5×" : "BOVEN 5×")
            + "; mislukt: \(pacedFailures.sorted.count)\n")

    let saving = Samples()
    let reference = Samples()
    let failures = Samples()
    let state = LoadState(colleagues: colleagues)
    let clock = ContinuousClock()
    let start = clock.now
    let answering = answerAtOnce(
        port: port, invitations: invitations, answers: answers, state: state, saving: saving, failures: failures)
    // The reference, during the same load: the static stylesheet from the same server.
    fetchStylesheet(port: port, while: state, into: reference)
    answering.wait()
    let seconds = milliseconds(clock.now - start) / 1000
    server.terminate()  // SIGTERM: a graceful stop
    server.waitUntilExit()

    // Stopping under load: SIGTERM while 50 colleagues are still answering. Every answer the server acknowledged
    // must be in the database afterwards.
    let stopState = LoadState(colleagues: 50)
    let stopFailures = Samples()
    guard let (stopping, stopPort) = startServer(path: path) else { exit(1) }
    let stopRun = answerAtOnce(
        port: stopPort, invitations: Array(invitations.prefix(50)), answers: 100_000, first: 1_000, state: stopState,
        saving: Samples(), failures: stopFailures, stopOnFailure: true)
    usleep(1_000_000)
    stopping.terminate()
    stopping.waitUntilExit()
    stopRun.wait()
    let stopStatus = stopping.terminationStatus

    let checked: (lost: Int, integrity: String)
    let stopChecked: (lost: Int, integrity: String)
    do {
        stopChecked = try await lostAnswers(path: path, state: stopState, count: 50)
        // The second run wrote later answers (from 1,000 on) for the first 50: still at least what the first run
        // acknowledged, so all 200 are checked against the first run too.
        checked = try await lostAnswers(path: path, state: state, count: colleagues)
    } catch {
        print("kan de database niet lezen: \(error)")
        exit(1)
    }
    let firstLost = checked.lost

    let saved = saving.sorted
    let static_ = reference.sorted
    print("lob serve onder last: \(colleagues) collega's tegelijk, elk \(answers) antwoorden, over loopback")
    print(pad("", 44) + "   aantal      p50 (ms)   p99 (ms)")
    print(
        pad("referentie: GET /stijl.css (statisch)", 44)
            + String(format: "%8d %10.2f %10.2f", static_.count, percentile(static_, 50), percentile(static_, 99)))
    print(
        pad("een antwoord bewaren: PUT …/antwoorden", 44)
            + String(format: "%8d %10.2f %10.2f", saved.count, percentile(saved, 50), percentile(saved, 99)))
    print(
        String(
            format: "%.0f antwoorden per seconde (%d in %.2f s); mislukt: %d; verloren: %d",
            Double(saved.count) / seconds, saved.count, seconds, failures.sorted.count, firstLost))
    let acknowledgedBeforeStop = (0..<50).map { stopState.acknowledged($0) - 999 }.filter { $0 > 0 }.reduce(0, +)
    print(
        "stoppen onder last (SIGTERM terwijl 50 collega's antwoorden): \(acknowledgedBeforeStop) bevestigd, "
            + "verloren: \(stopChecked.lost), exitcode \(stopStatus); integrity_check: \(stopChecked.integrity)")
    if firstLost > 0 || stopChecked.lost > 0 || stopChecked.integrity != "ok" || !failures.sorted.isEmpty
        || stopStatus != 0
    {
        exit(1)
    }
}
