import LOBCore
import LOBRender
import Plot

/// A colleague's logbook behind his link: what is due, his plan's activities with what he did of them, a form to
/// mark one done and one to give his reaction (Kirkpatrick level 1: the seed's two questions). Without a script,
/// like the server's other pages: every action is a form that posts and comes back here.
enum LogbookPage {
    static func page(
        _ progress: PlanProgress, token: String, csrf: String, today: SchoolDate, fault: String?
    )
        -> String
    {
        let base = "/s/\(token)"
        let due = dueItems(progress, today: today)
        return Pages.document(
            "Je logboek",
            .p(
                .text(
                    "Wat je van je scholingsplan deed, met je reactie erop. Alleen jij ziet het, achter deze link; de school ziet het alleen als je aan het eind van het jaar je logboek inlevert, en dan als groep."
                )),
            .if(fault != nil, .p(.class("fout"), .attribute(named: "role", value: "alert"), .text(fault ?? ""))),
            .h2(.text("Te doen")),
            .if(due.isEmpty, .p(.text("Nu niets."))),
            .if(!due.isEmpty, .ul(.forEach(due) { .li(.text($0)) })),
            .h2(.text("Je plan")),
            .forEach(progress.rows) { row in
                .section(
                    .class("activiteit"),
                    .h3(
                        .text(
                            "\(row.number). \(row.planned.form.name) — doel \(row.goal), \(row.competency.name)")),
                    .p(
                        .text(
                            "Gepland: \(DutchNumber.format(row.planned.hours)) uur, \(DutchNumber.euro(row.planned.cost))."
                        )),
                    .forEach(row.done) { done in doneEntry(done, base: base, csrf: csrf) },
                    .if(row.done.isEmpty, doneForm(row, base: base, csrf: csrf, today: today)))
            },
            .unwrap(progress.observations.contains(where: \.observed) ? progress.observations : nil) { observations in
                .group(
                    .h2(.text("Wat anderen zien veranderen")),
                    .p(
                        .text(
                            "De vervolgmeting naast de eerste 360°-feedback (niveau 3): hoeveel niveaus vaker je collega's als groep, of anders je leidinggevende, het gedrag van je doel nu zien."
                        )),
                    .ul(
                        .forEach(observations.filter(\.observed)) { observation in
                            .li(
                                .text(
                                    "Doel \(observation.goal) (\(observation.competency.name)): \(DutchNumber.signed(((observation.change ?? 0) * 100).rounded() / 100)) niveau."
                                ))
                        }))
            },
            .unwrap(progress.extra.isEmpty ? nil : progress.extra) { extra in
                .group(
                    .h2(.text("Buiten het plan")),
                    .forEach(extra) { done in doneEntry(done, base: base, csrf: csrf) })
            },
            .p(.a(.href(base), .text("Terug naar je scan"))))
    }

    /// Reactions still to give, and follow-ups due or coming.
    static func dueItems(_ progress: PlanProgress, today: SchoolDate) -> [String] {
        var items = progress.awaitingReaction.map {
            "Je reactie op \($0.formName) van \($0.date.dutch)."
        }
        for observation in progress.observations where !observation.observed {
            guard let window = progress.followUpDue(goal: observation.goal), today <= window.upperBound else {
                continue
            }
            let name = "doel \(observation.goal) (\(observation.competency.name))"
            items.append(
                window.contains(today)
                    ? "Vraag nu de vervolgmeting van \(name) aan je teamvoorzitter of leidinggevende: tot \(window.upperBound.dutch)."
                    : "De vervolgmeting van \(name): van \(window.lowerBound.dutch) tot \(window.upperBound.dutch).")
        }
        return items
    }

    static func doneEntry(_ done: ActivityDone, base: String, csrf: String) -> Node<HTML.BodyContext> {
        .div(
            .class("gedaan"),
            .p(
                .text(
                    "Gedaan op \(done.date.dutch): \(DutchNumber.format(done.hours)) uur, \(DutchNumber.euro(done.cost))."
                        + (done.reaction.map { " Je reactie: \(ProgressReport.words($0))." } ?? ""))),
            .if(done.reaction == nil, reactionForm(done, base: base, csrf: csrf)))
    }

    static func doneForm(
        _ row: PlanProgress.Row, base: String, csrf: String, today: SchoolDate
    )
        -> Node<HTML.BodyContext>
    {
        let id = "gedaan-\(row.number)"
        return .form(
            .action("\(base)/gedaan"), .method(.post), Pages.csrfField(csrf),
            .input(.type(.hidden), .name("nummer"), .value("\(row.number)")),
            .label(.for("\(id)-datum"), .text("Gedaan op")),
            .input(.type(.date), .name("datum"), .id("\(id)-datum"), .value(today.description), .required(true)),
            .label(.for("\(id)-uren"), .text("Uren (leeg: zoals gepland)")),
            .input(
                .type(.text), .name("uren"), .id("\(id)-uren"), .attribute(named: "inputmode", value: "decimal")),
            .label(.for("\(id)-kosten"), .text("Kosten in euro (leeg: zoals gepland)")),
            .input(
                .type(.text), .name("kosten"), .id("\(id)-kosten"), .attribute(named: "inputmode", value: "decimal")),
            .button(.type(.submit), .text("Gedaan")))
    }

    static func reactionForm(_ done: ActivityDone, base: String, csrf: String) -> Node<HTML.BodyContext> {
        let id = "reactie-\(done.id)"
        func question(_ name: String, _ legend: String, _ labels: [String]) -> Node<HTML.FormContext> {
            .fieldset(
                .element(named: "legend", text: legend),
                .forEach(Array(labels.enumerated())) { index, label in
                    .div(
                        .input(
                            .type(.radio), .name(name), .id("\(id)-\(name)-\(index + 1)"), .value("\(index + 1)"),
                            .required(true)),
                        .label(.class("naast"), .for("\(id)-\(name)-\(index + 1)"), .text("\(index + 1) \(label)")))
                })
        }
        return .form(
            .action("\(base)/reactie"), .method(.post), Pages.csrfField(csrf),
            .input(.type(.hidden), .name("activiteit"), .value("\(done.id)")),
            question("tevreden", Reaction.satisfiedQuestion, Reaction.satisfiedLabels),
            question("aandeslag", Reaction.usableQuestion, Reaction.usableLabels),
            .label(.for("\(id)-opmerking"), .text("Opmerking (mag leeg)")),
            .textarea(
                .name("opmerking"), .id("\(id)-opmerking"),
                .attribute(named: "maxlength", value: "\(Reaction.remarkLength)")),
            .button(.type(.submit), .text("Bewaar je reactie")))
    }

    /// What went wrong, as the page says it.
    static func words(_ problem: LogbookEntry.Problem) -> String {
        switch problem {
        case .noSuchPlannedActivity(let number, let planned):
            "Je plan heeft geen activiteit \(number), maar \(planned)."
        case .noSuchForm, .noSuchGoal: "Die activiteit staat niet in je plan."
        case .beforePlan(let date): "Die datum ligt vóór je scan van \(date.dutch), waar het plan uit komt."
        case .hoursOutOfRange:
            "De uren vallen buiten de grenzen: 0 tot en met \(ActivityDone.minuteRange.upperBound / 60)."
        case .costOutOfRange:
            "De kosten vallen buiten de grenzen: € 0 tot en met \(DutchNumber.euro(Double(ActivityDone.centRange.upperBound) / 100))."
        case .outOfScale: "Kies bij beide vragen een antwoord van 1 tot en met 5."
        case .remarkTooLong: "Je opmerking is te lang: hooguit \(Reaction.remarkLength) tekens."
        case .reactionBeforeActivity(let date): "Een reactie kan niet van vóór de activiteit zijn (\(date.dutch))."
        case .agreementEmpty, .agreementTooLong, .participantsOutOfRange, .goalWithoutForm, .otherTeacher, .notInPlan,
            .otherActivity, .reactedTwice, .noReactions:
            "Dat kan hier niet."
        }
    }
}
