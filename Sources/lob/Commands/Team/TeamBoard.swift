import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand.Team {
    struct Board: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "board",
            abstract: "Alle teams naast elkaar (de laatste ronde van elk team): aantallen en gemiddelden, nooit namen.")

        @Option(help: ArgumentHelp("Alleen teams met een ronde met dit label, in die ronde.", valueName: "label"))
        var round: String?

        @Option(help: "Uitvoer: text, markdown, html, csv of json.")
        var format: TableFormat = .text

        @OptionGroup var csv: CSVOptions

        @OptionGroup var output: OutputOptions

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let overview = try await Output.store { try await store.appForReading().board(round: round) }
            let report = BoardReport(overview)
            let text = try format.render(
                report.blocks(), title: report.title, text: TextRenderer(width: TerminalWidth.current()),
                csv: { report.csv }, dialect: csv,
                json: { try JSON.encode(BoardReportJSON(report)) })
            try output.deliver(text, what: "Overzicht")
        }
    }
}
