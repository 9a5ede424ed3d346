import Foundation
import LOBCore
import LOBShippedProfiles
import Testing

@testable import LOBFormats

/// The feedback file: round trip, and every fault refused with file, line and what was expected.
struct FeedbackFileTests {
    let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })

    private func decode(_ yaml: String) throws(FormatError) -> FeedbackResponse {
        try FeedbackFile.decode(data: Data(yaml.utf8), file: "f.yaml", profile: library.profile).response
    }

    private let minimal = """
        formatVersion: 1
        response: "r-8f3a2c1d"
        feedbackFor: "Jan de Vries"
        group: collega
        profile: loopbaanbegeleider-vmbo
        date: 2026-11-24
        ratings:
          "1.1": 3
          "1.2": null
        remarks:
          "1": "Hij kent zijn leerlingen goed."
        """

    @Test func a_response_reads_and_writes_back_the_same() async throws {
        let response = try decode(minimal)
        #expect(response.id == "r-8f3a2c1d" && response.subject == "Jan de Vries" && response.group == .collega)
        #expect(response.ratings == ["1.1": 3])
        #expect(response.remarks == [1: "Hij kent zijn leerlingen goed."])
        let profile = try #require(library.profile("loopbaanbegeleider-vmbo"))
        var full = response
        full.remarks[7] = "Tweede \"regel\"\nmet een regeleinde"
        let text = FeedbackFile.encode(full, profile: profile)
        #expect(try decode(text) == full)
        #expect(!text.contains("Jan de Vries\n") && text.contains("feedbackFor: \"Jan de Vries\""))
    }

    /// A follow-up (level 3) says so; it lists only what the rater rated, and reads back the same.
    @Test func a_follow_up_says_so_and_reads_back_the_same() async throws {
        #expect(try decode(minimal).moment == .nulmeting)
        let response = try decode(
            minimal.replacingOccurrences(of: "date: 2026-11-24", with: "date: 2027-03-10\nmoment: vervolg"))
        #expect(response.moment == .vervolg && response.ratings == ["1.1": 3])
        let text = FeedbackFile.encode(response, profile: try #require(library.profile("loopbaanbegeleider-vmbo")))
        #expect(text.contains("moment: vervolg") && !text.contains("\"1.2\"") && text.contains("\"1.1\": 3"))
        #expect(try decode(text) == response)
        var empty = response
        empty.ratings = [:]
        let none = FeedbackFile.encode(empty, profile: try #require(library.profile("loopbaanbegeleider-vmbo")))
        #expect(none.contains("ratings: {}"))
        #expect(try decode(none) == empty)
    }

    @Test(arguments: [
        ("group: collega", "group: buurman", "f.yaml:4:8: 'group': onbekende waarde 'buurman'"),
        ("\"1.1\": 3", "\"1.1\": 5", "f.yaml:8:10: 'ratings.1.1': verwacht 1 t/m 4, of leeg"),
        ("\"1.1\": 3", "\"9.9\": 3", "gedragskenmerk '9.9' hoort niet bij profiel"),
        ("\"1\": \"Hij", "\"12\": \"Hij", "verwacht het nummer van een competentie van het profiel"),
        ("r-8f3a2c1d", "kort", "verwacht een willekeurige code van 8 tot 64"),
        ("feedbackFor: \"Jan de Vries\"", "feedbackFor: \"\"", "'feedbackFor': mag niet leeg zijn"),
        ("formatVersion: 1", "formatVersion: 2", "formatVersion"),
        ("date: 2026-11-24", "date: gisteren", "verwacht een datum als JJJJ-MM-DD: cijfers"),
        (
            "date: 2026-11-24", "date: 2026-11-24\nmoment: later",
            "f.yaml:7:9: 'moment': onbekende waarde 'later'"
        ),
    ])
    func faults_are_refused_with_where_and_what(original: String, replacement: String, message: String) {
        do {
            _ = try decode(minimal.replacingOccurrences(of: original, with: replacement))
            Issue.record("expected a refusal for \(replacement)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test func a_rater_name_has_no_place_in_the_file() async {
        do {
            _ = try decode(minimal + "\nrater: \"Ans Bakker\"")
            Issue.record("a rater's name was accepted")
        } catch {
            #expect(error.description.contains("onbekende sleutel"))
        }
    }

    @Test func pupils_answer_only_the_schools_own_pupil_statements() async throws {
        let pupil = minimal.replacingOccurrences(of: "group: collega", with: "group: leerling")
        do {
            _ = try decode(pupil)
            Issue.record("pupil feedback on a profile without pupil statements was accepted")
        } catch {
            #expect(error.description.contains("heeft geen stellingen voor leerlingen (pupilStatements)"))
        }
        var profile = try #require(library.profile("loopbaanbegeleider-vmbo"))
        profile.pupilStatements = ["1.1": "Mijn mentor kent mij goed."]
        let lookup = { (id: String) in id == profile.id ? profile : nil }
        let own = pupil.replacingOccurrences(of: "  \"1.2\": null\n", with: "")
        let response = try FeedbackFile.decode(data: Data(own.utf8), file: "f.yaml", profile: lookup).response
        #expect(response.group == .leerling && response.ratings == ["1.1": 3])
        #expect(
            try FeedbackFile.decode(
                data: Data(FeedbackFile.encode(response, profile: profile).utf8), file: "e", profile: lookup
            ).response == response)
        do {
            _ = try FeedbackFile.decode(data: Data(pupil.utf8), file: "f.yaml", profile: lookup)
            Issue.record("a behaviour without a pupil statement was accepted")
        } catch {
            #expect(error.description.contains("'1.2' heeft geen stelling voor leerlingen"))
        }
    }
}
