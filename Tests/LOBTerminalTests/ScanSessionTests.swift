import LOBCore
import Testing

@testable import LOBTerminal

/// A session on the 44-behaviour profile, as `lob scan` starts it.
func makeSession(teacher: String = "", resumable: StoredScan? = nil, width: Int = 80, height: Int = 24) -> ScanSession {
    ScanSession(
        profiles: [Fixtures.vmbo, Fixtures.small], defaultProfileID: Fixtures.vmbo.id, teacher: teacher, team: nil,
        date: SchoolDate("2026-11-24")!, resumable: resumable, width: width, height: height)
}

enum Fixtures {
    static let vmbo = Profile(
        id: "loopbaanbegeleider-vmbo", title: "Loopbaanbegeleider vmbo",
        behaviours: Behaviour.all.map(\.id), defaultTarget: 3, weights: [1: 2])
    static let small = Profile(id: "klein", title: "Klein profiel", behaviours: ["1.1", "1.2", "2.1"])
}

extension ScanSession {
    /// Sends keys; returns every effect, in order.
    @discardableResult
    mutating func send(_ keys: Key...) -> [Effect] { send(keys) }

    @discardableResult
    mutating func send(_ keys: [Key]) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects += update(key) }
        return effects
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] { send(text.map { Key.character($0) }) }
}

struct ScanSessionTests {
    @Test func a_first_scan_asks_the_name_then_begins_and_saves() async {
        var session = makeSession()
        // The name field is open for typing at once
        #expect(session.overlay == .editing(.name, text: ""))
        #expect(session.type("Anouk Jansen").isEmpty)
        #expect(session.send(.enter).isEmpty)  // nothing is stored before the scan begins
        #expect(session.scan.teacher == "Anouk Jansen")
        session.send(.enter)  // team
        session.type("Zorg & Welzijn")
        session.send(.enter, .down, .right)  // consent: prive → anoniem
        #expect(session.scan.team == "Zorg & Welzijn" && session.scan.consent == .anoniem)
        // Beginning stores the scan
        #expect(session.send(.down, .enter).map(\.kind) == ["saveScan new"])
        #expect(session.screen == .portraits)
    }

    /// The welcome shows each choice in a teacher's words, not the file's ("prive", "metNaam").
    @Test func consent_is_shown_in_a_teachers_words() async {
        var session = makeSession(teacher: "Jan")
        var shown: [String] = []
        session.send(.down, .down, .down)
        for _ in Consent.allCases {
            shown += session.view().text.split(separator: "\n").filter { $0.contains("Delen") }.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            session.send(.right)
        }
        #expect(
            shown == [
                "› Delen    ‹ privé: alleen voor jezelf ›",
                "› Delen    ‹ anoniem: telt anoniem mee in de teamcijfers ›",
                "› Delen    ‹ met naam: de teamvoorzitter mag hem met je naam zien ›",
            ])
    }

    @Test func without_a_name_the_scan_does_not_begin() async {
        var session = makeSession()
        session.send(.escape, .down, .down, .down, .down, .enter)
        #expect(session.screen == .welcome)
        #expect(session.message == "Vul eerst je naam in.")
    }

    @Test func the_profile_can_be_chosen_until_the_scan_begins() async {
        var session = makeSession(teacher: "Jan")
        session.send(.down, .down, .right)
        #expect(session.profile.id == "klein" && session.question.of == 3)
        session.send(.left)
        #expect(session.profile.id == Fixtures.vmbo.id && session.question.of == 44)
        session.send(.down, .down, .enter)
        session.receive(.saved(1))
        session.send(.escape, .up, .up, .right)
        #expect(session.profile.id == Fixtures.vmbo.id)
        #expect(session.message?.hasPrefix("Het profiel ligt vast") == true)
    }

    /// A begun session on the behaviours screen.
    private func scoring() -> ScanSession {
        var session = makeSession(teacher: "Jan")
        session.send(.down, .down, .down, .down, .enter)
        session.receive(.saved(7))
        session.send(.right, .enter)  // portrait position 5
        return session
    }

    @Test func keys_one_to_four_score_save_and_move_on() async {
        var session = scoring()
        #expect(session.screen == .behaviours && session.scan.portraitPosition == 5)
        #expect(session.question == (1, 44))
        // One answer is one row: the effect carries just that answer.
        #expect(
            session.send(.character("3")) == [
                .saveAnswer(
                    Scan.Answer(score: 3), session.profile.scoredBehaviours(in: .standard)[0], position: 0, scanID: 7)
            ])
        #expect(session.scan.answers["1.1"]?.score == 3)
        #expect(session.question == (2, 44))
        #expect(session.send(.character("5")).isEmpty)  // not on the scale
        #expect(session.scan.answers["1.2"] == nil)
        session.send(.up, .character("0"))
        #expect(session.scan.answers["1.1"] == nil)
    }

    @Test func moving_back_and_forth_changes_nothing() async {
        var session = scoring()
        session.type("3241")
        let before = session.scan
        let effects = session.send(
            .up, .up, .down, .right, .right, .left, .left, .left, .pageDown, .pageUp, .home, .end,
            .character("k"), .character("j"), .character("?"), .escape, .enter, .character("q"), .character("n"))
        #expect(effects.isEmpty)
        #expect(session.scan == before)
    }

    @Test func pages_follow_the_competencies() async {
        var session = scoring()
        session.send(.right)
        #expect(session.selectedBehaviour?.id == "2.1")
        session.send(.right, .right, .right, .right, .right)
        #expect(session.selectedBehaviour?.id == "7.1")
        session.send(.right)
        #expect(session.screen == .preferences)
        session.send(.left)
        #expect(session.selectedBehaviour?.id == "7.5" && session.screen == .behaviours)
        session.send(.left)
        #expect(session.selectedBehaviour?.id == "6.1")
        session.send(.left)
        #expect(session.selectedBehaviour?.id == "5.1")
    }

    @Test func a_note_is_typed_saved_and_kept_with_the_score() async {
        var session = scoring()
        session.send(.character("2"), .up, .character("n"))
        session.type("zie gesprek met Sem")
        #expect(session.send(.enter).map(\.kind) == ["saveAnswer 1.1"])
        #expect(session.scan.answers["1.1"] == Scan.Answer(score: 2, note: "zie gesprek met Sem"))
        // Esc leaves a note unchanged
        session.send(.character("n"), .backspace, .backspace, .escape)
        #expect(session.scan.answers["1.1"]?.note == "zie gesprek met Sem")
        #expect(session.view().text.contains("notitie: zie gesprek met Sem"))
    }

    @Test func a_whole_scan_ends_in_the_summary_and_is_finished_once() async {
        var session = scoring()
        var effects = session.send(Array(repeating: Key.character("3"), count: 44))
        #expect(effects.count == 44 && effects.allSatisfy { $0.kind.hasPrefix("saveAnswer") })
        #expect(session.screen == .preferences)
        effects = session.send(
            Array(repeating: Key.character("2"), count: 12) + Array(repeating: Key.character("4"), count: 3))
        #expect(session.screen == .preferenceChoice)
        #expect(session.scan.suggestedPreference == .ontdekken)
        // Following the suggestion stores no choice of one's own
        #expect(session.send(.enter).map(\.kind) == ["saveScan 7", "finish 7"])
        #expect(session.screen == .summary && session.finished && session.scan.chosenPreference == nil)
        // Going back to choose another metaphor saves, but finishes no second time
        #expect(session.send(.left, .down, .enter).map(\.kind) == ["saveScan 7"])
        #expect(session.scan.chosenPreference != nil)
        #expect(session.send(.enter) == [.quit])
    }

    @Test func after_a_failed_save_the_next_change_stores_the_whole_scan() async {
        var session = scoring()
        session.receive(.failed("schijf vol"))
        #expect(session.message?.hasPrefix("Niet bewaard: schijf vol") == true)
        #expect(session.send(.character("3")).map(\.kind) == ["saveScan 7"])
        session.receive(.saved(7))
        #expect(session.send(.character("2")).map(\.kind) == ["saveAnswer 1.2"])
    }

    @Test func q_asks_first_and_ctrl_c_stops_at_once() async {
        var session = scoring()
        #expect(session.send(.character("q")).isEmpty)
        #expect(session.overlay == .confirmQuit)
        #expect(session.view().text.contains("Alles wat je hebt ingevuld, is bewaard."))
        #expect(session.send(.character("n")).isEmpty && session.overlay == nil)
        #expect(session.send(.character("q"), .character("j")) == [.quit])
        #expect(session.send(.interrupt) == [.quit])
    }

    @Test func resume_opens_the_first_open_question_and_starting_again_discards() async {
        var scan = Scan(
            teacher: "Jan", team: "Bouw", profileID: Fixtures.vmbo.id, date: SchoolDate("2026-11-20")!,
            portraitPosition: 3)
        for behaviour in Behaviour.all.prefix(17) { scan.answers[behaviour.id] = Scan.Answer(score: 2) }
        let stored = StoredScan(id: 12, scan: scan, profile: Fixtures.vmbo)
        var session = makeSession(resumable: stored)
        #expect(session.screen == .resume)
        #expect(session.view().text.contains("17 van 44 gedragskenmerken beantwoord"))
        #expect(session.send(.character("v")).isEmpty)
        #expect(session.screen == .behaviours && session.question == (18, 44) && session.draftID == 12)
        #expect(session.send(.character("4")).map(\.kind) == ["saveAnswer 2.10"])

        var again = makeSession(resumable: stored)
        #expect(again.send(.character("n")) == [.discard(12)])
        #expect(
            again.screen == .welcome && again.scan.teacher == "Jan" && again.scan.answers.isEmpty
                && again.draftID == nil)
    }

    @Test func a_window_that_is_too_small_says_so_and_recovers_on_resize() async {
        var session = scoring()
        session.send(.resize(width: 60, height: 20))
        #expect(session.view().text.contains("Het venster is te klein: 60×20"))
        session.send(.resize(width: 100, height: 30))
        #expect(session.view().text.contains("vraag 1 van 44"))
    }

    @Test func the_selected_behaviour_is_always_in_view_at_80_by_24() async {
        var session = scoring()
        for index in 0..<44 {
            let id = Behaviour.all[index].id
            let text = session.view().text
            #expect(text.contains("› \(id)"), "behaviour \(id) not in view")
            #expect(text.contains("vraag \(index + 1) van 44"))
            session.send(.down)
        }
    }
}

extension ScanSession.Effect {
    /// What the effect is, short, for comparing sequences of effects.
    var kind: String {
        switch self {
        case .saveScan(_, _, let id): "saveScan \(id.map(String.init) ?? "new")"
        case .saveAnswer(_, let behaviour, _, _): "saveAnswer \(behaviour.id)"
        case .savePreference(_, let statement, _): "savePreference \(statement)"
        case .finish(let id): "finish \(id)"
        case .discard(let id): "discard \(id)"
        case .quit: "quit"
        }
    }
}
