/// Where a school keeps what it evaluates its professionalisation with: the teachers' logbooks per school year, the
/// release its figures were last shown under (`SchoolEvaluation.release`) and its own results (level 4). Every write
/// is one transaction.
public protocol EvaluationStore: Sendable {
    /// Stores the logbooks as `LogbookImport.decide` says and, for every school year it changed, decides and keeps
    /// the year's release over its logbooks as they then are, against the year's earlier releases: one transaction.
    func importLogbooks(_ logbooks: [YearLogbook], threshold: Int) async throws -> [LogbookImport.Outcome]
    /// A school year's logbooks, as kept, in a fixed order (by key).
    func yearLogbooks(schoolYear: String) async throws -> [YearLogbook]
    /// The release the year's figures are shown under: the last one kept.
    func evaluationRelease(schoolYear: String) async throws -> PrivacyRule.Release?
    /// The school years with logbooks or indicators, oldest first.
    func evaluationYears() async throws -> [String]
    /// Replaces a school year's indicators.
    func saveIndicators(_ indicators: [SchoolIndicator], schoolYear: String) async throws
    func indicators(schoolYear: String) async throws -> [SchoolIndicator]
}
