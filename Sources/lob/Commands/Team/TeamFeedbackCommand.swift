import ArgumentParser
import LOBApp
import LOBCore
import LOBRender

extension LobCommand.Team {
    struct TeamFeedbackCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feedback",
            abstract:
                "Waar het zelfbeeld van het team en het beeld van collega's (360°-feedback) het meest verschillen.",
            discussion: """
                Per gedragskenmerk het gemiddelde verschil tussen zelfscore en het oordeel van collega's, over de \
                teamleden met feedback. Een cijfer gaat over minstens de privacydrempel aan teamleden, en telt bij \
                ieder alleen feedback van minstens zoveel collega's. Uitleg: lob help feedback.

                Voorbeelden:
                  lob team feedback --team Bouw
                  lob team feedback --team Bouw --format html --out zelfbeeld.html
                """)

        @OptionGroup var choice: TeamChoice

        @Option(help: ArgumentHelp("De ronde (standaard de laatste).", valueName: "label"))
        var round: String?

        @Option(help: "Uitvoer: text, markdown, html of json.")
        var format: DocumentFormat = .text

        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            // A view is a moment of the privacy rule that later views are checked against: it is kept, so it writes.
            let app = try await store.app()
            let view = try await Output.store { try await app.teamFeedback(team: choice.team, round: round) }
            let report = TeamFeedbackReport(view)
            let text = try format.render(report.blocks(), title: report.title) {
                try JSON.encode(TeamFeedbackJSON(report))
            }
            try output.deliver(text, what: "Zelfbeeld van het team")
        }
    }
}
