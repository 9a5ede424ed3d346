/// What importing scans into a team's round means, whichever store keeps the team: a pure function from what the
/// team keeps of the teachers concerned to one outcome per scan and the changes to store. A store loads the
/// `State` and applies the `Change`s inside one transaction (`TeamStore.importScans`), and decides nothing itself.
///
/// The rules (docs/team.md): scans count in date order, whatever order the files came in; a newer scan replaces the
/// teacher's current one in the round (on the same day, the later import is the correction) and an older one is kept
/// as history; the same scan twice changes nothing; a newer private scan withdraws everything the team kept of him,
/// and nothing up to that day counts again; the newest scan decides the consent, so shared anonymously now, his name
/// goes from every scan he gave the team.
public enum TeamImport {
    /// What the team keeps of one teacher (by his key, `PrivacyRule.pseudonym`).
    public struct Teacher: Sendable, Hashable {
        /// The date of his newest scan in the team, any round.
        public var latest: SchoolDate?
        /// The day of his latest withdrawal by a private scan.
        public var withdrawn: SchoolDate?
        /// The date of his current scan in the round imported into.
        public var current: SchoolDate?
        /// The fingerprints of his scans in the round imported into.
        public var fingerprints: Set<String>

        public init(
            latest: SchoolDate? = nil, withdrawn: SchoolDate? = nil, current: SchoolDate? = nil,
            fingerprints: Set<String> = []
        ) {
            self.latest = latest
            self.withdrawn = withdrawn
            self.current = current
            self.fingerprints = fingerprints
        }
    }

    /// What the team keeps of the teachers of a batch, by key; a teacher it knows nothing of is absent.
    public typealias State = [String: Teacher]

    /// One change to store, in the order given.
    public enum Change: Sendable, Equatable {
        /// Delete every scan of the teacher in the team (all rounds, history included) and remember the day.
        case withdraw(key: String, on: SchoolDate)
        /// Remove the teacher's name from every scan he gave the team.
        case anonymise(key: String)
        /// Store scan `index` of the batch in the round: `current` or as history; `replacing` his current one, which
        /// becomes history.
        case add(index: Int, key: String, current: Bool, replacing: Bool)
    }

    public struct Plan: Sendable, Equatable {
        /// One per scan, in the order given.
        public let outcomes: [TeamImportOutcome]
        public let changes: [Change]
    }

    /// The outcome of each scan and the changes, given what the team keeps of its teachers; `keys` names the teacher
    /// of each scan.
    public static func plan(_ scans: [TeamMemberScan], keys: [String], state: State) -> Plan {
        var state = state
        var outcomes = [TeamImportOutcome](repeating: .unchanged, count: scans.count)
        var changes: [Change] = []
        for index in scans.indices.sorted(by: { (scans[$0].date, $0) < (scans[$1].date, $1) }) {
            let scan = scans[index]
            let key = keys[index]
            var teacher = state[key] ?? Teacher()
            defer { state[key] = teacher }
            let newest = teacher.latest
            if scan.consent == .prive {
                // A newer private scan withdraws everything the team kept of him; an older one changes nothing.
                guard let newest, newest <= scan.date else {
                    outcomes[index] = .skippedPrivate
                    continue
                }
                changes.append(.withdraw(key: key, on: scan.date))
                teacher = Teacher(withdrawn: max(teacher.withdrawn ?? scan.date, scan.date))
                outcomes[index] = .withdrawn
                continue
            }
            if let withdrawn = teacher.withdrawn, scan.date <= withdrawn {
                outcomes[index] = .olderThanWithdrawal
                continue
            }
            if teacher.fingerprints.contains(scan.fingerprint) { continue }
            let outcome: TeamImportOutcome
            if let current = teacher.current {
                // Same day: the later import is the corrected one.
                outcome = current <= scan.date ? .replaced : .history
            } else {
                outcome = .added
            }
            if scan.consent == .anoniem, newest.map({ $0 <= scan.date }) ?? true {
                changes.append(.anonymise(key: key))
            }
            changes.append(.add(index: index, key: key, current: outcome != .history, replacing: outcome == .replaced))
            teacher.latest = max(newest ?? scan.date, scan.date)
            teacher.fingerprints.insert(scan.fingerprint)
            if outcome != .history { teacher.current = scan.date }
            outcomes[index] = outcome
        }
        return Plan(outcomes: outcomes, changes: changes)
    }
}
