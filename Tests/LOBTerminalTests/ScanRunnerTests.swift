import GRDB
import LOBApp
import LOBCore
import LOBStore
import Testing

@testable import LOBTerminal

/// A terminal that plays a list of keys and records every screen; after each key the test can look into the store.
final class ScriptedTerminal: TerminalDevice {
    var width = 80
    var height = 24
    private var keys: [Key]
    private(set) var screens: [ScreenBuffer] = []
    var afterKey: ((Int) -> Void)?
    private var sent = 0

    init(_ keys: [Key]) { self.keys = keys }

    func readKey() -> Key? {
        if sent > 0 { afterKey?(sent) }
        guard !keys.isEmpty else { return nil }
        sent += 1
        return keys.removeFirst()
    }

    func show(_ screen: ScreenBuffer) { screens.append(screen) }
}

struct ScanRunnerTests {
    private let date = SchoolDate("2026-11-24")!

    private func session(_ store: LOBDatabase) async throws -> ScanSession {
        try await ScanRunner.makeSession(
            app: LOBApp(store: store), profiles: [Fixtures.vmbo], defaultProfileID: Fixtures.vmbo.id,
            date: date, width: 80, height: 24)
    }

    private func run(
        _ session: inout ScanSession, _ store: LOBDatabase, _ terminal: ScriptedTerminal
    ) async
        -> ScanRunner.Outcome
    {
        await ScanRunner.run(&session, app: LOBApp(store: store), terminal: terminal) { "\($0)" }
    }

    private func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

    @Test func every_answer_is_in_the_store_before_the_next_key() async throws {
        let store = try LOBDatabase.inMemory()
        var session = try await session(store)
        // name, begin, portrait 7, then three scores; input ends (the terminal was closed)
        let script =
            keys("Els") + [.enter, .enter, .enter, .enter, .enter, .enter, .character("7"), .enter] + keys("324")
        let terminal = ScriptedTerminal(script)
        var storedAnswers: [Int] = []
        terminal.afterKey = { _ in
            // The terminal waits for a key without awaiting: the test reads the file as another process would.
            let answered =
                (try? store.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(score) FROM answer") }) ?? -1
            storedAnswers.append(answered)
        }
        let outcome = await run(&session, store, terminal)
        #expect(Array(storedAnswers.suffix(3)) == [1, 2, 3])
        #expect(outcome.finished == false && outcome.answered == 3)
        let id = try #require(outcome.scanID)
        let stored = try await #require(try store.scan(id: id))
        #expect(stored.scan.teacher == "Els" && stored.scan.portraitPosition == 7)
        #expect(stored.scan.answers.mapValues(\.score) == ["1.1": 3, "1.2": 2, "1.3": 4])
        await #expect(try store.summaries().isEmpty)
    }

    @Test func a_second_start_resumes_finishes_and_remembers_the_name() async throws {
        let store = try LOBDatabase.inMemory()
        var first = try await session(store)
        _ = await run(
            &first, store,
            ScriptedTerminal(
                keys("Els") + [.enter, .enter] + keys("Techniek") + [
                    .enter, .enter, .enter, .enter, .character("4"), .enter,
                ] + keys("3333")))

        var second = try await session(store)
        #expect(second.screen == .resume)
        let rest =
            [Key.character("v")] + Array(repeating: Key.character("2"), count: 40)
            + Array(repeating: Key.character("3"), count: 15) + [.enter]
        let terminal = ScriptedTerminal(rest)
        let outcome = await run(&second, store, terminal)
        #expect(outcome.finished && outcome.answered == 44)
        await #expect(try store.unfinishedScans().isEmpty)
        let latest = try await #require(try store.latestScan())
        #expect(latest.id == outcome.scanID && latest.scan.team == "Techniek" && latest.scan.answers.count == 44)
        #expect(latest.scan.answers["1.4"]?.score == 3 && latest.scan.answers["1.5"]?.score == 2)
        #expect(terminal.screens.last?.text.contains("Je uitslag: 44 van 44") == true)

        // A new scan starts with the name and team of the last one
        let third = try await session(store)
        #expect(third.screen == .welcome && third.scan.teacher == "Els" && third.scan.team == "Techniek")
        #expect(third.overlay == nil)
    }

    @Test func starting_again_deletes_the_unfinished_scan() async throws {
        let store = try LOBDatabase.inMemory()
        var first = try await session(store)
        _ = await run(
            &first, store,
            ScriptedTerminal(keys("Els") + [.enter, .enter, .enter, .enter, .enter, .enter]))
        await #expect(try store.unfinishedScans().count == 1)
        var second = try await session(store)
        _ = await run(&second, store, ScriptedTerminal([.character("n")]))
        await #expect(try store.unfinishedScans().isEmpty)
    }
}
