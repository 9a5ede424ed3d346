import LOBCore
import Testing

/// What every store keeps of 360° feedback (`FeedbackStore`): SQLite, memory and PostgreSQL alike.
struct FeedbackStoreContractTests {
    static let stores = TestStores.names
    static let profile = Profile(id: "p", title: "P", behaviours: ["1.1", "1.2"], defaultTarget: 3)

    static func response(_ id: String, _ moment: FeedbackMoment, _ date: String) -> FeedbackResponse {
        FeedbackResponse(
            id: id, subject: "Jan de Vries", group: .collega, profileID: "p", date: SchoolDate(date)!,
            ratings: ["1.1": moment == .vervolg ? 3 : 2], remarks: [1: "Opmerking \(id)"], moment: moment)
    }

    @Test(arguments: stores)
    func a_follow_up_is_kept_as_a_follow_up_beside_the_first_feedback(store name: String) async throws {
        let store = try await TestStores.make(name)
        let first = ["a1", "a2", "a3"].map { Self.response($0, .nulmeting, "2026-10-20") }
        let later = ["b1", "b2", "b3"].map { Self.response($0, .vervolg, "2027-03-10") }
        let stored = try await store.importFeedback(first + later) { responses, _ in
            // The rule is decided over both moments, each under its own keys.
            FeedbackAnalysis(scan: nil, profile: Self.profile, responses: responses).release
        }
        #expect(stored == Array(repeating: true, count: 6))
        let (responses, releases) = try await store.feedback(about: " jan de vries", profileID: "p")
        #expect(Set(responses) == Set(first + later))
        #expect(responses.filter { $0.moment == .vervolg }.map(\.id).sorted() == ["b1", "b2", "b3"])
        let release = try #require(releases.last)
        #expect(release.counted["1.1"]?.count == 3 && release.counted["vervolg:1.1"]?.count == 3)
        // The same files again change nothing.
        await #expect(
            try store.importFeedback(later) { responses, _ in
                FeedbackAnalysis(scan: nil, profile: Self.profile, responses: responses).release
            } == [false, false, false])
    }
}
