import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBCurses
import LOBFormats
import LOBRender
import LOBTerminal

extension LobCommand {
    struct SchoolScanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schoolscan",
            abstract:
                "Voor de school: waar staat de school met LOB? Kies per aspect het model dat past bij hoe het werkelijk gaat.",
            discussion: """
                Zonder --answers opent de schoolscan in de terminal; elke keuze wordt meteen bewaard, en 'lob \
                schoolscan' gaat later verder waar je was. Met --answers lees je een ingevuld bestand in \
                (uitleg: lob help schoolscan). Eén schoolscan per schooljaar: opnieuw invullen vervangt die van \
                dat jaar.

                Voorbeelden:
                  # de schoolscan in de terminal
                  lob schoolscan
                  # een ingevuld bestand inlezen
                  lob schoolscan --answers schoolscan.yaml
                  # de uitslag voor de directie, om te printen
                  lob schoolscan show --format html --out schoolscan.html
                """,
            subcommands: [Fill.self, Show.self, List.self],
            defaultSubcommand: Fill.self)
    }
}

extension LobCommand.SchoolScanCommand {
    struct Fill: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fill", abstract: "Vul de schoolscan in (standaard).")

        @Option(
            help: ArgumentHelp("Een ingevulde schoolscan (YAML of JSON).", valueName: "bestand"), completion: .file())
        var answers: String?

        @Option(help: "Uitvoer na het inlezen: text, markdown of json.")
        var format: OutputFormat = .text

        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let answers else { return try await runInTerminal(try await store.app()) }
            // The file first: a refused file leaves no database behind.
            let scan: SchoolScan
            do { scan = try SchoolScanFile.load(InputFile.url(answers)) } catch { throw Output.fail(error) }
            let app = try await store.app()
            try await Output.store { try await app.saveSchoolScan(scan) }
            Output.write(try Show.render(scan, format: DocumentFormat(rawValue: format.rawValue) ?? .text))
        }

        private func runInTerminal(_ app: LOBApp) async throws {
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                throw Output.fail(
                    "'lob schoolscan' zonder --answers heeft een terminal nodig. Lees een ingevuld bestand in met --answers BESTAND (uitleg: lob help schoolscan)."
                )
            }
            let today = Clock.today()
            let all = try await Output.store { try await app.schoolScans() }
            let stored = all.last { $0.schoolYear == SchoolScan.schoolYear(of: today) }
            let terminal = CursesTerminal(environment: ProcessInfo.processInfo.environment)
            var session = SchoolScanSession(
                school: all.last?.school ?? "", date: today, stored: stored,
                width: terminal.width, height: terminal.height)
            await SchoolScanRunner.run(&session, app: app, terminal: terminal, describe: Output.describe)
            terminal.close()
            if session.scan.isComplete {
                Output.write("Schoolscan \(session.scan.schoolYear) is klaar. Het verslag: lob schoolscan show\n")
            } else if session.started {
                Output.write(
                    "Schoolscan bewaard (\(session.answered) van 12 aspecten). Met 'lob schoolscan' ga je verder waar je was.\n"
                )
            } else {
                Output.write("Gestopt voordat de schoolscan begon; er is niets bewaard.\n")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Toon de schoolscan van een schooljaar (standaard de laatste).")

        @Option(help: ArgumentHelp("Het schooljaar, bijvoorbeeld 2026-2027.", valueName: "jaar"))
        var year: String?

        @Option(help: "Uitvoer: text, markdown, html (één bestand om te printen of te delen) of json.")
        var format: DocumentFormat = .text

        @OptionGroup var output: OutputOptions

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let scan = try await Output.store { try await store.appForReading().schoolScan(year: year) }
            try output.deliver(try Self.render(scan, format: format), what: "Schoolscan \(scan.schoolYear)")
        }

        static func render(_ scan: SchoolScan, format: DocumentFormat) throws -> String {
            let report = SchoolScanReport(SchoolScanResult(scan))
            var blocks = report.blocks()
            if !scan.isComplete {
                blocks.insert(
                    .note(
                        "Nog niet af: \(scan.answers.count) van de 12 aspecten beantwoord; ga verder met 'lob schoolscan'."
                    ), at: 1)
            }
            return try format.render(blocks, title: report.title) { try JSON.encode(SchoolScanJSON(report)) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Toon de bewaarde schoolscans, één per schooljaar.")

        @Option(help: "Uitvoer: text of json.")
        var format: ListFormat = .text

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let scans = try await Output.store { try await store.appForReading().schoolScans() }
            if format == .json { return Output.write(try JSON.encode(ListJSON.SchoolScans(scans))) }
            guard !scans.isEmpty else {
                Output.write("Nog geen schoolscan. Vul er een in met: lob schoolscan\n")
                return
            }
            Output.write(
                TextRenderer(width: TerminalWidth.current()).render([
                    .table(
                        header: ["schooljaar", "school", "datum", "model nu", "gewenst", "beantwoord"],
                        rows: scans.map { scan in
                            let result = SchoolScanResult(scan)
                            return [
                                scan.schoolYear, scan.school, scan.date.description, "model \(result.dominant.number)",
                                result.wished.map { "model \($0.number)" } ?? "–", "\(scan.answers.count) van 12",
                            ]
                        })
                ]))
        }
    }
}
