/// Where the school's own scans are kept, one per school year: saving a year again replaces it (one transaction).
public protocol SchoolStore: Sendable {
    func saveSchoolScan(_ scan: SchoolScan) async throws
    /// Every stored schoolscan, oldest school year first.
    func schoolScans() async throws -> [SchoolScan]
}

extension SchoolStore {
    /// The scan of a school year, or the latest.
    public func schoolScan(year: String?) async throws -> SchoolScan? {
        let all = try await schoolScans()
        return year.map { year in all.last { $0.schoolYear == year } } ?? all.last
    }
}
