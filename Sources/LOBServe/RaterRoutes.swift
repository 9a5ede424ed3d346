import Foundation
import Hummingbird
import LOBApp
import LOBCore
import LOBForm
import LOBFormats
import LOBRender

// MARK: - A rater's link (360° feedback)

extension LOBServer {
    func raterRoutes(_ router: Router<ServeContext>) {
        let link = router.group("f/:token")
        link.get { request, context in
            try await withRaterLink(request, context) { record, token in
                guard record.invitation.answeredAt == nil else { return Self.page(Pages.thanks()) }
                let invitation = record.invitation
                guard let profile = configuration.profile(invitation.profileID) else {
                    return Self.page(
                        Pages.message("Profiel ontbreekt", "Het profiel van deze vraag staat niet meer op de server."),
                        status: .serviceUnavailable)
                }
                let html = try ScanForm.html(
                    profile: profile, team: nil, feedbackFor: (invitation.subject, invitation.group),
                    server: ScanForm.ServerLink(
                        name: invitation.subject, save: "/f/\(token)/antwoorden", handIn: "/f/\(token)/inleveren",
                        csrf: record.csrf, draft: record.draft))
                return Self.document(html, connect: true)
            }
        }
        link.put("antwoorden") { request, context in
            try await withRaterLink(request, context) { record, _ in
                guard let draft = try await draft(request, csrf: record.csrf) else { return Self.notADraft }
                try app.saveRaterDraft(record, draft: draft)
                return Response(status: .noContent)
            }
        }
        // The feedback file the page made, checked as `lob feedback import` checks it; only its ratings and
        // remarks are taken: whom, as which group and on which profile is the link's.
        link.post("inleveren") { request, context in
            try await withRaterLink(request, context) { record, _ in
                let text = try await checkedBody(request, csrf: record.csrf)
                let invitation = record.invitation
                guard let profile = configuration.profile(invitation.profileID) else {
                    throw AppError.linkNotValid(nil)
                }
                let (response, _) = try FeedbackFile.decode(
                    data: Data(text.utf8), file: "je feedback", profile: { _ in profile })
                try app.answerAsRater(
                    record, ratings: response.ratings, remarks: response.remarks, profile: profile, date: today(),
                    now: configuration.now())
                return Self.text("Ingeleverd.", status: .ok)
            }
        }
    }

    func withRaterLink(
        _ request: Request, _ context: ServeContext,
        _ body: (FeedbackInvitationRecord, String) async throws -> Response
    ) async throws -> Response {
        try await withLink(request, context, find: { try app.raterInvitation(token: $0, now: $1) }, body)
    }
}
