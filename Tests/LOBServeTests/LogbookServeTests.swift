import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LOBApp
import LOBCore
import Testing

/// A colleague's logbook behind his link (Kirkpatrick level 1 without a terminal): he marks his plan's activities
/// done and gives his reaction; no one else's activity is his to react to; the dashboard counts what is due, never
/// who.
extension ServeTests {
    /// The value of the first field `name` in a page.
    static func field(_ name: String, in page: String) -> String? {
        guard let start = page.range(of: "name=\"\(name)\"") else { return nil }
        let tag = page[start.upperBound...].prefix { $0 != ">" }
        guard let value = tag.range(of: "value=\"") else { return nil }
        return String(tag[value.upperBound...].prefix { $0 != "\"" })
    }

    @Test func a_colleague_keeps_his_logbook_behind_his_link() async throws {
        try await account("voorzitter", team: "T")
        // Links of the default 21 days: handing in keeps a link for the logbook behind it (300 days).
        let tokens = try await app.openRound(
            team: "T", round: "voorjaar", profileID: Self.profileID,
            names: ["Ans Bakker", "Bram de Jong", "Carla Visser", "Dirk Smit", "Eva Jansen"], now: clock.now
        ).map(\.token)
        let clock = clock
        let database = database
        try await test { client async throws in
            var browsers: [LinkBrowser] = []
            for (token, name) in zip(tokens, ["Ans Bakker", "Bram de Jong", "Carla Visser", "Dirk Smit"]) {
                let browser = try await LinkBrowser.claim(client, token)
                let handedIn = try await browser.handIn(Self.scanFile(name: name, consent: "anoniem", score: 2))
                #expect(handedIn.status == .ok)
                // His browser keeps its cookie as long as the link now lives.
                #expect(handedIn.headers[values: .setCookie].contains { $0.contains("Max-Age=25920000") })
                browsers.append(browser)
            }
            // Eva claims her link and never hands in: hers ends after its 21 days.
            let eva = try await LinkBrowser.claim(client, tokens[4])
            // Bram opens his handed-in link on his phone with his code: that browser keeps his logbook too.
            let phone = try #require(try await LinkBrowser.unlock(client, tokens[1], code: LinkBrowser.code).browser)
            let ans = browsers[0], bram = browsers[1]
            #expect(try await ans.page().contains("/s/\(tokens[0])/logboek"))
            let empty = try await ans.page("/logboek")
            #expect(empty.contains("<h1>Je logboek</h1>") && empty.contains("Nu niets."))
            #expect(empty.contains("action=\"/s/\(tokens[0])/gedaan\""))
            // The form offers today, the server's day.
            let day = try #require(Self.field("datum", in: empty))
            #expect(SchoolDate(day) != nil)

            // Done, as planned: the page shows it and asks his reaction.
            let done = try await ans.submit("/gedaan", [("csrf", ans.csrf), ("nummer", "1"), ("datum", day)])
            #expect(done.status == .seeOther)
            let after = try await ans.page("/logboek")
            #expect(after.contains("Gedaan op") && after.contains("Je reactie op"))
            let activity = try #require(Self.field("activiteit", in: after))
            await #expect(try database.activities(planScanID: nil).map(\.id) == [Int64(activity)!])

            // The dashboard counts one reaction due in the round, and names no one.
            let (cookie, _) = try await Self.logIn(client, "voorzitter", Self.password)
            let dashboard = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie!]).body)
            #expect(dashboard.contains("voorjaar: 1 reactie en 0 vervolgmetingen"), "\(dashboard)")

            // Bram cannot react to Ans's activity by its number: refused, and nothing stored.
            let foreign = try await bram.submit(
                "/reactie",
                [("csrf", bram.csrf), ("activiteit", activity), ("tevreden", "1"), ("aandeslag", "1")])
            #expect(foreign.status == .badRequest)
            #expect(String(buffer: foreign.body).contains("Die activiteit staat niet in je logboek."))
            // Without the page's token nothing is stored either.
            let forged = try await ans.submit(
                "/reactie", [("activiteit", activity), ("tevreden", "1"), ("aandeslag", "1")])
            #expect(forged.status == .forbidden)
            await #expect(try database.activities(planScanID: nil).allSatisfy { $0.reaction == nil })

            // His own reaction, then nothing is due.
            let reacted = try await ans.submit(
                "/reactie",
                [
                    ("csrf", ans.csrf), ("activiteit", activity), ("tevreden", "4"), ("aandeslag", "5"),
                    ("opmerking", "Direct bruikbaar"),
                ])
            #expect(reacted.status == .seeOther)
            let now = try await ans.page("/logboek")
            #expect(now.contains("Je reactie: tevreden · zeker wel.") && !now.contains("Je reactie op"))
            let stored = try #require(try await database.activities(planScanID: nil).first?.reaction)
            #expect(stored.satisfied == 4 && stored.usable == 5 && stored.remark == "Direct bruikbaar")

            // Mistakes are said on the page and store nothing.
            let ambiguous = try await ans.submit(
                "/gedaan", [("csrf", ans.csrf), ("nummer", "2"), ("datum", day), ("uren", "2.5")])
            #expect(ambiguous.status == .badRequest)
            #expect(
                String(buffer: ambiguous.body).contains("Uren: '2.5' is dubbelzinnig"),
                "\(String(buffer: ambiguous.body))")
            let early = try await ans.submit(
                "/gedaan", [("csrf", ans.csrf), ("nummer", "2"), ("datum", "2020-01-01")])
            #expect(String(buffer: early.body).contains("Die datum ligt vóór je scan van"))
            let none = try await ans.submit("/gedaan", [("csrf", ans.csrf), ("nummer", "99"), ("datum", day)])
            #expect(String(buffer: none.body).contains("Je plan heeft geen activiteit 99"))
            await #expect(try database.activities(planScanID: nil).count == 1)

            // Six weeks on, past the links' 21 days, the follow-up of the goal is due: on his page, and counted on
            // the dashboard. Eva's link, never handed in, opens nothing any more.
            clock.advance(days: 43)
            #expect(try await ans.page("/logboek").contains("Vraag nu de vervolgmeting van doel 1"))
            #expect(try await eva.get("").status == .gone)
            let (again, _) = try await Self.logIn(client, "voorzitter", Self.password)
            let later = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: again!]).body)
            #expect(later.contains("voorjaar: 0 reacties en 1 vervolgmeting"))
            for name in ["Ans", "Bram", "Carla", "Dirk"] {
                let section = later.components(separatedBy: "Te doen bij collega").last ?? ""
                #expect(!section.prefix(600).contains(name))
            }
            // Past its 21 days the link alone opens nothing at all, not even the question for his code, and cannot
            // be started again: only his bound browsers go on.
            for path in ["", "/logboek"] {
                let stranger = try await client.execute(uri: "/s/\(tokens[0])\(path)", method: .get)
                #expect(stranger.status == .gone)
                #expect(String(buffer: stranger.body).contains("Deze link is verlopen."))
            }
            #expect(
                try await client.execute(
                    uri: "/s/\(tokens[0])/opnieuw", method: .post, headers: LinkBrowser.formType,
                    body: ByteBuffer(string: "zeker=ja")
                ).status == .gone)
            #expect(try await ans.page().contains("/s/\(tokens[0])/logboek"))
            #expect(try await phone.page("/logboek").contains("<h1>Je logboek</h1>"))
            // Nor does his code bind a new browser any more.
            let newBrowser = try await client.execute(
                uri: "/s/\(tokens[1])/openen", method: .post, headers: LinkBrowser.formType,
                body: ByteBuffer(string: "code=\(LinkBrowser.code)"))
            #expect(newBrowser.status == .gone)
            // A school year after he handed in, the link ends.
            clock.advance(days: 300 - 43)
            #expect(try await ans.page("/logboek").contains("Deze link is verlopen."))
        }
    }
}

extension ServeTests {
    /// A feedback file rating `behaviours` at `rating`, as a rater's page hands it in.
    static func ratings(_ behaviours: [String], _ rating: Int) -> String {
        ([
            "formatVersion: 1", "response: \"r-zelfgekozen-id\"", "feedbackFor: \"Iemand\"", "group: collega",
            "profile: \"\(profileID)\"", "date: 2026-11-25", "ratings:",
        ] + behaviours.map { "  \"\($0)\": \(rating)" }).joined(separator: "\n") + "\n"
    }

    /// The follow-up through the server (level 3): the dashboard asks it about a colleague who handed in, its raters
    /// see his goal behaviours only, and his logbook sets it beside the first feedback, which it leaves alone.
    @Test func a_follow_up_is_asked_through_the_server_on_the_goals_only() async throws {
        try await account("voorzitter", team: "T")
        let tokens = try await invite(["Ans Bakker", "Bram de Jong"])
        let ansID = try await app.invitation(token: tokens[0], now: clock.now).invitation.id
        let bramID = try await app.invitation(token: tokens[1], now: clock.now).invitation.id
        let profile = Self.library.profile(Self.profileID)!
        let app = app
        let clock = clock
        // No plan, no follow-up: Bram has not handed in.
        await #expect(
            throws: AppError.invitationList(
                "Bram de Jong heeft nog geen scan ingeleverd: de vervolgmeting gaat over de doelen van zijn plan")
        ) {
            try await app.inviteRaters(
                team: "T", invitation: bramID, group: .leidinggevende, profile: profile, names: ["Ina"],
                moment: .vervolg, now: clock.now)
        }
        try await test { client async throws in
            let ans = try await LinkBrowser.claim(client, tokens[0])
            #expect(try await ans.handIn(Self.scanFile(name: "Ans Bakker", consent: "anoniem", score: 2)).status == .ok)
            let record = try await app.invitation(token: tokens[0], now: clock.now)
            let stored = try #require(try await app.handedInScan(record))
            let catalogue = try #require(Self.configuration(clock).activities(profile))
            let plan = app.plan(stored, activities: catalogue, options: .init())
            let goals = plan.goals.flatMap { $0.behaviours.map(\.behaviour.id) }
            #expect(!goals.isEmpty)
            // The first feedback of his leidinggevende, then (weeks later) the follow-up.
            let first = try await app.inviteRaters(
                team: "T", invitation: ansID, group: .leidinggevende, profile: profile, names: ["Ina"], now: clock.now)
            let (cookie, csrf) = try await rater(client, first[0].token)
            let given = try await client.execute(
                uri: "/f/\(first[0].token)/inleveren", method: .post,
                headers: [.init("X-CSRF-Token")!: csrf, .cookie: cookie],
                body: ByteBuffer(string: Self.ratings(goals, 1)))
            #expect(given.status == .ok)
            let later = try await app.inviteRaters(
                team: "T", invitation: ansID, group: .leidinggevende, profile: profile, names: ["Ina"],
                moment: .vervolg, now: clock.now)
            // One follow-up of the leidinggevende per colleague and round, as for the first.
            await #expect(
                throws: AppError.invitationList(
                    "Ans Bakker heeft in deze ronde al een vervolgmeting van een leidinggevende; trek die vraag eerst in als het de verkeerde was"
                )
            ) {
                try await app.inviteRaters(
                    team: "T", invitation: ansID, group: .leidinggevende, profile: profile, names: ["Ina"],
                    moment: .vervolg, now: clock.now)
            }
            let page = try await client.execute(uri: "/f/\(later[0].token)", method: .get)
            let html = String(buffer: page.body)
            #expect(
                html.contains("<title>Vervolgmeting voor Ans Bakker</title>") && html.contains("\"moment\":\"vervolg\"")
            )
            let asked = html.matches(of: /\{"id":"(\d+\.\d+)","target"/).map { String($0.output.1) }
            #expect(Set(asked) == Set(goals))
            let laterCookie = try #require(LinkBrowser.cookie(page, "lob_beoordelaar"))
            let answered = try await client.execute(
                uri: "/f/\(later[0].token)/inleveren", method: .post,
                headers: [.init("X-CSRF-Token")!: try #require(Self.csrf(in: html)), .cookie: laterCookie],
                body: ByteBuffer(string: Self.ratings(goals, 3)))
            #expect(answered.status == .ok)
            // His logbook: every goal seen two levels more often; his first feedback report still says 1.
            let logbook = try await ans.page("/logboek")
            #expect(logbook.contains("Wat anderen zien veranderen") && logbook.contains("Doel 1 ("))
            #expect(logbook.components(separatedBy: "): +2 niveau.").count - 1 == plan.goals.count)
            let report = try await ans.page("/feedback")
            #expect(report.contains("leidinggevende 1") && !report.contains("leidinggevende 3"))
            // The dashboard says which request is the follow-up.
            let (session, _) = try await Self.logIn(client, "voorzitter", Self.password)
            let dashboard = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session!]).body)
            #expect(dashboard.contains("leidinggevende (vervolgmeting)") && dashboard.contains("name=\"soort\""))
        }
        await #expect(try app.feedbackRequests(team: "T").map(\.moment) == [.nulmeting, .vervolg])
    }
}
