import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand.Import {
    struct Survey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "survey",
            abstract: "Lees de antwoorden van een enquête (Microsoft Forms, Google Forms, LimeSurvey) in als scans.",
            discussion: """
                Een rij van de export is de scan van één collega; de mapping zegt welke kolom welke vraag is en \
                welk antwoord welk niveau. Begin met --template: dat geeft een mapping met de teksten om de \
                enquête mee te maken. De export mag CSV zijn (ook zoals Nederlandse Excel hem opslaat: \
                puntkomma's, Windows-1252) of .xlsx (Microsoft Forms: 'Openen in Excel').

                Alles wordt eerst gecontroleerd; bij één foute rij wordt niets opgeslagen, tenzij je --skip-bad \
                geeft. Met --dry-run zie je wat er opgeslagen zou worden. Daarna gelden de regels van 'lob team \
                import': privé-scans worden niet opgeslagen, anonieme zonder naam, een nieuwere scan vervangt de \
                oudere. Uitleg: lob help enquete.

                Voorbeelden:
                  # de mapping en de teksten voor de enquête
                  lob import survey --template --out mapping.yaml
                  # eerst kijken, dan inlezen
                  lob import survey antwoorden.xlsx --mapping mapping.yaml --team Bouw --dry-run
                  lob import survey antwoorden.xlsx --mapping mapping.yaml --team Bouw
                """)

        @Argument(help: ArgumentHelp("De export: .csv of .xlsx.", valueName: "bestand"), completion: .file())
        var file: String?

        @Option(help: ArgumentHelp("De mapping (YAML).", valueName: "bestand"), completion: .file())
        var mapping: String?

        @Option(help: ArgumentHelp("Het team (anders de teamkolom van de mapping).", valueName: "naam"))
        var team: String?

        @Option(help: ArgumentHelp("De ronde (standaard: het seizoen van de nieuwste scan).", valueName: "naam"))
        var round: String?

        @Flag(help: "Laat zien wat er opgeslagen zou worden, en sla niets op.")
        var dryRun = false

        @Flag(help: "Sla de goede rijen op en noem de foute.")
        var skipBad = false

        @Flag(help: "Schrijf een mapping met de vragen en antwoorden om de enquête mee te maken.")
        var template = false

        @Option(help: ArgumentHelp("Bij --template: het profiel (standaard loopbaanbegeleider-vmbo).", valueName: "id"))
        var profile: String?

        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if template {
                if file != nil || mapping != nil {
                    throw ValidationError("--template maakt een mapping; geef dan geen export of --mapping.")
                }
                return
            }
            if profile != nil { throw ValidationError("--profile hoort bij --template; de mapping noemt het profiel.") }
            guard file != nil else { throw ValidationError("Geef de export (.csv of .xlsx), of --template.") }
            guard mapping != nil else { throw ValidationError("Geef --mapping BESTAND (begin met --template).") }
            if team?.trimmingCharacters(in: .whitespaces).isEmpty == true {
                throw ValidationError("--team mag niet leeg zijn.")
            }
            if round?.trimmingCharacters(in: .whitespaces).isEmpty == true {
                throw ValidationError("--round mag niet leeg zijn.")
            }
        }

        func run() async throws {
            let library = profiles.library()
            if template {
                let id = profile ?? ProfileOptions.defaultProfileID
                let chosen = try library.required(id)
                return try output.deliver(SurveyMapping.template(profile: chosen), what: "De mapping")
            }
            guard let file, let mapping else { return }
            let read: SurveyImport
            do {
                let (rules, profile) = try SurveyMapping.load(URL(fileURLWithPath: mapping), profile: library.profile)
                let table = try SurveyTable.load(InputFile.url(file))
                read = try SurveyImport(
                    table, mapping: rules, profile: profile, file: file, mappingFile: mapping,
                    team: team?.trimmingCharacters(in: .whitespaces), today: Clock.today())
            } catch {
                throw Output.fail(error)
            }
            // As many problems as any file's (FormatError.limit), and a count of the rest.
            let problems = read.badRows.flatMap { bad in bad.problems.map { "rij \(bad.row): \($0)" } }
            for problem in problems.prefix(FormatError.limit) { Output.warn("\(Excerpt.visible(file)): \(problem)") }
            if problems.count > FormatError.limit {
                Output.warn(
                    "\(Excerpt.visible(file)): en nog \(DutchNumber.count(problems.count - FormatError.limit, "fout", "fouten"))"
                )
            }
            let total = read.entries.count + read.badRows.count
            let decision = ImportBatch.decide(good: read.entries.count, bad: read.badRows.count, skipBad: skipBad)
            if let why = Output.refusal(
                decision, ("rij", "rijen"), what: "de export of de mapping", more: " (zie boven)",
                nothing: "geen enkele goede rij om in te lezen")
            {
                throw Output.fail(why)
            }
            if dryRun { return preview(read) }
            let app = try await store.app()
            var stored: [TeamImportOutcome] = []
            // One transaction per team: a survey for one team (the usual case) is stored all or nothing.
            for teamName in Self.teams(read) {
                let entries = read.entries.filter { $0.scan.team == teamName }
                let members = entries.map { TeamMemberScan($0.scan, profile: read.profile) }
                let result = try await Output.store { try await app.importScans(members, team: teamName, round: round) }
                Output.write("Team '\(teamName)', ronde '\(result.round)':\n")
                let lines = zip(entries, result.outcomes).map { entry, outcome in
                    ["\(entry.row)", Self.who(entry.scan), Output.wording(outcome)]
                }
                stored += result.outcomes
                Output.write(
                    TextRenderer(width: TerminalWidth.current()).render([
                        .table(header: ["rij", "wie", "wat er gebeurde"], rows: lines)
                    ]))
            }
            let added = stored.filter { $0 == .added || $0 == .replaced }.count
            Output.write(
                "\(DutchNumber.count(added, "scan", "scans")) opgeslagen uit \(DutchNumber.count(total, "rij", "rijen")); privé-scans niet.\n"
            )
            if !read.badRows.isEmpty {
                throw Output.fail(
                    "\(DutchNumber.count(read.badRows.count, "rij", "rijen")) niet ingelezen (zie boven); de goede zijn opgeslagen."
                )
            }
        }

        /// The name only when the colleague chose to be seen by name.
        static func who(_ scan: Scan) -> String {
            switch scan.consent {
            case .metNaam: scan.teacher
            case .anoniem: "(anoniem)"
            case .prive: "(privé)"
            }
        }

        static func teams(_ read: SurveyImport) -> [String] {
            var seen: [String] = []
            for entry in read.entries where !seen.contains(entry.scan.team ?? "") { seen.append(entry.scan.team ?? "") }
            return seen
        }

        private func preview(_ read: SurveyImport) {
            let rows = read.entries.map { entry in
                [
                    "\(entry.row)", Self.who(entry.scan), entry.scan.team ?? "", entry.scan.consent.word,
                    "\(entry.scan.answers.values.filter { $0.score != nil }.count)",
                ]
            }
            Output.write(
                TextRenderer(width: TerminalWidth.current()).render([
                    .table(header: ["rij", "wie", "team", "toestemming", "beantwoord"], rows: rows)
                ]))
            let kept = read.entries.filter { $0.scan.consent != .prive }.count
            Output.write(
                "Niets opgeslagen (--dry-run). Zonder --dry-run: \(DutchNumber.count(kept, "scan", "scans")) naar de teamcijfers, \(read.entries.count - kept) privé (niet opgeslagen).\n"
            )
        }
    }
}
