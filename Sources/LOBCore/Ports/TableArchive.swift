/// Every row of every table as a store keeps it: what `lob db copy` moves from a school's SQLite file to a board's
/// PostgreSQL server and back. Below the domain on purpose: a copy must carry what no port reads (releases,
/// sessions, the failure limit) exactly as it is, so that a copied database answers as the original did.
public protocol TableArchive: Sendable {
    /// Whether no table holds a row: a copy writes only into an empty database.
    func isEmpty() async throws -> Bool
    /// Every row of a table, its values in the layout's column order.
    func rows(of table: TableLayout) async throws -> [[ArchivedValue]]
    /// Writes every table in one transaction, in the order given; refused with `StoreError.notEmpty` when any table
    /// holds a row by then, and then nothing is written.
    func restore(_ tables: [(layout: TableLayout, rows: [[ArchivedValue]])]) async throws
}

/// One value of a row: the schema has whole numbers (booleans among them, as 0 and 1) and text.
public enum ArchivedValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
}

/// A table's name and columns, the same in every store (PostgreSQL folds the names to lower case).
public struct TableLayout: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case integer, boolean, text }

    public struct Column: Sendable, Hashable {
        public let name: String
        public let kind: Kind
    }

    public let name: String
    public let columns: [Column]

    init(_ name: String, _ columns: [(String, Kind)]) {
        self.name = name
        self.columns = columns.map { Column(name: $0.0, kind: $0.1) }
    }

    /// Every table of the schema, each after the tables it refers to. A migration that adds a table or a column
    /// adds it here; `StoreContractTests` compares this with each store's schema.
    public static let all: [TableLayout] = [
        TableLayout(
            "scan",
            [
                ("id", .integer), ("teacher", .text), ("team", .text), ("profileId", .text),
                ("profileSnapshot", .text), ("date", .text), ("consent", .text), ("portraitPosition", .integer),
                ("chosenPreference", .text), ("finished", .boolean),
            ]),
        TableLayout(
            "answer",
            [
                ("scanId", .integer), ("behaviourId", .text), ("competencyId", .integer), ("position", .integer),
                ("score", .integer), ("note", .text),
            ]),
        TableLayout("preferenceAnswer", [("scanId", .integer), ("statementId", .text), ("level", .integer)]),
        TableLayout("team", [("id", .integer), ("name", .text), ("privacyThreshold", .integer)]),
        TableLayout("teamRound", [("id", .integer), ("teamId", .integer), ("label", .text), ("lastDate", .text)]),
        TableLayout("teamProfile", [("id", .integer), ("hash", .text), ("profileId", .text), ("snapshot", .text)]),
        TableLayout(
            "teamScan",
            [
                ("id", .integer), ("teamRoundId", .integer), ("teacherKey", .text), ("teacher", .text),
                ("teamProfileId", .integer), ("date", .text), ("consent", .text), ("learningPreference", .text),
                ("fingerprint", .text), ("current", .boolean),
            ]),
        TableLayout(
            "teamScore",
            [
                ("teamScanId", .integer), ("behaviourId", .text), ("competencyId", .integer), ("score", .integer),
                ("target", .integer),
            ]),
        TableLayout("teamRelease", [("id", .integer), ("teamRoundId", .integer), ("release", .text)]),
        TableLayout("teamWithdrawal", [("teamId", .integer), ("teacherKey", .text), ("date", .text)]),
        TableLayout("schoolScan", [("id", .integer), ("school", .text), ("schoolYear", .text), ("date", .text)]),
        TableLayout(
            "schoolScanAnswer",
            [("schoolScanId", .integer), ("aspectId", .integer), ("current", .text), ("wished", .text)]),
        TableLayout(
            "invitation",
            [
                ("id", .integer), ("team", .text), ("round", .text), ("name", .text), ("profileId", .text),
                ("tokenHash", .text), ("csrf", .text), ("createdAt", .integer), ("expiresAt", .integer),
                ("revokedAt", .integer), ("closedAt", .integer), ("startedAt", .integer), ("finishedAt", .integer),
                ("draft", .text), ("scan", .text), ("codeHash", .text), ("claimedAt", .integer), ("address", .text),
                ("scanId", .integer),
            ]),
        TableLayout(
            "feedbackRequest",
            [
                ("id", .integer), ("team", .text), ("round", .text), ("invitationId", .integer), ("subject", .text),
                ("raterGroup", .text), ("profileId", .text), ("asked", .integer), ("answered", .integer),
                ("createdAt", .integer), ("withdrawnAt", .integer), ("moment", .text),
            ]),
        TableLayout(
            "feedbackInvitation",
            [
                ("id", .integer), ("team", .text), ("subject", .text), ("raterGroup", .text), ("profileId", .text),
                ("tokenHash", .text), ("csrf", .text), ("createdAt", .integer), ("expiresAt", .integer),
                ("revokedAt", .integer), ("answeredAt", .integer), ("draft", .text), ("requestId", .integer),
                ("deviceHash", .text),
            ]),
        TableLayout(
            "feedbackResponse",
            [
                ("id", .text), ("subjectKey", .text), ("subject", .text), ("raterGroup", .text), ("profileId", .text),
                ("date", .text), ("requestId", .integer), ("moment", .text),
            ]),
        TableLayout("feedbackRating", [("responseId", .text), ("behaviourId", .text), ("score", .integer)]),
        TableLayout("feedbackRemark", [("responseId", .text), ("competencyId", .integer), ("text", .text)]),
        TableLayout(
            "feedbackRelease",
            [
                ("id", .integer), ("subjectKey", .text), ("profileId", .text), ("release", .text),
                ("invitationId", .integer),
            ]),
        TableLayout("teamFeedbackRelease", [("id", .integer), ("teamRoundId", .integer), ("release", .text)]),
        TableLayout(
            "dashboardAccount", [("id", .integer), ("login", .text), ("team", .text), ("passwordHash", .text)]),
        TableLayout(
            "dashboardSession",
            [("tokenHash", .text), ("accountId", .integer), ("csrf", .text), ("expiresAt", .integer)]),
        TableLayout(
            "linkDevice", [("tokenHash", .text), ("invitationId", .integer), ("csrf", .text), ("expiresAt", .integer)]),
        TableLayout("failedAttempt", [("name", .text), ("at", .integer)]),
        TableLayout(
            "activityDone",
            [
                ("id", .integer), ("planScanId", .integer), ("competencyId", .integer), ("formId", .text),
                ("formName", .text), ("date", .text), ("minutes", .integer), ("cents", .integer),
                ("satisfied", .integer), ("usable", .integer), ("remark", .text), ("reactedOn", .text),
            ]),
        TableLayout("agreement", [("id", .integer), ("planScanId", .integer), ("date", .text), ("text", .text)]),
        TableLayout(
            "yearLogbook",
            [
                ("id", .integer), ("schoolYear", .text), ("teacherKey", .text), ("teacher", .text), ("date", .text),
                ("body", .text),
            ]),
        TableLayout("yearRelease", [("id", .integer), ("schoolYear", .text), ("release", .text)]),
        TableLayout(
            "schoolIndicator",
            [
                ("schoolYear", .text), ("position", .integer), ("name", .text), ("value", .text), ("unit", .text),
                ("source", .text),
            ]),
        TableLayout(
            "teamActivityDone",
            [
                ("id", .integer), ("team", .text), ("round", .text), ("goal", .integer), ("competencyId", .integer),
                ("formId", .text), ("formName", .text), ("date", .text), ("participants", .integer),
                ("minutes", .integer), ("cents", .integer),
            ]),
    ]
}
