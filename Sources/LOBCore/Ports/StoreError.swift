/// What can go wrong in a store, whichever database keeps the data: reasons, which each front end words for its
/// users. A store never lets its database's own errors past its port, and never throws for a thing that is not
/// there: its methods answer nil or false, and the application says what that means.
public enum StoreError: Error, Equatable, Sendable {
    /// Another writer held the database longer than the store waits for it.
    case busy
    /// The database (a file, its folder or its lock file) cannot be made.
    case cannotCreate(path: String)
    /// The database is there but may not be opened for what the command needs.
    case cannotOpen(path: String)
    /// The file is not a LOB-spiegel database, or is damaged.
    case notADatabase(path: String)
    /// The disk is full.
    case diskFull
    /// Reading or writing failed below the database (a disk, a network share).
    case inputOutput
    /// The database may only be read.
    case readOnly
    /// A stored scan (its profile snapshot or date) that cannot be read back.
    case corruptScan(Int64)
    /// A stored feedback response that cannot be read back.
    case corruptFeedback(String)
    /// The database refused the change (a constraint, a limit) with its own code: nothing was stored.
    case refused(code: Int32)
}
