import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBServe

/// What every command that makes personal links takes: the list of names, how long the links hold, the server's
/// address and where the links go (`lob team round open`, `lob feedback invite`).
struct LinkOptions: ParsableArguments {
    @Option(help: ArgumentHelp("De namen: één per regel, of een CSV met een kolom 'naam'.", valueName: "bestand"))
    var invite: String

    @Option(help: ArgumentHelp("Hoe lang de links geldig zijn, in dagen.", valueName: "dagen"))
    var days = LOBApp.defaultLinkDays

    @Option(help: ArgumentHelp("Het adres van lob serve, zoals de ontvangers het bereiken.", valueName: "url"))
    var url = "http://127.0.0.1:8080"

    @Option(help: ArgumentHelp("Schrijf de links naar deze CSV (alleen voor jou leesbaar).", valueName: "bestand"))
    var out: String?

    func validate() throws {
        guard (1...365).contains(days) else { throw ValidationError("--days: verwacht 1 t/m 365.") }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ValidationError("--url: verwacht een adres dat begint met http:// of https://.")
        }
    }

    /// The names of the list, or the command's end with the list's faults.
    func names() throws -> [String] { try IssuedLinks.names(invite) }

    /// The links, shown once.
    func deliver(_ links: [LOBApp.IssuedLink], path: String) throws {
        try IssuedLinks.deliver(links, url: url, path: path, days: days, out: out)
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
            Output.write("\(DutchNumber.count(links.count, "link", "links")) geschreven naar \(out).\n")
        } else {
            for (name, link) in rows { Output.write("\(name)\t\(link)\n") }
        }
        Output.write(
            "Deze links worden maar één keer getoond en zijn \(days) dagen geldig. Ieder krijgt alleen zijn eigen link.\n"
        )
    }
}
