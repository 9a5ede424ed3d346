import LOBCore
import Testing

/// What every store does with a school's evaluation (`EvaluationStore`): SQLite, memory and PostgreSQL alike.
struct EvaluationStoreContractTests {
    static let stores = TestStores.names

    static func logbook(
        _ teacher: String, satisfied: Int = 4, date: String = "2027-03-15", consent: Consent = .anoniem
    )
        -> YearLogbook
    {
        YearLogbook(
            teacher: teacher, consent: consent, team: "Bouw", schoolYear: "2026-2027", date: SchoolDate(date)!,
            learningPreference: .oefenen, goalsPlanned: 2, plannedMinutes: 600, plannedCents: 50_000,
            activities: [
                .init(
                    form: "intervisie", name: "Intervisie", competency: 2, date: SchoolDate("2027-01-10")!,
                    minutes: 240, cents: 17_500, satisfied: satisfied, usable: 4)
            ],
            goals: [.init(competency: 2, reached: satisfied > 3, gapBefore: 2, gapAfter: satisfied > 3 ? 0 : 1)])
    }

    @Test(arguments: stores)
    func logbooks_are_kept_per_year_without_the_name_of_who_handed_in_anonymously(store name: String) async throws {
        let store = try await TestStores.make(name)
        let outcomes = try await store.importLogbooks(
            [Self.logbook("Ans", consent: .metNaam), Self.logbook("Bram"), Self.logbook("Carla", satisfied: 2)],
            threshold: 3)
        #expect(outcomes == [.added, .added, .added])
        let kept = try await store.yearLogbooks(schoolYear: "2026-2027")
        #expect(kept.count == 3)
        #expect(kept.compactMap(\.teacher) == ["Ans"])
        #expect(
            Set(kept)
                == Set(
                    [Self.logbook("Ans", consent: .metNaam), Self.logbook("Bram"), Self.logbook("Carla", satisfied: 2)]
                        .map(\.kept)))
        #expect(kept.map(\.key) == kept.map(\.key).sorted())
        await #expect(try store.evaluationYears() == ["2026-2027"])
        await #expect(try store.yearLogbooks(schoolYear: "2025-2026").isEmpty)
        let release = try #require(try await store.evaluationRelease(schoolYear: "2026-2027"))
        #expect(release == SchoolEvaluation.release(kept, threshold: 3, earlier: []))
        #expect(release.counted["vorm:intervisie"] != nil)
    }

    @Test(arguments: stores)
    func every_import_decides_a_release_against_the_earlier_ones(store name: String) async throws {
        let store = try await TestStores.make(name)
        _ = try await store.importLogbooks(["Ans", "Bram", "Carla"].map { Self.logbook($0) }, threshold: 3)
        let first = try #require(try await store.evaluationRelease(schoolYear: "2026-2027"))
        // Carla hands in again, one answer changed: a change of one teacher.
        let outcomes = try await store.importLogbooks(
            [Self.logbook("Carla", satisfied: 1, date: "2027-03-20"), Self.logbook("Bram")], threshold: 3)
        #expect(outcomes == [.replaced, .unchanged])
        let second = try #require(try await store.evaluationRelease(schoolYear: "2026-2027"))
        #expect(second.withheld["vorm:intervisie"] == .changeTooSmall)
        let kept = try await store.yearLogbooks(schoolYear: "2026-2027")
        #expect(second == SchoolEvaluation.release(kept, threshold: 3, earlier: [first]))
        // An older logbook of Carla changes nothing, and decides no new release.
        await #expect(
            try store.importLogbooks([Self.logbook("Carla", date: "2027-03-01")], threshold: 3) == [.older])
        await #expect(try store.evaluationRelease(schoolYear: "2026-2027") == second)
    }

    @Test(arguments: stores)
    func indicators_are_replaced_per_year(store name: String) async throws {
        let store = try await TestStores.make(name)
        let first = [
            SchoolIndicator(name: "Tevreden", value: 71, unit: "%", source: "enquête"),
            SchoolIndicator(name: "Gesprekken", value: 1.5, unit: "per leerling", source: nil),
        ]
        try await store.saveIndicators(first, schoolYear: "2025-2026")
        try await store.saveIndicators(
            [SchoolIndicator(name: "Tevreden", value: 78, unit: "%", source: nil)], schoolYear: "2026-2027")
        await #expect(try store.indicators(schoolYear: "2025-2026") == first)
        let replaced = [SchoolIndicator(name: "Dossiers", value: 81.25, unit: "%", source: "mentoren")]
        try await store.saveIndicators(replaced, schoolYear: "2025-2026")
        await #expect(try store.indicators(schoolYear: "2025-2026") == replaced)
        await #expect(try store.evaluationYears() == ["2025-2026", "2026-2027"])
    }
}
