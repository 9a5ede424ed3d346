import Foundation
import Testing

/// `lob schoolscan` end to end.
struct SchoolCommandTests {
    static let example = TeamCommandTests.repository.appendingPathComponent("docs/examples/schoolscan.yaml")

    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lob-school-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appendingPathComponent("lob.sqlite").path
    }

    func lob(_ arguments: [String]) throws -> LobRun {
        try LobRun(arguments + ["--db", db])
    }

    @Test func the_example_schoolscan_is_stored_per_year_and_shown_as_json() throws {
        let run = try lob(["schoolscan", "--answers", Self.example.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("de school nu  model 2, de activerende school"))
        // Reading it again replaces that year's scan.
        #expect(try lob(["schoolscan", "--answers", Self.example.path]).status == 0)
        let list = try lob(["schoolscan", "list"])
        #expect(list.stdout.components(separatedBy: "2026-2027").count == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try lob(["schoolscan", "show", "--format", "json"]).stdout.utf8)) as? [String: Any])
        #expect(json["dominant"] as? String == "model2" && json["wished"] as? String == "model3")
        #expect((json["aspects"] as? [[String: Any]])?.filter { $0["relation"] as? String == "lagging" }.count == 3)
    }

    @Test func a_bad_file_stores_nothing_and_without_a_terminal_the_ui_says_what_to_do() throws {
        let bad = folder.appendingPathComponent("school.yaml")
        try "formatVersion: 1\nschool: X\ndate: 2026-11-20\naspects:\n  1: {current: model9}\n".write(to: bad, atomically: true, encoding: .utf8)
        let run = try lob(["schoolscan", "--answers", bad.path])
        #expect(run.status == 1 && run.stderr.contains("school.yaml:5"))
        #expect(try lob(["schoolscan", "show"]).status == 1)
        let ui = try lob(["schoolscan"])
        #expect(ui.status == 1 && ui.stderr.contains("heeft een terminal nodig"))
    }
}
