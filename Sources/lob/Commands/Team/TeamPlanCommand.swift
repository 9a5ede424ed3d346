import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand.Team {
    struct TeamPlanCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract:
                "Het teamprofessionaliseringsplan: gedeelde doelen, groepsvormen, deelnemers, van elkaar leren, tijdpad, kosten en evaluatie.",
            discussion: """
                Kosten uit de catalogus van scholingsvormen: --costs BESTAND, anders het bestand dat het profiel \
                van de meeste teamleden noemt, anders de voorbeeldcatalogus (aannames, geen offertes; uitleg: \
                lob help catalogus).

                Voorbeelden:
                  # het plan als markdown
                  lob team plan --team Bouw
                  # om te printen, met de bedragen van de school
                  lob team plan --team Bouw --costs onze-scholing.yaml \\
                    --format html --out teamplan.html
                """)

        @OptionGroup var choice: TeamChoice

        @Option(help: ArgumentHelp("De ronde (standaard de laatste).", valueName: "label"))
        var round: String?

        @Option(
            help: ArgumentHelp("Catalogus van scholingsvormen met uren en kosten (YAML).", valueName: "bestand"),
            completion: .file())
        var costs: String?

        @Option(help: ArgumentHelp("Hoeveel gedeelde doelen ten hoogste.", valueName: "aantal"))
        var goals = 3

        @Option(help: "Uitvoer: text, markdown, html of json.")
        var format: DocumentFormat = .markdown

        @OptionGroup var output: OutputOptions

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if !(1...7).contains(goals) { throw ValidationError("--goals moet 1 t/m 7 zijn.") }
        }

        func run() async throws {
            let app = try await store.appForReading()
            let view = try await Output.store { try await app.teamView(team: choice.team, round: round) }
            // The profile most members scored against names the school's catalogue, if any.
            let catalogue = try Catalogues.load(
                try Catalogues.url(costs: costs, profile: app.commonestProfile(view), library: profiles.library()))
            let plan = app.teamPlan(view, activities: catalogue, options: .init(maxGoals: goals))
            let report = TeamPlanReport(plan)
            let text = try format.render(report.blocks(), title: report.title) { try JSON.encode(TeamPlanJSON(report)) }
            try output.deliver(text, what: "Teamplan")
        }
    }
}
