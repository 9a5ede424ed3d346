import Foundation
import LOBCore
import LOBFormats
import LOBMemoryStore
import LOBPostgresStore
import LOBStore
import Testing

/// Every store the contract suites run against, by name: each test gets a new, empty one. PostgreSQL joins when
/// `LOB_TEST_POSTGRES` names a server (`.ci/run` starts one and sets it); each test then works in a schema of its
/// own, so that tests running side by side never see each other's rows.
enum TestStores {
    typealias Store = any ScanStore & TeamStore & SchoolStore & FeedbackStore & InvitationStore & LogbookStore
        & EvaluationStore

    static let postgresAddress = ProcessInfo.processInfo.environment["LOB_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }

    static let names: [String] = ["SQLite in memory", "in memory"] + (postgresAddress == nil ? [] : ["PostgreSQL"])

    static func make(_ name: String) async throws -> Store {
        switch name {
        case "in memory": MemoryStore()
        case "PostgreSQL": try await postgres()
        default: try LOBDatabase.inMemory()
        }
    }

    /// A migrated, empty schema of the test server; a small pool, since many tests run at once.
    static func postgres() async throws -> PostgresStore {
        var address = try PostgresAddress(try #require(postgresAddress))
        address.schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return try await PostgresStore.open(address, schema: .migrate, maximumConnections: 2)
    }
}

struct TestStoresTests {
    /// `.ci/run` starts a PostgreSQL server for these suites and requires it: there, a missing address is a broken
    /// CI, not a skipped store.
    @Test func postgresql_is_among_the_stores_when_required() {
        if ProcessInfo.processInfo.environment["LOB_REQUIRE_POSTGRES"] != nil {
            #expect(TestStores.names.contains("PostgreSQL"))
        }
    }
}
