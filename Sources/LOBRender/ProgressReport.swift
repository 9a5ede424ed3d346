import LOBCore

/// `lob plan progress`: a scholingsplan as something done — planned against done, the teacher's own reactions
/// (Kirkpatrick's level 1) and, after a later self-scan, his goals reached (level 2). His own document: it names
/// him, as his plan does.
public struct ProgressReport: Sendable {
    public let progress: PlanProgress

    public init(_ progress: PlanProgress) { self.progress = progress }

    public var title: String { "Voortgang van het scholingsplan van \(progress.plan.teacher)" }

    static func hours(minutes: Int) -> String { DutchNumber.format(Double(minutes) / 60) }
    static func euro(cents: Int64) -> String { DutchNumber.euro(Double(cents) / 100) }

    /// "tevreden · eerder wel": the two answers in words.
    public static func words(_ reaction: Reaction) -> String {
        "\(Reaction.satisfiedLabels[reaction.satisfied - 1]) · \(Reaction.usableLabels[reaction.usable - 1])"
    }

    public func blocks() -> [Block] {
        [.heading(level: 1, title)] + factBlocks() + plannedBlocks(level: 2) + reactionBlocks(level: 2)
            + goalBlocks(level: 2) + observationBlocks(level: 2)
    }

    /// The plan, what was done of it, and the later scan, in a few lines.
    func factBlocks() -> [Block] {
        var blocks: [Block] = []
        let plan = progress.plan
        let doneRows = progress.rows.filter(\.isDone).count
        var facts: [(key: String, text: String)] = [
            ("plan", "uit scan \(progress.planScanID) van \(plan.date)"),
            (
                "gedaan",
                "\(doneRows) van de \(progress.rows.count) geplande activiteiten"
                    + (progress.extra.isEmpty
                        ? ""
                        : ", en \(DutchNumber.count(progress.extra.count, "activiteit", "activiteiten")) buiten het plan")
            ),
            (
                "uren",
                "\(Self.hours(minutes: progress.doneMinutes)) gedaan, \(Self.hours(minutes: progress.plannedMinutes)) gepland"
            ),
            (
                "kosten",
                "\(Self.euro(cents: progress.doneCents)) besteed, \(Self.euro(cents: progress.plannedCents)) gepland"
            ),
        ]
        if let later = progress.laterScanID, let first = progress.goals.first {
            facts.append(("latere scan", "\(later) van \(first.after)"))
        } else {
            facts.append(
                ("latere scan", "nog geen: scan jezelf opnieuw (lob scan) om te zien of je doelen bereikt zijn"))
        }
        blocks.append(.definitions(facts))
        return blocks
    }

    /// Planned against done, and what was done outside the plan.
    func plannedBlocks(level: Int) -> [Block] {
        let plan = progress.plan
        var blocks: [Block] = [.heading(level: level, "Gepland en gedaan")]
        blocks.append(
            .table(
                header: ["nr", "doel", "uiterlijk", "uren", "kosten", "gedaan op", "activiteit"],
                rows: progress.rows.map { row in
                    let spent = row.done.reduce((minutes: 0, cents: Int64(0))) {
                        ($0.minutes + $1.minutes, $0.cents + $1.cents)
                    }
                    return [
                        "\(row.number)", "\(row.goal)", plan.catalogue.schoolYear.endLabel(row.planned.slot),
                        row.isDone
                            ? "\(Self.hours(minutes: row.plannedMinutes)) → \(Self.hours(minutes: spent.minutes))"
                            : Self.hours(minutes: row.plannedMinutes),
                        row.isDone
                            ? "\(Self.euro(cents: row.plannedCents)) → \(Self.euro(cents: spent.cents))"
                            : Self.euro(cents: row.plannedCents),
                        row.isDone ? row.done.map(\.date.dutch).joined(separator: ", ") : "nog niet",
                        row.planned.form.name,
                    ]
                }))
        blocks.append(.paragraph("Uren en kosten: gepland → gedaan."))
        blocks.append(
            .paragraph(
                "Een activiteit gedaan? Zet hem in je logboek met 'lob plan done NR' (het nummer hierboven), met --date, --hours en --cost als het anders ging dan gepland."
            ))
        if !progress.extra.isEmpty {
            blocks.append(.heading(level: level + 1, "Buiten het plan"))
            blocks.append(
                .table(
                    header: ["logboek", "activiteit", "doel", "datum", "uren", "kosten"],
                    rows: progress.extra.map { done in
                        [
                            "\(done.id)", done.formName, done.competency.map { "competentie \($0)" } ?? "geen",
                            done.date.dutch, Self.hours(minutes: done.minutes), Self.euro(cents: done.cents),
                        ]
                    }))
        }

        return blocks
    }

    /// Kirkpatrick's first level: the teacher's own reactions.
    func reactionBlocks(level: Int) -> [Block] {
        var blocks: [Block] = [.heading(level: level, "Niveau 1: je reacties")]
        blocks.append(.paragraph("\(Reaction.satisfiedQuestion) \(Reaction.usableQuestion)"))
        let done = progress.done.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        if done.isEmpty {
            blocks.append(.paragraph("Nog geen activiteiten gedaan."))
        } else {
            blocks.append(
                .table(
                    header: ["logboek", "activiteit", "reactie", "opmerking"],
                    rows: done.map { done in
                        [
                            "\(done.id)", done.formName, done.reaction.map(Self.words) ?? "nog geen",
                            done.reaction?.remark ?? "",
                        ]
                    }))
            if !progress.awaitingReaction.isEmpty {
                blocks.append(
                    .paragraph(
                        "Nog te geven: je reactie op \(progress.awaitingReaction.map { "logboek \($0.id)" }.joined(separator: ", ")) — met 'lob plan react NR'."
                    ))
            }
        }
        blocks.append(
            .note(
                "De vijfpuntsschaal is een standaard van LOB-spiegel; de bron geeft de vragen, geen schaal. Alleen jij ziet je reacties met je naam; de school ziet ze alleen als groep."
            ))

        return blocks
    }

    /// Kirkpatrick's second level: the goals against the later scan.
    func goalBlocks(level: Int) -> [Block] {
        var blocks: [Block] = [.heading(level: level, "Niveau 2: het geleerde")]
        if progress.goals.isEmpty {
            blocks.append(
                .paragraph(
                    "Zijn de leerdoelen bereikt? Dat zegt je volgende zelfscan: scan jezelf opnieuw (lob scan) na de laatste periode van je plan, dan zet dit overzicht elke doelscore naast die van nu."
                ))
        } else {
            let reached = progress.goalsReached
            blocks.append(
                .paragraph(
                    "\(reached) van de \(DutchNumber.count(progress.goals.count, "doel", "doelen")) bereikt: elk gedragskenmerk van het doel op zijn doelniveau in je scan van \(progress.goals[0].after.dutch), vergeleken met je scan van \(progress.goals[0].before.dutch)."
                ))
            for goal in progress.goals {
                blocks.append(
                    .heading(
                        level: level + 1,
                        "Doel \(goal.goal): \(goal.competency.name) — \(goal.reached ? "bereikt" : goal.measured ? "nog niet bereikt" : "niet opnieuw gescand")"
                    ))
                blocks.append(
                    .table(
                        header: ["id", "doel", "toen", "nu", "bereikt", "gedragskenmerk"],
                        rows: goal.steps.map { step in
                            [
                                step.behaviour.id, "\(step.target)", step.before.map(String.init) ?? "–",
                                step.after.map(String.init) ?? "–",
                                step.after == nil ? "–" : step.reached ? "ja" : "nee",
                                step.behaviour.text,
                            ]
                        }))
                blocks.append(
                    .paragraph(
                        "Het gat: \(DutchNumber.count(goal.gapBefore, "niveau", "niveaus")) toen, \(goal.gapAfter) nu (\(goal.closed >= 0 ? "\(goal.closed) gesloten" : "\(-goal.closed) groter geworden"))."
                    ))
            }
        }
        return blocks
    }
}

extension ProgressReport {
    /// Kirkpatrick's third level: per goal, when its follow-up is due and what others see change.
    func observationBlocks(level: Int) -> [Block] {
        var blocks: [Block] = [
            .heading(level: level, "Niveau 3: gedrag"), .quote(KirkpatrickLevel.all[2].text, by: "Niveau 3"),
            .paragraph(
                "Zien anderen het verschil? \(progress.followUpWeeks.lowerBound) tot \(progress.followUpWeeks.upperBound) weken na de laatste activiteit voor een doel vraag je collega's en je leidinggevende (bij een lesbezoek) om een vervolgmeting op alleen de gedragskenmerken van dat doel (lob plan follow-up). Die staat hier naast de eerste 360°-feedback, zoals je feedbackverslag ze toont: collega's alleen als groep van minstens 3."
            ),
        ]
        for observation in progress.observations {
            let due = progress.followUpDue(goal: observation.goal)
            let state =
                observation.change.map { "verandering \(DutchNumber.signed(($0 * 100).rounded() / 100)) niveau" }
                ?? (due.map { "vervolgmeting van \($0.lowerBound.dutch) tot \($0.upperBound.dutch)" }
                    ?? "nog geen activiteit gedaan")
            blocks.append(
                .heading(level: level + 1, "Doel \(observation.goal): \(observation.competency.name) — \(state)"))
            let rows = observation.steps.filter { $0.before != nil || $0.after != nil }
            guard !rows.isEmpty else {
                blocks.append(.paragraph("Nog geen feedback op de gedragskenmerken van dit doel."))
                continue
            }
            func colleagues(_ view: FeedbackAnalysis.BehaviourView?) -> String {
                guard let view else { return "–" }
                return view.colleagues.map { "\(DutchNumber.format($0.mean)) (\($0.n))" }
                    ?? (view.withheld != nil ? "niet getoond" : "–")
            }
            blocks.append(
                .table(
                    header: [
                        "id", "collega's toen", "collega's nu", "leidinggevende toen", "leidinggevende nu",
                        "verschil", "gedragskenmerk",
                    ],
                    rows: rows.map { step in
                        [
                            step.behaviour.id, colleagues(step.before), colleagues(step.after),
                            step.before?.leidinggevende.map(String.init) ?? "–",
                            step.after?.leidinggevende.map(String.init) ?? "–",
                            step.change.map { DutchNumber.signed(($0 * 100).rounded() / 100) } ?? "–",
                            step.behaviour.text,
                        ]
                    }))
        }
        return blocks
    }
}

/// `lob plan progress --format json`: see docs/json.md.
public struct ProgressJSON: Encodable {
    struct ReactionJSON: Encodable {
        let satisfied: Int
        let usable: Int
        @Null var remark: String?
        let date: String
    }
    struct DoneJSON: Encodable {
        let logbook: Int64
        let form: String
        let name: String
        @Null var competency: Int?
        let date: String
        let hours: Double
        let cost: Double
        @Null var reaction: ReactionJSON?
    }
    struct RowJSON: Encodable {
        let number: Int
        let goal: Int
        let form: String
        let plannedHours: Double
        let plannedCost: Double
        let done: [Int64]
    }
    struct StepJSON: Encodable {
        let behaviour: String
        let target: Int
        @Null var before: Int?
        @Null var after: Int?
        let reached: Bool
    }
    struct ObservedJSON: Encodable {
        let behaviour: String
        @Null var colleaguesBefore: Double?
        @Null var colleaguesAfter: Double?
        @Null var leidinggevendeBefore: Int?
        @Null var leidinggevendeAfter: Int?
        @Null var change: Double?
    }
    struct ObservationJSON: Encodable {
        let goal: Int
        let competency: Int
        @Null var dueFrom: String?
        @Null var dueTo: String?
        @Null var change: Double?
        let behaviours: [ObservedJSON]
    }
    struct GoalJSON: Encodable {
        let number: Int
        let competency: Int
        let reached: Bool
        let gapBefore: Int
        let gapAfter: Int
        let behaviours: [StepJSON]
    }

    let formatVersion = 1
    let teacher: String
    let planScan: Int64
    let planDate: String
    @Null var laterScan: Int64?
    @Null var laterDate: String?
    let planned: [RowJSON]
    let done: [DoneJSON]
    let plannedHours: Double
    let doneHours: Double
    let plannedCost: Double
    let doneCost: Double
    let goals: [GoalJSON]
    let observations: [ObservationJSON]

    public init(_ report: ProgressReport) {
        let progress = report.progress
        teacher = progress.plan.teacher
        planScan = progress.planScanID
        planDate = progress.plan.date.description
        laterScan = progress.laterScanID
        laterDate = progress.goals.first?.after.description
        planned = progress.rows.map {
            RowJSON(
                number: $0.number, goal: $0.goal, form: $0.planned.form.id,
                plannedHours: Double($0.plannedMinutes) / 60, plannedCost: Double($0.plannedCents) / 100,
                done: $0.done.map(\.id))
        }
        done = progress.done.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map { done in
            DoneJSON(
                logbook: done.id, form: done.formID, name: done.formName, competency: done.competency,
                date: done.date.description, hours: done.hours, cost: done.cost,
                reaction: done.reaction.map {
                    ReactionJSON(
                        satisfied: $0.satisfied, usable: $0.usable, remark: $0.remark, date: $0.date.description)
                })
        }
        plannedHours = Double(progress.plannedMinutes) / 60
        doneHours = Double(progress.doneMinutes) / 60
        plannedCost = Double(progress.plannedCents) / 100
        doneCost = Double(progress.doneCents) / 100
        goals = progress.goals.map { goal in
            GoalJSON(
                number: goal.goal, competency: goal.competency.id, reached: goal.reached, gapBefore: goal.gapBefore,
                gapAfter: goal.gapAfter,
                behaviours: goal.steps.map {
                    StepJSON(
                        behaviour: $0.behaviour.id, target: $0.target, before: $0.before, after: $0.after,
                        reached: $0.reached)
                })
        }
        observations = progress.observations.map { observation in
            let due = progress.followUpDue(goal: observation.goal)
            return ObservationJSON(
                goal: observation.goal, competency: observation.competency.id,
                dueFrom: due?.lowerBound.description, dueTo: due?.upperBound.description,
                change: DutchNumber.rounded(observation.change),
                behaviours: observation.steps.filter { $0.before != nil || $0.after != nil }.map {
                    ObservedJSON(
                        behaviour: $0.behaviour.id, colleaguesBefore: DutchNumber.rounded($0.before?.colleagues?.mean),
                        colleaguesAfter: DutchNumber.rounded($0.after?.colleagues?.mean),
                        leidinggevendeBefore: $0.before?.leidinggevende, leidinggevendeAfter: $0.after?.leidinggevende,
                        change: DutchNumber.rounded($0.change))
                })
        }
    }
}
