import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import LOBApp
import LOBCore
import LOBForm
import LOBFormats
import LOBRender
import Logging
import NIOCore

/// `lob serve`: a team's scan round in the browser (docs/serve.md). Every route calls the application core
/// (`LOBApp`), as `lob` does; the colleague's pages are `lob form`'s, saving each answer here instead of in the
/// browser.
///
/// - `/s/TOKEN…`: a colleague's personal link: his scan, his report and plan, his scan file, deleting it.
/// - `/inloggen`, `/dashboard…`, `/uitloggen`: the teamvoorzitter's dashboard, behind a login.
public struct LOBServer: Sendable {
    let app: LOBApp
    let configuration: ServeConfiguration
    let logger: Logger
    /// A bcrypt hash of a secret nobody knows: an unknown login is checked against it, taking as long as a real one.
    let decoy: String

    public init(app: LOBApp, configuration: ServeConfiguration, logger: Logger = Logger(label: "lob-serve")) {
        self.app = app
        self.configuration = configuration
        self.logger = logger
        decoy = Bcrypt.hash(Secret.make(), cost: configuration.bcryptCost)
    }

    /// The password's slow hash, for `lob serve account`.
    public static func hashPassword(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verifyPassword(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// The web application, for `runService()` (which stops gracefully on SIGTERM and SIGINT: requests under way
    /// finish, every answer already saved is in the database) or for in-process tests.
    public func application(
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    )
        -> some ApplicationProtocol
    {
        Application(
            responder: HeadAsGet(base: router().buildResponder()),
            // A connection that sends no complete request head for this long is closed: half-sent requests cannot
            // exhaust the server's file descriptors.
            server: .http1(configuration: .init(idleTimeout: .seconds(configuration.readTimeout))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: onServerRunning, logger: logger)
    }

    public func router() -> Router<ServeContext> {
        let router = Router(context: ServeContext.self)
        router.middlewares.add(Guard(server: self))
        router.get("/") { _, _ in Self.page(Pages.landing()) }
        router.get("/stijl.css") { _, _ in Self.stylesheet() }
        // Browsers ask for it on every site; there is none.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent, headers: [.cacheControl: "max-age=86400"]) }
        router.get("/gezond", use: health)
        colleagueRoutes(router)
        logbookRoutes(router)
        raterRoutes(router)
        dashboardRoutes(router)
        return router
    }

    /// For a proxy's health check: 200 while this server and its database answer, 503 otherwise (the proxy then
    /// sends colleagues to another server). It says nothing else.
    @Sendable func health(_ request: Request, _ context: ServeContext) async -> Response {
        let answers = await app.databaseAnswers()
        return Response(
            status: answers ? .ok : .serviceUnavailable,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: answers ? "ok\n" : "database antwoordt niet\n")))
    }

    // MARK: - Responses

    static let ownPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func page(_ html: String, status: HTTPResponse.Status = .ok, policy: String = ownPolicy) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        headers[.contentSecurityPolicy] = policy
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A document rendered elsewhere (a report, the scan form): its own inline style and script are allowed by
    /// their hashes, nothing else inline (no `unsafe-inline`).
    static func document(_ html: String, connect: Bool = false) -> Response {
        page(html, policy: inlinePolicy(html, connect: connect))
    }

    static func inlinePolicy(_ html: String, connect: Bool) -> String {
        func hashes(_ tag: String) -> [String] {
            var result: [String] = []
            var rest = html[...]
            while let open = rest.range(of: "<\(tag)>"), let close = rest[open.upperBound...].range(of: "</\(tag)>") {
                let body = rest[open.upperBound..<close.lowerBound]
                result.append("'\(ScanForm.hash(String(body)))'")
                rest = rest[close.upperBound...]
            }
            return result
        }
        let scripts = hashes("script")
        let styles = hashes("style")
        return [
            "default-src 'none'", scripts.isEmpty ? nil : "script-src \(scripts.joined(separator: " "))",
            "style-src 'self'" + (styles.isEmpty ? "" : " " + styles.joined(separator: " ")), "img-src 'self' data:",
            connect ? "connect-src 'self'" : nil, "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
        ].compactMap { $0 }.joined(separator: "; ")
    }

    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// Read once: it is the same for every page.
    static let css =
        Bundle.module.url(forResource: "serve", withExtension: "css").flatMap {
            try? String(contentsOf: $0, encoding: .utf8)
        } ?? ""

    static func stylesheet() -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: css)))
    }

    /// The application core's refusals as pages; anything else is logged by its type only (never its text, which
    /// may hold a name) and answered with 500.
    func failure(_ error: any Error, context: ServeContext) -> Response {
        switch error {
        case AppError.linkNotValid(let state?):
            let why =
                switch state {
                case .expired: "Deze link is verlopen."
                case .revoked: "Deze link is ingetrokken: er is een nieuwe gemaakt, of de uitnodiging is vervallen."
                case .closed: "Deze ronde is gesloten."
                case .active: ""
                }
            return Self.page(
                Pages.message("Link werkt niet meer", why + " Vraag je teamvoorzitter om een nieuwe link."),
                status: .gone)
        case AppError.linkNotValid(nil):
            return Self.page(
                Pages.message(
                    "Link onbekend",
                    "Deze link kennen we niet. Controleer of je hem helemaal hebt overgenomen, of vraag je teamvoorzitter om een nieuwe."
                ), status: .notFound)
        case AppError.forbidden:
            return Self.page(
                Pages.message(
                    "Niet toegestaan", "Dit verzoek kwam niet van een pagina van LOB-spiegel. Laad de pagina opnieuw."),
                status: .forbidden)
        case AppError.linkClaimed:
            return Self.page(
                Pages.message(
                    "Link al in gebruik",
                    "Iemand heeft deze link net in gebruik genomen. Open de link opnieuw: was jij het, vul dan je persoonlijke code in."
                ), status: .conflict)
        case AppError.alreadyFinished:
            return Self.text("Dit is al ingeleverd.", status: .conflict)
        case AppError.notNewerThanWithdrawal:
            return Self.text(
                "Je hebt je vandaag met een privé-scan teruggetrokken uit het team; een nieuwe scan kan pas vanaf morgen meetellen. Kies nu privé, of lever morgen opnieuw in.",
                status: .conflict)
        case AppError.noSuchRound, AppError.noSuchTeam, AppError.noTeamRounds:
            return Self.page(
                Pages.message(
                    "Nog niets te zien", "Voor deze ronde is nog geen scan ingeleverd.", link: ("/dashboard", "Terug")),
                status: .notFound)
        case AppError.badLabel:
            return Self.page(
                Pages.message(
                    "Naam niet in orde",
                    "Een naam van een team of ronde is één regel zichtbare tekst van hooguit \(LOBApp.labelLength) tekens.",
                    link: ("/dashboard", "Terug")), status: .badRequest)
        case AppError.invitationList(let why):
            return Self.page(
                Pages.message("De lijst met namen", "Niet gelukt: \(why).", link: ("/dashboard", "Terug")),
                status: .badRequest)
        case StoreError.busy:
            return Self.page(
                Pages.message(
                    "Even druk", "Er wordt nu veel tegelijk opgeslagen. Probeer het over een paar seconden opnieuw."),
                status: .serviceUnavailable)
        case let error as FormatError:
            return Self.text("Je scan is niet in orde:\n\(error.description)", status: .unprocessableContent)
        case is NIOTooManyBytesError:
            return Self.text("Te groot.", status: .contentTooLarge)
        case let error as HTTPError where error.status == .notFound:
            return Self.page(
                Pages.message("Niet gevonden", "Deze pagina bestaat niet.", link: ("/", "Naar het begin")),
                status: .notFound)
        case let error as HTTPError:
            let why: String =
                switch error.status {
                case .contentTooLarge: "Te groot."
                case .methodNotAllowed: "Dat kan op deze pagina niet."
                case .requestTimeout: "Het verzoek kwam te langzaam binnen."
                default: "Dit verzoek kan niet worden verwerkt."
                }
            return Self.text(why, status: error.status)
        case is DecodingError:
            return Self.text("Het formulier is niet in orde.", status: .badRequest)
        default:
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))"])
            return Self.page(
                Pages.message(
                    "Er ging iets mis", "Probeer het zo nog eens. Blijft het misgaan, meld het dan je teamvoorzitter."),
                status: .internalServerError)
        }
    }

    // MARK: - The client and the failure limit

    /// The client's address: the peer's, or behind one of the named proxies the right-most hop of `X-Forwarded-For`.
    func client(_ request: Request, _ context: ServeContext) -> String {
        let peer = context.peer ?? "onbekend"
        guard configuration.proxies.contains(peer), let forwarded = request.headers[.init("X-Forwarded-For")!] else {
            return peer
        }
        let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return last.isEmpty || last.count > 64 ? peer : last
    }

    /// Guessing links: counted per address, and refused only for links that open nothing, so that one guesser behind
    /// a school's NAT never locks his colleagues out of their own links.
    func guessKey(_ request: Request, _ context: ServeContext) -> AttemptKey {
        .init(name: "raden:" + client(request, context), limit: configuration.failureLimit)
    }

    /// A personal code: per link, whoever tries, and per address over all links.
    func codeKeys(_ request: Request, _ context: ServeContext, invitation: Int64) -> [AttemptKey] {
        [
            .init(name: "code:\(invitation)", limit: configuration.failureLimit),
            .init(name: "code-adres:" + client(request, context), limit: configuration.failureLimit * 3),
        ]
    }

    /// A login: per login, whoever tries, and per address over all logins.
    func loginKeys(_ request: Request, _ context: ServeContext, login: String) -> [AttemptKey] {
        [
            .init(name: "login:" + login.lowercased(), limit: configuration.failureLimit),
            .init(name: "login-adres:" + client(request, context), limit: configuration.failureLimit * 3),
        ]
    }

    static let tooMany = text(
        "Te veel mislukte pogingen. Probeer het over tien minuten opnieuw.", status: .tooManyRequests)

    /// A slow check (bcrypt takes a quarter of a second on purpose), off the server's own threads.
    static func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// A request body as text, refused above the limit, and when it takes longer than the read timeout to arrive.
    func body(_ request: Request) async throws -> String {
        let (limit, seconds) = (configuration.maxBody, configuration.readTimeout)
        let buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await request.body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw HTTPError(.requestTimeout)
            }
            return buffer
        }
        return String(buffer: buffer)
    }

    /// The body of a state-changing request from a link's page: its `X-CSRF-Token` must be the link's.
    func checkedBody(_ request: Request, csrf: String) async throws -> String {
        try LOBApp.checkCSRF(request.headers[.init("X-CSRF-Token")!], expected: csrf)
        return try await body(request)
    }

    /// A link page's state as it saves it after an answer: a JSON object, or nil for anything else.
    func draft(_ request: Request, csrf: String) async throws -> String? {
        let draft = try await checkedBody(request, csrf: csrf)
        return (try? JSONSerialization.jsonObject(with: Data(draft.utf8))) is [String: Any] ? draft : nil
    }

    static let notADraft = text("Verwacht de antwoorden als JSON-object.", status: .badRequest)

    /// Today in the Netherlands: the date a handed-in scan gets.
    func today() -> SchoolDate { Self.day(configuration.now()) }

    /// The Dutch calendar day of a moment (seconds since 1970).
    static func day(_ seconds: Int64) -> SchoolDate {
        SchoolDate.day(
            of: Date(timeIntervalSince1970: TimeInterval(seconds)),
            in: TimeZone(identifier: "Europe/Amsterdam") ?? .current)
    }
}

/// HEAD is GET without the body, for every page: routes are found by method, so the request is asked as GET.
struct HeadAsGet<Base: HTTPResponder>: HTTPResponder {
    let base: Base

    func respond(to request: Request, context: Base.Context) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        response.body = .init()
        return response
    }
}

/// Around every request: the security headers, a response for every error, and a log line without personal data
/// (method, the route's pattern — never the path, which holds a link's token — status and time).
struct Guard: RouterMiddleware {
    typealias Context = ServeContext
    let server: LOBServer

    func handle(
        _ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = server.failure(error, context: context)
        }
        var headers = response.headers
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = LOBServer.ownPolicy }
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
        if server.configuration.secureCookies {
            headers[.init("Strict-Transport-Security")!] = "max-age=31536000"
        }
        response.headers = headers
        let elapsed = ContinuousClock.now - start
        context.logger.info(
            "\(request.method) \(context.endpointPath ?? "(geen route)") \(response.status.code)",
            metadata: [
                "ms": "\(elapsed.components.attoseconds / 1_000_000_000_000_000 + elapsed.components.seconds * 1000)"
            ])
        return response
    }
}
