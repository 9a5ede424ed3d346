import Crypto
import Foundation
import LOBCore

/// What `lob db copy` found of one table: its rows on each side, and a digest of them.
public struct CopiedTable: Sendable, Hashable {
    public let name: String
    public let rows: Int
    /// SHA-256 of the table's rows, sorted, on each side.
    public let sourceDigest: String
    public let targetDigest: String
    public let targetRows: Int

    public var isEqual: Bool { rows == targetRows && sourceDigest == targetDigest }
}

extension LOBApp {
    /// Copies every table of one database into another, empty one (a school's SQLite file to its board's PostgreSQL
    /// server, or back), in one transaction on the target; then reads both again and compares each table's rows and
    /// digest. The source is only read; a target that holds data (`targetName` in the refusal) is not written.
    public static func copyDatabase(
        from source: any TableArchive, to target: any TableArchive, targetName: String
    ) async throws -> [CopiedTable] {
        guard try await target.isEmpty() else { throw StoreError.notEmpty(targetName) }
        var tables: [(layout: TableLayout, rows: [[ArchivedValue]])] = []
        for layout in TableLayout.all {
            tables.append((layout, try await source.rows(of: layout)))
        }
        try await target.restore(tables)
        var copied: [CopiedTable] = []
        for (layout, rows) in tables {
            let written = try await target.rows(of: layout)
            copied.append(
                CopiedTable(
                    name: layout.name, rows: rows.count, sourceDigest: digest(rows), targetDigest: digest(written),
                    targetRows: written.count))
        }
        return copied
    }

    /// A digest of a table that does not depend on the order the database returns its rows in: each row in one
    /// unambiguous line (a type letter and the length before each text), the lines sorted.
    static func digest(_ rows: [[ArchivedValue]]) -> String {
        let lines = rows.map { row in
            row.map { value in
                switch value {
                case .null: "n"
                case .integer(let number): "i\(number)"
                case .text(let text): "t\(text.utf8.count):\(text)"
                }
            }.joined(separator: "|")
        }.sorted()
        var hash = SHA256()
        for line in lines { hash.update(data: Data((line + "\n").utf8)) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
