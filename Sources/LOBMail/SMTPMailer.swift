import Foundation
import LOBCore
import NIOCore
import NIOPosix
import NIOSSL

/// Sends mail through the school's mail server over SMTP (RFC 5321, with STARTTLS of RFC 3207 and AUTH PLAIN or
/// LOGIN of RFC 4954), on SwiftNIO: nothing blocks a thread, so `lob serve` can mail from a request. One conversation
/// per batch; the password is sent only over TLS (or to a relay on this machine).
public struct SMTPMailer: Sendable {
    public let server: MailServer

    public init(server: MailServer) {
        self.server = server
    }

    /// Connects, secures the connection, logs in and says goodbye: whether the server will take our mail, asked before
    /// anything is made that would need it.
    public func check() async throws(MailError) {
        _ = try await send([])
    }

    /// Sends the messages in one conversation. Throws when the conversation fails before the first message (then
    /// nothing was sent); otherwise per message nil when the server took it, or why it did not.
    public func send(_ messages: [MailMessage]) async throws(MailError) -> [MailError?] {
        let session = try await SMTPSession.open(server)
        defer { session.close() }
        do {
            var results: [MailError?] = []
            for message in messages {
                do {
                    try await session.deliver(message, from: server.from, host: server.host)
                    results.append(nil)
                } catch let error as MailError {
                    if case .refused = error {
                        results.append(error)
                        // Start the next message afresh.
                        _ = try? await session.command("RSET", step: "RSET")
                        continue
                    }
                    throw error
                }
            }
            _ = try? await session.command("QUIT", step: "QUIT")
            return results
        } catch let error as MailError {
            throw error
        } catch {
            throw .closed
        }
    }
}

/// One SMTP conversation: a channel whose bytes arrive in a stream, read a reply at a time.
final class SMTPSession {
    let channel: any Channel
    let server: MailServer
    private var iterator: AsyncStream<ByteBuffer>.AsyncIterator
    private var pending: [UInt8] = []
    private let collector: Collector
    private let watchdog: Watchdog
    /// The server's replies are short; one that is not is not a mail server.
    private static let longestReply = 64 * 1024

    private init(channel: any Channel, server: MailServer, stream: AsyncStream<ByteBuffer>, collector: Collector) {
        self.channel = channel
        self.server = server
        self.iterator = stream.makeAsyncIterator()
        self.collector = collector
        self.watchdog = Watchdog(channel: channel)
    }

    static func open(_ server: MailServer) async throws(MailError) -> SMTPSession {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        let collector = Collector(continuation)
        let context: NIOSSLContext?
        do {
            context = server.security == .none ? nil : try makeContext(server)
        } catch {
            throw .tls("de certificaten zijn niet te lezen (\(server.trustedCertificates ?? "systeem"))")
        }
        let sni = Self.sniName(server.host)
        let implicitTLS = server.security == .tls
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(Int64(server.timeout.components.seconds)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS, let context {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: context, serverHostname: sni))
                    }
                    try channel.pipeline.syncOperations.addHandler(collector)
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: server.host, port: server.port).get()
        } catch {
            throw .unreachable("\(server.host):\(server.port)")
        }
        let session = SMTPSession(channel: channel, server: server, stream: stream, collector: collector)
        do {
            try await session.greet(context: context, sni: sni)
        } catch {
            session.close()
            throw error
        }
        return session
    }

    static func makeContext(_ server: MailServer) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let file = server.trustedCertificates {
            configuration.additionalTrustRoots = [.file(file)]
        }
        return try NIOSSLContext(configuration: configuration)
    }

    /// SNI takes a name, not an address.
    static func sniName(_ host: String) -> String? {
        host.contains(":") || host.split(separator: ".").allSatisfy({ Int($0) != nil }) ? nil : host
    }

    func close() {
        watchdog.cancel()
        channel.close(promise: nil)
    }

    /// The greeting, EHLO, STARTTLS when asked for, and the login.
    private func greet(context: NIOSSLContext?, sni: String?) async throws(MailError) {
        watchdog.arm(server.timeout)
        try await expect(220, step: "verbinden")
        var capabilities = try await command("EHLO \(Self.localName)", step: "EHLO")
        if server.security == .startTLS {
            guard capabilities.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                throw .tls("de server biedt geen STARTTLS aan")
            }
            _ = try await command("STARTTLS", step: "STARTTLS", expecting: 220)
            guard pending.isEmpty, let context else { throw .tls("onverwachte gegevens voor de TLS-handdruk") }
            do {
                try await channel.eventLoop.submit { [channel] in
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: context, serverHostname: sni), position: .first)
                }.get()
            } catch {
                throw .tls("de TLS-handdruk begon niet")
            }
            capabilities = try await command("EHLO \(Self.localName)", step: "EHLO")
        }
        guard let user = server.user else { return }
        guard server.security != .none || MailServer.isLoopback(server.host) else {
            throw .tls("een wachtwoord gaat niet onversleuteld over het netwerk")
        }
        let auth = capabilities.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased() ?? ""
        let password = server.password ?? ""
        if auth.contains("PLAIN") || !auth.contains("LOGIN") {
            let token = Data("\0\(user)\0\(password)".utf8).base64EncodedString()
            _ = try await command("AUTH PLAIN \(token)", step: "AUTH", expecting: 235)
        } else {
            _ = try await command("AUTH LOGIN", step: "AUTH", expecting: 334)
            _ = try await command(Data(user.utf8).base64EncodedString(), step: "AUTH", expecting: 334)
            _ = try await command(Data(password.utf8).base64EncodedString(), step: "AUTH", expecting: 235)
        }
    }

    static let localName = "lob-spiegel.local"

    func deliver(_ message: MailMessage, from: String, host: String) async throws(MailError) {
        guard MailAddress.isValid(message.to) else { throw .badAddress(message.to) }
        watchdog.arm(server.timeout)
        _ = try await command("MAIL FROM:<\(from)>", step: "MAIL FROM")
        _ = try await command("RCPT TO:<\(message.to)>", step: "RCPT TO")
        _ = try await command("DATA", step: "DATA", expecting: 354)
        let id = "\(UUID().uuidString.lowercased())@\(Self.localName)"
        try await write(message.rendered(from: from, date: Date(), messageID: id) + ".")
        try await expect(250, step: "DATA")
    }

    /// Sends a command and reads its reply; the reply's text lines.
    @discardableResult
    func command(_ line: String, step: String, expecting: Int? = nil) async throws(MailError) -> [String] {
        try await write(line)
        let (code, lines) = try await reply()
        if let expecting {
            guard code == expecting else { throw .refused(code: code, step: step) }
        } else {
            guard (200..<300).contains(code) else { throw .refused(code: code, step: step) }
        }
        return lines
    }

    private func expect(_ code: Int, step: String) async throws(MailError) {
        let (got, _) = try await reply()
        guard got == code else { throw .refused(code: got, step: step) }
    }

    private func write(_ text: String) async throws(MailError) {
        do {
            try await channel.writeAndFlush(ByteBuffer(string: text + "\r\n")).get()
        } catch {
            throw failure()
        }
    }

    /// One reply: "250-…" lines until "250 …".
    private func reply() async throws(MailError) -> (code: Int, lines: [String]) {
        var lines: [String] = []
        while true {
            let line = try await readLine()
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(line.prefix(3))) else { throw .closed }
            lines.append(bytes.count > 4 ? String(line.dropFirst(4)) : "")
            if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") { return (code, lines) }
        }
    }

    private func readLine() async throws(MailError) -> String {
        while true {
            if let end = pending.indices.dropLast().first(where: { pending[$0] == 13 && pending[$0 + 1] == 10 }) {
                let line = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeFirst(end + 2)
                return line
            }
            guard pending.count < Self.longestReply, let next = await iterator.next() else { throw failure() }
            pending.append(contentsOf: next.readableBytesView)
        }
    }

    /// Why the conversation stopped: the timer, a TLS error, or the server.
    private func failure() -> MailError {
        if watchdog.fired { return .timeout }
        if let error = collector.error {
            if error is NIOSSLError || error is BoringSSLError {
                return .tls("het certificaat van de server is niet te vertrouwen")
            }
        }
        return .closed
    }
}

/// Passes the bytes a channel reads on to the session's stream, and keeps the error that ended it.
final class Collector: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    private let continuation: AsyncStream<ByteBuffer>.Continuation
    private let lock = NSLock()
    private var _error: (any Error)?
    var error: (any Error)? { lock.withLock { _error } }

    init(_ continuation: AsyncStream<ByteBuffer>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        continuation.yield(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        lock.withLock { _error = error }
        continuation.finish()
        context.close(promise: nil)
    }
}

/// Closes the channel when a step takes too long, so that a read waiting on it ends.
final class Watchdog: @unchecked Sendable {
    private let channel: any Channel
    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private var _fired = false
    var fired: Bool { lock.withLock { _fired } }

    init(channel: any Channel) {
        self.channel = channel
    }

    func arm(_ timeout: Duration) {
        lock.withLock {
            task?.cancel()
            task = Task { [weak self, channel] in
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                self?.lock.withLock { self?._fired = true }
                channel.close(promise: nil)
            }
        }
    }

    func cancel() { lock.withLock { task?.cancel() } }
}
