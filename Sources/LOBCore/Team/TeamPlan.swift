/// The team's professionalisation plan: what several members need together, learnt together in a form that fits a
/// group and the school's model, with who takes part, who learns from whom, when, what it costs, and how the team
/// sees it worked (Kirkpatrick).
///
/// Pure, and as private as the analysis it is made from: it uses only the scans that count in the team figures,
/// names only members who consented by name, and makes no goal that fewer than the threshold share.
public struct TeamPlan: Sendable, Hashable {
    /// The same limits as a personal plan: at most so many goals, and behaviours per goal.
    public typealias Options = Scholingsplan.Options

    public struct Goal: Sendable, Hashable {
        public let number: Int
        public let competency: Competency
        /// The team's biggest gaps within the competency.
        public let behaviours: [TeamAnalysis.BehaviourAggregate]
        /// Members below target on the competency: how many, and the names of those who consented by name.
        public let participants: Int
        public let namedParticipants: [String]
        /// Sum over participants of their competency priority (gap × weight).
        public let priority: Double
        public let slot: SchoolYear.Slot
        public let statement: String
        /// The group form, nil when the catalogue has none for this competency.
        public let form: ActivityForm?
        /// Why this form ("past bij model 2 en bij de leervoorkeur van 4 van de 6 deelnemers").
        public let formReason: String
        public let groups: Int
        public let hoursPerParticipant: Double
        public let cost: Double
        /// Colleagues who master a goal behaviour, paired with named participants.
        public let peers: [TeamAnalysis.PeerLearning.Pair]
        public let evaluation: [Scholingsplan.EvaluationStep]
    }

    public let team: String
    public let round: String
    public let threshold: Int
    /// The school model most of the members' profiles are for, if any.
    public let model: SchoolModel.ID?
    /// The latest scan date in the round: the plan starts in the first period after it.
    public let date: SchoolDate?
    public let goals: [Goal]
    public let timeline: [SchoolYear.Slot]
    public let catalogue: ActivityCatalogue
    public let options: Options
    /// True when the team is below the threshold: the plan is empty and says why.
    public let withheld: Bool

    public var totalCost: Double { goals.reduce(0) { $0 + $1.cost } }
    public var totalHours: Double { goals.reduce(0) { $0 + $1.hoursPerParticipant * Double($1.participants) } }

    public init(
        team: String, round: String, analysis: TeamAnalysis, catalogue: ActivityCatalogue, options: Options = Options(),
        frameworkCatalogue: Catalogue = .standard
    ) {
        self.team = team
        self.round = round
        self.threshold = analysis.threshold
        self.catalogue = catalogue
        self.options = options
        self.withheld = analysis.allWithheld
        let members = analysis.counted
        self.model = members.compactMap(\.profile.model).mostCommon()
        self.date = members.map(\.date).max()
        let year = catalogue.schoolYear
        let first = date.map(year.firstSlot(after:)) ?? SchoolYear.Slot(schoolYear: 2000, index: 0)

        // Per member and competency: his gap's priority, when he is below target.
        let shared = frameworkCatalogue.competencies.enumerated().compactMap {
            offset, competency -> (Int, Competency, [(TeamMemberScan, Double)])? in
            let below = PrivacyRule.group(
                analysis.counted(for: competency.id).compactMap { entry -> (TeamMemberScan, Double)? in
                    guard let priority = entry.result?.priority, priority > 0
                    else { return nil }
                    return (entry.member, priority)
                }, threshold: analysis.threshold
            ) { $0.0.consent == .metNaam }
            return below.count >= analysis.threshold ? (offset, competency, below) : nil
        }
        let ranked = shared.sorted { lhs, rhs in
            let (a, b) = (lhs.2.reduce(0) { $0 + $1.1 }, rhs.2.reduce(0) { $0 + $1.1 })
            return a != b ? a > b : lhs.0 < rhs.0
        }

        let peerLearning = analysis.peerLearning
        var used = Set<ActivityForm.ID>()
        var goals: [Goal] = []
        for (index, entry) in ranked.prefix(max(0, options.maxGoals)).enumerated() {
            let (_, competency, below) = entry
            let slot = year.next(first, by: index)
            let behaviours = Array(
                analysis.biggestGaps(.max).filter { $0.behaviour.competency == competency.id }
                    .prefix(max(1, options.maxBehavioursPerGoal)))
            let participants = below.map(\.0)
            let named = participants.filter { $0.consent == .metNaam }.map(\.teacher).sorted()
            let (form, reason) = Self.form(
                for: competency.id, participants: participants, model: model, catalogue: catalogue, used: &used)
            let groups = form.map { (participants.count + $0.maxGroupSize - 1) / max(1, $0.maxGroupSize) } ?? 0
            let ids = Set(behaviours.map(\.behaviour.id))
            var seen = Set<String>()
            let peers = peerLearning.filter { ids.contains($0.behaviour.id) }.flatMap(\.pairs)
                .filter { named.contains($0.learner) && seen.insert($0.learner).inserted }
            goals.append(
                Goal(
                    number: index + 1, competency: competency, behaviours: behaviours,
                    participants: participants.count, namedParticipants: named,
                    priority: below.reduce(0) { $0 + $1.1 }, slot: slot,
                    statement: Self.statement(behaviours, participants: participants.count, slot: slot, year: year),
                    form: form, formReason: reason, groups: groups,
                    hoursPerParticipant: form?.hours ?? 0, cost: form?.cost(participants: participants.count) ?? 0,
                    peers: peers,
                    evaluation: Self.evaluation(competency, behaviours, slot: slot, year: year)))
        }
        self.goals = goals
        // From the first activity to the evaluation in practice (level 3) after the last.
        self.timeline = goals.map(\.slot).max().map { year.slots(from: first, through: year.next($0)) } ?? []
    }

    // MARK: - Choosing a form

    /// A form for a group: one the school meant for the model first (seed 002 names forms per model), then the one
    /// that fits the learning preference of most participants, then catalogue order; a form not used for an
    /// earlier goal before one that was.
    private static func form(
        for competency: Competency.ID, participants: [TeamMemberScan], model: SchoolModel.ID?,
        catalogue: ActivityCatalogue, used: inout Set<ActivityForm.ID>
    ) -> (ActivityForm?, String) {
        let candidates = catalogue.forms(for: competency, role: nil, model: model).filter(\.isGroupActivity)
        let preferences = participants.compactMap(\.learningPreference)
        func fitting(_ form: ActivityForm) -> Int { preferences.filter(form.preferences.contains).count }
        func meant(_ form: ActivityForm) -> Bool { model.map(form.models.contains) ?? false }
        let ranked = candidates.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if used.contains(a.id) != used.contains(b.id) { return !used.contains(a.id) }
            if meant(a) != meant(b) { return meant(a) }
            if fitting(a) != fitting(b) { return fitting(a) > fitting(b) }
            return lhs.offset < rhs.offset
        }.map(\.element)
        guard let form = ranked.first else {
            return (nil, "de catalogus heeft geen groepsvorm voor deze competentie")
        }
        used.insert(form.id)
        var reasons: [String] = []
        if meant(form), let model {
            reasons.append(
                "de school noemt deze vorm voor model \(model.number) (\(SchoolModel.all.first { $0.id == model }?.name.lowercased() ?? model.rawValue))"
            )
        }
        reasons.append("past bij de leervoorkeur van \(fitting(form)) van de \(participants.count) deelnemers")
        if participants.count > form.maxGroupSize { reasons.append("in groepen van ten hoogste \(form.maxGroupSize)") }
        return (form, reasons.joined(separator: "; "))
    }

    // MARK: - Wording

    private static func statement(
        _ behaviours: [TeamAnalysis.BehaviourAggregate], participants: Int, slot: SchoolYear.Slot,
        year: SchoolYear
    ) -> String {
        let list = behaviours.map { "\($0.behaviour.id) \($0.behaviour.text)" }.joined(separator: "; ")
        return
            "Aan het eind van \(year.label(slot)) (\(year.endLabel(slot))) hebben de \(participants) deelnemers hun doelniveau gehaald: \(list). Dat laat de volgende ronde van de teamscan zien, en collega's hebben het in de praktijk gezien."
    }

    private static func evaluation(
        _ competency: Competency, _ behaviours: [TeamAnalysis.BehaviourAggregate],
        slot: SchoolYear.Slot, year: SchoolYear
    ) -> [Scholingsplan.EvaluationStep] {
        let levels = KirkpatrickLevel.all
        let ids = behaviours.map(\.behaviour.id).joined(separator: ", ")
        let practice = year.next(slot)
        return [
            .init(
                level: levels[0], when: "na elke bijeenkomst",
                how:
                    "Een korte peiling onder de deelnemers: was het bruikbaar, kunnen ze ermee aan de slag? De teamvoorzitter bespreekt de uitkomst in het teamoverleg."
            ),
            .init(
                level: levels[1], when: "eind van \(year.label(slot))",
                how:
                    "Een nieuwe ronde van de teamscan (lob team report --compare-round): hoeveel deelnemers halen nu het doel op \(ids)?"
            ),
            .init(
                level: levels[2], when: "in \(year.label(practice))",
                how:
                    "Bewijs uit de praktijk: \(Scholingsplan.evidence(for: competency.id)); collega's kijken bij elkaar mee (collegiale consultatie)."
            ),
            .init(
                level: levels[3], when: "eind van het schooljaar \(practice.schoolYear)-\(practice.schoolYear + 1)",
                how:
                    "Of de leerlingen van het team hun loopbaancompetenties beter verwerven, te zien in hun loopbaandossiers en loopbaangesprekken; op schoolniveau."
            ),
        ]
    }
}
