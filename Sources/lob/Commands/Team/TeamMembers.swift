import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand.Team {
    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "members",
            abstract: "Toon wie er in een team zit: met naam wie dat toestond, de anderen alleen als aantal.")

        @Argument(help: ArgumentHelp("Het team.", valueName: "naam"))
        var team: String

        @Option(help: "Uitvoer: text of json.")
        var format: ListFormat = .text

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let members = try await Output.store { try await store.appForReading().members(team: team) }
            if format == .json { return Output.write(try JSON.encode(ListJSON.Members(team: team, members: members))) }
            let named = members.compactMap { member in member.teacher.map { ($0, member.rounds) } }.sorted {
                $0.0 < $1.0
            }
            let anonymous = members.count - named.count
            var blocks: [Block] = [
                .table(header: ["collega", "rondes"], rows: named.map { [$0.0, $0.1.joined(separator: ", ")] })
            ]
            if anonymous > 0 {
                blocks.append(
                    .paragraph(
                        "En \(anonymous) \(anonymous == 1 ? "collega die" : "collega's die") anoniem \(anonymous == 1 ? "deelde" : "deelden"). Van hen is geen naam bewaard, maar wel een pseudoniem: een code uit teamnaam en naam waarmee een nieuwere scan van dezelfde collega wordt herkend. Wie de namen van het team kent, kan die code narekenen. Een collega die met naam deelde en daarna anoniem, staat nergens meer met naam, ook niet in de geschiedenis."
                    ))
            }
            Output.write(TextRenderer(width: TerminalWidth.current()).render(blocks))
        }
    }
}
