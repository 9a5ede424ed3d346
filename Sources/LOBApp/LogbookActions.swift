import LOBCore

// MARK: - The plan as something done (Kirkpatrick's levels 1 and 2 for one teacher)

extension LOBApp {
    /// The scan whose plan a logbook command is about: the one asked for; else the newest scan whose plan has
    /// activities recorded, so that a later re-scan does not start a new logbook unasked; else the latest scan.
    public func logbookScan(_ id: Int64?) async throws -> StoredScan {
        if let id { return try await scan(id) }
        if let newest = try await logbooks.activities(planScanID: nil).map(\.planScanID).max(),
            let stored = try await scans.scan(id: newest)
        {
            return stored
        }
        return try await scan(nil)
    }

    /// Records an activity of the plan of `stored` as done; returns it as stored.
    public func recordActivity(
        _ which: LogbookEntry.Which, plan stored: StoredScan, activities: ActivityCatalogue,
        options: Scholingsplan.Options, date: SchoolDate, hours: Double?, cost: Double?
    ) async throws -> ActivityDone {
        let plan = self.plan(stored, activities: activities, options: options)
        let record: ActivityDone.Record
        do {
            record = try LogbookEntry.record(
                which, plan: plan, planScanID: stored.id, date: date, hours: hours, cost: cost)
        } catch {
            throw AppError.logbook(error)
        }
        guard let id = try await logbooks.recordActivity(record) else { throw AppError.noSuchScan(stored.id) }
        guard let done = try await logbooks.activities(planScanID: stored.id).first(where: { $0.id == id }) else {
            throw AppError.noSuchActivity(id)
        }
        return done
    }

    /// Stores the participant's reaction to an activity he did (again: the last one counts).
    /// With `plan`, only an activity of that plan (a colleague behind his link reacts to his own, never to another's
    /// by its number).
    public func react(
        activityID: Int64, satisfied: Int, usable: Int, remark: String?, date: SchoolDate, plan: StoredScan? = nil
    ) async throws -> Reaction {
        guard
            let activity = try await logbooks.activities(planScanID: plan?.id).first(where: { $0.id == activityID })
        else { throw AppError.noSuchActivity(activityID) }
        let reaction: Reaction
        do {
            reaction = try LogbookEntry.reaction(
                to: activity, satisfied: satisfied, usable: usable, remark: remark, date: date)
        } catch {
            throw AppError.logbook(error)
        }
        guard try await logbooks.saveReaction(reaction, activityID: activityID) else {
            throw AppError.noSuchActivity(activityID)
        }
        return reaction
    }

    /// Stores the reactions of a sheet from the offline page, in the logbook of the plan it was made from: all in
    /// one transaction, or none when any answer is wrong (each named in `AppError.reactionSheet`).
    public func react(sheet: ReactionSheet) async throws -> [ActivityDone] {
        guard let stored = try await scans.scan(id: sheet.planScanID) else {
            throw AppError.noSuchScan(sheet.planScanID)
        }
        let done = try await logbooks.activities(planScanID: stored.id)
        let reactions: [(activityID: Int64, reaction: Reaction)]
        do {
            reactions = try LogbookEntry.reactions(sheet, teacher: stored.scan.teacher, done: done)
        } catch {
            throw AppError.reactionSheet(error.faults)
        }
        // Removed between reading and writing: nothing stored, and the first missing one named.
        guard try await logbooks.saveReactions(reactions) else {
            let now = Set(try await logbooks.activities(planScanID: stored.id).map(\.id))
            throw AppError.noSuchActivity(reactions.first { !now.contains($0.activityID) }?.activityID ?? 0)
        }
        let ids = Set(reactions.map(\.activityID))
        return try await logbooks.activities(planScanID: stored.id).filter { ids.contains($0.id) }
    }

    /// The activities of the plan of `stored` that have no reaction yet, by date.
    public func awaitingReaction(_ stored: StoredScan) async throws -> [ActivityDone] {
        try await logbooks.activities(planScanID: stored.id).filter { $0.reaction == nil }
    }

    public func removeActivity(_ id: Int64) async throws {
        guard try await logbooks.removeActivity(id: id) else { throw AppError.noSuchActivity(id) }
    }

    /// The plan of `stored` against what was done, and its goals against the newest later self-scan.
    /// Behind a server link (`invitation`): no later scan is looked for (his round holds one scan of his; a later
    /// one is in a later round), and the feedback is the one given through his invitation's requests, never a file
    /// about someone of the same name.
    public func progress(
        _ stored: StoredScan, activities: ActivityCatalogue, options: Scholingsplan.Options, invitation: Int64? = nil
    ) async throws -> PlanProgress {
        let plan = self.plan(stored, activities: activities, options: options)
        let done = try await logbooks.activities(planScanID: stored.id)
        return PlanProgress(
            plan: plan, planScanID: stored.id, done: done,
            later: invitation == nil ? try await laterScan(of: stored) : nil,
            feedback: invitation == nil
                ? (try await optionalFeedback(stored, .nulmeting), try await optionalFeedback(stored, .vervolg))
                : (
                    try await optionalFeedback(stored, invitation: invitation!, .nulmeting),
                    try await optionalFeedback(stored, invitation: invitation!, .vervolg)
                ),
            followUpWeeks: activities.schoolYear.followUpWeeks)
    }

    /// The teacher's own newest scan dated after `stored`: never another's, though a school's database (a server
    /// round, a teamvoorzitter's imports) holds many teachers' scans.
    func laterScan(of stored: StoredScan) async throws -> StoredScan? {
        let teacher = PrivacyRule.memberKey(stored.scan.teacher)
        let later = try await scans.summaries().filter {
            $0.id != stored.id && $0.date > stored.scan.date && PrivacyRule.memberKey($0.teacher) == teacher
        }
        guard let newest = later.max(by: { ($0.date, $0.id) < ($1.date, $1.id) }) else { return nil }
        return try await scans.scan(id: newest.id)
    }

    /// The feedback through an invitation's requests, or nil when there is none.
    func optionalFeedback(
        _ stored: StoredScan, invitation: Int64, _ moment: FeedbackMoment
    ) async throws -> FeedbackAnalysis? {
        do { return try await feedbackAnalysis(stored, invitation: invitation, moment: moment) } catch AppError
            .noFeedback
        {
            return nil
        }
    }

    /// The feedback of a moment about the teacher of a scan, or nil when there is none.
    func optionalFeedback(_ stored: StoredScan, _ moment: FeedbackMoment) async throws -> FeedbackAnalysis? {
        do { return try await feedbackAnalysis(stored, moment: moment) } catch AppError.noFeedback { return nil }
    }
}

// MARK: - The ontwikkelgesprek

/// Everything the ontwikkelgesprek of a teacher and his leidinggevende is about: his plan against what he did and
/// his later scan (levels 1 and 2), his 360° feedback as his own report shows it (level 3: what others see), and
/// what they agreed before.
public struct Conversation: Sendable {
    public let progress: PlanProgress
    /// The newest later scan, when there is one: the change since the plan's scan.
    public let later: StoredScan?
    public let feedback: FeedbackAnalysis?
    public let agreements: [Agreement]
}

extension LOBApp {
    /// Records an agreement of an ontwikkelgesprek about the plan of `stored`.
    public func agree(_ text: String, plan stored: StoredScan, date: SchoolDate) async throws -> Agreement {
        let agreement: Agreement
        do { agreement = try LogbookEntry.agreement(text, date: date) } catch { throw AppError.logbook(error) }
        guard try await logbooks.saveAgreement(agreement, planScanID: stored.id) != nil else {
            throw AppError.noSuchScan(stored.id)
        }
        return agreement
    }

    public func conversation(
        _ stored: StoredScan, activities: ActivityCatalogue, options: Scholingsplan.Options
    ) async throws -> Conversation {
        let progress = try await progress(stored, activities: activities, options: options)
        let later = try await progress.laterScanID.asyncFlatMap { try await scans.scan(id: $0) }
        let feedback: FeedbackAnalysis?
        do { feedback = try await feedbackAnalysis(later ?? stored) } catch AppError.noFeedback { feedback = nil }
        return Conversation(
            progress: progress, later: later, feedback: feedback,
            agreements: try await logbooks.agreements(planScanID: stored.id))
    }
}

// MARK: - What is due, counted for the dashboard

/// How many reactions and follow-ups the colleagues of a round have due: numbers, never who.
public struct DueCount: Sendable, Hashable {
    public var reactions = 0
    public var followUps = 0

    public init(reactions: Int = 0, followUps: Int = 0) {
        self.reactions = reactions
        self.followUps = followUps
    }
}

extension LOBApp {
    /// Per open round of a team, what its handed-in colleagues have due today (`PlanProgress`): reactions not yet
    /// given, and follow-ups whose window is open and not yet in. Only for a round where at least the threshold of
    /// colleagues handed in, so that a number is never one colleague's by elimination.
    public func dueCounts(
        team: String, today: SchoolDate, activities: (Profile) -> ActivityCatalogue?
    ) async throws -> [String: DueCount] {
        let handedIn = try await invitations.invitations(team: team).filter {
            $0.finishedAt != nil && $0.closedAt == nil
        }
        var counts: [String: DueCount] = [:]
        for (round, members) in Dictionary(grouping: handedIn, by: \.round)
        where members.count >= PrivacyRule.minimumThreshold {
            var count = DueCount()
            for invitation in members {
                guard let record = try await invitations.invitation(id: invitation.id),
                    let stored = try await handedInScan(record), let catalogue = activities(stored.profile)
                else { continue }
                let progress = try await self.progress(
                    stored, activities: catalogue, options: .init(), invitation: invitation.id)
                count.reactions += progress.awaitingReaction.count
                count.followUps +=
                    progress.observations.filter { observation in
                        !observation.observed && progress.followUpDue(goal: observation.goal)?.contains(today) == true
                    }.count
            }
            counts[round] = count
        }
        return counts
    }
}
