/// The school's evaluation of a school year (Kirkpatrick's levels 1 and 2, with spend and hours): per form of
/// professionalisation, per learning-preference metaphor and for the whole school, from the teachers' logbooks
/// (`YearLogbook`). Every figure is a group's, under the privacy rule:
///
/// 1. A group counts only from the threshold of teachers (every logbook counts only in groups, also one handed in
///    by name: reactions and results are personal, the seed's school sees them "as a group").
/// 2. Across the moments of a year (every import decides a release, kept by the store), a group shown must differ
///    from the same group shown before by none or at least the threshold of teachers.
/// 3. No combination of the groups shown now and before may single out one teacher's part: the figures are sums
///    (hours, euros, answers, goals) over *cells* — one teacher's activities of one form, one teacher's goal — and
///    `PrivacyRule.isolated` finds a cell that some sum or difference of the groups determines (a form shown beside
///    the school's total, with one other form of one teacher, gives that teacher's form away).
/// 4. A mean or share is withheld where it would tell each member's answer (`GroupDisclosure`).
public struct SchoolEvaluation: Sendable, Hashable {
    /// A group the evaluation reports on.
    public enum Group: Sendable, Hashable, Comparable {
        case school
        case preference(LearningPreference)
        case form(ActivityForm.ID)

        /// The key of the group's figure in a release.
        public var figure: String {
            switch self {
            case .school: "school"
            case .preference(let preference): "leervoorkeur:\(preference.rawValue)"
            case .form(let form): "vorm:\(form)"
            }
        }

        private var order: (Int, Int, String) {
            switch self {
            case .school: (0, 0, "")
            case .preference(let preference): (1, preference.number, "")
            case .form(let form): (2, 0, form)
            }
        }

        public static func < (lhs: Group, rhs: Group) -> Bool { lhs.order < rhs.order }
    }

    /// A group's sums: what every figure of the report is made of.
    public struct Figures: Sendable, Hashable {
        public var teachers = 0
        public var activities = 0
        public var minutes = 0
        public var cents: Int64 = 0
        public var reactions = 0
        public var satisfiedSum = 0
        public var usableSum = 0
        /// Answers 4 or 5: "(zeer) tevreden", "(zeker) wel aan de slag".
        public var satisfied = 0
        public var usable = 0
        public var goalsMeasured = 0
        public var goalsReached = 0
        public var gapBefore = 0
        public var gapAfter = 0
        /// Σ over the measured goals of the levels closed ÷ the competency's behaviours: how far the competency's
        /// mean rose, the unit the budget's `effect` is in.
        public var competencyRise = 0.0
        /// Level 3: the measured goals whose change others saw (the follow-up feedback beside the first), and the sum
        /// of those changes in levels.
        public var goalsObserved = 0
        public var observedChange = 0.0

        /// False when fewer than the threshold of the group's teachers answered (or, for goals, were measured; for
        /// observations, were observed): then those figures are not shown, its hours and euros are.
        public var answersShown = true
        public var goalsShown = true
        public var observationsShown = true

        public init() {}

        mutating func withholdAnswers() {
            (reactions, satisfiedSum, usableSum, satisfied, usable) = (0, 0, 0, 0, 0)
            answersShown = false
        }

        mutating func withholdGoals() {
            (goalsMeasured, goalsReached, gapBefore, gapAfter, competencyRise) = (0, 0, 0, 0, 0)
            goalsShown = false
        }

        mutating func withholdObservations() {
            (goalsObserved, observedChange) = (0, 0)
            observationsShown = false
        }

        public var hours: Double { Double(minutes) / 60 }
        public var euros: Double { Double(cents) / 100 }

        /// Level 1, nil where it would tell each answer (or there is none).
        public var meanSatisfied: Double? { mean(satisfiedSum) }
        public var meanUsable: Double? { mean(usableSum) }
        public var shareSatisfied: Double? { share(satisfied, of: reactions) }
        public var shareUsable: Double? { share(usable, of: reactions) }
        /// Level 2: the share of measured goals reached, nil where it would tell each (all, or all but one, alike).
        public var shareReached: Double? { share(goalsReached, of: goalsMeasured) }
        /// Euros per goal reached: spend over the goals reached, nil when none was (or the share is withheld).
        public var costPerGoalReached: Double? {
            guard shareReached != nil, goalsReached > 0 else { return nil }
            return euros / Double(goalsReached)
        }

        /// The levels a participant's competency rose per measured goal: what a form was seen to achieve, which `lob
        /// budget --effects-from` takes in place of the catalogue's assumption. Only where the share of goals reached
        /// is shown, within the catalogue's bounds (0 to 3).
        public var measuredEffect: Double? {
            guard shareReached != nil, goalsMeasured > 0 else { return nil }
            return min(3, max(0, competencyRise / Double(goalsMeasured)))
        }

        /// Level 3: how many levels more often others see the goals' behaviours now, on average over the goals
        /// observed (negative: less often). A mean of changes, not of answers on a scale: no end tells each.
        public var meanObservedChange: Double? {
            guard observationsShown, goalsObserved > 0 else { return nil }
            return observedChange / Double(goalsObserved)
        }

        private func mean(_ sum: Int) -> Double? {
            guard reactions > 0,
                !GroupDisclosure.meanTells(
                    sum: sum, n: reactions, low: Reaction.scale.lowerBound, high: Reaction.scale.upperBound)
            else { return nil }
            return Double(sum) / Double(reactions)
        }

        private func share(_ count: Int, of total: Int) -> Double? {
            guard total > 0, !GroupDisclosure.distributionTells([count, total - count]) else { return nil }
            return Double(count) / Double(total)
        }
    }

    /// One line of the report: a group and its figures, or why they are not shown.
    public struct Line: Sendable, Hashable {
        public enum Withheld: Sendable, Hashable {
            case tooFew
            /// Since an earlier moment, or beside the other groups shown, it would tell one teacher's part.
            case singlesOut
        }

        public let group: Group
        /// The form's name, or the metaphor's.
        public let name: String
        /// Nil when withheld: then not even the group's size is said, only why.
        public let figures: Figures?
        public let withheld: Withheld?
    }

    public let schoolYear: String
    public let threshold: Int
    /// How many logbooks the year has (a count of hand-ins tells no one's answer).
    public let logbooks: Int
    public let lines: [Line]
    public let plannedCents: Int64?

    /// The year's report from its current logbooks and the release kept with them.
    public init(
        schoolYear: String, logbooks: [YearLogbook], release: PrivacyRule.Release, catalogue: ActivityCatalogue?,
        framework: Catalogue = .standard
    ) {
        self.schoolYear = schoolYear
        self.threshold = release.threshold
        self.logbooks = logbooks.count
        let cells = Self.cells(logbooks)
        var lines: [Line] = []
        for group in Self.groups(logbooks) {
            let name = Self.name(group, logbooks: logbooks, catalogue: catalogue)
            // The release counts a group's answers, its goals, or both: each as it is now, or not at all.
            let current = Self.split(cells.groups[group] ?? [])
            guard let counted = release.counted[group.figure].map(Self.split),
                CellKind.allCases.allSatisfy({ counted[$0]!.isEmpty || counted[$0] == current[$0] })
            else {
                let reason = release.withheld[group.figure]
                lines.append(
                    Line(group: group, name: name, figures: nil, withheld: reason == .tooFew ? .tooFew : .singlesOut))
                continue
            }
            var figures = Self.figures(group, logbooks, framework: framework)
            if counted[.answer]!.isEmpty { figures.withholdAnswers() }
            if counted[.goal]!.isEmpty { figures.withholdGoals() }
            if counted[.observation]!.isEmpty { figures.withholdObservations() }
            lines.append(Line(group: group, name: name, figures: figures, withheld: nil))
        }
        self.lines = lines
        let school = lines.first { $0.group == .school }
        self.plannedCents = school?.figures != nil ? logbooks.reduce(0) { $0 + $1.plannedCents } : nil
    }

    // MARK: - The release

    /// Which groups may be shown now, given the year's earlier releases.
    public static func release(
        _ logbooks: [YearLogbook], threshold: Int, earlier: [PrivacyRule.Release]
    ) -> PrivacyRule.Release {
        let limit = PrivacyRule.threshold(threshold)
        let cells = self.cells(logbooks)
        var shown: [Set<String>] = Array(Set(earlier.flatMap { $0.counted.values }))
        var counted: [String: Set<String>] = [:]
        var withheld: [String: PrivacyRule.Release.Reason] = [:]
        for group in groups(logbooks) {
            // Each kind of sum (answers, goals, observations) counts only from the threshold of teachers; a group shows
            // the kinds that do, and is withheld when none does.
            let members = split(cells.groups[group] ?? []).values.reduce(into: Set<String>()) { members, cells in
                if teachers(in: cells) >= limit { members.formUnion(cells) }
            }
            guard !members.isEmpty else {
                withheld[group.figure] = .tooFew
                continue
            }
            let tooSmall = earlier.compactMap { $0.counted[group.figure] }.contains { before in
                let changed = teachers(in: members.symmetricDifference(before))
                return changed > 0 && changed < limit
            }
            if tooSmall || tellsAboutOne(shown + [members]) {
                withheld[group.figure] = .changeTooSmall
                continue
            }
            counted[group.figure] = members
            shown.append(members)
        }
        return PrivacyRule.Release(threshold: limit, counted: counted, withheld: withheld)
    }

    /// Whether the groups' sums, taken together, determine anything about one teacher alone: some combination of
    /// them that is not zero and involves the cells of one teacher only (one cell, his total, the difference between
    /// two of his forms). Activities and goals are summed separately (hours, euros and answers over the first,
    /// goals reached over the second), so each is its own system.
    static func tellsAboutOne(_ groups: [Set<String>]) -> Bool {
        let split = groups.map(self.split)
        return CellKind.allCases.contains { kind in tellsAboutOne(system: Set(split.map { $0[kind]! })) }
    }

    /// One system of sums: the cells that are in exactly the same groups are one column (no sum tells them
    /// apart); a teacher is singled out when leaving out the columns that are his alone lowers the rank: then some
    /// combination of the sums is his alone.
    static func tellsAboutOne(system groups: Set<Set<String>>) -> Bool {
        let rows = groups.filter { !$0.isEmpty }.sorted { $0.sorted().lexicographicallyPrecedes($1.sorted()) }
        guard !rows.isEmpty else { return false }
        var classes: [[Bool]: Set<Substring>] = [:]
        for member in rows.reduce(into: Set<String>(), { $0.formUnion($1) }) {
            classes[rows.map { $0.contains(member) }, default: []].insert(member.prefix { $0 != "|" })
        }
        let patterns = classes.keys.sorted { $0.lexicographicallyPrecedes($1) { !$0 && $1 } }
        let owners = patterns.map { classes[$0]!.count == 1 ? classes[$0]!.first : nil }
        func rank(without owner: Substring?) -> Int {
            let columns = patterns.indices.filter { owner == nil || owners[$0] != owner }
            var matrix = rows.indices.map { row in columns.map { patterns[$0][row] ? 1.0 : 0.0 } }
            return PrivacyRule.rank(&matrix)
        }
        let full = rank(without: nil)
        return Set(owners.compactMap { $0 }).contains { rank(without: $0) < full }
    }

    /// Every group the logbooks make, school first, then the metaphors, then the forms.
    static func groups(_ logbooks: [YearLogbook]) -> [Group] {
        var groups: Set<Group> = [.school]
        for logbook in logbooks {
            if let preference = logbook.learningPreference { groups.insert(.preference(preference)) }
            for activity in logbook.activities { groups.insert(.form(activity.form)) }
        }
        return groups.sorted()
    }

    /// The cells of the logbooks: per teacher one per activity and one per goal measured, each named by his key and
    /// its own contents, so that a changed activity is a new cell and an unchanged one stays the same (whoever
    /// watches the figures over time may know which of his activities a teacher left as they were). Per group, the
    /// cells its sums run over.
    static func cells(_ logbooks: [YearLogbook]) -> (all: Set<String>, groups: [Group: Set<String>]) {
        var groups: [Group: Set<String>] = [:]
        var all = Set<String>()
        for logbook in logbooks {
            var mine = Set<String>()
            var goalCells: [Competency.ID: [String]] = [:]
            for goal in logbook.goals {
                goalCells[goal.competency] = [
                    cell(
                        logbook.key, "doel:\(goal.competency)", "\(goal.reached) \(goal.gapBefore) \(goal.gapAfter)")
                ]
                // Only an observed goal holds an observation: the count of observations is shown.
                if let observed = goal.observed {
                    goalCells[goal.competency]!.append(
                        cell(logbook.key, "gedrag:\(goal.competency)", YearLogbook.Goal.observedText(observed)))
                }
            }
            mine.formUnion(goalCells.values.joined())
            var seen: [String: Int] = [:]
            // Only an answered activity holds a secret: hours and euros are no one's answer, and an activity without a
            // reaction adds nothing to a sum of answers (a cell for it would hide nothing and mislead the check).
            for activity in logbook.activities where activity.satisfied != nil && activity.usable != nil {
                let content =
                    "\(activity.date) \(activity.minutes) \(activity.cents) \(activity.satisfied ?? 0) \(activity.usable ?? 0) \(activity.competency ?? 0)"
                // Two activities alike are two cells.
                let occurrence = seen["\(activity.form) \(content)", default: 0]
                seen["\(activity.form) \(content)"] = occurrence + 1
                let activityCell = cell(logbook.key, "vorm:\(activity.form)", "\(content) \(occurrence)")
                mine.insert(activityCell)
                groups[.form(activity.form), default: []].insert(activityCell)
            }
            for form in Set(logbook.activities.map(\.form)) {
                groups[.form(form), default: []].formUnion(
                    logbook.goals(servedBy: form).flatMap { goalCells[$0.competency] ?? [] })
            }
            if let preference = logbook.learningPreference {
                groups[.preference(preference), default: []].formUnion(mine)
            }
            groups[.school, default: []].formUnion(mine)
            all.formUnion(mine)
        }
        return (all, groups)
    }

    /// What a cell holds: an answered activity, a measured goal, or a goal's observed change (level 3). Each is
    /// summed on its own, so each is its own system of sums and counts from its own threshold of teachers.
    enum CellKind: String, CaseIterable {
        case answer = "vorm"
        case goal = "doel"
        case observation = "gedrag"
    }

    /// A group's cells per kind (every kind present, maybe empty).
    static func split(_ cells: Set<String>) -> [CellKind: Set<String>] {
        var result = Dictionary(uniqueKeysWithValues: CellKind.allCases.map { ($0, Set<String>()) })
        for cell in cells {
            let kind = CellKind.allCases.first { cell.contains("|\($0.rawValue):") } ?? .goal
            result[kind]!.insert(cell)
        }
        return result
    }

    static func cell(_ key: String, _ what: String, _ content: String) -> String {
        "\(key)|\(what)|\(Fingerprint.fnv1a(content))"
    }

    /// The teachers whose cells these are.
    static func teachers(in cells: Set<String>) -> Int {
        Set(cells.map { $0.prefix { $0 != "|" } }).count
    }

    /// A group's sums over its cells: a form's own activities and the goals they served; a metaphor's or the
    /// school's every activity and goal of its teachers.
    static func figures(_ group: Group, _ logbooks: [YearLogbook], framework: Catalogue = .standard) -> Figures {
        var figures = Figures()
        for logbook in logbooks {
            let activities: [YearLogbook.Activity]
            let goals: [YearLogbook.Goal]
            switch group {
            case .school:
                (activities, goals) = (logbook.activities, logbook.goals)
            case .preference(let preference):
                guard logbook.learningPreference == preference else { continue }
                (activities, goals) = (logbook.activities, logbook.goals)
            case .form(let form):
                (activities, goals) = (logbook.activities.filter { $0.form == form }, logbook.goals(servedBy: form))
            }
            // A teacher is in a group through his cells: an activity or a measured goal.
            if activities.isEmpty && goals.isEmpty { continue }
            figures.teachers += 1
            figures.activities += activities.count
            for activity in activities {
                figures.minutes += activity.minutes
                figures.cents += activity.cents
                if let satisfied = activity.satisfied, let usable = activity.usable {
                    figures.reactions += 1
                    figures.satisfiedSum += satisfied
                    figures.usableSum += usable
                    if satisfied >= 4 { figures.satisfied += 1 }
                    if usable >= 4 { figures.usable += 1 }
                }
            }
            for goal in goals {
                figures.goalsMeasured += 1
                if goal.reached { figures.goalsReached += 1 }
                figures.gapBefore += goal.gapBefore
                figures.gapAfter += goal.gapAfter
                if let observed = goal.observed {
                    figures.goalsObserved += 1
                    figures.observedChange += observed
                }
                figures.competencyRise +=
                    Double(goal.gapBefore - goal.gapAfter)
                    / Double(max(1, framework.behaviours(of: goal.competency).count))
            }
        }
        return figures
    }

    static func name(_ group: Group, logbooks: [YearLogbook], catalogue: ActivityCatalogue?) -> String {
        switch group {
        case .school: "de hele school"
        case .preference(let preference): preference.name
        case .form(let form):
            catalogue?.form(form)?.name
                ?? logbooks.lazy.flatMap(\.activities).filter { $0.form == form }.map(\.name).min() ?? form
        }
    }
}
