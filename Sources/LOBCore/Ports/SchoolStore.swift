/// Where the school's own scans are kept, one per school year: saving a year again replaces it (one transaction).
public protocol SchoolStore: Sendable {
    func saveSchoolScan(_ scan: SchoolScan) throws
    /// Every stored schoolscan, oldest school year first.
    func schoolScans() throws -> [SchoolScan]
}

extension SchoolStore {
    /// The scan of a school year, or the latest.
    public func schoolScan(year: String?) throws -> SchoolScan? {
        let all = try schoolScans()
        return year.map { year in all.last { $0.schoolYear == year } } ?? all.last
    }
}
