import Foundation
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

/// The web layer as an attacker meets it: many guesses at once, a forged `X-Forwarded-For`, half-sent requests,
/// a hand-in sent twice at the same moment, HEAD, and passwords that bcrypt would cut short.
struct WebLayerTests {
    let database: LOBDatabase
    let app: LOBApp
    let clock = ServeTests.TestClock()

    init() async throws {
        database = try LOBDatabase.inMemory()
        app = LOBApp(store: database)
        try await app.createAccount(login: "voorzitter", team: "T", password: ServeTests.password) {
            LOBServer.hashPassword($0, cost: 4)
        }
    }

    func server(_ change: (inout ServeConfiguration) -> Void = { _ in }) -> LOBServer {
        var configuration = ServeConfiguration(
            profile: { ServeTests.library.profile($0) }, activities: { _ in nil })
        configuration.bcryptCost = 4
        configuration.failureLimit = 5
        let clock = clock
        configuration.now = { clock.now }
        change(&configuration)
        return LOBServer(app: app, configuration: configuration)
    }

    static func wrongLogin(
        _ client: any TestClientProtocol, login: String = "voorzitter", forwardedFor: String? = nil
    )
        async throws -> HTTPResponse.Status
    {
        let page = try await client.execute(uri: "/inloggen", method: .get)
        let csrf = try #require(ServeTests.csrf(in: String(buffer: page.body)))
        let cookie = try #require(LinkBrowser.cookie(page, "lob_inloggen"))
        var headers = LinkBrowser.formType
        headers[.cookie] = cookie
        if let forwardedFor { headers[HTTPField.Name("X-Forwarded-For")!] = forwardedFor }
        return try await client.execute(
            uri: "/inloggen", method: .post, headers: headers,
            body: LinkBrowser.form([("csrf", csrf), ("login", login), ("wachtwoord", "fout wachtwoord")])
        ).status
    }

    @Test func thirty_wrong_logins_at_once_get_no_more_password_checks_than_the_limit() async throws {
        try await server().application().test(.router) { client async throws in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<30 { group.addTask { try await Self.wrongLogin(client) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Each 401 is a password that bcrypt checked; the rest were refused before it ran.
            #expect(statuses.filter { $0 == .unauthorized }.count == 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 25)
        }
    }

    @Test func a_login_is_limited_per_login_whatever_the_address_and_the_right_password_still_needs_the_window()
        async throws
    {
        try await server().application().test(.router) { client async throws in
            for _ in 0..<5 { #expect(try await Self.wrongLogin(client) == .unauthorized) }
            #expect(try await Self.wrongLogin(client) == .tooManyRequests)
            // Another login from the same address is still checked (the address has a limit of its own, higher).
            #expect(try await Self.wrongLogin(client, login: "iemand") == .unauthorized)
        }
    }

    @Test func forwarded_for_is_believed_only_from_a_named_proxy_and_only_its_own_hop() async throws {
        let tokens = try await app.openRound(
            team: "T", round: "r", profileID: ServeTests.profileID, names: ["Ans Bakker"], now: clock.now)
        // No proxy named: rotating X-Forwarded-For does not escape the limit on guessing links.
        try await server().application().test(.live) { client async throws in
            for index in 0..<5 {
                let guess = try await client.execute(
                    uri: "/s/\(Secret.make())", method: .get,
                    headers: [HTTPField.Name("X-Forwarded-For")!: "10.0.0.\(index)"])
                #expect(guess.status == .notFound)
            }
            let rotated = try await client.execute(
                uri: "/s/\(Secret.make())", method: .get, headers: [HTTPField.Name("X-Forwarded-For")!: "10.0.0.99"])
            #expect(rotated.status == .tooManyRequests)
            // The real link still opens from the same address.
            #expect(try await client.execute(uri: "/s/\(tokens[0].token)", method: .get).status == .ok)
        }
        // Behind a named proxy: the right-most hop is the client; what a client wrote left of it is not.
        try await server { $0.proxies = ["127.0.0.1", "::1"] }.application().test(.live) { client async throws in
            for index in 0..<5 {
                let guess = try await client.execute(
                    uri: "/s/\(Secret.make())", method: .get,
                    headers: [HTTPField.Name("X-Forwarded-For")!: "192.0.2.\(index), 198.51.100.7"])
                #expect(guess.status == .notFound)
            }
            let spoofed = try await client.execute(
                uri: "/s/\(Secret.make())", method: .get,
                headers: [HTTPField.Name("X-Forwarded-For")!: "192.0.2.200, 198.51.100.7"])
            #expect(spoofed.status == .tooManyRequests)
            // Another client behind the same proxy is his own address.
            let other = try await client.execute(
                uri: "/s/\(Secret.make())", method: .get, headers: [HTTPField.Name("X-Forwarded-For")!: "198.51.100.8"])
            #expect(other.status == .notFound)
        }
    }

    @Test func a_half_sent_request_is_closed_after_the_read_timeout() async throws {
        try await server { $0.readTimeout = 1 }.application().test(.live) { client async throws in
            let port = try #require(client.port)
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            try socket.send("GET /stijl.css HTTP/1.1\r\nHost: x\r\nX-Traag: ")
            let started = ContinuousClock.now
            // The server closes the connection: recv returns 0 (end of stream), well before our own 6 s limit.
            let received = socket.receive(timeoutSeconds: 6)
            #expect(received == 0, "received \(received)")
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test func head_answers_like_get_without_a_body() async throws {
        let token = try await app.openRound(
            team: "T", round: "r", profileID: ServeTests.profileID, names: ["Ans Bakker"], now: clock.now)[0].token
        try await server().application().test(.router) { client async throws in
            for uri in ["/", "/stijl.css", "/inloggen", "/s/\(token)"] {
                let head = try await client.execute(uri: uri, method: .head)
                #expect(head.status == .ok && head.body.readableBytes == 0, "\(uri)")
                #expect(head.headers[.contentSecurityPolicy] != nil, "\(uri)")
            }
            #expect(try await client.execute(uri: "/s/\(Secret.make())", method: .head).status == .notFound)
        }
    }

    @Test func a_hand_in_sent_twice_at_once_is_taken_once() async throws {
        let token = try await app.openRound(
            team: "T", round: "r", profileID: ServeTests.profileID, names: ["Ans Bakker"], now: clock.now)[0].token
        let database = database
        try await server().application().test(.router) { client async throws in
            let browser = try await LinkBrowser.claim(client, token)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for consent in ["anoniem", "metNaam", "anoniem", "metNaam"] {
                    group.addTask {
                        try await browser.handIn(ServeTests.scanFile(name: "Ans Bakker", consent: consent)).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .conflict }.count == 3)
        }
        await #expect(try database.currentScans(team: "T", round: "r").count == 1)
    }

    @Test func a_password_bcrypt_would_cut_short_is_refused() async throws {
        let long = String(repeating: "w", count: 73)
        await #expect(throws: AppError.password(.tooLong)) {
            try await app.createAccount(login: "lang", team: "T", password: long) {
                LOBServer.hashPassword($0, cost: 4)
            }
        }
        await #expect(throws: AppError.password(.tooShort)) {
            try await app.createAccount(login: "kort", team: "T", password: "kort") {
                LOBServer.hashPassword($0, cost: 4)
            }
        }
        // An account made with 72 bytes does not open with those 72 bytes and more.
        let exact = String(repeating: "w", count: 72)
        try await app.createAccount(login: "precies", team: "T", password: exact) {
            LOBServer.hashPassword($0, cost: 4)
        }
        let verify: (String, String?) -> Bool = { password, hash in
            guard let hash else { return false }
            return LOBServer.verifyPassword(password, hash: hash)
        }
        await #expect(try app.logIn(login: "precies", password: exact, verify: verify, now: 1) != nil)
        await #expect(try app.logIn(login: "precies", password: exact + "extra", verify: verify, now: 1) == nil)
    }
}

/// A plain TCP connection, for what a test client would never send: half a request.
final class RawSocket {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(descriptor, bytes, bytes.count, 0) == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// What recv returns within the time: 0 when the peer closed, -1 on a timeout.
    func receive(timeoutSeconds: Int) -> Int {
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        return recv(descriptor, &buffer, buffer.count, 0)
    }

    func close() { _ = Glibc.close(descriptor) }
}
