import Foundation
import LOBApp
import LOBCore
import LOBMail

/// How `lob serve` runs: where it listens, the address colleagues reach it at, and its limits. The defaults are
/// LOB-spiegel's; a school sets its own with `lob serve`'s options (docs/serve.md).
public struct ServeConfiguration: Sendable {
    /// Only this machine, unless a school says otherwise.
    public var host = "127.0.0.1"
    public var port = 8080
    /// The address in the links (`https://lob.school.nl`): behind a reverse proxy, the proxy's. With https, every
    /// cookie is `Secure`.
    public var publicURL = "http://127.0.0.1:8080"
    public var linkDays = LOBApp.defaultLinkDays
    /// How long a colleague's link stays valid after he handed in: his logbook lives behind it.
    public var logbookDays = LOBApp.defaultLogbookDays
    public var sessionHours = 8
    /// bcrypt's cost for the dashboard's passwords: 2^cost rounds.
    public var bcryptCost: UInt8 = 12
    /// The largest request body: a scan's state is a few kilobytes.
    public var maxBody = 64 * 1024
    /// Failed links or logins from one address within `failureWindow` seconds, before it is refused for a while.
    public var failureLimit = 10
    public var failureWindow: Int64 = 600
    /// The reverse proxies in front of the server, by address: for a request from one of them the client is the
    /// right-most address of `X-Forwarded-For` (the one the proxy added; anything left of it the client could have
    /// written himself). From any other peer the header is ignored.
    public var proxies: Set<String> = []
    /// How long a client may take to send a request's head, and how long a connection may stay idle, in seconds:
    /// half-sent requests cannot hold the server's connections.
    public var readTimeout: Int64 = 15
    /// Seconds since 1970; tests move it.
    public var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    /// The school's mail server: with it, links are mailed to each person's own address and not shown.
    public var mail: MailServer?
    /// The profiles a round may use, by id.
    public var profile: @Sendable (String) -> Profile?
    /// The profile the dashboard offers first for a new round.
    public var defaultProfileID = "loopbaanbegeleider-vmbo"
    /// Every profile a round may use, for the dashboard's choice.
    public var profiles: @Sendable () -> [Profile] = { [] }
    /// The school's catalogue of activity forms for a profile's plans.
    public var activities: @Sendable (Profile?) -> ActivityCatalogue?

    public init(
        profile: @escaping @Sendable (String) -> Profile?,
        activities: @escaping @Sendable (Profile?) -> ActivityCatalogue?
    ) {
        self.profile = profile
        self.activities = activities
    }

    var secureCookies: Bool { publicURL.lowercased().hasPrefix("https://") }

    /// A colleague's personal link (`/s/`), or a rater's (`/f/`).
    public func link(_ token: String, path: String = "/s/") -> String {
        Self.link(token, path: path, at: publicURL)
    }

    /// A personal link on a server reached at `publicURL`: what `lob team round open` prints without a server.
    public static func link(_ token: String, path: String, at publicURL: String) -> String {
        (publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL) + path + token
    }
}
