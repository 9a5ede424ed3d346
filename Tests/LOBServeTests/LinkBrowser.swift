import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A colleague's browser on his personal link, as the in-process tests drive it: it claims the link with a code (or
/// unlocks it with one), keeps the cookie the server binds it with, and sends the page's CSRF token.
struct LinkBrowser {
    let client: any TestClientProtocol
    let token: String
    /// `lob_link=…`, as the browser sends it back.
    let cookie: String
    /// The token of the scan page (the form's JSON) or the page after handing in.
    let csrf: String

    static let code = "mijn eigen code"

    /// The cookie a response sets, as a `Cookie` header value.
    static func cookie(_ response: TestResponse, _ name: String) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }.flatMap {
            $0.split(separator: ";").first.map(String.init)
        }
    }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(
            string: fields.map {
                "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }.joined(separator: "&"))
    }

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Opens an unclaimed link and claims it with `code`.
    static func claim(
        _ client: any TestClientProtocol, _ token: String, code: String = LinkBrowser.code
    ) async throws -> LinkBrowser {
        let first = try await client.execute(uri: "/s/\(token)", method: .get)
        let html = String(buffer: first.body)
        #expect(html.contains("Kies je persoonlijke code"), "not a link to claim: \(html.prefix(300))")
        let csrf = try #require(ServeTests.csrf(in: html))
        let claimed = try await client.execute(
            uri: "/s/\(token)/code", method: .post, headers: formType,
            body: form([("csrf", csrf), ("code", code), ("nogmaals", code)]))
        #expect(claimed.status == .seeOther, "\(String(buffer: claimed.body))")
        return try await bound(client, token, response: claimed)
    }

    /// Opens a claimed link in a new browser with `code`; nil when the server refused it (and the response).
    static func unlock(
        _ client: any TestClientProtocol, _ token: String, code: String
    ) async throws -> (browser: LinkBrowser?, response: TestResponse) {
        let page = String(buffer: try await client.execute(uri: "/s/\(token)", method: .get).body)
        let csrf = try #require(ServeTests.csrf(in: page))
        let response = try await client.execute(
            uri: "/s/\(token)/openen", method: .post, headers: formType, body: form([("csrf", csrf), ("code", code)]))
        guard response.status == .seeOther else { return (nil, response) }
        return (try await bound(client, token, response: response), response)
    }

    private static func bound(
        _ client: any TestClientProtocol, _ token: String, response: TestResponse
    ) async throws -> LinkBrowser {
        let cookie = try #require(Self.cookie(response, "lob_link"))
        let setCookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("lob_link=") })
        #expect(setCookie.contains("Path=/s/\(token)") && setCookie.contains("HttpOnly"))
        let page = try await client.execute(uri: "/s/\(token)", method: .get, headers: [.cookie: cookie])
        let csrf = try #require(ServeTests.csrf(in: String(buffer: page.body)))
        return LinkBrowser(client: client, token: token, cookie: cookie, csrf: csrf)
    }

    func get(_ path: String = "") async throws -> TestResponse {
        try await client.execute(uri: "/s/\(token)\(path)", method: .get, headers: [.cookie: cookie])
    }

    func page(_ path: String = "") async throws -> String {
        String(buffer: try await get(path).body)
    }

    /// A request of the scan page's script: the link's cookie and the page's CSRF token.
    func send(
        _ path: String, _ method: HTTPRequest.Method, _ body: String, csrf: String? = nil
    ) async throws
        -> TestResponse
    {
        try await client.execute(
            uri: "/s/\(token)\(path)", method: method,
            headers: [.cookie: cookie, .init("X-CSRF-Token")!: csrf ?? self.csrf], body: ByteBuffer(string: body))
    }

    func handIn(_ scanFile: String) async throws -> TestResponse {
        try await send("/inleveren", .post, scanFile)
    }

    /// A form on one of his pages (deleting his scan).
    func submit(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = Self.formType
        headers[.cookie] = cookie
        return try await client.execute(
            uri: "/s/\(token)\(path)", method: .post, headers: headers, body: Self.form(fields))
    }
}
