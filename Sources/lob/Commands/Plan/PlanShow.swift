import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender
import LOBShippedProfiles

extension LobCommand.Plan {
    /// `lob plan [NUMMER]`: the plan itself (the default of `lob plan`).
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Toon het scholingsplan van een scan (de standaard van 'lob plan').",
            discussion: """
                Zonder nummer: de laatste scan. De vormen, uren en kosten komen uit een catalogus van \
                scholingsvormen: --costs BESTAND, anders het bestand dat het profiel noemt (costs:), anders de \
                voorbeeldcatalogus van LOB-spiegel (voorbeeldbedragen, geen offertes; uitleg: lob help \
                catalogus).
                """)

        @OptionGroup var choice: ScanChoice

        @OptionGroup var planOptions: PlanOptions

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
            if check && planOptions.costs == nil {
                throw ValidationError("--check controleert de catalogus van --costs BESTAND.")
            }
        }

        func run() async throws {
            if check, let costs = planOptions.costs {
                let catalogue = try Catalogues.load(InputFile.url(costs))
                Output.write(
                    "\(Excerpt.visible(costs)): in orde: \(catalogue.forms.count) vormen, \(catalogue.requirements.count) eisen, \(catalogue.schoolYear.periods.count) periodes.\n"
                )
                return
            }
            let app = try await store.appForReading()
            let stored = try await choice.scan(in: app)
            let catalogue = try planOptions.catalogue(for: stored.profile, profiles: profiles)
            let report: PlanReport
            if withFeedback {
                let (plan, feedback) = try await Output.store {
                    try await app.planWithFeedback(stored, activities: catalogue, options: planOptions.options)
                }
                report = PlanReport(plan, scanID: stored.id, feedback: feedback)
            } else {
                report = PlanReport(
                    app.plan(stored, activities: catalogue, options: planOptions.options), scanID: stored.id)
            }
            let text = try format.render(report.blocks(), title: report.title) { try JSON.encode(PlanJSON(report)) }
            try output.deliver(text, what: "Scholingsplan van scan \(stored.id)")
        }
    }
}
