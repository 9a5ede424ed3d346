import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats

extension LobCommand.Feedback {
    struct Invite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Vraag feedback via lob serve: één link per beoordelaar, maar één keer getoond.",
            discussion: """
                Voor de teamvoorzitter (of wie de dienst beheert), niet voor wie beoordeeld wordt: zo kan die zelf \
                geen feedback invullen. De namen staan alleen in de lijst met links; bewaard wordt alleen over wie, \
                als welke groep en op welk profiel, en of de link is gebruikt. Een link werkt één keer.

                Voorbeelden:
                  lob feedback invite --team Bouw --for "Jan de Vries" \\
                    --invite collegas.txt --url https://lob.school.nl \\
                    --out feedbacklinks.csv
                  # zijn leidinggevende
                  lob feedback invite --team Bouw --for "Jan de Vries" \\
                    --group leidinggevende --invite leidinggevende.txt
                """)

        @Option(help: ArgumentHelp("Het team (voor het dashboard).", valueName: "naam"))
        var team: String

        @Option(name: .customLong("for"), help: ArgumentHelp("Wie beoordeeld wordt.", valueName: "naam"))
        var subject: String

        @Option(help: "Wie beoordelen: collega, leidinggevende of leerling.")
        var group: RaterGroup = .collega

        @Option(help: ArgumentHelp("Het profiel van de feedback.", valueName: "id"))
        var profile = ProfileOptions.defaultProfileID

        @OptionGroup var links: LinkOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            guard !subject.isEmpty, VisibleText.lineFaults(subject, maximum: VisibleText.nameLength).isEmpty else {
                throw ValidationError("--for: verwacht een naam op één regel.")
            }
        }

        func run() throws {
            guard let chosen = profiles.library().profile(profile) else {
                throw Output.fail("onbekend profiel '\(profile)': zie 'lob profiles list'")
            }
            let names = try links.names()
            let app = try store.app()
            let now = Int64(Date().timeIntervalSince1970)
            let made = try Output.store {
                try app.inviteRaters(
                    team: team, subject: subject, group: group, profile: chosen, names: names, days: links.days,
                    now: now)
            }
            try links.deliver(made, path: "/f/")
        }
    }
}
