import LOBApp
import LOBCore

/// What the runner needs of a terminal: keys in, screens out. The ncurses driver is one; tests use a script.
public protocol TerminalDevice: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// The next key, or nil when input has ended.
    func readKey() -> Key?
    func show(_ screen: ScreenBuffer)
}

/// Runs a scan session on a terminal and keeps the store up to date after every key, through the application core
/// as every front end: the only place where the screens meet it. `describe` words a failure as the rest of the
/// command line does.
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
        app: LOBApp, profiles: [Profile], defaultProfileID: String, date: SchoolDate, width: Int, height: Int
    ) async throws -> ScanSession {
        let start = try await app.scanStart()
        return ScanSession(
            profiles: profiles, defaultProfileID: defaultProfileID, teacher: start.teacher ?? "", team: start.team,
            date: date, resumable: start.resumable, width: width, height: height)
    }

    public static func run(
        _ session: inout ScanSession, app: LOBApp, terminal: any TerminalDevice,
        describe: @escaping (any Error) -> String
    ) async -> Outcome {
        await SessionRunner.run(&session, terminal: terminal) { effect in
            switch effect {
            case .saveScan(let scan, let profile, let id):
                await StoreEvent(describe) { try await app.saveDraft(scan, profile: profile, id: id) }
            case .saveAnswer(let answer, let behaviour, let position, let scanID):
                await StoreEvent(describe) {
                    try await app.saveAnswer(answer, for: behaviour, at: position, scanID: scanID)
                    return scanID
                }
            case .savePreference(let level, let statement, let scanID):
                await StoreEvent(describe) {
                    try await app.savePreferenceAnswer(level, statement: statement, scanID: scanID)
                    return scanID
                }
            case .finish(let id):
                await StoreEvent(describe) {
                    try await app.finishScan(id: id)
                    return id
                }
            case .discard(let id):
                await StoreEvent(describe) {
                    try await app.deleteScan(id)
                    return nil
                }
            case .quit:
                nil
            }
        }
        return Outcome(
            scanID: session.draftID, finished: session.finished, answered: session.answeredCount,
            total: session.question.of)
    }
}

/// What the store did with a session's effect, sent back to the session.
public enum StoreEvent: Sendable, Hashable {
    /// Stored; the id of the scan it concerns.
    case saved(Int64)
    /// Not stored, and why (in the front end's words).
    case failed(String)

    /// The event of a call into the application: `saved` with its id, or `failed`; nil when there is nothing to tell
    /// the session.
    init?(_ describe: (any Error) -> String, _ call: () async throws -> Int64?) async {
        do {
            guard let id = try await call() else { return nil }
            self = .saved(id)
        } catch {
            self = .failed(describe(error))
        }
    }
}

/// A screen that the runner drives: keys in, effects out, the store's answers back in, a screen buffer to show.
public protocol TerminalSession {
    associatedtype Effect
    mutating func update(_ key: Key) -> [Effect]
    mutating func receive(_ event: StoreEvent)
    func view() -> ScreenBuffer
    /// Whether the effect ends the session.
    static func ends(_ effect: Effect) -> Bool
}

extension ScanSession: TerminalSession {
    public static func ends(_ effect: Effect) -> Bool { effect == .quit }
}

/// The one loop of every terminal screen: it shows the session, feeds it keys, performs each effect (the only
/// place where the screens meet the store) and hands the result back as an event.
public enum SessionRunner {
    public static func run<Session: TerminalSession>(
        _ session: inout Session, terminal: any TerminalDevice, perform: (Session.Effect) async -> StoreEvent?
    ) async {
        _ = session.update(.resize(width: terminal.width, height: terminal.height))
        terminal.show(session.view())
        loop: while let key = terminal.readKey() {
            for effect in session.update(key) {
                if Session.ends(effect) { break loop }
                if let event = await perform(effect) { session.receive(event) }
            }
            terminal.show(session.view())
        }
    }
}

extension SchoolScanSession: TerminalSession {
    public static func ends(_ effect: Effect) -> Bool { effect == .quit }

    public mutating func receive(_ event: StoreEvent) {
        if case .failed(let reason) = event {
            message = "Niet bewaard: \(reason). Je volgende keuze probeert het opnieuw."
        }
    }
}

/// Runs a schoolscan session on a terminal and saves after every change, through the application core.
public enum SchoolScanRunner {
    public static func run(
        _ session: inout SchoolScanSession, app: LOBApp, terminal: any TerminalDevice,
        describe: @escaping (any Error) -> String
    ) async {
        await SessionRunner.run(&session, terminal: terminal) { effect in
            guard case .save(let scan) = effect else { return nil }
            do {
                try await app.saveSchoolScan(scan)
                return nil
            } catch {
                return .failed(describe(error))
            }
        }
    }
}
