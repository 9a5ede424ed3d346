import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand.Team {
    struct RemoveMember: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-member",
            abstract:
                "Verwijder alle scans van een collega uit een team (ook de geschiedenis), bijvoorbeeld als hij zijn toestemming intrekt.",
            discussion: "Werkt ook voor wie anoniem deelde: zijn naam is niet bewaard, maar wel te herkennen.")

        @Argument(help: ArgumentHelp("De naam van de collega, zoals in zijn scanbestand.", valueName: "naam"))
        var teacher: String

        @Option(help: ArgumentHelp("Het team.", valueName: "naam"))
        var team: String

        @Flag(help: "Niet vragen: verwijder meteen.")
        var yes = false

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let app = try await store.app()
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw Output.fail("verwijderen vraagt om bevestiging; geef --yes om het zonder vraag te doen")
                }
                FileHandle.standardError.write(
                    Data("Alle scans van '\(teacher)' uit team '\(team)' verwijderen? [j/N] ".utf8))
                guard let answer = readLine(), ["j", "ja", "y", "yes"].contains(answer.lowercased()) else {
                    Output.write("Niets verwijderd.\n")
                    return
                }
            }
            let count = try await Output.store { try await app.removeMember(teacher, team: team) }
            guard count > 0 else { throw Output.fail("team '\(team)' heeft geen scans van '\(teacher)'") }
            Output.write(
                "\(DutchNumber.count(count, "scan", "scans")) van '\(teacher)' verwijderd uit team '\(team)'.\n")
        }
    }
}
