import Foundation
import GRDB
import LOBCore

extension LOBDatabase: TeamStore {
    /// A teacher's pseudonym within a team: how the store recognises his next scan without keeping the name of
    /// someone who shared anonymously. Not a secret: whoever knows the team's names can recompute it (docs/team.md).
    public static func teacherKey(team: String, teacher: String) -> String {
        Fingerprint.fnv1a("\(team.lowercased())\u{1}\(teacher.trimmingCharacters(in: .whitespaces).lowercased())")
    }

    // MARK: - Writes

    public func importScans(_ scans: [TeamMemberScan], team: String, round: String) throws -> [TeamImportOutcome] {
        let shared = scans.filter { $0.consent != .prive }
        guard let lastDate = shared.map(\.date).max() else { return scans.map { _ in .skippedPrivate } }
        // Prepare each distinct profile once, before the transaction: a board's thousands of scans share a handful.
        var profiles: [Profile: (hash: String, json: String, rows: [(id: String, competency: Int, target: Int, weight: Double)])] = [:]
        for scan in shared where profiles[scan.profile] == nil {
            let json = try Self.encode(scan.profile)
            profiles[scan.profile] = (Fingerprint.fnv1a(json), json, scan.profile.scoredBehaviours(in: .standard).map {
                ($0.id, $0.competency, scan.profile.target(for: $0), scan.profile.weight(for: $0.competency))
            })
        }
        return try write { db in
            let teamID = try Self.teamID(team, in: db, create: true)!
            try db.execute(sql: """
                INSERT INTO teamRound (teamId, label, lastDate) VALUES (?, ?, ?)
                ON CONFLICT (teamId, label) DO UPDATE SET lastDate = max(lastDate, excluded.lastDate)
                """, arguments: [teamID, round, lastDate.description])
            let roundID = try Int64.fetchOne(db, sql: "SELECT id FROM teamRound WHERE teamId = ? AND label = ?", arguments: [teamID, round])!

            let known = try db.cachedStatement(sql: "SELECT 1 FROM teamScan WHERE teamRoundId = ? AND fingerprint = ?")
            let current = try db.cachedStatement(sql: "SELECT id, date FROM teamScan WHERE teamRoundId = ? AND teacherKey = ? AND current")
            let demote = try db.cachedStatement(sql: "UPDATE teamScan SET current = 0 WHERE id = ?")
            let insertScan = try db.cachedStatement(sql: """
                INSERT INTO teamScan (teamRoundId, teacherKey, teacher, teamProfileId, date, consent, learningPreference, fingerprint, current)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertScore = try db.cachedStatement(sql: """
                INSERT INTO teamScore (teamScanId, behaviourId, competencyId, score, target, weight) VALUES (?, ?, ?, ?, ?, ?)
                """)

            var profileIDs: [String: Int64] = [:]
            return try scans.map { scan -> TeamImportOutcome in
                guard scan.consent != .prive else { return .skippedPrivate }
                if try Bool.fetchOne(known, arguments: [roundID, scan.fingerprint]) != nil { return .unchanged }

                let prepared = profiles[scan.profile]!
                let profileID: Int64
                if let id = profileIDs[prepared.hash] {
                    profileID = id
                } else {
                    try db.execute(sql: """
                        INSERT INTO teamProfile (hash, profileId, snapshot) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING
                        """, arguments: [prepared.hash, scan.profile.id, prepared.json])
                    profileID = try Int64.fetchOne(db, sql: "SELECT id FROM teamProfile WHERE hash = ?", arguments: [prepared.hash])!
                    profileIDs[prepared.hash] = profileID
                }

                let key = Self.teacherKey(team: team, teacher: scan.teacher)
                let outcome: TeamImportOutcome
                if let row = try Row.fetchOne(current, arguments: [roundID, key]) {
                    let date: String = row["date"]
                    // Same day: the later import is the corrected one.
                    if date <= scan.date.description {
                        try demote.execute(arguments: [row["id"] as Int64])
                        outcome = .replaced
                    } else {
                        outcome = .history
                    }
                } else {
                    outcome = .added
                }
                try insertScan.execute(arguments: [
                    roundID, key, scan.consent == .metNaam ? scan.teacher : nil, profileID, scan.date.description,
                    scan.consent.rawValue, scan.learningPreference?.rawValue, scan.fingerprint, outcome != .history,
                ])
                let scanID = db.lastInsertedRowID
                for behaviour in prepared.rows {
                    guard let score = scan.scores[behaviour.id] else { continue }
                    try insertScore.execute(arguments: [scanID, behaviour.id, behaviour.competency, score, behaviour.target, behaviour.weight])
                }
                return outcome
            }
        }
    }

    public func removeMember(team: String, teacher: String) throws -> Int {
        try write { db in
            guard let teamID = try Self.teamID(team, in: db, create: false) else { throw StoreError.noSuchTeam(team) }
            try db.execute(sql: """
                DELETE FROM teamScan WHERE teacherKey = ? AND teamRoundId IN (SELECT id FROM teamRound WHERE teamId = ?)
                """, arguments: [Self.teacherKey(team: team, teacher: teacher), teamID])
            return db.changesCount
        }
    }

    public func setPrivacyThreshold(team: String, threshold: Int) throws {
        guard threshold >= TeamAnalysis.minimumThreshold else { throw StoreError.thresholdTooLow(threshold) }
        try write { db in
            guard let teamID = try Self.teamID(team, in: db, create: false) else { throw StoreError.noSuchTeam(team) }
            try db.execute(sql: "UPDATE team SET privacyThreshold = ? WHERE id = ?", arguments: [threshold, teamID])
        }
    }

    // MARK: - Reads

    public func teams() throws -> [TeamSummary] {
        try read { db in try Self.summaries(named: nil, in: db) }
    }

    public func team(_ name: String) throws -> TeamSummary? {
        try read { db in try Self.summaries(named: name, in: db).first }
    }

    /// Every team, or the one named, with its member count and rounds.
    private static func summaries(named name: String?, in db: Database) throws -> [TeamSummary] {
        try Row.fetchAll(db, sql: """
            SELECT team.id, team.name, team.privacyThreshold,
                   (SELECT COUNT(DISTINCT s.teacherKey) FROM teamScan s JOIN teamRound r ON r.id = s.teamRoundId
                    WHERE r.teamId = team.id AND s.current) AS members
            FROM team \(name == nil ? "" : "WHERE team.name = ?") ORDER BY team.name
            """, arguments: StatementArguments(name.map { [$0] } ?? [])).map { row in
            TeamSummary(name: row["name"], privacyThreshold: row["privacyThreshold"], members: row["members"],
                        rounds: try rounds(teamID: row["id"], in: db))
        }
    }

    public func rounds(team: String) throws -> [String] {
        try read { db in
            guard let teamID = try Self.teamID(team, in: db, create: false) else { throw StoreError.noSuchTeam(team) }
            return try Self.rounds(teamID: teamID, in: db)
        }
    }

    public func members(team: String) throws -> [TeamMember] {
        try read { db in
            guard let teamID = try Self.teamID(team, in: db, create: false) else { throw StoreError.noSuchTeam(team) }
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.teacherKey, s.teacher, s.consent, r.label
                FROM teamScan s JOIN teamRound r ON r.id = s.teamRoundId
                WHERE r.teamId = ? AND s.current
                ORDER BY r.lastDate, r.id, s.date, s.id
                """, arguments: [teamID])
            var order: [String] = []
            var latest: [String: (teacher: String?, consent: String, rounds: [String])] = [:]
            for row in rows {
                let key: String = row["teacherKey"]
                if latest[key] == nil { order.append(key) }
                let label: String = row["label"]
                // Rows come oldest first, so the last one read is the latest scan and its consent counts.
                latest[key] = (row["teacher"], row["consent"], (latest[key]?.rounds ?? []) + [label])
            }
            return order.map { key in
                let member = latest[key]!
                let consent = Consent(rawValue: member.consent) ?? .anoniem
                return TeamMember(teacher: consent == .metNaam ? member.teacher : nil, consent: consent, rounds: member.rounds)
            }
        }
    }

    public func currentScans(team: String, round: String) throws -> [TeamMemberScan] {
        try read { db in
            guard let teamID = try Self.teamID(team, in: db, create: false) else { throw StoreError.noSuchTeam(team) }
            guard let roundID = try Int64.fetchOne(db, sql: "SELECT id FROM teamRound WHERE teamId = ? AND label = ?",
                                                   arguments: [teamID, round]) else { throw StoreError.noSuchRound(team: team, round: round) }
            let scanRows = try Row.fetchAll(db, sql: """
                SELECT id, teacherKey, teacher, teamProfileId, date, consent, learningPreference, fingerprint
                FROM teamScan WHERE teamRoundId = ? AND current ORDER BY id
                """, arguments: [roundID])
            var scores: [Int64: [Behaviour.ID: Int]] = [:]
            let scoreRows = try Row.fetchCursor(db, sql: """
                SELECT c.teamScanId, c.behaviourId, c.score FROM teamScore c JOIN teamScan s ON s.id = c.teamScanId
                WHERE s.teamRoundId = ? AND s.current
                """, arguments: [roundID])
            while let row = try scoreRows.next() {
                scores[row[0], default: [:]][row[1]] = row[2]
            }
            var profiles: [Int64: Profile] = [:]
            return try scanRows.map { row in
                let id: Int64 = row["id"]
                let profileID: Int64 = row["teamProfileId"]
                if profiles[profileID] == nil {
                    let snapshot = try String.fetchOne(db, sql: "SELECT snapshot FROM teamProfile WHERE id = ?", arguments: [profileID]) ?? ""
                    guard let profile = try? JSONDecoder().decode(Profile.self, from: Data(snapshot.utf8)) else {
                        throw StoreError.corruptSnapshot(scanID: id)
                    }
                    profiles[profileID] = profile
                }
                guard let date = SchoolDate(row["date"]), let consent = Consent(rawValue: row["consent"]) else {
                    throw StoreError.corruptSnapshot(scanID: id)
                }
                let name: String? = row["teacher"]
                return TeamMemberScan(
                    teacher: consent == .metNaam ? name ?? row["teacherKey"] : row["teacherKey"], consent: consent,
                    learningPreference: (row["learningPreference"] as String?).flatMap(LearningPreference.init(rawValue:)),
                    date: date, profile: profiles[profileID]!, scores: scores[id] ?? [:], fingerprint: row["fingerprint"])
            }
        }
    }

    public func boardCounts(round: String?) throws -> [TeamBehaviourCounts] {
        try read { db in
            try Row.fetchAll(db, sql: Self.boardQuery(round: round != nil), arguments: round.map { [$0] } ?? []).map { row in
                TeamBehaviourCounts(
                    team: row["team"], privacyThreshold: row["privacyThreshold"], round: row["round"],
                    behaviour: row["behaviourId"], competency: row["competencyId"], n: row["n"], sum: row["total"],
                    distribution: [row["l1"], row["l2"], row["l3"], row["l4"]], atOrAboveTarget: row["atOrAbove"])
            }
        }
    }

    /// The board-wide aggregate in one query; `Benchmarks/board.sh` runs the same text in the `sqlite3` shell.
    /// Without a round, each team's latest round (by its latest scan date, then by creation). CROSS JOIN fixes the
    /// join order (rounds, then their current scans, then their scores by primary key), so the plan does not depend
    /// on statistics: without them SQLite would scan every score of every round.
    public static func boardQuery(round: Bool) -> String {
        let rounds = round
            ? "SELECT id, teamId, label FROM teamRound WHERE label = ?"
            : """
              SELECT r.id, r.teamId, r.label FROM teamRound r WHERE NOT EXISTS (
                SELECT 1 FROM teamRound o WHERE o.teamId = r.teamId AND (o.lastDate > r.lastDate OR (o.lastDate = r.lastDate AND o.id > r.id)))
              """
        return """
            WITH chosen AS MATERIALIZED (\(rounds))
            SELECT t.name AS team, t.privacyThreshold, chosen.label AS round, c.behaviourId, c.competencyId,
                   COUNT(*) AS n, SUM(c.score) AS total,
                   SUM(c.score = 1) AS l1, SUM(c.score = 2) AS l2, SUM(c.score = 3) AS l3, SUM(c.score = 4) AS l4,
                   SUM(c.score >= c.target) AS atOrAbove
            FROM chosen
            CROSS JOIN teamScan s ON s.teamRoundId = chosen.id AND s.current
            CROSS JOIN teamScore c ON c.teamScanId = s.id
            JOIN team t ON t.id = chosen.teamId
            GROUP BY t.id, c.behaviourId
            ORDER BY t.name, c.competencyId, c.behaviourId
            """
    }

    // MARK: - Helpers

    private static func teamID(_ name: String, in db: Database, create: Bool) throws -> Int64? {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM team WHERE name = ?", arguments: [name]) { return id }
        guard create else { return nil }
        try db.execute(sql: "INSERT INTO team (name) VALUES (?)", arguments: [name])
        return db.lastInsertedRowID
    }

    private static func rounds(teamID: Int64, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT label FROM teamRound WHERE teamId = ? ORDER BY lastDate, id", arguments: [teamID])
    }
}
