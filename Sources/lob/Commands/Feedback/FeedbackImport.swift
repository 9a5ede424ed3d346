import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats

extension LobCommand.Feedback {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Lees feedbackbestanden in (een map: alle *.yaml, *.yml en *.json erin).",
            discussion: """
                Een feedbackbestand noemt wie beoordeeld werd en de groep van de beoordelaar (collega of \
                leidinggevende), nooit de beoordelaar zelf. Hetzelfde bestand twee keer inlezen verandert niets. Alles \
                wordt eerst gecontroleerd: bij één fout bestand wordt niets opgeslagen, tenzij je --skip-bad geeft.

                Voorbeelden:
                  # de map met ingeleverde feedback
                  lob feedback import feedback/
                  # daarna: je zelfbeeld naast dat van anderen
                  lob feedback report
                """)

        @Argument(help: ArgumentHelp("Feedbackbestanden of mappen.", valueName: "bestand"), completion: .file())
        var files: [String]

        @Flag(help: "Sla de goede bestanden op en noem de foute.")
        var skipBad = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func run() async throws {
            let paths = try FileArguments.expand(files)
            let library = profiles.library()
            var good: [(path: String, response: FeedbackResponse, profile: Profile)] = []
            var bad = 0
            for path in paths {
                do {
                    let (response, profile) = try FeedbackFile.load(InputFile.url(path), profile: library.profile)
                    good.append((path, response, profile))
                } catch {
                    Output.warn(error)
                    bad += 1
                }
            }
            let decision = ImportBatch.decide(good: good.count, bad: bad, skipBad: skipBad)
            if let why = Output.refusal(
                decision, ("bestand", "bestanden"), what: "ze",
                nothing: "geen enkel goed feedbackbestand om in te lezen")
            {
                throw Output.fail(why)
            }
            let app = try await store.app()
            let new = try await Output.store { try await app.importFeedback(good.map { ($0.response, $0.profile) }) }
            for (entry, isNew) in zip(good, new) {
                Output.write(
                    "\(Excerpt.visible(entry.path)): \(isNew ? "nieuw" : "al ingelezen: niets veranderd") (\(entry.response.group.word) over \(entry.response.subject))\n"
                )
            }
            Output.write(
                "\(DutchNumber.count(new.filter { $0 }.count, "nieuwe reactie", "nieuwe reacties")), \(new.filter { !$0 }.count) al ingelezen.\n"
            )
            if bad > 0 {
                throw Output.fail("\(DutchNumber.count(bad, "bestand", "bestanden")) niet ingelezen (zie boven)")
            }
        }
    }
}
