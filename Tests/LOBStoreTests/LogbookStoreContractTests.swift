import LOBCore
import Testing

/// What every store does with a teacher's logbook (`LogbookStore`): SQLite, memory and PostgreSQL alike.
struct LogbookStoreContractTests {
    static let stores = TestStores.names

    func record(_ scan: Int64, _ date: String, form: String = "training", competency: Int? = 2) -> ActivityDone.Record {
        ActivityDone.Record(
            planScanID: scan, competency: competency, formID: form, formName: "Training \(form)",
            date: SchoolDate(date)!, minutes: 150, cents: 27_550)
    }

    func finishedScan(_ store: TestStores.Store, _ date: String = "2026-11-24") async throws -> Int64 {
        try await store.save(StoreContractTests.scan("Jan", date, ["1.1": 2]), profile: StoreContractTests.profile)
    }

    @Test(arguments: stores)
    func activities_are_recorded_read_back_by_date_and_removed(store name: String) async throws {
        let store = try await TestStores.make(name)
        let plan = try await finishedScan(store)
        let other = try await finishedScan(store, "2027-05-18")
        let late = try #require(try await store.recordActivity(record(plan, "2027-01-15")))
        let early = try #require(
            try await store.recordActivity(record(plan, "2026-12-10", form: "lezen", competency: nil)))
        let elsewhere = try #require(try await store.recordActivity(record(other, "2027-05-20")))
        let read = try await store.activities(planScanID: plan)
        #expect(read.map(\.id) == [early, late])
        #expect(
            read.first
                == ActivityDone(
                    id: early, planScanID: plan, competency: nil, formID: "lezen", formName: "Training lezen",
                    date: SchoolDate("2026-12-10")!, minutes: 150, cents: 27_550))
        await #expect(try store.activities(planScanID: nil).map(\.id) == [early, late, elsewhere])
        await #expect(try store.removeActivity(id: early))
        await #expect(try !store.removeActivity(id: early))
        await #expect(try store.activities(planScanID: plan).map(\.id) == [late])
    }

    @Test(arguments: stores)
    func an_activity_needs_a_finished_scan(store name: String) async throws {
        let store = try await TestStores.make(name)
        await #expect(try store.recordActivity(record(404, "2026-12-10")) == nil)
        let draft = try #require(
            try await store.saveDraft(
                StoreContractTests.scan("Jan", "2026-11-24", [:]), profile: StoreContractTests.profile, id: nil))
        await #expect(try store.recordActivity(record(draft, "2026-12-10")) == nil)
        await #expect(try store.activities(planScanID: nil).isEmpty)
    }

    @Test(arguments: stores)
    func a_reaction_is_stored_and_replaced(store name: String) async throws {
        let store = try await TestStores.make(name)
        let plan = try await finishedScan(store)
        let id = try #require(try await store.recordActivity(record(plan, "2026-12-10")))
        let first = Reaction(satisfied: 4, usable: 5, remark: "Direct bruikbaar", date: SchoolDate("2026-12-10")!)
        await #expect(try store.saveReaction(first, activityID: id))
        await #expect(try store.activities(planScanID: plan).first?.reaction == first)
        let second = Reaction(satisfied: 2, usable: 3, remark: nil, date: SchoolDate("2026-12-12")!)
        await #expect(try store.saveReaction(second, activityID: id))
        await #expect(try store.activities(planScanID: plan).first?.reaction == second)
        await #expect(try !store.saveReaction(second, activityID: id + 1000))
    }

    @Test(arguments: stores)
    func the_reactions_of_a_sheet_are_stored_all_or_none(store name: String) async throws {
        let store = try await TestStores.make(name)
        let plan = try await finishedScan(store)
        let a = try #require(try await store.recordActivity(record(plan, "2026-12-10")))
        let b = try #require(try await store.recordActivity(record(plan, "2026-12-11")))
        let good = Reaction(satisfied: 4, usable: 5, remark: "Goed", date: SchoolDate("2026-12-12")!)
        let other = Reaction(satisfied: 2, usable: 1, remark: nil, date: SchoolDate("2026-12-13")!)
        // One activity missing: the other is not stored either.
        await #expect(try !store.saveReactions([(a, good), (b + 1000, other)]))
        await #expect(try store.activities(planScanID: plan).map(\.reaction) == [nil, nil])
        // One refused by the store's own bounds after the first was written: that one is undone.
        await #expect(throws: StoreError.constraint) {
            try await store.saveReactions([
                (a, good), (b, Reaction(satisfied: 3, usable: 9, remark: nil, date: SchoolDate("2026-12-13")!)),
            ])
        }
        await #expect(try store.activities(planScanID: plan).map(\.reaction) == [nil, nil])
        await #expect(try store.saveReactions([(a, good), (b, other)]))
        await #expect(try store.activities(planScanID: plan).map(\.reaction) == [good, other])
    }

    @Test(arguments: stores)
    func the_logbook_goes_with_the_scan_of_its_plan(store name: String) async throws {
        let store = try await TestStores.make(name)
        let plan = try await finishedScan(store)
        let kept = try await finishedScan(store, "2027-05-18")
        _ = try #require(try await store.recordActivity(record(plan, "2026-12-10")))
        let other = try #require(try await store.recordActivity(record(kept, "2027-05-20")))
        await #expect(try store.deleteScan(id: plan))
        await #expect(try store.activities(planScanID: nil).map(\.id) == [other])
    }

    @Test(arguments: stores)
    func every_store_refuses_the_same_rows(store name: String) async throws {
        let store = try await TestStores.make(name)
        let plan = try await finishedScan(store)
        var tooLong = record(plan, "2026-12-10")
        tooLong = ActivityDone.Record(
            planScanID: plan, competency: 2, formID: "x", formName: "x", date: tooLong.date,
            minutes: ActivityDone.minuteRange.upperBound + 1, cents: 0)
        await #expect(throws: StoreError.constraint) { try await store.recordActivity(tooLong) }
        let badGoal = ActivityDone.Record(
            planScanID: plan, competency: 8, formID: "x", formName: "x", date: tooLong.date, minutes: 0, cents: 0)
        await #expect(throws: StoreError.constraint) { try await store.recordActivity(badGoal) }
        let id = try #require(try await store.recordActivity(record(plan, "2026-12-10")))
        await #expect(throws: StoreError.constraint) {
            try await store.saveReaction(
                Reaction(satisfied: 6, usable: 3, remark: nil, date: SchoolDate("2026-12-10")!), activityID: id)
        }
        await #expect(try store.activities(planScanID: plan).map(\.reaction) == [nil])
    }

    @Test(arguments: stores)
    func team_activities_are_recorded_per_team_and_removed_only_by_their_team(store name: String) async throws {
        let store = try await TestStores.make(name)
        func record(_ team: String, _ date: String) -> TeamActivityDone.Record {
            .init(
                team: team, round: "najaar 2026", goal: 1, competency: 2, formID: "intervisie", formName: "Intervisie",
                date: SchoolDate(date)!, participants: 6, minutes: 600, cents: 395_000)
        }
        let late = try await store.recordTeamActivity(record("Bouw", "2027-02-01"))
        let early = try await store.recordTeamActivity(record("Bouw", "2027-01-20"))
        let other = try await store.recordTeamActivity(record("Zorg", "2027-01-25"))
        await #expect(try store.teamActivities(team: "Bouw").map(\.id) == [early, late])
        await #expect(try store.teamActivities(team: nil).map(\.id) == [early, other, late])
        await #expect(
            try store.teamActivities(team: "Bouw").first
                == TeamActivityDone(id: early, record: record("Bouw", "2027-01-20")))
        // Another team cannot remove it.
        await #expect(try !store.removeTeamActivity(id: early, team: "Zorg"))
        await #expect(try store.removeTeamActivity(id: early, team: "Bouw"))
        await #expect(try store.teamActivities(team: "Bouw").map(\.id) == [late])
    }
}
