import Foundation
import LOBCore

/// `lob plan`: the scholingsplan as blocks (text, markdown, HTML) and as JSON.
public struct PlanReport: Sendable {
    public let plan: Scholingsplan
    public let scanID: Int64
    /// With `lob plan --with-feedback`: the 360° feedback the priorities were reckoned with.
    public let feedback: FeedbackAnalysis?

    public init(_ plan: Scholingsplan, scanID: Int64, feedback: FeedbackAnalysis? = nil) {
        self.plan = plan
        self.scanID = scanID
        self.feedback = feedback
    }

    /// The section on the feedback: how the priorities were reckoned and the topics of the ontwikkelgesprek.
    func feedbackBlocks(_ feedback: FeedbackAnalysis) -> [Block] {
        var blocks: [Block] = [
            .heading(level: 2, "Voor het ontwikkelgesprek"),
            .note(
                "De prioriteiten van dit plan rekenen met het gecombineerde beeld: per gedragskenmerk het gemiddelde van je eigen score en die van anderen (je collega's als groep, anders je leidinggevende), naar beneden afgerond. Feedback van \(DutchNumber.count(feedback.colleaguesAnswered, "collega", "collega's"))\(feedback.leidinggevendeAnswered ? " en je leidinggevende" : "")."
            ),
        ]
        let topics = feedback.conversationTopics
        if topics.isEmpty {
            blocks.append(
                .paragraph(
                    "Geen blinde vlekken of verborgen sterktes: je zelfbeeld en dat van anderen liggen dicht bij elkaar."
                ))
        } else {
            blocks.append(
                .bullets(
                    topics.map { view in
                        let kind = view.reading == .blindSpot ? "blinde vlek" : "verborgen sterkte"
                        return
                            "\(view.behaviour.id) \(view.behaviour.text) (\(kind): zelf \(view.selfScore.map(String.init) ?? "–"), anderen \(DutchNumber.format(view.others)))"
                    }))
        }
        return blocks
    }

    var year: SchoolYear { plan.catalogue.schoolYear }

    public var title: String { "Scholingsplan van \(plan.teacher)" }

    public func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, title)]
        var facts: [(key: String, text: String)] = [
            ("scan", "\(scanID) van \(plan.date)"),
            ("profiel", "\(plan.profile.id): \(plan.profile.title)"),
        ]
        if let team = plan.team { facts.append(("team", team)) }
        if let preference = plan.learningPreference {
            facts.append(
                (
                    "leervoorkeur",
                    "\(preference.name) (\(plan.preferenceChosen ? "zelf gekozen" : "uit de zelftest, een indicatie"))"
                ))
        } else {
            facts.append(("leervoorkeur", "niet ingevuld: de activiteiten volgen de catalogus, niet je leervoorkeur"))
        }
        facts.append(
            ("uren en kosten", "\(DutchNumber.format(plan.totalHours)) uur, \(DutchNumber.euro(plan.totalCost))"))
        blocks.append(.definitions(facts))
        blocks.append(
            .paragraph(
                "Dit plan neem je mee naar je ontwikkelingsgesprek of functioneringsgesprek: wat je ontwikkelt, hoe (op de manier waarop je het liefst leert), wanneer, wat het kost en hoe je merkt dat het gewerkt heeft. Het is een voorstel: bespreek en verander het."
            ))
        if plan.catalogue.isExample {
            blocks.append(
                .note(
                    "De vormen, uren en bedragen komen uit de voorbeeldcatalogus van LOB-spiegel (\(plan.catalogue.title)): aannames, geen offertes. Je school vervangt ze door haar eigen catalogus (lob plan --costs BESTAND)."
                ))
        } else if !plan.catalogue.note.isEmpty {
            blocks.append(.note(plan.catalogue.note))
        }

        blocks.append(.heading(level: 2, "Waar je staat"))
        blocks.append(
            .chart(
                .radar(
                    RadarChart(
                        title:
                            "Je score per competentie (gemiddelde van je antwoorden) tegen het doel, op de schaal 1–4",
                        maximum: 4,
                        axes: plan.result.competencies.map {
                            .init(label: Self.shortName($0.competency), value: $0.mean, target: Double($0.target))
                        }))))

        blocks.append(.heading(level: 2, "Doelen"))
        if plan.goals.isEmpty {
            blocks.append(
                .paragraph(
                    "Je haalt op elk beantwoord gedragskenmerk het doel: dit plan heeft geen ontwikkeldoelen. Kijk bij 'Wat je kunt delen' hoe collega's van jou kunnen leren."
                ))
        } else {
            blocks.append(
                .paragraph(
                    "De ontwikkelpunten met de hoogste prioriteit (gat × gewicht), per competentie; ten hoogste \(plan.options.maxGoals) doelen, zodat het plan te doen is."
                ))
        }
        // The Kirkpatrick levels every goal shares, found once for all goals' tables.
        let shared = EvaluationBlocks.shared(plan.goals.map(\.evaluation))
        for goal in plan.goals { blocks += goalBlocks(goal, shared: shared) }
        if !plan.laterGoals.isEmpty {
            // Said, not silently left out: what waits for a later plan, and why.
            blocks.append(.heading(level: 3, "Niet in dit plan"))
            blocks.append(
                .paragraph(
                    "Dit plan heeft ten hoogste \(plan.options.maxGoals) doelen; deze competenties hebben ook ontwikkelpunten, met een lagere prioriteit. Neem ze mee in een volgend plan (of kies meer doelen met --goals):"
                ))
            blocks.append(
                .bullets(
                    plan.laterGoals.map { later in
                        "\(later.competency.id) \(later.competency.name): prioriteit \(DutchNumber.format(later.priority)) (\(later.behaviours.map(\.behaviour.id).joined(separator: ", ")))"
                    }))
        }
        blocks += EvaluationBlocks.sharedBlocks(plan.goals.map(\.evaluation))

        if !plan.goals.isEmpty {
            blocks.append(.heading(level: 2, "Tijdpad"))
            blocks.append(.chart(.timeline(timeline())))
            blocks.append(.heading(level: 2, "Uren en kosten"))
            var rows = plan.goals.flatMap { goal in
                goal.activities.map {
                    [
                        "\(goal.number)", $0.form.name, year.label($0.slot), DutchNumber.format($0.hours),
                        DutchNumber.euro($0.cost),
                    ]
                }
            }
            rows.append(["", "totaal", "", DutchNumber.format(plan.totalHours), DutchNumber.euro(plan.totalCost)])
            blocks.append(.table(header: ["doel", "activiteit", "wanneer", "uren", "kosten"], rows: rows))
            blocks.append(
                .paragraph(
                    "Bij een groepsactiviteit staat hier je aandeel bij een volle groep: je eigen kosten plus de groepskosten gedeeld door het grootste aantal deelnemers."
                ))
        }

        if let role = plan.profile.role, let model = plan.profile.model {
            let forms = Professionalisation.forModel(model).forms(for: role)
            if !forms.isEmpty {
                blocks.append(.heading(level: 2, "Vormen voor jouw rol in dit schoolmodel"))
                blocks.append(
                    .paragraph(
                        "Wat 'LOB en professionaliseren in verschillende vormen en maten' (2011) noemt voor de \(role.name(in: model)) in model \(model.number) (\(Catalogue.standard.schoolModel(model)?.name.lowercased() ?? model.rawValue)):"
                    ))
                blocks.append(.bullets(forms))
            }
        }

        blocks.append(.heading(level: 2, "Wat je kunt delen"))
        if plan.strengths.isEmpty {
            blocks.append(.paragraph("Nog geen gedragskenmerk op of boven het doel."))
        } else {
            blocks.append(
                .paragraph(
                    "Hierin ben je sterk: collega's met een ontwikkelpunt hier kunnen van jou leren, bijvoorbeeld door de kunst bij je af te kijken."
                        + (plan.result.strengths.count > plan.strengths.count
                            ? " Hier staan de \(plan.strengths.count) sterkste van je \(plan.result.strengths.count) sterke punten, uit zoveel mogelijk competenties; ze staan allemaal in je uitslag."
                            : "")
                ))
            blocks.append(
                .definitions(
                    plan.strengths.map { strength in
                        (
                            strength.behaviour.behaviour.id,
                            "\(strength.behaviour.behaviour.text) (\(strength.behaviour.score ?? 0)). \(strength.offer)"
                        )
                    }))
        }

        if let feedback { blocks += feedbackBlocks(feedback) }

        blocks.append(.heading(level: 2, "Over leervoorkeuren"))
        if let preference = plan.learningPreference { blocks.append(.paragraph(preference.description)) }
        blocks.append(
            .quote(
                LearningPreference.caveat,
                by:
                    "LOB en professionaliseren in verschillende vormen en maten (2011), over de leervoorkeuren van \(LearningPreference.source)"
            ))
        return blocks
    }

    private func goalBlocks(_ goal: Scholingsplan.Goal, shared: Set<Int>) -> [Block] {
        var blocks: [Block] = [
            .heading(level: 3, "Doel \(goal.number): \(goal.competency.name)"),
            .paragraph(goal.statement),
            .table(
                header: ["id", "nu", "doel", "prioriteit", "gedragskenmerk"],
                rows: goal.behaviours.map {
                    [
                        $0.behaviour.id, "\($0.score ?? 0)", "\($0.target)", DutchNumber.format($0.priority),
                        $0.behaviour.text,
                    ]
                }),
        ]
        if !goal.later.isEmpty {
            blocks.append(
                .paragraph(
                    "Voor een later plan: "
                        + goal.later.map { "\($0.behaviour.id) \($0.behaviour.text)" }.joined(separator: "; ") + "."))
        }
        blocks.append(
            .table(
                header: ["uren", "kosten", "activiteit"],
                rows: goal.activities.map { activity in
                    let what =
                        activity.form.name + (activity.form.description.isEmpty ? "" : ": " + activity.form.description)
                    return [
                        DutchNumber.format(activity.hours), DutchNumber.euro(activity.cost),
                        "\(what). Met wie: \(activity.form.withWhom). Waarom: \(Self.reason(activity.reason))",
                    ]
                }))
        blocks.append(
            .table(
                header: ["Kirkpatrick", "wanneer", "wat je vraagt en laat zien"],
                rows: EvaluationBlocks.rows(goal.evaluation, shared: shared)))
        return blocks
    }

    static func reason(_ reason: Scholingsplan.PlannedActivity.Reason) -> String {
        switch reason {
        case .fitsPreference(let preference): "past bij je leervoorkeur (\(preference.name))"
        case .required(let requirement):
            "nodig voor dit doel, ook al is het niet je leervoorkeur (\(requirement.needs.name)): \(requirement.reason)"
        case .nearest:
            "geen vorm in de catalogus past bij je leervoorkeur voor deze competentie; dit is de best passende"
        }
    }

    /// The competency's name without "competentie" / "Competent in", for chart labels.
    static func shortName(_ competency: Competency) -> String {
        var name = competency.name
        for affix in [" competentie", "Competent in "] { name = name.replacingOccurrences(of: affix, with: "") }
        return "\(competency.id) \(name)"
    }

    func timeline() -> TimelineChart {
        let slots = plan.timeline
        let rows = plan.goals.map { goal in
            TimelineChart.Row.goal(
                goal.number, competency: goal.competency.id, slot: goal.slot,
                text: goal.activities.map(\.form.name).joined(separator: ", "), slots: slots, year: year,
                endOfYear: true)
        }
        return TimelineChart(
            title:
                "Tijdpad: de balk is de periode van de activiteiten (met evaluatie op niveau 1 direct na elke activiteit)",
            columns: slots.map(year.label), rows: rows,
            legend: [
                "N2 = opnieuw scannen (Kirkpatrick niveau 2: het geleerde)",
                "N3 = bewijs uit de praktijk (niveau 3: gedrag)",
                "N4 = wat het leerlingen oplevert (niveau 4: resultaat)",
            ])
    }
}

extension TimelineChart.Row {
    /// A plan's goal over the periods `slots`: its activities as a bar in its period, marked N2 (Kirkpatrick level 2)
    /// there, N3 in the period after and, with `endOfYear`, N4 at the end of that school year — each only where the
    /// timeline has that period.
    static func goal(
        _ number: Int, competency: Competency.ID, slot: SchoolYear.Slot, text: String, slots: [SchoolYear.Slot],
        year: SchoolYear, endOfYear: Bool
    ) -> TimelineChart.Row {
        let column = slots.firstIndex(of: slot) ?? 0
        var marks = [TimelineChart.Mark(column: column, text: "N2")]
        if let practice = slots.firstIndex(of: year.next(slot)) { marks.append(.init(column: practice, text: "N3")) }
        let end = SchoolYear.Slot(schoolYear: year.next(slot).schoolYear, index: year.periods.count - 1)
        if endOfYear, let last = slots.firstIndex(of: end) { marks.append(.init(column: last, text: "N4")) }
        return TimelineChart.Row(
            label: "Doel \(number) · competentie \(competency)",
            bars: [.init(start: column, end: column, text: text)], marks: marks)
    }
}

// MARK: - JSON

/// The plan as JSON for scripts; amounts in euros, numbers rounded to three decimals.
public struct PlanJSON: Encodable {
    struct BehaviourJSON: Encodable {
        let behaviour: String
        @Null var score: Int?
        let target: Int
        @Null var priority: Double?
    }
    struct ActivityJSON: Encodable {
        let form: String
        let name: String
        let reason: String
        let reasonText: String
        let withWhom: String
        let hours: Double
        let cost: Double
        let period: String
    }
    struct EvaluationJSON: Encodable {
        let level: Int
        let name: String
        let when: String
        let how: String
    }
    struct GoalJSON: Encodable {
        let number: Int
        let competency: Int
        let priority: Double
        let period: String
        let deadline: String
        let statement: String
        let behaviours: [BehaviourJSON]
        let later: [String]
        let activities: [ActivityJSON]
        let evaluation: [EvaluationJSON]
    }
    /// A competency with development points left for a later plan.
    struct LaterGoalJSON: Encodable {
        let competency: Int
        let priority: Double
        let behaviours: [String]
    }
    struct StrengthJSON: Encodable {
        let behaviour: String
        @Null var score: Int?
        let offer: String
    }
    struct CatalogueJSON: Encodable {
        let title: String
        let example: Bool
    }
    /// A topic for the ontwikkelgesprek (`--with-feedback`): a blind spot or a hidden strength.
    struct TopicJSON: Encodable {
        let behaviour: String
        let reading: String
        @Null var selfScore: Int?
        @Null var others: Double?
    }

    let formatVersion = 1
    let scan: Int64
    let teacher: String
    @Null var team: String?
    let date: String
    let profile: String
    @Null var learningPreference: String?
    let preferenceChosen: Bool
    let catalogue: CatalogueJSON
    let goals: [GoalJSON]
    let laterGoals: [LaterGoalJSON]
    let timeline: [String]
    let strengths: [StrengthJSON]
    let totalHours: Double
    let totalCost: Double
    /// Null without `--with-feedback`.
    @Null var conversationTopics: [TopicJSON]?

    public init(_ report: PlanReport) {
        conversationTopics = report.feedback?.conversationTopics.map {
            TopicJSON(
                behaviour: $0.behaviour.id, reading: $0.reading?.rawValue ?? "", selfScore: $0.selfScore,
                others: DutchNumber.rounded($0.others))
        }
        let plan = report.plan
        let year = plan.catalogue.schoolYear
        scan = report.scanID
        teacher = plan.teacher
        team = plan.team
        date = plan.date.description
        profile = plan.profile.id
        learningPreference = plan.learningPreference?.rawValue
        preferenceChosen = plan.preferenceChosen
        catalogue = CatalogueJSON(title: plan.catalogue.title, example: plan.catalogue.isExample)
        goals = plan.goals.map { goal in
            GoalJSON(
                number: goal.number, competency: goal.competency.id, priority: DutchNumber.rounded(goal.priority) ?? 0,
                period: year.label(goal.slot), deadline: year.endLabel(goal.slot), statement: goal.statement,
                behaviours: goal.behaviours.map {
                    BehaviourJSON(
                        behaviour: $0.behaviour.id, score: $0.score, target: $0.target,
                        priority: DutchNumber.rounded($0.priority))
                },
                later: goal.later.map(\.behaviour.id),
                activities: goal.activities.map { activity in
                    let reason: String
                    switch activity.reason {
                    case .fitsPreference: reason = "fitsPreference"
                    case .required: reason = "required"
                    case .nearest: reason = "nearest"
                    }
                    return ActivityJSON(
                        form: activity.form.id, name: activity.form.name, reason: reason,
                        reasonText: PlanReport.reason(activity.reason), withWhom: activity.form.withWhom,
                        hours: activity.hours, cost: DutchNumber.rounded(activity.cost) ?? 0,
                        period: year.label(activity.slot))
                },
                evaluation: goal.evaluation.map {
                    EvaluationJSON(level: $0.level.id, name: $0.level.name, when: $0.when, how: $0.how)
                })
        }
        laterGoals = plan.laterGoals.map {
            LaterGoalJSON(
                competency: $0.competency.id, priority: DutchNumber.rounded($0.priority) ?? 0,
                behaviours: $0.behaviours.map(\.behaviour.id))
        }
        timeline = plan.timeline.map(year.label)
        strengths = plan.strengths.map {
            StrengthJSON(behaviour: $0.behaviour.behaviour.id, score: $0.behaviour.score, offer: $0.offer)
        }
        totalHours = DutchNumber.rounded(plan.totalHours) ?? 0
        totalCost = DutchNumber.rounded(plan.totalCost) ?? 0
    }
}
