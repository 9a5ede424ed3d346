import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBRender

extension LobCommand.Team {
    struct TeamPairsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pairs",
            abstract: "Alle koppels om van elkaar te leren: per gedragskenmerk wie het wil leren en bij wie.",
            discussion: """
                Het teamoverzicht (lob team report) noemt de eerste \(TeamReport.maximumListed) koppels van \
                de grootste gaten; hier staan ze allemaal, voor elk gedragskenmerk. Alleen wie met naam \
                meedoet, wordt gekoppeld; wie anoniem deelde, staat er alleen als groep van minstens de \
                privacydrempel. CSV opent in Nederlandse Excel (uitleg: lob help csv); JSON is het vaste \
                formaat voor scripts.

                Voorbeelden:
                  # alle koppels van de laatste ronde
                  lob team pairs --team Bouw
                  # om in Excel te plannen
                  lob team pairs --team Bouw --format csv --out koppels.csv
                """)

        @OptionGroup var choice: TeamChoice

        @Option(help: ArgumentHelp("De ronde (standaard de laatste).", valueName: "label"))
        var round: String?

        @Option(help: "Uitvoer: text, markdown, html, csv of json.")
        var format: TableFormat = .text

        @OptionGroup var csv: CSVOptions

        @OptionGroup var output: OutputOptions

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let app = try await store.appForReading()
            let view = try await Output.store {
                try await app.teamView(team: choice.team, round: round, compare: .none)
            }
            let report = TeamPairsReport(team: view.team, round: view.round, analysis: view.analysis)
            let text = try format.render(
                report.blocks(), title: report.title, csv: { report.csv }, dialect: csv,
                json: { try TeamPairsJSON(report).text() })
            try output.deliver(text, what: "Koppels")
        }
    }
}
