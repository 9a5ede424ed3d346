/// Where a teacher keeps what he did with his scholingsplan: the activities done and his reactions to them. Every
/// write is one transaction; an activity belongs to the scan its plan was made from and goes when that scan goes.
public protocol LogbookStore: Sendable {
    /// Records an activity as done; its id, or nil when there is no finished scan `planScanID`.
    func recordActivity(_ record: ActivityDone.Record) async throws -> Int64?
    /// Stores (or replaces) the reactions to recorded activities, all in one transaction; false, and nothing
    /// stored, when any of the activities is not there.
    func saveReactions(_ reactions: [(activityID: Int64, reaction: Reaction)]) async throws -> Bool
    /// Removes a recorded activity and its reaction; false when there was none with that id.
    func removeActivity(id: Int64) async throws -> Bool
    /// The activities recorded for the plan of a scan (nil: for every plan), by date, then as recorded.
    func activities(planScanID: Int64?) async throws -> [ActivityDone]
    /// Records an agreement of an ontwikkelgesprek about the plan of `planScanID`; its id, or nil when there is no
    /// finished scan `planScanID`.
    func saveAgreement(_ agreement: Agreement, planScanID: Int64) async throws -> Int64?
    /// The agreements about the plan of a scan, by date, then as recorded.
    func agreements(planScanID: Int64) async throws -> [Agreement]
    /// Records a goal of a team plan as done by the team; its id.
    func recordTeamActivity(_ record: TeamActivityDone.Record) async throws -> Int64
    /// The team activities recorded for a team (nil: every team), by date, then as recorded.
    func teamActivities(team: String?) async throws -> [TeamActivityDone]
    /// Removes a team activity of `team`; false when that team has none with that id.
    func removeTeamActivity(id: Int64, team: String) async throws -> Bool
}

extension LogbookStore {
    /// Stores (or replaces) the reaction to a recorded activity; false when there is no activity `id`.
    public func saveReaction(_ reaction: Reaction, activityID: Int64) async throws -> Bool {
        try await saveReactions([(activityID, reaction)])
    }
}
