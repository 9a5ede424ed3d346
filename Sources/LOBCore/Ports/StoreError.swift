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
    /// The database refused the change because it breaks one of the schema's rules (a unique value, a range): nothing
    /// was stored. Every store refuses the same changes this way.
    case constraint
    /// The database refused the change (a limit, another reason) with its own code (SQLite's number, PostgreSQL's
    /// SQLSTATE): nothing was stored.
    case refused(code: String)
    /// The database server (`server` is "host:port/database") did not answer in time, or refused the connection.
    case unreachable(server: String)
    /// The server refused the login: a wrong password, an unknown user, or no entry in its pg_hba.conf.
    case loginRefused(user: String, server: String)
    /// The server has no database by that name.
    case noSuchDatabase(server: String)
    /// A secure connection was asked for (`sslmode`) and could not be made.
    case insecure(server: String)
    /// A copy writes only into an empty database, and this one (a file's path, a server's address) holds data.
    case notEmpty(String)
    /// The database's schema is older than this version knows: `lob db migrate` brings it up to date.
    case schemaOutdated(server: String)
    /// The database was brought up to date by a newer version of LOB-spiegel, which this one does not know.
    case schemaNewer(server: String)
}
