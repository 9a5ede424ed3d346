import Foundation
import LOBCore
import Testing

@testable import LOBRender

/// `JSONValue` writes what Foundation's `JSONEncoder` (through `JSON.encode`) writes for the same value, byte for
/// byte: the JSON contract does not depend on which of the two made an output.
struct JSONValueTests {
    @Test(arguments: [
        JSONValue.object([]), .array([]), .null, .bool(true), .int(-42), .string(""),
        .object([("b", .int(1)), ("a", .array([])), ("c", .object([]))]),
        .array([.array([.int(1)]), .array([]), .object([("x", .null)])]),
        .object([
            ("a10", .int(1)), ("a2", .int(2)), ("B", .int(3)), ("_x", .int(4)), ("1.10", .int(5)), ("1.2", .int(6)),
        ]),
        .object([("é", .int(1)), ("e", .int(2)), ("f", .int(3)), ("aB", .int(4)), ("ab", .int(5))]),
        .array([
            .double(3), .double(0.1 + 0.2), .double(1e-7), .double(1e20), .double(-0.0), .double(2.35), .double(100),
            .double(12_345_678.9),
        ]),
        .string("a\"\\/\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{0}\u{7F}é€😀\u{2028}"),
    ])
    func it_writes_what_json_encoder_writes(value: JSONValue) throws {
        #expect(try value.text() == JSON.encode(value))
    }

    @Test func the_team_report_of_a_team_of_many_reads_the_same_as_through_json_encoder() throws {
        let profile = Profile(id: "p", title: "P", behaviours: Behaviour.all.map(\.id))
        let members = (0..<40).map { index in
            TeamMemberScan(
                teacher: "Collega \(index) \"ö\"", consent: index % 4 == 0 ? .anoniem : .metNaam,
                learningPreference: LearningPreference.allCases[index % 5], date: SchoolDate("2026-10-05")!,
                profile: profile,
                scores: Dictionary(
                    uniqueKeysWithValues: Behaviour.all.enumerated().map { ($1.id, 1 + ($0 * 7 + index * 3) % 4) }),
                fingerprint: "f\(index)")
        }
        let analysis = TeamAnalysis(members: members, threshold: 3)
        let report = TeamReportJSON(TeamReport(team: "Groot", round: "najaar", analysis: analysis))
        let text = try report.text()
        #expect(text == (try JSON.encode(report.value)))
        #expect(text.contains("\"peerLearning\" : ["))
    }

    /// The report's JSON lists the first 30 pairs and mentors with the counts of all; `lob team pairs` has them all,
    /// beginning with the same ones.
    @Test func the_report_lists_the_first_pairs_and_the_pairs_export_all_of_them() throws {
        let profile = Profile(id: "p", title: "P", behaviours: ["1.1"])
        let members = (0..<80).map { index in
            TeamMemberScan(
                teacher: String(format: "Collega %02d", index), consent: .metNaam,
                learningPreference: LearningPreference.allCases[index % 5], date: SchoolDate("2026-10-05")!,
                profile: profile, scores: ["1.1": index < 45 ? 1 : 4], fingerprint: "f\(index)")
        }
        let analysis = TeamAnalysis(members: members, threshold: 3)
        func learning(_ value: JSONValue) throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(try value.text().utf8)) as? [String: Any]
            return try #require((object?["peerLearning"] as? [[String: Any]])?.first)
        }
        let shown = try learning(TeamReportJSON(TeamReport(team: "T", round: "r", analysis: analysis)).value)
        let all = try learning(TeamPairsJSON(TeamPairsReport(team: "T", round: "r", analysis: analysis)).value)
        #expect(shown["pairCount"] as? Int == 45 && all["pairCount"] as? Int == 45)
        #expect(shown["mentorCount"] as? Int == 35 && all["mentorCount"] as? Int == 35)
        #expect((shown["pairs"] as? [Any])?.count == 30 && (all["pairs"] as? [Any])?.count == 45)
        #expect((shown["mentors"] as? [String])?.count == 30 && (all["mentors"] as? [String])?.count == 35)
        let first = (all["pairs"] as? [[String: String]])?.prefix(30).map { $0["learner"] }
        #expect(first == (shown["pairs"] as? [[String: String]])?.map { $0["learner"] })
        #expect(first?.first == "Collega 00")
    }

    @Test func a_number_that_is_not_finite_is_refused_as_json_encoder_refuses_it() {
        #expect(throws: EncodingError.self) { try JSONValue.double(.nan).text() }
        #expect(throws: EncodingError.self) { try JSON.encode(JSONValue.double(.nan)) }
    }
}
