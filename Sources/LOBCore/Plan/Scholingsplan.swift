/// A teacher's personal development plan (*scholingsplan*, POP) made from a scan: goals, activities that fit how
/// he learns, a timeline over the school year, costs, and evaluation on Kirkpatrick's four levels.
///
/// Pure: the same scan, profile and catalogue give the same plan.
public struct Scholingsplan: Sendable, Hashable {
    public struct Options: Sendable, Hashable {
        /// At most this many goals, so the plan stays doable.
        public var maxGoals: Int
        /// At most this many behaviours per goal; the rest of the competency's development points wait.
        public var maxBehavioursPerGoal: Int

        public init(maxGoals: Int = 3, maxBehavioursPerGoal: Int = 3) {
            self.maxGoals = maxGoals
            self.maxBehavioursPerGoal = maxBehavioursPerGoal
        }
    }

    public struct Goal: Sendable, Hashable {
        public let number: Int
        public let competency: Competency
        /// The development points this goal is about, highest priority first.
        public let behaviours: [ScanResult.BehaviourResult]
        /// Development points of the same competency left for a later plan.
        public let later: [ScanResult.BehaviourResult]
        /// Sum of the behaviours' priorities (gap × weight).
        public let priority: Double
        /// The period in which the activities take place; the goal is checked at its end.
        public let slot: SchoolYear.Slot
        /// "Aan het eind van periode 2 (februari 2027) …": a goal the teacher can check.
        public let statement: String
        public let activities: [PlannedActivity]
        public let evaluation: [EvaluationStep]
    }

    public struct PlannedActivity: Sendable, Hashable {
        public enum Reason: Sendable, Hashable {
            /// Fits the teacher's learning preference.
            case fitsPreference(LearningPreference)
            /// The goal needs this kind too (the seed's caveat).
            case required(CompetencyRequirement)
            /// No form fits the preference for this competency: the closest one the catalogue has.
            case nearest
        }

        public let form: ActivityForm
        public let reason: Reason
        public let slot: SchoolYear.Slot
        public var hours: Double { form.hours }
        /// This teacher's cost: his own plus his share of a full group.
        public var cost: Double { form.costPerPlace }
    }

    public struct EvaluationStep: Sendable, Hashable {
        public let level: KirkpatrickLevel
        /// When, in words ("direct na elke activiteit", "eind van periode 2 2026-2027").
        public let when: String
        /// What is asked and how it is shown.
        public let how: String
    }

    /// A competency left for a later plan.
    public struct LaterGoal: Sendable, Hashable {
        public let competency: Competency
        /// The priority it would have had as a goal (the sum over the behaviours a goal takes).
        public let priority: Double
        /// Its development points, highest priority first.
        public let behaviours: [ScanResult.BehaviourResult]
    }

    /// A strength a colleague can learn from.
    public struct Strength: Sendable, Hashable {
        public let behaviour: ScanResult.BehaviourResult
        /// How a colleague learns from it ("kunst afkijken: …").
        public let offer: String
    }

    public let teacher: String
    public let team: String?
    public let date: SchoolDate
    public let profile: Profile
    public let result: ScanResult
    public let learningPreference: LearningPreference?
    /// True when the preference is the teacher's own choice rather than the self-check's suggestion.
    public let preferenceChosen: Bool
    public let goals: [Goal]
    /// Competencies with development points that did not make it into this plan (at most `maxGoals`): for a later
    /// one, highest priority first, with the priority they would have had as a goal.
    public let laterGoals: [LaterGoal]
    public let strengths: [Strength]
    /// The periods from the first activity to the last evaluation, in order.
    public let timeline: [SchoolYear.Slot]
    public let catalogue: ActivityCatalogue
    public let options: Options

    public var totalHours: Double { goals.flatMap(\.activities).reduce(0) { $0 + $1.hours } }
    public var totalCost: Double { goals.flatMap(\.activities).reduce(0) { $0 + $1.cost } }

    public init(
        scan: Scan, profile: Profile, catalogue: ActivityCatalogue, options: Options = Options(),
        frameworkCatalogue: Catalogue = .standard, scale: Scale = .standard
    ) {
        let result = ScanResult(scan: scan, profile: profile, catalogue: frameworkCatalogue)
        let preference = scan.learningPreference
        let year = catalogue.schoolYear
        let first = year.firstSlot(after: scan.date)

        self.teacher = scan.teacher
        self.team = scan.team
        self.date = scan.date
        self.profile = profile
        self.result = result
        self.learningPreference = preference
        self.preferenceChosen = scan.chosenPreference != nil
        self.catalogue = catalogue
        self.options = options

        // Goals: the competencies with development points, by the priority the goal would have: the sum over the
        // behaviours it takes, as the plan shows it (ties: profile order). A competency with many small gaps does not
        // push out one with a few large ones.
        let perGoal = max(1, options.maxBehavioursPerGoal)
        func goalPriority(_ points: [ScanResult.BehaviourResult]) -> Double {
            points.prefix(perGoal).reduce(0) { $0 + ($1.priority ?? 0) }
        }
        let grouped = result.competencies.enumerated().compactMap {
            offset, competency -> (Int, ScanResult.CompetencyResult, [ScanResult.BehaviourResult])? in
            let points = result.developmentPoints.filter { $0.behaviour.competency == competency.competency.id }
            return points.isEmpty ? nil : (offset, competency, points)
        }
        let ranked = grouped.sorted { lhs, rhs in
            let (a, b) = (goalPriority(lhs.2), goalPriority(rhs.2))
            return a != b ? a > b : lhs.0 < rhs.0
        }
        self.laterGoals = ranked.dropFirst(max(0, options.maxGoals)).map {
            LaterGoal(competency: $0.1.competency, priority: goalPriority($0.2), behaviours: $0.2)
        }
        var used = Set<ActivityForm.ID>()
        var goals: [Goal] = []
        for (index, entry) in ranked.prefix(max(0, options.maxGoals)).enumerated() {
            let (_, competency, points) = entry
            let taken = Array(points.prefix(perGoal))
            let slot = year.next(first, by: index)
            let activities = Self.activities(
                for: competency.competency.id, preference: preference, profile: profile,
                catalogue: catalogue, slot: slot, used: &used)
            goals.append(
                Goal(
                    number: index + 1,
                    competency: competency.competency,
                    behaviours: taken,
                    later: Array(points.dropFirst(taken.count)),
                    priority: taken.reduce(0) { $0 + ($1.priority ?? 0) },
                    slot: slot,
                    statement: Self.statement(taken, slot: slot, year: year, scale: scale),
                    activities: activities,
                    evaluation: Self.evaluation(competency.competency, taken, slot: slot, year: year)
                ))
        }
        self.goals = goals

        let last = goals.map(\.slot).max() ?? first
        // Level 3 looks at practice in the period after a goal; level 4 at the end of that school year.
        let lastEvaluation = year.next(last)
        let yearEnd = SchoolYear.Slot(schoolYear: lastEvaluation.schoolYear, index: year.periods.count - 1)
        self.timeline = year.slots(from: first, through: yearEnd)

        // Strengths: the highest scores first, one competency after another, so a colleague with a development
        // point in any of them finds someone to learn from.
        let ordered = result.strengths.enumerated()
            .sorted { ($0.element.score ?? 0, -$0.offset) > ($1.element.score ?? 0, -$1.offset) }
            .map(\.element)
        var byCompetency: [[ScanResult.BehaviourResult]] = result.competencies.map { competency in
            ordered.filter { $0.behaviour.competency == competency.competency.id }
        }
        var picked: [ScanResult.BehaviourResult] = []
        while picked.count < 5, byCompetency.contains(where: { !$0.isEmpty }) {
            // Each round takes the best remaining strength of every competency, best first.
            var round: [(index: Int, result: ScanResult.BehaviourResult)] = []
            for index in byCompetency.indices {
                if let best = byCompetency[index].first { round.append((index, best)) }
            }
            round.sort { lhs, rhs in
                let (a, b) = (lhs.result.score ?? 0, rhs.result.score ?? 0)
                return a != b ? a > b : lhs.index < rhs.index
            }
            for entry in round where picked.count < 5 {
                picked.append(entry.result)
                byCompetency[entry.index].removeFirst()
            }
        }
        self.strengths = picked.map { Strength(behaviour: $0, offer: Self.offer(for: $0)) }
    }

    // MARK: - Activities

    private static func activities(
        for competency: Competency.ID, preference: LearningPreference?, profile: Profile,
        catalogue: ActivityCatalogue, slot: SchoolYear.Slot,
        used: inout Set<ActivityForm.ID>
    ) -> [PlannedActivity] {
        // Forms the school meant for this role or model come before forms for everyone (catalogue order otherwise).
        var candidates = catalogue.forms(for: competency, role: profile.role, model: profile.model).enumerated()
            .sorted { lhs, rhs in
                let (a, b) = (meant(lhs.element), meant(rhs.element))
                return a != b ? a : lhs.offset < rhs.offset
            }
            .map(\.element)
        if candidates.isEmpty { candidates = catalogue.forms.filter { $0.addresses(competency) } }
        if candidates.isEmpty { candidates = catalogue.forms }
        /// Whether the school named this profile's role or model for the form.
        func meant(_ form: ActivityForm) -> Bool {
            (profile.role.map(form.roles.contains) ?? false) || (profile.model.map(form.models.contains) ?? false)
        }
        /// A form not used for an earlier goal first, so the plan has some variety; then catalogue order.
        func pick(_ forms: [ActivityForm]) -> ActivityForm? { forms.first { !used.contains($0.id) } ?? forms.first }

        var planned: [PlannedActivity] = []
        let fitting = preference.map { p in candidates.filter { $0.preferences.contains(p) } } ?? []
        if let preference, let form = pick(fitting) {
            planned.append(PlannedActivity(form: form, reason: .fitsPreference(preference), slot: slot))
        } else if let form = pick(candidates) {
            planned.append(PlannedActivity(form: form, reason: .nearest, slot: slot))
        }
        planned.forEach { used.insert($0.form.id) }

        for requirement in catalogue.requirements where requirement.competencies.contains(competency) {
            if let preference, requirement.satisfiedBy.contains(preference) { continue }
            if planned.contains(where: { $0.form.preferences.contains(requirement.needs) }) { continue }
            var forms = candidates.filter { $0.preferences.contains(requirement.needs) }
            if forms.isEmpty {
                forms = catalogue.forms.filter {
                    $0.preferences.contains(requirement.needs) && $0.addresses(competency)
                }
            }
            if let form = pick(forms) {
                planned.append(PlannedActivity(form: form, reason: .required(requirement), slot: slot))
                used.insert(form.id)
            }
        }
        return planned
    }

    // MARK: - Wording

    private static func statement(
        _ behaviours: [ScanResult.BehaviourResult], slot: SchoolYear.Slot, year: SchoolYear,
        scale: Scale
    ) -> String {
        let target = behaviours.map(\.target).max() ?? 3
        let label = scale.label(for: target).map { " (\($0))" } ?? ""
        let list = behaviours.map { "\($0.behaviour.id) \($0.behaviour.text) (nu \($0.score ?? 0))" }.joined(
            separator: "; ")
        let subject = behaviours.count == 1 ? "dit gedragskenmerk" : "deze gedragskenmerken"
        return
            "Aan het eind van \(year.label(slot)) (\(year.endLabel(slot))) beheers ik \(subject) minstens op niveau \(target)\(label): \(list). Dat laat ik zien in mijn loopbaangesprekken en lessen, en een collega heeft het gezien."
    }

    /// What shows the goal in practice, by competency (the issue names a colleague's observation, a pupil's view
    /// and a recorded loopbaangesprek).
    static func evidence(for competency: Competency.ID) -> String {
        switch competency {
        case 1, 2:
            "een opgenomen loopbaangesprek dat je met een collega terugkijkt, een collega die een gesprek observeert, en wat twee leerlingen over het gesprek zeggen"
        case 3:
            "een collega die een les of praktijkopdracht observeert waarin je leerlingen laat ontdekken waar ze goed in zijn, en de reflecties van leerlingen in hun loopbaandossier"
        case 4: "de planning van je LOB-activiteiten, de bijgehouden loopbaandossiers, en een collega die meekijkt"
        case 5: "feedback van collega's in het team- of mentorenoverleg over je bijdrage aan LOB"
        case 6: "feedback van een stagebedrijf, het mbo of ouders met wie je samenwerkte"
        default: "een reflectieverslag dat je in intervisie bespreekt, en feedback van een collega"
        }
    }

    private static func evaluation(
        _ competency: Competency, _ behaviours: [ScanResult.BehaviourResult],
        slot: SchoolYear.Slot, year: SchoolYear
    ) -> [EvaluationStep] {
        let levels = KirkpatrickLevel.all
        let ids = behaviours.map(\.behaviour.id).joined(separator: ", ")
        let practice = year.next(slot)
        let pupils = CareerCompetency.all.map(\.name).joined(separator: ", ")
        return [
            EvaluationStep(
                level: levels[0], when: "direct na elke activiteit",
                how:
                    "Was je tevreden over de activiteit, en kun je er meteen mee aan de slag? Zet hem in je logboek (lob plan done) en geef je reactie (lob plan react)."
            ),
            EvaluationStep(
                level: levels[1], when: "eind van \(year.label(slot))",
                how:
                    "Scan de gedragskenmerken \(ids) opnieuw (lob scan); lob plan progress zet ze naast deze scan: is het doelniveau bereikt?"
            ),
            EvaluationStep(
                level: levels[2], when: "in \(year.label(practice))",
                how: "Bewijs uit de praktijk: \(evidence(for: competency.id))."),
            EvaluationStep(
                level: levels[3], when: "eind van het schooljaar \(practice.schoolYear)-\(practice.schoolYear + 1)",
                how:
                    "Wat het voor leerlingen laat zien: of zij hun loopbaancompetenties (\(pupils)) beter verwerven, te zien in hun loopbaandossiers en loopbaangesprekken; op schoolniveau, niet voor jou alleen."
            ),
        ]
    }

    private static func offer(for result: ScanResult.BehaviourResult) -> String {
        switch result.behaviour.competency {
        case 1, 2: "Laat een collega een loopbaangesprek bij je afkijken (kunst afkijken), of oefen met hem (oefenen)."
        case 3: "Laat een collega meedraaien in je lessen of praktijkopdrachten (kunst afkijken)."
        default:
            "Deel je aanpak in het team- of sectieoverleg (participeren), of laat een collega meekijken (kunst afkijken)."
        }
    }
}
