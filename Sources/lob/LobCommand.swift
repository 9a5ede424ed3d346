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

            Voorbeelden:
              lob framework                      het hele kader
              lob framework --format json        hetzelfde als JSON, met de ids
              lob profiles list                  de beschikbare profielen
              lob profiles show loopbaanbegeleider-vmbo
              lob profiles validate mijn-profiel.yaml
            """,
        version: LOBSpiegel.version,
        subcommands: [
            ScanCommand.self, Scans.self, Report.self, Plan.self, Export.self, Team.self, SchoolScanCommand.self,
            Budget.self, Framework.self, Profiles.self,
        ]
    )
}
