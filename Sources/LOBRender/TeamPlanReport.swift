import Foundation
import LOBCore

/// `lob team plan`: the team's professionalisation plan as blocks (markdown, HTML, text) and JSON.
public struct TeamPlanReport: Sendable {
    public let plan: TeamPlan
    /// What the team did of it (`lob team plan done`), by date.
    public let done: [TeamActivityDone]

    public init(_ plan: TeamPlan, done: [TeamActivityDone] = []) {
        self.plan = plan
        self.done = done
    }

    var year: SchoolYear { plan.catalogue.schoolYear }

    public var title: String { "Teamprofessionaliseringsplan \(plan.team)" }

    public func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, title)]
        var facts: [(key: String, text: String)] = [("ronde", plan.round), ("privacydrempel", "\(plan.threshold)")]
        if let model = plan.model, let schoolModel = Catalogue.standard.schoolModel(model) {
            facts.append(("schoolmodel", "\(schoolModel.name) (uit de profielen van het team)"))
        }
        facts.append(("deelnemers × uren", "\(DutchNumber.format(plan.totalHours)) uur"))
        facts.append(("kosten", DutchNumber.euro(plan.totalCost)))
        blocks.append(.definitions(facts))
        guard !plan.withheld else {
            blocks.append(
                .note(
                    "Het team heeft minder gedeelde scans dan de privacydrempel (\(plan.threshold)): er is geen teamplan, want elk gedeeld doel zou te herleiden zijn tot personen."
                ))
            return blocks
        }
        blocks.append(
            .paragraph(
                "Gedeelde doelen: competenties waarop minstens \(plan.threshold) collega's onder hun doel blijven, op volgorde van hun samen opgetelde prioriteit (gat × gewicht). Het team leert ze samen, in een vorm die past bij een groep en bij het schoolmodel, en collega's die het al beheersen helpen mee."
            ))
        if plan.catalogue.isExample {
            blocks.append(
                .note(
                    "Vormen, uren en bedragen komen uit de voorbeeldcatalogus van LOB-spiegel (\(plan.catalogue.title)): aannames, geen offertes. De school vervangt ze door haar eigen catalogus (--costs BESTAND)."
                ))
        } else if !plan.catalogue.note.isEmpty {
            blocks.append(.note(plan.catalogue.note))
        }
        if plan.goals.isEmpty {
            blocks.append(
                .paragraph(
                    "Geen competentie waarop \(plan.threshold) of meer collega's onder hun doel blijven: het team heeft nu geen gedeeld doel. De persoonlijke plannen (lob plan) blijven gelden."
                ))
            return blocks
        }
        blocks.append(.heading(level: 2, "Doelen"))
        // The Kirkpatrick levels every goal shares, found once for all goals' tables.
        let shared = EvaluationBlocks.shared(plan.goals.map(\.evaluation))
        for goal in plan.goals { blocks += goalBlocks(goal, shared: shared) }
        blocks += EvaluationBlocks.sharedBlocks(plan.goals.map(\.evaluation))

        blocks.append(.heading(level: 2, "Tijdpad"))
        blocks.append(.chart(.timeline(timeline())))
        blocks.append(.heading(level: 2, "Uren en kosten"))
        var rows = plan.goals.map { goal in
            [
                String(goal.number), goal.form?.name ?? "–", year.label(goal.slot), "\(goal.participants)",
                "\(goal.groups)",
                DutchNumber.format(goal.hoursPerParticipant * Double(goal.participants)), DutchNumber.euro(goal.cost),
            ]
        }
        rows.append(["", "totaal", "", "", "", DutchNumber.format(plan.totalHours), DutchNumber.euro(plan.totalCost)])
        blocks.append(
            .table(header: ["doel", "vorm", "wanneer", "deelnemers", "groepen", "uren", "kosten"], rows: rows))
        blocks.append(
            .paragraph(
                "Kosten = deelnemers × kosten per deelnemer + groepen × kosten per groep (een groep is ten hoogste zo groot als de catalogus zegt)."
            ))
        if !done.isEmpty { blocks += doneBlocks() }

        if let model = plan.model {
            let professionalisation = Professionalisation.forModel(model)
            let groups = professionalisation.vormen.filter { !$0.items.isEmpty }
            if !groups.isEmpty {
                blocks.append(.heading(level: 2, "Vormen in dit schoolmodel"))
                blocks.append(
                    .paragraph(
                        "Wat 'LOB en professionaliseren in verschillende vormen en maten' (2011) noemt voor model \(model.number):"
                    ))
                for group in groups {
                    blocks.append(.paragraph(group.label))
                    blocks.append(.bullets(group.items))
                }
            }
        }
        return blocks
    }

    private func goalBlocks(_ goal: TeamPlan.Goal, shared: Set<Int>) -> [Block] {
        var blocks: [Block] = [
            .heading(level: 3, "Doel \(goal.number): \(goal.competency.name)"),
            .paragraph(goal.statement),
        ]
        if !goal.behaviours.isEmpty {
            blocks.append(
                .table(
                    header: ["id", "n", "gemiddelde", "op/boven doel", "gedragskenmerk"],
                    rows: goal.behaviours.map {
                        [
                            $0.behaviour.id, "\($0.n)", DutchNumber.format($0.mean),
                            $0.atOrAboveTarget.map(String.init) ?? "–", $0.behaviour.text,
                        ]
                    }))
        }
        let anonymous = goal.participants - goal.namedParticipants.count
        var who = goal.namedParticipants.joined(separator: ", ")
        if anonymous > 0 {
            who +=
                (who.isEmpty ? "" : ", en ") + "\(anonymous) collega's die anoniem deelden (zij melden zich zelf aan)"
        }
        var facts: [(key: String, text: String)] = [("deelnemers", "\(goal.participants): \(who)")]
        if let form = goal.form {
            let what = form.name + (form.description.isEmpty ? "" : ": " + form.description)
            facts.append(("vorm", "\(what). Met wie: \(form.withWhom)."))
            facts.append(("waarom deze vorm", goal.formReason))
            facts.append(
                (
                    "uren en kosten",
                    "\(DutchNumber.format(goal.hoursPerParticipant)) uur per deelnemer, \(DutchNumber.count(goal.groups, "groep", "groepen")), \(DutchNumber.euro(goal.cost))"
                ))
        } else {
            facts.append(("vorm", goal.formReason))
        }
        blocks.append(.definitions(facts))
        if !goal.peers.isEmpty {
            blocks.append(.paragraph("Van elkaar leren (collega's die het al beheersen):"))
            blocks.append(.bullets(goal.peers.map { "\($0.learner): \($0.how)" }))
        }
        blocks.append(
            .table(
                header: ["Kirkpatrick", "wanneer", "hoe het team het merkt"],
                rows: EvaluationBlocks.rows(goal.evaluation, shared: shared)))
        return blocks
    }

    func timeline() -> TimelineChart {
        let slots = plan.timeline
        let rows = plan.goals.map { goal in
            TimelineChart.Row.goal(
                goal.number, competency: goal.competency.id, slot: goal.slot, text: goal.form?.name ?? "–",
                slots: slots, year: year, endOfYear: false)
        }
        return TimelineChart(
            title: "Tijdpad van het team: de balk is de periode van de activiteit (niveau 1 na elke bijeenkomst)",
            columns: slots.map(year.label), rows: rows,
            legend: [
                "N2 = nieuwe ronde van de teamscan (Kirkpatrick niveau 2: het geleerde)",
                "N3 = bewijs uit de praktijk (niveau 3: gedrag)",
            ])
    }
}

extension TeamPlanReport {
    public var doneCost: Double { done.reduce(0) { $0 + $1.cost } }

    /// Planned against done: each team activity recorded, and the totals.
    func doneBlocks() -> [Block] {
        let goals = Set(done.map(\.record.goal)).count
        return [
            .heading(level: 2, "Gedaan"),
            .table(
                header: ["nr", "datum", "doel", "vorm", "deelnemers", "uren p.p.", "kosten"],
                rows: done.map {
                    [
                        "\($0.id)", $0.record.date.description, "\($0.record.goal)", $0.record.formName,
                        "\($0.record.participants)", DutchNumber.format($0.hours), DutchNumber.euro($0.cost),
                    ]
                }),
            .paragraph(
                "\(goals) van de \(DutchNumber.count(plan.goals.count, "doel", "doelen")) gedaan, \(DutchNumber.euro(doneCost)) besteed van \(DutchNumber.euro(plan.totalCost)) gepland (lob team plan done)."
            ),
        ]
    }
}

/// The team plan as JSON; amounts in euros, numbers rounded to three decimals.
public struct TeamPlanJSON: Encodable {
    struct GoalJSON: Encodable {
        let number: Int
        let competency: Int
        let priority: Double
        let period: String
        let deadline: String
        let statement: String
        let behaviours: [String]
        let participants: Int
        let namedParticipants: [String]
        @Null var form: String?
        let formReason: String
        let groups: Int
        let hoursPerParticipant: Double
        let cost: Double
        let peers: [JSONValue]
        let evaluation: [PlanJSON.EvaluationJSON]
    }

    let formatVersion = 1
    let team: String
    let round: String
    let threshold: Int
    let withheld: Bool
    @Null var model: String?
    let catalogue: PlanJSON.CatalogueJSON
    let goals: [GoalJSON]
    let timeline: [String]
    let totalHours: Double
    let totalCost: Double
    struct DoneJSON: Encodable {
        let id: Int64
        let goal: Int
        let form: String
        let date: String
        let participants: Int
        let hoursPerParticipant: Double
        let cost: Double
    }
    let done: [DoneJSON]
    let doneCost: Double

    public init(_ report: TeamPlanReport) {
        let plan = report.plan
        let year = plan.catalogue.schoolYear
        team = plan.team
        round = plan.round
        threshold = plan.threshold
        withheld = plan.withheld
        model = plan.model?.rawValue
        catalogue = PlanJSON.CatalogueJSON(title: plan.catalogue.title, example: plan.catalogue.isExample)
        goals = plan.goals.map { goal in
            GoalJSON(
                number: goal.number, competency: goal.competency.id, priority: DutchNumber.rounded(goal.priority) ?? 0,
                period: year.label(goal.slot), deadline: year.endLabel(goal.slot), statement: goal.statement,
                behaviours: goal.behaviours.map(\.behaviour.id), participants: goal.participants,
                namedParticipants: goal.namedParticipants, form: goal.form?.id, formReason: goal.formReason,
                groups: goal.groups,
                hoursPerParticipant: goal.hoursPerParticipant, cost: DutchNumber.rounded(goal.cost) ?? 0,
                peers: goal.peers.map(TeamReportJSON.pair),
                evaluation: goal.evaluation.map {
                    .init(level: $0.level.id, name: $0.level.name, when: $0.when, how: $0.how)
                })
        }
        timeline = plan.timeline.map(year.label)
        totalHours = DutchNumber.rounded(plan.totalHours) ?? 0
        totalCost = DutchNumber.rounded(plan.totalCost) ?? 0
        done = report.done.map {
            DoneJSON(
                id: $0.id, goal: $0.record.goal, form: $0.record.formID, date: $0.record.date.description,
                participants: $0.record.participants, hoursPerParticipant: $0.hours,
                cost: DutchNumber.rounded($0.cost) ?? 0)
        }
        doneCost = DutchNumber.rounded(report.doneCost) ?? 0
    }
}
