import ArgumentParser
import LOBApp
import LOBCore
import LOBRender

extension LobCommand.Feedback {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "Je zelfbeeld naast dat van je leidinggevende en je collega's, per competentie en gedragskenmerk.",
            discussion: """
                Zonder nummer: je laatste scan, naast de feedback over jou op hetzelfde profiel. Collega's tellen \
                alleen mee als groep van minstens drie.

                Voorbeelden:
                  # als tekst
                  lob feedback report
                  # om te printen, met een radar (A4)
                  lob feedback report --format html --out feedback.html
                """)

        @OptionGroup var choice: ScanChoice

        @Option(help: "Uitvoer: text, markdown, html (één bestand om te printen of te delen) of json.")
        var format: DocumentFormat = .text

        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (stored, analysis) = try await Output.store { try await store.appForReading().feedbackView(choice.id) }
            let report = FeedbackReport(stored, analysis: analysis)
            let text = try format.render(report.blocks(), title: report.title) {
                try JSON.encode(FeedbackReportJSON(report))
            }
            try output.deliver(text, what: "Feedback bij scan \(stored.id)")
        }
    }
}
