import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand {
    struct Evaluation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluation",
            abstract:
                "Voor de school: heeft de professionalisering gewerkt? De vier niveaus van Kirkpatrick per schooljaar.",
            discussion: """
                Docenten leveren aan het eind van het schooljaar hun logboek in (lob export logbook): wat ze van \
                hun scholingsplan deden, hun reacties en of hun doelen bereikt zijn. De school leest ze in, zet \
                er haar eigen resultaten naast (niveau 4: bijvoorbeeld de leerlingenenquête) en ziet per vorm \
                van professionalisering en per leervoorkeur wat het kostte en wat het opleverde — alleen als \
                groep, nooit per docent. Uitleg: lob help evaluatie.

                Voorbeelden:
                  # de ingeleverde logboeken
                  lob evaluation import logboeken/
                  # de resultaten van de school
                  lob evaluation indicators resultaten-2026-2027.csv --year 2026-2027
                  # het verslag, naast het budget, om te printen
                  lob evaluation report --budget 25000 --format html --out evaluatie.html
                """,
            subcommands: [Report.self, Import.self, Indicators.self],
            defaultSubcommand: Report.self)
    }
}

extension LobCommand.Evaluation {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Lees logboeken in (een map: alle *.yaml, *.yml en *.json erin).",
            discussion: """
                Een nieuwer logboek van dezelfde docent in hetzelfde schooljaar vervangt zijn vorige; hetzelfde \
                bestand twee keer inlezen verandert niets. Alles wordt eerst gecontroleerd: bij één fout bestand \
                wordt niets opgeslagen, tenzij je --skip-bad geeft.
                """)

        @Argument(help: ArgumentHelp("Logboeken of mappen.", valueName: "bestand"), completion: .file())
        var files: [String]

        @Flag(help: "Sla de goede bestanden op en noem de foute.")
        var skipBad = false

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let paths = try FileArguments.expand(files)
            var good: [(path: String, logbook: YearLogbook)] = []
            var bad = 0
            for path in paths {
                do {
                    good.append((path, try LogbookFile.load(InputFile.url(path))))
                } catch {
                    Output.warn(error)
                    bad += 1
                }
            }
            let decision = ImportBatch.decide(good: good.count, bad: bad, skipBad: skipBad)
            if let why = Output.refusal(
                decision, ("bestand", "bestanden"), what: "ze", nothing: "geen enkel goed logboek om in te lezen")
            {
                throw Output.fail(why)
            }
            let app = try await store.app()
            let outcomes = try await Output.store { try await app.importLogbooks(good.map(\.logbook)) }
            for (entry, outcome) in zip(good, outcomes) {
                let word =
                    switch outcome {
                    case .added: "nieuw"
                    case .replaced: "vervangt het vorige logboek van deze docent"
                    case .unchanged: "al ingelezen: niets veranderd"
                    case .older: "ouder dan het logboek van deze docent dat er al is: niet ingelezen"
                    }
                Output.write(
                    "\(Excerpt.visible(entry.path)): \(word) (\(entry.logbook.schoolYear), \(entry.logbook.consent.word))\n"
                )
            }
            let added = outcomes.filter { $0 == .added || $0 == .replaced }.count
            Output.write("\(DutchNumber.count(added, "logboek", "logboeken")) ingelezen of bijgewerkt.\n")
            if bad > 0 {
                throw Output.fail("\(DutchNumber.count(bad, "bestand", "bestanden")) niet ingelezen (zie boven)")
            }
        }
    }

    struct Indicators: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "indicators",
            abstract: "Lees de resultaten van de school in (niveau 4): een CSV met indicator, waarde, eenheid, bron.",
            discussion: """
                De school kiest haar eigen indicatoren; de bron geeft een voorbeeld: het deel van de leerlingen \
                dat (zeer) tevreden is over de begeleiding. Een tweede keer inlezen vervangt de indicatoren van \
                dat schooljaar.

                Voorbeeld (Excel, opgeslagen als CSV):
                  indicator;waarde;eenheid;bron
                  Leerlingen (zeer) tevreden over loopbaanbegeleiding;78;%;leerlingenenquête mei 2027
                  Loopbaandossiers compleet;212;dossiers;mentoren
                """)

        @Argument(help: ArgumentHelp("Het CSV-bestand.", valueName: "bestand"), completion: .file())
        var file: String

        @Option(help: ArgumentHelp("Het schooljaar, als 2026-2027.", valueName: "jaar"))
        var year: String

        @OptionGroup var store: StoreOptions

        func validate() throws {
            let parts = year.split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
            guard parts.count == 2, (2000...2100).contains(parts[0]), parts[1] == parts[0] + 1 else {
                throw ValidationError(
                    "--year: verwacht een schooljaar als 2026-2027, gevonden '\(Excerpt.visible(year))'.")
            }
        }

        func run() async throws {
            let indicators: [SchoolIndicator]
            do { indicators = try IndicatorFile.load(InputFile.url(file)) } catch { throw Output.fail(error) }
            let app = try await store.app()
            try await Output.store { try await app.saveIndicators(indicators, schoolYear: year) }
            Output.write(
                "\(DutchNumber.count(indicators.count, "indicator", "indicatoren")) van \(year) opgeslagen.\n")
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Het evaluatieverslag van een schooljaar (de standaard van 'lob evaluation').")

        @Option(help: ArgumentHelp("Het schooljaar (standaard het laatste).", valueName: "jaar"))
        var year: String?

        @Option(
            name: .customLong("budget"),
            help: ArgumentHelp("Het budget van dat jaar, om de besteding naast te zetten.", valueName: "euro"))
        var budgetText: String?

        @Option(
            help: ArgumentHelp(
                "Catalogus van scholingsvormen, voor de namen van de vormen (YAML).", valueName: "bestand"),
            completion: .file())
        var costs: String?

        @Option(help: "Uitvoer: text, markdown, html, csv of json.")
        var format: TableFormat = .text

        @OptionGroup var csv: CSVOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        var budget: Double? {
            budgetText.flatMap { try? DutchAmount.parse($0, what: "--budget", range: LobCommand.Budget.euros) }
        }

        func validate() throws {
            do {
                if let budgetText {
                    _ = try DutchAmount.parse(budgetText, what: "--budget", range: LobCommand.Budget.euros)
                }
            } catch {
                throw ValidationError(error.description)
            }
        }

        func run() async throws {
            let app = try await store.appForReading()
            let catalogue = try Catalogues.load(
                try Catalogues.url(costs: costs, profile: nil, library: profiles.library()))
            let study = try await Output.store { try await app.evaluation(year: year, activities: catalogue) }
            let report = EvaluationReport(
                evaluation: study.evaluation, indicators: study.indicators, previousYear: study.previousYear,
                previousIndicators: study.previousIndicators, schoolScan: study.schoolScan,
                previousSchoolScan: study.previousSchoolScan, budget: budget, teamActivities: study.teamActivities)
            let text = try format.render(
                report.blocks(), title: report.title, csv: { report.csv }, dialect: csv,
                json: { try JSON.encode(EvaluationJSON(report)) })
            try output.deliver(text, what: "Evaluatieverslag")
        }
    }
}
