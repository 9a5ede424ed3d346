import LOBApp
import LOBCore
import LOBMemoryStore
import Testing

/// A plan's progress reads level 2 from the teacher's own later scan only: a school's database (a server round, a
/// teamvoorzitter's imports) holds other teachers' scans, and none of them may stand in for his.
struct ProgressTests {
    static let profile = Profile(id: "p", title: "P", behaviours: ["1.1", "1.2", "2.1"], defaultTarget: 3)
    static let catalogue = ActivityCatalogue(
        title: "Test",
        forms: [
            ActivityForm(
                id: "training", name: "Training", preferences: LearningPreference.allCases, withWhom: "een trainer",
                hours: 4)
        ])

    static func scan(_ teacher: String, _ date: String, _ score: Int) -> Scan {
        Scan(
            teacher: teacher, profileID: "p", date: SchoolDate(date)!,
            answers: ["1.1": .init(score: score), "1.2": .init(score: score), "2.1": .init(score: 3)])
    }

    @Test func level_two_is_read_from_his_own_later_scan_never_anothers() async throws {
        let app = LOBApp(store: MemoryStore())
        let plan = try await app.storeScan(Self.scan("Ans Bakker", "2026-10-01", 1), profile: Self.profile).id
        // A colleague's scan, later and newer than anything of Ans's.
        _ = try await app.storeScan(Self.scan("Bram de Jong", "2027-05-01", 4), profile: Self.profile)
        let stored = try await app.scan(plan)
        let alone = try await app.progress(stored, activities: Self.catalogue, options: .init())
        #expect(alone.laterScanID == nil && alone.goals.isEmpty)
        // Her own later scan, written a little differently, is hers.
        let own = try await app.storeScan(Self.scan(" ans  BAKKER", "2027-04-01", 2), profile: Self.profile).id
        let progress = try await app.progress(stored, activities: Self.catalogue, options: .init())
        #expect(progress.laterScanID == own)
        #expect(progress.goals.flatMap(\.steps).compactMap(\.after) == [2, 2])
        // Behind a server link no later scan is looked for at all.
        let served = try await app.progress(stored, activities: Self.catalogue, options: .init(), invitation: 1)
        #expect(served.laterScanID == nil)
    }
}
