import LOBCore

/// The lists of `lob` as JSON (`--format json`), for scripts and other front ends: the contract of docs/json.md.
public enum ListJSON {
    /// `lob scans list`.
    public struct Scans: Encodable {
        struct Entry: Encodable {
            let id: Int64
            let teacher: String
            @Null var team: String?
            let profile: String
            let date: String
            let consent: String
            let answered: Int
            let total: Int
            let finished: Bool
        }

        let formatVersion = 1
        let scans: [Entry]

        public init(finished: [ScanSummary], unfinished: [ScanSummary]) {
            func entries(_ list: [ScanSummary], finished: Bool) -> [Entry] {
                list.map {
                    Entry(
                        id: $0.id, teacher: $0.teacher, team: $0.team, profile: $0.profileID, date: $0.date.description,
                        consent: $0.consent.rawValue, answered: $0.answered, total: $0.total, finished: finished)
                }
            }
            scans = entries(finished, finished: true) + entries(unfinished, finished: false)
        }
    }

    /// `lob team list`.
    public struct Teams: Encodable {
        struct Entry: Encodable {
            let name: String
            let members: Int
            let threshold: Int
            let rounds: [String]
        }

        let formatVersion = 1
        let teams: [Entry]

        public init(_ teams: [TeamSummary]) {
            self.teams = teams.map {
                Entry(name: $0.name, members: $0.members, threshold: $0.privacyThreshold, rounds: $0.rounds)
            }
        }
    }

    /// `lob team members`: names only of who shared by name; the others as a number.
    public struct Members: Encodable {
        struct Named: Encodable {
            let name: String
            let rounds: [String]
        }

        let formatVersion = 1
        let team: String
        let named: [Named]
        let anonymous: Int

        public init(team: String, members: [TeamMember]) {
            self.team = team
            named = members.compactMap { member in member.teacher.map { Named(name: $0, rounds: member.rounds) } }
                .sorted { $0.name < $1.name }
            anonymous = members.filter { $0.teacher == nil }.count
        }
    }

    /// The result of `lob team import`: per file what happened, or why it was not read.
    public struct Import: Encodable {
        struct File: Encodable {
            let file: String
            /// `added`, `replaced`, `history`, `unchanged`, `skippedPrivate`, `withdrawn`, `olderThanWithdrawal`, or
            /// `refused`.
            let outcome: String
            /// The faults of a refused file (`file:line:column: message`); empty otherwise.
            let problems: [String]
        }

        let formatVersion = 1
        let team: String
        @Null var round: String?
        let stored: Bool
        let files: [File]

        public init(
            team: String, round: String?, stored: Bool, outcomes: [(file: String, outcome: TeamImportOutcome)],
            refused: [(file: String, problems: [String])]
        ) {
            self.team = team
            self.round = round
            self.stored = stored
            files =
                outcomes.map { File(file: $0.file, outcome: $0.outcome.rawValue, problems: []) }
                + refused.map { File(file: $0.file, outcome: "refused", problems: $0.problems) }
        }
    }
}

extension ListJSON {
    /// `lob profiles list`: the profiles a user can choose, shipped and the school's own.
    public struct Profiles: Encodable {
        struct Entry: Encodable {
            let id: String
            let title: String
            @Null var role: String?
            @Null var model: String?
            let behaviours: Int
        }

        let formatVersion = 1
        let profiles: [Entry]

        public init(_ profiles: [Profile], catalogue: Catalogue = .standard) {
            self.profiles = profiles.map {
                Entry(
                    id: $0.id, title: $0.title, role: $0.role?.rawValue, model: $0.model?.rawValue,
                    behaviours: $0.scoredBehaviours(in: catalogue).count)
            }
        }
    }

    /// `lob schoolscan list`: one schoolscan per school year, with the model it shows.
    public struct SchoolScans: Encodable {
        struct Entry: Encodable {
            let schoolYear: String
            let school: String
            let date: String
            let dominant: String
            @Null var wished: String?
            let answered: Int
        }

        let formatVersion = 1
        let schoolScans: [Entry]

        public init(_ scans: [SchoolScan]) {
            schoolScans = scans.map { scan in
                let result = SchoolScanResult(scan)
                return Entry(
                    schoolYear: scan.schoolYear, school: scan.school, date: scan.date.description,
                    dominant: result.dominant.rawValue, wished: result.wished?.rawValue, answered: scan.answers.count)
            }
        }
    }
}
