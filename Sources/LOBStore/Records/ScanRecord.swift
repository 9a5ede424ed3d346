import GRDB

/// A row of `scan`.
struct ScanRecord: Codable, Equatable {
    var id: Int64?
    var teacher: String
    var team: String?
    var profileId: String
    var profileSnapshot: String
    var date: String
    var consent: String
    var portraitPosition: Int?
    var chosenPreference: String?
    /// False while the terminal UI is still filling it in.
    var finished: Bool
}

// MARK: - Database

extension ScanRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "scan"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let teacher = Column(CodingKeys.teacher)
        static let profileId = Column(CodingKeys.profileId)
        static let date = Column(CodingKeys.date)
        static let finished = Column(CodingKeys.finished)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `answer`: one behaviour of one scan.
struct AnswerRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "answer"
    var scanId: Int64
    var behaviourId: String
    var competencyId: Int
    /// Order within the profile, so a scan reads back in the order it was asked.
    var position: Int
    var score: Int?
    var note: String?

    enum Columns {
        static let scanId = Column(CodingKeys.scanId)
        static let position = Column(CodingKeys.position)
        static let score = Column(CodingKeys.score)
    }
}

/// A row of `preferenceAnswer`: one statement of the learning-preference self-check.
struct PreferenceAnswerRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "preferenceAnswer"
    var scanId: Int64
    var statementId: String
    var level: Int

    enum Columns {
        static let scanId = Column(CodingKeys.scanId)
    }
}
