import LOBCore

/// Every store port kept in memory: for tests of the application core and as the third implementation the contract
/// suites run against (beside SQLite). It stores and decides nothing of its own: what an import, a hand-in or a
/// response means comes from LOBCore, as in every store. Nothing survives the process.
public actor MemoryStore {
    /// The framework in which a profile's behaviours are looked up, as `LOBDatabase.catalogue`.
    let catalogue: Catalogue

    public init(catalogue: Catalogue = .standard) {
        self.catalogue = catalogue
    }

    /// The last id handed out, one sequence for every kind of row (ids only need to be unique per kind).
    private var lastID: Int64 = 0

    func nextID() -> Int64 {
        lastID += 1
        return lastID
    }

    // The scans of `ScanStore`.
    struct KeptScan {
        var scan: Scan
        var profile: Profile
        var finished: Bool
    }
    var scans: [Int64: KeptScan] = [:]

    // The teams of `TeamStore`.
    struct KeptTeamScan {
        let id: Int64
        let key: String
        var teacher: String?
        var consent: Consent
        let member: TeamMemberScan
        var current: Bool
    }
    struct KeptRound {
        let id: Int64
        let label: String
        var lastDate: SchoolDate
        var scans: [KeptTeamScan] = []
        var releases: [PrivacyRule.Release] = []
        var feedbackReleases: [PrivacyRule.Release] = []
    }
    struct KeptTeam {
        var threshold = 3
        var rounds: [KeptRound] = []
        var withdrawals: [String: SchoolDate] = [:]
    }
    var teams: [String: KeptTeam] = [:]

    // The logbook of `LogbookStore`, as recorded.
    var logbook: [ActivityDone] = []
    var agreements: [(id: Int64, planScanID: Int64, agreement: Agreement)] = []
    var teamActivities: [TeamActivityDone] = []

    // The school's evaluation of `EvaluationStore`: logbooks by school year and key, releases and indicators by year.
    var yearLogbooks: [String: YearLogbook] = [:]
    var yearReleases: [String: [PrivacyRule.Release]] = [:]
    var schoolIndicators: [String: [SchoolIndicator]] = [:]

    // The schoolscans of `SchoolStore`, by school and school year.
    var schoolScans: [SchoolScan] = []

    // The feedback of `FeedbackStore` and the links of `InvitationStore`.
    var responses: [FeedbackResponse] = []
    struct Scope: Hashable {
        let subjectKey: String
        let profileID: String
        let invitation: Int64?
    }
    var feedbackReleases: [Scope: [PrivacyRule.Release]] = [:]

    struct KeptInvitation {
        var invitation: Invitation
        var tokenHash: String
        var csrf: String
        var draft: String?
        var scanID: Int64?
        var codeHash: String?
    }
    var invitations: [Int64: KeptInvitation] = [:]
    var devices: [LinkDevice] = []
    var requests: [Int64: FeedbackRequest] = [:]
    struct KeptRaterLink {
        let id: Int64
        let requestID: Int64
        let tokenHash: String
        let csrf: String
        let expiresAt: Int64
        var deviceHash: String?
        var draft: String?
    }
    var raterLinks: [Int64: KeptRaterLink] = [:]
    var accounts: [DashboardAccount] = []
    struct KeptSession {
        let tokenHash: String
        let accountID: Int64
        let csrf: String
        let expiresAt: Int64
    }
    var sessions: [KeptSession] = []
    /// Failed attempts by key name, oldest first.
    var attempts: [(name: String, at: Int64)] = []
}

/// A constraint a database would enforce (a unique hash, the lowest threshold), refused as every store refuses it, so
/// that the contract suites expect one error of every store.
let constraintRefused = StoreError.constraint
