import LOBCore

// MARK: - The school's evaluation of its professionalisation (Kirkpatrick's four levels)

/// A school year's evaluation with its level 4 beside it: the year's indicators and schoolscan, and the year
/// before's to compare with.
public struct EvaluationStudy: Sendable {
    public let evaluation: SchoolEvaluation
    public let indicators: [SchoolIndicator]
    public let previousYear: String
    public let previousIndicators: [SchoolIndicator]
    public let schoolScan: SchoolScan?
    public let previousSchoolScan: SchoolScan?
    /// The teams' activities done in the school year (`lob team plan done`): spend beside the logbooks'.
    public let teamActivities: [TeamActivityDone]
}

extension LOBApp {
    /// A teacher's logbook of the school year of his plan, to hand in to his school.
    public func yearLogbook(
        _ stored: StoredScan, activities: ActivityCatalogue, options: Scholingsplan.Options, consent: Consent,
        date: SchoolDate
    ) async throws -> YearLogbook {
        YearLogbook(try await progress(stored, activities: activities, options: options), consent: consent, date: date)
    }

    /// Reads in teachers' logbooks; the store decides the year's release with them.
    public func importLogbooks(_ logbooks: [YearLogbook]) async throws -> [LogbookImport.Outcome] {
        try await evaluations.importLogbooks(logbooks, threshold: PrivacyRule.minimumThreshold)
    }

    public func saveIndicators(_ indicators: [SchoolIndicator], schoolYear: String) async throws {
        try await evaluations.saveIndicators(indicators, schoolYear: schoolYear)
    }

    /// The evaluation of a school year (the latest with logbooks or indicators when nil).
    public func evaluation(year: String?, activities: ActivityCatalogue?) async throws -> EvaluationStudy {
        let years = try await evaluations.evaluationYears()
        guard let year = year ?? years.last, years.contains(year) else { throw AppError.noEvaluation(year: year) }
        let logbooks = try await evaluations.yearLogbooks(schoolYear: year)
        let release =
            try await evaluations.evaluationRelease(schoolYear: year)
            ?? PrivacyRule.Release(threshold: PrivacyRule.minimumThreshold, counted: [:], withheld: [:])
        let previous = Self.previousYear(year)
        let scans = try await schools.schoolScans()
        return EvaluationStudy(
            evaluation: SchoolEvaluation(schoolYear: year, logbooks: logbooks, release: release, catalogue: activities),
            indicators: try await evaluations.indicators(schoolYear: year),
            previousYear: previous,
            previousIndicators: try await evaluations.indicators(schoolYear: previous),
            schoolScan: scans.last { $0.schoolYear == year },
            previousSchoolScan: scans.last { $0.schoolYear == previous },
            teamActivities: try await self.logbooks.teamActivities(team: nil).filter { Self.in(year, $0.record.date) })
    }

    /// Whether a day falls in a school year: August of its first year to July of its second.
    static func `in`(_ year: String, _ date: SchoolDate) -> Bool {
        let parts = year.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return false }
        return (date.year == parts[0] && date.month >= 8) || (date.year == parts[1] && date.month <= 7)
    }

    /// "2025-2026" for "2026-2027".
    static func previousYear(_ year: String) -> String {
        let parts = year.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return year }
        return "\(parts[0] - 1)-\(parts[1] - 1)"
    }
}
