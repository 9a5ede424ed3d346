import ArgumentParser
import Foundation
import LOBCore
import LOBForm
import LOBFormats

extension LobCommand {
    struct Form: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "form",
            abstract: "Maak de zelfscan als één HTML-bestand, voor collega's die in de browser antwoorden.",
            discussion: """
                Het bestand werkt in elke browser, ook zonder internet en op een telefoon: het laadt niets van \
                buiten en verstuurt niets. Een collega vult de scan in; elk antwoord blijft in zijn browser \
                bewaard, zodat hij later verder kan. Aan het eind downloadt hij zijn scanbestand en geeft het aan \
                jou; dat lees je in met 'lob team import'. Het formulier zelf bevat geen persoonlijke gegevens: \
                je mag het mailen of op het intranet zetten.

                Voorbeelden:
                  # het formulier voor het team
                  lob form --team "Bouwtechniek bovenbouw" --out zelfscan.html
                  # als mentor in model 2
                  lob form --profile mentor-model2 --out zelfscan-mentor.html
                  # daarna: de ingevulde scanbestanden inlezen
                  lob team import ingeleverd/ --team "Bouwtechniek bovenbouw"
                  # 360°-feedback: collega's beoordelen Jan (uitleg: lob help feedback)
                  lob form --feedback-for "Jan de Vries" --out feedback-jan.html
                  # je reactie op wat je van je plan deed, ook in de browser (uitleg: lob help logboek)
                  lob plan react --out reacties.html
                """)

        @Option(help: ArgumentHelp("Het profiel.", valueName: "id"))
        var profile: String = ProfileOptions.defaultProfileID

        @Option(help: ArgumentHelp("Het team, alvast ingevuld in het formulier.", valueName: "naam"))
        var team: String?

        @Option(
            help: ArgumentHelp("Het HTML-bestand; - is het scherm.", valueName: "bestand"),
            completion: .file())
        var out: String = "zelfscan.html"

        @Option(
            help: ArgumentHelp(
                "Een feedbackformulier: collega's of de leidinggevende beoordelen deze collega.", valueName: "naam"))
        var feedbackFor: String?

        @Option(
            help: ArgumentHelp(
                "Bij --feedback-for: wie het invult, collega, leidinggevende of leerling (alleen met de eigen leerlingstellingen van een profiel).",
                valueName: "groep"))
        var group: RaterGroup = .collega

        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            for (option, value) in [("--team", team), ("--feedback-for", feedbackFor)] {
                guard let value else { continue }
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { throw ValidationError("\(option) mag niet leeg zijn.") }
                if !VisibleText.lineFaults(trimmed, maximum: VisibleText.nameLength).isEmpty {
                    throw ValidationError(
                        "\(option) is één regel van hooguit \(VisibleText.nameLength) tekens, zonder stuurtekens.")
                }
            }
        }

        func run() async throws {
            let library = profiles.library()
            let chosen = try library.required(profile)
            let html: String
            do {
                html = try ScanForm.html(
                    profile: chosen, team: team?.trimmingCharacters(in: .whitespaces),
                    feedbackFor: feedbackFor.map { ($0.trimmingCharacters(in: .whitespaces), group) })
            } catch .noPupilStatements(let id) {
                throw Output.fail(
                    "profiel '\(id)' heeft geen stellingen voor leerlingen (pupilStatements); de bronnen geven ze niet, de school schrijft ze zelf in een eigen profiel (uitleg: lob help feedback)"
                )
            } catch {
                throw Output.fail("het formulier kan niet gemaakt worden: \(error). Installeer lob opnieuw.")
            }
            if out == "-" { return Output.write(html) }
            // A blank form holds no personal data; it is meant to be mailed or put on the intranet, so it is written
            // readable for others, unlike every file that holds scores.
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw Output.fail(
                    "\(Excerpt.visible(out)): kan niet schrijven: \(SystemError.dutch(error, writing: true))")
            }
            if let feedbackFor {
                Output.write(
                    """
                    Feedbackformulier voor \(VisibleText.make(feedbackFor)) geschreven naar \(Excerpt.visible(out)) (profiel \(chosen.id), voor een \(group.word)).
                    Stuur het naar wie feedback geeft; de bestanden lees je in met: lob feedback import MAP

                    """)
                return
            }
            Output.write(
                """
                Formulier geschreven naar \(Excerpt.visible(out)) (profiel \(chosen.id)\(team.map { ", team \(VisibleText.make($0))" } ?? "")).
                Stuur het naar je collega's; hun scanbestanden lees je in met: lob team import MAP --team NAAM

                """)
        }
    }
}

extension RaterGroup: ExpressibleByArgument {}
