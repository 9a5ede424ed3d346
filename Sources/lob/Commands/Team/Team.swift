import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand {
    struct Team: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "team",
            abstract: "Voor de teamvoorzitter: lees de scans van je team in en bekijk waar het team staat.",
            discussion: """
                Collega's geven je hun scanbestand (lob export scan N --out scan.yaml). Wat je ziet, hangt af \
                van wat ieder toestond: met naam, anoniem, of niets (privé). Geen cijfer gaat over minder mensen \
                dan de privacydrempel van het team (standaard 3, nooit lager). Uitleg: lob help privacy.

                Voorbeelden:
                  # de scans van het team inlezen
                  lob team import scans/ --team "Bouwtechniek bovenbouw"
                  # waar het team staat
                  lob team report --team "Bouwtechniek bovenbouw"
                  # alle koppels om van elkaar te leren, voor Excel
                  lob team pairs --team Bouw --format csv --out koppels.csv
                  # het teamplan, om te printen
                  lob team plan --team Bouw --format html --out teamplan.html
                  # alle teams naast elkaar, zonder namen
                  lob team board
                """,
            subcommands: [
                Import.self, List.self, Members.self, RemoveMember.self, Threshold.self, TeamReportCommand.self,
                TeamPairsCommand.self, TeamPlanGroup.self, TeamFeedbackCommand.self, Board.self, Round.self,
            ])
    }
}

/// The team a command is about: `--team NAME`, or the only team there is.
struct TeamChoice: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "De naam van het team (zie 'lob team list'); mag weg als er maar één team is.", valueName: "naam"))
    var team: String?
}

/// Colour only for a terminal that wants it (https://no-color.org).
func wantsColour(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
}
