import GRDB
import LOBCore

/// Every table as it is, for `lob db copy`.
extension LOBDatabase: TableArchive {
    public func isEmpty() async throws -> Bool {
        try await read { db in try Self.isEmpty(db) }
    }

    private static func isEmpty(_ db: Database) throws -> Bool {
        try TableLayout.all.allSatisfy { table in
            try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(table.name))") ?? true
        }
    }

    public func rows(of table: TableLayout) async throws -> [[ArchivedValue]] {
        let columns = table.columns.map(\.name).joined(separator: ", ")
        return try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table.name)").map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .int64(let number): .integer(number)
                    case .string(let text): .text(text)
                    case .double(let number): .integer(Int64(number))
                    case .blob(let data): .text(String(decoding: data, as: UTF8.self))
                    case .null: .null
                    }
                }
            }
        }
    }

    public func restore(_ tables: [(layout: TableLayout, rows: [[ArchivedValue]])]) async throws {
        let path = reader.path
        try await write { db in
            guard try Self.isEmpty(db) else { throw StoreError.notEmpty(path) }
            for (layout, rows) in tables {
                // A response gets a random rowid here too: the order of the rows says nothing about who answered when.
                let shuffled = layout.name == "feedbackResponse"
                let columns = (shuffled ? ["rowid"] : []) + layout.columns.map(\.name)
                let placeholders =
                    (shuffled ? ["abs(random() % 9000000000000000000) + 1"] : [])
                    + layout.columns.map { _ in "?" }
                let statement = try db.makeStatement(
                    sql: """
                        INSERT INTO \(layout.name) (\(columns.joined(separator: ", ")))
                        VALUES (\(placeholders.joined(separator: ", ")))
                        """)
                for row in rows {
                    try statement.execute(
                        arguments: StatementArguments(
                            row.map { value -> DatabaseValue in
                                switch value {
                                case .null: .null
                                case .integer(let number): number.databaseValue
                                case .text(let text): text.databaseValue
                                }
                            }))
                }
            }
        }
    }
}
