import LOBCore

extension MemoryStore: LogbookStore {
    public func recordActivity(_ record: ActivityDone.Record) async throws -> Int64? {
        guard scans[record.planScanID]?.finished == true else { return nil }
        // The database's checks, so that every store refuses the same rows.
        guard ActivityDone.minuteRange.contains(record.minutes), ActivityDone.centRange.contains(record.cents),
            record.competency.map((1...7).contains) ?? true
        else { throw StoreError.constraint }
        let id = nextID()
        logbook.append(
            ActivityDone(
                id: id, planScanID: record.planScanID, competency: record.competency, formID: record.formID,
                formName: record.formName, date: record.date, minutes: record.minutes, cents: record.cents))
        return id
    }

    public func saveReactions(_ reactions: [(activityID: Int64, reaction: Reaction)]) async throws -> Bool {
        // Checked in full before the first change, as a transaction would leave nothing behind.
        var indices: [Int] = []
        for (id, reaction) in reactions {
            guard let index = logbook.firstIndex(where: { $0.id == id }) else { return false }
            guard Reaction.scale.contains(reaction.satisfied), Reaction.scale.contains(reaction.usable) else {
                throw StoreError.constraint
            }
            indices.append(index)
        }
        for (index, (_, reaction)) in zip(indices, reactions) {
            let old = logbook[index]
            logbook[index] = ActivityDone(
                id: old.id, planScanID: old.planScanID, competency: old.competency, formID: old.formID,
                formName: old.formName, date: old.date, minutes: old.minutes, cents: old.cents, reaction: reaction)
        }
        return true
    }

    public func removeActivity(id: Int64) async throws -> Bool {
        guard let index = logbook.firstIndex(where: { $0.id == id }) else { return false }
        logbook.remove(at: index)
        return true
    }

    public func activities(planScanID: Int64?) async throws -> [ActivityDone] {
        logbook.filter { planScanID == nil || $0.planScanID == planScanID }.enumerated().sorted {
            ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
        }.map(\.element)
    }

    public func saveAgreement(_ agreement: Agreement, planScanID: Int64) async throws -> Int64? {
        guard scans[planScanID]?.finished == true else { return nil }
        let id = nextID()
        agreements.append((id, planScanID, agreement))
        return id
    }

    public func agreements(planScanID: Int64) async throws -> [Agreement] {
        agreements.filter { $0.planScanID == planScanID }.sorted {
            ($0.agreement.date, $0.id) < ($1.agreement.date, $1.id)
        }
        .map(\.agreement)
    }

    public func recordTeamActivity(_ record: TeamActivityDone.Record) async throws -> Int64 {
        let id = nextID()
        teamActivities.append(TeamActivityDone(id: id, record: record))
        return id
    }

    public func teamActivities(team: String?) async throws -> [TeamActivityDone] {
        teamActivities.filter { team == nil || $0.record.team == team }.sorted {
            ($0.record.date, $0.id) < ($1.record.date, $1.id)
        }
    }

    public func removeTeamActivity(id: Int64, team: String) async throws -> Bool {
        guard let index = teamActivities.firstIndex(where: { $0.id == id && $0.record.team == team }) else {
            return false
        }
        teamActivities.remove(at: index)
        return true
    }
}
