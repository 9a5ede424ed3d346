import LOBApp
import LOBCore
import LOBStore
import Testing

@testable import LOBTerminal

/// The schoolscan's screens as a state machine: choosing, wishing, moving, resuming, and saving after every change.
struct SchoolScanSessionTests {
    private let date = SchoolDate("2026-11-20")!

    private func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

    @Test func number_keys_choose_the_current_model_and_move_on_g_sets_the_wish() async {
        var session = SchoolScanSession(school: "Het Baken", date: date, width: 80, height: 24)
        #expect(session.screen == .welcome && session.scan.schoolYear == "2026-2027")
        #expect(session.update(.enter).isEmpty && session.screen == .aspects)
        #expect(session.update(.character("2")) == [.save(session.scan)])
        #expect(session.scan.answers[1] == .init(current: .model2) && session.index == 1)
        _ = session.update(.left)
        _ = session.update(.down)
        #expect(session.cursor == .model3)
        #expect(session.update(.character("g")) == [.save(session.scan)] && session.scan.answers[1]?.wished == .model3)
        _ = session.update(.character("g"))
        #expect(session.scan.answers[1]?.wished == nil)
        // A wish before the current model is refused with a message.
        _ = session.update(.right)
        #expect(session.update(.character("g")).isEmpty && session.message != nil)
        for _ in 2...12 { _ = session.update(.character("1")) }
        #expect(session.screen == .summary && session.scan.isComplete)
        #expect(session.update(.enter) == [.quit])
    }

    /// At 80×24 the key line of every screen is whole, its last key ("q stoppen") included.
    @Test func every_key_line_fits_80_columns() async {
        var session = SchoolScanSession(school: "Het Baken", date: date, width: 80, height: 24)
        for step in 0..<3 {
            let lines = session.view().text.split(separator: "\n", omittingEmptySubsequences: false)
            let keys = lines.last { $0.contains(" · ") } ?? ""
            #expect(keys.hasSuffix("q stoppen") || keys.contains("q stoppen "), "screen \(step): \(keys)")
            _ = session.update(.enter)
            if step == 1 { for _ in 1...12 { _ = session.update(.character("1")) } }
        }
    }

    @Test func the_pages_show_the_three_descriptions_and_the_summary_the_dominant_model() async {
        var session = SchoolScanSession(school: "Het Baken", date: date, width: 100, height: 30)
        _ = session.update(.enter)
        let page = session.view().text
        #expect(
            page.contains("aspect 1 van 12") && page.contains("De vakkenschool") && page.contains("De flexibele school")
        )
        #expect(page.contains(Aspect.all[0].description(for: .model2).prefix(30)))
        for key in keys("222122322212") { _ = session.update(key) }
        let summary = session.view().text
        #expect(summary.contains("model 2, De activerende school"))
        #expect(summary.contains("Loopt achter: 4 Een LOB-werkplan"))
    }

    @Test func the_runner_saves_every_choice_and_a_new_session_resumes_at_the_first_open_aspect() async throws {
        let store = try LOBDatabase.inMemory()
        var session = SchoolScanSession(school: "Het Baken", date: date, width: 80, height: 24)
        let terminal = ScriptedTerminal([.enter] + keys("2212"))
        await SchoolScanRunner.run(&session, app: LOBApp(store: store), terminal: terminal) { "\($0)" }
        let stored = try await #require(try store.schoolScan(year: "2026-2027"))
        #expect(stored.answers.count == 4 && stored.answers[4]?.current == .model2)
        let resumed = SchoolScanSession(school: "", date: date, stored: stored, width: 80, height: 24)
        #expect(resumed.screen == .aspects && resumed.index == 4 && resumed.scan.school == "Het Baken")
    }

    @Test func the_school_name_is_needed_and_editable() async {
        var session = SchoolScanSession(school: "", date: date, width: 80, height: 24)
        _ = session.update(.enter)
        #expect(session.screen == .welcome && session.message != nil)
        _ = session.update(.character("n"))
        for key in keys("De Ring") { _ = session.update(key) }
        _ = session.update(.enter)
        #expect(session.scan.school == "De Ring")
        // Backspace, a limit of 80 characters, and Esc leaves the name as it was.
        _ = session.update(.character("n"))
        for key in Array(repeating: Key.character("x"), count: 90) + [.backspace] { _ = session.update(key) }
        #expect(session.overlay == .editing(text: "De Ring" + String(repeating: "x", count: 72)))
        _ = session.update(.escape)
        #expect(session.scan.school == "De Ring" && session.overlay == nil)
        _ = session.update(.enter)
        #expect(session.screen == .aspects)
        // Too small a window says so instead of drawing a broken page.
        _ = session.update(.resize(width: 60, height: 20))
        #expect(session.view().text.contains("te klein"))
    }
}
