import LOBCore

// MARK: - The school: schoolscan and training budget

extension LOBApp {
    /// A budget study: what the budget funds, optionally a second budget beside it, and what the wished school model
    /// would ask extra of the same teams.
    public struct BudgetStudy: Sendable {
        public let teams: Int
        /// Teams whose figures are all withheld: they add nothing.
        public let withheldTeams: Int
        public let main: BudgetAllocation
        public let comparison: BudgetAllocation?
        public let schoolYear: String?
        public let move: ModelMove?
        public let afterMove: BudgetAllocation?
        /// The effects measured in an earlier school year that replaced the catalogue's assumptions, if asked for.
        public let effects: MeasuredEffects?
    }

    public func saveSchoolScan(_ scan: SchoolScan) async throws {
        try await schools.saveSchoolScan(scan)
    }

    /// The schoolscan of a school year, or the latest.
    public func schoolScan(year: String?) async throws -> SchoolScan {
        guard let scan = try await schools.schoolScan(year: year) else { throw AppError.noSchoolScan(year: year) }
        return scan
    }

    /// What the school funds with `limits` from every team's latest round. `compareBudget` gives a second scenario
    /// that starts from the first when it is larger, so it never closes less. With a schoolscan whose wished model
    /// differs from the current one, `profileFor` (role, model) gives the profiles to rescore the members against.
    /// With `effectsFrom`, the forms that school year's evaluation measured work with their measured effect.
    public func budget(
        limits: BudgetAllocation.Limits, compareBudget: Double?, activities assumed: ActivityCatalogue, year: String?,
        effectsFrom: String? = nil, profileFor: @escaping (Role, SchoolModel.ID) -> Profile?
    ) async throws -> BudgetStudy {
        let rounds = try await teams.boardRounds()
        guard !rounds.isEmpty else { throw AppError.noTeamRounds(round: nil) }
        let schoolScan = try await schools.schoolScan(year: year)
        if let year, schoolScan == nil { throw AppError.noSchoolScan(year: year) }
        var effects: MeasuredEffects?
        if let effectsFrom {
            // A year without an evaluation is an error (noEvaluation), not every assumption quietly kept.
            effects = MeasuredEffects(
                try await evaluation(year: effectsFrom, activities: assumed).evaluation, catalogue: assumed)
        }
        let activities = effects?.apply(to: assumed) ?? assumed
        let needs = TrainingNeed.needs(rounds, catalogue: catalogue)
        let main = BudgetAllocation(needs: needs, catalogue: activities, limits: limits)
        let comparison = compareBudget.map { other in
            BudgetAllocation(
                needs: needs, catalogue: activities, limits: .init(budget: other, hours: limits.hours),
                start: other >= limits.budget ? main.chosen : [])
        }
        var move: ModelMove?
        var afterMove: BudgetAllocation?
        if let schoolScan {
            let result = SchoolScanResult(schoolScan)
            if let wished = result.wished, wished != result.dominant {
                let wishedNeeds = TrainingNeed.needs(
                    rounds, profileFor: { profileFor($0.profile.role ?? .vakdocent, wished) }, catalogue: catalogue)
                move = ModelMove(from: result.dominant, to: wished, now: needs, wished: wishedNeeds)
                afterMove = BudgetAllocation(needs: wishedNeeds, catalogue: activities, limits: limits)
            }
        }
        return BudgetStudy(
            teams: rounds.count, withheldTeams: rounds.filter { $0.analysis(catalogue: catalogue).allWithheld }.count,
            main: main, comparison: comparison, schoolYear: schoolScan?.schoolYear ?? year, move: move,
            afterMove: afterMove, effects: effects)
    }
}

extension LOBApp {
    /// Every stored schoolscan, oldest school year first.
    public func schoolScans() async throws -> [SchoolScan] { try await schools.schoolScans() }
}
