import Foundation
import LOBCore
import Testing

@testable import LOBTerminal

/// The screens as text, compared with the files in `Snapshots/`. After a deliberate change to a screen:
/// `LOB_UPDATE_SNAPSHOTS=1 swift test --filter SnapshotTests`, then read the diff before committing.
struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    private func check(_ name: String, _ session: ScanSession, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let actual = session.view().text + "\n"
        let file = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["LOB_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "screen \(name) differs from Snapshots/\(name).txt", sourceLocation: sourceLocation)
    }

    /// A teacher who began, placed himself at 6 and scored the first 12 behaviours.
    private func begun(width: Int = 80, height: Int = 24) -> ScanSession {
        var session = makeSession(teacher: "Joëlle van der Brügge", width: width, height: height)
        session.send(.down, .enter)
        session.type("Bouwtechniek")
        session.send(.enter, .down, .right, .down, .enter)
        session.receive(.saved(3))
        session.send(.character("6"), .enter)
        session.type("342312343423")
        return session
    }

    @Test func welcome() async throws {
        var session = makeSession(teacher: "Joëlle van der Brügge")
        session.send(.down, .down, .down, .right)
        try check("welcome-80x24", session)
    }

    @Test func name_editor() async throws {
        var session = makeSession()
        session.type("Joëlle")
        try check("name-editor-80x24", session)
    }

    @Test func portraits_one_after_the_other_and_side_by_side() async throws {
        var session = begun()
        session.send(.escape)
        #expect(session.screen == .portraits)
        try check("portraits-80x24", session)
        session.send(.resize(width: 140, height: 40))
        try check("portraits-140x40", session)
    }

    @Test func behaviours() async throws {
        var session = begun()
        session.send(.character("n"))
        session.type("met Sem over zijn stage")
        session.send(.enter)
        try check("behaviours-80x24", session)
        session.send(.resize(width: 200, height: 60))
        try check("behaviours-200x60", session)
        session.send(.resize(width: 80, height: 24), .character("?"))
        try check("behaviours-help-80x24", session)
    }

    @Test func preferences_choice_and_summary() async throws {
        var session = begun()
        session.type(String(repeating: "3", count: 32))
        session.type("432143213421321")
        try check("preference-choice-80x24", session)
        session.send(.up, .up, .up, .up, .up, .enter)
        try check("summary-80x24", session)
        session.send(.pageDown)
        try check("summary-80x24-scrolled", session)
    }

    @Test func too_small() async throws {
        var session = begun()
        session.send(.resize(width: 70, height: 20))
        try check("too-small-70x20", session)
    }
}
