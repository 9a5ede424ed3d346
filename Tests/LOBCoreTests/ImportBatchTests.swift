import LOBCore
import Testing

/// The one rule of every import of several files or rows.
struct ImportBatchTests {
    @Test func one_bad_one_stores_nothing_unless_the_bad_are_skipped() {
        #expect(ImportBatch.decide(good: 4, bad: 1, skipBad: false) == .refuseAll(bad: 1, total: 5))
        #expect(ImportBatch.decide(good: 4, bad: 1, skipBad: true) == .store)
        #expect(ImportBatch.decide(good: 4, bad: 0, skipBad: false) == .store)
    }

    @Test func nothing_good_is_never_an_import() {
        #expect(ImportBatch.decide(good: 0, bad: 3, skipBad: true) == .nothingGood)
        #expect(ImportBatch.decide(good: 0, bad: 0, skipBad: false) == .nothingGood)
        #expect(ImportBatch.decide(good: 0, bad: 3, skipBad: false) == .refuseAll(bad: 3, total: 3))
    }
}
