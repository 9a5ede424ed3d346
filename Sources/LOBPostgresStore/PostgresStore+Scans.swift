import Foundation
import LOBCore
import PostgresNIO

extension PostgresStore: ScanStore {
    // MARK: - Writes

    public func save(_ scan: Scan, profile: Profile) async throws -> Int64 {
        try await write(scan, profile: profile, id: nil, finished: true)!.id
    }

    public func saveIfNew(_ scan: Scan, profile: Profile) async throws -> (id: Int64, new: Bool) {
        let catalogue = catalogue
        return try await write(scan, profile: profile, id: nil, finished: true) { session in
            // One at a time per teacher, date and profile: two processes storing the same scan store it once.
            let key = "scan:\(scan.teacher)|\(scan.date)|\(scan.profileID)"
            try await session.execute("SELECT pg_advisory_xact_lock(hashtextextended(\(key), 0))")
            let candidates = try await session.values(
                """
                SELECT id FROM scan WHERE finished AND teacher = \(scan.teacher) AND date = \(scan.date.description)
                AND profileId = \(scan.profileID) ORDER BY id
                """, as: Int64.self)
            for id in candidates where try await Self.load(id, session, catalogue: catalogue)?.scan == scan {
                return id
            }
            return nil
        }!
    }

    public func saveDraft(_ scan: Scan, profile: Profile, id: Int64?) async throws -> Int64? {
        try await write(scan, profile: profile, id: id, finished: false)?.id
    }

    public func saveAnswer(
        _ answer: Scan.Answer?, for behaviour: Behaviour, at position: Int, scanID: Int64
    ) async throws -> Bool {
        try await write { session in
            guard try await session.value("SELECT 1 FROM scan WHERE id = \(scanID)", as: Int.self) != nil else {
                return false
            }
            guard let answer, answer.score != nil || answer.note != nil else {
                try await session.execute(
                    "DELETE FROM answer WHERE scanId = \(scanID) AND behaviourId = \(behaviour.id)")
                return true
            }
            try await session.execute(
                """
                INSERT INTO answer (scanId, behaviourId, competencyId, position, score, note)
                VALUES (\(scanID), \(behaviour.id), \(behaviour.competency), \(position), \(answer.score), \(answer.note))
                ON CONFLICT (scanId, behaviourId) DO UPDATE SET score = excluded.score, note = excluded.note
                """)
            return true
        }
    }

    public func savePreferenceAnswer(_ level: Int?, statement: String, scanID: Int64) async throws -> Bool {
        try await write { session in
            guard try await session.value("SELECT 1 FROM scan WHERE id = \(scanID)", as: Int.self) != nil else {
                return false
            }
            guard let level else {
                try await session.execute(
                    "DELETE FROM preferenceAnswer WHERE scanId = \(scanID) AND statementId = \(statement)")
                return true
            }
            try await session.execute(
                """
                INSERT INTO preferenceAnswer (scanId, statementId, level) VALUES (\(scanID), \(statement), \(level))
                ON CONFLICT (scanId, statementId) DO UPDATE SET level = excluded.level
                """)
            return true
        }
    }

    public func finishScan(id: Int64) async throws -> Bool {
        try await write { session in
            try await session.changes("UPDATE scan SET finished = TRUE WHERE id = \(id) RETURNING id") > 0
        }
    }

    /// Inserts a scan, or with `id` replaces that scan's contents (keeping whether it was finished): one transaction;
    /// its id and whether it was written, nil when there is no scan `id`. `existing`, run first in the same
    /// transaction, may name a scan that makes the write unnecessary.
    private func write(
        _ scan: Scan, profile: Profile, id: Int64?, finished: Bool,
        existing: (@Sendable (Session) async throws -> Int64?)? = nil
    ) async throws -> (id: Int64, new: Bool)? {
        let snapshot = try Self.encode(profile)
        let behaviours = profile.scoredBehaviours(in: catalogue)
        return try await write { session in
            if let existing, let id = try await existing(session) { return (id, false) }
            let scanID: Int64
            if let id {
                let updated = try await session.changes(
                    """
                    UPDATE scan SET teacher = \(scan.teacher), team = \(scan.team), profileId = \(scan.profileID),
                    profileSnapshot = \(snapshot), date = \(scan.date.description), consent = \(scan.consent.rawValue),
                    portraitPosition = \(scan.portraitPosition), chosenPreference = \(scan.chosenPreference?.rawValue)
                    WHERE id = \(id) RETURNING id
                    """)
                guard updated == 1 else { return nil }
                try await session.execute("DELETE FROM answer WHERE scanId = \(id)")
                try await session.execute("DELETE FROM preferenceAnswer WHERE scanId = \(id)")
                scanID = id
            } else {
                scanID = try await session.value(
                    """
                    INSERT INTO scan (teacher, team, profileId, profileSnapshot, date, consent, portraitPosition,
                    chosenPreference, finished)
                    VALUES (\(scan.teacher), \(scan.team), \(scan.profileID), \(snapshot), \(scan.date.description),
                    \(scan.consent.rawValue), \(scan.portraitPosition), \(scan.chosenPreference?.rawValue), \(finished))
                    RETURNING id
                    """, as: Int64.self)!
            }
            // One INSERT of every answer; postgres-nio binds no array with NULLs in it, so an unanswered score is 0
            // and a missing note is marked beside its text.
            var behaviourIDs: [String] = []
            var competencies: [Int] = []
            var positions: [Int] = []
            var scores: [Int] = []
            var notes: [String] = []
            var noted: [Bool] = []
            for (position, behaviour) in behaviours.enumerated() {
                guard let answer = scan.answers[behaviour.id] else { continue }
                behaviourIDs.append(behaviour.id)
                competencies.append(behaviour.competency)
                positions.append(position)
                scores.append(answer.score ?? 0)
                notes.append(answer.note ?? "")
                noted.append(answer.note != nil)
            }
            if !behaviourIDs.isEmpty {
                try await session.execute(
                    """
                    INSERT INTO answer (scanId, behaviourId, competencyId, position, score, note)
                    SELECT \(scanID), b, c, p, nullif(s, 0), CASE WHEN n THEN t END
                    FROM unnest(\(behaviourIDs)::text[], \(competencies)::bigint[], \(positions)::bigint[],
                    \(scores)::bigint[], \(notes)::text[], \(noted)::boolean[]) AS a (b, c, p, s, t, n)
                    """)
            }
            let preferences = scan.preferenceAnswers.sorted { $0.key < $1.key }
            if !preferences.isEmpty {
                try await session.execute(
                    """
                    INSERT INTO preferenceAnswer (scanId, statementId, level)
                    SELECT \(scanID), * FROM unnest(\(preferences.map(\.key))::text[], \(preferences.map(\.value))::bigint[])
                    """)
            }
            return (scanID, true)
        }
    }

    public func deleteScan(id: Int64) async throws -> Bool {
        try await write { session in try await session.changes("DELETE FROM scan WHERE id = \(id) RETURNING id") > 0 }
    }

    // MARK: - Reads

    public func summaries() async throws -> [ScanSummary] {
        try await summaries(finished: true)
    }

    public func unfinishedScans() async throws -> [ScanSummary] {
        try await summaries(finished: false)
    }

    private func summaries(finished: Bool) async throws -> [ScanSummary] {
        let catalogue = catalogue
        return try await read { session in
            try await session.rows(
                """
                SELECT s.id, s.teacher, s.team, s.profileId, s.profileSnapshot, s.date, s.consent,
                (SELECT count(score) FROM answer a WHERE a.scanId = s.id)
                FROM scan s WHERE s.finished = \(finished) ORDER BY s.id
                """
            ).map { row in
                let (id, teacher, team, profileID, snapshot, date, consent, answered) = try row.decode(
                    (Int64, String, String?, String, String, String, String, Int).self)
                let profile = try Self.decodeProfile(snapshot, scan: id)
                guard let date = SchoolDate(date) else { throw StoreError.corruptScan(id) }
                return ScanSummary(
                    id: id, teacher: teacher, team: team, profileID: profileID, date: date,
                    consent: Consent(rawValue: consent) ?? .prive, answered: answered,
                    total: profile.scoredBehaviours(in: catalogue).count)
            }
        }
    }

    public func scan(id: Int64) async throws -> StoredScan? {
        let catalogue = catalogue
        return try await read { session in try await Self.load(id, session, catalogue: catalogue) }
    }

    public func latestScan() async throws -> StoredScan? {
        let catalogue = catalogue
        return try await read { session in
            guard
                let id = try await session.value(
                    "SELECT id FROM scan WHERE finished ORDER BY date DESC, id DESC LIMIT 1", as: Int64.self)
            else { return nil }
            return try await Self.load(id, session, catalogue: catalogue)
        }
    }

    // MARK: - Mapping

    private static func load(_ id: Int64, _ session: Session, catalogue: Catalogue) async throws -> StoredScan? {
        guard
            let row = try await session.rows(
                """
                SELECT teacher, team, profileId, profileSnapshot, date, consent, portraitPosition, chosenPreference
                FROM scan WHERE id = \(id)
                """
            ).first
        else { return nil }
        let (teacher, team, profileID, snapshot, date, consent, portrait, chosen) = try row.decode(
            (String, String?, String, String, String, String, Int?, String?).self)
        let profile = try decodeProfile(snapshot, scan: id)
        var answers: [Behaviour.ID: Scan.Answer] = [:]
        for row in try await session.rows(
            "SELECT behaviourId, score, note FROM answer WHERE scanId = \(id) ORDER BY position")
        {
            let (behaviour, score, note) = try row.decode((String, Int?, String?).self)
            answers[behaviour] = Scan.Answer(score: score, note: note)
        }
        var preferences: [String: Int] = [:]
        for row in try await session.rows("SELECT statementId, level FROM preferenceAnswer WHERE scanId = \(id)") {
            let (statement, level) = try row.decode((String, Int).self)
            preferences[statement] = level
        }
        guard let date = SchoolDate(date) else { throw StoreError.corruptScan(id) }
        let scan = Scan(
            teacher: teacher, team: team, profileID: profileID, date: date, answers: answers,
            preferenceAnswers: preferences, chosenPreference: chosen.flatMap(LearningPreference.init(rawValue:)),
            portraitPosition: portrait, consent: Consent(rawValue: consent) ?? .prive)
        return StoredScan(id: id, scan: scan, profile: profile)
    }

    /// A profile as it is kept beside a scan: its JSON with sorted keys, byte for byte as the SQLite file keeps it.
    static func encode(_ profile: Profile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(profile), as: UTF8.self)
    }

    static func decodeProfile(_ snapshot: String, scan id: Int64) throws -> Profile {
        do {
            return try JSONDecoder().decode(Profile.self, from: Data(snapshot.utf8))
        } catch {
            throw StoreError.corruptScan(id)
        }
    }
}
