import LOBCore

/// The application core: one call per thing a user does, over the store protocols, the catalogue and plain inputs,
/// returning domain values. Every front end (`lob`, the terminal screens, a web service) calls it and words and draws
/// the results itself; nothing a second front end would need lives in a front end.
///
/// Reading files and rendering are the front ends' business: a catalogue of activity forms comes in as a value. The
/// stores are its own: a front end never reaches past it.
public struct LOBApp: Sendable {
    let scans: any ScanStore
    let teams: any TeamStore
    let schools: any SchoolStore
    let feedback: any FeedbackStore
    let invitations: any InvitationStore
    let logbooks: any LogbookStore
    let evaluations: any EvaluationStore
    public let catalogue: Catalogue

    public init(
        scans: any ScanStore, teams: any TeamStore, schools: any SchoolStore, feedback: any FeedbackStore,
        invitations: any InvitationStore, logbooks: any LogbookStore, evaluations: any EvaluationStore,
        catalogue: Catalogue = .standard
    ) {
        self.scans = scans
        self.teams = teams
        self.schools = schools
        self.feedback = feedback
        self.invitations = invitations
        self.logbooks = logbooks
        self.evaluations = evaluations
        self.catalogue = catalogue
    }

    /// One store that keeps everything (the embedded SQLite database does).
    public init(
        store: any ScanStore & TeamStore & SchoolStore & FeedbackStore & InvitationStore & LogbookStore
            & EvaluationStore,
        catalogue: Catalogue = .standard
    ) {
        self.init(
            scans: store, teams: store, schools: store, feedback: store, invitations: store, logbooks: store,
            evaluations: store, catalogue: catalogue)
    }
}

/// What a user asked for that is not there, or not allowed: reasons, which each front end words for its users.
public enum AppError: Error, Equatable, Sendable {
    /// No finished scan is stored yet.
    case noScans
    case noSuchScan(Int64)
    /// No team has been imported yet.
    case noTeams
    /// Several teams: the user must say which.
    case chooseTeam([String])
    case noSuchTeam(String)
    case noSuchRound(team: String, round: String)
    /// No team has a round (with this label, when given).
    case noTeamRounds(round: String?)
    case noSchoolScan(year: String?)
    /// `remove-member` found nothing of that teacher.
    case noSuchMember(team: String, teacher: String)
    case thresholdOutOfRange(Int)
    /// No feedback about this teacher on this profile has been read in.
    case noFeedback(teacher: String, profile: String)
    /// A link that opens nothing: unknown, or no longer valid. Unknown and wrong look the same to whoever tries.
    case linkNotValid(Invitation.LinkState?)
    /// No activity with this number in the logbook.
    case noSuchActivity(Int64)
    /// An activity or reaction that cannot be recorded as given.
    case logbook(LogbookEntry.Problem)
    /// A sheet of reactions with faults: nothing of it stored.
    case reactionSheet([LogbookEntry.SheetFault])
    /// No logbooks or indicators of this school year (or of any, when nil).
    case noEvaluation(year: String?)
    case noSuchTeamActivity(Int64)
    /// A state-changing request without the page's CSRF token.
    case forbidden
    /// The invitation list has no names, or a name twice.
    case invitationList(String)
    /// A finished scan cannot be changed; delete it to start again.
    case alreadyFinished
    /// A scan handed in on the day the teacher withdrew from the team with a private scan: not newer than the
    /// withdrawal, so the team may not count it (as `lob team import` would not).
    case notNewerThanWithdrawal
    /// The link was claimed already (by a personal code): it cannot be claimed again.
    case linkClaimed
    /// A personal code that cannot be chosen.
    case personalCode(CodeFault)

    /// A dashboard password that cannot be chosen.
    case password(CodeFault)
    /// A team's, round's or login's name that is not one line of visible text of at most `labelLength`.
    case badLabel(Label)

    public enum Label: String, Sendable, Equatable {
        case team, round, login
    }

    public enum CodeFault: Sendable, Equatable {
        case tooShort, tooLong, hidden, different
    }
}
