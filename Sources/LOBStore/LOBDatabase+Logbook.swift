import GRDB
import LOBCore

extension LOBDatabase: LogbookStore {
    public func recordActivity(_ record: ActivityDone.Record) async throws -> Int64? {
        try await write { db in
            guard
                try Bool.fetchOne(db, sql: "SELECT finished FROM scan WHERE id = ?", arguments: [record.planScanID])
                    == true
            else { return nil }
            try db.execute(
                sql: """
                    INSERT INTO activityDone (planScanId, competencyId, formId, formName, date, minutes, cents)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.planScanID, record.competency, record.formID, record.formName, record.date.description,
                    record.minutes, record.cents,
                ])
            return db.lastInsertedRowID
        }
    }

    public func saveReactions(_ reactions: [(activityID: Int64, reaction: Reaction)]) async throws -> Bool {
        try await write { db in
            // Every activity first, so that a missing one stores nothing.
            for (id, _) in reactions {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM activityDone WHERE id = ?", arguments: [id]) != nil
                else { return false }
            }
            for (id, reaction) in reactions {
                try db.execute(
                    sql: "UPDATE activityDone SET satisfied = ?, usable = ?, remark = ?, reactedOn = ? WHERE id = ?",
                    arguments: [reaction.satisfied, reaction.usable, reaction.remark, reaction.date.description, id])
            }
            return true
        }
    }

    public func removeActivity(id: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM activityDone WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func activities(planScanID: Int64?) async throws -> [ActivityDone] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, planScanId, competencyId, formId, formName, date, minutes, cents,
                           satisfied, usable, remark, reactedOn
                    FROM activityDone WHERE ? IS NULL OR planScanId = ? ORDER BY date, id
                    """, arguments: [planScanID, planScanID]
            ).compactMap { row in
                ActivityDone(
                    id: row["id"], planScanID: row["planScanId"], competency: row["competencyId"],
                    formID: row["formId"], formName: row["formName"], date: row["date"], minutes: row["minutes"],
                    cents: row["cents"], satisfied: row["satisfied"], usable: row["usable"], remark: row["remark"],
                    reactedOn: row["reactedOn"])
            }
        }
    }
}

extension LOBDatabase {
    public func saveAgreement(_ agreement: Agreement, planScanID: Int64) async throws -> Int64? {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT finished FROM scan WHERE id = ?", arguments: [planScanID]) == true
            else { return nil }
            try db.execute(
                sql: "INSERT INTO agreement (planScanId, date, text) VALUES (?, ?, ?)",
                arguments: [planScanID, agreement.date.description, agreement.text])
            return db.lastInsertedRowID
        }
    }

    public func agreements(planScanID: Int64) async throws -> [Agreement] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT date, text FROM agreement WHERE planScanId = ? ORDER BY date, id",
                arguments: [planScanID]
            ).compactMap { row in SchoolDate(row["date"]).map { Agreement(date: $0, text: row["text"]) } }
        }
    }

    public func recordTeamActivity(_ record: TeamActivityDone.Record) async throws -> Int64 {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO teamActivityDone
                    (team, round, goal, competencyId, formId, formName, date, participants, minutes, cents)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.team, record.round, record.goal, record.competency, record.formID, record.formName,
                    record.date.description, record.participants, record.minutes, record.cents,
                ])
            return db.lastInsertedRowID
        }
    }

    public func teamActivities(team: String?) async throws -> [TeamActivityDone] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM teamActivityDone WHERE ? IS NULL OR team = ? ORDER BY date, id",
                arguments: [team, team]
            ).map { row in
                guard let date = SchoolDate(row["date"]) else { throw StoreError.corruptScan(row["id"]) }
                return TeamActivityDone(
                    id: row["id"],
                    record: .init(
                        team: row["team"], round: row["round"], goal: row["goal"], competency: row["competencyId"],
                        formID: row["formId"], formName: row["formName"], date: date,
                        participants: row["participants"], minutes: row["minutes"], cents: row["cents"]))
            }
        }
    }

    public func removeTeamActivity(id: Int64, team: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM teamActivityDone WHERE id = ? AND team = ?", arguments: [id, team])
            return db.changesCount > 0
        }
    }
}
