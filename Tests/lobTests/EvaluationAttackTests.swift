import Foundation
import LOBApp
import LOBCore
import LOBMemoryStore
import LOBRender
import Testing

/// The evaluation's privacy promise tried as an attacker would: whoever reads every evaluation report of a school
/// year as it grows (a board member, the teamvoorzitter who asks for it after every import) and knows everything but
/// the answers — who handed in when, which activities each did and whether he left them as they were — writes every
/// shown figure down as equations over the teachers' answers and goals. Nothing about one teacher alone (one
/// reaction, his total, the difference between two of his) may follow. The solver is this file's own (exact
/// fractions), independent of `SchoolEvaluation`'s check.
struct EvaluationAttackTests {
    /// One secret: an answer of one activity (`what`: "satisfied", "usable", and whether each was 4 or 5) or whether
    /// a goal was reached. `teacher` is whose it is; `id` names the activity or goal and its contents, so that a
    /// changed one is a new unknown and an unchanged one stays the same.
    struct Unknown: Hashable, Comparable {
        let teacher: String
        let id: String
        let what: String
        static func < (a: Unknown, b: Unknown) -> Bool { (a.what, a.teacher, a.id) < (b.what, b.teacher, b.id) }
    }

    struct Equation {
        let unknowns: [Unknown]
        let value: Fraction
    }

    /// A teacher as the world knows him: his activities (form, answers) and goals, as last handed in.
    struct Teacher {
        let name: String
        let preference: LearningPreference
        var activities: [(id: Int, form: String, satisfied: Int?, usable: Int?)] = []
        /// A goal, and the change others saw in its follow-up (level 3), when there was one.
        var goals: [(competency: Int, reached: Bool, observed: Int?)] = []
        var version = 0
    }

    static let forms = ["a", "b", "c", "d"]

    static func logbook(_ teacher: Teacher, day: Int) -> YearLogbook {
        YearLogbook(
            teacher: teacher.name, consent: .anoniem, team: "Bouw", schoolYear: "2026-2027",
            date: SchoolDate(year: 2027, month: 3, day: day)!, learningPreference: teacher.preference, goalsPlanned: 3,
            plannedMinutes: 600, plannedCents: 50_000,
            activities: teacher.activities.map {
                .init(
                    form: $0.form, name: "Vorm \($0.form)", competency: 1 + $0.id % 3,
                    date: SchoolDate(year: 2027, month: 1, day: 1 + $0.id % 28)!, minutes: 60 * (1 + $0.id % 4),
                    cents: Int64(1_000 * (1 + $0.id % 5)), satisfied: $0.satisfied, usable: $0.usable)
            },
            goals: teacher.goals.map {
                .init(
                    competency: $0.competency, reached: $0.reached, gapBefore: 2, gapAfter: $0.reached ? 0 : 1,
                    observed: $0.observed.map(Double.init))
            })
    }

    /// The unknowns of one teacher's activities of a form and of his goals (the same ids the world keeps).
    static func unknowns(
        _ teacher: Teacher, forms: Set<String>?, goals: Set<Int>?
    ) -> (
        activities: [(id: String, satisfied: Int?, usable: Int?)],
        goals: [(id: String, reached: Bool, observed: (id: String, change: Int)?)]
    ) {
        let activities = teacher.activities.filter { forms?.contains($0.form) ?? true }.map {
            (id: "\($0.id):\($0.satisfied ?? 0):\($0.usable ?? 0)", satisfied: $0.satisfied, usable: $0.usable)
        }
        let goals = teacher.goals.filter { goals?.contains($0.competency) ?? true }.map { goal in
            (
                id: "doel\(goal.competency):\(goal.reached)", reached: goal.reached,
                observed: goal.observed.map { (id: "gedrag\(goal.competency):\($0)", change: $0) }
            )
        }
        return (activities, goals)
    }

    @Test(arguments: 0..<40)
    func nothing_about_one_teacher_follows_from_the_reports_of_a_growing_year(seed: Int) async throws {
        var random = SeededRandom(seed: UInt64(7_000 + seed))
        let app = LOBApp(store: MemoryStore())
        var teachers: [String: Teacher] = [:]
        var equations: [Equation] = []
        var nextActivity = 0
        let count = random.next(in: 5...9)
        let preferences: [LearningPreference] = [.oefenen, .ontdekken]
        func randomAnswer() -> Int? { random.next(in: 0...4) == 0 ? nil : random.next(in: 1...5) }
        func randomActivity() -> (id: Int, form: String, satisfied: Int?, usable: Int?) {
            nextActivity += 1
            let satisfied = randomAnswer()
            return (
                nextActivity, Self.forms[random.next(in: 0...3)], satisfied,
                satisfied == nil ? nil : random.next(in: 1...5)
            )
        }
        for step in 0..<10 {
            // A new teacher hands in, or one who did hands in again: an activity more, an answer or a goal changed.
            if teachers.count < count && (teachers.count < 3 || random.next(in: 0...2) > 0) {
                var teacher = Teacher(
                    name: "Docent \(teachers.count + 1)", preference: preferences[random.next(in: 0...1)])
                teacher.activities = (0..<random.next(in: 1...3)).map { _ in randomActivity() }
                teacher.goals = (1...random.next(in: 1...3)).map {
                    ($0, random.next(in: 0...1) == 1, random.next(in: 0...1) == 0 ? nil : random.next(in: -1...2))
                }
                teachers[teacher.name] = teacher
            } else {
                let name = teachers.keys.sorted()[random.next(in: 0...(teachers.count - 1))]
                var teacher = teachers[name]!
                switch random.next(in: 0...3) {
                case 0: teacher.activities.append(randomActivity())
                case 1:
                    let index = random.next(in: 0...(teacher.activities.count - 1))
                    let satisfied = random.next(in: 1...5)
                    teacher.activities[index].satisfied = satisfied
                    teacher.activities[index].usable = random.next(in: 1...5)
                case 2:
                    let index = random.next(in: 0...(teacher.goals.count - 1))
                    teacher.goals[index].reached.toggle()
                default:
                    // A follow-up came in, or a later one changed what others saw.
                    let index = random.next(in: 0...(teacher.goals.count - 1))
                    teacher.goals[index].observed = random.next(in: -1...2)
                }
                teacher.version += 1
                teachers[name] = teacher
            }
            let logbooks = teachers.values.sorted { $0.name < $1.name }.map { Self.logbook($0, day: 1 + step) }
            _ = try await app.importLogbooks(logbooks)
            let study = try await app.evaluation(year: "2026-2027", activities: nil)
            let report = EvaluationReport(
                evaluation: study.evaluation, indicators: [], previousYear: study.previousYear, previousIndicators: [],
                schoolScan: nil, previousSchoolScan: nil, budget: nil)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(try JSON.encode(EvaluationJSON(report)).utf8))
                    as? [String: Any])
            for line in json["lines"] as? [[String: Any]] ?? [] where line["withheld"] is NSNull {
                let group = line["group"] as! String
                // Who is in the group, and which of their activities and goals its sums run over.
                var activities: [(Unknown, Unknown, Unknown, Unknown, Int, Int)] = []
                var goals: [(Unknown, Bool)] = []
                var observations: [(Unknown, Int)] = []
                var members = 0
                for teacher in teachers.values {
                    let parts:
                        (
                            activities: [(id: String, satisfied: Int?, usable: Int?)],
                            goals: [(id: String, reached: Bool, observed: (id: String, change: Int)?)]
                        )
                    if group == "school" {
                        parts = Self.unknowns(teacher, forms: nil, goals: nil)
                    } else if group.hasPrefix("leervoorkeur:") {
                        guard group == "leervoorkeur:\(teacher.preference.rawValue)" else { continue }
                        parts = Self.unknowns(teacher, forms: nil, goals: nil)
                    } else {
                        let form = String(group.dropFirst("vorm:".count))
                        let served = Set(teacher.activities.filter { $0.form == form }.map { 1 + $0.id % 3 })
                        guard !served.isEmpty else { continue }
                        parts = Self.unknowns(teacher, forms: [form], goals: served)
                    }
                    if parts.activities.isEmpty && parts.goals.isEmpty { continue }
                    members += 1
                    for activity in parts.activities {
                        guard let satisfied = activity.satisfied, let usable = activity.usable else { continue }
                        let u = { (what: String) in Unknown(teacher: teacher.name, id: activity.id, what: what) }
                        activities.append(
                            (u("satisfied"), u("usable"), u("satisfied≥4"), u("usable≥4"), satisfied, usable))
                    }
                    for goal in parts.goals {
                        goals.append((Unknown(teacher: teacher.name, id: goal.id, what: "reached"), goal.reached))
                        if let observed = goal.observed {
                            observations.append(
                                (Unknown(teacher: teacher.name, id: observed.id, what: "observed"), observed.change))
                        }
                    }
                }
                let context = "seed \(seed) step \(step) \(group)"
                #expect(line["teachers"] as? Int == members, "\(context): teachers")
                // A group shows its answers and its goals each only from three teachers.
                let answered = Set(activities.map(\.0.teacher)).count, measured = Set(goals.map(\.0.teacher)).count
                let observed = Set(observations.map(\.0.teacher)).count
                if line["goalsObserved"] is NSNull {
                    #expect(observed < 3, "\(context): observations of \(observed) teachers withheld")
                    observations = []
                } else {
                    #expect(line["goalsObserved"] as? Int == observations.count, "\(context): observations")
                    #expect(observations.isEmpty || observed >= 3, "\(context): observations of fewer than three")
                }
                if line["reactions"] is NSNull {
                    #expect(answered < 3, "\(context): answers of \(answered) teachers withheld")
                    activities = []
                } else {
                    #expect(line["reactions"] as? Int == activities.count, "\(context): reactions")
                    #expect(activities.isEmpty || answered >= 3, "\(context): answers of fewer than three")
                }
                if line["goalsMeasured"] is NSNull {
                    #expect(measured < 3, "\(context): goals of \(measured) teachers withheld")
                    goals = []
                } else {
                    #expect(goals.isEmpty || measured >= 3, "\(context): goals of fewer than three")
                }
                let n = activities.count
                func record(_ shown: Any?, times: Int, _ unknowns: [Unknown], truth: Int) {
                    guard let value = shown as? Double else { return }
                    let total = Int((value * Double(times)).rounded())
                    #expect(total == truth, "\(context): a figure is not the sum of what was handed in")
                    equations.append(Equation(unknowns: unknowns, value: Fraction(total)))
                }
                let satisfiedSum = activities.reduce(0) { $0 + $1.4 }
                let usableSum = activities.reduce(0) { $0 + $1.5 }
                #expect(
                    line["meanSatisfied"] is NSNull
                        || !GroupDisclosure.meanTells(sum: satisfiedSum, n: n, low: 1, high: 5),
                    "\(context): a mean tells each answer")
                record(line["meanSatisfied"], times: n, activities.map(\.0), truth: satisfiedSum)
                record(line["meanUsable"], times: n, activities.map(\.1), truth: usableSum)
                record(
                    line["shareSatisfied"], times: n, activities.map(\.2), truth: activities.filter { $0.4 >= 4 }.count)
                record(line["shareUsable"], times: n, activities.map(\.3), truth: activities.filter { $0.5 >= 4 }.count)
                #expect(
                    line["goalsMeasured"] is NSNull || line["goalsMeasured"] as? Int == goals.count, "\(context): goals"
                )
                record(line["shareReached"], times: goals.count, goals.map(\.0), truth: goals.filter(\.1).count)
                record(
                    line["meanObservedChange"], times: observations.count, observations.map(\.0),
                    truth: observations.reduce(0) { $0 + $1.1 })
            }
            // What the equations so far tell about any one teacher alone.
            for (what, system) in Dictionary(grouping: equations, by: { $0.unknowns.first?.what ?? "" }) {
                let unknowns = Array(Set(system.flatMap(\.unknowns))).sorted()
                let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($0.element, $0.offset) })
                let matrix = system.map { equation -> [Fraction] in
                    var row = [Fraction](repeating: .zero, count: unknowns.count)
                    for unknown in equation.unknowns { row[column[unknown]!] = .one }
                    return row
                }
                let full = Self.rank(matrix)
                for teacher in Set(unknowns.map(\.teacher)) {
                    let others = unknowns.indices.filter { unknowns[$0].teacher != teacher }
                    let without = Self.rank(matrix.map { row in others.map { row[$0] } })
                    #expect(
                        without == full,
                        "seed \(seed) step \(step): the reports tell something of \(teacher)'s '\(what)' alone")
                }
            }
        }
    }

    /// The rank of rows of fractions.
    static func rank(_ matrix: [[Fraction]]) -> Int {
        var rows = matrix
        guard let width = rows.first?.count else { return 0 }
        var rank = 0
        for column in 0..<width where rank < rows.count {
            guard let found = (rank..<rows.count).first(where: { !rows[$0][column].isZero }) else { continue }
            rows.swapAt(rank, found)
            let scale = rows[rank][column]
            rows[rank] = rows[rank].map { $0 / scale }
            for other in rows.indices where other != rank && !rows[other][column].isZero {
                let factor = rows[other][column]
                rows[other] = zip(rows[other], rows[rank]).map { $0 - factor * $1 }
            }
            rank += 1
        }
        return rank
    }
}
