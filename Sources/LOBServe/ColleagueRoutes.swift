import Foundation
import Hummingbird
import LOBApp
import LOBCore
import LOBForm
import LOBFormats
import LOBRender

// MARK: - A colleague's personal link

extension LOBServer {
    func colleagueRoutes(_ router: Router<ServeContext>) {
        let link = router.group("s/:token")
        link.get { request, context in
            try await withInvitation(request, context) { record, token in try scanPage(record, token: token) }
        }
        // Every answer as it is given: the form's whole state, as JSON.
        link.put("antwoorden") { request, context in
            try await withInvitation(request, context) { record, _ in
                guard let draft = try await draft(request, csrf: record.csrf) else { return Self.notADraft }
                try app.saveDraft(record, draft: draft, now: configuration.now())
                return Response(status: .noContent)
            }
        }
        // Handing in: the scan file the page made, checked as `lob scan --answers` checks it.
        link.post("inleveren") { request, context in
            try await withInvitation(request, context) { record, _ in
                let text = try await checkedBody(request, csrf: record.csrf)
                let (scan, profile) = try ScanFile.decode(
                    data: Data(text.utf8), file: "je scan", profileID: record.invitation.profileID,
                    profile: configuration.profile)
                var dated = scan
                dated.date = today()
                _ = try app.handIn(record, scan: dated, profile: profile, now: configuration.now()) {
                    ScanFile.encode($0, profile: profile)
                }
                return Self.text("Ingeleverd.", status: .ok)
            }
        }
        link.get("uitslag") { request, context in
            try await withInvitation(request, context) { record, token in
                guard let (scan, profile) = try handedIn(record) else { return Self.redirect("/s/\(token)") }
                let report = ScanReport(StoredScan(id: record.invitation.id, scan: scan, profile: profile))
                return Self.document(
                    HTMLRenderer(title: report.title, date: scan.date.dutch).render(report.blocks(commands: false)))
            }
        }
        link.get("plan") { request, context in
            try await withInvitation(request, context) { record, token in
                guard let (scan, profile) = try handedIn(record) else { return Self.redirect("/s/\(token)") }
                guard let activities = configuration.activities(profile) else {
                    return Self.page(
                        Pages.message("Geen catalogus", "De school heeft nog geen catalogus van scholingsvormen."),
                        status: .serviceUnavailable)
                }
                let stored = StoredScan(id: record.invitation.id, scan: scan, profile: profile)
                let report = PlanReport(
                    app.plan(stored, activities: activities, options: .init()), scanID: record.invitation.id)
                var response = Self.document(
                    HTMLRenderer(title: report.title, date: scan.date.dutch).render(report.blocks()))
                // `?download`: the same page as a file to keep (it prints on A4 as it is).
                if request.uri.queryParameters["download"] != nil {
                    response.headers[.contentDisposition] = "attachment; filename=\"scholingsplan.html\""
                }
                return response
            }
        }
        // His 360° feedback beside his handed-in scan, by the privacy rule of `lob feedback report`.
        link.get("feedback") { request, context in
            try await withInvitation(request, context) { record, token in
                guard let (scan, profile) = try handedIn(record) else { return Self.redirect("/s/\(token)") }
                let stored = StoredScan(id: record.invitation.id, scan: scan, profile: profile)
                let report = FeedbackReport(stored, analysis: try app.feedbackAnalysis(stored))
                return Self.document(HTMLRenderer(title: report.title, date: scan.date.dutch).render(report.blocks()))
            }
        }
        link.get("scan.yaml") { request, context in
            try await withInvitation(request, context) { record, token in
                guard let text = record.scan else { return Self.redirect("/s/\(token)") }
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: "application/x-yaml; charset=utf-8",
                        .contentDisposition: "attachment; filename=\"zelfscan.yaml\"",
                    ], body: .init(byteBuffer: ByteBuffer(string: text)))
            }
        }
        link.post("verwijderen") { request, context in
            try await withInvitation(request, context) { record, token in
                let form = try URLEncodedFormDecoder().decode(CSRFForm.self, from: try await body(request))
                try LOBApp.checkCSRF(form.csrf, expected: record.csrf)
                try app.deleteOwnScan(record)
                return Self.redirect("/s/\(token)")
            }
        }
    }

    struct CSRFForm: Decodable {
        let csrf: String?
    }

    /// Runs a request of a personal link (a colleague's or a rater's) when the link is valid. An unknown token counts
    /// as a failure of the client's address; too many, and every link is refused for a while.
    func withLink<Record>(
        _ request: Request, _ context: ServeContext, find: (String, Int64) throws -> Record,
        _ body: (Record, String) async throws -> Response
    ) async throws -> Response {
        if await isBlocked(request, context) { return Self.tooMany }
        let token = context.parameters.get("token") ?? ""
        let record: Record
        do {
            record = try find(token, configuration.now())
        } catch AppError.linkNotValid(nil) {
            await recordFailure(request, context)
            throw AppError.linkNotValid(nil)
        }
        return try await body(record, token)
    }

    func withInvitation(
        _ request: Request, _ context: ServeContext, _ body: (InvitationRecord, String) async throws -> Response
    ) async throws -> Response {
        try await withLink(request, context, find: { try app.invitation(token: $0, now: $1) }, body)
    }

    /// The scan page: `lob form`'s pages, saving to this server; after handing in, what he can do with it.
    func scanPage(_ record: InvitationRecord, token: String) throws -> Response {
        if let (scan, profile) = try handedIn(record) {
            let feedback = try app.feedback.feedback(about: scan.teacher, profileID: profile.id).responses
            return Self.page(
                Pages.handedIn(
                    name: record.invitation.name, scan: scan, token: token, csrf: record.csrf,
                    hasFeedback: !feedback.isEmpty))
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
                csrf: record.csrf, draft: record.draft))
        return Self.document(html, connect: true)
    }

    /// His handed-in scan, read back as the scan file it was kept as.
    func handedIn(_ record: InvitationRecord) throws -> (Scan, Profile)? {
        guard let text = record.scan else { return nil }
        let decoded = try ScanFile.decode(
            data: Data(text.utf8), file: "ingeleverde scan", profileID: record.invitation.profileID,
            profile: configuration.profile)
        return (decoded.scan, decoded.profile)
    }
}
