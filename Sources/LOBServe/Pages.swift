import Foundation
import LOBApp
import LOBCore
import LOBRender
import Plot

/// The server's own pages (landing, login, dashboard, the page after handing in), built with Plot, which escapes
/// every text. They use the one stylesheet `/stijl.css` and no script: their Content-Security-Policy allows
/// neither inline style nor script.
enum Pages {
    static func document(_ title: String, _ content: Node<HTML.BodyContext>...) -> String {
        HTML(
            .lang(.dutch),
            .head(
                // Not Plot's `.title`, which copies the text unescaped into meta attributes.
                .meta(.charset(.utf8)), .element(named: "title", text: "\(title) · LOB-spiegel"),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.name("referrer"), .content("no-referrer")), .stylesheet("/stijl.css")),
            .body(
                .header(.class("kop"), .p(.class("merk"), .text("LOB-spiegel"))),
                .main(.id("inhoud"), .h1(.text(title)), .group(content)))
        ).render()
    }

    static func message(_ title: String, _ text: String, link: (href: String, label: String)? = nil) -> String {
        document(title, .p(.text(text)), .unwrap(link) { .p(.a(.href($0.href), .text($0.label))) })
    }

    static func landing() -> String {
        document(
            "Welkom",
            .p(
                .text(
                    "Met LOB-spiegel kijk je hoe jij nu staat als loopbaanbegeleider. Heb je van je teamvoorzitter een persoonlijke link gekregen? Open die link: daar vul je je scan in."
                )),
            .p(.text("Teamvoorzitter? "), .a(.href("/inloggen"), .text("Log in op het dashboard")), .text(".")))
    }

    /// A hidden field with the CSRF token: every form that changes something carries it.
    static func csrfField(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("csrf"), .value(token))
    }

    static func postButton(
        _ action: String, _ label: String, csrf: String, extra: [(String, String)] = []
    )
        -> Node<HTML.BodyContext>
    {
        .form(
            .class("inline"), .action(action), .method(.post), csrfField(csrf),
            .forEach(extra) { .input(.type(.hidden), .name($0.0), .value(attribute($0.1))) },
            .button(.type(.submit), .text(label)))
    }

    static func login(csrf: String, failed: Bool) -> String {
        document(
            "Inloggen voor de teamvoorzitter",
            .if(
                failed,
                .p(.class("fout"), .attribute(named: "role", value: "alert"), .text("Onjuiste naam of wachtwoord."))),
            .form(
                .action("/inloggen"), .method(.post), csrfField(csrf),
                .label(.for("login"), .text("Naam")),
                .input(
                    .type(.text), .name("login"), .id("login"), .attribute(named: "autocomplete", value: "username"),
                    .required(true)),
                .label(.for("wachtwoord"), .text("Wachtwoord")),
                .input(
                    .type(.password), .name("wachtwoord"), .id("wachtwoord"),
                    .attribute(named: "autocomplete", value: "current-password"), .required(true)),
                .button(.type(.submit), .class("hoofd"), .text("Inloggen"))))
    }

    /// After handing in: what he can do now, through his own link only.
    static func handedIn(name: String, scan: Scan, token: String, csrf: String, hasFeedback: Bool) -> String {
        let base = "/s/\(token)"
        return document(
            "Je scan is ingeleverd",
            .p(
                .text(
                    "Dank je, \(name). Je scan van \(scan.date.dutch) is ingeleverd: \(scan.consent.word) (\(scan.consent.meaning))."
                )),
            .ul(
                .li(.a(.href("\(base)/uitslag"), .text("Je uitslag"))),
                .li(
                    .a(.href("\(base)/plan"), .text("Je scholingsplan")), .text(" ("),
                    .a(.href("\(base)/plan?download"), .text("download")), .text(")")),
                .li(.a(.href("\(base)/logboek"), .text("Je logboek: wat je deed, je reacties en wat er te doen is"))),
                .li(.a(.href("\(base)/scan.yaml"), .text("Download je scanbestand"))),
                .if(hasFeedback, .li(.a(.href("\(base)/feedback"), .text("Je 360°-feedback"))))),
            .p(
                .text(
                    "Deze pagina en alles erachter zijn alleen te zien in deze browser, of met je link en je persoonlijke code: niet met de link alleen, dus ook niet door je teamvoorzitter."
                )),
            .h2(.text("Wie je scan mag zien")),
            .p(
                .text(
                    "Je kunt dit veranderen zonder de vragen opnieuw te beantwoorden. Kies je privé, dan telt je scan niet meer mee in het team en verdwijnt hij ook uit de geschiedenis van het team; weer meetellen kan dan vanaf de volgende dag."
                )),
            .form(
                .action("\(base)/toestemming"), .method(.post), csrfField(csrf),
                .fieldset(
                    .element(named: "legend", text: "Delen"),
                    .forEach(Consent.allCases) { consent in
                        .div(
                            .input(
                                .type(.radio), .name("consent"), .id("consent-\(consent.rawValue)"),
                                .value(consent.rawValue), .checked(consent == scan.consent)),
                            .label(
                                .class("naast"), .for("consent-\(consent.rawValue)"),
                                .text("\(consent.word): \(consent.meaning)")))
                    }),
                .button(.type(.submit), .text("Bewaar je keuze"))),
            .h2(.text("Je scan verwijderen")),
            .p(
                .text(
                    "Verwijder je je scan, dan telt hij nergens meer mee en staat hij niet meer op de server; dat is niet terug te draaien. Download eerst je scanbestand als je hem wilt bewaren. Met je link kun je daarna opnieuw beginnen."
                )),
            .form(
                .class("inline"), .action("\(base)/verwijderen"), .method(.post), csrfField(csrf),
                .input(.type(.checkbox), .name("zeker"), .id("zeker"), .value("ja"), .required(true)),
                .label(.class("naast"), .for("zeker"), .text("Ja, verwijder mijn scan")),
                .button(.type(.submit), .text("Verwijder mijn scan"))))
    }

    /// After his scan was deleted: said, with the way back.
    static func deleted(token: String) -> String {
        message(
            "Je scan is verwijderd",
            "Je scan telt nergens meer mee en staat niet meer op de server. Wil je toch meedoen, dan kun je met je link opnieuw beginnen.",
            link: (href: "/s/\(token)", label: "Opnieuw beginnen"))
    }

    /// The first visit of a link: he chooses the personal code that, with this browser, makes the link his alone.
    static func claim(name: String, token: String, csrf: String, fault: String?) -> String {
        document(
            "Welkom, \(name)",
            .p(
                .text(
                    "Met deze persoonlijke link vul je je LOB-spiegelscan in. Kies eerst een persoonlijke code van minstens \(LOBApp.codeLength) tekens. Daarna opent deze link je scan alleen nog in deze browser, of op een ander apparaat met je code."
                )),
            .p(
                .class("let-op"),
                .text(
                    "Waarom? Je teamvoorzitter heeft de links gemaakt en kan ze dus kennen. Je code kent hij niet: zonder je code of deze browser ziet niemand je antwoorden, ook hij niet. Schrijf je code ergens op waar alleen jij bij kunt. Ben je hem kwijt en werk je in een andere browser, dan kun je alleen opnieuw beginnen met een lege scan."
                )),
            .if(fault != nil, .p(.class("fout"), .attribute(named: "role", value: "alert"), .text(fault ?? ""))),
            .form(
                .action("/s/\(token)/code"), .method(.post), csrfField(csrf),
                .label(.for("code"), .text("Kies je persoonlijke code")),
                .input(
                    .type(.password), .name("code"), .id("code"),
                    .attribute(named: "autocomplete", value: "new-password"),
                    .attribute(named: "minlength", value: "\(LOBApp.codeLength)"), .required(true)),
                .label(.for("nogmaals"), .text("Nog een keer, ter controle")),
                .input(
                    .type(.password), .name("nogmaals"), .id("nogmaals"),
                    .attribute(named: "autocomplete", value: "new-password"), .required(true)),
                .button(.type(.submit), .class("hoofd"), .text("Begin met de scan"))))
    }

    /// A claimed link in a browser that is not bound to it: only his code opens it; or he starts again, empty.
    static func unlock(token: String, csrf: String, failed: Bool) -> String {
        document(
            "Je persoonlijke code",
            .p(
                .text(
                    "Deze link is al in gebruik genomen. Ben jij dat? Vul je persoonlijke code in; daarna opent de link je scan ook in deze browser."
                )),
            .if(
                failed,
                .p(.class("fout"), .attribute(named: "role", value: "alert"), .text("Deze code klopt niet."))),
            .form(
                .action("/s/\(token)/openen"), .method(.post), csrfField(csrf),
                .label(.for("code"), .text("Persoonlijke code")),
                .input(
                    .type(.password), .name("code"), .id("code"),
                    .attribute(named: "autocomplete", value: "current-password"), .required(true)),
                .button(.type(.submit), .class("hoofd"), .text("Open mijn scan"))),
            .h2(.text("Code kwijt?")),
            .p(
                .text(
                    "Dan kun je opnieuw beginnen: alles wat je met deze link op de server had staan (je antwoorden, je ingeleverde scan en je code) wordt gewist, en je kiest een nieuwe code. Wat je team al van je meetelt, blijft zoals je het inleverde. Was jij het niet die de link in gebruik nam, meld het dan je teamvoorzitter of de school."
                )),
            .form(
                .class("inline"), .action("/s/\(token)/opnieuw"), .method(.post), csrfField(csrf),
                .input(.type(.checkbox), .name("zeker"), .id("zeker"), .value("ja"), .required(true)),
                .label(.class("naast"), .for("zeker"), .text("Ja, wis alles en begin opnieuw")),
                .button(.type(.submit), .text("Opnieuw beginnen"))))
    }

    static func date(_ seconds: Int64) -> String { LOBServer.day(seconds).dutch }

    static func stateWord(_ state: Invitation.LinkState) -> String {
        switch state {
        case .active: "actief"
        case .expired: "verlopen"
        case .revoked: "ingetrokken"
        case .closed: "ronde gesloten"
        }
    }

    /// The teamvoorzitter's overview: per round how many were invited, started and finished — never who chose which
    /// consent, nor who finished (the team report would then show who kept his scan private).
    static func dashboard(
        account: DashboardAccount, progress: [RoundProgress], invitations: [Invitation], teamRounds: Set<String>,
        profiles: [(id: String, title: String)], defaultProfile: String, feedback: [FeedbackRequest], csrf: String,
        now: Int64, mails: Bool = false, due: [String: DueCount] = [:]
    ) -> String {
        // A request undone (made by mistake) leaves the list: its links and answers are gone; only their number is said.
        let withdrawn = feedback.filter { $0.withdrawnAt != nil }.count
        let feedback = feedback.filter { $0.withdrawnAt == nil }
        let byMail =
            mails
            ? " Met een e-mailadres achter elke naam (Naam <adres>) mailt de dienst elke link zelf en toont hij er geen."
            : ""
        return document(
            "Dashboard: \(account.team)",
            .p(
                .text("Ingelogd als \(account.login). "),
                .form(
                    .class("inline"), .action("/uitloggen"), .method(.post), csrfField(csrf),
                    .button(.type(.submit), .text("Uitloggen")))),
            .h2(.text("Rondes")),
            .if(
                progress.isEmpty, .p(.text("Nog geen ronde. Open er hieronder een."))),
            .if(
                !progress.isEmpty,
                .table(
                    .caption(.text("Per ronde: hoeveel collega's zijn uitgenodigd, begonnen en klaar")),
                    .thead(
                        .tr(
                            .th(.text("Ronde")), .th(.class("getal"), .text("Uitgenodigd")),
                            .th(.class("getal"), .text("Begonnen")), .th(.class("getal"), .text("Ingeleverd")),
                            .th(.text("Status")), .th(.text("Bekijken")))),
                    .tbody(
                        .forEach(progress) { round in
                            .tr(
                                .td(.text(round.round)), .td(.class("getal"), .text("\(round.invited)")),
                                .td(.class("getal"), .text("\(round.started)")),
                                .td(.class("getal"), .text("\(round.finished)")),
                                .td(.text(round.closed ? "gesloten" : "open")),
                                .td(
                                    teamRounds.contains(round.round)
                                        ? .group(
                                            .a(
                                                .href("/dashboard/teamoverzicht?ronde=\(query(round.round))"),
                                                .text("Teamoverzicht")), .text(" · "),
                                            .a(
                                                .href("/dashboard/teamplan?ronde=\(query(round.round))"),
                                                .text("Teamplan")))
                                        : .text("nog geen ingeleverde scans")))
                        }))),
            .if(
                !due.isEmpty,
                .group(
                    .h2(.text("Te doen bij collega's")),
                    .p(
                        .text(
                            "Hoeveel reacties op gedane activiteiten en vervolgmetingen (niveau 1 en 3) de collega's van een ronde nu te doen hebben: ieder ziet het zijne achter zijn eigen link. Wie, staat nergens; een ronde telt pas mee vanaf \(PrivacyRule.minimumThreshold) ingeleverde scans."
                        )),
                    .ul(
                        .forEach(due.sorted { $0.key < $1.key }) { round, count in
                            .li(
                                .text(
                                    "\(round): \(DutchNumber.count(count.reactions, "reactie", "reacties")) en \(DutchNumber.count(count.followUps, "vervolgmeting", "vervolgmetingen"))"
                                ))
                        }))),
            .forEach(progress.filter { !$0.closed }) { round in
                postButton(
                    "/dashboard/ronde/sluiten", "Sluit ronde \(round.round)", csrf: csrf,
                    extra: [("ronde", round.round)])
            },
            .h2(.text("Uitnodigingen")),
            .p(
                .text(
                    "Een nieuwe link maakt de oude ongeldig en wist wat er van die collega op de server staat: zijn antwoorden, zijn ingeleverde scan en het logboek erachter; hij begint opnieuw. Of iemand begonnen of klaar is, staat hier niet: dan zou het teamoverzicht laten zien wie zijn scan privé hield."
                )),
            .table(
                .thead(
                    .tr(
                        .th(.text("Naam")), .th(.text("Ronde")), .th(.text("Link")), .th(.text("Geldig tot")),
                        .th(.text("")))),
                .tbody(
                    .forEach(invitations) { invitation in
                        let state = invitation.linkState(now: now)
                        return .tr(
                            .td(.text(invitation.name)), .td(.text(invitation.round)), .td(.text(stateWord(state))),
                            .td(.text(date(invitation.expiresAt))),
                            .td(
                                .if(
                                    state != .closed,
                                    .group(
                                        postButton(
                                            "/dashboard/uitnodiging/\(invitation.id)/nieuw", "Nieuwe link", csrf: csrf),
                                        .if(
                                            state == .active,
                                            postButton(
                                                "/dashboard/uitnodiging/\(invitation.id)/intrekken", "Intrekken",
                                                csrf: csrf))))))
                    })),
            .h2(.text("360°-feedback")),
            .if(
                feedback.isEmpty, .p(.text("Nog niemand om feedback gevraagd."))),
            .if(
                withdrawn > 0,
                .p(
                    .text(
                        withdrawn == 1
                            ? "1 vraag is ingetrokken: haar links werken niet meer en wat erdoor gegeven was, is gewist."
                            : "\(withdrawn) vragen zijn ingetrokken: hun links werken niet meer en wat erdoor gegeven was, is gewist."
                    ))),
            .if(
                !feedback.isEmpty,
                .table(
                    .caption(
                        .text(
                            "Per vraag: over wie, welke groep, hoeveel beoordelaars zijn gevraagd en hoeveel gaven feedback"
                        )
                    ),
                    .thead(
                        .tr(
                            .th(.text("Over")), .th(.text("Ronde")), .th(.text("Groep")),
                            .th(.class("getal"), .text("Gevraagd")), .th(.class("getal"), .text("Gegeven")),
                            .th(.text("")))),
                    .tbody(
                        .forEach(feedback) { row in
                            .tr(
                                .td(.text(row.subject)), .td(.text(row.round)),
                                .td(.text(row.group.word + (row.moment == .vervolg ? " (vervolgmeting)" : ""))),
                                .td(.class("getal"), .text("\(row.asked)")),
                                .td(.class("getal"), .text("\(row.answered)")),
                                .td(postButton("/dashboard/feedback/\(row.id)/intrekken", "Intrekken", csrf: csrf)))
                        }))),
            .if(
                !feedback.isEmpty,
                .p(
                    .text(
                        "Een vraag intrekken maakt zijn links ongeldig en wist de feedback die erdoor is gegeven: voor een vraag over de verkeerde collega of aan de verkeerde groep."
                    ))),
            .if(
                invitations.allSatisfy { $0.linkState(now: now) == .closed },
                .p(.text("Feedback vraag je over een collega van een open ronde; open eerst een ronde."))),
            .if(
                !invitations.allSatisfy { $0.linkState(now: now) == .closed },
                .form(
                    .action("/dashboard/feedback"), .method(.post), csrfField(csrf),
                    .label(.for("voor"), .text("Feedback over")),
                    .select(
                        .attribute(named: "name", value: "uitnodiging"), .id("voor"),
                        .forEach(invitations.filter { $0.closedAt == nil }) { invitation in
                            .element(
                                named: "option",
                                nodes: [
                                    .attribute(named: "value", value: "\(invitation.id)"),
                                    .text("\(invitation.name) (\(invitation.round))"),
                                ])
                        }),
                    .label(.for("groep"), .text("Wie geven feedback")),
                    .select(
                        .attribute(named: "name", value: "groep"), .id("groep"),
                        .forEach([RaterGroup.collega, .leidinggevende, .leerling]) { group in
                            .element(
                                named: "option",
                                nodes: [.attribute(named: "value", value: group.rawValue), .text(group.word)])
                        }),
                    .label(.for("soort"), .text("Welke feedback")),
                    .select(
                        .attribute(named: "name", value: "soort"), .id("soort"),
                        .element(
                            named: "option",
                            nodes: [
                                .attribute(named: "value", value: FeedbackMoment.nulmeting.rawValue),
                                .text("de eerste: alle gedragskenmerken van het profiel"),
                            ]),
                        .element(
                            named: "option",
                            nodes: [
                                .attribute(named: "value", value: FeedbackMoment.vervolg.rawValue),
                                .text("vervolgmeting: alleen de doelen van zijn plan (na zijn activiteiten)"),
                            ])),
                    .label(
                        .for("beoordelaars"),
                        .text(
                            "Namen van de beoordelaars, één per regel (niet bewaard)." + byMail)),
                    .textarea(
                        .name("namen"), .id("beoordelaars"), .attribute(named: "rows", value: "5"), .required(true)),
                    .button(.type(.submit), .class("hoofd"), .text("Maak de feedbacklinks")))),
            .h2(.text("Een ronde openen")),
            .form(
                .action("/dashboard/ronde"), .method(.post), csrfField(csrf),
                .label(.for("ronde"), .text("Naam van de ronde (bijvoorbeeld voorjaar 2027)")),
                .input(.type(.text), .name("ronde"), .id("ronde"), .required(true)),
                .label(.for("profiel"), .text("Profiel")),
                profileChoice(profiles, defaultProfile: defaultProfile, id: "profiel"),
                .label(.for("namen"), .text("Namen van de collega's, één per regel." + byMail)),
                .textarea(.name("namen"), .id("namen"), .attribute(named: "rows", value: "8"), .required(true)),
                .button(.type(.submit), .class("hoofd"), .text("Maak de links"))))
    }

    static func profileChoice(
        _ profiles: [(id: String, title: String)], defaultProfile: String, id: String
    )
        -> Node<HTML.FormContext>
    {
        .select(
            .attribute(named: "name", value: "profiel"), .id(id),
            .forEach(profiles) { profile in
                .element(
                    named: "option",
                    nodes: [
                        .attribute(named: "value", value: attribute(profile.id)),
                        .if(profile.id == defaultProfile, .attribute(named: "selected", value: "selected")),
                        .text("\(profile.title) (\(profile.id))"),
                    ])
            })
    }

    /// Links are shown this once: only their hashes are kept.
    static func links(
        _ links: [LOBApp.IssuedLink], round: String, configuration: ServeConfiguration, path: String = "/s/"
    ) -> String {
        document(
            "Persoonlijke links: \(round)",
            .p(
                .class("let-op"),
                .text(
                    "Deze links worden maar één keer getoond: bewaar of verstuur ze nu. Ieder krijgt alleen zijn eigen link; wie een link heeft, kan die scan openen. Kwijt? Maak op het dashboard een nieuwe."
                )),
            .table(
                .thead(.tr(.th(.text("Naam")), .th(.text("Link")))),
                .tbody(
                    .forEach(links) { link in
                        .tr(.td(.text(link.name)), .td(.code(.text(configuration.link(link.token, path: path)))))
                    })),
            .p(.a(.href("/dashboard"), .text("Terug naar het dashboard"))))
    }

    /// Text for an attribute value: Plot writes attribute values as they are, so a `"` would end the attribute and
    /// start markup of the writer's choosing. Every value that a user or a school can set goes through here.
    static func attribute(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Links mailed by the server: who got his, and who did not (and why). No link is on this page.
    static func mailed(_ outcomes: [LinkMail.Outcome], title: String) -> String {
        let failed = outcomes.filter { $0.failure != nil }
        return document(
            "Gemaild: \(title)",
            .p(
                .text(
                    "Elke link is naar het eigen e-mailadres gestuurd; hier staat er geen, en bewaard is alleen een hash. Ook jij ziet de links dus niet."
                )),
            .table(
                .thead(.tr(.th(.text("Naam")), .th(.text("Mail")))),
                .tbody(
                    .forEach(outcomes) { outcome in
                        .tr(
                            .td(.text(outcome.name)),
                            .td(.text(outcome.failure.map { "niet verstuurd: \($0)" } ?? "verstuurd")))
                    })),
            .if(
                !failed.isEmpty,
                .p(
                    .class("fout"), .attribute(named: "role", value: "alert"),
                    .text(
                        "Niet alle links zijn verstuurd. Maak voor wie hierboven 'niet verstuurd' heeft een nieuwe link op het dashboard."
                    ))),
            .p(.a(.href("/dashboard"), .text("Terug naar het dashboard"))))
    }

    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
