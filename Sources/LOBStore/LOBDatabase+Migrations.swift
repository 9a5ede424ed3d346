import GRDB

extension LOBDatabase {
    /// Named migrations, in order. A shipped migration is never edited: a change is a new migration.
    /// They use literal table and column names, never app types.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1: scans and answers") { db in
            try db.create(table: "scan") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("teacher", .text).notNull()
                t.column("team", .text)
                t.column("profileId", .text).notNull()
                // The profile as it was when the scan was stored (JSON), so old reports stay as they were.
                t.column("profileSnapshot", .text).notNull()
                t.column("date", .text).notNull()
                    .check(sql: "date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'")
                t.column("consent", .text).notNull().check(sql: "consent IN ('prive', 'anoniem', 'metNaam')")
                t.column("portraitPosition", .integer).check(sql: "portraitPosition BETWEEN 0 AND 10")
                t.column("chosenPreference", .text)
                t.column("suggestedPreference", .text)
            }
            try db.create(table: "answer") { t in
                t.belongsTo("scan", onDelete: .cascade).notNull()
                t.column("behaviourId", .text).notNull()
                t.column("competencyId", .integer).notNull().check(sql: "competencyId BETWEEN 1 AND 7")
                t.column("position", .integer).notNull()
                // The bounds of Scale.standard; NULL is "niet beantwoord".
                t.column("score", .integer).check(sql: "score BETWEEN 1 AND 4")
                t.column("note", .text)
                t.primaryKey(["scanId", "behaviourId"])
            }
            try db.create(table: "preferenceAnswer") { t in
                t.belongsTo("scan", onDelete: .cascade).notNull()
                t.column("statementId", .text).notNull()
                t.column("level", .integer).notNull().check(sql: "level BETWEEN 1 AND 4")
                t.primaryKey(["scanId", "statementId"])
            }
        }
        // A scan made in the terminal UI is stored answer by answer and is unfinished until its summary is shown;
        // scans stored before this migration were complete.
        migrator.registerMigration("v2: unfinished scans") { db in
            try db.alter(table: "scan") { t in
                t.add(column: "finished", .boolean).notNull().defaults(to: true)
            }
        }
        return migrator
    }
}
