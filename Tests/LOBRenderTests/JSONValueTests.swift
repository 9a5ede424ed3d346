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

    @Test func a_number_that_is_not_finite_is_refused_as_json_encoder_refuses_it() {
        #expect(throws: EncodingError.self) { try JSONValue.double(.nan).text() }
        #expect(throws: EncodingError.self) { try JSON.encode(JSONValue.double(.nan)) }
    }
}
