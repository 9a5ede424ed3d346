import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LOBApp
import LOBCore
import LOBFormats
import LOBServe
import LOBShippedProfiles
import Synchronization
import Testing

@testable import LOBStore

/// `lob serve`'s routes in process: a colleague's link from the first answer to his own report, the dashboard, and
/// every refusal an attacker could try (no token, a wrong one, expired, revoked, another team, no CSRF token, an
/// oversized body, guessing).
struct ServeTests {
    static let library = ProfileLibrary(folders: [ShippedProfiles.directory!])
    static let profileID = "mentor-model2"

    /// The server's clock, which a test moves.
    final class TestClock: Sendable {
        let seconds = Mutex<Int64>(1_795_000_000)
        var now: Int64 { seconds.withLock { $0 } }
        func advance(days: Int) { seconds.withLock { $0 += Int64(days) * 86_400 } }
    }

    let clock = TestClock()
    let database: LOBDatabase
    let app: LOBApp
    let server: LOBServer

    init() throws {
        database = try LOBDatabase.inMemory()
        app = LOBApp(store: database)
        var configuration = ServeConfiguration(
            profile: { Self.library.profile($0) },
            activities: { _ in ShippedProfiles.exampleActivities.flatMap { try? ActivityCatalogueFile.load($0) } })
        configuration.profiles = { Self.library.entries.map(\.profile) }
        configuration.bcryptCost = 4
        configuration.failureLimit = 5
        configuration.publicURL = "https://lob.school.example"
        let clock = clock
        configuration.now = { clock.now }
        server = LOBServer(app: app, configuration: configuration)
    }

    /// Opens a round of `names` in team T; returns their tokens.
    func invite(_ names: [String], team: String = "T", round: String = "voorjaar") throws -> [String] {
        try app.openRound(team: team, round: round, profileID: Self.profileID, names: names, now: clock.now).map(
            \.token)
    }

    /// The CSRF token a page carries (the form's JSON, or a hidden field).
    static func csrf(in page: String) -> String? {
        for marker in ["\"csrf\":\"", "name=\"csrf\" value=\""] {
            if let start = page.range(of: marker) {
                return String(page[start.upperBound...].prefix { $0 != "\"" })
            }
        }
        return nil
    }

    /// A scan file as the page hands it in: every behaviour of the profile at `score`.
    static func scanFile(name: String, consent: String, score: Int = 3) -> String {
        let profile = library.profile(profileID)!
        let scores = profile.scoredBehaviours(in: .standard).map { "  \"\($0.id)\": \(score)" }
        return
            ([
                "formatVersion: 1", "teacher: \"\(name)\"", "profile: \"\(profileID)\"", "date: 2026-11-25",
                "consent: \(consent)", "scores:",
            ] + scores).joined(separator: "\n") + "\n"
    }

    static func status(
        _ client: any TestClientProtocol, uri: String, method: HTTPRequest.Method
    ) async throws
        -> HTTPResponse.Status
    {
        try await client.execute(uri: uri, method: method).status
    }

    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await server.application().test(.router, body)
    }

    @Test func a_colleague_answers_resumes_hands_in_and_sees_only_his_own() async throws {
        let token = try invite(["Ans Bakker", "Bram de Jong"])[0]
        let database = database
        try await test { client async throws in
            let page = try await client.execute(uri: "/s/\(token)", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("\"name\":\"Ans Bakker\"") && html.contains("\"team\":\"T\""))
            // The inline script and style are allowed by their hashes; nothing inline else, and it may talk home.
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'sha256-") && !policy.contains("unsafe-inline"))
            #expect(policy.contains("connect-src 'self'") && policy.contains("frame-ancestors 'none'"))
            #expect(page.headers[.cacheControl] == "no-store")
            let csrf = try #require(Self.csrf(in: html))

            // An answer is saved as it is given, and the page of his next visit holds it.
            let state = #"{"page":3,"scores":{"1.1":2},"consent":"prive"}"#
            let saved = try await client.execute(
                uri: "/s/\(token)/antwoorden", method: .put, headers: [.init("X-CSRF-Token")!: csrf],
                body: ByteBuffer(string: state))
            #expect(saved.status == .noContent)
            let again = String(buffer: try await client.execute(uri: "/s/\(token)", method: .get).body)
            #expect(again.contains(#""draft":"{\"page\":3,\"scores\":{\"1.1\":2},\"consent\":\"prive\"}""#))

            // Handed in under his own name and team, whatever the file says.
            let handIn = try await client.execute(
                uri: "/s/\(token)/inleveren", method: .post, headers: [.init("X-CSRF-Token")!: csrf],
                body: ByteBuffer(string: Self.scanFile(name: "Iemand Anders", consent: "metNaam")))
            #expect(handIn.status == .ok, "\(String(buffer: handIn.body))")
            let done = String(buffer: try await client.execute(uri: "/s/\(token)", method: .get).body)
            #expect(done.contains("Je scan is ingeleverd") && done.contains("Ans Bakker"))
            let report = try await client.execute(uri: "/s/\(token)/uitslag", method: .get)
            #expect(report.status == .ok && String(buffer: report.body).contains("Ans Bakker"))
            #expect(!String(buffer: report.body).contains("lob export"))
            let plan = try await client.execute(uri: "/s/\(token)/plan", method: .get)
            #expect(plan.status == .ok && String(buffer: plan.body).contains("Scholingsplan"))
            let planFile = try await client.execute(uri: "/s/\(token)/plan?download", method: .get)
            #expect(planFile.headers[.contentDisposition] == "attachment; filename=\"scholingsplan.html\"")
            let file = try await client.execute(uri: "/s/\(token)/scan.yaml", method: .get)
            #expect(String(buffer: file.body).contains("teacher: \"Ans Bakker\""))
            #expect(file.headers[.contentDisposition]?.contains("attachment") == true)
            // Handing in twice changes nothing.
            let twice = try await client.execute(
                uri: "/s/\(token)/inleveren", method: .post, headers: [.init("X-CSRF-Token")!: csrf],
                body: ByteBuffer(string: Self.scanFile(name: "Ans Bakker", consent: "metNaam")))
            #expect(twice.status == .conflict)
        }
        let members = try database.currentScans(team: "T", round: "voorjaar")
        #expect(members.map(\.teacher) == ["Ans Bakker"])
    }

    @Test func a_private_scan_never_reaches_the_team_and_deleting_takes_it_out() async throws {
        let tokens = try invite(["Ans Bakker", "Bram de Jong"])
        let database = database
        try await test { client async throws in
            for (token, consent) in zip(tokens, ["prive", "anoniem"]) {
                let csrf = try #require(
                    Self.csrf(in: String(buffer: try await client.execute(uri: "/s/\(token)", method: .get).body)))
                let handIn = try await client.execute(
                    uri: "/s/\(token)/inleveren", method: .post, headers: [.init("X-CSRF-Token")!: csrf],
                    body: ByteBuffer(string: Self.scanFile(name: "x", consent: consent)))
                #expect(handIn.status == .ok)
            }
            // The private one is reachable through his own link only.
            let own = try await client.execute(uri: "/s/\(tokens[0])/uitslag", method: .get)
            #expect(own.status == .ok && String(buffer: own.body).contains("Ans Bakker"))
        }
        let members = try database.currentScans(team: "T", round: "voorjaar")
        #expect(members.count == 1 && members[0].consent == .anoniem && members[0].teacher != "Bram de Jong")

        try await test { client async throws in
            let page = String(buffer: try await client.execute(uri: "/s/\(tokens[1])", method: .get).body)
            let csrf = try #require(Self.csrf(in: page))
            // Without the page's token nothing is deleted.
            let forged = try await client.execute(
                uri: "/s/\(tokens[1])/verwijderen", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "csrf=fout"))
            #expect(forged.status == .forbidden)
            let deleted = try await client.execute(
                uri: "/s/\(tokens[1])/verwijderen", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(deleted.status == .seeOther)
            let fresh = String(buffer: try await client.execute(uri: "/s/\(tokens[1])", method: .get).body)
            #expect(fresh.contains("\"server\"") && !fresh.contains("Je scan is ingeleverd"))
        }
        #expect(try database.currentScans(team: "T", round: "voorjaar").isEmpty)
    }

    @Test func links_that_open_nothing() async throws {
        let tokens = try invite(["Ans Bakker", "Bram de Jong", "Carla Visser"])
        let other = try invite(["Dirk Smit"], team: "Ander team")[0]
        let app = app
        let clock = clock
        let record = try app.invitation(token: tokens[1], now: clock.now)
        try app.revoke(record.invitation.id, team: "T", now: clock.now)
        try await test { client async throws in
            #expect(try await Self.status(client, uri: "/s/", method: .get) == .notFound)
            let wrong = String(tokens[0].dropLast()) + (tokens[0].hasSuffix("A") ? "B" : "A")
            #expect(try await Self.status(client, uri: "/s/\(wrong)", method: .get) == .notFound)
            #expect(try await Self.status(client, uri: "/s/kort", method: .get) == .notFound)
            #expect(try await Self.status(client, uri: "/s/\(tokens[1])", method: .get) == .gone)
            // One colleague's CSRF token does not work with another's link.
            let csrfA = try #require(
                Self.csrf(in: String(buffer: try await client.execute(uri: "/s/\(tokens[0])", method: .get).body)))
            let crossed = try await client.execute(
                uri: "/s/\(tokens[2])/antwoorden", method: .put, headers: [.init("X-CSRF-Token")!: csrfA],
                body: ByteBuffer(string: "{}"))
            #expect(crossed.status == .forbidden)
            let none = try await client.execute(
                uri: "/s/\(tokens[2])/antwoorden", method: .put, body: ByteBuffer(string: "{}"))
            #expect(none.status == .forbidden)
            // Too large: refused before it is kept.
            let csrfC = try #require(
                Self.csrf(in: String(buffer: try await client.execute(uri: "/s/\(tokens[2])", method: .get).body)))
            let huge = try await client.execute(
                uri: "/s/\(tokens[2])/antwoorden", method: .put, headers: [.init("X-CSRF-Token")!: csrfC],
                body: ByteBuffer(string: "{\"x\":\"" + String(repeating: "a", count: 70_000) + "\"}"))
            #expect(huge.status == .contentTooLarge)
            let notJSON = try await client.execute(
                uri: "/s/\(tokens[2])/antwoorden", method: .put, headers: [.init("X-CSRF-Token")!: csrfC],
                body: ByteBuffer(string: "[1,2]"))
            #expect(notJSON.status == .badRequest)
            // Another team's link is a link: it opens his own scan, never team T's dashboard.
            #expect(try await Self.status(client, uri: "/s/\(other)", method: .get) == .ok)
            // Pages that are not there, and methods that do not fit, are answered in Dutch.
            let nowhere = try await client.execute(uri: "/admin", method: .get)
            #expect(nowhere.status == .notFound && String(buffer: nowhere.body).contains("Deze pagina bestaat niet"))
            let wrongMethod = try await client.execute(uri: "/s/\(other)/inleveren", method: .get)
            #expect(wrongMethod.status.code >= 400 && !String(buffer: wrongMethod.body).contains("Not"))
            #expect(try await Self.status(client, uri: "/dashboard", method: .get) == .seeOther)
        }
        clock.advance(days: 22)
        try await test { client async throws in
            #expect(try await Self.status(client, uri: "/s/\(tokens[0])", method: .get) == .gone)
        }
    }

    @Test func guessing_links_is_stopped_after_the_limit() async throws {
        let token = try invite(["Ans Bakker"])[0]
        try await test { client async throws in
            for _ in 0..<5 {
                #expect(try await Self.status(client, uri: "/s/\(Secret.make())", method: .get) == .notFound)
            }
            // The limit holds for every link from this address, also the right one, until the window passes.
            #expect(try await Self.status(client, uri: "/s/\(Secret.make())", method: .get) == .tooManyRequests)
            #expect(try await Self.status(client, uri: "/s/\(token)", method: .get) == .tooManyRequests)
        }
        clock.advance(days: 1)
        try await test { client async throws in
            #expect(try await Self.status(client, uri: "/s/\(token)", method: .get) == .ok)
        }
    }

    /// Logs in as `login` with `password`; returns the session cookie (nil when refused) and the response.
    static func logIn(
        _ client: any TestClientProtocol, _ login: String, _ password: String
    ) async throws -> (
        cookie: String?, response: TestResponse
    ) {
        let page = try await client.execute(uri: "/inloggen", method: .get)
        let csrf = try #require(Self.csrf(in: String(buffer: page.body)))
        let loginCookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        let response = try await client.execute(
            uri: "/inloggen", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: loginCookie],
            body: ByteBuffer(string: "csrf=\(csrf)&login=\(login)&wachtwoord=\(password)"))
        let session = response.headers[values: .setCookie].first { $0.hasPrefix("lob_sessie=") }
        return (session.flatMap { $0.split(separator: ";").first.map(String.init) }, response)
    }

    @Test func the_dashboard_shows_counts_never_who_chose_what() async throws {
        try app.createAccount(login: "voorzitter", team: "T", passwordHash: LOBServer.hashPassword("geheim", cost: 4))
        try app.createAccount(login: "ander", team: "Ander team", passwordHash: LOBServer.hashPassword("x", cost: 4))
        let tokens = try invite(["Ans Bakker", "Bram de Jong", "Carla Visser"])
        let other = try invite(["Dirk Smit"], team: "Ander team")
        let app = app
        let clock = clock
        for (token, consent) in zip(tokens, ["metNaam", "anoniem", "prive"]) {
            let record = try app.invitation(token: token, now: clock.now)
            let (scan, profile) = try ScanFile.decode(
                data: Data(Self.scanFile(name: "x", consent: consent).utf8), file: "t",
                profile: { Self.library.profile($0) })
            _ = try app.handIn(record, scan: scan, profile: profile, now: clock.now) { _ in "" }
        }
        _ = try app.invitation(token: other[0], now: clock.now)
        try await test { client async throws in
            let wrong = try await Self.logIn(client, "voorzitter", "fout")
            #expect(wrong.cookie == nil && wrong.response.status == .unauthorized)
            let unknown = try await Self.logIn(client, "niemand", "geheim")
            #expect(unknown.cookie == nil && unknown.response.status == .unauthorized)
            let (cookie, response) = try await Self.logIn(client, "voorzitter", "geheim")
            #expect(response.status == .seeOther)
            let setCookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("lob_sessie=") })
            #expect(
                setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Secure"))
            let session = try #require(cookie)
            let dashboard = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session])
            let html = String(buffer: dashboard.body)
            #expect(dashboard.status == .ok)
            #expect(html.contains("<td class=\"getal\">3</td><td class=\"getal\">3</td><td class=\"getal\">3</td>"))
            for word in ["prive", "anoniem", "met naam", "metNaam", "Dirk Smit"] {
                #expect(!html.contains(word), "\(word)")
            }
            // The team report page, by the one privacy rule: one named and one anonymous scan are too few for any
            // figure, and the private one is nowhere.
            let report = String(
                buffer: try await client.execute(
                    uri: "/dashboard/teamoverzicht?ronde=voorjaar", method: .get, headers: [.cookie: session]
                ).body)
            #expect(report.contains("geen enkel cijfer"))
            let plan = try await client.execute(
                uri: "/dashboard/teamplan?ronde=voorjaar", method: .get, headers: [.cookie: session])
            #expect(plan.status == .ok && String(buffer: plan.body).contains("<h1>Teamprofessionaliseringsplan T"))
            #expect(!String(buffer: plan.body).contains("Carla"))
            // A round that is not there: said so, not an error.
            let missing = try await client.execute(
                uri: "/dashboard/teamoverzicht?ronde=bestaat-niet", method: .get, headers: [.cookie: session])
            #expect(missing.status == .notFound)
            #expect(!report.contains("Carla") && !report.contains("Bram"))

            // A change without the session's CSRF token is refused; with it, a new link replaces the old.
            let id = try app.invitation(token: tokens[0], now: clock.now).invitation.id
            let forged = try await client.execute(
                uri: "/dashboard/uitnodiging/\(id)/nieuw", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=nee"))
            #expect(forged.status == .forbidden)
            let csrf = try #require(Self.csrf(in: html))
            let resent = try await client.execute(
                uri: "/dashboard/uitnodiging/\(id)/nieuw", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(String(buffer: resent.body).contains("https://lob.school.example/s/"))
            // The old link is now as unknown as a guessed one.
            #expect(try await Self.status(client, uri: "/s/\(tokens[0])", method: .get) == .notFound)
            // Another team's invitation is as unknown as a missing one.
            let otherID = try app.invitation(token: other[0], now: clock.now).invitation.id
            let crossTeam = try await client.execute(
                uri: "/dashboard/uitnodiging/\(otherID)/intrekken", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(crossTeam.status == .notFound)
            #expect(try app.invitation(token: other[0], now: clock.now).invitation.revokedAt == nil)

            // Closing the round closes every link of it.
            let closed = try await client.execute(
                uri: "/dashboard/ronde/sluiten", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(csrf)&ronde=voorjaar"))
            #expect(closed.status == .seeOther)
            #expect(try await Self.status(client, uri: "/s/\(tokens[1])", method: .get) == .gone)
            // After logging out the cookie opens nothing.
            let out = try await client.execute(
                uri: "/uitloggen", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(out.status == .seeOther)
            #expect(
                try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]).status
                    == .seeOther)
        }
    }

    @Test func a_round_opened_from_the_dashboard_shows_its_links_once() async throws {
        try app.createAccount(login: "voorzitter", team: "T", passwordHash: LOBServer.hashPassword("geheim", cost: 4))
        let database = database
        try await test { client async throws in
            let session = try #require(try await Self.logIn(client, "voorzitter", "geheim").cookie)
            let html = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]).body)
            let csrf = try #require(Self.csrf(in: html))
            let opened = try await client.execute(
                uri: "/dashboard/ronde", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "csrf=\(csrf)&ronde=najaar&profiel=mentor-model2&namen=Ans%20Bakker%0D%0ABram%20de%20Jong"))
            let links = String(buffer: opened.body)
            #expect(opened.status == .ok && links.contains("Ans Bakker") && links.contains("Bram de Jong"))
            #expect(links.components(separatedBy: "https://lob.school.example/s/").count == 3)
            // The same person twice is refused, and nothing is made.
            let twice = try await client.execute(
                uri: "/dashboard/ronde", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "csrf=\(csrf)&ronde=najaar&profiel=mentor-model2&namen=Carla%0Aans%20%20bakker"))
            #expect(twice.status == .badRequest)
        }
        let stored = try database.invitations(team: "T")
        #expect(stored.map(\.name) == ["Ans Bakker", "Bram de Jong"])
    }

    // MARK: - Raters' links

    /// A feedback file as the page hands it in; its subject, group and profile are ignored by the server.
    static func feedbackFile(rating: Int) -> String {
        [
            "formatVersion: 1", "response: \"r-zelfgekozen-id\"", "feedbackFor: \"Iemand Anders\"",
            "group: leidinggevende", "profile: \"\(profileID)\"", "date: 2026-11-25", "ratings:",
            "  \"2.1\": \(rating)", "  \"2.2\": \(rating)", "remarks:", "  \"2\": \"Neemt de tijd.\"",
        ].joined(separator: "\n") + "\n"
    }

    func handIn(_ client: any TestClientProtocol, rater token: String, rating: Int) async throws -> HTTPResponse.Status
    {
        let page = String(buffer: try await client.execute(uri: "/f/\(token)", method: .get).body)
        let csrf = try #require(Self.csrf(in: page))
        return try await client.execute(
            uri: "/f/\(token)/inleveren", method: .post, headers: [.init("X-CSRF-Token")!: csrf],
            body: ByteBuffer(string: Self.feedbackFile(rating: rating))
        ).status
    }

    @Test func raters_answer_through_their_links_and_the_teacher_sees_them_as_a_group() async throws {
        let profile = try #require(Self.library.profile(Self.profileID))
        let ans = try invite(["Ans Bakker"])[0]
        let raters = try app.inviteRaters(
            team: "T", subject: "Ans Bakker", group: .collega, profile: profile,
            names: ["Bram de Jong", "Carla Visser", "Dirk Smit"], now: clock.now
        ).map(\.token)
        let app = app
        let clock = clock
        let database = database
        try await test { client async throws in
            // Ans hands in her own scan first.
            let page = String(buffer: try await client.execute(uri: "/s/\(ans)", method: .get).body)
            let csrf = try #require(Self.csrf(in: page))
            let handedIn = try await client.execute(
                uri: "/s/\(ans)/inleveren", method: .post, headers: [.init("X-CSRF-Token")!: csrf],
                body: ByteBuffer(string: Self.scanFile(name: "Ans Bakker", consent: "prive", score: 4)))
            #expect(handedIn.status == .ok)

            let form = String(buffer: try await client.execute(uri: "/f/\(raters[0])", method: .get).body)
            #expect(form.contains("\"subject\":\"Ans Bakker\"") && form.contains("\"group\":\"collega\""))
            #expect(try await handIn(client, rater: raters[0], rating: 2) == .ok)
            #expect(try await handIn(client, rater: raters[1], rating: 3) == .ok)
            // Answered once: the link thanks him and takes nothing more.
            let again = String(buffer: try await client.execute(uri: "/f/\(raters[0])", method: .get).body)
            #expect(again.contains("Dank je wel"))
            let csrf0 = try app.raterInvitation(token: raters[0], now: clock.now).csrf
            let twice = try await client.execute(
                uri: "/f/\(raters[0])/inleveren", method: .post, headers: [.init("X-CSRF-Token")!: csrf0],
                body: ByteBuffer(string: Self.feedbackFile(rating: 1)))
            #expect(twice.status == .conflict)

            // Two colleagues are no group: Ans's report withholds them.
            let done = String(buffer: try await client.execute(uri: "/s/\(ans)", method: .get).body)
            #expect(done.contains("Je 360°-feedback"))
            var report = String(buffer: try await client.execute(uri: "/s/\(ans)/feedback", method: .get).body)
            #expect(report.contains("niet getoond") && !report.contains("Neemt de tijd."))
            #expect(try await handIn(client, rater: raters[2], rating: 4) == .ok)
            report = String(buffer: try await client.execute(uri: "/s/\(ans)/feedback", method: .get).body)
            // Mean 3 and spread 0,82 of the ratings 2, 3 and 4.
            #expect(report.contains("Neemt de tijd.") && report.contains("0,82"))
        }
        // Stored under the link's teacher and group, with ids the server chose; no rater's name and no draft left.
        let (responses, _) = try database.feedback(about: "Ans Bakker", profileID: Self.profileID)
        #expect(responses.count == 3 && responses.allSatisfy { $0.group == .collega && $0.id != "r-zelfgekozen-id" })
        let everything = try await database.reader.read { db in
            try ["feedbackInvitation", "feedbackResponse", "feedbackRating", "feedbackRemark"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\($0)" }
            }
        }.joined(separator: "\n")
        for name in ["Bram", "Carla", "Dirk"] { #expect(!everything.contains(name), "\(name) is stored") }
        #expect(!everything.contains("\"page\""), "a rater's draft is kept after he answered")
        #expect(
            try app.raterProgress(team: "T").map { "\($0.subject) \($0.asked) \($0.answered)" } == ["Ans Bakker 3 3"])
    }

    @Test func raters_links_that_cannot_be_made() throws {
        let profile = try #require(Self.library.profile(Self.profileID))
        #expect(throws: AppError.self) {
            try app.inviteRaters(
                team: "T", subject: "Ans", group: .leidinggevende, profile: profile, names: ["A", "B"], now: clock.now)
        }
        #expect(throws: AppError.self) {
            try app.inviteRaters(
                team: "T", subject: "Ans Bakker", group: .collega, profile: profile, names: ["ans  bakker"],
                now: clock.now)
        }
        // Pupils only where the school worded statements for them; the shipped profiles have none.
        #expect(throws: AppError.self) {
            try app.inviteRaters(
                team: "T", subject: "Ans", group: .leerling, profile: profile, names: ["Sem"], now: clock.now)
        }
    }

    @Test func hostile_names_are_text_on_every_page_and_hidden_characters_are_refused() async throws {
        try app.createAccount(login: "voorzitter", team: "T", passwordHash: LOBServer.hashPassword("geheim", cost: 4))
        let evil = "</script><img src=x onerror=alert(1)>&amp;"
        let token = try invite([evil])[0]
        #expect(throws: AppError.self) { try invite(["Bram\u{202E}kaas"], round: "ander") }
        #expect(throws: AppError.self) { try invite([String(repeating: "a", count: 121)], round: "ander") }
        try await test { client async throws in
            let page = String(buffer: try await client.execute(uri: "/s/\(token)", method: .get).body)
            // In the form's JSON the name cannot end the script element.
            #expect(!page.contains("</script><img") && page.contains("\\u003c/script\\u003e\\u003cimg"))
            let session = try #require(try await Self.logIn(client, "voorzitter", "geheim").cookie)
            let dashboard = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]).body)
            #expect(!dashboard.contains("<img") && dashboard.contains("&lt;/script&gt;&lt;img"))
        }
    }

    @Test func a_scan_after_a_same_day_withdrawal_is_refused_not_shown_as_counting() async throws {
        // Ans counted anonymously in the autumn; in the spring she hands in privé, which withdraws her from the
        // team, deletes that and hands in anonymously the same day: the team may not count it, and she is told.
        let autumn = try invite(["Ans Bakker", "Bram de Jong", "Carla Visser"], round: "najaar")[0]
        let spring = try invite(["Ans Bakker"], round: "voorjaar")[0]
        let database = database
        try await test { client async throws in
            func handIn(_ token: String, _ consent: String) async throws -> TestResponse {
                let csrf = try #require(
                    Self.csrf(in: String(buffer: try await client.execute(uri: "/s/\(token)", method: .get).body)))
                return try await client.execute(
                    uri: "/s/\(token)/inleveren", method: .post, headers: [.init("X-CSRF-Token")!: csrf],
                    body: ByteBuffer(string: Self.scanFile(name: "Ans Bakker", consent: consent)))
            }
            #expect(try await handIn(autumn, "anoniem").status == .ok)
            #expect(try await handIn(spring, "prive").status == .ok)
            #expect(try database.currentScans(team: "T", round: "najaar").isEmpty)
            let csrf = try #require(
                Self.csrf(in: String(buffer: try await client.execute(uri: "/s/\(spring)", method: .get).body)))
            let deleted = try await client.execute(
                uri: "/s/\(spring)/verwijderen", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(deleted.status == .seeOther)
            let again = try await handIn(spring, "anoniem")
            #expect(again.status == .conflict && String(buffer: again.body).contains("pas vanaf morgen"))
            // Still not handed in: the link opens the scan, not "ingeleverd".
            let page = String(buffer: try await client.execute(uri: "/s/\(spring)", method: .get).body)
            #expect(!page.contains("Je scan is ingeleverd"))
        }
        #expect(try database.currentScans(team: "T", round: "voorjaar").isEmpty)
    }
}
