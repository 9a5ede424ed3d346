import ArgumentParser
import Foundation
import LOBCore
import LOBRender

extension LobCommand {
    struct Framework: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "framework",
            abstract:
                "Het hele kader: competenties, gedragskenmerken, schoolmodellen, rollen en meer; of als export naar Moodle of CASE.",
            subcommands: [Show.self, ExportFramework.self],
            defaultSubcommand: Show.self)
    }
}

extension LobCommand.Framework {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Toon het hele kader (standaard).")

        @Option(help: "Uitvoer: text, markdown of json.")
        var format: OutputFormat = .text

        func run() async throws {
            let catalogue = Catalogue.standard
            Output.write(
                try format.render(FrameworkReport.blocks(catalogue)) { try JSON.encode(FrameworkJSON(catalogue)) })
        }
    }

    struct ExportFramework: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract:
                "Zet het kader (of een profiel) over naar Moodle (competentiekader als CSV) of naar 1EdTech CASE (JSON).",
            discussion: """
                Moodle: Site-administratie > Competenties > Competentiekader importeren, kies het CSV-bestand
                (scheidingsteken komma, codering UTF-8). CASE: importeer het JSON-pakket in OpenSALT of een ander
                CASE-programma. Dezelfde export geeft elke keer dezelfde bestanden, met dezelfde ids.

                Voorbeelden:
                  lob framework export --format moodle-csv --out lob-kader.csv
                  lob framework export --format case --profile loopbaanbegeleider-mbo --out mbo-case.json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case case_ = "case"
            case moodleCSV = "moodle-csv"
        }

        @Option(help: "case (1EdTech CASE 1.0, JSON) of moodle-csv (Moodle-competentiekader).")
        var format: Format

        @Option(
            help: ArgumentHelp("Alleen de gedragskenmerken van dit profiel (zie 'lob profiles list').", valueName: "id")
        )
        var profile: String?

        @Option(
            name: .customLong("base-uri"),
            help: ArgumentHelp("Voor CASE: de basis van de URI's (BASIS/uri/ID); anders urn:uuid:ID.", valueName: "url")
        )
        var baseURI: String?

        @OptionGroup var output: OutputOptions

        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if let baseURI, URL(string: baseURI)?.scheme == nil {
                throw ValidationError("--base-uri moet een volledige URL zijn, zoals https://school.nl/case.")
            }
            if baseURI != nil && format != .case_ {
                throw ValidationError("--base-uri hoort alleen bij --format case.")
            }
        }

        func run() async throws {
            var chosen: Profile?
            if let profile {
                chosen = try profiles.library().required(profile)
            }
            let text =
                switch format {
                case .case_: try CASEPackage(profile: chosen, baseURI: baseURI).json()
                case .moodleCSV: try MoodleFrameworkCSV.render(profile: chosen)
                }
            try output.deliver(text, what: format == .case_ ? "CASE-pakket" : "Moodle-competentiekader")
        }
    }
}
