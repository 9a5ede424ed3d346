import Foundation
import GRDB
import LOBCore

/// The one owner of the SQLite database: it runs the migrations when opened and offers one method per intent,
/// each a single transaction (GRDB's AppDatabase pattern).
public struct LOBDatabase: Sendable {
    private let dbWriter: any DatabaseWriter

    /// Called inside `save` after the answers are written and before the commit. Only the fault-injection tests set
    /// it, to kill the process there and show that a half-written scan never reaches the database.
    let beforeCommit: (@Sendable () -> Void)?

    /// Wraps a connection (a file queue, or in-memory for tests) and brings its schema up to date.
    public init(_ dbWriter: any DatabaseWriter, beforeCommit: (@Sendable () -> Void)? = nil) throws {
        self.dbWriter = dbWriter
        self.beforeCommit = beforeCommit
        try Self.migrator.migrate(dbWriter)
    }

    public var reader: any DatabaseReader { dbWriter }

    // MARK: - Database Configuration

    /// The one configuration every connection is built with: foreign keys on (GRDB's default), WAL, and a busy
    /// timeout so that a second `lob` process waits for the first instead of failing at once.
    public static func makeConfiguration(_ base: Configuration = Configuration(), busyTimeout: TimeInterval = 5) -> Configuration {
        var config = base
        config.foreignKeysEnabled = true
        config.journalMode = .wal
        config.busyMode = .timeout(busyTimeout)
        if ProcessInfo.processInfo.environment["SQL_TRACE"] != nil {
            config.prepareDatabase { db in db.trace { print("SQL: \($0)") } }
        }
        return config
    }

    /// Opens (creating if needed) the database file at `path`. The folder is made private to the user and the file
    /// is created mode 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
    public static func openFile(at path: String, busyTimeout: TimeInterval = 5,
                                beforeCommit: (@Sendable () -> Void)? = nil) throws -> LOBDatabase {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let manager = FileManager.default
        if !manager.fileExists(atPath: folder.path) {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        if !manager.fileExists(atPath: url.path) {
            guard manager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.cannotCreate(path)
            }
        }
        let queue = try DatabaseQueue(path: url.path, configuration: makeConfiguration(busyTimeout: busyTimeout))
        return try LOBDatabase(queue, beforeCommit: beforeCommit)
    }

    /// An empty in-memory database with the current schema, for tests.
    public static func inMemory() throws -> LOBDatabase {
        try LOBDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// Runs a write as one IMMEDIATE transaction: the write lock is taken at the start, so two processes never
    /// deadlock upgrading a read; a busy database is reported as `StoreError.busy`.
    func write<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        do {
            return try dbWriter.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StoreError.busy
        }
    }

    func read<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        do {
            return try dbWriter.read(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw StoreError.busy
        }
    }
}

/// What can go wrong in the store, in words for the user.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case busy
    case cannotCreate(String)
    case corruptSnapshot(scanID: Int64)
    case noSuchScan(Int64)
    case noSuchTeam(String)
    case noSuchRound(team: String, round: String)
    case thresholdTooLow(Int)

    public var description: String {
        switch self {
        case .busy: "de database is bezet: een ander lob-proces schrijft er nu in. Probeer het zo opnieuw."
        case .cannotCreate(let path): "kan het databasebestand '\(path)' niet aanmaken"
        case .corruptSnapshot(let id): "scan \(id): het opgeslagen profiel is onleesbaar"
        case .noSuchScan(let id): "er is geen scan \(id)"
        case .noSuchTeam(let name): "er is geen team '\(name)' (zie 'lob team list')"
        case .noSuchRound(let team, let round): "team '\(team)' heeft geen ronde '\(round)'"
        case .thresholdTooLow(let value): "de privacydrempel is minstens \(TeamAnalysis.minimumThreshold), niet \(value)"
        }
    }
}
