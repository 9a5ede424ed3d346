import GRDB
import LOBCore
import LOBPostgresStore
import Testing

@testable import LOBStore

/// `lob db copy` moves the tables `TableLayout.all` names: each store's schema must have exactly those tables and
/// columns, so that a migration which adds one cannot be forgotten by the copy.
struct TableLayoutTests {
    static func expected(lowercased: Bool) -> [String: [String]] {
        Dictionary(
            uniqueKeysWithValues: TableLayout.all.map { table in
                let name = lowercased ? table.name.lowercased() : table.name
                return (name, table.columns.map { lowercased ? $0.name.lowercased() : $0.name })
            })
    }

    @Test func the_sqlite_schema_is_the_layout() async throws {
        let database = try LOBDatabase.inMemory()
        let schema = try await database.reader.read { db in
            var tables: [String: [String]] = [:]
            for name in try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%'"
            ) {
                tables[name] = try db.columns(in: name).map(\.name)
            }
            return tables
        }
        #expect(schema == Self.expected(lowercased: false))
    }

    @Test(.enabled(if: TestStores.postgresAddress != nil))
    func the_postgresql_schema_is_the_layout() async throws {
        let store = try await TestStores.postgres()
        let rows = try PostgresServerTests.psql(
            """
            SELECT table_name || ' ' || string_agg(column_name, ' ' ORDER BY ordinal_position)
            FROM information_schema.columns WHERE table_schema = '\(store.address.schema!)'
            AND table_name <> 'lob_migrations' GROUP BY table_name
            """)
        let schema = Dictionary(
            uniqueKeysWithValues: rows.map { row in
                let words = row.split(separator: " ").map(String.init)
                return (words[0], Array(words.dropFirst()))
            })
        #expect(schema == Self.expected(lowercased: true))
        await store.close()
    }
}
