import Foundation
import LOBCore

/// The school's own mail server, through which `lob serve` and `lob team round open --mail` send each colleague his
/// link, so that the teamvoorzitter never needs to see one. Given as a URL (docs/serve.md, "Links per mail"):
///
/// - `smtp://gebruiker@mail.school.nl:587`: STARTTLS, required (the usual submission port);
/// - `smtps://gebruiker@mail.school.nl:465`: TLS from the first byte;
/// - `smtp+onversleuteld://127.0.0.1:25`: no TLS, for a relay on this machine only (refused for any other host).
///
/// The password never goes on the command line: it comes from `LOB_SMTP_PASSWORD`.
public struct MailServer: Sendable, Hashable {
    public enum Security: String, Sendable, Hashable {
        case startTLS, tls, none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var user: String?
    public var password: String?
    /// The sender's address: the school's, for example `lob@school.nl`.
    public var from: String
    /// A PEM file of certificates to trust beside the system's (a school's own CA); nil: the system's only.
    public var trustedCertificates: String?
    /// How long the whole conversation may take, per message and for the greeting.
    public var timeout: Duration = .seconds(20)

    public init(url: String, password: String?, from: String, trustedCertificates: String? = nil) throws(MailError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw .badURL(
                "verwacht smtp://gebruiker@server:587, smtps://gebruiker@server:465 of smtp+onversleuteld://127.0.0.1:25"
            )
        }
        switch scheme {
        case "smtp": (security, port) = (.startTLS, components.port ?? 587)
        case "smtps": (security, port) = (.tls, components.port ?? 465)
        case "smtp+onversleuteld":
            guard Self.isLoopback(host) else {
                throw .badURL("zonder versleuteling alleen naar een mailserver op deze computer (127.0.0.1)")
            }
            (security, port) = (.none, components.port ?? 25)
        default:
            throw .badURL("onbekend schema '\(scheme)': verwacht smtp, smtps of smtp+onversleuteld")
        }
        guard components.password == nil else {
            throw .badURL("zet het wachtwoord niet in de URL maar in LOB_SMTP_PASSWORD")
        }
        guard MailAddress.isValid(from) else { throw .badAddress(from) }
        self.host = host
        user = components.user.flatMap { $0.removingPercentEncoding ?? $0 }
        self.password = password
        self.from = from
        self.trustedCertificates = trustedCertificates
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}

/// What went wrong with the mail server, in words for the user; nothing is sent when the conversation fails before
/// the first message.
public enum MailError: Error, Equatable, Sendable, CustomStringConvertible {
    case badURL(String)
    case badAddress(String)
    /// No connection within the timeout, or refused.
    case unreachable(String)
    case timeout
    /// TLS could not be set up (a certificate not trusted, a server without STARTTLS).
    case tls(String)
    /// The server said no: its code and what we asked.
    case refused(code: Int, step: String)
    /// The server closed the connection mid-conversation.
    case closed

    public var description: String {
        switch self {
        case .badURL(let why): "de mailserver: \(why)"
        case .badAddress(let address): "'\(address)' is geen e-mailadres"
        case .unreachable(let host): "de mailserver \(host) is niet bereikbaar"
        case .timeout: "de mailserver antwoordde niet op tijd"
        case .tls(let why): "geen versleutelde verbinding met de mailserver: \(why)"
        case .refused(let code, let step):
            switch code {
            case 535, 534, 530: "de mailserver weigerde de inlog (\(code)): klopt LOB_SMTP_PASSWORD?"
            default: "de mailserver weigerde '\(step)' (code \(code))"
            }
        case .closed: "de mailserver verbrak de verbinding"
        }
    }
}
