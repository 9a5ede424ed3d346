import Foundation
import Hummingbird
import HummingbirdBcrypt
import LOBApp
import LOBCore
import LOBFormats
import LOBMail
import LOBRender

// MARK: - The teamvoorzitter's dashboard

extension LOBServer {
    static let sessionCookie = "lob_sessie"
    /// Before login there is no session: the login form's CSRF token is also a cookie, and both must match.
    static let loginCookie = "lob_inloggen"

    /// The dashboard's routes, one method per page or form below.
    func dashboardRoutes(_ router: Router<ServeContext>) {
        router.get("inloggen", use: loginForm)
        router.post("inloggen", use: logIn)
        router.post("uitloggen", use: logOut)
        router.get("dashboard", use: dashboard)
        router.get("dashboard/teamoverzicht", use: teamOverview)
        router.get("dashboard/teamplan", use: teamPlan)
        router.post("dashboard/ronde", use: openRound)
        router.post("dashboard/feedback", use: askRaters)
        router.post("dashboard/feedback/:id/intrekken", use: withdrawRaters)
        router.post("dashboard/uitnodiging/:id/nieuw", use: newLink)
        router.post("dashboard/uitnodiging/:id/intrekken", use: revokeLink)
        router.post("dashboard/ronde/sluiten", use: closeRound)
    }

    @Sendable func loginForm(_: Request, _: ServeContext) async throws -> Response {
        loginPage(failed: false, status: .ok)
    }

    @Sendable func logIn(_ request: Request, _ context: ServeContext) async throws -> Response {
        let form = try URLEncodedFormDecoder().decode(LoginForm.self, from: try await body(request))
        guard let expected = request.cookies[Self.loginCookie]?.value, let given = form.csrf,
            Secret.equal(given, expected)
        else { throw AppError.forbidden }
        let (app, decoy, hours, now) = (app, decoy, configuration.sessionHours, configuration.now())
        let (login, password) = (form.login ?? "", form.wachtwoord ?? "")
        // Counted before bcrypt runs, so that many guesses at once get no more checks than the limit.
        let keys = loginKeys(request, context, login: login)
        guard try await app.reserveAttempt(keys, now: now, window: configuration.failureWindow) else {
            return Self.tooMany
        }
        let session = try await app.logIn(
            login: login, password: password,
            verify: { password, hash in
                try await Self.offThread { Bcrypt.verify(password, hash: hash ?? decoy) && hash != nil }
            }, now: now, hours: hours)
        guard let session else { return loginPage(failed: true, status: .unauthorized) }
        try await app.refundAttempt(keys, now: now)
        var response = Self.redirect("/dashboard")
        response.setCookie(cookie(Self.sessionCookie, session.cookie, maxAge: hours * 3600))
        response.setCookie(cookie(Self.loginCookie, "", maxAge: 0, path: "/inloggen"))
        return response
    }

    @Sendable func logOut(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withSession(request, context, form: CSRFForm.self) { _, _ in
            if let value = request.cookies[Self.sessionCookie]?.value { try await app.logOut(cookie: value) }
            var response = Self.redirect("/inloggen")
            response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0))
            return response
        }
    }

    @Sendable func dashboard(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withSession(request, context) { account, csrf in
            let now = configuration.now()
            let dashboard = try await app.dashboard(team: account.team)
            let due = try await app.dueCounts(team: account.team, today: today()) { configuration.activities($0) }
            return Self.page(
                Pages.dashboard(
                    account: account, progress: dashboard.progress, invitations: dashboard.invitations,
                    teamRounds: dashboard.teamRounds, profiles: profiles,
                    defaultProfile: configuration.defaultProfileID, feedback: dashboard.feedbackRequests,
                    csrf: csrf, now: now, mails: configuration.mail != nil, due: due))
        }
    }

    @Sendable func teamOverview(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withSession(request, context) { account, _ in
            let view = try await app.teamView(team: account.team, round: round(request), compare: .previous)
            let report = TeamReport(
                team: view.team, round: view.round, analysis: view.analysis, comparison: view.comparison)
            return Self.document(
                HTMLRenderer(
                    title: report.title, date: today().dutch, back: ("/dashboard", "Terug naar het dashboard")
                )
                .render(report.blocks()))
        }
    }

    @Sendable func teamPlan(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withSession(request, context) { account, _ in
            let view = try await app.teamView(team: account.team, round: round(request))
            guard let activities = configuration.activities(app.commonestProfile(view)) else {
                return Self.page(
                    Pages.message("Geen catalogus", "De school heeft nog geen catalogus van scholingsvormen."),
                    status: .serviceUnavailable)
            }
            let report = TeamPlanReport(app.teamPlan(view, activities: activities, options: .init()))
            return Self.document(
                HTMLRenderer(
                    title: report.title, date: today().dutch, back: ("/dashboard", "Terug naar het dashboard")
                )
                .render(report.blocks()))
        }
    }

    @Sendable func openRound(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withSession(request, context, form: RoundForm.self) { account, form in
            let label = (form.ronde ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !label.isEmpty, VisibleText.lineFaults(label, maximum: 80).isEmpty,
                let profileID = form.profiel, configuration.profile(profileID) != nil
            else {
                return Self.page(
                    Pages.message(
                        "Ronde niet geopend", "Geef de ronde een naam (hooguit 80 tekens) en kies een profiel.",
                        link: ("/dashboard", "Terug")), status: .badRequest)
            }
            let invitees = try await typedInvitees(form.namen ?? "")
            let links = try await app.openRound(
                team: account.team, round: label, profileID: profileID, invitees: invitees,
                days: configuration.linkDays, now: configuration.now())
            return try await handOut(links, title: label, path: "/s/") { link, url, expires, address in
                LinkMail.colleague(
                    name: link.name, team: account.team, round: label, link: url, expires: expires, to: address)
            }
        }
    }

    @Sendable func askRaters(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withSession(request, context, form: FeedbackForm.self) { account, form in
            guard let group = form.groep.flatMap(RaterGroup.init(rawValue:)),
                let id = form.uitnodiging.flatMap({ Int64($0) })
            else {
                return Self.page(
                    Pages.message(
                        "Geen feedback gevraagd", "Kies de collega en de groep.", link: ("/dashboard", "Terug")),
                    status: .badRequest)
            }
            let invitation = try await app.teamInvitation(id, team: account.team)
            guard let profile = configuration.profile(invitation.profileID) else {
                throw AppError.invitationList("het profiel van de ronde staat niet meer op de server")
            }
            let invitees = try await typedInvitees(form.namen ?? "")
            let moment = form.soort.flatMap(FeedbackMoment.init(rawValue:)) ?? .nulmeting
            let links = try await app.inviteRaters(
                team: account.team, invitation: id, group: group, profile: profile, invitees: invitees,
                days: configuration.linkDays, moment: moment, now: configuration.now())
            return try await handOut(links, title: "feedback over \(invitation.name)", path: "/f/") {
                link, url, expires, address in
                LinkMail.rater(
                    name: link.name, subject: invitation.name, group: group, link: url, expires: expires,
                    to: address)
            }
        }
    }

    @Sendable func withdrawRaters(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withSession(request, context, form: CSRFForm.self) { account, _ in
            guard let id = context.parameters.get("id").flatMap({ Int64($0) }),
                let request = try await app.feedbackRequests(team: account.team).first(where: { $0.id == id }),
                let profile = configuration.profile(request.profileID)
            else { throw AppError.linkNotValid(nil) }
            try await app.withdrawRaters(id, team: account.team, profile: profile, now: configuration.now())
            return Self.redirect("/dashboard")
        }
    }

    @Sendable func newLink(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withSession(request, context, form: CSRFForm.self) { account, _ in
            let id = try await invitationID(context)
            let invitation = try await app.teamInvitation(id, team: account.team)
            let link = try await app.resend(
                id, team: account.team, days: configuration.linkDays, now: configuration.now())
            return try await handOut([link], title: "nieuwe link", path: "/s/") { link, url, expires, address in
                LinkMail.colleague(
                    name: link.name, team: account.team, round: invitation.round, link: url, expires: expires,
                    to: address)
            }
        }
    }

    @Sendable func revokeLink(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withSession(request, context, form: CSRFForm.self) { account, _ in
            try await app.revoke(try invitationID(context), team: account.team, now: configuration.now())
            return Self.redirect("/dashboard")
        }
    }

    @Sendable func closeRound(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withSession(request, context, form: RoundForm.self) { account, form in
            try await app.closeRound(team: account.team, round: form.ronde ?? "", now: configuration.now())
            return Self.redirect("/dashboard")
        }
    }

    /// The people typed on the dashboard, one a line ("Naam" or "Naam <adres>"). With a mail server, either every
    /// line has an address (then the links are mailed) or none has (then they are shown): never a mix, which would
    /// show some links and hide others without the teamvoorzitter choosing so.
    func typedInvitees(_ text: String) async throws -> [LOBApp.Invitee] {
        let list: [InvitationList.Invitee]
        do {
            list = try InvitationList.invitees(typed: text)
        } catch {
            throw AppError.invitationList(
                error.problems.map { "regel \($0.line.map(String.init) ?? "?"): \($0.message)" }.joined(separator: "; ")
            )
        }
        let withAddress = list.filter { $0.address != nil }.count
        if configuration.mail != nil, withAddress > 0, withAddress < list.count {
            throw AppError.invitationList(
                "geef iedereen een e-mailadres (dan wordt elke link gemaild) of niemand (dan worden ze getoond)")
        }
        return list.map { LOBApp.Invitee(name: $0.name, address: configuration.mail == nil ? nil : $0.address) }
    }

    /// New links: mailed each to its own address when the school's mail server is set and the addresses are known,
    /// and then not shown; else shown this once.
    func handOut(
        _ links: [LOBApp.IssuedLink], title: String, path: String,
        compose: @escaping (LOBApp.IssuedLink, String, String, String) -> MailMessage
    ) async throws -> Response {
        guard let server = configuration.mail, !links.isEmpty, links.allSatisfy({ $0.address != nil }) else {
            return Self.page(Pages.links(links, round: title, configuration: configuration, path: path))
        }
        let expires = Pages.date(configuration.now() + Int64(configuration.linkDays) * 86_400)
        do {
            let outcomes = try await LinkMail.send(links, server: server) { link, address in
                compose(link, configuration.link(link.token, path: path), expires, address)
            }
            return Self.page(Pages.mailed(outcomes, title: title))
        } catch {
            return Self.page(
                Pages.mailed(links.map { LinkMail.Outcome(name: $0.name, failure: error.description) }, title: title),
                status: .badGateway)
        }
    }

    struct LoginForm: Decodable {
        let csrf: String?
        let login: String?
        let wachtwoord: String?
    }

    struct FeedbackForm: Decodable, CSRFCarrying {
        let csrf: String?
        let uitnodiging: String?
        let groep: String?
        let namen: String?
        /// "nulmeting" or "vervolg".
        let soort: String?
    }

    struct RoundForm: Decodable, CSRFCarrying {
        let csrf: String?
        let ronde: String?
        let profiel: String?
        let namen: String?
    }

    var profiles: [(id: String, title: String)] {
        configuration.profiles().map { ($0.id, $0.title) }
    }

    func loginPage(failed: Bool, status: HTTPResponse.Status) -> Response {
        let csrf = Secret.make()
        var response = Self.page(Pages.login(csrf: csrf, failed: failed), status: status)
        response.setCookie(cookie(Self.loginCookie, csrf, maxAge: 3600, path: "/inloggen"))
        return response
    }

    /// `HttpOnly`, `SameSite=Strict`, and `Secure` when the server is reached over https.
    func cookie(_ name: String, _ value: String, maxAge: Int, path: String = "/") -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: path, secure: configuration.secureCookies, httpOnly: true,
            sameSite: .strict)
    }

    func round(_ request: Request) -> String? {
        request.uri.queryParameters.get("ronde").map { String($0) }
    }

    func invitationID(_ context: ServeContext) async throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else { throw AppError.linkNotValid(nil) }
        return id
    }

    /// A dashboard page for a logged-in account; otherwise to the login.
    func withSession(
        _ request: Request, _ context: ServeContext,
        _ body: (DashboardAccount, String) async throws -> Response
    ) async throws -> Response {
        guard let value = request.cookies[Self.sessionCookie]?.value,
            let (account, csrf) = try await app.session(cookie: value, now: configuration.now())
        else { return Self.redirect("/inloggen") }
        return try await body(account, csrf)
    }

    /// A dashboard change: a logged-in account, and the form's CSRF token equal to the session's.
    func withSession<Form: Decodable & CSRFCarrying>(
        _ request: Request, _ context: ServeContext, form: Form.Type,
        _ body: (DashboardAccount, Form) async throws -> Response
    ) async throws -> Response {
        try await withSession(request, context) { account, csrf in
            let form = try URLEncodedFormDecoder().decode(Form.self, from: try await self.body(request))
            try LOBApp.checkCSRF(form.csrf, expected: csrf)
            return try await body(account, form)
        }
    }
}

protocol CSRFCarrying {
    var csrf: String? { get }
}

extension LOBServer.CSRFForm: CSRFCarrying {}
