import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand {
    struct Budget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "budget",
            abstract:
                "Voor de school: besteed het scholingsbudget waar het het meeste gat sluit, met uitleg per keuze.",
            discussion: """
                Neemt van elk team de laatste ronde (met de privacydrempel), de vormen uit de catalogus met \
                kosten per deelnemer en per groep, groepsgrootte, uren en het aangenomen effect, en kiest wat de \
                school betaalt: zoveel mogelijk gewogen gat gesloten binnen het budget (en de uren). Toont \
                aantallen docenten, nooit namen. Met een schoolscan waarin de school een ander model wil, ook \
                wat die overstap extra vraagt. Met --effects-from rekent het voor de vormen die de evaluatie van \
                dat schooljaar liet zien met het gemeten effect in plaats van de aanname, en zegt welke.

                Voorbeelden:
                  # wat € 25.000 dit schooljaar sluit
                  lob budget --budget 25000
                  # twee budgetten naast elkaar, met een grens aan de uren
                  lob budget --budget 25000 --hours 400 --compare-budget 40000
                  # als HTML om te printen
                  lob budget --budget 25000 --format html --out budget.html
                  # met het effect dat vorig schooljaar gemeten is (lob evaluation report)
                  lob budget --budget 25000 --effects-from 2025-2026
                  # voor Excel, met de bedragen van de school
                  lob budget --budget 25000 --costs onze-scholing.yaml \\
                    --format csv --out budget.csv
                """)

        @Option(
            name: .customLong("budget"),
            help: ArgumentHelp(
                "Het budget in euro's, zoals je het schrijft: 25000, 25.000 of € 25.000,50.", valueName: "euro"))
        var budgetText: String

        @Option(
            name: .customLong("hours"),
            help: ArgumentHelp("Ten hoogste zoveel uren (deelnemers × uren) samen.", valueName: "uren"))
        var hoursText: String?

        @Option(
            name: .customLong("compare-budget"),
            help: ArgumentHelp("Een tweede budget, naast het eerste.", valueName: "euro"))
        var compareBudgetText: String?

        /// Money and hours are read once, by one parser, with a range no school exceeds.
        static let euros: ClosedRange<Double> = 0...100_000_000
        static let hourRange: ClosedRange<Double> = 0...1_000_000
        var budget: Double { (try? DutchAmount.parse(budgetText, what: "--budget", range: Self.euros)) ?? 0 }
        var hours: Double? { hoursText.flatMap { try? DutchAmount.parse($0, what: "--hours", range: Self.hourRange) } }
        var compareBudget: Double? {
            compareBudgetText.flatMap { try? DutchAmount.parse($0, what: "--compare-budget", range: Self.euros) }
        }

        @Option(
            help: ArgumentHelp("Catalogus van scholingsvormen met kosten en effect (YAML).", valueName: "bestand"),
            completion: .file())
        var costs: String?

        @Option(help: ArgumentHelp("Het schooljaar van de schoolscan (standaard de laatste).", valueName: "jaar"))
        var year: String?

        @Option(
            name: .customLong("effects-from"),
            help: ArgumentHelp(
                "Neem het gemeten effect per vorm uit de evaluatie van dit schooljaar, waar die het laat zien.",
                valueName: "jaar"))
        var effectsFrom: String?

        @Option(help: "Uitvoer: text, markdown, html, csv of json.")
        var format: TableFormat = .text

        @OptionGroup var csv: CSVOptions

        @OptionGroup var output: OutputOptions

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            do {
                _ = try DutchAmount.parse(budgetText, what: "--budget", range: Self.euros)
                if let compareBudgetText {
                    _ = try DutchAmount.parse(compareBudgetText, what: "--compare-budget", range: Self.euros)
                }
                if let hoursText { _ = try DutchAmount.parse(hoursText, what: "--hours", range: Self.hourRange) }
            } catch {
                throw ValidationError(error.description)
            }
        }

        func run() async throws {
            let app = try await store.appForReading()
            let library = profiles.library()
            let catalogue = try Catalogues.load(
                try Catalogues.url(costs: costs, profile: nil, library: library))
            let study = try await Output.store {
                try await app.budget(
                    limits: .init(budget: budget, hours: hours), compareBudget: compareBudget, activities: catalogue,
                    year: year, effectsFrom: effectsFrom
                ) { role, model in library.profile(SchoolScanResult.profileID(role: role, model: model)) }
            }
            let report = BudgetReport(
                year: study.schoolYear, catalogue: catalogue, teams: study.teams, withheldTeams: study.withheldTeams,
                main: study.main, comparison: study.comparison, move: study.move, afterMove: study.afterMove,
                effects: study.effects)
            let text = try format.render(
                report.blocks(), title: report.title,
                csv: { report.csv }, dialect: csv,
                json: { try JSON.encode(BudgetJSON(report)) })
            try output.deliver(text, what: "Budgetverslag")
        }
    }
}
