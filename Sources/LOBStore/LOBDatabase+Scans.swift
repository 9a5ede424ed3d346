import Foundation
import GRDB
import LOBCore

// MARK: - Database Access: Writes

extension LOBDatabase: ScanStore {
    public func save(_ scan: Scan, profile: Profile) async throws -> Int64 {
        // A new scan (no id) is always written.
        try await write(scan, profile: profile, id: nil, finished: true)!.id
    }

    public func saveIfNew(_ scan: Scan, profile: Profile) async throws -> (id: Int64, new: Bool) {
        try await write(scan, profile: profile, id: nil, finished: true) { db -> Int64? in
            let candidates = try ScanRecord.filter(
                ScanRecord.Columns.finished == true && ScanRecord.Columns.teacher == scan.teacher
                    && ScanRecord.Columns.date == scan.date.description
                    && ScanRecord.Columns.profileId == scan.profileID
            ).fetchAll(db)
            return try candidates.first { try Self.load($0, db).scan == scan }?.id
        }!
    }

    public func saveDraft(_ scan: Scan, profile: Profile, id: Int64?) async throws -> Int64? {
        try await write(scan, profile: profile, id: id, finished: false)?.id
    }

    public func saveAnswer(
        _ answer: Scan.Answer?, for behaviour: Behaviour, at position: Int, scanID: Int64
    ) async throws
        -> Bool
    {
        try await write { db in
            guard try ScanRecord.exists(db, key: scanID) else { return false }
            guard let answer, answer.score != nil || answer.note != nil else {
                try db.execute(
                    sql: "DELETE FROM answer WHERE scanId = ? AND behaviourId = ?", arguments: [scanID, behaviour.id])
                return true
            }
            try db.execute(
                sql: """
                    INSERT INTO answer (scanId, behaviourId, competencyId, position, score, note) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (scanId, behaviourId) DO UPDATE SET score = excluded.score, note = excluded.note
                    """,
                arguments: [scanID, behaviour.id, behaviour.competency, position, answer.score, answer.note])
            return true
        }
    }

    public func savePreferenceAnswer(_ level: Int?, statement: String, scanID: Int64) async throws -> Bool {
        try await write { db in
            guard try ScanRecord.exists(db, key: scanID) else { return false }
            guard let level else {
                try db.execute(
                    sql: "DELETE FROM preferenceAnswer WHERE scanId = ? AND statementId = ?",
                    arguments: [scanID, statement])
                return true
            }
            try db.execute(
                sql: """
                    INSERT INTO preferenceAnswer (scanId, statementId, level) VALUES (?, ?, ?)
                    ON CONFLICT (scanId, statementId) DO UPDATE SET level = excluded.level
                    """, arguments: [scanID, statement, level])
            return true
        }
    }

    public func finishScan(id: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "UPDATE scan SET finished = 1 WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    /// Inserts a scan, or with `id` replaces that scan's contents (keeping whether it was finished): one transaction;
    /// its id and whether it was written, nil when there is no scan `id`. `existing`, run first in the same
    /// transaction, may name a scan that makes the write unnecessary.
    private func write(
        _ scan: Scan, profile: Profile, id: Int64?, finished: Bool,
        existing: (@Sendable (Database) throws -> Int64?)? = nil
    ) async throws -> (id: Int64, new: Bool)? {
        let snapshot = try Self.encode(profile)
        let behaviours = profile.scoredBehaviours(in: catalogue)
        let hook = beforeCommit
        return try await write { db in
            if let existing, let id = try existing(db) { return (id, false) }
            var record = ScanRecord(
                id: id, teacher: scan.teacher, team: scan.team, profileId: scan.profileID, profileSnapshot: snapshot,
                date: scan.date.description, consent: scan.consent.rawValue, portraitPosition: scan.portraitPosition,
                chosenPreference: scan.chosenPreference?.rawValue,

                finished: finished)
            let scanID: Int64
            if let id {
                guard let existing = try ScanRecord.fetchOne(db, key: id) else { return nil }
                record.finished = existing.finished
                try record.update(db)
                try AnswerRecord.filter(AnswerRecord.Columns.scanId == id).deleteAll(db)
                try PreferenceAnswerRecord.filter(PreferenceAnswerRecord.Columns.scanId == id).deleteAll(db)
                scanID = id
            } else {
                try record.insert(db)
                scanID = record.id ?? db.lastInsertedRowID
            }
            for (position, behaviour) in behaviours.enumerated() {
                guard let answer = scan.answers[behaviour.id] else { continue }
                try AnswerRecord(
                    scanId: scanID, behaviourId: behaviour.id, competencyId: behaviour.competency,
                    position: position, score: answer.score, note: answer.note
                ).insert(db)
            }
            for (statement, level) in scan.preferenceAnswers.sorted(by: { $0.key < $1.key }) {
                try PreferenceAnswerRecord(scanId: scanID, statementId: statement, level: level).insert(db)
            }
            hook?()
            return (scanID, true)
        }
    }

    public func deleteScan(id: Int64) async throws -> Bool {
        try await write { db in try ScanRecord.deleteOne(db, key: id) }
    }

    // MARK: - Database Access: Reads

    public func summaries() async throws -> [ScanSummary] {
        try await summaries(finished: true)
    }

    public func unfinishedScans() async throws -> [ScanSummary] {
        try await summaries(finished: false)
    }

    private func summaries(finished: Bool) async throws -> [ScanSummary] {
        try await read { db in
            let records = try ScanRecord.filter(ScanRecord.Columns.finished == finished).order(ScanRecord.Columns.id)
                .fetchAll(db)
            let answered = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db,
                    sql: """
                        SELECT scanId, COUNT(score) AS answered FROM answer GROUP BY scanId
                        """
                ).map { (row: Row) -> (Int64, Int) in (row["scanId"], row["answered"]) })
            return try records.map { record in
                let id = record.id ?? 0
                let profile = try Self.decodeProfile(record)
                guard let date = SchoolDate(record.date) else { throw StoreError.corruptScan(id) }
                return ScanSummary(
                    id: id, teacher: record.teacher, team: record.team, profileID: record.profileId,
                    date: date, consent: Consent(rawValue: record.consent) ?? .prive,
                    answered: answered[id] ?? 0, total: profile.scoredBehaviours(in: catalogue).count)
            }
        }
    }

    public func scan(id: Int64) async throws -> StoredScan? {
        try await read { db in try ScanRecord.fetchOne(db, key: id).map { try Self.load($0, db) } }
    }

    public func latestScan() async throws -> StoredScan? {
        try await read { db in
            try ScanRecord.filter(ScanRecord.Columns.finished == true)
                .order(ScanRecord.Columns.date.desc, ScanRecord.Columns.id.desc).fetchOne(db).map {
                    try Self.load($0, db)
                }
        }
    }

    // MARK: - Mapping

    private static func load(_ record: ScanRecord, _ db: Database) throws -> StoredScan {
        let id = record.id ?? 0
        let profile = try decodeProfile(record)
        let answers = try AnswerRecord.filter(AnswerRecord.Columns.scanId == id).order(AnswerRecord.Columns.position)
            .fetchAll(db)
        let preferences = try PreferenceAnswerRecord.filter(PreferenceAnswerRecord.Columns.scanId == id).fetchAll(db)
        guard let date = SchoolDate(record.date) else { throw StoreError.corruptScan(id) }
        let scan = Scan(
            teacher: record.teacher, team: record.team, profileID: record.profileId, date: date,
            answers: Dictionary(
                uniqueKeysWithValues: answers.map { ($0.behaviourId, Scan.Answer(score: $0.score, note: $0.note)) }),
            preferenceAnswers: Dictionary(uniqueKeysWithValues: preferences.map { ($0.statementId, $0.level) }),
            chosenPreference: record.chosenPreference.flatMap(LearningPreference.init(rawValue:)),
            portraitPosition: record.portraitPosition,
            consent: Consent(rawValue: record.consent) ?? .prive)
        return StoredScan(id: id, scan: scan, profile: profile)
    }

    static func encode(_ profile: Profile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(profile), as: UTF8.self)
    }

    private static func decodeProfile(_ record: ScanRecord) throws -> Profile {
        do {
            return try JSONDecoder().decode(Profile.self, from: Data(record.profileSnapshot.utf8))
        } catch {
            throw StoreError.corruptScan(record.id ?? 0)
        }
    }
}
