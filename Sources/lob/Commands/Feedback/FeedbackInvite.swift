import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBServe

extension LobCommand.Feedback {
    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Vraag feedback via lob serve: één link per beoordelaar, maar één keer getoond.",
            discussion: """
                Voor de teamvoorzitter (of wie de dienst beheert), niet voor wie beoordeeld wordt: zo kan die zelf \
                geen feedback invullen. De collega moet in een open ronde van het team zijn uitgenodigd; de \
                beoordelaars beoordelen op het profiel van die ronde. De namen staan alleen in de lijst met links; \
                bewaard wordt alleen over wie, als welke groep, en hoeveel links er zijn gebruikt (niet welke). Een \
                link werkt één keer, in de browser die hem het eerst opent.

                Voorbeelden:
                  lob feedback invite --team Bouw --for "Jan de Vries" \\
                    --invite collegas.txt --url https://lob.school.nl \\
                    --out feedbacklinks.csv
                  # zijn leidinggevende
                  lob feedback invite --team Bouw --for "Jan de Vries" \\
                    --group leidinggevende --invite leidinggevende.txt
                  # weken na zijn activiteiten: alleen de doelen van zijn plan
                  lob feedback invite --team Bouw --for "Jan de Vries" --follow-up \\
                    --invite collegas.txt
                """)

        @Option(help: ArgumentHelp("Het team (voor het dashboard).", valueName: "naam"))
        var team: String

        @Option(name: .customLong("for"), help: ArgumentHelp("Wie beoordeeld wordt.", valueName: "naam"))
        var subject: String

        @Option(help: ArgumentHelp("Wie beoordelen: collega, leidinggevende of leerling.", valueName: "groep"))
        var group: RaterGroup = .collega

        @Option(help: ArgumentHelp("De ronde (standaard zijn laatste open ronde).", valueName: "label"))
        var round: String?

        @Flag(
            name: .customLong("follow-up"),
            help: "De vervolgmeting (niveau 3): alleen de doelen van het plan van zijn ingeleverde scan.")
        var followUp = false

        @OptionGroup var links: LinkOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            guard !subject.isEmpty, VisibleText.lineFaults(subject, maximum: VisibleText.nameLength).isEmpty else {
                throw ValidationError("--for: verwacht een naam op één regel.")
            }
        }

        func run() async throws {
            let invitees = try links.invitees()
            let app = try await store.app()
            let now = Int64(Date().timeIntervalSince1970)
            let (team, group, days) = (self.team, self.group, links.days)
            let moment: FeedbackMoment = followUp ? .vervolg : .nulmeting
            let invitation = try await Output.store {
                try await app.roundInvitation(team: team, round: round, name: subject)
            }
            let chosen = try profiles.library().required(invitation.profileID)
            try await links.issue(path: "/f/") {
                try await Output.store {
                    try await links.listed {
                        try await app.inviteRaters(
                            team: team, invitation: invitation.id, group: group, profile: chosen, invitees: invitees,
                            days: days, moment: moment, now: now)
                    }
                }
            } compose: { link, url, expires, address in
                LinkMail.rater(
                    name: link.name, subject: invitation.name, group: group, link: url, expires: expires, to: address)
            }
        }
    }
}
