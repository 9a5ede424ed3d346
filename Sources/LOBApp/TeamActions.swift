import LOBCore

// MARK: - The teamvoorzitter's team view

extension LOBApp {
    /// What an import did: one outcome per scan, in the order given, and the round it went into.
    public struct ImportResult: Sendable, Equatable {
        public let team: String
        public let round: String
        public let outcomes: [TeamImportOutcome]

        /// How many scans had each outcome.
        public func count(_ outcome: TeamImportOutcome) -> Int { outcomes.filter { $0 == outcome }.count }
    }

    /// A team's round with everything the team views show of it, by the privacy rule.
    public struct TeamView: Sendable {
        public let team: String
        public let round: String
        /// Every round of the team, oldest first.
        public let rounds: [String]
        public let analysis: TeamAnalysis
        /// The round compared with, when there is one.
        public let comparison: (round: String, analysis: TeamAnalysis)?
    }

    /// Which earlier round a report compares with.
    public enum Comparison: Sendable, Equatable {
        /// The round before the one shown, if any.
        case previous
        case round(String)
        case none
    }

    /// Imports scans into a team's round (the half of the school year of the latest scan when `round` is nil).
    public func importScans(_ members: [TeamMemberScan], team: String, round: String?) async throws -> ImportResult {
        try Self.checkLabel(team, .team)
        if let round { try Self.checkLabel(round, .round) }
        let dates = members.filter { $0.consent != .prive }.map(\.date)
        let label =
            round ?? TeamRound.defaultLabel(for: dates.max() ?? members.map(\.date).max() ?? SchoolDate("2000-01-01")!)
        return await ImportResult(
            team: team, round: label, outcomes: try teams.importScans(members, team: team, round: label))
    }

    /// The longest name of a team, a round or a login: one line a person reads.
    public static let labelLength = 80

    /// A team's, round's or login's name as every front end takes it: one line of visible text (no control or
    /// bidirectional characters, which would steer a terminal or reorder a page), at most `labelLength` characters.
    public static func checkLabel(_ text: String, _ kind: AppError.Label) throws {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty,
            VisibleText.lineFaults(text, maximum: labelLength).isEmpty
        else { throw AppError.badLabel(kind) }
    }

    /// Every team, with its threshold, members and rounds (`lob team list`).
    public func teamList() async throws -> [TeamSummary] {
        try await teams.teams()
    }

    /// The team a user means: the one named, or the only one there is.
    public func teamName(_ named: String?) async throws -> String {
        if let named { return named }
        let all = try await teams.teams()
        guard let only = all.first, all.count == 1 else {
            throw all.isEmpty ? AppError.noTeams : AppError.chooseTeam(all.map(\.name))
        }
        return only.name
    }

    /// A team's round (the latest when `round` is nil) with its analysis, and the comparison asked for.
    public func teamView(team named: String?, round: String?, compare: Comparison = .none) async throws -> TeamView {
        let (summary, label) = try await teamRound(team: named, round: round)
        let team = summary.name
        let analysis = try await roundData(team: team, round: label).analysis(catalogue: catalogue)
        var comparison: (String, TeamAnalysis)?
        let other: String? =
            switch compare {
            case .none: nil
            case .round(let other): other
            case .previous: summary.rounds.firstIndex(of: label).flatMap { $0 > 0 ? summary.rounds[$0 - 1] : nil }
            }
        if let other {
            guard summary.rounds.contains(other) else { throw AppError.noSuchRound(team: team, round: other) }
            comparison = await (other, try roundData(team: team, round: other).analysis(catalogue: catalogue))
        }
        return TeamView(team: team, round: label, rounds: summary.rounds, analysis: analysis, comparison: comparison)
    }

    /// The team a user means and its round (the latest when `round` is nil), both checked to exist.
    func teamRound(team named: String?, round: String?) async throws -> (summary: TeamSummary, round: String) {
        let team = try await teamName(named)
        guard let summary = try await teams.team(team) else { throw AppError.noSuchTeam(team) }
        guard let label = round ?? summary.rounds.last else {
            throw AppError.noSuchRound(team: team, round: round ?? "")
        }
        guard summary.rounds.contains(label) else { throw AppError.noSuchRound(team: team, round: label) }
        return (summary, label)
    }

    /// A round's scans and release, which must be there.
    func roundData(team: String, round: String) async throws -> TeamRoundData {
        guard let data = try await teams.round(team: team, round: round) else {
            throw AppError.noSuchRound(team: team, round: round)
        }
        return data
    }

    /// The profile most of the counted members scored against: whose catalogue of forms a team plan uses.
    public func commonestProfile(_ view: TeamView) -> Profile? {
        let counted = view.analysis.counted
        let commonest = counted.map(\.profile.id).mostCommon()
        return counted.first { $0.profile.id == commonest }?.profile
    }

    /// The team's professionalisation plan for a round.
    public func teamPlan(_ view: TeamView, activities: ActivityCatalogue, options: TeamPlan.Options) -> TeamPlan {
        TeamPlan(
            team: view.team, round: view.round, analysis: view.analysis, catalogue: activities, options: options,
            frameworkCatalogue: catalogue)
    }

    /// Every team's latest round (or the round with that label) side by side, each as its own report shows it.
    public func board(round label: String?) async throws -> BoardOverview {
        let rounds = try await teams.boardRounds(label: label)
        guard !rounds.isEmpty else { throw AppError.noTeamRounds(round: label) }
        return BoardOverview(rounds: rounds.map { ($0.team, $0.round, $0.analysis(catalogue: catalogue)) })
    }

    /// Removes all of a teacher's scans from a team; returns how many.
    public func removeMember(_ teacher: String, team: String) async throws -> Int {
        guard try await teams.team(team) != nil else { throw AppError.noSuchTeam(team) }
        let removed = try await teams.removeMember(team: team, teacher: teacher)
        guard removed > 0 else { throw AppError.noSuchMember(team: team, teacher: teacher) }
        return removed
    }

    /// Sets a team's privacy threshold (`PrivacyRule.settableThresholds`).
    public func setThreshold(_ threshold: Int, team: String) async throws {
        guard PrivacyRule.settableThresholds.contains(threshold) else {
            throw AppError.thresholdOutOfRange(threshold)
        }
        guard try await teams.setPrivacyThreshold(team: team, threshold: threshold) else {
            throw AppError.noSuchTeam(team)
        }
    }

    /// The members of a team as the store knows them; named only who shared by name.
    public func members(team: String) async throws -> [TeamMember] {
        guard try await teams.team(team) != nil else { throw AppError.noSuchTeam(team) }
        return try await teams.members(team: team)
    }
}

// MARK: - The team plan as something done

extension LOBApp {
    /// Records goal `goal` of `plan` as done by the team; returns it as stored.
    public func recordTeamActivity(
        goal: Int, plan: TeamPlan, date: SchoolDate, participants: Int?, hours: Double?, cost: Double?
    ) async throws -> TeamActivityDone {
        let record: TeamActivityDone.Record
        do {
            record = try TeamActivityDone.record(
                goal: goal, plan: plan, date: date, participants: participants, hours: hours, cost: cost)
        } catch {
            throw AppError.logbook(error)
        }
        return TeamActivityDone(id: try await logbooks.recordTeamActivity(record), record: record)
    }

    /// The team activities recorded for a team (nil: every team).
    public func teamActivities(team: String?) async throws -> [TeamActivityDone] {
        try await logbooks.teamActivities(team: team)
    }

    public func removeTeamActivity(_ id: Int64, team: String) async throws {
        guard try await logbooks.removeTeamActivity(id: id, team: team) else {
            throw AppError.noSuchTeamActivity(id)
        }
    }
}
