import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender
import LOBShippedProfiles

extension LobCommand {
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract:
                "Maak je scholingsplan (POP) uit een scan: doelen, activiteiten die passen bij hoe je leert, tijdpad, kosten en evaluatie.",
            discussion: """
                Zonder nummer: de laatste scan. De vormen, uren en kosten komen uit een catalogus van \
                scholingsvormen: --costs BESTAND, anders het bestand dat het profiel noemt (costs:), anders de \
                voorbeeldcatalogus van LOB-spiegel (voorbeeldbedragen, geen offertes; uitleg: lob help \
                catalogus).

                Voorbeelden:
                  # het plan van je laatste scan, als tekst
                  lob plan
                  # een HTML-bestand om te printen (A4)
                  lob plan 3 --format html --out plan.html
                  # met de bedragen van je eigen school
                  lob plan --costs onze-scholing.yaml
                  # alleen de catalogus controleren
                  lob plan --costs onze-scholing.yaml --check
                  # met de 360°-feedback (uitleg: lob help feedback)
                  lob plan --with-feedback
                """)

        @OptionGroup var choice: ScanChoice

        @Option(
            help: ArgumentHelp("Catalogus van scholingsvormen met uren en kosten (YAML).", valueName: "bestand"),
            completion: .file())
        var costs: String?

        @Option(help: ArgumentHelp("Hoeveel doelen ten hoogste.", valueName: "aantal"))
        var goals = 3

        @Flag(help: "Controleer alleen de catalogus van scholingsvormen.")
        var check = false

        @Flag(
            help:
                "Reken met het gecombineerde beeld van je zelfscan en de 360°-feedback, en noem de onderwerpen voor het ontwikkelgesprek."
        )
        var withFeedback = false

        @Option(help: "Uitvoer: text, markdown, html of json.")
        var format: DocumentFormat = .text

        @OptionGroup var output: OutputOptions

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if !(1...7).contains(goals) { throw ValidationError("--goals moet 1 t/m 7 zijn.") }
            if check && costs == nil { throw ValidationError("--check controleert de catalogus van --costs BESTAND.") }
        }

        func run() async throws {
            if check, let costs {
                let catalogue = try Catalogues.load(InputFile.url(costs))
                Output.write(
                    "\(Excerpt.visible(costs)): in orde: \(catalogue.forms.count) vormen, \(catalogue.requirements.count) eisen, \(catalogue.schoolYear.periods.count) periodes.\n"
                )
                return
            }
            let app = try await store.appForReading()
            let stored = try await choice.scan(in: app)
            let catalogue = try Catalogues.load(try catalogueURL(for: stored.profile))
            let report: PlanReport
            if withFeedback {
                let (plan, feedback) = try await Output.store {
                    try await app.planWithFeedback(stored, activities: catalogue, options: .init(maxGoals: goals))
                }
                report = PlanReport(plan, scanID: stored.id, feedback: feedback)
            } else {
                report = PlanReport(
                    app.plan(stored, activities: catalogue, options: .init(maxGoals: goals)), scanID: stored.id)
            }
            let text = try format.render(report.blocks(), title: report.title) { try JSON.encode(PlanJSON(report)) }
            try output.deliver(text, what: "Scholingsplan van scan \(stored.id)")
        }

        private func catalogueURL(for profile: Profile) throws -> URL {
            try Catalogues.url(costs: costs, profile: profile, library: profiles.library())
        }
    }
}
