import Testing

@testable import LOBCore

struct SchoolScanTests {
    static func scan(_ models: [Int], wished: [Int?] = Array(repeating: nil, count: 12)) -> SchoolScan {
        var scan = SchoolScan(school: "Het Baken", schoolYear: "2026-2027", date: SchoolDate("2026-11-20")!)
        for (index, model) in models.enumerated() {
            scan.answers[index + 1] = .init(
                current: SchoolModel.ID.allCases[model - 1],
                wished: wished[index].map { SchoolModel.ID.allCases[$0 - 1] })
        }
        return scan
    }

    @Test func the_dominant_model_is_the_most_frequent_and_a_tie_goes_to_the_lower() async {
        let result = SchoolScanResult(Self.scan([2, 2, 2, 1, 2, 2, 3, 2, 1, 2, 2, 1]))
        #expect(result.dominant == .model2)
        #expect(result.pillars.map(\.dominant) == [.model2, .model2, .model2, .model1])
        #expect(result.lagging.map(\.aspect.id) == [4, 9, 12] && result.leading.map(\.aspect.id) == [7])
        // Six of each: the lower model.
        #expect(SchoolScanResult(Self.scan([1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3])).dominant == .model1)
    }

    @Test func the_model_sets_the_role_profiles_and_stars() async throws {
        let result = SchoolScanResult(Self.scan(Array(repeating: 2, count: 12), wished: Array(repeating: 3, count: 12)))
        #expect(
            result.roles.map(\.profileID) == [
                "teamleider-model2", "decaan-model2", "mentor-model2", "vakdocent-model2",
            ])
        #expect(result.wished == .model3)
        #expect(
            result.wishedRoles.map(\.profileID) == [
                "teamvoorzitter-model3", "decaan-model3", "mentor-model3", "vakdocent-model3",
            ])
        let vakdocent = try #require(result.wishedRoles.last)
        #expect(vakdocent.stars == [1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4])
        // No wish, or a wish equal to now: nothing extra.
        #expect(SchoolScanResult(Self.scan(Array(repeating: 2, count: 12))).wishedRoles.isEmpty)
    }

    @Test func the_school_year_starts_in_august() async {
        #expect(SchoolScan.schoolYear(of: SchoolDate("2026-08-01")!) == "2026-2027")
        #expect(SchoolScan.schoolYear(of: SchoolDate("2027-07-31")!) == "2026-2027")
    }
}
