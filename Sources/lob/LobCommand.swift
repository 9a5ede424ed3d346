import ArgumentParser
import LOBCore

/// The `lob` command: dispatches to its subcommands, one file each in `Commands/`.
@main
struct LobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lob",
        abstract: "LOB-spiegel: houd je loopbaanbegeleiding een spiegel voor.",
        discussion: """
            Voor de vakdocent die loopbaanbegeleider wordt, de teamvoorzitter en de school.
            Het kader komt uit vijf Nederlandse bronnen over LOB (SLO, Project Stimulering LOB).

            Beginnen:
              # de vakdocent: de zelfscan, dan uitslag en scholingsplan
              lob scan
              # de teamvoorzitter: de scanbestanden van het team inlezen
              lob team import scans/ --team "Bouwtechniek bovenbouw"
              # de school: waar staat de school, en het scholingsbudget
              lob schoolscan
              lob budget --budget 25000
              # een scanronde in de browser, op een server van de school
              lob serve

            Meer uitleg:
            \(HelpTopics.list)
            """,
        version: LOBSpiegel.version,
        subcommands: [
            ScanCommand.self, Form.self, Scans.self, Report.self, Plan.self, Export.self, Team.self,
            Feedback.self, Import.self, SchoolScanCommand.self, Budget.self, Evaluation.self, Framework.self,
            Profiles.self, Serve.self,
            DB.self,
        ]
    )
}
