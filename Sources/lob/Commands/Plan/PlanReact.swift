import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats

extension LobCommand.Plan {
    /// `lob plan react`: Kirkpatrick's first level, right after an activity.
    struct React: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "react",
            abstract: "Geef je reactie op een activiteit die je deed: tevreden? kun je ermee aan de slag?",
            discussion: """
                Twee vragen op een schaal van 1 tot en met 5 (een standaard van LOB-spiegel; de bron geeft de \
                vragen, geen schaal), en een opmerking als je wilt. Zonder --satisfied en --usable vraagt het \
                commando ze je hier. Nog eens reageren vervangt je vorige reactie. Alleen jij ziet je reactie \
                met je naam; de school ziet reacties alleen als groep.

                  \(Reaction.satisfiedQuestion) 1 \(Reaction.satisfiedLabels[0]) … 5 \(Reaction.satisfiedLabels[4])
                  \(Reaction.usableQuestion) 1 \(Reaction.usableLabels[0]) … 5 \(Reaction.usableLabels[4])

                Voorbeeld:
                  lob plan react 1 --satisfied 4 --usable 5 --remark "Direct bruikbaar in mijn mentorles"
                """)

        @Argument(help: ArgumentHelp("Het logboeknummer van de activiteit.", valueName: "nr"))
        var id: Int64

        @Option(help: ArgumentHelp("Tevreden: 1 (zeer ontevreden) t/m 5 (zeer tevreden).", valueName: "1-5"))
        var satisfied: Int?

        @Option(help: ArgumentHelp("Aan de slag: 1 (zeker niet) t/m 5 (zeker wel).", valueName: "1-5"))
        var usable: Int?

        @Option(help: ArgumentHelp("Een opmerking (hooguit \(Reaction.remarkLength) tekens).", valueName: "tekst"))
        var remark: String?

        @OptionGroup var date: DateOption
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let app = try await store.app()
            let satisfied = try self.satisfied ?? Self.ask(Reaction.satisfiedQuestion, labels: Reaction.satisfiedLabels)
            let usable = try self.usable ?? Self.ask(Reaction.usableQuestion, labels: Reaction.usableLabels)
            var remark = self.remark
            if self.satisfied == nil && self.usable == nil && remark == nil {
                Output.write("Een opmerking? (Enter: geen) ")
                remark = readLine()
            }
            let reaction = try await Output.store {
                try await app.react(
                    activityID: id, satisfied: satisfied, usable: usable, remark: remark, date: date.date)
            }
            Output.write(
                "Je reactie op activiteit \(id) is bewaard: \(Reaction.satisfiedLabels[reaction.satisfied - 1]), \(Reaction.usableLabels[reaction.usable - 1]).\n"
            )
        }

        /// One question on standard input, asked again until the answer is on the scale.
        static func ask(_ question: String, labels: [String]) throws -> Int {
            let scale = labels.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: " · ")
            while true {
                Output.write("\(question)\n  \(scale)\nJe antwoord (1-5): ")
                guard let line = readLine() else {
                    throw Output.fail(
                        "geen antwoord op '\(question)': geef het met --satisfied en --usable, of typ een getal van 1 tot en met 5"
                    )
                }
                if let value = Int(line.trimmingCharacters(in: .whitespaces)), Reaction.scale.contains(value) {
                    return value
                }
                Output.write("Typ een getal van 1 tot en met 5.\n")
            }
        }
    }
}
