import LOBCore
import LOBFormats
import PostgresNIO

/// Every table as it is, for `lob db copy`.
extension PostgresStore: TableArchive {
    public func isEmpty() async throws -> Bool {
        try await read { session in try await Self.isEmpty(session) }
    }

    private static func isEmpty(_ session: Session) async throws -> Bool {
        let anyRows = TableLayout.all.map { "EXISTS (SELECT 1 FROM \($0.name))" }.joined(separator: " OR ")
        return try await session.value(PostgresQuery(unsafeSQL: "SELECT NOT (\(anyRows))"), as: Bool.self) ?? false
    }

    public func rows(of table: TableLayout) async throws -> [[ArchivedValue]] {
        // Every value as text (booleans as 0 and 1), then typed by the layout: one decoder for every table.
        let columns = table.columns.map { column in
            column.kind == .boolean ? "(\(column.name))::int::text" : "(\(column.name))::text"
        }
        let query = PostgresQuery(unsafeSQL: "SELECT \(columns.joined(separator: ", ")) FROM \(table.name)")
        return try await read { session in
            try await session.rows(query).map { row in
                try row.makeRandomAccess().enumerated().map { index, cell in
                    guard let text = try cell.decode(String?.self) else { return ArchivedValue.null }
                    guard table.columns[index].kind != .text else { return .text(text) }
                    guard let number = Int64(text) else { throw StoreError.refused(code: "22P02") }
                    return .integer(number)
                }
            }
        }
    }

    public func restore(_ tables: [(layout: TableLayout, rows: [[ArchivedValue]])]) async throws {
        let address = address
        try await write { session in
            guard try await Self.isEmpty(session) else { throw StoreError.notEmpty(address.server) }
            for (layout, rows) in tables where !rows.isEmpty {
                // One INSERT per table and column arrays (unnest): a board's hundreds of thousands of scores. An array
                // holds no NULL here, so each column carries a second one that says which values are missing.
                var bindings = PostgresBindings()
                var arrays: [String] = []
                var selects: [String] = []
                for (index, column) in layout.columns.enumerated() {
                    let present = rows.map { $0[index] != .null }
                    switch column.kind {
                    case .text:
                        let texts: [String] = rows.map { if case .text(let text) = $0[index] { text } else { "" } }
                        bindings.append(texts)
                        arrays.append("$\(bindings.count)::text[]")
                    case .integer, .boolean:
                        let numbers: [Int64] = rows.map {
                            if case .integer(let number) = $0[index] { number } else { 0 }
                        }
                        bindings.append(numbers)
                        arrays.append("$\(bindings.count)::bigint[]")
                    }
                    bindings.append(present)
                    arrays.append("$\(bindings.count)::boolean[]")
                    let value = column.kind == .boolean ? "(c\(index) <> 0)" : "c\(index)"
                    selects.append("CASE WHEN p\(index) THEN \(value) END")
                }
                let names = layout.columns.indices.flatMap { ["c\($0)", "p\($0)"] }
                try await session.execute(
                    PostgresQuery(
                        unsafeSQL: """
                            INSERT INTO \(layout.name) (\(layout.columns.map(\.name).joined(separator: ", ")))
                            SELECT \(selects.joined(separator: ", "))
                            FROM unnest(\(arrays.joined(separator: ", "))) AS r (\(names.joined(separator: ", ")))
                            """, binds: bindings))
                // The identity columns go on after the highest id copied, as SQLite's AUTOINCREMENT does.
                if layout.columns.first?.name == "id" && layout.columns.first?.kind == .integer {
                    try await session.execute(
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT setval(pg_get_serial_sequence('\(layout.name.lowercased())', 'id'), max(id))
                                FROM \(layout.name)
                                """))
                }
            }
        }
    }
}
