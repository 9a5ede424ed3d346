import LOBCore

/// What the runner needs of a terminal: keys in, screens out. The ncurses driver is one; tests use a script.
public protocol TerminalDevice: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// The next key, or nil when input has ended.
    func readKey() -> Key?
    func show(_ screen: ScreenBuffer)
}

/// Runs a scan session on a terminal and keeps the store up to date after every key: the only place where the
/// screens meet the store.
public enum ScanRunner {
    public struct Outcome: Sendable, Equatable {
        /// The stored scan, if the teacher began one.
        public let scanID: Int64?
        public let finished: Bool
        public let answered: Int
        public let total: Int
    }

    /// The session for `lob scan`: name and team remembered from the last scan, an unfinished scan offered to resume.
    public static func makeSession(
        store: any ScanStore, profiles: [Profile], defaultProfileID: String, date: SchoolDate,
        width: Int, height: Int
    ) throws -> ScanSession {
        let unfinished = try store.unfinishedScans().last
        let resumable = try unfinished.flatMap { try store.scan(id: $0.id) }
        let last = try (store.summaries() + store.unfinishedScans()).max { $0.id < $1.id }
        return ScanSession(
            profiles: profiles, defaultProfileID: defaultProfileID, teacher: last?.teacher ?? "",
            team: last?.team, date: date, resumable: resumable, width: width, height: height)
    }

    public static func run(_ session: inout ScanSession, store: any ScanStore, terminal: any TerminalDevice) -> Outcome
    {
        _ = session.update(.resize(width: terminal.width, height: terminal.height))
        terminal.show(session.view())
        loop: while let key = terminal.readKey() {
            for effect in session.update(key) {
                switch effect {
                case .save:
                    let (scan, profile, id) = (session.scan, session.profile, session.draftID)
                    if let saved = perform(&session, { try store.saveDraft(scan, profile: profile, id: id) }) {
                        session.draftID = saved
                    }
                case .finish:
                    if let id = session.draftID { _ = perform(&session) { try store.finishScan(id: id) } }
                case .discard(let id):
                    _ = perform(&session) { try store.deleteScan(id: id) }
                case .quit:
                    break loop
                }
            }
            terminal.show(session.view())
        }
        return Outcome(
            scanID: session.draftID, finished: session.finished, answered: session.answeredCount,
            total: session.question.of)
    }

    /// A store failure does not end the scan: it is shown, and the next change saves the whole scan again.
    private static func perform<T>(_ session: inout ScanSession, _ body: () throws -> T) -> T? {
        do { return try body() } catch {
            session.message = "Niet bewaard: \(error). Je volgende antwoord probeert het opnieuw."
            return nil
        }
    }
}
