import ArgumentParser
import LOBApp
import LOBFormats

extension LobCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Schrijf gegevens naar een bestand.",
            subcommands: [ScanExport.self])
    }
}

extension LobCommand.Export {
    struct ScanExport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract:
                "Schrijf een scan als scanbestand, bijvoorbeeld voor je teamvoorzitter (leesbaar met lob scan --answers)."
        )

        @Argument(help: "Het nummer van de scan.")
        var id: Int64

        @Option(
            help: ArgumentHelp("Het bestand om te schrijven (alleen leesbaar voor jou).", valueName: "bestand"),
            completion: .file())
        var out: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let stored = try await Output.store { try await store.appForReading().scan(id) }
            try Output.writePrivately(ScanFile.encode(stored.scan, profile: stored.profile), to: out)
            Output.write("Scan \(id) geschreven naar \(Excerpt.visible(out)).\n")
        }
    }
}
