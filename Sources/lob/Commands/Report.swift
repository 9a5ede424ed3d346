import ArgumentParser
import LOBApp
import LOBCore
import LOBRender

extension LobCommand {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Toon waar je staat: per competentie en gedragskenmerk score, doel, gat en prioriteit.",
            discussion: """
                Zonder nummer: de laatste scan. Met --compare ook de verandering sinds een eerdere scan; een \
                jaarlijkse herhaling laat zo zien wat je geleerd hebt (Kirkpatrick niveau 2).

                Voorbeelden:
                  # je laatste scan als tekst
                  lob report
                  # scan 3 naast scan 1
                  lob report 3 --compare 1
                  # om te printen of te mailen (A4)
                  lob report --format html --out uitslag.html
                """)

        @OptionGroup var choice: ScanChoice

        @Option(help: ArgumentHelp("Vergelijk met deze eerdere scan.", valueName: "ander-id"))
        var compare: Int64?

        @Option(help: "Uitvoer: text, markdown, html (één bestand om te printen of te delen) of json.")
        var format: DocumentFormat = .text

        @OptionGroup var output: OutputOptions

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (stored, earlier) = try await Output.store {
                try await store.appForReading().report(choice.id, compareWith: compare)
            }
            let report = ScanReport(stored, compareWith: earlier)
            let text = try format.render(report.blocks(), title: report.title) {
                try JSON.encode(ScanReportJSON(report))
            }
            try output.deliver(text, what: "Uitslag van scan \(stored.id)")
        }
    }
}
