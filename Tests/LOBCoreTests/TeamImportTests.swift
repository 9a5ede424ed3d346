import LOBCore
import Testing

/// The import rule as a pure function: every store applies the same plan.
struct TeamImportTests {
    static let profile = Profile(id: "p", title: "P", behaviours: ["1.1"], defaultTarget: 3)

    static func scan(_ date: String, _ consent: Consent = .metNaam, fingerprint: String? = nil) -> TeamMemberScan {
        TeamMemberScan(
            teacher: "Ans", consent: consent, learningPreference: nil, date: SchoolDate(date)!, profile: profile,
            scores: ["1.1": 3], fingerprint: fingerprint ?? "\(date)-\(consent.rawValue)")
    }

    static func plan(_ scans: [TeamMemberScan], _ state: TeamImport.State = [:]) -> TeamImport.Plan {
        TeamImport.plan(scans, keys: scans.map { _ in "ans" }, state: state)
    }

    @Test func scans_count_in_date_order_whatever_order_they_came_in() {
        let plan = Self.plan([Self.scan("2026-10-02"), Self.scan("2026-10-01")])
        #expect(plan.outcomes == [.replaced, .added])
        #expect(
            plan.changes == [
                .add(index: 1, key: "ans", current: true, replacing: false),
                .add(index: 0, key: "ans", current: true, replacing: true),
            ])
    }

    @Test func an_older_scan_is_history_and_the_same_scan_twice_changes_nothing() {
        let kept = TeamImport.Teacher(
            latest: SchoolDate("2026-10-05"), current: SchoolDate("2026-10-05"), fingerprints: ["f"])
        let plan = Self.plan([Self.scan("2026-10-01"), Self.scan("2026-10-05", fingerprint: "f")], ["ans": kept])
        #expect(plan.outcomes == [.history, .unchanged])
        #expect(plan.changes == [.add(index: 0, key: "ans", current: false, replacing: false)])
    }

    @Test func a_newer_private_scan_withdraws_him_and_nothing_up_to_that_day_counts_again() {
        let kept = TeamImport.Teacher(latest: SchoolDate("2026-10-01"), current: SchoolDate("2026-10-01"))
        let plan = Self.plan(
            [Self.scan("2026-10-03", .prive), Self.scan("2026-10-03"), Self.scan("2026-10-04")], ["ans": kept])
        #expect(plan.outcomes == [.withdrawn, .olderThanWithdrawal, .added])
        #expect(
            plan.changes == [
                .withdraw(key: "ans", on: SchoolDate("2026-10-03")!),
                .add(index: 2, key: "ans", current: true, replacing: false),
            ])
        // With nothing kept of him, a private scan is not stored at all.
        #expect(Self.plan([Self.scan("2026-10-03", .prive)]).outcomes == [.skippedPrivate])
        // An older private scan changes nothing.
        #expect(Self.plan([Self.scan("2026-09-01", .prive)], ["ans": kept]).outcomes == [.skippedPrivate])
    }

    @Test func the_newest_scan_decides_the_consent() {
        let kept = TeamImport.Teacher(latest: SchoolDate("2026-10-05"), current: SchoolDate("2026-10-05"))
        // Anonymous now: his name goes from every scan he gave the team.
        #expect(
            Self.plan([Self.scan("2026-10-06", .anoniem)], ["ans": kept]).changes.first == .anonymise(key: "ans"))
        // An older anonymous scan does not take his name off the newer one.
        #expect(
            !Self.plan([Self.scan("2026-10-01", .anoniem)], ["ans": kept]).changes.contains(.anonymise(key: "ans")))
    }
}
