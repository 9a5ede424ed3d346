import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBCurses
import LOBFormats
import LOBTerminal

extension LobCommand {
    struct ScanCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Doe de zelfscan: je scores op de gedragskenmerken van een profiel.",
            discussion: """
                Zonder --answers opent de scan in de terminal (minstens 80×24). Elk antwoord wordt meteen \
                bewaard; stop je halverwege, dan biedt 'lob scan' de volgende keer aan verder te gaan waar je \
                was.

                Met --answers lees je een ingevuld scanbestand in (uitleg: lob help scanbestand); - is \
                standaardinvoer. Het bestand wordt eerst helemaal gecontroleerd; bij een fout blijft de database \
                ongewijzigd.

                Voorbeelden:
                  # de scan in de terminal, met het standaardprofiel
                  lob scan
                  # de scan als mentor in model 2
                  lob scan --profile mentor-model2
                  # een ingevuld scanbestand inlezen
                  lob scan --answers mijn-scan.yaml
                  # daarna: je uitslag en je scholingsplan
                  lob report && lob plan
                """)

        @Option(
            help: ArgumentHelp("Een ingevuld scanbestand (YAML of JSON).", valueName: "bestand"), completion: .file())
        var answers: String?

        @Option(
            help: ArgumentHelp(
                "Het profiel (standaard loopbaanbegeleider-vmbo); bij een bestand alleen als het er geen noemt.",
                valueName: "id"))
        var profile: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func run() async throws {
            guard let answers else { return try await runInTerminal() }
            let library = profiles.library()
            let decoded: (scan: Scan, profile: Profile)
            do {
                decoded = try ScanFile.load(InputFile.url(answers), profileID: profile, profile: library.profile)
            } catch {
                throw Output.fail(error)
            }
            let app = try await store.app()
            let (id, new) = try await Output.store { try await app.storeScan(decoded.scan, profile: decoded.profile) }
            let result = ScanResult(scan: decoded.scan, profile: decoded.profile)
            if new {
                Output.write(
                    "Scan \(id) opgeslagen: \(result.answeredCount) van \(result.behaviours.count) gedragskenmerken beantwoord.\n"
                )
            } else {
                Output.write("Deze scan staat er al in als scan \(id); er is niets dubbel opgeslagen.\n")
            }
            Output.write("Bekijk je uitslag met: lob report \(id)\n")
        }

        /// The scan in the terminal UI; the screens live in LOBTerminal, ncurses only in LOBCurses.
        private func runInTerminal() async throws {
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                throw Output.fail(
                    "'lob scan' zonder --answers heeft een terminal nodig. Lees een ingevuld bestand in met --answers BESTAND (uitleg: lob help scanbestand)."
                )
            }
            let library = profiles.library()
            let defaultID = profile ?? ProfileOptions.defaultProfileID
            _ = try library.required(defaultID)
            library.problems.forEach(Output.warn)
            let choosable = library.entries.map(\.profile)
            let app = try await store.app()
            let terminal = CursesTerminal(environment: ProcessInfo.processInfo.environment)
            var session: ScanSession
            do {
                session = try await ScanRunner.makeSession(
                    app: app, profiles: choosable, defaultProfileID: defaultID,
                    date: Clock.today(), width: terminal.width, height: terminal.height)
            } catch {
                terminal.close()
                throw Output.fail(Output.describe(error))
            }
            let outcome = await ScanRunner.run(&session, app: app, terminal: terminal, describe: Output.describe)
            terminal.close()
            guard let id = outcome.scanID else {
                Output.write("Gestopt voordat de scan begon; er is niets bewaard.\n")
                return
            }
            if outcome.finished {
                Output.write(
                    "Scan \(id) is klaar: \(outcome.answered) van \(outcome.total) gedragskenmerken beantwoord.\n")
                Output.write(
                    "Je uitslag: lob report \(id) · je scholingsplan: lob plan \(id) · voor je teamvoorzitter: lob export scan \(id) --out scan.yaml\n"
                )
            } else {
                Output.write(
                    "Scan \(id) is bewaard (\(outcome.answered) van \(outcome.total) beantwoord). Met 'lob scan' ga je verder waar je gebleven was.\n"
                )
            }
        }
    }
}
