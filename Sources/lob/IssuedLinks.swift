import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBMail
import LOBServe

/// What every command that makes personal links takes: the list of names, how long the links hold, the server's
/// address and where the links go (`lob team round open`, `lob feedback invite`).
struct LinkOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "De namen: één per regel (met --mail: 'Naam <adres>'), of een CSV met de kolommen 'naam' en 'e-mail'.",
            valueName: "bestand"))
    var invite: String

    @Option(help: ArgumentHelp("Hoe lang de links geldig zijn, in dagen.", valueName: "dagen"))
    var days = LOBApp.defaultLinkDays

    @Option(help: ArgumentHelp("Het adres van lob serve, zoals de ontvangers het bereiken.", valueName: "url"))
    var url = "http://127.0.0.1:8080"

    @Option(help: ArgumentHelp("Schrijf de links naar deze CSV (alleen voor jou leesbaar).", valueName: "bestand"))
    var out: String?

    @Flag(
        help: ArgumentHelp(
            "Mail elke link naar het adres in de lijst, via de mailserver van de school; geen link wordt getoond."))
    var mail = false

    @OptionGroup var mailServer: MailOptions

    func validate() throws {
        guard (1...365).contains(days) else { throw ValidationError("--days: verwacht 1 t/m 365.") }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ValidationError("--url: verwacht een adres dat begint met http:// of https://.")
        }
    }

    /// The names of the list, or the command's end with the list's faults.
    func names() throws -> [String] { try IssuedLinks.names(invite) }

    /// Runs what the list is for; a refusal of the list (too many, someone rating himself) names its file.
    func listed<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch AppError.invitationList(let why) {
            throw Output.fail("\(Excerpt.visible(invite)): \(why)")
        }
    }

    /// The people of the list with their addresses; with `--mail`, everyone must have one.
    func invitees() throws -> [LOBApp.Invitee] {
        let list: [InvitationList.Invitee]
        do {
            list = try InvitationList.loadInvitees(InputFile.url(invite))
        } catch {
            throw Output.fail(error)
        }
        if mail, let missing = list.first(where: { $0.address == nil }) {
            throw Output.fail(
                "\(missing.name) heeft geen e-mailadres in de lijst; met --mail heeft ieder er een nodig ('Naam <adres>')"
            )
        }
        return list.map { LOBApp.Invitee(name: $0.name, address: mail ? $0.address : nil) }
    }

    /// The school's mail server with `--mail`, from the options or the environment.
    func server() throws -> MailServer? {
        guard mail else { return nil }
        guard let server = try mailServer.server(option: "--mail") else {
            throw Output.fail("--mail: geef de mailserver met --smtp URL of LOB_SMTP")
        }
        return server
    }

    /// Makes the links with `create` and hands them out: mailed each to its own person (the mail server is asked
    /// first, so that nothing is made when it will not take our mail), or shown once.
    func issue(
        path: String, create: () async throws -> [LOBApp.IssuedLink],
        compose: (LOBApp.IssuedLink, String, String, String) -> MailMessage
    ) async throws {
        guard let server = try server() else {
            return try IssuedLinks.deliver(try await create(), url: url, path: path, days: days, out: out)
        }
        do {
            try await SMTPMailer(server: server).check()
        } catch {
            throw Output.fail("\(error.description); er is niets gemaakt")
        }
        let made = try await create()
        let expires = SchoolDate.day(
            of: Date().addingTimeInterval(TimeInterval(days * 86_400)),
            in: TimeZone(identifier: "Europe/Amsterdam") ?? .current
        ).dutch
        let outcomes: [LinkMail.Outcome]
        do {
            outcomes = try await LinkMail.send(made, server: server) { link, address in
                compose(link, ServeConfiguration.link(link.token, path: path, at: url), expires, address)
            }
        } catch {
            throw Output.fail(
                "\(error.description). De links zijn gemaakt maar niet verstuurd en niet getoond: maak op het dashboard per collega een nieuwe link"
            )
        }
        let sent = outcomes.filter { $0.failure == nil }.count
        Output.write(
            "\(DutchNumber.count(sent, "link", "links")) gemaild, ieder naar zijn eigen adres; geen link getoond.\n")
        let failed = outcomes.filter { $0.failure != nil }
        for outcome in failed { Output.write("niet gemaild: \(outcome.name): \(outcome.failure ?? "")\n") }
        if !failed.isEmpty {
            throw Output.fail(
                "\(DutchNumber.count(failed.count, "link", "links")) niet gemaild: maak op het dashboard een nieuwe link voor wie hierboven staat"
            )
        }
    }
}

/// Personal links made on the command line (`lob team round open`, `lob feedback invite`): shown this once, on the
/// screen or in a CSV readable by its owner only, since only their hashes are kept.
enum IssuedLinks {
    /// The names of an invitation list, or the command's end with the list's faults.
    static func names(_ argument: String) throws -> [String] {
        do {
            return try InvitationList.load(InputFile.url(argument))
        } catch {
            throw Output.fail(error)
        }
    }

    static func deliver(_ links: [LOBApp.IssuedLink], url: String, path: String, days: Int, out: String?) throws {
        let rows = links.map { ($0.name, ServeConfiguration.link($0.token, path: path, at: url)) }
        if let out {
            let lines = rows.map { "\"\($0.0.replacingOccurrences(of: "\"", with: "\"\""))\";\($0.1)" }
            try Output.writePrivately((["naam;link"] + lines).joined(separator: "\r\n") + "\r\n", to: out)
            Output.write(
                "\(DutchNumber.count(links.count, "link", "links")) geschreven naar \(Excerpt.visible(out)).\n")
        } else {
            for (name, link) in rows { Output.write("\(name)\t\(link)\n") }
        }
        Output.write(
            "Deze links worden maar één keer getoond en zijn \(days) dagen geldig. Ieder krijgt alleen zijn eigen link.\n"
        )
    }
}
