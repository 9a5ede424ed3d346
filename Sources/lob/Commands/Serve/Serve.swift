import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBMail
import LOBServe
import Logging
import NIOCore
import NIOPosix
import Synchronization

extension LobCommand {
    /// `lob serve`: a team's scan round in the browser, on the school's own machine (docs/serve.md).
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Een webdienst voor een scanronde: collega's vullen hun scan in via een persoonlijke link.",
            discussion: """
                De teamvoorzitter opent een ronde (lob team round open, of op het dashboard) en stuurt ieder \
                zijn link. Elk antwoord wordt meteen in de database bewaard; het teamoverzicht volgt dezelfde \
                privacyregel als lob team report. Uitleg, ook over een reverse proxy met https en back-ups: \
                lob help webdienst.

                Voorbeelden:
                  # een inlog voor het dashboard (het wachtwoord wordt gevraagd)
                  lob serve account --team "Bouwtechniek bovenbouw" --login voorzitter
                  # de dienst, alleen op deze computer
                  lob serve
                  # achter een reverse proxy met https
                  lob serve --port 8080 --url https://lob.school.nl --trust-proxy
                """,
            subcommands: [Start.self, Account.self], defaultSubcommand: Start.self)
    }
}

extension LobCommand.Serve {
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start de webdienst (stoppen: Ctrl-C of SIGTERM; niets gaat verloren).")

        @Option(
            help: ArgumentHelp("Het adres om op te luisteren (127.0.0.1 is alleen deze computer).", valueName: "adres"))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp("De poort.", valueName: "poort"))
        var port = 8080

        @Option(
            help: ArgumentHelp(
                "Het adres waarop collega's de dienst bereiken, voor de links (met https: cookies alleen via https).",
                valueName: "url"))
        var url: String?

        @Flag(
            help:
                "Achter een reverse proxy op deze computer: het adres van de collega is het laatste in X-Forwarded-For."
        )
        var trustProxy = false

        @Option(
            help: ArgumentHelp(
                "Het adres van een reverse proxy op een andere computer (mag vaker): alleen van hem geldt X-Forwarded-For.",
                valueName: "adres"))
        var proxy: [String] = []

        @Option(help: ArgumentHelp("Hoe lang een link geldig is, in dagen.", valueName: "dagen"))
        var linkDays = LOBApp.defaultLinkDays

        @Option(
            help: ArgumentHelp(
                "Hoe lang een collega na het inleveren zijn logboek achter zijn link houdt, in dagen: alleen in de browsers die aan zijn link gebonden zijn.",
                valueName: "dagen"))
        var logbookDays = LOBApp.defaultLogbookDays

        /// With a mail server, the dashboard mails each link to its own address.
        @OptionGroup var mail: MailOptions

        @Option(
            help: ArgumentHelp(
                "De catalogus van scholingsvormen voor de plannen (standaard die van het profiel).",
                valueName: "bestand"))
        var costs: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            guard (1...65_535).contains(port) else { throw ValidationError("--port: verwacht 1 t/m 65535.") }
            if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
                throw ValidationError("--url: verwacht een adres dat begint met http:// of https://.")
            }
            guard (1...365).contains(linkDays) else { throw ValidationError("--link-days: verwacht 1 t/m 365.") }
            guard (1...365).contains(logbookDays) else {
                throw ValidationError("--logbook-days: verwacht 1 t/m 365.")
            }
        }

        func run() async throws {
            // Swift's tasks run on SwiftNIO's event loops, where the connections (the browsers', the database's) are:
            // a request that asks PostgreSQL three things otherwise hops between thread pools for each.
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
            let (app, closeStore) = try await store.appForServing()
            let library = profiles.library()
            // Scans handed in before they had one home move among the scans once, before the first request.
            let moved = try await Output.store {
                try await app.adoptLegacyHandIns { record, text in
                    try ScanFile.decode(
                        data: Data(text.utf8), file: "ingeleverde scan", profileID: record.invitation.profileID,
                        profile: { library.profile($0) })
                }
            }
            if moved > 0 {
                Output.write(
                    "\(DutchNumber.count(moved, "ingeleverde scan", "ingeleverde scans")) verplaatst naar de scans.\n")
            }
            let costs = costs
            // Each profile's catalogue is read once, not on every plan page: a changed file counts from the next start.
            let catalogues = CatalogueCache()
            var configuration = ServeConfiguration(
                profile: { library.profile($0) },
                activities: { profile in
                    catalogues.catalogue(for: profile?.id ?? "") {
                        (try? Catalogues.url(costs: costs, profile: profile, library: library)).flatMap {
                            try? ActivityCatalogueFile.load($0)
                        }
                    }
                })
            configuration.profiles = { library.entries.map(\.profile) }
            configuration.host = host
            configuration.port = port
            configuration.publicURL = url ?? "http://\(host):\(port)"
            configuration.proxies = Set(proxy + (trustProxy ? ["127.0.0.1", "::1"] : []))
            configuration.linkDays = linkDays
            configuration.logbookDays = logbookDays
            if let server = try mail.server(option: "--smtp") {
                configuration.mail = server
                if let problem = await LobCommand.Serve.probe(server) {
                    Output.warn("\(problem); links worden pas gemaild als dat lukt")
                }
            }
            var logger = Logger(label: "lob-serve")
            logger.logLevel = .info
            let dashboard = configuration.link("", path: "/inloggen")
            let (host, publicURL) = (self.host, configuration.publicURL)
            // Said once the port is bound, not before: a taken port or an unknown host is an error, not a promise.
            let server = LOBServer(app: app, configuration: configuration, logger: logger).application {
                channel in
                let port = channel.localAddress?.port ?? 0
                Output.write(
                    """
                    LOB-spiegel luistert op http://\(host):\(port) (links: \(publicURL)). Stoppen: Ctrl-C.
                    Dashboard: \(dashboard) (een inlog: lob serve account --team NAAM --login NAAM)

                    """)
            }
            // runService ends on SIGTERM or SIGINT (swift-service-lifecycle) once every request in flight is answered;
            // only then does a server database's pool close, so no answer is cut off.
            do {
                try await server.runService()
                await closeStore()
            } catch {
                await closeStore()
                guard let problem = StartProblem.wording(error, host: host, port: port) else { throw error }
                throw Output.fail(problem)
            }
        }
    }

    /// Whether the mail server takes our mail now: its problem in words, or nil.
    static func probe(_ server: MailServer) async -> String? {
        do {
            try await SMTPMailer(server: server).check()
            return nil
        } catch {
            return error.description
        }
    }

    struct Account: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "account",
            abstract: "Maak een inlog voor het dashboard van een team, of geef een inlog een nieuw wachtwoord.",
            discussion: """
                Het wachtwoord (minstens 10 tekens) wordt gevraagd, of met --password-stdin van de invoer gelezen; \
                alleen een bcrypt-hash ervan wordt bewaard. Een nieuw wachtwoord beëindigt de sessies van die inlog.
                """)

        @Option(help: ArgumentHelp("Het team dat deze inlog mag zien.", valueName: "naam"))
        var team: String

        @Option(help: ArgumentHelp("De naam om mee in te loggen.", valueName: "naam"))
        var login: String

        @Flag(help: "Lees het wachtwoord van de eerste regel van de invoer (voor scripts).")
        var passwordStdin = false

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard VisibleText.lineFaults(login, maximum: 80).isEmpty, !login.isEmpty else {
                throw ValidationError("--login: verwacht één regel van hooguit 80 tekens.")
            }
        }

        func run() async throws {
            let password: String
            if passwordStdin {
                password = readLine(strippingNewline: true) ?? ""
            } else {
                let first = String(cString: getpass("Wachtwoord: "))
                let second = String(cString: getpass("Nog een keer: "))
                guard first == second else { throw Output.fail("de twee wachtwoorden zijn niet gelijk") }
                password = first
            }
            let app = try await store.app()
            try await Output.store {
                try await app.createAccount(login: login, team: team, password: password) { LOBServer.hashPassword($0) }
            }
            Output.write("Inlog '\(login)' voor team '\(team)' is klaar.\n")
        }
    }
}

/// The catalogues `lob serve` has read, by profile: read at the first plan page that needs one.
final class CatalogueCache: Sendable {
    private let read = Mutex<[String: ActivityCatalogue?]>([:])

    func catalogue(for profile: String, load: () -> ActivityCatalogue?) -> ActivityCatalogue? {
        read.withLock { known in
            if let catalogue = known[profile] { return catalogue }
            let catalogue = load()
            known[profile] = catalogue
            return catalogue
        }
    }
}
