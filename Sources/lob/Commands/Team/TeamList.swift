import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand.Team {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Toon de teams, hun privacydrempel, leden en rondes.")

        @Option(help: "Uitvoer: text of json.")
        var format: ListFormat = .text

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let teams = try await Output.store { try await store.appForReading().teamList() }
            if format == .json { return Output.write(try JSON.encode(ListJSON.Teams(teams))) }
            guard !teams.isEmpty else {
                Output.write(
                    "Nog geen teams in \(store.databasePath()). Lees scans in met: lob team import BESTAND… --team NAAM\n"
                )
                return
            }
            Output.write(
                TextRenderer(width: TerminalWidth.current()).render([
                    .table(
                        header: ["team", "leden", "drempel", "rondes"],
                        rows: teams.map {
                            [$0.name, "\($0.members)", "\($0.privacyThreshold)", $0.rounds.joined(separator: ", ")]
                        })
                ]))
        }
    }
}
