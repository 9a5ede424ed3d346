import LOBCore

extension MemoryStore: TeamStore {
    public func importScans(
        _ scans: [TeamMemberScan], team: String, round: String
    ) async throws
        -> [TeamImportOutcome]
    {
        let lastDate = scans.filter { $0.consent != .prive }.map(\.date).max()
        guard teams[team] != nil || lastDate != nil else { return scans.map { _ in .skippedPrivate } }
        var kept = teams[team] ?? KeptTeam()
        var roundIndex: Int?
        if let lastDate {
            if let index = kept.rounds.firstIndex(where: { $0.label == round }) {
                kept.rounds[index].lastDate = max(kept.rounds[index].lastDate, lastDate)
                roundIndex = index
            } else {
                kept.rounds.append(KeptRound(id: nextID(), label: round, lastDate: lastDate))
                roundIndex = kept.rounds.count - 1
            }
        }
        let keys = scans.map { PrivacyRule.pseudonym(team: team, teacher: $0.teacher) }
        let plan = TeamImport.plan(scans, keys: keys, state: state(of: kept, keys: Set(keys), round: roundIndex))
        for change in plan.changes {
            switch change {
            case .withdraw(let key, let date):
                for index in kept.rounds.indices { kept.rounds[index].scans.removeAll { $0.key == key } }
                kept.withdrawals[key] = max(kept.withdrawals[key] ?? date, date)
            case .anonymise(let key):
                for index in kept.rounds.indices {
                    for at in kept.rounds[index].scans.indices where kept.rounds[index].scans[at].key == key {
                        kept.rounds[index].scans[at].teacher = nil
                        kept.rounds[index].scans[at].consent = .anoniem
                    }
                }
            case .add(let index, let key, let current, let replacing):
                guard let roundIndex else { continue }
                if replacing {
                    for at in kept.rounds[roundIndex].scans.indices where kept.rounds[roundIndex].scans[at].key == key {
                        kept.rounds[roundIndex].scans[at].current = false
                    }
                }
                let given = scans[index]
                // The scores of the profile's scored behaviours, as the database keeps them.
                let scored = Set(given.profile.scoredBehaviours(in: catalogue).map(\.id))
                let scan = TeamMemberScan(
                    teacher: given.teacher, consent: given.consent, learningPreference: given.learningPreference,
                    date: given.date, profile: given.profile, scores: given.scores.filter { scored.contains($0.key) },
                    fingerprint: given.fingerprint)
                kept.rounds[roundIndex].scans.append(
                    KeptTeamScan(
                        id: nextID(), key: key, teacher: scan.consent == .metNaam ? scan.teacher : nil,
                        consent: scan.consent, member: scan, current: current))
            }
        }
        teams[team] = decideReleases(kept)
        return plan.outcomes
    }

    /// What the team keeps of these teachers, for `TeamImport.plan`.
    private func state(of team: KeptTeam, keys: Set<String>, round: Int?) -> TeamImport.State {
        var state = TeamImport.State()
        for (index, kept) in team.rounds.enumerated() {
            for scan in kept.scans where keys.contains(scan.key) {
                var teacher = state[scan.key] ?? .init()
                teacher.latest = max(teacher.latest ?? scan.member.date, scan.member.date)
                if index == round {
                    teacher.fingerprints.insert(scan.member.fingerprint)
                    if scan.current { teacher.current = scan.member.date }
                }
                state[scan.key] = teacher
            }
        }
        for (key, date) in team.withdrawals where keys.contains(key) {
            state[key, default: .init()].withdrawn = date
        }
        return state
    }

    /// After any change: the privacy rule decides again for every round, against its earlier releases, and a release
    /// that differs from the last one is kept.
    private func decideReleases(_ team: KeptTeam) -> KeptTeam {
        var team = team
        for index in team.rounds.indices {
            var anonymous: [String: Set<String>] = [:]
            for scan in team.rounds[index].scans where scan.current && scan.consent == .anoniem {
                let competencies = Dictionary(
                    scan.member.profile.scoredBehaviours(in: catalogue).map { ($0.id, $0.competency) },
                    uniquingKeysWith: { first, _ in first })
                for behaviour in scan.member.scores.keys {
                    guard let competency = competencies[behaviour] else { continue }
                    anonymous[scan.member.fingerprint, default: []].formUnion([
                        PrivacyRule.figure(behaviour: behaviour), PrivacyRule.figure(competency: competency),
                    ])
                }
            }
            let earlier = team.rounds[index].releases
            let release = PrivacyRule.release(anonymous: anonymous, threshold: team.threshold, earlier: earlier)
            if release != earlier.last { team.rounds[index].releases.append(release) }
        }
        return team
    }

    public func teams() async throws -> [TeamSummary] {
        teams.keys.sorted().compactMap { summary($0) }
    }

    public func team(_ name: String) async throws -> TeamSummary? { summary(name) }

    private func summary(_ name: String) -> TeamSummary? {
        guard let team = teams[name] else { return nil }
        let members = Set(team.rounds.flatMap { $0.scans.filter(\.current).map(\.key) }).count
        return TeamSummary(
            name: name, privacyThreshold: team.threshold, members: members, rounds: rounds(of: team).map(\.label))
    }

    /// Oldest first: by the latest scan date in each, then as made.
    private func rounds(of team: KeptTeam) -> [KeptRound] {
        team.rounds.sorted { ($0.lastDate, $0.id) < ($1.lastDate, $1.id) }
    }

    public func members(team name: String) async throws -> [TeamMember] {
        guard let team = teams[name] else { return [] }
        var order: [String] = []
        var latest: [String: (scan: KeptTeamScan, rounds: [String])] = [:]
        for round in rounds(of: team) {
            for scan in round.scans.filter(\.current).sorted(by: { ($0.member.date, $0.id) < ($1.member.date, $1.id) })
            {
                if latest[scan.key] == nil { order.append(scan.key) }
                latest[scan.key] = (scan, (latest[scan.key]?.rounds ?? []) + [round.label])
            }
        }
        return order.map { key in
            let (scan, rounds) = latest[key]!
            return TeamMember(
                teacher: scan.consent == .metNaam ? scan.teacher : nil, consent: scan.consent, rounds: rounds)
        }
    }

    public func removeMember(team name: String, teacher: String) async throws -> Int {
        guard var team = teams[name] else { return 0 }
        let key = PrivacyRule.pseudonym(team: name, teacher: teacher)
        var removed = 0
        for index in team.rounds.indices {
            let before = team.rounds[index].scans.count
            team.rounds[index].scans.removeAll { $0.key == key }
            removed += before - team.rounds[index].scans.count
        }
        teams[name] = decideReleases(team)
        return removed
    }

    public func removeScans(team name: String, round: String, teacher: String) async throws -> Int {
        guard var team = teams[name] else { return 0 }
        let key = PrivacyRule.pseudonym(team: name, teacher: teacher)
        var removed = 0
        for index in team.rounds.indices where team.rounds[index].label == round {
            let before = team.rounds[index].scans.count
            team.rounds[index].scans.removeAll { $0.key == key }
            removed += before - team.rounds[index].scans.count
        }
        teams[name] = decideReleases(team)
        return removed
    }

    public func rounds(team name: String) async throws -> [String] {
        teams[name].map { rounds(of: $0).map(\.label) } ?? []
    }

    public func currentScans(team: String, round: String) async throws -> [TeamMemberScan] {
        try await self.round(team: team, round: round)?.members ?? []
    }

    public func round(team name: String, round label: String) async throws -> TeamRoundData? {
        guard let team = teams[name], let round = team.rounds.first(where: { $0.label == label }) else { return nil }
        let members = round.scans.filter(\.current).map { scan in
            let member = scan.member
            return TeamMemberScan(
                teacher: scan.consent == .metNaam ? scan.teacher ?? scan.key : scan.key, consent: scan.consent,
                learningPreference: member.learningPreference, date: member.date, profile: member.profile,
                scores: member.scores, fingerprint: member.fingerprint)
        }
        return TeamRoundData(
            team: name, round: label, threshold: team.threshold, members: members, release: round.releases.last)
    }

    public func setPrivacyThreshold(team name: String, threshold: Int) async throws -> Bool {
        guard var team = teams[name] else { return false }
        guard threshold >= PrivacyRule.minimumThreshold else { throw constraintRefused }
        team.threshold = threshold
        teams[name] = decideReleases(team)
        return true
    }

    public func boardRounds(label: String?) async throws -> [TeamRoundData] {
        try await roundsOneByOne(label: label)
    }
}
