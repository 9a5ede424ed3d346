import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBRender

extension LobCommand.Plan {
    /// `lob plan progress`: the plan against the logbook, and the goals against the next scan.
    struct Progress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract:
                "Je plan tegen wat je deed (uren, kosten, je reacties) en, na een nieuwe scan, of je doelen bereikt zijn.",
            discussion: """
                Kirkpatrick niveau 1 (je reacties) en 2 (het geleerde): per doel zet het je scores van de scan \
                waar het plan uit komt naast die van je nieuwste latere scan. Neem het mee naar je \
                ontwikkelgesprek.

                Voorbeelden:
                  lob plan progress
                  lob plan progress --format html --out voortgang.html
                """)

        @OptionGroup var plan: LogbookPlanChoice
        @OptionGroup var planOptions: PlanOptions

        @Option(help: "Uitvoer: text, markdown, html of json.")
        var format: DocumentFormat = .text

        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func run() async throws {
            let (stored, progress) = try await plan.progress(options: planOptions, profiles: profiles, store: store)
            let report = ProgressReport(progress)
            let text = try format.render(report.blocks(), title: report.title) {
                try JSON.encode(ProgressJSON(report))
            }
            try output.deliver(text, what: "Voortgang van het plan van scan \(stored.id)")
        }
    }
}
