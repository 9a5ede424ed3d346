import LOBCore

extension MemoryStore: ScanStore {
    /// What is kept of a scan: the answers to the profile's scored behaviours, as the database keeps them.
    func kept(_ scan: Scan, profile: Profile) -> Scan {
        var kept = scan
        let scored = Set(profile.scoredBehaviours(in: catalogue).map(\.id))
        kept.answers = scan.answers.filter { scored.contains($0.key) }
        return kept
    }

    public func save(_ scan: Scan, profile: Profile) async throws -> Int64 {
        let id = nextID()
        scans[id] = KeptScan(scan: kept(scan, profile: profile), profile: profile, finished: true)
        return id
    }

    public func saveIfNew(_ scan: Scan, profile: Profile) async throws -> (id: Int64, new: Bool) {
        let candidate = kept(scan, profile: profile)
        if let (id, _) = scans.sorted(by: { $0.key < $1.key }).first(where: {
            $0.value.finished && $0.value.scan == candidate
        }) {
            return (id, false)
        }
        return (try await save(scan, profile: profile), true)
    }

    public func saveDraft(_ scan: Scan, profile: Profile, id: Int64?) async throws -> Int64? {
        guard let id else {
            let id = nextID()
            scans[id] = KeptScan(scan: kept(scan, profile: profile), profile: profile, finished: false)
            return id
        }
        guard let existing = scans[id] else { return nil }
        scans[id] = KeptScan(scan: kept(scan, profile: profile), profile: profile, finished: existing.finished)
        return id
    }

    public func saveAnswer(
        _ answer: Scan.Answer?, for behaviour: Behaviour, at position: Int, scanID: Int64
    )
        async throws -> Bool
    {
        guard scans[scanID] != nil else { return false }
        if let answer, answer.score != nil || answer.note != nil {
            scans[scanID]?.scan.answers[behaviour.id] = answer
        } else {
            scans[scanID]?.scan.answers[behaviour.id] = nil
        }
        return true
    }

    public func savePreferenceAnswer(_ level: Int?, statement: String, scanID: Int64) async throws -> Bool {
        guard scans[scanID] != nil else { return false }
        scans[scanID]?.scan.preferenceAnswers[statement] = level
        return true
    }

    public func finishScan(id: Int64) async throws -> Bool {
        guard scans[id] != nil else { return false }
        scans[id]?.finished = true
        return true
    }

    public func summaries() async throws -> [ScanSummary] { summaries(finished: true) }

    public func unfinishedScans() async throws -> [ScanSummary] { summaries(finished: false) }

    private func summaries(finished: Bool) -> [ScanSummary] {
        scans.filter { $0.value.finished == finished }.sorted { $0.key < $1.key }.map { id, kept in
            ScanSummary(
                id: id, teacher: kept.scan.teacher, team: kept.scan.team, profileID: kept.scan.profileID,
                date: kept.scan.date, consent: kept.scan.consent,
                answered: kept.scan.answers.values.filter { $0.score != nil }.count,
                total: kept.profile.scoredBehaviours(in: catalogue).count)
        }
    }

    public func scan(id: Int64) async throws -> StoredScan? {
        scans[id].map { StoredScan(id: id, scan: $0.scan, profile: $0.profile) }
    }

    public func latestScan() async throws -> StoredScan? {
        scans.filter(\.value.finished).max { ($0.value.scan.date, $0.key) < ($1.value.scan.date, $1.key) }.map {
            StoredScan(id: $0.key, scan: $0.value.scan, profile: $0.value.profile)
        }
    }

    public func deleteScan(id: Int64) async throws -> Bool {
        guard scans.removeValue(forKey: id) != nil else { return false }
        // An invitation forgets a deleted scan, as the database's foreign key does.
        for (key, kept) in invitations where kept.scanID == id { invitations[key]?.scanID = nil }
        // Its plan's logbook goes with it.
        logbook.removeAll { $0.planScanID == id }
        agreements.removeAll { $0.planScanID == id }
        return true
    }
}

extension MemoryStore: SchoolStore {
    public func saveSchoolScan(_ scan: SchoolScan) async throws {
        schoolScans.removeAll { $0.school == scan.school && $0.schoolYear == scan.schoolYear }
        schoolScans.append(scan)
    }

    public func schoolScans() async throws -> [SchoolScan] {
        // Oldest school year first; within a year, by date, then as stored.
        schoolScans.enumerated().sorted {
            ($0.element.schoolYear, $0.element.date, $0.offset) < ($1.element.schoolYear, $1.element.date, $1.offset)
        }.map(\.element)
    }
}
