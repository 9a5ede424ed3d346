import Foundation
import Hummingbird
import LOBApp
import LOBCore
import LOBForm
import LOBFormats
import LOBRender

// MARK: - A rater's link (360° feedback)

extension LOBServer {
    /// The cookie that binds a rater's browser to his link; its path is the link's own.
    static let raterCookie = "lob_beoordelaar"

    /// A rater's link: its routes, one method per page or form below.
    func raterRoutes(_ router: Router<ServeContext>) {
        let link = router.group("f/:token")
        link.get(use: raterPage)
        link.put("antwoorden", use: saveRaterAnswers)
        link.post("inleveren", use: handInRating)
    }

    /// The first browser to open the link is bound to it; any other sees what an unknown link shows, and so does
    /// every browser once the link is answered (it is forgotten then): nobody learns from a link whether or when
    /// its rater answered, nor reads his draft.
    @Sendable func raterPage(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withRaterLink(request, context) { record, token, newCookie in
            let invitation = record.invitation
            guard let profile = configuration.profile(invitation.profileID) else {
                return Self.page(
                    Pages.message("Profiel ontbreekt", "Het profiel van deze vraag staat niet meer op de server."),
                    status: .serviceUnavailable)
            }
            // A follow-up asks the goal behaviours of his plan only; without his scan there is nothing to ask.
            let followUp = try await app.followUpBehaviours(invitation.request) { configuration.activities($0) }
            if let followUp, followUp.isEmpty {
                return Self.page(
                    Pages.message(
                        "Geen doelen",
                        "\(invitation.subject) heeft geen plan meer op de server: er is niets te beoordelen."),
                    status: .gone)
            }
            let html = try ScanForm.html(
                profile: profile, team: nil, feedbackFor: (invitation.subject, invitation.group), followUp: followUp,
                server: ScanForm.ServerLink(
                    name: invitation.subject, save: "/f/\(token)/antwoorden", handIn: "/f/\(token)/inleveren",
                    csrf: record.csrf, draft: record.draft))
            var response = Self.document(html, connect: true)
            if let newCookie {
                let seconds = max(0, invitation.expiresAt - configuration.now())
                response.setCookie(
                    cookie(
                        Self.raterCookie, newCookie, maxAge: Int(min(seconds, 366 * 86_400)), path: "/f/\(token)"))
            }
            return response
        }

    }

    @Sendable func saveRaterAnswers(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withRaterLink(request, context, bind: false) { record, _, _ in
            guard let draft = try await draft(request, csrf: record.csrf) else { return Self.notADraft }
            try await app.saveRaterDraft(record, draft: draft)
            return Response(status: .noContent)
        }

    }

    /// The feedback file the page made, checked as `lob feedback import` checks it; only its ratings and
    /// remarks are taken: whom, as which group and on which profile is the link's.
    @Sendable func handInRating(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withRaterLink(request, context, bind: false) { record, _, _ in
            let text = try await checkedBody(request, csrf: record.csrf)
            let invitation = record.invitation
            guard let profile = configuration.profile(invitation.profileID) else {
                throw AppError.linkNotValid(nil)
            }
            let (response, _) = try FeedbackFile.decode(
                data: Data(text.utf8), file: "je feedback", profile: { _ in profile })
            try await app.answerAsRater(
                record, ratings: response.ratings, remarks: response.remarks, profile: profile, date: today())
            return Self.text("Ingeleverd.", status: .ok)
        }

    }

    /// A rater's request, from the browser bound to his link (the first one, when `bind`); any other browser gets
    /// the page of an unknown link.
    func withRaterLink(
        _ request: Request, _ context: ServeContext, bind: Bool = true,
        _ body: (FeedbackInvitationRecord, String, String?) async throws -> Response
    ) async throws -> Response {
        try await withLink(request, context, find: { try await app.raterInvitation(token: $0, now: $1) }) {
            record, token in
            let cookie = request.cookies[Self.raterCookie]?.value
            let browser =
                await bind || record.deviceHash != nil
                ? try app.raterBrowser(record, cookie: cookie) : (bound: false, newCookie: nil)
            guard browser.bound else {
                // A link opened in another browser counts as a guess; a blocked guesser gets the same answer.
                _ = try await app.reserveAttempt(
                    [guessKey(request, context)], now: configuration.now(), window: configuration.failureWindow)
                throw AppError.linkNotValid(nil)
            }
            return try await body(record, token, browser.newCookie)
        }
    }
}
