import Foundation
import LOBFormats
import NIOCore

/// Why `lob serve` could not start listening, in the words of the person who started it: SwiftNIO reports a taken
/// port as "bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)" and an unknown name as
/// "SocketAddressError.UnknownHost".
public enum StartProblem {
    static func unknownHost(_ host: String) -> String {
        "het adres '\(Excerpt.visible(host))' van --host is onbekend: geef een IP-adres (127.0.0.1, 0.0.0.0) of een naam die deze computer kent"
    }

    /// The reason and what to do, or `nil` for an error that is not about the address.
    public static func wording(_ error: any Error, host: String, port: Int) -> String? {
        if error is SocketAddressError.UnknownHost {
            return unknownHost(host)
        }
        if let error = error as? SocketAddressError {
            switch error {
            case .unknown: return unknownHost(host)
            default:
                return "het adres '\(Excerpt.visible(host))' van --host is geen adres om op te luisteren"
            }
        }
        guard let error = error as? IOError else { return nil }
        switch error.errnoCode {
        case EADDRINUSE:
            return
                "poort \(port) is al in gebruik (draait lob serve al, of een ander programma?): kies een andere met --port"
        case EADDRNOTAVAIL:
            return
                "het adres \(Excerpt.visible(host)) hoort niet bij deze computer: kies er een van deze computer met --host (127.0.0.1 voor alleen deze computer, 0.0.0.0 voor het netwerk)"
        case EACCES:
            return
                "geen toestemming om op poort \(port) te luisteren (poorten onder 1024 alleen met beheerdersrechten): kies bijvoorbeeld --port 8080 achter een proxy"
        default:
            return "kan niet luisteren op \(Excerpt.visible(host)):\(port): \(SystemError.dutch(error.errnoCode))"
        }
    }
}
