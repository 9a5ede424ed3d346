import Foundation
import LOBCore
import Testing

@testable import LOBFormats

struct SchoolScanFileTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("docs/examples/schoolscan.yaml")

    @Test func the_example_reads_and_round_trips() async throws {
        let scan = try SchoolScanFile.load(Self.example)
        #expect(
            scan.isComplete && scan.schoolYear == "2026-2027" && scan.answers[4]?.current == .model1
                && scan.answers[4]?.wished == .model3)
        let again = try SchoolScanFile.decode(data: Data(SchoolScanFile.encode(scan).utf8), file: "x.yaml")
        #expect(again == scan)
    }

    private func problem(_ yaml: String) -> String {
        do {
            _ = try SchoolScanFile.decode(data: Data(yaml.utf8), file: "s.yaml")
            return "no error"
        } catch {
            return error.problems.first?.description ?? ""
        }
    }

    @Test func bad_files_name_file_line_and_what_was_expected() async {
        let head = "formatVersion: 1\nschool: X\ndate: 2026-11-20\naspects:\n"
        let all = (1...12).map { "  \($0): {current: model2}" }.joined(separator: "\n")
        #expect(
            problem(head + all.replacingOccurrences(of: "  3: {current: model2}", with: "  3: {current: model4}"))
                .hasPrefix("s.yaml:7:"))
        #expect(
            problem(head + all.replacingOccurrences(of: "  3: {current: model2}", with: "  3: {current: model4}"))
                .contains("model1"))
        #expect(problem(head + all + "\n  13: {current: model1}").contains("onbekend aspect '13'"))
        #expect(
            problem(head + (1...11).map { "  \($0): {current: model2}" }.joined(separator: "\n")).contains(
                "aspect 12 ontbreekt"))
        #expect(problem("formatVersion: 1\nschool: X\ndate: 2026-13-01\naspects: {}\n").contains("s.yaml:3"))
        #expect(
            problem(
                head.replacingOccurrences(of: "date: 2026-11-20\n", with: "date: 2026-11-20\nschoolYear: 2026-2028\n")
                    + all
            ).contains("schooljaar"))
        // Digits only: Int("+2026") is 2026, and "+3" would be aspect 3.
        #expect(
            problem(
                head.replacingOccurrences(
                    of: "date: 2026-11-20\n", with: "date: 2026-11-20\nschoolYear: \"+2026-2027\"\n")
                    + all)
                == "s.yaml:4:13: 'schoolYear': verwacht een schooljaar als 2026-2027 (tussen 2000 en 2100), gevonden '+2026-2027'"
        )
        #expect(
            problem(head + all.replacingOccurrences(of: "  3: {current: model2}", with: "  \"+3\": {current: model2}"))
                .contains("onbekend aspect '+3'"))
    }
}
