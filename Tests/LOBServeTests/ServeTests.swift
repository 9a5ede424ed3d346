import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LOBApp
import LOBCore
import LOBFormats
import LOBPostgresStore
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
        server = LOBServer(app: app, configuration: Self.configuration(clock))
    }

    static func configuration(_ clock: TestClock) -> ServeConfiguration {
        var configuration = ServeConfiguration(
            profile: { Self.library.profile($0) },
            activities: { _ in ShippedProfiles.exampleActivities.flatMap { try? ActivityCatalogueFile.load($0) } })
        configuration.profiles = { Self.library.entries.map(\.profile) }
        configuration.bcryptCost = 4
        configuration.failureLimit = 5
        configuration.publicURL = "https://lob.school.example"
        configuration.now = { clock.now }
        return configuration
    }

    static let password = "geheim-wachtwoord"

    /// A dashboard login with the tests' password (bcrypt at its cheapest).
    func account(_ login: String, team: String) async throws {
        try await app.createAccount(login: login, team: team, password: Self.password) {
            LOBServer.hashPassword($0, cost: 4)
        }
    }

    /// Opens a round of `names` in team T; returns their tokens.
    func invite(_ names: [String], team: String = "T", round: String = "voorjaar") async throws -> [String] {
        try await app.openRound(team: team, round: round, profileID: Self.profileID, names: names, now: clock.now).map(
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

    /// A database another writer holds too long: the save is refused with a page that says to try again (503), not
    /// an error page, and the next save stores.
    @Test func a_busy_database_asks_to_try_again_and_loses_nothing() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lob-druk-\(UUID().uuidString).sqlite")
            .path
        defer {
            for suffix in ["", "-wal", "-shm", "-lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let app = LOBApp(store: try LOBDatabase.openFile(at: path, busyTimeout: 0.1, concurrentReads: true))
        let token = try await app.openRound(
            team: "T", round: "voorjaar", profileID: Self.profileID, names: ["Ans Bakker"], now: clock.now)[0].token
        var holding = LOBDatabase.makeConfiguration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: holding)
        try await LOBServer(app: app, configuration: Self.configuration(clock)).application().test(.router) { client in
            let browser = try await LinkBrowser.claim(client, token)
            try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
            let busy = try await browser.send("/antwoorden", .put, #"{"page":2,"scores":{"1.1":3}}"#)
            try holder.inDatabase { try $0.execute(sql: "ROLLBACK") }
            #expect(busy.status == .serviceUnavailable)
            #expect(String(buffer: busy.body).contains("Er wordt nu veel tegelijk opgeslagen"))
            let saved = try await browser.send("/antwoorden", .put, #"{"page":2,"scores":{"1.1":3}}"#)
            #expect(saved.status == .noContent)
        }
        #expect(try await app.invitation(token: token, now: clock.now).draft == #"{"page":2,"scores":{"1.1":3}}"#)
    }

    /// A proxy's health check: 200 while the database answers; 503 when it does not (a server database whose pool is
    /// gone), so that the proxy sends colleagues to another server.
    @Test func the_health_check_says_whether_the_database_answers() async throws {
        try await server.application().test(.router) { client in
            let health = try await client.execute(uri: "/gezond", method: .get)
            #expect(health.status == .ok && String(buffer: health.body) == "ok\n")
        }
        guard let address = ProcessInfo.processInfo.environment["LOB_TEST_POSTGRES"], !address.isEmpty else { return }
        var schema = try PostgresAddress(address)
        schema.schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let store = try await PostgresStore.open(schema, schema: .migrate, maximumConnections: 1)
        let served = LOBServer(app: LOBApp(store: store), configuration: Self.configuration(clock))
        try await served.application().test(.router) { client in
            #expect(try await client.execute(uri: "/gezond", method: .get).status == .ok)
            await store.close()
            let gone = try await client.execute(uri: "/gezond", method: .get)
            #expect(gone.status == .serviceUnavailable && String(buffer: gone.body) == "database antwoordt niet\n")
        }
    }

    @Test func a_colleague_answers_resumes_hands_in_and_sees_only_his_own() async throws {
        let token = try await invite(["Ans Bakker", "Bram de Jong"])[0]
        let database = database
        try await test { client async throws in
            // The first visit asks for a personal code, and says why.
            let first = try await client.execute(uri: "/s/\(token)", method: .get)
            #expect(first.status == .ok)
            let welcome = String(buffer: first.body)
            #expect(welcome.contains("Welkom, Ans Bakker") && welcome.contains("ook hij niet"))
            #expect(!welcome.contains("\"server\""))
            let browser = try await LinkBrowser.claim(client, token)
            let page = try await browser.get()
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("\"name\":\"Ans Bakker\"") && html.contains("\"team\":\"T\""))
            // The inline script and style are allowed by their hashes; nothing inline else, and it may talk home.
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'sha256-") && !policy.contains("unsafe-inline"))
            #expect(policy.contains("connect-src 'self'") && policy.contains("frame-ancestors 'none'"))
            #expect(page.headers[.cacheControl] == "no-store")

            // An answer is saved as it is given, and the page of his next visit holds it.
            let state = #"{"page":3,"scores":{"1.1":2},"consent":"prive"}"#
            #expect(try await browser.send("/antwoorden", .put, state).status == .noContent)
            let again = try await browser.page()
            #expect(again.contains(#""draft":"{\"page\":3,\"scores\":{\"1.1\":2},\"consent\":\"prive\"}""#))

            // Handed in under his own name and team, whatever the file says.
            let handIn = try await browser.handIn(Self.scanFile(name: "Iemand Anders", consent: "metNaam"))
            #expect(handIn.status == .ok, "\(String(buffer: handIn.body))")
            let done = try await browser.page()
            #expect(done.contains("Je scan is ingeleverd") && done.contains("Ans Bakker"))
            #expect(done.contains("niet met de link alleen"))
            // One home: his scan is a stored scan like any other, as `lob scans list` and `lob report` read it.
            let stored = try await #require(try database.summaries().first)
            #expect(stored.teacher == "Ans Bakker" && stored.team == "T" && stored.consent == .metNaam)
            await #expect(try database.invitation(id: 1)?.scanID == stored.id)
            let report = try await browser.get("/uitslag")
            #expect(report.status == .ok && String(buffer: report.body).contains("Ans Bakker"))
            #expect(!String(buffer: report.body).contains("lob export"))
            let plan = try await browser.get("/plan")
            #expect(plan.status == .ok && String(buffer: plan.body).contains("Scholingsplan"))
            let planFile = try await browser.get("/plan?download")
            #expect(planFile.headers[.contentDisposition] == "attachment; filename=\"scholingsplan.html\"")
            // Each page of his has the way back to his own; the file he keeps has no link to the server.
            let back = "<nav class=\"terug\">\n   <a href=\"/s/\(token)\">← Terug naar je scan</a>"
            #expect(String(buffer: report.body).contains(back) && String(buffer: plan.body).contains(back))
            #expect(!String(buffer: planFile.body).contains("class=\"terug\""))
            let file = try await browser.get("/scan.yaml")
            #expect(String(buffer: file.body).contains("teacher: \"Ans Bakker\""))
            #expect(file.headers[.contentDisposition]?.contains("attachment") == true)
            // Handing in twice changes nothing.
            let twice = try await browser.handIn(Self.scanFile(name: "Ans Bakker", consent: "metNaam"))
            #expect(twice.status == .conflict)
        }
        let members = try await database.currentScans(team: "T", round: "voorjaar")
        #expect(members.map(\.teacher) == ["Ans Bakker"])
    }

    @Test func a_private_scan_never_reaches_the_team_and_deleting_takes_it_out() async throws {
        let tokens = try await invite(["Ans Bakker", "Bram de Jong"])
        let database = database
        try await test { client async throws in
            var browsers: [LinkBrowser] = []
            for (token, consent) in zip(tokens, ["prive", "anoniem"]) {
                let browser = try await LinkBrowser.claim(client, token)
                #expect(try await browser.handIn(Self.scanFile(name: "x", consent: consent)).status == .ok)
                browsers.append(browser)
            }
            // The private one is reachable through his own browser only.
            let own = try await browsers[0].get("/uitslag")
            #expect(own.status == .ok && String(buffer: own.body).contains("Ans Bakker"))
            #expect(try await Self.status(client, uri: "/s/\(tokens[0])/uitslag", method: .get) == .seeOther)

            // Without the page's token nothing is deleted.
            let forged = try await browsers[1].submit("/verwijderen", [("csrf", "fout")])
            #expect(forged.status == .forbidden)
            // Nor without his browser, with the token of his page.
            let elsewhere = try await client.execute(
                uri: "/s/\(tokens[1])/verwijderen", method: .post, headers: LinkBrowser.formType,
                body: LinkBrowser.form([("csrf", browsers[1].csrf)]))
            #expect(elsewhere.status == .forbidden)
            let members = try await database.currentScans(team: "T", round: "voorjaar")
            #expect(members.count == 1 && members[0].consent == .anoniem && members[0].teacher != "Bram de Jong")
            // The page asks first: without the box ticked nothing is deleted.
            let handedIn = try await browsers[1].page()
            #expect(
                handedIn.contains(
                    #"<input type="checkbox" name="zeker" id="zeker" value="ja" required/><label class="naast" for="zeker">Ja, verwijder mijn scan</label>"#
                ), "\(handedIn)")
            let unticked = try await browsers[1].submit("/verwijderen", [("csrf", browsers[1].csrf)])
            #expect(unticked.status == .seeOther && unticked.headers[.location] == "/s/\(tokens[1])")
            await #expect(try database.currentScans(team: "T", round: "voorjaar").count == 1)
            #expect(try await browsers[1].page().contains("Je scan is ingeleverd"))
            let deleted = try await browsers[1].submit(
                "/verwijderen", [("csrf", browsers[1].csrf), ("zeker", "ja")])
            #expect(deleted.status == .seeOther && deleted.headers[.location] == "/s/\(tokens[1])/verwijderd")
            // Afterwards it says so, with the way back.
            let said = try await browsers[1].page("/verwijderd")
            #expect(
                said.contains("<h1>Je scan is verwijderd</h1>")
                    && said.contains("Je scan telt nergens meer mee en staat niet meer op de server.")
                    && said.contains(#"<a href="/s/\#(tokens[1])">Opnieuw beginnen</a>"#), "\(said)")
            let fresh = try await browsers[1].page()
            #expect(fresh.contains("\"server\"") && !fresh.contains("Je scan is ingeleverd"))
        }
        await #expect(try database.currentScans(team: "T", round: "voorjaar").isEmpty)
    }

    /// After handing in, he changes who may see his scan without answering again: by name, privé (out of the team
    /// and its history), and back only the next day.
    @Test func consent_is_changed_after_handing_in_without_answering_again() async throws {
        let token = try await invite(["Ans Bakker"])[0]
        let (database, clock) = (database, clock)
        try await test { client async throws in
            let browser = try await LinkBrowser.claim(client, token)
            #expect(try await browser.handIn(Self.scanFile(name: "x", consent: "anoniem")).status == .ok)
            let page = try await browser.page()
            #expect(
                page.contains(#"<input type="radio" name="consent" id="consent-anoniem" value="anoniem" checked/>"#)
                    && page.contains(#"<label class="naast" for="consent-metNaam">met naam: "#), "\(page)")
            func choose(_ consent: String) async throws -> TestResponse {
                try await browser.submit("/toestemming", [("csrf", browser.csrf), ("consent", consent)])
            }
            // A forged request changes nothing.
            let forged = try await browser.submit("/toestemming", [("csrf", "fout"), ("consent", "metNaam")])
            #expect(forged.status == .forbidden)
            await #expect(try database.currentScans(team: "T", round: "voorjaar").map(\.consent) == [.anoniem])

            #expect(try await choose("metNaam").status == .seeOther)
            let named = try await database.currentScans(team: "T", round: "voorjaar")
            #expect(named.map(\.consent) == [.metNaam] && named[0].teacher == "Ans Bakker")
            // The day is the server's, not the one in the file the page sent (2026-11-25).
            #expect(named[0].date.description == "2026-11-18")
            #expect(
                try await browser.page().contains("ingeleverd: met naam (de teamvoorzitter mag hem met je naam zien)"))

            #expect(try await choose("prive").status == .seeOther)
            await #expect(try database.currentScans(team: "T", round: "voorjaar").isEmpty)
            let sameDay = try await choose("anoniem")
            #expect(sameDay.status == .conflict && String(buffer: sameDay.body).contains("pas vanaf morgen"))
            await #expect(try database.currentScans(team: "T", round: "voorjaar").isEmpty)
            #expect(try await browser.page().contains("ingeleverd: privé"))
            // The next day he may count again: anonymously, as today's choice.
            clock.advance(days: 1)
            #expect(try await choose("anoniem").status == .seeOther)
            await #expect(try database.currentScans(team: "T", round: "voorjaar").map(\.consent) == [.anoniem])
        }
    }

    @Test func links_that_open_nothing() async throws {
        let tokens = try await invite(["Ans Bakker", "Bram de Jong", "Carla Visser"])
        let other = try await invite(["Dirk Smit"], team: "Ander team")[0]
        let app = app
        let clock = clock
        let record = try await app.invitation(token: tokens[1], now: clock.now)
        try await app.revoke(record.invitation.id, team: "T", now: clock.now)
        try await test { client async throws in
            #expect(try await Self.status(client, uri: "/s/", method: .get) == .notFound)
            let wrong = String(tokens[0].dropLast()) + (tokens[0].hasSuffix("A") ? "B" : "A")
            #expect(try await Self.status(client, uri: "/s/\(wrong)", method: .get) == .notFound)
            #expect(try await Self.status(client, uri: "/s/kort", method: .get) == .notFound)
            #expect(try await Self.status(client, uri: "/s/\(tokens[1])", method: .get) == .gone)
            // One colleague's CSRF token and cookie do not work with another's link.
            let ans = try await LinkBrowser.claim(client, tokens[0])
            let carla = try await LinkBrowser.claim(client, tokens[2])
            let crossed = try await carla.send("/antwoorden", .put, "{}", csrf: ans.csrf)
            #expect(crossed.status == .forbidden)
            let crossedCookie = try await client.execute(
                uri: "/s/\(tokens[2])/antwoorden", method: .put,
                headers: [.cookie: ans.cookie, .init("X-CSRF-Token")!: carla.csrf], body: ByteBuffer(string: "{}"))
            #expect(crossedCookie.status == .forbidden)
            let none = try await client.execute(
                uri: "/s/\(tokens[2])/antwoorden", method: .put, headers: [.cookie: carla.cookie],
                body: ByteBuffer(string: "{}"))
            #expect(none.status == .forbidden)
            // Too large: refused before it is kept.
            let huge = try await carla.send(
                "/antwoorden", .put, "{\"x\":\"" + String(repeating: "a", count: 70_000) + "\"}")
            #expect(huge.status == .contentTooLarge)
            #expect(try await carla.send("/antwoorden", .put, "[1,2]").status == .badRequest)
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

    @Test func guessing_links_is_stopped_after_the_limit_without_locking_out_real_links() async throws {
        let token = try await invite(["Ans Bakker"])[0]
        try await test { client async throws in
            for _ in 0..<5 {
                #expect(try await Self.status(client, uri: "/s/\(Secret.make())", method: .get) == .notFound)
            }
            // Links that open nothing are refused from this address until the window passes; a colleague behind the
            // same address (a school's NAT) still opens his own.
            #expect(try await Self.status(client, uri: "/s/\(Secret.make())", method: .get) == .tooManyRequests)
            #expect(try await Self.status(client, uri: "/s/\(token)", method: .get) == .ok)
        }
        clock.advance(days: 1)
        try await test { client async throws in
            #expect(try await Self.status(client, uri: "/s/\(Secret.make())", method: .get) == .notFound)
        }
    }

    // MARK: - The round's owner holds every link: a claimed link opens nothing of the colleague's

    @Test func whoever_holds_a_claimed_link_without_the_browser_or_code_reads_nothing() async throws {
        let token = try await invite(["Ans Bakker"])[0]
        let note = "ik zit thuis met een burn-out"
        try await test { client async throws in
            let ans = try await LinkBrowser.claim(client, token)
            let state =
                #"{"page":2,"scores":{"1.1":2},"notes":{"1":"ik zit thuis met een burn-out"},"consent":"prive"}"#
            #expect(try await ans.send("/antwoorden", .put, state).status == .noContent)

            // The teamvoorzitter with links.csv: the code page, nothing of hers.
            let stranger = try await client.execute(uri: "/s/\(token)", method: .get)
            let html = String(buffer: stranger.body)
            #expect(stranger.status == .ok && html.contains("Je persoonlijke code"))
            for secret in [note, "\"draft\"", "prive", "Ans Bakker", ans.csrf] {
                #expect(!html.contains(secret), "\(secret)")
            }
            // Every page and request behind the link needs her browser.
            for path in ["/uitslag", "/plan", "/scan.yaml", "/feedback"] {
                #expect(try await Self.status(client, uri: "/s/\(token)\(path)", method: .get) == .seeOther)
            }
            let save = try await client.execute(
                uri: "/s/\(token)/antwoorden", method: .put, headers: [.init("X-CSRF-Token")!: ans.csrf],
                body: ByteBuffer(string: "{}"))
            #expect(save.status == .forbidden)
            // A forged cookie is no browser of hers.
            let forgedCookie = try await client.execute(
                uri: "/s/\(token)", method: .get, headers: [.cookie: "lob_link=\(Secret.make())"])
            #expect(!String(buffer: forgedCookie.body).contains(note))
            // Claiming it again is refused.
            let csrf = try #require(Self.csrf(in: html))
            let reclaim = try await client.execute(
                uri: "/s/\(token)/code", method: .post, headers: LinkBrowser.formType,
                body: LinkBrowser.form([("csrf", csrf), ("code", "andere code 1"), ("nogmaals", "andere code 1")]))
            #expect(reclaim.status == .conflict)
            // Guessing her code: refused after the limit, per link, from any address.
            for _ in 0..<5 {
                let (browser, response) = try await LinkBrowser.unlock(
                    client, token, code: "raden \(Int.random(in: 0..<999))")
                #expect(browser == nil && response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("Deze code klopt niet"))
            }
            let limited = try await LinkBrowser.unlock(client, token, code: LinkBrowser.code)
            #expect(limited.browser == nil && limited.response.status == .tooManyRequests)
            // Her own browser is not locked out.
            #expect(try await ans.page().contains(note))
        }
        clock.advance(days: 1)
        try await test { client async throws in
            // On another device, with her code, she finds her answers again.
            let (phone, _) = try await LinkBrowser.unlock(client, token, code: LinkBrowser.code)
            let page = try #require(phone)
            #expect(try await page.page().contains(note))
        }
    }

    @Test func starting_again_or_a_new_link_forgets_everything_of_the_colleague() async throws {
        let tokens = try await invite(["Ans Bakker", "Bram de Jong", "Carla Visser"])
        let app = app
        let clock = clock
        let database = database
        try await test { client async throws in
            for token in tokens {
                let browser = try await LinkBrowser.claim(client, token)
                #expect(try await browser.handIn(Self.scanFile(name: "x", consent: "anoniem")).status == .ok)
            }
            // Whoever holds Ans's link, without her code: he may only start again, which wipes her copy.
            let page = String(buffer: try await client.execute(uri: "/s/\(tokens[0])", method: .get).body)
            let csrf = try #require(Self.csrf(in: page))
            let unconfirmed = try await client.execute(
                uri: "/s/\(tokens[0])/opnieuw", method: .post, headers: LinkBrowser.formType,
                body: LinkBrowser.form([("csrf", csrf)]))
            #expect(unconfirmed.status == .seeOther)
            await #expect(try database.invitation(id: 1)?.isHandedIn == true)
            let restarted = try await client.execute(
                uri: "/s/\(tokens[0])/opnieuw", method: .post, headers: LinkBrowser.formType,
                body: LinkBrowser.form([("csrf", csrf), ("zeker", "ja")]))
            #expect(restarted.status == .seeOther)
            let attacker = try await LinkBrowser.claim(client, tokens[0], code: "code van een ander")
            let empty = try await attacker.page()
            #expect(
                empty.contains("\"server\"") && !empty.contains(#""draft":""#)
                    && !empty.contains("<h1>Je scan is ingeleverd"))
            #expect(try await attacker.get("/uitslag").status == .seeOther)

            // A new link from the dashboard: the old one is unknown, the new one opens an empty, unclaimed scan.
            let bram = try await app.invitation(token: tokens[1], now: clock.now).invitation.id
            let link = try await app.resend(bram, team: "T", now: clock.now)
            #expect(try await Self.status(client, uri: "/s/\(tokens[1])", method: .get) == .notFound)
            let fresh = try await LinkBrowser.claim(client, link.token, code: "nog een code")
            let freshPage = try await fresh.page()
            #expect(
                freshPage.contains("\"server\"") && !freshPage.contains(#""draft":""#)
                    && !freshPage.contains("<h1>Je scan is ingeleverd"))
        }
        // What the team counts stays as they handed it in.
        await #expect(try database.currentScans(team: "T", round: "voorjaar").count == 3)
        let stored = try await #require(try database.invitation(id: 2))
        #expect(stored.scanID == nil && stored.draft == nil && stored.invitation.finishedAt == nil)
    }

    @Test func a_personal_code_must_be_chosen_well() async throws {
        let token = try await invite(["Ans Bakker"])[0]
        try await test { client async throws in
            let html = String(buffer: try await client.execute(uri: "/s/\(token)", method: .get).body)
            let csrf = try #require(Self.csrf(in: html))
            for (code, again, message) in [
                ("kort", "kort", "te kort"), ("lang genoeg 1", "lang genoeg 2", "niet gelijk"),
                (String(repeating: "é", count: 40), String(repeating: "é", count: 40), "te lang"),
                ("met\ttab erin", "met\ttab erin", "onzichtbaar teken"),
            ] {
                let response = try await client.execute(
                    uri: "/s/\(token)/code", method: .post, headers: LinkBrowser.formType,
                    body: LinkBrowser.form([("csrf", csrf), ("code", code), ("nogmaals", again)]))
                #expect(response.status == .badRequest && String(buffer: response.body).contains(message), "\(code)")
            }
            // A code from a page of another site: refused.
            let forged = try await client.execute(
                uri: "/s/\(token)/code", method: .post, headers: LinkBrowser.formType,
                body: LinkBrowser.form([("csrf", "vals"), ("code", "goede code"), ("nogmaals", "goede code")]))
            #expect(forged.status == .forbidden)
            // Still unclaimed.
            #expect(String(buffer: try await client.execute(uri: "/s/\(token)", method: .get).body).contains("Kies je"))
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
        try await account("voorzitter", team: "T")
        try await account("ander", team: "Ander team")
        let tokens = try await invite(["Ans Bakker", "Bram de Jong", "Carla Visser"])
        let other = try await invite(["Dirk Smit"], team: "Ander team")
        let app = app
        let clock = clock
        for (token, consent) in zip(tokens, ["metNaam", "anoniem", "prive"]) {
            let record = try await app.invitation(token: token, now: clock.now)
            let (scan, profile) = try ScanFile.decode(
                data: Data(Self.scanFile(name: "x", consent: consent).utf8), file: "t",
                profile: { Self.library.profile($0) })
            _ = try await app.handIn(
                record, scan: scan, profile: profile, today: SchoolDate("2026-11-25")!, now: clock.now)
        }
        _ = try await app.invitation(token: other[0], now: clock.now)
        try await test { client async throws in
            let wrong = try await Self.logIn(client, "voorzitter", "fout")
            #expect(wrong.cookie == nil && wrong.response.status == .unauthorized)
            let unknown = try await Self.logIn(client, "niemand", Self.password)
            #expect(unknown.cookie == nil && unknown.response.status == .unauthorized)
            let (cookie, response) = try await Self.logIn(client, "voorzitter", Self.password)
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
            // Both report pages lead back to the dashboard.
            let back = "<nav class=\"terug\">\n   <a href=\"/dashboard\">← Terug naar het dashboard</a>"
            #expect(report.contains(back) && String(buffer: plan.body).contains(back))
            #expect(!String(buffer: plan.body).contains("Carla"))
            // A round that is not there: said so, not an error.
            let missing = try await client.execute(
                uri: "/dashboard/teamoverzicht?ronde=bestaat-niet", method: .get, headers: [.cookie: session])
            #expect(missing.status == .notFound)
            #expect(!report.contains("Carla") && !report.contains("Bram"))

            // A change without the session's CSRF token is refused; with it, a new link replaces the old.
            let id = try await app.invitation(token: tokens[0], now: clock.now).invitation.id
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
            let otherID = try await app.invitation(token: other[0], now: clock.now).invitation.id
            let crossTeam = try await client.execute(
                uri: "/dashboard/uitnodiging/\(otherID)/intrekken", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(crossTeam.status == .notFound)
            await #expect(try app.invitation(token: other[0], now: clock.now).invitation.revokedAt == nil)

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
        try await account("voorzitter", team: "T")
        let database = database
        try await test { client async throws in
            let session = try #require(try await Self.logIn(client, "voorzitter", Self.password).cookie)
            let html = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]).body)
            let csrf = try #require(Self.csrf(in: html))
            let opened = try await client.execute(
                uri: "/dashboard/ronde", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "csrf=\(csrf)&ronde=najaar&profiel=mentor-model2&namen=Ans%20Bakker%0D%0ABram%20de%20Jong"))
            let links = String(buffer: opened.body)
            #expect(opened.status == .ok && links.contains("Ans Bakker") && links.contains("Bram de Jong"), "\(links)")
            #expect(links.components(separatedBy: "https://lob.school.example/s/").count == 3)
            // The same person twice is refused, and nothing is made.
            let twice = try await client.execute(
                uri: "/dashboard/ronde", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "csrf=\(csrf)&ronde=najaar&profiel=mentor-model2&namen=Carla%0Aans%20%20bakker"))
            #expect(twice.status == .badRequest)
        }
        let stored = try await database.invitations(team: "T")
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

    /// A rater's browser: the first GET binds it (its cookie); then it hands in with that cookie.
    func rater(_ client: any TestClientProtocol, _ token: String) async throws -> (cookie: String, csrf: String) {
        let page = try await client.execute(uri: "/f/\(token)", method: .get)
        let cookie = try #require(LinkBrowser.cookie(page, "lob_beoordelaar"))
        return (cookie, try #require(Self.csrf(in: String(buffer: page.body))))
    }

    func handIn(_ client: any TestClientProtocol, rater token: String, rating: Int) async throws -> HTTPResponse.Status
    {
        let (cookie, csrf) = try await rater(client, token)
        return try await client.execute(
            uri: "/f/\(token)/inleveren", method: .post, headers: [.init("X-CSRF-Token")!: csrf, .cookie: cookie],
            body: ByteBuffer(string: Self.feedbackFile(rating: rating))
        ).status
    }

    /// Ans's invitation in round voorjaar of team T, and raters' links about her.
    func raters(
        about invitation: Int64, team: String = "T", group: RaterGroup = .collega, _ names: [String]
    ) async throws -> [String] {
        try await app.inviteRaters(
            team: team, invitation: invitation, group: group, profile: Self.library.profile(Self.profileID)!,
            names: names, now: clock.now
        ).map(\.token)
    }

    @Test func raters_answer_through_their_links_and_the_teacher_sees_them_as_a_group() async throws {
        let ans = try await invite(["Ans Bakker"])[0]
        let ansID = try await app.invitation(token: ans, now: clock.now).invitation.id
        let raters = try await raters(about: ansID, ["Bram de Jong", "Carla Visser", "Dirk Smit"])
        let app = app
        let database = database
        try await test { client async throws in
            // Ans hands in her own scan first.
            let browser = try await LinkBrowser.claim(client, ans)
            let handedIn = try await browser.handIn(Self.scanFile(name: "Ans Bakker", consent: "prive", score: 4))
            #expect(handedIn.status == .ok)

            let (cookie, csrf) = try await rater(client, raters[0])
            let draft = #"{"page":2,"scores":{"2.1":2},"remarks":{"2":"eerlijk gezegd"}}"#
            let saved = try await client.execute(
                uri: "/f/\(raters[0])/antwoorden", method: .put,
                headers: [.init("X-CSRF-Token")!: csrf, .cookie: cookie], body: ByteBuffer(string: draft))
            #expect(saved.status == .noContent)
            let form = String(
                buffer: try await client.execute(uri: "/f/\(raters[0])", method: .get, headers: [.cookie: cookie]).body)
            #expect(form.contains("\"subject\":\"Ans Bakker\"") && form.contains("eerlijk gezegd"))
            // A second browser (whoever else holds the link) sees what an unknown link shows: no draft, no form.
            let unknown = try await client.execute(uri: "/f/\(Secret.make())", method: .get)
            let other = try await client.execute(uri: "/f/\(raters[0])", method: .get)
            #expect(other.status == .notFound && String(buffer: other.body) == String(buffer: unknown.body))
            #expect(try await handIn(client, rater: raters[1], rating: 3) == .ok)
            let answered = try await client.execute(
                uri: "/f/\(raters[0])/inleveren", method: .post,
                headers: [.init("X-CSRF-Token")!: csrf, .cookie: cookie],
                body: ByteBuffer(string: Self.feedbackFile(rating: 2)))
            #expect(answered.status == .ok)
            // Answered: the link is forgotten, in his browser too, and takes nothing more.
            let again = try await client.execute(uri: "/f/\(raters[0])", method: .get, headers: [.cookie: cookie])
            #expect(again.status == .notFound && String(buffer: again.body) == String(buffer: unknown.body))
            let twice = try await client.execute(
                uri: "/f/\(raters[0])/inleveren", method: .post,
                headers: [.init("X-CSRF-Token")!: csrf, .cookie: cookie],
                body: ByteBuffer(string: Self.feedbackFile(rating: 1)))
            #expect(twice.status == .notFound)

            // Two colleagues are no group: Ans's report withholds them.
            let done = try await browser.page()
            #expect(done.contains("Je 360°-feedback"))
            var report = try await browser.page("/feedback")
            #expect(report.contains("niet getoond") && !report.contains("Neemt de tijd."))
            #expect(try await handIn(client, rater: raters[2], rating: 4) == .ok)
            report = try await browser.page("/feedback")
            // Mean 3 of the ratings 2, 3 and 4 beside her own 4; with three raters neither their spread (0,82) nor a
            // remark is shown: one of them beside Ans could work out the others' ratings, or tell whose remark it is.
            #expect(report.contains("2.1 daagt de leerling uit: zelf 4, anderen 3</li>"))
            #expect(!report.contains("Neemt de tijd.") && !report.contains("0,82"))
        }
        // Stored under the link's colleague and group, with ids the server chose; no rater's name, no draft, no time
        // and no link left to tie a response to a rater.
        let (responses, _) = try await database.feedback(invitation: ansID, profileID: Self.profileID)
        #expect(responses.count == 3 && responses.allSatisfy { $0.group == .collega && $0.id != "r-zelfgekozen-id" })
        let everything = try await database.reader.read { db in
            try ["feedbackInvitation", "feedbackResponse", "feedbackRating", "feedbackRemark"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\($0)" }
            }
        }.joined(separator: "\n")
        for name in ["Bram", "Carla", "Dirk"] { #expect(!everything.contains(name), "\(name) is stored") }
        #expect(!everything.contains("\"page\""), "a rater's draft is kept after he answered")
        await #expect(try database.feedbackInvitation(tokenHash: Secret.hash(raters[0])) == nil)
        await #expect(
            try app.feedbackRequests(team: "T").map { "\($0.subject) \($0.asked) \($0.answered)" } == [
                "Ans Bakker 3 3"
            ])
    }

    @Test func another_team_cannot_reach_a_colleagues_feedback_and_a_wrong_request_can_be_undone() async throws {
        let ans = try await invite(["Ans Bakker"])[0]
        let ansID = try await app.invitation(token: ans, now: clock.now).invitation.id
        // Another team's account cannot ask about her, and its own "Ans Bakker" is another invitation.
        await #expect(throws: AppError.linkNotValid(nil)) {
            try await raters(about: ansID, team: "Ander team", ["X", "Y", "Z"])
        }
        let twin = try await invite(["Ans Bakker"], team: "Ander team")[0]
        let twinID = try await app.invitation(token: twin, now: clock.now).invitation.id
        let fake = try await raters(about: twinID, team: "Ander team", ["X", "Y", "Z"])
        let real = try await raters(about: ansID, ["Bram de Jong", "Carla Visser", "Dirk Smit"])
        try await account("voorzitter", team: "T")
        let app = app
        let database = database
        try await test { client async throws in
            for token in fake { #expect(try await handIn(client, rater: token, rating: 1) == .ok) }
            for (token, rating) in zip(real, [2, 3, 4]) {
                #expect(try await handIn(client, rater: token, rating: rating) == .ok)
            }
            let browser = try await LinkBrowser.claim(client, ans)
            #expect(
                try await browser.handIn(Self.scanFile(name: "Ans Bakker", consent: "prive", score: 1)).status == .ok)
            let report = try await browser.page("/feedback")
            // Only her own team's three raters (mean 3), never the other team's 1s (mixed in: 2).
            #expect(report.contains("2.1 daagt de leerling uit: zelf 1, anderen 3</li>"))
            #expect(!report.contains("anderen 2") && !report.contains("anderen 1"))

            // A wrong request is undone on the dashboard: its answers go, its links stop working.
            let session = try #require(try await Self.logIn(client, "voorzitter", Self.password).cookie)
            let dashboard = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]).body)
            #expect(dashboard.contains("<option value=\"\(ansID)\">Ans Bakker (voorjaar)</option>"))
            let csrf = try #require(Self.csrf(in: dashboard))
            let request = try await #require(try app.feedbackRequests(team: "T").first)
            let undone = try await client.execute(
                uri: "/dashboard/feedback/\(request.id)/intrekken", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(undone.status == .seeOther)
            await #expect(try database.feedback(invitation: ansID, profileID: Self.profileID).responses.isEmpty)
            // Undone, the request leaves the dashboard's list; its number is said.
            let after = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]).body)
            #expect(!after.contains("/dashboard/feedback/\(request.id)/intrekken") && !after.contains(">ingetrokken<"))
            #expect(after.contains("1 vraag is ingetrokken: haar links werken niet meer"))
            #expect(try await browser.page().contains("Je 360°-feedback") == false)
            // The other team's request is not this account's to undo.
            let theirs = try await #require(try app.feedbackRequests(team: "Ander team").first)
            let crossTeam = try await client.execute(
                uri: "/dashboard/feedback/\(theirs.id)/intrekken", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(crossTeam.status == .notFound)
            await #expect(try database.feedback(invitation: twinID, profileID: Self.profileID).responses.count == 3)
        }
    }

    @Test func raters_links_that_cannot_be_made() async throws {
        let ans = try await invite(["Ans Bakker"])[0]
        let ansID = try await app.invitation(token: ans, now: clock.now).invitation.id
        await #expect(throws: AppError.invitationList("er is één leidinggevende; de lijst noemt er 2")) {
            try await raters(about: ansID, group: .leidinggevende, ["A", "B"])
        }
        await #expect(throws: AppError.invitationList("Ans Bakker kan zichzelf geen feedback geven")) {
            try await raters(about: ansID, ["ans  bakker"])
        }
        await #expect(throws: AppError.invitationList("'bram' staat twee keer in de lijst")) {
            try await raters(about: ansID, ["Bram", "bram"])
        }
        // One leidinggevende per colleague per round; once undone, another may be asked.
        _ = try await raters(about: ansID, group: .leidinggevende, ["Mevrouw de Boer"])
        await #expect(
            throws: AppError.invitationList(
                "Ans Bakker heeft in deze ronde al een leidinggevende; trek die vraag eerst in als het de verkeerde was"
            )
        ) {
            try await raters(about: ansID, group: .leidinggevende, ["Meneer Jansen"])
        }
        let first = try await #require(try app.feedbackRequests(team: "T").first)
        try await app.withdrawRaters(
            first.id, team: "T", profile: Self.library.profile(Self.profileID)!, now: clock.now)
        await #expect(try raters(about: ansID, group: .leidinggevende, ["Meneer Jansen"]).count == 1)
        // Pupils only where the school worded statements for them; the shipped profiles have none.
        await #expect(
            throws: AppError.invitationList(
                "profiel mentor-model2 heeft geen uitspraken voor leerlingen (pupilStatements); zie docs/feedback.md")
        ) {
            try await raters(about: ansID, group: .leerling, ["Sem"])
        }
    }

    @Test func hostile_names_are_text_on_every_page_and_hidden_characters_are_refused() async throws {
        try await account("voorzitter", team: "T")
        let evil = "</script><img src=x onerror=alert(1)>&amp;"
        let token = try await invite([evil])[0]
        await #expect(
            throws: AppError.invitationList(
                "'Bram\\u{202E}kaas' is geen naam van hooguit \(VisibleText.nameLength) tekens zonder onzichtbare tekens"
            )
        ) { try await invite(["Bram\u{202E}kaas"], round: "ander") }
        await #expect(
            throws: AppError.invitationList(
                "'\(String(repeating: "a", count: 60))' is geen naam van hooguit \(VisibleText.nameLength) tekens zonder onzichtbare tekens"
            )
        ) { try await invite([String(repeating: "a", count: 121)], round: "ander") }
        try await test { client async throws in
            let claimPage = String(buffer: try await client.execute(uri: "/s/\(token)", method: .get).body)
            #expect(!claimPage.contains("<img") && claimPage.contains("&lt;/script&gt;&lt;img"))
            let page = try await LinkBrowser.claim(client, token).page()
            // In the form's JSON the name cannot end the script element.
            #expect(!page.contains("</script><img") && page.contains("\\u003c/script\\u003e\\u003cimg"))
            let session = try #require(try await Self.logIn(client, "voorzitter", Self.password).cookie)
            let dashboard = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]).body)
            #expect(!dashboard.contains("<img") && dashboard.contains("&lt;/script&gt;&lt;img"))
        }
    }

    /// Plot writes attribute values as they are: every value a user or a school sets is fed `"'<>&` and a markup
    /// payload, and no page may carry the payload as markup.
    @Test func every_value_a_user_sets_is_escaped_on_every_page() async throws {
        let payload = #"x"><meta http-equiv="refresh" content="0;url=https://kwaad.example">'&"#
        let team = "Team " + payload
        try await account("voorzitter", team: team)
        try await test { client async throws in
            var pages: [String: String] = [:]
            let session = try #require(try await Self.logIn(client, "voorzitter", Self.password).cookie)
            let dashboard = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]).body)
            let csrf = try #require(Self.csrf(in: dashboard))
            let opened = try await client.execute(
                uri: "/dashboard/ronde", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: LinkBrowser.form([
                    ("csrf", csrf), ("ronde", "ronde " + payload), ("profiel", Self.profileID),
                    ("namen", "Ans " + payload + "\nBram " + payload + "\nCarla " + payload),
                ]))
            pages["links"] = String(buffer: opened.body)
            #expect(opened.status == .ok)
            let tokens = pages["links"]!.components(separatedBy: "https://lob.school.example/s/").dropFirst().map {
                String($0.prefix(43))
            }
            #expect(tokens.count == 3)
            pages["claim"] = String(buffer: try await client.execute(uri: "/s/\(tokens[0])", method: .get).body)
            var browsers: [LinkBrowser] = []
            for token in tokens { browsers.append(try await LinkBrowser.claim(client, token)) }
            pages["unlock"] = String(buffer: try await client.execute(uri: "/s/\(tokens[0])", method: .get).body)
            pages["scan"] = try await browsers[0].page()
            for browser in browsers {
                #expect(try await browser.handIn(Self.scanFile(name: "x", consent: "anoniem")).status == .ok)
            }
            pages["handed in"] = try await browsers[0].page()
            pages["report"] = try await browsers[0].page("/uitslag")
            pages["plan"] = try await browsers[0].page("/plan")
            pages["dashboard"] = String(
                buffer: try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]).body)
            let round = ("ronde " + payload).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            for (name, path) in [("team report", "teamoverzicht"), ("team plan", "teamplan")] {
                pages[name] = String(
                    buffer: try await client.execute(
                        uri: "/dashboard/\(path)?ronde=\(round)", method: .get, headers: [.cookie: session]
                    ).body)
            }
            #expect(pages["dashboard"]!.contains("Sluit ronde"))
            for (name, html) in pages {
                // In text a `"` is harmless; as markup, or inside an attribute's quotes, it is not.
                #expect(!html.contains("<meta http-equiv=\"refresh"), "\(name)")
                #expect(!html.contains("=\"x\">"), "\(name)")
            }
        }
    }

    @Test func a_scan_after_a_same_day_withdrawal_is_refused_not_shown_as_counting() async throws {
        // Ans counted anonymously in the autumn; in the spring she hands in privé, which withdraws her from the
        // team, deletes that and hands in anonymously the same day: the team may not count it, and she is told.
        let autumn = try await invite(["Ans Bakker", "Bram de Jong", "Carla Visser"], round: "najaar")[0]
        let spring = try await invite(["Ans Bakker"], round: "voorjaar")[0]
        let database = database
        try await test { client async throws in
            let (autumnBrowser, springBrowser) = (
                try await LinkBrowser.claim(client, autumn), try await LinkBrowser.claim(client, spring)
            )
            func handIn(_ browser: LinkBrowser, _ consent: String) async throws -> TestResponse {
                try await browser.handIn(Self.scanFile(name: "Ans Bakker", consent: consent))
            }
            #expect(try await handIn(autumnBrowser, "anoniem").status == .ok)
            #expect(try await handIn(springBrowser, "prive").status == .ok)
            await #expect(try database.currentScans(team: "T", round: "najaar").isEmpty)
            let csrf = try #require(Self.csrf(in: try await springBrowser.page()))
            let deleted = try await springBrowser.submit("/verwijderen", [("csrf", csrf), ("zeker", "ja")])
            #expect(deleted.status == .seeOther)
            let again = try await handIn(springBrowser, "anoniem")
            #expect(again.status == .conflict && String(buffer: again.body).contains("pas vanaf morgen"))
            // Still not handed in: the link opens the scan, not "ingeleverd".
            let page = try await springBrowser.page()
            #expect(!page.contains("Je scan is ingeleverd"))
        }
        await #expect(try database.currentScans(team: "T", round: "voorjaar").isEmpty)
    }
}
