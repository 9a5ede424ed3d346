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

    public init(
        id: Int64, teacher: String, team: String?, profileID: String, date: SchoolDate, consent: Consent,
        answered: Int, total: Int
    ) {
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
    func save(_ scan: Scan, profile: Profile) async throws -> Int64
    /// Stores a finished scan unless the very same one (teacher, date, profile, every answer and note) is stored
    /// already: then its id, and `new` false. One transaction, so two processes storing it at once store it once.
    func saveIfNew(_ scan: Scan, profile: Profile) async throws -> (id: Int64, new: Bool)
    /// Stores an unfinished scan (the terminal UI saves after every answer): inserts it when `id` is nil,
    /// else replaces that scan's contents. Returns its id; nil when there is no scan `id` (any more).
    func saveDraft(_ scan: Scan, profile: Profile, id: Int64?) async throws -> Int64?
    /// Stores one answer of a stored scan (nil: not answered), at its place in the profile: one row, as the
    /// terminal UI saves after every key. False when there is no such scan.
    func saveAnswer(
        _ answer: Scan.Answer?, for behaviour: Behaviour, at position: Int, scanID: Int64
    ) async throws -> Bool
    /// Stores one answer of the learning-preference self-check of a stored scan (nil: not answered): one row. False
    /// when there is no such scan.
    func savePreferenceAnswer(_ level: Int?, statement: String, scanID: Int64) async throws -> Bool
    /// Marks a scan as complete: from then on it counts in lists, reports and `latestScan`. False when there is no
    /// such scan.
    func finishScan(id: Int64) async throws -> Bool
    /// Finished scans, oldest first.
    func summaries() async throws -> [ScanSummary]
    /// Scans still being filled in, oldest first.
    func unfinishedScans() async throws -> [ScanSummary]
    func scan(id: Int64) async throws -> StoredScan?
    /// The most recent finished scan by date (and, on the same date, the last stored).
    func latestScan() async throws -> StoredScan?
    /// Removes a scan and its answers; false when there was none with that id.
    func deleteScan(id: Int64) async throws -> Bool
}
