import LOBCore
import PostgresNIO

extension PostgresStore: LogbookStore {
    public func recordActivity(_ record: ActivityDone.Record) async throws -> Int64? {
        // One statement: the scan is checked and the row written at once.
        try await single { session in
            try await session.value(
                """
                INSERT INTO activityDone (planScanId, competencyId, formId, formName, date, minutes, cents)
                SELECT id, \(record.competency), \(record.formID), \(record.formName), \(record.date.description),
                       \(record.minutes), \(record.cents)
                FROM scan WHERE id = \(record.planScanID) AND finished
                RETURNING id
                """, as: Int64.self)
        }
    }

    public func saveReactions(_ reactions: [(activityID: Int64, reaction: Reaction)]) async throws -> Bool {
        try await write { session in
            // Every activity first (and kept from removal until the end), so that a missing one stores nothing.
            for (id, _) in reactions {
                guard
                    try await session.value("SELECT id FROM activityDone WHERE id = \(id) FOR UPDATE", as: Int64.self)
                        != nil
                else { return false }
            }
            for (id, reaction) in reactions {
                try await session.execute(
                    """
                    UPDATE activityDone SET satisfied = \(reaction.satisfied), usable = \(reaction.usable),
                        remark = \(reaction.remark), reactedOn = \(reaction.date.description)
                    WHERE id = \(id)
                    """)
            }
            return true
        }
    }

    public func removeActivity(id: Int64) async throws -> Bool {
        try await single { session in
            try await session.value("DELETE FROM activityDone WHERE id = \(id) RETURNING id", as: Int64.self) != nil
        }
    }

    public func activities(planScanID: Int64?) async throws -> [ActivityDone] {
        try await read { session in
            try await session.rows(
                """
                SELECT id, planScanId, competencyId, formId, formName, date, minutes, cents,
                       satisfied, usable, remark, reactedOn
                FROM activityDone WHERE \(planScanID)::BIGINT IS NULL OR planScanId = \(planScanID)
                ORDER BY date, id
                """
            ).compactMap { row in
                let (id, scan, competency, form, name, date, minutes, cents, satisfied, usable, remark, reactedOn) =
                    try row.decode(
                        (Int64, Int64, Int?, String, String, String, Int, Int64, Int?, Int?, String?, String?).self)
                return ActivityDone(
                    id: id, planScanID: scan, competency: competency, formID: form, formName: name, date: date,
                    minutes: minutes, cents: cents, satisfied: satisfied, usable: usable, remark: remark,
                    reactedOn: reactedOn)
            }
        }
    }
}

extension PostgresStore {
    public func saveAgreement(_ agreement: Agreement, planScanID: Int64) async throws -> Int64? {
        try await single { session in
            try await session.value(
                """
                INSERT INTO agreement (planScanId, date, text)
                SELECT id, \(agreement.date.description), \(agreement.text) FROM scan WHERE id = \(planScanID) AND finished
                RETURNING id
                """, as: Int64.self)
        }
    }

    public func agreements(planScanID: Int64) async throws -> [Agreement] {
        try await read { session in
            try await session.rows(
                "SELECT date, text FROM agreement WHERE planScanId = \(planScanID) ORDER BY date, id"
            ).compactMap { row in
                let (date, text) = try row.decode((String, String).self)
                return SchoolDate(date).map { Agreement(date: $0, text: text) }
            }
        }
    }

    public func recordTeamActivity(_ record: TeamActivityDone.Record) async throws -> Int64 {
        try await single { session in
            try await session.value(
                """
                INSERT INTO teamActivityDone
                (team, round, goal, competencyId, formId, formName, date, participants, minutes, cents)
                VALUES (\(record.team), \(record.round), \(record.goal), \(record.competency), \(record.formID),
                \(record.formName), \(record.date.description), \(record.participants), \(record.minutes),
                \(record.cents))
                RETURNING id
                """, as: Int64.self)!
        }
    }

    public func teamActivities(team: String?) async throws -> [TeamActivityDone] {
        try await read { session in
            try await session.rows(
                """
                SELECT id, team, round, goal, competencyId, formId, formName, date, participants, minutes, cents
                FROM teamActivityDone WHERE \(team)::text IS NULL OR team = \(team) ORDER BY date, id
                """
            ).map { row in
                let (id, team, round, goal, competency, formID, formName, date, participants, minutes, cents) =
                    try row.decode((Int64, String, String, Int, Int, String, String, String, Int, Int, Int64).self)
                guard let date = SchoolDate(date) else { throw StoreError.corruptScan(id) }
                return TeamActivityDone(
                    id: id,
                    record: .init(
                        team: team, round: round, goal: goal, competency: competency, formID: formID,
                        formName: formName, date: date, participants: participants, minutes: minutes, cents: cents))
            }
        }
    }

    public func removeTeamActivity(id: Int64, team: String) async throws -> Bool {
        try await single { session in
            try await session.changes(
                "DELETE FROM teamActivityDone WHERE id = \(id) AND team = \(team) RETURNING id") > 0
        }
    }
}
