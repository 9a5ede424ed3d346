import LOBCore

extension MemoryStore: EvaluationStore {
    public func importLogbooks(_ logbooks: [YearLogbook], threshold: Int) async throws -> [LogbookImport.Outcome] {
        let years = Set(logbooks.map(\.schoolYear))
        let (outcomes, store) = LogbookImport.decide(
            logbooks, current: yearLogbooks.values.filter { years.contains($0.schoolYear) })
        for logbook in store { yearLogbooks["\(logbook.schoolYear)\u{1}\(logbook.key)"] = logbook }
        for year in Set(store.map(\.schoolYear)).sorted() {
            let release = SchoolEvaluation.release(
                try await yearLogbooks(schoolYear: year), threshold: threshold,
                earlier: yearReleases[year] ?? [])
            yearReleases[year, default: []].append(release)
        }
        return outcomes
    }

    public func yearLogbooks(schoolYear: String) async throws -> [YearLogbook] {
        yearLogbooks.values.filter { $0.schoolYear == schoolYear }.sorted { $0.key < $1.key }
    }

    public func evaluationRelease(schoolYear: String) async throws -> PrivacyRule.Release? {
        yearReleases[schoolYear]?.last
    }

    public func evaluationYears() async throws -> [String] {
        Set(yearLogbooks.values.map(\.schoolYear)).union(schoolIndicators.keys).sorted()
    }

    public func saveIndicators(_ indicators: [SchoolIndicator], schoolYear: String) async throws {
        schoolIndicators[schoolYear] = indicators
    }

    public func indicators(schoolYear: String) async throws -> [SchoolIndicator] {
        schoolIndicators[schoolYear] ?? []
    }
}
