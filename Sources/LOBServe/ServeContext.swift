import Hummingbird
import NIOCore

/// What a request carries through the server: the client's address, for the failure limit.
public struct ServeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's address; nil in in-process tests.
    public let peer: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are small: the form's state, a scan file, a login. Larger is refused with 413.
    public var maxUploadSize: Int { 64 * 1024 }
}
