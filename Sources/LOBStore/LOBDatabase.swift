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

    /// What opening it did that the user should know (a file made private).
    public let notes: [String]

    /// Profiles decoded from their stored snapshots, by row id: a snapshot never changes (it is stored under the hash
    /// of its content), and a board's hundreds of team rounds share a handful.
    let snapshots = SnapshotCache()

    /// The framework in which a profile's behaviours are looked up when scans are stored; a school with a framework
    /// of its own sets it.
    public var catalogue: Catalogue = .standard

    /// Wraps a connection (a file queue, or in-memory for tests) and brings its schema up to date.
    public init(
        _ dbWriter: any DatabaseWriter, beforeCommit: (@Sendable () -> Void)? = nil, notes: [String] = []
    ) throws {
        self.dbWriter = dbWriter
        self.beforeCommit = beforeCommit
        self.notes = notes
        try Self.migrator.migrate(dbWriter)
    }

    /// A connection whose schema is known to be current.
    private init(migrated dbWriter: any DatabaseWriter, beforeCommit: (@Sendable () -> Void)?, notes: [String]) {
        self.dbWriter = dbWriter
        self.beforeCommit = beforeCommit
        self.notes = notes
    }

    public var reader: any DatabaseReader { dbWriter }

    // MARK: - Database Configuration

    /// The one configuration every connection is built with: foreign keys on (GRDB's default), WAL, and a busy
    /// timeout so that a second `lob` process waits for the first instead of failing at once.
    public static func makeConfiguration(
        _ base: Configuration = Configuration(), busyTimeout: TimeInterval = 5
    ) -> Configuration {
        var config = base
        config.foreignKeysEnabled = true
        config.journalMode = .wal
        config.busyMode = .timeout(busyTimeout)
        if ProcessInfo.processInfo.environment["SQL_TRACE"] != nil {
            config.prepareDatabase { db in db.trace { print("SQL: \($0)") } }
        }
        return config
    }

    /// Whether a command only reads (it never creates, migrates in place only when it must, and never waits for a
    /// writer) or also writes.
    public enum Access: Sendable { case read, write }

    /// Opens the database file at `path`. For writing, it is created if needed: the folder private to the user, the
    /// file mode 0600 before SQLite opens it (SQLite gives its -wal and -shm files the same mode); an existing file
    /// that others could read is made private, and `notes` says so. For reading, nil when there is no file.
    ///
    /// Writers open it under an exclusive lock on a `-lock` file beside the database (held for the opening and the
    /// migrations only), so that processes that open a new database at the same moment migrate it once, one after
    /// the other. Readers open it read-only and never wait for a writer (WAL).
    ///
    /// `concurrentReads` opens a pool (`lob serve`): reads run beside each other and beside the one writer, instead
    /// of waiting in one queue behind every save.
    public static func openFile(
        at path: String, busyTimeout: TimeInterval = 5, concurrentReads: Bool = false,
        beforeCommit: (@Sendable () -> Void)? = nil
    ) throws -> LOBDatabase {
        try openFile(
            at: path, access: .write, busyTimeout: busyTimeout, concurrentReads: concurrentReads,
            beforeCommit: beforeCommit)!
    }

    /// Opens an existing database file for reading; nil when there is none. See `openFile(at:access:)`.
    public static func openExisting(at path: String, busyTimeout: TimeInterval = 5) throws -> LOBDatabase? {
        try openFile(at: path, access: .read, busyTimeout: busyTimeout, concurrentReads: false, beforeCommit: nil)
    }

    static func openFile(
        at path: String, access: Access, busyTimeout: TimeInterval, concurrentReads: Bool,
        beforeCommit: (@Sendable () -> Void)?
    ) throws -> LOBDatabase? {
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        if access == .read && !manager.fileExists(atPath: url.path) { return nil }
        if access == .write {
            let folder = url.deletingLastPathComponent()
            if !manager.fileExists(atPath: folder.path) {
                do {
                    try manager.createDirectory(
                        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                } catch {
                    throw StoreError.cannotCreate(path: path)
                }
            }
            let descriptor = open(url.path, O_CREAT | O_RDWR, 0o600)
            guard descriptor >= 0 else { throw StoreError.cannotCreate(path: path) }
            close(descriptor)
        }
        var notes: [String] = []
        if access == .write {
            for file in [url.path, url.path + "-wal", url.path + "-shm"] where manager.fileExists(atPath: file) {
                var info = stat()
                if stat(file, &info) == 0, info.st_mode & 0o077 != 0, chmod(file, 0o600) == 0 {
                    notes.append("\(file) was leesbaar voor anderen en is nu alleen voor jou leesbaar (modus 600)")
                }
            }
        }
        do {
            if access == .read {
                var configuration = makeConfiguration(busyTimeout: busyTimeout)
                configuration.readonly = true
                configuration.journalMode = .default
                let queue = try DatabaseQueue(path: url.path, configuration: configuration)
                if (try? queue.read({ try migrator.hasCompletedMigrations($0) })) == true {
                    return LOBDatabase(migrated: queue, beforeCommit: beforeCommit, notes: notes)
                }
                // A new or older database: bring it up to date once, as a writer would, then read.
                return try openFile(
                    at: path, access: .write, busyTimeout: busyTimeout, concurrentReads: false,
                    beforeCommit: beforeCommit)
            }
            // Writers open one at a time: switching a new file to WAL and migrating it are not safe to race.
            let lock = open(url.path + "-lock", O_CREAT | O_RDWR, 0o600)
            guard lock >= 0 else { throw StoreError.cannotCreate(path: path + "-lock") }
            defer { close(lock) }
            flock(lock, LOCK_EX)
            defer { flock(lock, LOCK_UN) }
            let configuration = makeConfiguration(busyTimeout: busyTimeout)
            let writer: any DatabaseWriter =
                concurrentReads
                ? try DatabasePool(path: url.path, configuration: configuration)
                : try DatabaseQueue(path: url.path, configuration: configuration)
            return try LOBDatabase(writer, beforeCommit: beforeCommit, notes: notes)
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// An empty in-memory database with the current schema, for tests.
    public static func inMemory() throws -> LOBDatabase {
        try LOBDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// Runs a write as one IMMEDIATE transaction: the write lock is taken at the start, so two processes never
    /// deadlock upgrading a read; SQLite's errors leave as `StoreError`.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await dbWriter.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await dbWriter.read(body)
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }
}

extension StoreError {
    /// SQLite's error as the port's: the store never lets GRDB's errors out.
    init(_ error: DatabaseError, path: String? = nil) {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
        case .SQLITE_FULL: self = .diskFull
        case .SQLITE_IOERR: self = .inputOutput
        case .SQLITE_READONLY: self = path.map { .cannotOpen(path: $0) } ?? .readOnly
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: self = path.map { .notADatabase(path: $0) } ?? .refused(code: "11")
        case .SQLITE_CONSTRAINT: self = .constraint
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: self = .cannotOpen(path: path ?? "")
        default: self = .refused(code: String(error.resultCode.primaryResultCode.rawValue))
        }
    }
}

/// Decoded profile snapshots, shared by the copies of one `LOBDatabase`.
final class SnapshotCache: @unchecked Sendable {
    private let lock = NSLock()
    private var profiles: [Int64: Profile] = [:]

    /// The profile of snapshot `id`, decoding `snapshot()` the first time.
    func profile(_ id: Int64, snapshot: () throws -> Profile) rethrows -> Profile {
        lock.lock()
        defer { lock.unlock() }
        if let known = profiles[id] { return known }
        let profile = try snapshot()
        profiles[id] = profile
        return profile
    }
}
