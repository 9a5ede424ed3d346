/// A scan as it is kept: the scan, the profile it was scored against (a snapshot, so a later edit of the
/// profile file does not change an old report), and its number in the store.
public struct StoredScan: Sendable, Hashable, Identifiable {
    public let id: Int64
    public let scan: Scan
    public let profile: Profile

    public init(id: Int64, scan: Scan, profile: Profile) {
        self.id = id
        self.scan = scan
        self.profile = profile
    }
}

/// One line of `lob scans list`, without the answers.
public struct ScanSummary: Sendable, Hashable, Identifiable {
    public let id: Int64
    public let teacher: String
    public let team: String?
    public let profileID: String
    public let date: SchoolDate
    public let consent: Consent
    public let answered: Int
    public let total: Int

    public init(id: Int64, teacher: String, team: String?, profileID: String, date: SchoolDate, consent: Consent,
                answered: Int, total: Int) {
        self.id = id
        self.teacher = teacher
        self.team = team
        self.profileID = profileID
        self.date = date
        self.consent = consent
        self.answered = answered
        self.total = total
    }
}

/// Where scans are kept. The embedded SQLite database implements it (LOBStore); a school that outgrows one
/// machine would implement it on its server database instead. Every write is one transaction.
public protocol ScanStore: Sendable {
    /// Stores a scan with the profile it was scored against; returns its id.
    func save(_ scan: Scan, profile: Profile) throws -> Int64
    /// All scans, oldest first.
    func summaries() throws -> [ScanSummary]
    func scan(id: Int64) throws -> StoredScan?
    /// The most recent scan by date (and, on the same date, the last stored).
    func latestScan() throws -> StoredScan?
    /// Removes a scan and its answers; false when there was none with that id.
    func deleteScan(id: Int64) throws -> Bool
}
