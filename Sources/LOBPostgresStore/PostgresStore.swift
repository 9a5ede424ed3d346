import Foundation
import LOBCore
import LOBFormats
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// The one owner of a PostgreSQL database: it checks the server and the schema when opened, keeps postgres-nio's
/// connection pool running, and offers one method per intent, each a single transaction, like the SQLite file's
/// `LOBDatabase`. Every port of LOBCore is implemented on it, with the same answers.
public struct PostgresStore: Sendable {
    /// The pool and the task that runs it: postgres-nio hands out connections only while `run()` runs.
    final class Pool: Sendable {
        let client: PostgresClient
        let runner: Task<Void, Never>

        init(client: PostgresClient) {
            self.client = client
            runner = Task { await client.run() }
        }

        deinit { runner.cancel() }
    }

    let pool: Pool
    public let address: PostgresAddress
    let logger: Logger
    /// The changes of each team, one at a time in this process.
    let turns = TeamTurns()

    /// The framework in which a profile's behaviours are looked up when scans are stored.
    public var catalogue: Catalogue = .standard

    /// What opening does with the schema: apply the migrations this version knows (`lob db migrate`, the tests), or
    /// only check that they were applied (every other command: a board's database is brought up to date on
    /// purpose, by its IT, not by the first command that happens to run).
    public enum Schema: Sendable { case migrate, require }

    /// Connects to the server (a first connection with a short timeout, so that a server that does not answer is
    /// said within seconds instead of after the pool's retries), checks or migrates the schema, and starts the pool.
    public static func open(
        _ address: PostgresAddress, schema: Schema = .require, maximumConnections: Int = 20,
        connectTimeout: Duration = .seconds(5)
    ) async throws -> PostgresStore {
        let logger = Logger(label: "lob.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        let tls = try address.tls()
        var probe = PostgresConnection.Configuration(
            host: address.host ?? "", port: address.port, username: address.user, password: address.password,
            database: address.database, tls: tls.connection)
        if address.host == nil {
            probe = PostgresConnection.Configuration(
                unixSocketPath: address.socketPath, username: address.user, password: address.password,
                database: address.database)
        }
        probe.options.connectTimeout = .nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000)
        probe.options.additionalStartupParameters = address.startupParameters
        do {
            let connection = try await PostgresConnection.connect(
                on: PostgresClient.defaultEventLoopGroup.next(), configuration: probe, id: 0, logger: logger
            ).get()
            do {
                try await Self.prepareSchema(schema, on: connection, address: address, logger: logger)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(postgres: error, address: address)
        }
        var configuration = PostgresClient.Configuration(
            host: address.host ?? "", port: address.port, username: address.user, password: address.password,
            database: address.database, tls: tls.client)
        if address.host == nil {
            configuration = PostgresClient.Configuration(
                unixSocketPath: address.socketPath, username: address.user, password: address.password,
                database: address.database)
        }
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = maximumConnections
        // A server keeps some connections open from the start: logging in (scram-sha-256) costs milliseconds of an
        // event loop, which requests under way would otherwise wait for when the pool grows.
        configuration.options.minimumConnections = maximumConnections >= 8 ? maximumConnections / 4 : 0
        configuration.options.additionalStartupParameters = address.startupParameters
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return PostgresStore(pool: Pool(client: client), address: address, logger: logger)
    }

    /// Brings the schema up to date, or checks that it is, on the first connection.
    private static func prepareSchema(
        _ schema: Schema, on connection: PostgresConnection, address: PostgresAddress, logger: Logger
    ) async throws {
        let session = Session(connection: connection, logger: logger)
        let known = PostgresMigrations.all.map(\.identifier)
        switch schema {
        case .require:
            let applied = try await session.appliedMigrations()
            if applied.contains(where: { !known.contains($0) }) {
                throw StoreError.schemaNewer(server: address.server)
            }
            guard applied == known else { throw StoreError.schemaOutdated(server: address.server) }
        case .migrate:
            try await session.execute("BEGIN")
            do {
                try await session.execute("SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockKey))")
                if let name = address.schema {
                    // A plain identifier (checked when the address was read): it cannot be bound as a parameter.
                    try await session.execute(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(name)"))
                }
                try await session.execute(
                    """
                    CREATE TABLE IF NOT EXISTS lob_migrations (
                        identifier TEXT COLLATE "C" PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL DEFAULT now())
                    """)
                let applied = try await session.appliedMigrations()
                if applied.contains(where: { !known.contains($0) }) {
                    throw StoreError.schemaNewer(server: address.server)
                }
                for migration in PostgresMigrations.all where !applied.contains(migration.identifier) {
                    for statement in migration.sql { try await session.execute(PostgresQuery(unsafeSQL: statement)) }
                    try await session.execute(
                        "INSERT INTO lob_migrations (identifier) VALUES (\(migration.identifier))")
                }
                try await session.execute("COMMIT")
            } catch {
                try? await session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// The migrations this version knows, by name, and whether each is applied: what `lob db migrate` reports.
    public func migrations() async throws -> [(identifier: String, applied: Bool)] {
        let applied = try await read { session in try await session.appliedMigrations() }
        return PostgresMigrations.all.map { ($0.identifier, applied.contains($0.identifier)) }
    }

    /// Stops the pool: open connections are closed once their work is done.
    public func close() async {
        pool.runner.cancel()
        await pool.runner.value
    }

    // MARK: - Transactions

    /// Runs a write as one transaction (READ COMMITTED, PostgreSQL's default; what must happen one at a time takes a
    /// row lock first); the server's errors leave as `StoreError`.
    func write<T: Sendable>(_ body: @Sendable (Session) async throws -> T) async throws -> T {
        try await transaction("BEGIN", body)
    }

    /// Runs reads in one snapshot of the database, so that several queries see the same moment.
    func read<T: Sendable>(_ body: @Sendable (Session) async throws -> T) async throws -> T {
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Runs one statement by itself (PostgreSQL makes it a transaction of its own): a trip to the server instead of
    /// three, for what `lob serve` does on every request (find a link, save an answer).
    func single<T: Sendable>(_ body: @Sendable (Session) async throws -> T) async throws -> T {
        try await transaction(nil, body)
    }

    private func transaction<T: Sendable>(
        _ begin: PostgresQuery?, _ body: @Sendable (Session) async throws -> T
    ) async throws -> T {
        let logger = logger
        do {
            return try await pool.client.withConnection { connection in
                let session = Session(connection: connection, logger: logger)
                guard let begin else { return try await body(session) }
                try await session.execute(begin)
                do {
                    let result = try await body(session)
                    try await session.execute("COMMIT")
                    return result
                } catch {
                    try? await session.execute("ROLLBACK")
                    throw error
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(postgres: error, address: address)
        }
    }
}

/// One connection's queries, inside a transaction the store began.
struct Session: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Every row of a query.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    func execute(_ query: PostgresQuery) async throws {
        _ = try await rows(query)
    }

    /// The first column of the first row; nil when there is no row (or its value is NULL).
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) async throws -> T?
    where T._DecodableType == T {
        guard let row = try await rows(query).first else { return nil }
        return try row.decode(T?.self)
    }

    /// The first column of every row.
    func values<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) async throws -> [T] {
        try await rows(query).map { try $0.decode(T.self) }
    }

    /// How many rows a statement with `RETURNING` returned: the rows it changed.
    func changes(_ query: PostgresQuery) async throws -> Int {
        try await rows(query).count
    }

    /// The migrations recorded in this database; none when it has no table for them yet.
    func appliedMigrations() async throws -> [String] {
        guard try await value("SELECT to_regclass('lob_migrations') IS NOT NULL", as: Bool.self) == true else {
            return []
        }
        return try await values("SELECT identifier FROM lob_migrations ORDER BY appliedAt, identifier")
    }
}

extension PostgresAddress {
    /// The socket of a local server, where Debian's PostgreSQL keeps it.
    var socketPath: String { "/var/run/postgresql/.s.PGSQL.\(port)" }

    /// The schema as every connection's `search_path`.
    var startupParameters: [(String, String)] {
        schema.map { [("search_path", $0)] } ?? []
    }

    /// `sslmode` as postgres-nio's TLS settings: `prefer` and `allow` try TLS without checking the certificate, as
    /// libpq does; `verify-ca` checks the certificate's chain, `verify-full` also the host name.
    func tls() throws -> (connection: PostgresConnection.Configuration.TLS, client: PostgresClient.Configuration.TLS) {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable: return (.disable, .disable)
        case .allow, .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if let sslRootCertificate {
            configuration.trustRoots = .file(sslRootCertificate)
        }
        let context = try NIOSSLContext(configuration: configuration)
        switch sslMode {
        case .allow, .prefer: return (.prefer(context), .prefer(configuration))
        default: return (.require(context), .require(configuration))
        }
    }
}

extension StoreError {
    /// PostgreSQL's and postgres-nio's errors as the port's: the store never lets them out.
    init(postgres error: any Error, address: PostgresAddress) {
        if let error = error as? PostgresTransactionError,
            let inner = error.closureError ?? error.commitError ?? error.beginError
        {
            self.init(postgres: inner, address: address)
            return
        }
        let server = address.server
        guard let error = error as? PSQLError else {
            self = error is NIOSSLError ? .insecure(server: server) : .unreachable(server: server)
            return
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            switch state {
            case "28P01", "28000": self = .loginRefused(user: address.user, server: server)
            case "3D000": self = .noSuchDatabase(server: server)
            case "40001", "40P01", "55P03", "57014": self = .busy
            case "53100": self = .diskFull
            case "25006": self = .readOnly
            case "42501": self = .cannotOpen(path: server)
            case "57P01", "57P02", "57P03", "53300": self = .unreachable(server: server)
            case "XX001", "XX002": self = .notADatabase(path: server)
            case _ where state.hasPrefix("23"): self = .constraint
            case _ where state.hasPrefix("58"): self = .inputOutput
            default: self = .refused(code: state)
            }
        case .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
            self = .insecure(server: server)
        case .authMechanismRequiresPassword, .saslError, .unsupportedAuthMechanism:
            self = .loginRefused(user: address.user, server: server)
        default:
            self = error.underlying is NIOSSLError ? .insecure(server: server) : .unreachable(server: server)
        }
    }
}
