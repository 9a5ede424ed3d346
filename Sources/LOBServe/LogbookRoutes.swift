import Hummingbird
import LOBApp
import LOBCore
import LOBFormats

// MARK: - A colleague's logbook behind his link (Kirkpatrick level 1, and what is due)

extension LOBServer {
    func logbookRoutes(_ router: Router<ServeContext>) {
        let link = router.group("s/:token")
        link.get("logboek", use: logbookPage)
        link.post("gedaan", use: recordDone)
        link.post("reactie", use: recordReaction)
    }

    /// His handed-in scan's plan and what he did of it; nothing before he handed in.
    func ownProgress(_ record: InvitationRecord) async throws -> PlanProgress? {
        guard let stored = try await app.handedInScan(record), let activities = configuration.activities(stored.profile)
        else { return nil }
        return try await app.progress(
            stored, activities: activities, options: .init(), invitation: record.invitation.id)
    }

    @Sendable func logbookPage(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, device, token in
            guard let progress = try await ownProgress(record) else { return Self.redirect("/s/\(token)") }
            return Self.page(LogbookPage.page(progress, token: token, csrf: device.csrf, today: today(), fault: nil))
        }
    }

    /// An activity of his plan done: on a day, with its hours and cost if they differed from the plan.
    @Sendable func recordDone(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, device, token in
            let form = try URLEncodedFormDecoder().decode(DoneForm.self, from: try await body(request))
            try LOBApp.checkCSRF(form.csrf, expected: device.csrf)
            guard let stored = try await app.handedInScan(record),
                let activities = configuration.activities(stored.profile)
            else { return Self.redirect("/s/\(token)") }
            let fault: String
            if let number = form.nummer.flatMap({ Int($0) }), let date = form.datum.flatMap(SchoolDate.init) {
                do {
                    let hours = try Self.amount(
                        form.uren, what: "Uren", range: 0...Double(ActivityDone.minuteRange.upperBound / 60))
                    let cost = try Self.amount(
                        form.kosten, what: "Kosten", range: 0...Double(ActivityDone.centRange.upperBound / 100))
                    _ = try await app.recordActivity(
                        .planned(number), plan: stored, activities: activities, options: .init(), date: date,
                        hours: hours, cost: cost)
                    return Self.redirect("/s/\(token)/logboek")
                } catch AppError.logbook(let problem) {
                    fault = LogbookPage.words(problem)
                } catch let error as AmountFault {
                    fault = error.message
                }
            } else {
                fault = "Kies een activiteit van je plan en een datum."
            }
            return try await logbookFault(record, device: device, token: token, fault)
        }
    }

    /// His reaction to an activity he did: to his own only (the store looks for it in his plan alone).
    @Sendable func recordReaction(_ request: Request, _ context: ServeContext) async throws -> Response {
        try await withOpenedLink(request, context) { record, device, token in
            let form = try URLEncodedFormDecoder().decode(ReactionForm.self, from: try await body(request))
            try LOBApp.checkCSRF(form.csrf, expected: device.csrf)
            guard let stored = try await app.handedInScan(record) else { return Self.redirect("/s/\(token)") }
            guard let id = form.activiteit.flatMap({ Int64($0) }), let satisfied = form.tevreden.flatMap({ Int($0) }),
                let usable = form.aandeslag.flatMap({ Int($0) })
            else {
                return try await logbookFault(
                    record, device: device, token: token, LogbookPage.words(.outOfScale("tevreden")))
            }
            do {
                _ = try await app.react(
                    activityID: id, satisfied: satisfied, usable: usable, remark: form.opmerking, date: today(),
                    plan: stored)
            } catch AppError.logbook(let problem) {
                return try await logbookFault(record, device: device, token: token, LogbookPage.words(problem))
            } catch AppError.noSuchActivity {
                return try await logbookFault(
                    record, device: device, token: token, "Die activiteit staat niet in je logboek.")
            }
            return Self.redirect("/s/\(token)/logboek")
        }
    }

    /// The logbook again, with what went wrong said at the top; nothing was stored.
    func logbookFault(
        _ record: InvitationRecord, device: LinkDevice, token: String, _ fault: String
    ) async throws
        -> Response
    {
        guard let progress = try await ownProgress(record) else { return Self.redirect("/s/\(token)") }
        return Self.page(
            LogbookPage.page(progress, token: token, csrf: device.csrf, today: today(), fault: fault),
            status: .badRequest)
    }

    struct AmountFault: Error {
        let message: String
    }

    /// A Dutch amount as typed ("2,5", "€ 310"), or nil when left empty.
    static func amount(_ text: String?, what: String, range: ClosedRange<Double>) throws -> Double? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do {
            return try DutchAmount.parse(text, what: what, range: range)
        } catch {
            throw AmountFault(message: error.description + ".")
        }
    }

    struct DoneForm: Decodable {
        let csrf: String?
        let nummer: String?
        let datum: String?
        let uren: String?
        let kosten: String?
    }

    struct ReactionForm: Decodable {
        let csrf: String?
        let activiteit: String?
        let tevreden: String?
        let aandeslag: String?
        let opmerking: String?
    }
}
