import Foundation
import LOBCore
import PostgresNIO

extension PostgresStore: TeamStore {
    // MARK: - Writes

    /// A distinct profile of an import, with what is stored of it.
    struct PreparedProfile: Sendable {
        let hash: String
        let json: String
        let behaviours: [String]
        let competencies: [Int]
        let targets: [Int]
    }

    /// Imports a batch as `TeamImport` decides, inside one transaction that first locks the team's row: imports,
    /// removals and threshold changes of one team run one after the other, so the release each decides is checked
    /// against the one before it, whichever `lob` process or server made it.
    public func importScans(_ scans: [TeamMemberScan], team: String, round: String) async throws -> [TeamImportOutcome]
    {
        let lastDate = scans.filter { $0.consent != .prive }.map(\.date).max()
        var profiles = PerProfile<PreparedProfile>()
        var preparedOf = [Int](repeating: -1, count: scans.count)
        for (index, scan) in scans.enumerated() where scan.consent != .prive {
            preparedOf[index] = try profiles.index(of: scan.profile) { profile in
                let json = try Self.encode(profile)
                let behaviours = profile.scoredBehaviours(in: catalogue)
                return PreparedProfile(
                    hash: Fingerprint.fnv1a(json), json: json, behaviours: behaviours.map(\.id),
                    competencies: behaviours.map(\.competency), targets: behaviours.map { profile.target(for: $0) })
            }
        }
        let prepared = profiles.values
        let preparedIndex = preparedOf
        let keys = scans.map { PrivacyRule.pseudonym(team: team, teacher: $0.teacher) }
        return try await turns.run(team) {
            try await importScans(
                scans, keys: keys, team: team, round: round, lastDate: lastDate, prepared: prepared,
                preparedIndex: preparedIndex)
        }
    }

    private func importScans(
        _ scans: [TeamMemberScan], keys: [String], team: String, round: String, lastDate: SchoolDate?,
        prepared: [PreparedProfile], preparedIndex: [Int]
    ) async throws -> [TeamImportOutcome] {
        try await write { session in
            guard let teamID = try await Self.lockTeam(team, in: session, create: lastDate != nil) else {
                return scans.map { _ in .skippedPrivate }
            }
            var roundID: Int64?
            if let lastDate {
                roundID = try await session.value(
                    """
                    INSERT INTO teamRound (teamId, label, lastDate) VALUES (\(teamID), \(round), \(lastDate.description))
                    ON CONFLICT (teamId, label) DO UPDATE SET lastDate = greatest(teamRound.lastDate, excluded.lastDate)
                    RETURNING id
                    """, as: Int64.self)
            }
            let state = try await Self.importState(keys: Set(keys), teamID: teamID, roundID: roundID, in: session)
            let plan = TeamImport.plan(scans, keys: keys, state: state)
            var otherRounds = false
            var profileIDs: [String: Int64] = [:]
            // The changes are stored a batch at a time: names removed and scans replaced for teachers the batch has
            // not added yet, then the scans added, each kind in one statement. A change about a teacher the batch
            // holds already stores the batch first, so the order of the plan is kept.
            var pending = PendingChanges(teamID: teamID, roundID: roundID)
            for change in plan.changes {
                switch change {
                case .withdraw(let key, let date):
                    otherRounds = try await pending.store(in: session) || otherRounds
                    try await Self.deleteScans(teamID: teamID, key: key, in: session)
                    try await session.execute(
                        """
                        INSERT INTO teamWithdrawal (teamId, teacherKey, date) VALUES (\(teamID), \(key), \(date.description))
                        ON CONFLICT (teamId, teacherKey) DO UPDATE SET date = greatest(teamWithdrawal.date, excluded.date)
                        """)
                    otherRounds = true
                case .anonymise(let key):
                    if pending.adds(key) { otherRounds = try await pending.store(in: session) || otherRounds }
                    pending.anonymised.append(key)
                case .add(let index, let key, let current, let replacing):
                    guard let roundID else { continue }
                    let scan = scans[index]
                    let prepared = prepared[preparedIndex[index]]
                    let profileID: Int64
                    if let known = profileIDs[prepared.hash] {
                        profileID = known
                    } else {
                        profileID = try await Self.storeProfile(prepared, id: scan.profile.id, in: session)
                        profileIDs[prepared.hash] = profileID
                    }
                    if replacing {
                        if pending.adds(key) { otherRounds = try await pending.store(in: session) || otherRounds }
                        pending.replaced.append(key)
                    }
                    pending.append(
                        scan, key: key, current: current, roundID: roundID, profileID: profileID, prepared: prepared)
                }
            }
            otherRounds = try await pending.store(in: session) || otherRounds
            try await Self.updateReleases(teamID: teamID, onlyRound: otherRounds ? nil : roundID, in: session)
            return plan.outcomes
        }
    }

    /// What an import stores next, as columns: a board's import is a few statements of thousands of rows (`unnest`),
    /// not a statement per scan or score. `anonymised` and `replaced` name teachers none of whose scans are among
    /// the ones to add, so they are changed first and the order of the plan is kept.
    struct PendingChanges {
        let teamID: Int64
        /// The round imported into (none when the batch holds only private scans).
        let roundID: Int64?
        /// Teachers whose name goes from every scan the team has of them.
        var anonymised: [String] = []
        /// Teachers whose current scan in the round becomes history.
        var replaced: [String] = []
        var rounds: [Int64] = []
        var keys: [String] = []
        var teachers: [String] = []
        var named: [Bool] = []
        var profiles: [Int64] = []
        var dates: [String] = []
        var consents: [String] = []
        var preferences: [String] = []
        var preferred: [Bool] = []
        var fingerprints: [String] = []
        var current: [Bool] = []
        /// Each score with the position of its scan in the columns above.
        var scoreScans: [Int] = []
        var behaviours: [String] = []
        var competencies: [Int] = []
        var scores: [Int] = []
        var targets: [Int] = []

        var added: Set<String> = []

        init(teamID: Int64, roundID: Int64?) {
            self.teamID = teamID
            self.roundID = roundID
        }

        /// Whether a scan of this teacher is among the ones to add.
        func adds(_ key: String) -> Bool { added.contains(key) }

        mutating func append(
            _ scan: TeamMemberScan, key: String, current: Bool, roundID: Int64, profileID: Int64,
            prepared: PreparedProfile
        ) {
            let position = keys.count
            added.insert(key)
            rounds.append(roundID)
            keys.append(key)
            teachers.append(scan.consent == .metNaam ? scan.teacher : "")
            named.append(scan.consent == .metNaam)
            profiles.append(profileID)
            dates.append(scan.date.description)
            consents.append(scan.consent.rawValue)
            preferences.append(scan.learningPreference?.rawValue ?? "")
            preferred.append(scan.learningPreference != nil)
            fingerprints.append(scan.fingerprint)
            self.current.append(current)
            for (index, behaviour) in prepared.behaviours.enumerated() {
                guard let score = scan.scores[behaviour] else { continue }
                scoreScans.append(position)
                behaviours.append(behaviour)
                competencies.append(prepared.competencies[index])
                scores.append(score)
                targets.append(prepared.targets[index])
            }
        }

        /// Stores the changes (the scans in order, so their ids are in order too) and starts empty again; whether
        /// removing names changed scans (of other rounds too).
        mutating func store(in session: Session) async throws -> Bool {
            var changedNames = false
            if !anonymised.isEmpty {
                changedNames =
                    try await session.changes(
                        """
                        UPDATE teamScan SET teacher = NULL, consent = 'anoniem'
                        WHERE teacherKey = ANY(\(anonymised)::text[])
                        AND teamRoundId IN (SELECT id FROM teamRound WHERE teamId = \(teamID))
                        AND (teacher IS NOT NULL OR consent <> 'anoniem') RETURNING id
                        """) > 0
            }
            if !replaced.isEmpty, let round = roundID {
                try await session.execute(
                    """
                    UPDATE teamScan SET current = FALSE
                    WHERE teamRoundId = \(round) AND teacherKey = ANY(\(replaced)::text[]) AND current
                    """)
            }
            defer { self = PendingChanges(teamID: teamID, roundID: roundID) }
            guard !keys.isEmpty else { return changedNames }
            let ids = try await session.values(
                """
                INSERT INTO teamScan (teamRoundId, teacherKey, teacher, teamProfileId, date, consent,
                learningPreference, fingerprint, current)
                SELECT r, k, CASE WHEN n THEN t END, p, d, c, CASE WHEN lp THEN l END, f, cur
                FROM unnest(\(rounds)::bigint[], \(keys)::text[], \(teachers)::text[], \(named)::boolean[],
                \(profiles)::bigint[], \(dates)::text[], \(consents)::text[], \(preferences)::text[],
                \(preferred)::boolean[], \(fingerprints)::text[], \(current)::boolean[])
                WITH ORDINALITY AS s (r, k, t, n, p, d, c, l, lp, f, cur, o) ORDER BY o
                RETURNING id
                """, as: Int64.self)
            if !scores.isEmpty {
                let scanIDs = scoreScans.map { ids[$0] }
                try await session.execute(
                    """
                    INSERT INTO teamScore (teamScanId, behaviourId, competencyId, score, target)
                    SELECT * FROM unnest(\(scanIDs)::bigint[], \(behaviours)::text[], \(competencies)::bigint[],
                    \(scores)::bigint[], \(targets)::bigint[])
                    """)
            }
            return changedNames
        }
    }

    /// What the team keeps of these teachers (`TeamImport.State`): their newest scan in the team, their withdrawal,
    /// and their current scan and fingerprints in the round.
    private static func importState(
        keys: Set<String>, teamID: Int64, roundID: Int64?, in session: Session
    ) async throws -> TeamImport.State {
        var state = TeamImport.State()
        let wanted = Array(keys)
        for row in try await session.rows(
            """
            SELECT s.teacherKey, max(s.date) FROM teamScan s JOIN teamRound r ON r.id = s.teamRoundId
            WHERE r.teamId = \(teamID) AND s.teacherKey = ANY(\(wanted)::text[]) GROUP BY s.teacherKey
            """)
        {
            let (key, latest) = try row.decode((String, String).self)
            state[key, default: .init()].latest = SchoolDate(latest)
        }
        for row in try await session.rows(
            """
            SELECT teacherKey, date FROM teamWithdrawal WHERE teamId = \(teamID) AND teacherKey = ANY(\(wanted)::text[])
            """)
        {
            let (key, date) = try row.decode((String, String).self)
            state[key, default: .init()].withdrawn = SchoolDate(date)
        }
        guard let roundID else { return state }
        for row in try await session.rows(
            """
            SELECT teacherKey, date, fingerprint, current FROM teamScan
            WHERE teamRoundId = \(roundID) AND teacherKey = ANY(\(wanted)::text[])
            """)
        {
            let (key, date, fingerprint, current) = try row.decode((String, String, String, Bool).self)
            state[key, default: .init()].fingerprints.insert(fingerprint)
            if current { state[key, default: .init()].current = SchoolDate(date) }
        }
        return state
    }

    /// The stored snapshot of a profile (stored once by its hash); its id.
    private static func storeProfile(
        _ prepared: PreparedProfile, id: String, in session: Session
    ) async throws
        -> Int64
    {
        try await session.execute(
            """
            INSERT INTO teamProfile (hash, profileId, snapshot) VALUES (\(prepared.hash), \(id), \(prepared.json))
            ON CONFLICT (hash) DO NOTHING
            """)
        return try await session.value("SELECT id FROM teamProfile WHERE hash = \(prepared.hash)", as: Int64.self)!
    }

    public func removeMember(team: String, teacher: String) async throws -> Int {
        try await turns.run(team) { try await removeScans(team: team, round: nil, teacher: teacher) }
    }

    public func removeScans(team: String, round: String, teacher: String) async throws -> Int {
        try await turns.run(team) { try await removeScans(team: team, round: Optional(round), teacher: teacher) }
    }

    /// A teacher's scans in every round of a team (`round` nil) or in one.
    private func removeScans(team: String, round: String?, teacher: String) async throws -> Int {
        try await write { session in
            guard let teamID = try await Self.lockTeam(team, in: session, create: false) else { return 0 }
            let key = PrivacyRule.pseudonym(team: team, teacher: teacher)
            let count: Int
            if let round {
                count = try await session.changes(
                    """
                    DELETE FROM teamScan WHERE teacherKey = \(key) AND teamRoundId IN (
                    SELECT id FROM teamRound WHERE teamId = \(teamID) AND label = \(round)) RETURNING id
                    """)
            } else {
                count = try await Self.deleteScans(teamID: teamID, key: key, in: session)
            }
            try await Self.updateReleases(teamID: teamID, in: session)
            return count
        }
    }

    /// Deletes every scan of a teacher in a team, history included; returns how many.
    @discardableResult
    private static func deleteScans(teamID: Int64, key: String, in session: Session) async throws -> Int {
        try await session.changes(
            """
            DELETE FROM teamScan WHERE teacherKey = \(key)
            AND teamRoundId IN (SELECT id FROM teamRound WHERE teamId = \(teamID)) RETURNING id
            """)
    }

    /// After any change to a team: decides again, for every round (or the one a change touched), which anonymous
    /// scans its figures may count (`PrivacyRule.release`), checked against every earlier moment of the round, and
    /// keeps the decision when it differs from the last one. The caller holds the team's row lock.
    static func updateReleases(teamID: Int64, onlyRound: Int64? = nil, in session: Session) async throws {
        let threshold =
            try await session.value("SELECT privacyThreshold FROM team WHERE id = \(teamID)", as: Int.self) ?? 3
        let rounds: [Int64]
        if let onlyRound {
            rounds = [onlyRound]
        } else {
            rounds = try await session.values("SELECT id FROM teamRound WHERE teamId = \(teamID) ORDER BY id")
        }
        for roundID in rounds {
            var anonymous: [String: Set<String>] = [:]
            for row in try await session.rows(
                """
                SELECT s.fingerprint, c.behaviourId, c.competencyId FROM teamScan s
                JOIN teamScore c ON c.teamScanId = s.id
                WHERE s.teamRoundId = \(roundID) AND s.current AND s.consent = 'anoniem'
                """)
            {
                let (fingerprint, behaviour, competency) = try row.decode((String, String, Int).self)
                anonymous[fingerprint, default: []].formUnion([
                    PrivacyRule.figure(behaviour: behaviour), PrivacyRule.figure(competency: competency),
                ])
            }
            let earlier = try await releases(roundID: roundID, in: session)
            let release = PrivacyRule.release(anonymous: anonymous, threshold: threshold, earlier: earlier)
            guard release != earlier.last else { continue }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let json = String(decoding: try encoder.encode(release), as: UTF8.self)
            try await session.execute("INSERT INTO teamRelease (teamRoundId, release) VALUES (\(roundID), \(json))")
        }
    }

    /// Every release of a round, oldest first.
    private static func releases(roundID: Int64, in session: Session) async throws -> [PrivacyRule.Release] {
        try await session.values(
            "SELECT release FROM teamRelease WHERE teamRoundId = \(roundID) ORDER BY id", as: String.self
        ).map { try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8)) }
    }

    public func setPrivacyThreshold(team: String, threshold: Int) async throws -> Bool {
        try await turns.run(team) {
            try await write { session in
                guard let teamID = try await Self.lockTeam(team, in: session, create: false) else { return false }
                try await session.execute("UPDATE team SET privacyThreshold = \(threshold) WHERE id = \(teamID)")
                try await Self.updateReleases(teamID: teamID, in: session)
                return true
            }
        }
    }

    // MARK: - Reads

    public func teams() async throws -> [TeamSummary] {
        try await read { session in try await Self.summaries(named: nil, in: session) }
    }

    public func team(_ name: String) async throws -> TeamSummary? {
        try await read { session in try await Self.summaries(named: name, in: session).first }
    }

    /// Every team, or the one named, with its member count and rounds.
    private static func summaries(named name: String?, in session: Session) async throws -> [TeamSummary] {
        let rows = try await session.rows(
            """
            SELECT t.id, t.name, t.privacyThreshold,
                   (SELECT count(DISTINCT s.teacherKey) FROM teamScan s JOIN teamRound r ON r.id = s.teamRoundId
                    WHERE r.teamId = t.id AND s.current)
            FROM team t WHERE \(name)::text IS NULL OR t.name = \(name) ORDER BY t.name
            """)
        var summaries: [TeamSummary] = []
        for row in rows {
            let (id, name, threshold, members) = try row.decode((Int64, String, Int, Int).self)
            summaries.append(
                TeamSummary(
                    name: name, privacyThreshold: threshold, members: members,
                    rounds: try await rounds(teamID: id, in: session)))
        }
        return summaries
    }

    public func rounds(team: String) async throws -> [String] {
        try await read { session in
            guard let teamID = try await Self.teamID(team, in: session) else { return [] }
            return try await Self.rounds(teamID: teamID, in: session)
        }
    }

    public func members(team: String) async throws -> [TeamMember] {
        try await read { session in
            guard let teamID = try await Self.teamID(team, in: session) else { return [] }
            let scans = try await session.rows(
                """
                SELECT s.teacherKey, s.teacher, s.consent, r.label
                FROM teamScan s JOIN teamRound r ON r.id = s.teamRoundId
                WHERE r.teamId = \(teamID) AND s.current
                ORDER BY r.lastDate, r.id, s.date, s.id
                """
            ).map { row in
                let (key, teacher, consent, label) = try row.decode((String, String?, String, String).self)
                return (key: key, teacher: teacher, consent: consent, round: label)
            }
            return TeamMember.members(fromOldestFirst: scans)
        }
    }

    public func currentScans(team: String, round: String) async throws -> [TeamMemberScan] {
        try await self.round(team: team, round: round)?.members ?? []
    }

    public func round(team: String, round: String) async throws -> TeamRoundData? {
        try await read { session in
            guard
                let row = try await session.rows(
                    """
                    SELECT r.id, t.privacyThreshold FROM teamRound r JOIN team t ON t.id = r.teamId
                    WHERE t.name = \(team) AND r.label = \(round)
                    """
                ).first
            else { return nil }
            let (roundID, threshold) = try row.decode((Int64, Int).self)
            return TeamRoundData(
                team: team, round: round, threshold: threshold,
                members: try await Self.currentScans(roundID: roundID, in: session),
                release: try await Self.releases(roundID: roundID, in: session).last)
        }
    }

    /// Every team's chosen round in four queries, whatever the number of teams: a board's hundreds of teams one by
    /// one cost a trip to the server each.
    public func boardRounds(label: String?) async throws -> [TeamRoundData] {
        try await read { session in
            var chosen: [(team: String, round: String, threshold: Int, id: Int64)] = []
            for row in try await session.rows(
                """
                SELECT DISTINCT ON (t.name) t.name, r.label, t.privacyThreshold, r.id
                FROM team t JOIN teamRound r ON r.teamId = t.id
                WHERE \(label)::text IS NULL OR r.label = \(label)
                ORDER BY t.name, r.lastDate DESC, r.id DESC
                """)
            {
                let (team, round, threshold, id) = try row.decode((String, String, Int, Int64).self)
                chosen.append((team, round, threshold, id))
            }
            let ids = chosen.map(\.id)
            let members = try await Self.currentScans(rounds: ids, in: session)
            var latest: [Int64: PrivacyRule.Release] = [:]
            for row in try await session.rows(
                """
                SELECT DISTINCT ON (teamRoundId) teamRoundId, release FROM teamRelease
                WHERE teamRoundId = ANY(\(ids)::bigint[]) ORDER BY teamRoundId, id DESC
                """)
            {
                let (id, json) = try row.decode((Int64, String).self)
                latest[id] = try JSONDecoder().decode(PrivacyRule.Release.self, from: Data(json.utf8))
            }
            return chosen.map { round in
                TeamRoundData(
                    team: round.team, round: round.round, threshold: round.threshold, members: members[round.id] ?? [],
                    release: latest[round.id])
            }
        }
    }

    /// The current scans of a round with their scores, each scan's scores in one text of its row: a board's round
    /// has hundreds of thousands of scores, and decoding a row (or an array element) each cost more than the report
    /// took to make. A score is one digit (1–4), written before its behaviour's id; the unit separator (U+001F), which
    /// no id holds (readers refuse control characters), separates them.
    private static func currentScans(roundID: Int64, in session: Session) async throws -> [TeamMemberScan] {
        try await currentScans(rounds: [roundID], in: session)[roundID] ?? []
    }

    /// The current scans of several rounds, by round, each round's oldest first.
    private static func currentScans(rounds: [Int64], in session: Session) async throws -> [Int64: [TeamMemberScan]] {
        var profiles: [Int64: Profile] = [:]
        for row in try await session.rows(
            """
            SELECT id, snapshot FROM teamProfile
            WHERE id IN (SELECT teamProfileId FROM teamScan WHERE teamRoundId = ANY(\(rounds)::bigint[]) AND current)
            """)
        {
            let (id, snapshot) = try row.decode((Int64, String).self)
            profiles[id] = try? JSONDecoder().decode(Profile.self, from: Data(snapshot.utf8))
        }
        var scans: [Int64: [TeamMemberScan]] = [:]
        for row in try await session.rows(
            """
            SELECT s.teamRoundId, s.id, s.teacherKey, s.teacher, s.teamProfileId, s.date, s.consent,
            s.learningPreference, s.fingerprint, coalesce((SELECT string_agg(c.score || c.behaviourId, chr(31))
            FROM teamScore c WHERE c.teamScanId = s.id), '')
            FROM teamScan s WHERE s.teamRoundId = ANY(\(rounds)::bigint[]) AND s.current ORDER BY s.id
            """)
        {
            let (round, id, key, name, profileID, date, consent, preference, fingerprint, packed) =
                try row.decode((Int64, Int64, String, String?, Int64, String, String, String?, String, String).self)
            guard let profile = profiles[profileID], let date = SchoolDate(date),
                let consent = Consent(rawValue: consent), let scores = unpack(packed)
            else { throw StoreError.corruptScan(id) }
            scans[round, default: []].append(
                TeamMemberScan(
                    teacher: consent == .metNaam ? name ?? key : key, consent: consent,
                    learningPreference: preference.flatMap(LearningPreference.init(rawValue:)), date: date,
                    profile: profile, scores: scores, fingerprint: fingerprint))
        }
        return scans
    }

    /// A scan's scores from `string_agg(score || behaviourId, chr(31))`; nil when a part is not a digit and an id.
    static func unpack(_ packed: String) -> [Behaviour.ID: Int]? {
        var scores = [Behaviour.ID: Int](minimumCapacity: 48)
        for part in packed.utf8.split(separator: 0x1F) {
            guard let first = part.first, (0x31...0x34).contains(first), part.count > 1 else { return nil }
            scores[String(decoding: part.dropFirst(), as: UTF8.self)] = Int(first - 0x30)
        }
        return scores
    }

    // MARK: - Helpers

    private static func teamID(_ name: String, in session: Session) async throws -> Int64? {
        try await session.value("SELECT id FROM team WHERE name = \(name)", as: Int64.self)
    }

    /// The team's id, its row locked until the transaction ends (made first when `create`): every change that
    /// decides the team's release holds it, so two of them never decide at once.
    static func lockTeam(_ name: String, in session: Session, create: Bool) async throws -> Int64? {
        if create {
            try await session.execute("INSERT INTO team (name) VALUES (\(name)) ON CONFLICT (name) DO NOTHING")
        }
        return try await session.value("SELECT id FROM team WHERE name = \(name) FOR UPDATE", as: Int64.self)
    }

    private static func rounds(teamID: Int64, in session: Session) async throws -> [String] {
        try await session.values("SELECT label FROM teamRound WHERE teamId = \(teamID) ORDER BY lastDate, id")
    }
}
