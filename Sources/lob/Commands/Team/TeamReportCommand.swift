import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand.Team {
    struct TeamReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "Waar het team staat: per competentie en gedragskenmerk, de grootste gaten, een heatmap, dekking, wie van wie kan leren en de voortgang.",
            discussion: """
                Standaard de laatste ronde, vergeleken met de ronde ervoor. In de terminal heeft de heatmap \
                kleur (niet met NO_COLOR of als je de uitvoer doorstuurt); cijfers en tekens zeggen hetzelfde \
                zonder kleur. JSON is het vaste formaat voor scripts; CSV opent in Nederlandse Excel (uitleg: \
                lob help csv). Wie wat ziet: lob help privacy.

                Voorbeelden:
                  # de laatste ronde van het enige team
                  lob team report
                  # om te printen (A4)
                  lob team report --team Bouw --format html --out team.html
                  # voor Excel
                  lob team report --team Bouw --format csv --out team.csv
                  # twee bepaalde rondes
                  lob team report --round "voorjaar 2027" --compare-round "najaar 2026"
                """)

        @OptionGroup var choice: TeamChoice

        @Option(help: ArgumentHelp("De ronde (standaard de laatste).", valueName: "label"))
        var round: String?

        @Option(
            name: .customLong("compare-round"),
            help: ArgumentHelp("Vergelijk met deze ronde (standaard de ronde ervoor).", valueName: "label"))
        var compareRound: String?

        @Flag(name: .customLong("no-compare"), help: "Geen vergelijking met een andere ronde.")
        var noCompare = false

        @Option(help: "Uitvoer: text, markdown, html, csv of json.")
        var format: TableFormat = .text

        @OptionGroup var csv: CSVOptions

        @OptionGroup var output: OutputOptions

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if noCompare && compareRound != nil {
                throw ValidationError("Geef --compare-round of --no-compare, niet allebei.")
            }
        }

        func run() async throws {
            let app = try await store.appForReading()
            let compare: LOBApp.Comparison = noCompare ? .none : compareRound.map { .round($0) } ?? .previous
            let view = try await Output.store {
                try await app.teamView(team: choice.team, round: round, compare: compare)
            }
            let report = TeamReport(
                team: view.team, round: view.round, analysis: view.analysis, comparison: view.comparison)
            let text = try format.render(
                report.blocks(), title: report.title,
                text: TextRenderer(width: TerminalWidth.current(), colour: output.out == nil && wantsColour()),
                csv: { report.csv }, dialect: csv,
                json: { try TeamReportJSON(report).text() })
            try output.deliver(text, what: "Teamoverzicht")
        }
    }
}
