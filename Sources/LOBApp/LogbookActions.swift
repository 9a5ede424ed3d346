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
    public func react(
        activityID: Int64, satisfied: Int, usable: Int, remark: String?, date: SchoolDate
    ) async throws -> Reaction {
        guard let activity = try await logbooks.activities(planScanID: nil).first(where: { $0.id == activityID })
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

    public func removeActivity(_ id: Int64) async throws {
        guard try await logbooks.removeActivity(id: id) else { throw AppError.noSuchActivity(id) }
    }

    /// The plan of `stored` against what was done, and its goals against the newest later self-scan.
    public func progress(
        _ stored: StoredScan, activities: ActivityCatalogue, options: Scholingsplan.Options
    ) async throws -> PlanProgress {
        let plan = self.plan(stored, activities: activities, options: options)
        let done = try await logbooks.activities(planScanID: stored.id)
        let latest = try await scans.latestScan()
        return PlanProgress(
            plan: plan, planScanID: stored.id, done: done,
            later: latest.flatMap { $0.id != stored.id && $0.scan.date > stored.scan.date ? $0 : nil },
            feedback: (try await optionalFeedback(stored, .nulmeting), try await optionalFeedback(stored, .vervolg)),
            followUpWeeks: activities.schoolYear.followUpWeeks)
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
