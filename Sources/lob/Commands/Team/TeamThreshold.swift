import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand.Team {
    struct Threshold: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "threshold",
            abstract: "Zet de privacydrempel van een team: geen cijfer over minder mensen (minstens 3).")

        @Argument(help: ArgumentHelp("De nieuwe drempel (3 of meer).", valueName: "aantal"))
        var threshold: Int

        @Option(help: ArgumentHelp("Het team.", valueName: "naam"))
        var team: String

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if threshold < PrivacyRule.minimumThreshold {
                throw ValidationError(
                    "De privacydrempel is minstens \(PrivacyRule.minimumThreshold): met minder mensen is te herleiden wie wat scoorde."
                )
            }
            if threshold > PrivacyRule.settableThresholds.upperBound {
                throw ValidationError("De privacydrempel is hooguit \(PrivacyRule.settableThresholds.upperBound).")
            }
        }

        func run() async throws {
            try await Output.store { try await store.app().setThreshold(threshold, team: team) }
            Output.write("Privacydrempel van team '\(team)' is nu \(threshold).\n")
        }
    }
}
