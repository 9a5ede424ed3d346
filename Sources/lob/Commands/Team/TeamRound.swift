import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBServe

extension LobCommand.Team {
    /// `lob team round`: a scan round on `lob serve`, with a personal link per colleague.
    struct Round: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "round", abstract: "Een scanronde via lob serve: persoonlijke links voor je team.",
            subcommands: [Open.self])
    }
}

extension LobCommand.Team.Round {
    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Open een ronde: één persoonlijke link per collega, maar één keer getoond.",
            discussion: """
                De lijst heeft één naam per regel (regels met # en lege regels tellen niet), of is een CSV met een \
                kolom 'naam'. Alleen een hash van elke link wordt bewaard: kwijt is kwijt, maak dan op het \
                dashboard een nieuwe. Met --out komen de links in een CSV die alleen jij kunt lezen. Met --mail \
                mailt LOB-spiegel elke link naar het adres in de lijst en toont er geen: dan ziet ook jij ze niet.

                Voorbeelden:
                  lob team round open --team Bouw --round "voorjaar 2027" --invite namen.txt \\
                    --url https://lob.school.nl --out links.csv
                  # elke link per mail; het wachtwoord in LOB_SMTP_PASSWORD
                  lob team round open --team Bouw --round "voorjaar 2027" \\
                    --invite team.csv --url https://lob.school.nl --mail \\
                    --smtp smtp://lob@mail.school.nl --mail-from lob@school.nl
                """)

        @Option(help: ArgumentHelp("Het team.", valueName: "naam"))
        var team: String

        @Option(help: ArgumentHelp("De naam van de ronde.", valueName: "label"))
        var round: String

        @Option(help: ArgumentHelp("Het profiel van de scan.", valueName: "id"))
        var profile = ProfileOptions.defaultProfileID

        @OptionGroup var links: LinkOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            guard !round.isEmpty, VisibleText.lineFaults(round, maximum: 80).isEmpty else {
                throw ValidationError("--round: verwacht één regel van hooguit 80 tekens.")
            }
        }

        func run() async throws {
            _ = try profiles.library().required(profile)
            let invitees = try links.invitees()
            let app = try await store.app()
            let now = Int64(Date().timeIntervalSince1970)
            let (team, round, profile, days) = (self.team, self.round, self.profile, links.days)
            try await links.issue(path: "/s/") {
                try await Output.store {
                    try await links.listed {
                        try await app.openRound(
                            team: team, round: round, profileID: profile, invitees: invitees, days: days, now: now)
                    }
                }
            } compose: { link, url, expires, address in
                LinkMail.colleague(
                    name: link.name, team: team, round: round, link: url, expires: expires, to: address)
            }
        }
    }
}
