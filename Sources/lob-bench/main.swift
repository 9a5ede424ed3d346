// Benchmarks that print figures next to a reference measured in the same run. Not a test: run it in release,
// `swift run -c release lob-bench tui` or `… board` (or Benchmarks/tui.sh, Benchmarks/board.sh).
import Foundation
import LOBCore
import LOBStore
import LOBTerminal

/// Runs `body` `runs` times; returns the durations in microseconds, sorted.
func measure(runs: Int, _ body: () -> Void) -> [Double] {
    let clock = ContinuousClock()
    var samples: [Double] = []
    samples.reserveCapacity(runs)
    for _ in 0..<runs {
        let elapsed = clock.measure(body)
        samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    return samples.sorted()
}

/// `measure` for a body that awaits (a store call).
func measure(runs: Int, _ body: () async -> Void) async -> [Double] {
    let clock = ContinuousClock()
    var samples: [Double] = []
    samples.reserveCapacity(runs)
    for _ in 0..<runs {
        let start = clock.now
        await body()
        let elapsed = clock.now - start
        samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    return samples.sorted()
}

func row(_ name: String, _ samples: [Double], target: Double? = nil) {
    let median = samples[samples.count / 2]
    let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
    let verdict = target.map { p99 < $0 ? "onder \(Int($0)) µs" : "BOVEN \(Int($0)) µs" } ?? ""
    print(pad(name, 44) + String(format: "%10.1f %10.1f   ", median, p99) + verdict)
}

/// The terminal UI's budget (docs/terminal.md): rendering a frame at 200×60 and handling a key take under 2 ms of work.
func benchmarkTerminal() async {
    let runs = 2000
    let profile = Profile(
        id: "loopbaanbegeleider-vmbo", title: "Loopbaanbegeleider vmbo", behaviours: Behaviour.all.map(\.id))
    var session = ScanSession(
        profiles: [profile], defaultProfileID: profile.id, teacher: "Joëlle", team: "Bouw",
        date: SchoolDate("2026-11-24")!, width: 200, height: 60)
    for key in [Key.down, .down, .down, .down, .enter, .character("6"), .enter] { _ = session.update(key) }
    session.receive(.saved(1))
    for key in "3423123434231" { _ = session.update(.character(key)) }
    precondition(session.screen == .behaviours)

    print("Terminal-UI, 200×60, \(runs) keer (µs)" + String(repeating: " ", count: 11) + "    mediaan        p99")
    // Reference: the least any buffer-based screen costs, filling 200×60 cells with one character each.
    row(
        "referentie: 200×60 cellen vullen",
        measure(runs: runs) {
            var buffer = ScreenBuffer(width: 200, height: 60)
            for y in 0..<60 { buffer.put(String(repeating: "x", count: 200), x: 0, y: y) }
            precondition(buffer.width == 200)
        })
    row(
        "frame tekenen: gedragskenmerken", measure(runs: runs) { precondition(session.view().width == 200) },
        target: 2000)
    var moving = session
    row(
        "toets ↓ + frame",
        measure(runs: runs) {
            _ = moving.update(moving.question.number == 44 ? .home : .down)
            if moving.screen != .behaviours { moving = session }
            precondition(moving.view().height == 60)
        }, target: 2000)
    var scoring = session
    row(
        "toets 3 (score) + frame",
        measure(runs: runs) {
            if scoring.screen != .behaviours { scoring = session }
            _ = scoring.update(.character("3"))
            precondition(scoring.view().height == 60)
        }, target: 2000)
    var summary = session
    for key in Array(repeating: Key.character("3"), count: 44) + Array(repeating: Key.character("2"), count: 15) + [
        .enter
    ] {
        _ = summary.update(key)
    }
    precondition(summary.screen == .summary)
    row("frame tekenen: samenvatting", measure(runs: runs) { precondition(summary.view().width == 200) }, target: 2000)
    var portraits = session
    _ = portraits.update(.escape)
    row(
        "frame tekenen: portretten naast elkaar", measure(runs: runs) { precondition(portraits.view().width == 200) },
        target: 2000)

    // Not part of the 2 ms: the save after each answer, one transaction on a database file (WAL), for comparison.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lob-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
        let database = try LOBDatabase.openFile(at: folder.appendingPathComponent("bench.sqlite").path)
        let id = try await database.saveDraft(session.scan, profile: profile, id: nil)
        await row(
            "ter vergelijking: bewaren (SQLite-bestand)",
            measure(runs: 200) {
                _ = try? await database.saveDraft(session.scan, profile: profile, id: id)
            })
    } catch {
        print("bewaren niet gemeten: \(error)")
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "tui"?:
    await benchmarkTerminal()
case "bigteam"?:
    await bigTeamBenchmark()
case "board"?:
    await benchmarkBoard()
case "serve"?:
    // LOB_BENCH_COLLEAGUES: another number of colleagues than 200 (the PostgreSQL bench has 400, across two servers).
    await serveLoadBenchmark(
        colleagues: ProcessInfo.processInfo.environment["LOB_BENCH_COLLEAGUES"].flatMap { Int($0) } ?? 200)
case "postgres"?:
    await postgresBenchmark()
case "serve-postgres"?:
    await servePostgresBenchmark()
default:
    print("gebruik: lob-bench tui | board | bigteam | serve | postgres | serve-postgres")
    exit(arguments.isEmpty ? 0 : 64)
}
