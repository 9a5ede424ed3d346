import Foundation
import LOBCore
import LOBShippedProfiles
import Testing

@testable import LOBFormats

struct ScanFileTests {
    let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })

    private var exampleURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("docs/examples/scan.yaml")
    }

    private func decode(_ yaml: String) throws(FormatError) -> Scan {
        try ScanFile.decode(data: Data(yaml.utf8), file: "s.yaml", profile: library.profile).scan
    }

    private func refusal(_ yaml: String) -> String {
        do {
            _ = try decode(yaml)
            Issue.record("expected the scan to be refused")
            return ""
        } catch {
            return error.description
        }
    }

    private let minimal = """
        formatVersion: 1
        teacher: Jan
        profile: loopbaanbegeleider-vmbo
        date: 2026-11-24
        scores:
          "1.1": 3
          "2.10": {score: 2, note: "voorbeeld"}
          "3.1": null
        """

    @Test func the_documented_example_is_complete_and_valid() async throws {
        let data = try Data(contentsOf: exampleURL)
        let (scan, profile) = try ScanFile.decode(data: data, file: exampleURL.path, profile: library.profile)
        #expect(profile.id == "loopbaanbegeleider-vmbo")
        #expect(scan.answers.count == 44)
        #expect(scan.answers.values.allSatisfy { $0.score != nil })
        #expect(scan.consent == .anoniem)
        #expect(scan.learningPreference != nil)
    }

    @Test func encode_then_decode_gives_the_same_scan() async throws {
        let data = try Data(contentsOf: exampleURL)
        let (scan, profile) = try ScanFile.decode(data: data, file: "x", profile: library.profile)
        let again = try ScanFile.decode(
            data: Data(ScanFile.encode(scan, profile: profile).utf8), file: "y", profile: library.profile)
        #expect(again.scan == scan)
        #expect(ScanFile.encode(scan, profile: profile) == ScanFile.encode(again.scan, profile: profile))
    }

    @Test func scores_notes_and_unanswered_are_read() async throws {
        let scan = try decode(minimal)
        #expect(scan.answers["1.1"] == Scan.Answer(score: 3))
        #expect(scan.answers["2.10"] == Scan.Answer(score: 2, note: "voorbeeld"))
        #expect(scan.answers["3.1"] == Scan.Answer(score: nil))
        #expect(scan.consent == .prive)
    }

    @Test func faults_are_refused_with_file_line_and_expectation() async {
        #expect(
            refusal(minimal.replacingOccurrences(of: "\"1.1\": 3", with: "\"1.1\": 5"))
                == "s.yaml:6:10: 'scores.1.1': score 5 ligt buiten de schaal: verwacht 1 t/m 4 (of leeg: niet beantwoord)"
        )
        #expect(
            refusal(minimal.replacingOccurrences(of: "\"1.1\": 3", with: "\"8.1\": 3"))
                == "s.yaml:6:10: 'scores.8.1': gedragskenmerk '8.1' hoort niet bij profiel 'loopbaanbegeleider-vmbo'")
        #expect(
            refusal(minimal.replacingOccurrences(of: "profile: loopbaanbegeleider-vmbo", with: "profile: onbekend"))
                == "s.yaml:3:10: 'profile': onbekend profiel 'onbekend': zie 'lob profiles list'")
        #expect(
            refusal(minimal.replacingOccurrences(of: "formatVersion: 1", with: "formatVersion: 9"))
                == "s.yaml:1:16: 'formatVersion': onbekende formaatversie 9: deze versie van lob leest versie 1")
        let expected =
            "'date': verwacht een datum als JJJJ-MM-DD: cijfers, een bestaande dag, een jaar van 1900 tot 2199"
        // A sign slipped through Int(): 2026-+1-05 was 5 januari, +026 the year 26.
        for date in ["24-11-2026", "2026-+1-05", "+026-11-24", "0000-01-01", "2026-02-29", "2200-01-01"] {
            #expect(refusal(minimal.replacingOccurrences(of: "2026-11-24", with: date)) == "s.yaml:4:7: \(expected)")
        }
        #expect(refusal("") == "s.yaml: het bestand is leeg: verwacht YAML of JSON")
    }

    @Test func a_list_or_mapping_as_a_key_is_refused_where_it_stands() async {
        let nested = refusal(minimal.replacingOccurrences(of: "\"3.1\": null", with: "[1, 2]: 3"))
        #expect(nested.contains("s.yaml:8:3: 'scores': een sleutel moet gewone tekst zijn, geen lijst of mapping"))
        let top = refusal(minimal + "\n{a: b}: 3")
        #expect(top.contains("s.yaml:9:1: een sleutel moet gewone tekst zijn"))
    }

    @Test func json_scan_files_are_accepted() async throws {
        let scan = try decode(
            #"{"formatVersion": 1, "teacher": "Ann", "profile": "mentor-model2", "date": "2026-01-31", "scores": {"1.1": 4}}"#
        )
        #expect(scan.answers["1.1"]?.score == 4)
    }
}
