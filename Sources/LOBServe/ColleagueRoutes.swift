import Foundation
import Hummingbird
import HummingbirdBcrypt
import LOBApp
import LOBCore
import LOBForm
import LOBFormats
import LOBRender

// MARK: - A colleague's personal link

extension LOBServer {
    /// The cookie that binds a browser to a claimed link; its path is the link's own.
    static let linkCookie = "lob_link"

    /// A colleague's personal link: its routes, one method per page or form below.
    func colleagueRoutes(_ router: Router<ServeContext>) {
        let link = router.group("s/:token")
        link.get(use: linkPage)
        link.post("code", use: claimLink)
        link.post("openen", use: unlockLink)
        link.post("opnieuw", use: restartLink)
        link.put("antwoorden", use: saveAnswers)
        link.post("inleveren", use: handIn)
        link.get("uitslag", use: ownReport)
        link.get("plan", use: ownPlan)
        link.get("feedback", use: ownFeedback)
        link.get("scan.yaml", use: scanFile)
        link.post("toestemming", use: changeConsent)
        link.post("verwijderen", use: deleteScan)
        link.get("verwijderd", use: deletedPage)
    }

    /// Unclaimed: choose a code. Claimed: the scan in a bound browser, else the code.
    @Sendable func linkPage(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withLinkAndBrowser(request, context) { record, device, token in
            guard record.isClaimed else {
                return Self.page(
                    Pages.claim(name: record.invitation.name, token: token, csrf: record.csrf, fault: nil))
            }
            guard let device else {
                return Self.page(Pages.unlock(token: token, csrf: record.csrf, failed: false))
            }
            return try await scanPage(record, device: device, token: token)
        }

    }

    @Sendable func claimLink(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withInvitation(request, context) { record, token in
            let form = try URLEncodedFormDecoder().decode(CodeForm.self, from: try await body(request))
            try LOBApp.checkCSRF(form.csrf, expected: record.csrf)
            let cost = configuration.bcryptCost
            do {
                let key = try await app.claimLink(
                    record, code: form.code ?? "", repeated: form.nogmaals ?? "",
                    hash: { code in try await Self.offThread { Bcrypt.hash(code, cost: cost) } },
                    now: configuration.now())
                return opened(key, token: token)
            } catch AppError.personalCode(let fault) {
                return Self.page(
                    Pages.claim(
                        name: record.invitation.name, token: token, csrf: record.csrf, fault: Self.words(fault)),
                    status: .badRequest)
            }
        }

    }

    @Sendable func unlockLink(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withInvitation(request, context) { record, token in
            let form = try URLEncodedFormDecoder().decode(CodeForm.self, from: try await body(request))
            try LOBApp.checkCSRF(form.csrf, expected: record.csrf)
            guard record.isClaimed else { return Self.redirect("/s/\(token)") }
            let keys = codeKeys(request, context, invitation: record.invitation.id)
            let now = configuration.now()
            guard try await app.reserveAttempt(keys, now: now, window: configuration.failureWindow) else {
                return Self.tooMany
            }
            let key = try await app.unlockLink(
                record, code: form.code ?? "",
                verify: { code, hash in try await Self.offThread { Bcrypt.verify(code, hash: hash) } }, now: now,
                logbookDays: configuration.logbookDays)
            guard let key else {
                return Self.page(Pages.unlock(token: token, csrf: record.csrf, failed: true), status: .unauthorized)
            }
            try await app.refundAttempt(keys, now: now)
            return opened(key, token: token)
        }

    }

    @Sendable func restartLink(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withInvitation(request, context) { record, token in
            let form = try URLEncodedFormDecoder().decode(ConfirmedForm.self, from: try await body(request))
            try LOBApp.checkCSRF(form.csrf, expected: record.csrf)
            guard form.zeker == "ja" else { return Self.redirect("/s/\(token)") }
            try await app.restartLink(record)
            var response = Self.redirect("/s/\(token)")
            response.setCookie(cookie(Self.linkCookie, "", maxAge: 0, path: "/s/\(token)"))
            return response
        }

    }

    /// Every answer as it is given: the form's whole state, as JSON.
    @Sendable func saveAnswers(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, device, _ in
            guard let draft = try await draft(request, csrf: device.csrf) else { return Self.notADraft }
            try await app.saveDraft(record, draft: draft, now: configuration.now())
            return Response(status: .noContent)
        }

    }

    /// Handing in: the scan file the page made, checked as `lob scan --answers` checks it.
    @Sendable func handIn(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, device, token in
            let text = try await checkedBody(request, csrf: device.csrf)
            let (scan, profile) = try ScanFile.decode(
                data: Data(text.utf8), file: "je scan", profileID: record.invitation.profileID,
                profile: configuration.profile)
            let now = configuration.now()
            _ = try await app.handIn(
                record, scan: scan, profile: profile, today: today(), now: now,
                logbookDays: configuration.logbookDays)
            var response = Self.text("Ingeleverd.", status: .ok)
            // His browser's cookie lives as long as the browser now does: his logbook stays behind it.
            if let cookie = request.cookies[Self.linkCookie]?.value {
                response.setCookie(
                    linkCookie(
                        cookie, until: max(device.expiresAt, LOBApp.expiry(now, days: configuration.logbookDays)),
                        token: token))
            }
            return response
        }

    }

    @Sendable func ownReport(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, _, token in
            guard let stored = try await app.handedInScan(record) else { return Self.redirect("/s/\(token)") }
            let report = ScanReport(stored)
            return Self.document(
                HTMLRenderer(title: report.title, date: stored.scan.date.dutch, back: Self.back(token)).render(
                    report.blocks(commands: false)))
        }

    }

    @Sendable func ownPlan(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, _, token in
            guard let stored = try await app.handedInScan(record) else { return Self.redirect("/s/\(token)") }
            guard let activities = configuration.activities(stored.profile) else {
                return Self.page(
                    Pages.message("Geen catalogus", "De school heeft nog geen catalogus van scholingsvormen."),
                    status: .serviceUnavailable)
            }
            let report = PlanReport(app.plan(stored, activities: activities, options: .init()), scanID: stored.id)
            // `?download`: the same page as a file to keep (it prints on A4 as it is), without the way back.
            let download = request.uri.queryParameters["download"] != nil
            var response = Self.document(
                HTMLRenderer(
                    title: report.title, date: stored.scan.date.dutch, back: download ? nil : Self.back(token)
                )
                .render(report.blocks()))
            if download {
                response.headers[.contentDisposition] = "attachment; filename=\"scholingsplan.html\""
            }
            return response
        }

    }

    /// His 360° feedback beside his handed-in scan, by the privacy rule of `lob feedback report`.
    @Sendable func ownFeedback(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, _, token in
            guard let stored = try await app.handedInScan(record) else { return Self.redirect("/s/\(token)") }
            let analysis = try await app.feedbackAnalysis(stored, invitation: record.invitation.id)
            let report = FeedbackReport(stored, analysis: analysis)
            return Self.document(
                HTMLRenderer(title: report.title, date: stored.scan.date.dutch, back: Self.back(token)).render(
                    report.blocks()))
        }

    }

    @Sendable func scanFile(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, _, token in
            guard let stored = try await app.handedInScan(record) else { return Self.redirect("/s/\(token)") }
            let text = ScanFile.encode(stored.scan, profile: stored.profile)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/x-yaml; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"zelfscan.yaml\"",
                ], body: .init(byteBuffer: ByteBuffer(string: text)))
        }

    }

    /// Who may see it, changed after handing in without answering again.
    @Sendable func changeConsent(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, device, token in
            let form = try URLEncodedFormDecoder().decode(ConsentForm.self, from: try await body(request))
            try LOBApp.checkCSRF(form.csrf, expected: device.csrf)
            guard record.isHandedIn, let consent = form.consent.flatMap(Consent.init(rawValue:)) else {
                return Self.redirect("/s/\(token)")
            }
            do {
                _ = try await app.changeConsent(record, to: consent, today: today())
            } catch AppError.notNewerThanWithdrawal {
                return Self.page(
                    Pages.message(
                        "Pas vanaf morgen",
                        "Je hebt je vandaag met privé teruggetrokken uit het team; je scan kan pas vanaf morgen weer meetellen. Kies dan opnieuw.",
                        link: (href: "/s/\(token)", label: "Terug naar je scan")), status: .conflict)
            }
            return Self.redirect("/s/\(token)")
        }

    }

    /// Deleting asks first (a box to tick), and says afterwards what happened.
    @Sendable func deleteScan(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, device, token in
            let form = try URLEncodedFormDecoder().decode(ConfirmedForm.self, from: try await body(request))
            try LOBApp.checkCSRF(form.csrf, expected: device.csrf)
            guard form.zeker == "ja" else { return Self.redirect("/s/\(token)") }
            try await app.deleteOwnScan(record)
            return Self.redirect("/s/\(token)/verwijderd")
        }

    }

    @Sendable func deletedPage(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, _, token in
            guard !record.isHandedIn else { return Self.redirect("/s/\(token)") }
            return Self.page(Pages.deleted(token: token))
        }

    }

    struct CodeForm: Decodable {
        let csrf: String?
        let code: String?
        let nogmaals: String?
    }

    struct ConsentForm: Decodable {
        let csrf: String?
        let consent: String?
    }

    /// The way back from one of his pages to his own.
    static func back(_ token: String) -> (href: String, label: String) { ("/s/\(token)", "Terug naar je scan") }

    /// A form whose action needs the box "ja, zeker" ticked.
    struct ConfirmedForm: Decodable {
        let csrf: String?
        let zeker: String?
    }

    static func words(_ fault: AppError.CodeFault) -> String {
        switch fault {
        case .tooShort: "Je code is te kort: kies er een van minstens \(LOBApp.codeLength) tekens."
        case .tooLong: "Je code is te lang: hooguit \(LOBApp.codeBytes) bytes (ongeveer zoveel letters)."
        case .hidden: "Je code bevat een onzichtbaar teken (zoals een tab); kies een code van gewone tekens."
        case .different: "De twee codes zijn niet gelijk. Probeer het nog eens."
        }
    }

    /// The browser is bound now: its cookie, on the link's own path, until the browser's binding expires.
    func opened(_ key: LOBApp.LinkKey, token: String) -> Response {
        var response = Self.redirect("/s/\(token)")
        response.setCookie(linkCookie(key.cookie, until: key.device.expiresAt, token: token))
        return response
    }

    /// The cookie that binds a browser to the link `token` until `until` (at most a year and a day: browsers cap it).
    func linkCookie(_ value: String, until: Int64, token: String) -> Cookie {
        let seconds = max(0, until - configuration.now())
        return cookie(Self.linkCookie, value, maxAge: Int(min(seconds, 366 * 86_400)), path: "/s/\(token)")
    }

    /// A request of a colleague's link with the browser it came from when that browser is bound to the link (nil
    /// otherwise): one question to the store.
    func withLinkAndBrowser(
        _ request: Request, _ context: ServeContext,
        _ body: (InvitationRecord, LinkDevice?, String) async throws -> Response
    ) async throws -> Response {
        let cookie = request.cookies[Self.linkCookie]?.value
        let find = { (token: String, now: Int64) in
            try await app.openedInvitation(token: token, cookie: cookie, now: now)
        }
        return try await withLink(request, context, find: find) { opened, token in
            try await body(opened.record, opened.device, token)
        }
    }

    /// A request that only a browser bound to the link may make: others go back to the link's first page (a page) or
    /// are refused (a save or a hand-in from a page that is no longer his).
    func withOpenedLink(
        _ request: Request, _ context: ServeContext,
        _ body: (InvitationRecord, LinkDevice, String) async throws -> Response
    ) async throws -> Response {
        try await withLinkAndBrowser(request, context) { record, device, token in
            guard let device else {
                guard request.method == .get else {
                    return Self.text(
                        "Deze browser hoort niet (meer) bij deze link. Open de link opnieuw en vul je persoonlijke code in.",
                        status: .forbidden)
                }
                return Self.redirect("/s/\(token)")
            }
            return try await body(record, device, token)
        }
    }

    struct CSRFForm: Decodable {
        let csrf: String?
    }

    /// Runs a request of a personal link (a colleague's or a rater's) when the link is valid. A link that opens
    /// nothing counts as a guess of the client's address; too many, and such links are refused for a while (a link
    /// that does open is still served: a guesser behind a school's NAT locks nobody out).
    func withLink<Record>(
        _ request: Request, _ context: ServeContext, find: (String, Int64) async throws -> Record,
        _ body: (Record, String) async throws -> Response
    ) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let record: Record
        let now = configuration.now()
        do {
            record = try await find(token, now)
        } catch AppError.linkNotValid(nil) {
            guard
                try await app.reserveAttempt(
                    [guessKey(request, context)], now: now, window: configuration.failureWindow)
            else { return Self.tooMany }
            throw AppError.linkNotValid(nil)
        }
        return try await body(record, token)
    }

    func withInvitation(
        _ request: Request, _ context: ServeContext, _ body: (InvitationRecord, String) async throws -> Response
    ) async throws -> Response {
        try await withLink(request, context, find: { try await app.invitation(token: $0, now: $1) }, body)
    }

    /// The scan page: `lob form`'s pages, saving to this server; after handing in, what he can do with it.
    func scanPage(_ record: InvitationRecord, device: LinkDevice, token: String) async throws -> Response {
        if let stored = try await app.handedInScan(record) {
            let hasFeedback = try await app.hasFeedback(invitation: record.invitation.id, profileID: stored.profile.id)
            return Self.page(
                Pages.handedIn(
                    name: record.invitation.name, scan: stored.scan, token: token, csrf: device.csrf,
                    hasFeedback: hasFeedback))
        }
        guard let profile = configuration.profile(record.invitation.profileID) else {
            return Self.page(
                Pages.message(
                    "Profiel ontbreekt",
                    "Het profiel van deze ronde (\(record.invitation.profileID)) staat niet meer op de server. Meld het je teamvoorzitter."
                ), status: .serviceUnavailable)
        }
        let html = try ScanForm.html(
            profile: profile, team: record.invitation.team,
            server: ScanForm.ServerLink(
                name: record.invitation.name, save: "/s/\(token)/antwoorden", handIn: "/s/\(token)/inleveren",
                csrf: device.csrf, draft: record.draft))
        return Self.document(html, connect: true)
    }

}
