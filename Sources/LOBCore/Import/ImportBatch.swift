/// The rule every import of several files or rows follows (scans, feedback, a survey): all or nothing, unless the
/// user asked to skip the bad ones; and never an import of nothing.
public enum ImportBatch {
    public enum Decision: Sendable, Equatable {
        /// Store the good ones.
        case store
        /// Store nothing: `bad` of `total` are not in order and the user did not ask to skip them.
        case refuseAll(bad: Int, total: Int)
        /// Nothing good to store.
        case nothingGood
    }

    public static func decide(good: Int, bad: Int, skipBad: Bool) -> Decision {
        if bad > 0 && !skipBad { return .refuseAll(bad: bad, total: good + bad) }
        return good == 0 ? .nothingGood : .store
    }
}
