/// What a teacher hands in to his school at the end of a school year: his plan's activities done (hours, real cost,
/// his two answers of level 1, not his remarks) and per goal whether the next self-scan found it reached (level 2).
/// The school counts it only in groups (`SchoolEvaluation`); it keeps his name only when he handed it in by name.
public struct YearLogbook: Sendable, Hashable, Codable {
    public struct Activity: Sendable, Hashable, Codable {
        public let form: ActivityForm.ID
        public let name: String
        /// The goal's competency; nil for an activity outside the plan's goals.
        public let competency: Competency.ID?
        public let date: SchoolDate
        public let minutes: Int
        public let cents: Int64
        public let satisfied: Int?
        public let usable: Int?

        public init(
            form: ActivityForm.ID, name: String, competency: Competency.ID?, date: SchoolDate, minutes: Int,
            cents: Int64, satisfied: Int?, usable: Int?
        ) {
            self.form = form
            self.name = name
            self.competency = competency
            self.date = date
            self.minutes = minutes
            self.cents = cents
            self.satisfied = satisfied
            self.usable = usable
        }
    }

    /// A goal the next self-scan measured.
    public struct Goal: Sendable, Hashable, Codable {
        public let competency: Competency.ID
        public let reached: Bool
        public let gapBefore: Int
        public let gapAfter: Int
        /// Level 3: by how many levels others see the goal's behaviours more often in the follow-up than in the first
        /// feedback (`GoalObservation.change`, in hundredths), as the teacher's own report showed it; nil when not
        /// observed.
        public let observed: Double?

        public init(competency: Competency.ID, reached: Bool, gapBefore: Int, gapAfter: Int, observed: Double? = nil) {
            self.competency = competency
            self.reached = reached
            self.gapBefore = gapBefore
            self.gapAfter = gapAfter
            self.observed = observed.map { ($0 * 100).rounded() / 100 }
        }

        /// The observed change as the file writes it: "0.5", "-0.25".
        public static func observedText(_ value: Double) -> String {
            let hundredths = Int((value * 100).rounded())
            let whole = abs(hundredths) / 100, rest = abs(hundredths) % 100
            let sign = hundredths < 0 ? "-" : ""
            if rest == 0 { return "\(sign)\(whole)" }
            return rest % 10 == 0 ? "\(sign)\(whole).\(rest / 10)" : "\(sign)\(whole).\(rest < 10 ? "0" : "")\(rest)"
        }
    }

    /// The teacher's name as the file gives it; a store keeps it only for `metNaam`.
    public var teacher: String?
    /// Who it is within the school year without his name: a second logbook of his replaces his first.
    public let key: String
    public let consent: Consent
    public let team: String?
    /// "2026-2027".
    public let schoolYear: String
    /// The day it was made: a newer logbook of the same teacher replaces an older one.
    public let date: SchoolDate
    public let learningPreference: LearningPreference?
    public let goalsPlanned: Int
    public let plannedMinutes: Int
    public let plannedCents: Int64
    public let activities: [Activity]
    public let goals: [Goal]

    public init(
        teacher: String, consent: Consent, team: String?, schoolYear: String, date: SchoolDate,
        learningPreference: LearningPreference?, goalsPlanned: Int, plannedMinutes: Int, plannedCents: Int64,
        activities: [Activity], goals: [Goal]
    ) {
        self.teacher = teacher
        self.key = Self.key(schoolYear: schoolYear, teacher: teacher)
        self.consent = consent
        self.team = team
        self.schoolYear = schoolYear
        self.date = date
        self.learningPreference = learningPreference
        self.goalsPlanned = goalsPlanned
        self.plannedMinutes = plannedMinutes
        self.plannedCents = plannedCents
        self.activities = activities
        self.goals = goals
    }

    /// A teacher's logbook of one school year, from his plan's progress. The school year is the plan's.
    public init(_ progress: PlanProgress, consent: Consent, date: SchoolDate) {
        self.init(
            teacher: progress.plan.teacher, consent: consent, team: progress.plan.team,
            schoolYear: SchoolScan.schoolYear(of: progress.plan.date), date: date,
            learningPreference: progress.plan.learningPreference, goalsPlanned: progress.plan.goals.count,
            plannedMinutes: progress.plannedMinutes, plannedCents: progress.plannedCents,
            activities: progress.done.map {
                Activity(
                    form: $0.formID, name: $0.formName, competency: $0.competency, date: $0.date, minutes: $0.minutes,
                    cents: $0.cents, satisfied: $0.reaction?.satisfied, usable: $0.reaction?.usable)
            },
            goals: progress.goals.filter(\.measured).map { goal in
                Goal(
                    competency: goal.competency.id, reached: goal.reached, gapBefore: goal.gapBefore,
                    gapAfter: goal.gapAfter,
                    observed: progress.observations.first { $0.goal == goal.goal }?.change)
            })
    }

    /// Not a secret (whoever knows the names can recompute it), as the team's pseudonym: it only lets a store
    /// recognise the same teacher without keeping his name.
    public static func key(schoolYear: String, teacher: String) -> String {
        Fingerprint.fnv1a("logboek\u{1}\(schoolYear)\u{1}\(PrivacyRule.memberKey(teacher))")
    }

    /// As a store keeps it: without the name unless handed in by name.
    public var kept: YearLogbook {
        var kept = self
        if consent != .metNaam { kept.teacher = nil }
        return kept
    }

    /// The goals an activity of `form` served: those of its competencies that the next scan measured.
    public func goals(servedBy form: ActivityForm.ID) -> [Goal] {
        let competencies = Set(activities.filter { $0.form == form }.compactMap(\.competency))
        return goals.filter { competencies.contains($0.competency) }
    }

    /// The problems that keep a logbook out of the school's figures, for a reader to name.
    public func validate() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if consent == .prive {
            problems.append(
                ValidationProblem(
                    [.key("consent")], "een privé-logboek lever je niet in: kies anoniem of metNaam"))
        }
        for (index, activity) in activities.enumerated() {
            let path: [ValidationProblem.PathComponent] = [.key("activities"), .index(index)]
            if !ActivityDone.minuteRange.contains(activity.minutes) {
                problems.append(ValidationProblem(path + [.key("hours")], "verwacht 0 t/m 2000 uur"))
            }
            if !ActivityDone.centRange.contains(activity.cents) {
                problems.append(ValidationProblem(path + [.key("cost")], "verwacht € 0 t/m € 10.000.000"))
            }
            for (key, value) in [("satisfied", activity.satisfied), ("usable", activity.usable)] {
                if let value, !Reaction.scale.contains(value) {
                    problems.append(ValidationProblem(path + [.key(key)], "verwacht 1 t/m 5"))
                }
            }
            if (activity.satisfied == nil) != (activity.usable == nil) {
                problems.append(ValidationProblem(path, "een reactie heeft beide antwoorden: satisfied en usable"))
            }
            if let competency = activity.competency, !(1...7).contains(competency) {
                problems.append(ValidationProblem(path + [.key("competency")], "verwacht 1 t/m 7"))
            }
        }
        var seen = Set<Int>()
        for (index, goal) in goals.enumerated() {
            let path: [ValidationProblem.PathComponent] = [.key("goals"), .index(index)]
            if !(1...7).contains(goal.competency) {
                problems.append(ValidationProblem(path + [.key("competency")], "verwacht 1 t/m 7"))
            } else if !seen.insert(goal.competency).inserted {
                problems.append(
                    ValidationProblem(path + [.key("competency")], "competentie \(goal.competency) staat er dubbel in"))
            }
            if let observed = goal.observed, !(-3...3).contains(observed) {
                problems.append(ValidationProblem(path + [.key("observed")], "verwacht -3 t/m 3 niveaus"))
            }
            if !(0...200).contains(goal.gapBefore) || !(0...200).contains(goal.gapAfter) {
                problems.append(ValidationProblem(path, "een gat is 0 t/m 200 niveaus"))
            }
            if goal.reached && goal.gapAfter > 0 {
                problems.append(ValidationProblem(path + [.key("reached")], "bereikt, maar er is nog een gat"))
            }
        }
        if goals.count > 7 { problems.append(ValidationProblem([.key("goals")], "hooguit 7 doelen")) }
        if activities.count > 500 {
            problems.append(ValidationProblem([.key("activities")], "hooguit 500 activiteiten in een schooljaar"))
        }
        if !(0...7).contains(goalsPlanned) {
            problems.append(ValidationProblem([.key("planned"), .key("goals")], "verwacht 0 t/m 7"))
        }
        return problems
    }
}
