import Foundation
import LOBCore
import LOBFormats
import LOBPostgresStore
import LOBRender
import LOBStore
import Testing

/// The privacy promise tried as an attacker would (docs/team.md, *De privacyregel*). Many small teams get a history
/// of imports, replaced scans, removals, withdrawals and threshold changes; after every change every output is made
/// as the commands make it (team report and team plan of every round as JSON, the board for the latest round and for
/// every label, the budget), and read back as JSON. The attacker knows who is in which team and who handed in what
/// when — everything but the anonymous answers — and writes down every figure as equations: n × mean and the counts per
/// level over the scans the figure can cover, team totals minus the named scores, board totals minus the teams,
/// before minus after. A score of a scan that was never shown by name must not follow from those equations.
///
/// The solver is written here on its own (exact fractions), independent of `PrivacyRule`'s audit.
struct PrivacyAttackTests {
    static let profile = Profile(
        id: "klein", title: "Klein profiel", behaviours: ["1.1", "1.2", "2.1", "2.2", "3.1"], defaultTarget: 3)

    // MARK: - The attacker's equations

    /// One unknown: a scan's score on a behaviour (`level` nil) or whether it chose that level (0 or 1).
    struct Unknown: Hashable, Comparable {
        let scan: String
        let behaviour: String
        let level: Int?
        static func < (a: Unknown, b: Unknown) -> Bool {
            (a.scan, a.behaviour, a.level ?? 0) < (b.scan, b.behaviour, b.level ?? 0)
        }
    }

    /// Σ unknowns = value.
    struct Equation {
        let unknowns: Set<Unknown>
        let value: Int
    }

    /// What the attacker knows of one moment of one round: which scans were current, named or anonymous, and what
    /// each answered.
    struct Moment {
        let named: [String: [String: Int]]
        let anonymous: [String: [String: Int]]
    }

    final class Attacker {
        var equations: [Equation] = []
        /// Scans that some output showed by name: their scores are public.
        var public_ = Set<String>()
        /// Every anonymous scan ever stored, with its true scores.
        var hidden: [String: [String: Int]] = [:]
        var figuresSeen = 0

        /// A behaviour figure of a team report: n and distribution over the named scans that answered it, plus —
        /// the only other case the tool has — every anonymous one that did.
        func figure(_ entry: [String: Any], moment: Moment, context: String) {
            guard entry["withheld"] as? Bool == false, let behaviour = entry["behaviour"] as? String,
                let n = entry["n"] as? Int, let mean = entry["mean"] as? Double
            else { return }
            let distribution = entry["distribution"] as? [Int]
            figuresSeen += 1
            let named = moment.named.values.compactMap { $0[behaviour] }
            let anonymous = moment.anonymous.filter { $0.value[behaviour] != nil }
            let covered: [String]
            if n == named.count {
                covered = []
            } else if n == named.count + anonymous.count {
                covered = Array(anonymous.keys)
            } else {
                Issue.record(
                    "\(context) \(behaviour): n \(n) is neither the named \(named.count) nor all \(named.count + anonymous.count)"
                )
                return
            }
            // Group disclosure: what is shown of the anonymous part may not tell each member's level.
            let hidden = covered.compactMap { moment.anonymous[$0]?[behaviour] }
            let hiddenLevels = (1...4).map { level in hidden.filter { $0 == level }.count }
            #expect(
                !GroupDisclosure.meanTells(sum: hidden.reduce(0, +), n: hidden.count, low: 1, high: 4),
                "\(context) \(behaviour): a mean over anonymous answers \(hidden.sorted()) tells each of them")
            if distribution != nil {
                #expect(
                    !GroupDisclosure.distributionTells(hiddenLevels),
                    "\(context) \(behaviour): a distribution tells each anonymous answer \(hidden.sorted())")
            }
            let total = Int((mean * Double(n)).rounded())
            add(covered, behaviour: behaviour, level: nil, value: total - named.reduce(0, +))
            guard let distribution else { return }
            #expect(distribution.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element } == total)
            for level in 1...4 {
                add(
                    covered, behaviour: behaviour, level: level,
                    value: distribution[level - 1] - named.filter { $0 == level }.count)
            }
        }

        func add(_ scans: [String], behaviour: String, level: Int?, value: Int) {
            equations.append(
                Equation(
                    unknowns: Set(scans.map { Unknown(scan: $0, behaviour: behaviour, level: level) }), value: value))
        }

        /// The hidden scores the equations determine.
        func determined() -> [Unknown: Fraction] {
            var result: [Unknown: Fraction] = [:]
            // Each behaviour and level is a system of its own.
            let families = Dictionary(grouping: equations) { equation in
                equation.unknowns.first.map { "\($0.behaviour)|\($0.level ?? 0)" } ?? ""
            }
            for (_, system) in families {
                let unknowns = Array(Set(system.flatMap(\.unknowns))).sorted()
                guard !unknowns.isEmpty else { continue }
                let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($0.element, $0.offset) })
                var rows = system.map { equation -> [Fraction] in
                    var row = [Fraction](repeating: .zero, count: unknowns.count + 1)
                    for unknown in equation.unknowns { row[column[unknown]!] = .one }
                    row[unknowns.count] = Fraction(equation.value)
                    return row
                }
                for (index, value) in Solver.uniquelyDetermined(&rows, width: unknowns.count) {
                    let unknown = unknowns[index]
                    if hidden[unknown.scan] != nil && !public_.contains(unknown.scan) { result[unknown] = value }
                }
            }
            return result
        }
    }

    // MARK: - A world of small teams with a history

    struct World {
        var random: SeededRandom
        let database: any TeamStore
        let teams = ["Groot", "Klein", "Midden"]
        var day = 0
        var version = 0
        var people: [String: [String]] = [:]

        init(seed: UInt64, database: any TeamStore) {
            random = SeededRandom(seed: seed)
            self.database = database
            for team in teams { people[team] = (1...random.next(in: 2...7)).map { "\(team) collega \($0)" } }
        }

        mutating func date() -> SchoolDate {
            day += 1
            let month = 9 + day / 28, dayOfMonth = 1 + day % 28
            return SchoolDate("2026-\(month < 10 ? "0" : "")\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)")!
        }

        /// One change, chosen at random.
        mutating func step() async throws -> String {
            let team = teams[random.next(in: 0...teams.count - 1)]
            let members = people[team]!
            switch random.next(in: 0...9) {
            case 0...5:
                let round = random.next(in: 0...3) == 0 && day > 6 ? "r2" : "r1"
                let when = date()
                let scans = (0..<random.next(in: 1...4)).map { _ -> TeamMemberScan in
                    version += 1
                    let name = members[random.next(in: 0...members.count - 1)]
                    let consent: Consent = [.metNaam, .metNaam, .anoniem, .anoniem, .anoniem, .anoniem, .prive][
                        random.next(in: 0...6)]
                    var scores: [String: Int] = [:]
                    for behaviour in PrivacyAttackTests.profile.behaviours where random.next(in: 0...9) > 0 {
                        scores[behaviour] = random.next(in: 1...4)
                    }
                    return TeamMemberScan(
                        teacher: name, consent: consent, learningPreference: .oefenen, date: when,
                        profile: PrivacyAttackTests.profile, scores: scores, fingerprint: "scan-\(version)")
                }
                _ = try await database.importScans(scans, team: team, round: round)
                return "import \(scans.map { "\($0.teacher) \($0.consent.rawValue)" }) into \(team) \(round)"
            case 6...7:
                let name = members[random.next(in: 0...members.count - 1)]
                _ = try? await database.removeMember(team: team, teacher: name)
                return "remove \(name) from \(team)"
            default:
                let threshold = random.next(in: 3...5)
                try? await database.setPrivacyThreshold(team: team, threshold: threshold)
                return "threshold \(threshold) for \(team)"
            }
        }

        /// What the attacker knows of a round now.
        func moment(team: String, round: String) async throws -> Moment {
            let scans = try await database.currentScans(team: team, round: round)
            func table(_ consent: Consent) -> [String: [String: Int]] {
                Dictionary(
                    uniqueKeysWithValues: scans.filter { $0.consent == consent }.map { ($0.fingerprint, $0.scores) })
            }
            return Moment(named: table(.metNaam), anonymous: table(.anoniem))
        }
    }

    // MARK: - Every output, as the commands make it

    static func json(_ value: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(try JSON.encode(value).utf8)) as? [String: Any])
    }

    static let catalogue = ActivityCatalogue(
        title: "Aanval",
        forms: [
            ActivityForm(
                id: "cursus", name: "Cursus", preferences: [.kennisVerwerven], withWhom: "trainer", hours: 8,
                costPerParticipant: 100, effect: 1),
            ActivityForm(
                id: "intervisie", name: "Intervisie", preferences: [.oefenen], withWhom: "collega's", hours: 6,
                costPerParticipant: 10, costPerGroup: 200, maxGroupSize: 4, effect: 0.5),
        ])

    /// Makes every output of the world now and hands its figures to the attacker; checks on the way that no figure
    /// rests on fewer than the threshold and that every output has the same figures.
    static func observe(_ world: World, _ attacker: Attacker, context: String) async throws {
        var reports: [String: [String: Any]] = [:]
        for summary in try await world.database.teams() {
            let threshold = PrivacyRule.threshold(summary.privacyThreshold)
            for round in summary.rounds {
                let data = try await #require(try world.database.round(team: summary.name, round: round))
                let moment = try await world.moment(team: summary.name, round: round)
                let analysis = data.analysis()
                let report = try json(
                    TeamReportJSON(TeamReport(team: summary.name, round: round, analysis: analysis)).value)
                reports["\(summary.name)|\(round)"] = report
                for entry in report["behaviours"] as? [[String: Any]] ?? [] {
                    if entry["withheld"] as? Bool == false {
                        #expect((entry["n"] as? Int ?? 0) >= threshold, "\(context): n below threshold")
                    }
                    attacker.figure(entry, moment: moment, context: "\(context) \(summary.name) \(round)")
                }
                for entry in report["competencies"] as? [[String: Any]] ?? [] where entry["withheld"] as? Bool == false
                {
                    #expect((entry["n"] as? Int ?? 0) >= threshold, "\(context): competency n below threshold")
                }
                // The heatmap shows the named only: they are public from here on.
                let shownNames = Set(
                    (report["heatmap"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String })
                for scan in data.members where scan.consent == .metNaam {
                    attacker.public_.insert(scan.fingerprint)
                    if !analysis.allWithheld { #expect(shownNames.contains(scan.teacher)) }
                }
                for scan in data.members where scan.consent == .anoniem {
                    attacker.hidden[scan.fingerprint] = scan.scores
                    #expect(!shownNames.contains(scan.teacher))
                }
                // A count of anonymous colleagues is shown only from the threshold up.
                if let anonymous = (report["privacy"] as? [String: Any])?["anonymous"] as? Int {
                    #expect(anonymous == 0 || anonymous >= threshold, "\(context): \(anonymous) anonymous shown")
                }
                // The team plan: a goal's anonymous participants are none or a group.
                let plan = try json(
                    TeamPlanJSON(
                        TeamPlanReport(
                            TeamPlan(team: summary.name, round: round, analysis: analysis, catalogue: catalogue))))
                for goal in plan["goals"] as? [[String: Any]] ?? [] {
                    let participants = goal["participants"] as? Int ?? 0
                    let anonymous = participants - (goal["namedParticipants"] as? [String] ?? []).count
                    #expect(
                        participants >= threshold && (anonymous == 0 || anonymous >= threshold),
                        "\(context): goal of \(participants), \(anonymous) anonymous")
                }
            }
        }
        // The board, for the latest rounds and for every label: its team rows are the reports' own figures, and its
        // totals add what the reports show.
        for label in [nil, "r1", "r2"] as [String?] {
            let rounds = try await world.database.boardRounds(label: label)
            let board = try json(
                BoardReportJSON(BoardReport(BoardOverview(rounds: rounds.map { ($0.team, $0.round, $0.analysis()) }))))
            var totals: [String: [Int]] = [:]
            var coarsened: Set<String> = []
            for row in board["teams"] as? [[String: Any]] ?? [] {
                let key = "\(row["team"] as? String ?? "")|\(row["round"] as? String ?? "")"
                let report = try #require(reports[key], "\(context): board shows \(key) that has no report")
                #expect(
                    (report["privacy"] as? [String: Any])?["allWithheld"] as? Bool == false,
                    "\(context): board shows withheld \(key)")
                let means = row["means"] as? [String: Any] ?? [:]
                for competency in report["competencies"] as? [[String: Any]] ?? [] {
                    let id = "\(competency["competency"] as? Int ?? 0)"
                    #expect(
                        "\(means[id] ?? NSNull())" == "\(competency["mean"] ?? NSNull())",
                        "\(context): board and report differ for \(key) C\(id)")
                }
                for entry in report["behaviours"] as? [[String: Any]] ?? [] where entry["withheld"] as? Bool == false {
                    let behaviour = entry["behaviour"] as? String ?? ""
                    guard let distribution = entry["distribution"] as? [Int] else {
                        coarsened.insert(behaviour)
                        continue
                    }
                    totals[behaviour, default: [0, 0, 0, 0]] = zip(
                        totals[behaviour] ?? [0, 0, 0, 0], distribution
                    ).map(+)
                }
            }
            for entry in board["behaviours"] as? [[String: Any]] ?? [] {
                let behaviour = entry["behaviour"] as? String ?? ""
                // A total beside a team's coarsened figure would give that figure away by subtraction.
                if coarsened.contains(behaviour) {
                    #expect(entry["distribution"] is NSNull && entry["coarsened"] as? Bool == true, "\(context)")
                    continue
                }
                #expect(
                    (entry["distribution"] as? [Int] ?? [0, 0, 0, 0]) == (totals[behaviour] ?? [0, 0, 0, 0]),
                    "\(context): board total of \(behaviour) is not the sum of the shown teams")
            }
        }
        // The budget: no line about fewer than three teachers.
        let needs = await TrainingNeed.needs(try world.database.boardRounds())
        #expect(
            needs.allSatisfy { $0.teachers >= PrivacyRule.minimumThreshold }, "\(context): a need of fewer than three")
        let allocation = BudgetAllocation(needs: needs, catalogue: catalogue, limits: .init(budget: 1000))
        #expect(allocation.chosen.allSatisfy { $0.participants >= PrivacyRule.minimumThreshold })
    }

    @Test(arguments: 0..<60)
    func no_hidden_score_follows_from_every_output_over_time(seed: Int) async throws {
        try await Self.attack(seed: seed, database: try LOBDatabase.inMemory())
    }

    /// The same attack on a school board's PostgreSQL server (a schema of its own per history).
    @Test(.enabled(if: TestDatabase.postgresAddress != nil), arguments: 0..<12)
    func no_hidden_score_follows_on_postgresql(seed: Int) async throws {
        var address = try PostgresAddress(TestDatabase.postgresAddress ?? "")
        address.schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let store = try await PostgresStore.open(address, schema: .migrate, maximumConnections: 2)
        try await Self.attack(seed: seed, database: store)
        await store.close()
    }

    /// Twenty random changes of three small teams, everything the teamvoorzitter can see observed after each.
    static func attack(seed: Int, database: any TeamStore) async throws {
        var world = World(seed: UInt64(seed) &* 2_654_435_761 &+ 1, database: database)
        let attacker = Attacker()
        var log: [String] = []
        for _ in 0..<20 {
            await log.append(try world.step())
            try await observe(world, attacker, context: "seed \(seed) after \(log.count) steps")
        }
        let determined = attacker.determined()
        #expect(
            determined.isEmpty,
            "seed \(seed): \(determined.count) hidden scores determined, e.g. \(determined.first.map { "\($0.key)" } ?? "") after \(log)"
        )
    }

    /// The attacker is not toothless: the same equations do find a score when the tool shows a group of one. This
    /// keeps the solver honest.
    @Test func the_attacker_finds_a_score_that_a_group_of_one_would_give_away() async {
        let attacker = Attacker()
        attacker.hidden["x"] = ["1.1": 2]
        attacker.hidden["y"] = ["1.1": 3]
        attacker.add(["x", "y"], behaviour: "1.1", level: nil, value: 5)
        attacker.add(["y"], behaviour: "1.1", level: nil, value: 3)
        #expect(
            attacker.determined() == [
                Unknown(scan: "x", behaviour: "1.1", level: nil): Fraction(2),
                Unknown(scan: "y", behaviour: "1.1", level: nil): Fraction(3),
            ])
        let blind = Attacker()
        blind.hidden = attacker.hidden
        blind.add(["x", "y"], behaviour: "1.1", level: nil, value: 5)
        #expect(blind.determined().isEmpty)
    }
}

// MARK: - Exact arithmetic for the solver

struct Fraction: Hashable, CustomStringConvertible {
    let numerator: Int
    let denominator: Int

    init(_ numerator: Int, _ denominator: Int = 1) {
        let divisor = Self.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    static let zero = Fraction(0)
    static let one = Fraction(1)
    var isZero: Bool { numerator == 0 }
    var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    static func - (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func * (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    static func / (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator, a.denominator * b.numerator)
    }
}

enum Solver {
    /// Row-reduces the augmented rows and returns each unknown whose value the system fixes, with that value.
    static func uniquelyDetermined(_ rows: inout [[Fraction]], width: Int) -> [(Int, Fraction)] {
        var pivotRow = 0
        var pivots: [(row: Int, column: Int)] = []
        for column in 0..<width where pivotRow < rows.count {
            guard let found = (pivotRow..<rows.count).first(where: { !rows[$0][column].isZero }) else { continue }
            rows.swapAt(pivotRow, found)
            let scale = rows[pivotRow][column]
            rows[pivotRow] = rows[pivotRow].map { $0 / scale }
            for other in rows.indices where other != pivotRow && !rows[other][column].isZero {
                let factor = rows[other][column]
                rows[other] = zip(rows[other], rows[pivotRow]).map { $0 - factor * $1 }
            }
            pivots.append((pivotRow, column))
            pivotRow += 1
        }
        return pivots.compactMap { row, column in
            (0..<width).allSatisfy { $0 == column || rows[row][$0].isZero } ? (column, rows[row][width]) : nil
        }
    }
}

/// A small deterministic generator (SplitMix64), so that a failing seed can be replayed.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
