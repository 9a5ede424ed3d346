import ArgumentParser
import LOBApp
import LOBCore
import LOBFormats

extension LobCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Schrijf gegevens naar een bestand.",
            subcommands: [ScanExport.self, LogbookExport.self])
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

    /// `lob export logbook`: the year's logbook, to hand in for the school's evaluation.
    struct LogbookExport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "logbook",
            abstract:
                "Schrijf je logboek van dit schooljaar als bestand voor de evaluatie van de school (lob evaluation import).",
            discussion: """
                Erin: de activiteiten die je deed (datum, uren, kosten), je twee antwoorden per activiteit en per \
                doel of je volgende zelfscan het doelniveau haalde. Niet erin: je opmerkingen. De school telt je \
                logboek alleen als groep; je naam bewaart ze alleen met --consent metNaam.

                Voorbeeld:
                  lob export logbook --consent anoniem --out logboek.yaml
                """)

        @Option(help: "anoniem (standaard) of metNaam: of de school je naam bij je logboek bewaart.")
        var consent: Consent = .anoniem

        @Option(
            help: ArgumentHelp("Het bestand om te schrijven (alleen leesbaar voor jou).", valueName: "bestand"),
            completion: .file())
        var out: String

        @OptionGroup var plan: LogbookPlanChoice
        @OptionGroup var planOptions: PlanOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if consent == .prive {
                throw ValidationError("Een privé-logboek lever je niet in: kies --consent anoniem of metNaam.")
            }
        }

        func run() async throws {
            let app = try await store.appForReading()
            let stored = try await plan.scan(in: app)
            let catalogue = try planOptions.catalogue(for: stored.profile, profiles: profiles)
            let logbook = try await Output.store {
                try await app.yearLogbook(
                    stored, activities: catalogue, options: planOptions.options, consent: consent,
                    date: Clock.documentDate())
            }
            try Output.writePrivately(LogbookFile.encode(logbook), to: out)
            Output.write(
                "Logboek \(logbook.schoolYear) geschreven naar \(Excerpt.visible(out)): \(DutchNumber.count(logbook.activities.count, "activiteit", "activiteiten")), \(DutchNumber.count(logbook.goals.count, "doel", "doelen")) gemeten (\(consent.word)).\n"
            )
        }
    }
}
