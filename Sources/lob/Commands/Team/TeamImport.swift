import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand.Team {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract:
                "Lees scanbestanden van je team in (een map: alle *.yaml, *.yml en *.json erin; de rest wordt genoemd).",
            discussion: """
                Dezelfde scan twee keer inlezen verandert niets. Een nieuwere scan van dezelfde collega in \
                dezelfde ronde vervangt de oudere; de oudere blijft als geschiedenis bewaard. Privé-scans worden \
                niet opgeslagen. Notities gaan nooit mee: het team ziet alleen scores.

                Alles wordt eerst gecontroleerd: bij één fout bestand wordt niets opgeslagen (--all-or-nothing, \
                de standaard), tenzij je --skip-bad geeft. - is standaardinvoer.

                Voorbeelden:
                  # een map met scanbestanden
                  lob team import scans/ --team "Bouwtechniek bovenbouw"
                  # losse bestanden, in een ronde met een eigen naam
                  lob team import ans.yaml bram.yaml --team Bouw --round "najaar 2026"
                  # de goede inlezen, de foute alleen noemen
                  lob team import scans/ --team Bouw --skip-bad
                  # duizenden bestanden: een lijst met een pad per regel (- is standaardinvoer)
                  lob team import --files-from lijst.txt --team Bouw
                """)

        @Argument(help: ArgumentHelp("Scanbestanden of mappen.", valueName: "bestand"), completion: .file())
        var files: [String] = []

        // The argument parser handles each extra argument in time that grows with the number before it: for
        // thousands of files, a folder or a list is the fast way.
        @Option(
            name: .customLong("files-from"),
            help: ArgumentHelp(
                "Een lijst met een scanbestand of map per regel (- is standaardinvoer), voor duizenden bestanden.",
                valueName: "lijst"), completion: .file())
        var list: String?

        @Option(
            help: ArgumentHelp(
                "Het team waarin je ze inleest (wordt aangemaakt als het nog niet bestaat).", valueName: "naam"))
        var team: String

        @Option(
            help: ArgumentHelp(
                "De ronde, bijvoorbeeld \"najaar 2026\". Standaard: het halfjaar van de laatste scan.",
                valueName: "label"))
        var round: String?

        @Flag(help: "Bij een fout bestand: sla niets op, of sla de goede op en noem de foute.")
        var mode: Mode = .allOrNothing

        enum Mode: String, EnumerableFlag {
            case allOrNothing, skipBad
        }

        @Option(help: "Uitvoer: text, of json (per bestand wat er gebeurde, voor scripts).")
        var format: ListFormat = .text

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if team.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--team mag niet leeg zijn.") }
            if files.isEmpty && list == nil {
                throw ValidationError("Geef scanbestanden of mappen, of --files-from LIJST.")
            }
            if round?.trimmingCharacters(in: .whitespaces).isEmpty == true {
                throw ValidationError("--round mag niet leeg zijn.")
            }
        }

        func run() async throws {
            // The names first: a name that cannot be stored is refused before any file is read.
            try await Output.store {
                try LOBApp.checkLabel(team, .team)
                if let round { try LOBApp.checkLabel(round, .round) }
            }
            let paths = try FileArguments.expand(files + FileArguments.listed(list))
            let library = profiles.library()
            var good: [(path: String, scan: TeamMemberScan)] = []
            var bad: [(path: String, error: FormatError)] = []
            // Every file is read and checked first, on every core; the outcomes are in the order given.
            // The team's view of each scan (its fingerprint included) is made on the core that read it.
            let loaded = ScanFile.loadAll(paths.map { URL(fileURLWithPath: $0) }, profile: { library.profile($0) }) {
                (team: $0.team, member: TeamMemberScan($0, profile: $1))
            }
            // Scans that name another team, by the team they name: one line per team, not one per file.
            var elsewhere: [String: [String]] = [:]
            for (path, result) in zip(paths, loaded) {
                switch result {
                case .success(let decoded):
                    if let named = decoded.team, named != team { elsewhere[named, default: []].append(path) }
                    good.append((path, decoded.member))
                case .failure(let error):
                    bad.append((path, error))
                }
            }
            for (named, files) in elsewhere.sorted(by: { $0.key < $1.key }) {
                let which =
                    files.count == 1
                    ? "\(Excerpt.visible(files[0])): de scan noemt"
                    : "\(files.count) scans (\(Excerpt.visible(files[0])) en \(files.count - 1) andere) noemen"
                Output.warn(
                    "\(which) team '\(VisibleText.make(named))'; \(files.count == 1 ? "hij wordt" : "ze worden") ingelezen in '\(VisibleText.make(team))'"
                )
            }
            bad.map(\.error).forEach(Output.warn)
            let refused = bad.map { (file: $0.path, problems: $0.error.problems.map(\.description)) }
            let decision = ImportBatch.decide(good: good.count, bad: bad.count, skipBad: mode == .skipBad)
            if case .refuseAll = decision, format == .json {
                Output.write(
                    try JSON.encode(
                        ListJSON.Import(team: team, round: round, stored: false, outcomes: [], refused: refused)))
            }
            if let why = Output.refusal(
                decision, ("bestand", "bestanden"), what: "ze", nothing: "geen enkel goed scanbestand om in te lezen")
            {
                throw Output.fail(why)
            }
            let app = try await store.app()
            let result = try await Output.store {
                try await app.importScans(good.map(\.scan), team: team, round: round)
            }
            if format == .json {
                Output.write(
                    try JSON.encode(
                        ListJSON.Import(
                            team: team, round: result.round, stored: true,
                            outcomes: zip(good, result.outcomes).map { (file: $0.0.path, outcome: $0.1) },
                            refused: refused)))
                if !bad.isEmpty { throw ExitCode.failure }
                return
            }
            let rows = zip(good, result.outcomes).map { entry, outcome in
                [Excerpt.visible(entry.path), Output.wording(outcome)]
            }
            Output.write("Team '\(team)', ronde '\(result.round)':\n")
            Output.write(
                TextRenderer(width: TerminalWidth.current()).render([
                    .table(header: ["bestand", "wat er gebeurde"], rows: rows)
                ]))
            Output.write(
                "\(result.count(.added)) nieuw, \(result.count(.replaced)) vervangen, \(result.count(.history)) als geschiedenis, \(result.count(.unchanged)) al ingelezen, \(result.count(.skippedPrivate)) privé (niet opgeslagen), \(result.count(.withdrawn)) ingetrokken, \(result.count(.olderThanWithdrawal)) ouder dan een intrekking.\n"
            )
            if !bad.isEmpty {
                throw Output.fail(
                    "\(DutchNumber.count(bad.count, "bestand", "bestanden")) niet ingelezen (zie boven); \(good.count == 1 ? "het goede is" : "de \(good.count) goede zijn") opgeslagen."
                )
            }
        }
    }
}
