import Foundation
import GRDB
import GRDBSQLite
import LOBCore

extension LOBDatabase: TeamStore {
    // MARK: - Writes

    /// A distinct profile of an import, with what is stored of it.
    struct PreparedProfile {
        let hash: String
        let json: String
        let rows: [(id: String, competency: Int, target: Int)]
    }

    /// One multi-row INSERT of a scan's scores, its values bound straight to SQLite (GRDB's raw statement pointer):
    /// a board imports hundreds of thousands of scores, and boxing each value as a `DatabaseValue` in
    /// `StatementArguments` cost more than storing it.
    static func insertScores(
        _ answered: [(row: (id: String, competency: Int, target: Int), score: Int)], scanID: Int64, in db: Database
    ) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO teamScore (teamScanId, behaviourId, competencyId, score, target) VALUES "
                + repeatElement("(?, ?, ?, ?, ?)", count: answered.count).joined(separator: ", "))
        // Resets the statement and marks it bound; the values follow through the C interface.
        statement.setUncheckedArguments(StatementArguments())
        let raw = statement.sqliteStatement
        var index: Int32 = 1
        for (row, score) in answered {
            sqlite3_bind_int64(raw, index, scanID)
            // SQLITE_TRANSIENT: SQLite copies the text before the Swift string goes away.
            _ = row.id.withCString { sqlite3_bind_text(raw, index + 1, $0, -1, transient) }
            sqlite3_bind_int64(raw, index + 2, Int64(row.competency))
            sqlite3_bind_int64(raw, index + 3, Int64(score))
            sqlite3_bind_int64(raw, index + 4, Int64(row.target))
            index += 5
        }
        try statement.execute()
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Imports a batch as `TeamImport` decides, inside one transaction: what the team keeps of the batch's teachers is
    /// loaded, the plan is made in the core, and its changes are stored here.
    public func importScans(_ scans: [TeamMemberScan], team: String, round: String) async throws -> [TeamImportOutcome]
    {
        let lastDate = scans.filter { $0.consent != .prive }.map(\.date).max()
        // Prepare each distinct profile once, before the transaction: a board's thousands of scans share a handful.
        var profiles = PerProfile<PreparedProfile>()
        var preparedOf = [Int](repeating: -1, count: scans.count)
        for (index, scan) in scans.enumerated() where scan.consent != .prive {
            preparedOf[index] = try profiles.index(of: scan.profile) { profile in
                let json = try Self.encode(profile)
                return PreparedProfile(
                    hash: Fingerprint.fnv1a(json), json: json,
                    rows: profile.scoredBehaviours(in: catalogue).map {
                        ($0.id, $0.competency, profile.target(for: $0))
                    })
            }
        }
        let prepared = profiles.values
        let preparedIndex = preparedOf
        let keys = scans.map { PrivacyRule.pseudonym(team: team, teacher: $0.teacher) }
        return try await write { db in
            guard let teamID = try Self.teamID(team, in: db, create: lastDate != nil) else {
                return scans.map { _ in .skippedPrivate }
            }
            var roundID: Int64?
            if let lastDate {
                try db.execute(
                    sql: """
                        INSERT INTO teamRound (teamId, label, lastDate) VALUES (?, ?, ?)
                        ON CONFLICT (teamId, label) DO UPDATE SET lastDate = max(lastDate, excluded.lastDate)
                        """, arguments: [teamID, round, lastDate.description])
                roundID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM teamRound WHERE teamId = ? AND label = ?", arguments: [teamID, round])
            }
            let state = try Self.importState(keys: Set(keys), teamID: teamID, roundID: roundID, in: db)
            let plan = TeamImport.plan(scans, keys: keys, state: state)
            // Whether a change reached other rounds than this one (a withdrawal, a name removed from earlier scans).
            var otherRounds = false
            var profileIDs: [String: Int64] = [:]
            for change in plan.changes {
                switch change {
                case .withdraw(let key, let date):
                    try Self.deleteScans(teamID: teamID, key: key, in: db)
                    try db.execute(
                        sql: """
                            INSERT INTO teamWithdrawal (teamId, teacherKey, date) VALUES (?, ?, ?)
                            ON CONFLICT (teamId, teacherKey) DO UPDATE SET date = max(date, excluded.date)
                            """, arguments: [teamID, key, date.description])
                    otherRounds = true
                case .anonymise(let key):
                    try db.execute(
                        sql: """
                            UPDATE teamScan SET teacher = NULL, consent = 'anoniem'
                            WHERE teacherKey = ? AND teamRoundId IN (SELECT id FROM teamRound WHERE teamId = ?)
                            AND (teacher IS NOT NULL OR consent <> 'anoniem')
                            """, arguments: [key, teamID])
                    if db.changesCount > 0 { otherRounds = true }
                case .add(let index, let key, let current, let replacing):
                    guard let roundID else { continue }
                    let scan = scans[index]
                    let prepared = prepared[preparedIndex[index]]
                    let profileID =
                        try profileIDs[prepared.hash] ?? Self.storeProfile(prepared, id: scan.profile.id, in: db)
                    profileIDs[prepared.hash] = profileID
                    if replacing {
                        try db.execute(
                            sql: "UPDATE teamScan SET current = 0 WHERE teamRoundId = ? AND teacherKey = ? AND current",
                            arguments: [roundID, key])
                    }
                    try Self.insertScan(
                        scan, key: key, current: current, roundID: roundID, profileID: profileID, in: db)
                    // One INSERT of all the scan's scores.
                    let answered = prepared.rows.compactMap { row in scan.scores[row.id].map { (row, $0) } }
                    if !answered.isEmpty {
                        try Self.insertScores(answered, scanID: db.lastInsertedRowID, in: db)
                    }
                }
            }
            try Self.updateReleases(teamID: teamID, onlyRound: otherRounds ? nil : roundID, in: db)
            return plan.outcomes
        }
    }

    /// What the team keeps of these teachers (`TeamImport.State`): their newest scan in the team, their withdrawal,
    /// and their current scan and fingerprints in the round.
    private static func importState(
        keys: Set<String>, teamID: Int64, roundID: Int64?, in db: Database
    ) throws
        -> TeamImport.State
    {
        var state = TeamImport.State()
        func teacher(_ key: String) -> TeamImport.Teacher? { keys.contains(key) ? state[key] ?? .init() : nil }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT s.teacherKey, max(s.date) AS latest FROM teamScan s JOIN teamRound r ON r.id = s.teamRoundId
                WHERE r.teamId = ? GROUP BY s.teacherKey
                """, arguments: [teamID])
        {
            let key: String = row["teacherKey"]
            guard var known = teacher(key) else { continue }
            known.latest = SchoolDate(row["latest"])
            state[key] = known
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT teacherKey, date FROM teamWithdrawal WHERE teamId = ?", arguments: [teamID])
        {
            let key: String = row["teacherKey"]
            guard var known = teacher(key) else { continue }
            known.withdrawn = SchoolDate(row["date"])
            state[key] = known
        }
        guard let roundID else { return state }
        for row in try Row.fetchAll(
            db, sql: "SELECT teacherKey, date, fingerprint, current FROM teamScan WHERE teamRoundId = ?",
            arguments: [roundID])
        {
            let key: String = row["teacherKey"]
            guard var known = teacher(key) else { continue }
            known.fingerprints.insert(row["fingerprint"])
            if row["current"] as Bool { known.current = SchoolDate(row["date"]) }
            state[key] = known
        }
        return state
    }

    /// The stored snapshot of a profile (stored once by its hash); its id.
    private static func storeProfile(_ prepared: PreparedProfile, id: String, in db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO teamProfile (hash, profileId, snapshot) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING",
            arguments: [prepared.hash, id, prepared.json])
        return try Int64.fetchOne(db, sql: "SELECT id FROM teamProfile WHERE hash = ?", arguments: [prepared.hash])!
    }

    private static func insertScan(
        _ scan: TeamMemberScan, key: String, current: Bool, roundID: Int64, profileID: Int64, in db: Database
    ) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO teamScan (teamRoundId, teacherKey, teacher, teamProfileId, date, consent, learningPreference, fingerprint, current)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            roundID, key, scan.consent == .metNaam ? scan.teacher : nil, profileID, scan.date.description,
            scan.consent.rawValue, scan.learningPreference?.rawValue, scan.fingerprint, current,
        ])
    }

    public func removeMember(team: String, teacher: String) async throws -> Int {
        try await write { db in
            guard let teamID = try Self.teamID(team, in: db, create: false) else { return 0 }
            let count = try Self.deleteScans(
                teamID: teamID, key: PrivacyRule.pseudonym(team: team, teacher: teacher), in: db)
            try Self.updateReleases(teamID: teamID, in: db)
            return count
        }
    }

    public func removeScans(team: String, round: String, teacher: String) async throws -> Int {
        try await write { db in
            guard let teamID = try Self.teamID(team, in: db, create: false) else { return 0 }
            try db.execute(
                sql: """
                    DELETE FROM teamScan WHERE teacherKey = ?
                    AND teamRoundId IN (SELECT id FROM teamRound WHERE teamId = ? AND label = ?)
                    """, arguments: [PrivacyRule.pseudonym(team: team, teacher: teacher), teamID, round])
            let count = db.changesCount
            try Self.updateReleases(teamID: teamID, in: db)
            return count
        }
    }

    /// Deletes every scan of a teacher in a team, history included; returns how many.
    @discardableResult
    private static func deleteScans(teamID: Int64, key: String, in db: Database) throws -> Int {
        try db.execute(
            sql: """
                DELETE FROM teamScan WHERE teacherKey = ? AND teamRoundId IN (SELECT id FROM teamRound WHERE teamId = ?)
                """, arguments: [key, teamID])
        return db.changesCount
    }

    /// After any change to a team: decides again, for every round, which anonymous scans its figures may count
    /// (`PrivacyRule.release`), checked against every earlier moment of the round, and keeps the decision when it
    /// differs from the last one.
    /// `onlyRound` limits it to the one round a change touched.
    static func updateReleases(teamID: Int64, onlyRound: Int64? = nil, in db: Database) throws {
        let threshold =
            try Int.fetchOne(db, sql: "SELECT privacyThreshold FROM team WHERE id = ?", arguments: [teamID]) ?? 3
        let answered = try db.cachedStatement(
            sql: """
                SELECT s.fingerprint, c.behaviourId, c.competencyId FROM teamScan s JOIN teamScore c ON c.teamScanId = s.id
                WHERE s.teamRoundId = ? AND s.current AND s.consent = 'anoniem'
                """)
        let rounds =
            try onlyRound.map { [$0] }
            ?? Int64.fetchAll(db, sql: "SELECT id FROM teamRound WHERE teamId = ? ORDER BY id", arguments: [teamID])
        for roundID in rounds {
            var anonymous: [String: Set<String>] = [:]
            let rows = try Row.fetchCursor(answered, arguments: [roundID])
            while let row = try rows.next() {
                let competency: Int = row[2]
                anonymous[row[0], default: []].formUnion([
                    PrivacyRule.figure(behaviour: row[1]), PrivacyRule.figure(competency: competency),
                ])
            }
            let earlier = try releases(roundID: roundID, in: db)
            let release = PrivacyRule.release(anonymous: anonymous, threshold: threshold, earlier: earlier)
            guard release != earlier.last else { continue }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try db.execute(
                sql: "INSERT INTO teamRelease (teamRoundId, release) VALUES (?, ?)",
                arguments: [roundID, String(decoding: try encoder.encode(release), as: UTF8.self)])
        }
    }

    /// Every release of a round, oldest first.
    private static func releases(roundID: Int64, in db: Database) throws -> [PrivacyRule.Release] {
        try String.fetchAll(
            db, sql: "SELECT release FROM teamRelease WHERE teamRoundId = ? ORDER BY id", arguments: [roundID]
        ).map {
            try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8))
        }
    }

    public func setPrivacyThreshold(team: String, threshold: Int) async throws -> Bool {
        try await write { db in
            guard let teamID = try Self.teamID(team, in: db, create: false) else { return false }
            try db.execute(sql: "UPDATE team SET privacyThreshold = ? WHERE id = ?", arguments: [threshold, teamID])
            try Self.updateReleases(teamID: teamID, in: db)
            return true
        }
    }

    // MARK: - Reads

    public func teams() async throws -> [TeamSummary] {
        try await read { db in try Self.summaries(named: nil, in: db) }
    }

    public func team(_ name: String) async throws -> TeamSummary? {
        try await read { db in try Self.summaries(named: name, in: db).first }
    }

    /// Every team, or the one named, with its member count and rounds.
    private static func summaries(named name: String?, in db: Database) throws -> [TeamSummary] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT team.id, team.name, team.privacyThreshold,
                       (SELECT COUNT(DISTINCT s.teacherKey) FROM teamScan s JOIN teamRound r ON r.id = s.teamRoundId
                        WHERE r.teamId = team.id AND s.current) AS members
                FROM team \(name == nil ? "" : "WHERE team.name = ?") ORDER BY team.name
                """, arguments: StatementArguments(name.map { [$0] } ?? [])
        ).map { row in
            TeamSummary(
                name: row["name"], privacyThreshold: row["privacyThreshold"], members: row["members"],
                rounds: try rounds(teamID: row["id"], in: db))
        }
    }

    public func rounds(team: String) async throws -> [String] {
        try await read { db in
            guard let teamID = try Self.teamID(team, in: db, create: false) else { return [] }
            return try Self.rounds(teamID: teamID, in: db)
        }
    }

    public func members(team: String) async throws -> [TeamMember] {
        try await read { db in
            guard let teamID = try Self.teamID(team, in: db, create: false) else { return [] }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.teacherKey, s.teacher, s.consent, r.label
                    FROM teamScan s JOIN teamRound r ON r.id = s.teamRoundId
                    WHERE r.teamId = ? AND s.current
                    ORDER BY r.lastDate, r.id, s.date, s.id
                    """, arguments: [teamID])
            return TeamMember.members(
                fromOldestFirst: rows.map { row in
                    (key: row["teacherKey"], teacher: row["teacher"], consent: row["consent"], round: row["label"])
                })
        }
    }

    public func currentScans(team: String, round: String) async throws -> [TeamMemberScan] {
        try await self.round(team: team, round: round)?.members ?? []
    }

    /// Every current scan's scores, read through SQLite's C interface on GRDB's statement: a board's round has
    /// hundreds of thousands, and decoding each through a `Row` took most of a report's time. The join walks scan by
    /// scan, so one dictionary is filled at a time (one that comes back is picked up again); no ORDER BY, which
    /// made SQLite sort every row first.
    private static func currentScores(roundID: Int64, in db: Database) throws -> [Int64: [Behaviour.ID: Int]] {
        let statement = try db.makeStatement(
            sql: """
                SELECT c.teamScanId, c.behaviourId, c.score FROM teamScan s JOIN teamScore c ON c.teamScanId = s.id
                WHERE s.teamRoundId = ? AND s.current
                """)
        try statement.setArguments([roundID])
        let raw = statement.sqliteStatement
        var scores: [Int64: [Behaviour.ID: Int]] = [:]
        var scan: Int64 = -1
        var current: [Behaviour.ID: Int] = [:]
        while true {
            let code = sqlite3_step(raw)
            guard code == SQLITE_ROW else {
                guard code == SQLITE_DONE else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code),
                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                break
            }
            let id = sqlite3_column_int64(raw, 0)
            if id != scan {
                if scan >= 0 { scores[scan] = current }
                scan = id
                current = scores.removeValue(forKey: id) ?? Dictionary(minimumCapacity: 48)
            }
            // A behaviour's id is short: made in place, without an allocation.
            let behaviour = String(
                decoding: UnsafeBufferPointer(
                    start: sqlite3_column_text(raw, 1), count: Int(sqlite3_column_bytes(raw, 1))),
                as: UTF8.self)
            current[behaviour] = Int(sqlite3_column_int64(raw, 2))
        }
        if scan >= 0 { scores[scan] = current }
        return scores
    }

    private static func currentScans(
        roundID: Int64, in db: Database, snapshots: SnapshotCache
    ) throws
        -> [TeamMemberScan]
    {
        // Columns by position below: looking each up by name for thousands of rows cost more than reading them.
        let scanRows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, teacherKey, teacher, teamProfileId, date, consent, learningPreference, fingerprint
                FROM teamScan WHERE teamRoundId = ? AND current ORDER BY id
                """, arguments: [roundID])
        let scores = try currentScores(roundID: roundID, in: db)
        var profiles: [Int64: Profile] = [:]
        return try scanRows.map { row in
            let id: Int64 = row[0]
            let profileID: Int64 = row[3]
            if profiles[profileID] == nil {
                profiles[profileID] = try snapshots.profile(profileID) {
                    let snapshot =
                        try String.fetchOne(
                            db, sql: "SELECT snapshot FROM teamProfile WHERE id = ?", arguments: [profileID]) ?? ""
                    guard let profile = try? JSONDecoder().decode(Profile.self, from: Data(snapshot.utf8)) else {
                        throw StoreError.corruptScan(id)
                    }
                    return profile
                }
            }
            guard let date = SchoolDate(row[4]), let consent = Consent(rawValue: row[5]) else {
                throw StoreError.corruptScan(id)
            }
            let name: String? = row[2]
            return TeamMemberScan(
                teacher: consent == .metNaam ? name ?? row[1] : row[1], consent: consent,
                learningPreference: (row[6] as String?).flatMap(LearningPreference.init(rawValue:)),
                date: date, profile: profiles[profileID]!, scores: scores[id] ?? [:], fingerprint: row[7])
        }
    }

    public func round(team: String, round: String) async throws -> TeamRoundData? {
        try await read { db in
            guard let teamID = try Self.teamID(team, in: db, create: false),
                let roundID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM teamRound WHERE teamId = ? AND label = ?",
                    arguments: [teamID, round])
            else { return nil }
            let threshold =
                try Int.fetchOne(db, sql: "SELECT privacyThreshold FROM team WHERE id = ?", arguments: [teamID]) ?? 3
            return TeamRoundData(
                team: team, round: round, threshold: threshold,
                members: try Self.currentScans(roundID: roundID, in: db, snapshots: snapshots),
                release: try Self.releases(roundID: roundID, in: db).last)
        }
    }

    // MARK: - Helpers

    private static func teamID(_ name: String, in db: Database, create: Bool) throws -> Int64? {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM team WHERE name = ?", arguments: [name]) { return id }
        guard create else { return nil }
        try db.execute(sql: "INSERT INTO team (name) VALUES (?)", arguments: [name])
        return db.lastInsertedRowID
    }

    private static func rounds(teamID: Int64, in db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT label FROM teamRound WHERE teamId = ? ORDER BY lastDate, id", arguments: [teamID])
    }

    public func boardRounds(label: String?) async throws -> [TeamRoundData] {
        try await roundsOneByOne(label: label)
    }
}
