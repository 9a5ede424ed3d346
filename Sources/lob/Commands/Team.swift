import ArgumentParser
import Foundation
import LOBCore
import LOBFormats
import LOBRender
import LOBStore

extension LobCommand {
    struct Team: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Voor de teamvoorzitter: lees de scans van je team in en bekijk waar het team staat.",
            discussion: """
                Collega's geven je hun scanbestand (lob export scan N --out scan.yaml). Wat je ziet, hangt af van wat
                ieder toestond: met naam, anoniem, of niets (prive). Geen cijfer gaat over minder mensen dan de
                privacydrempel van het team (standaard 3, nooit lager). Zie docs/team.md.

                Voorbeelden:
                  lob team import scans/*.yaml --team "Bouwtechniek bovenbouw" --round "najaar 2026"
                  lob team report --team "Bouwtechniek bovenbouw"
                  lob team report --team "Bouwtechniek bovenbouw" --format html --out team.html
                  lob team plan --team "Bouwtechniek bovenbouw" --format markdown
                  lob team board                     alle teams naast elkaar, zonder namen
                """,
            subcommands: [
                Import.self, List.self, Members.self, RemoveMember.self, Threshold.self, TeamReportCommand.self,
                TeamPlanCommand.self, Board.self,
            ])
    }
}

/// The team a command is about: `--team NAME`, or the only team there is.
struct TeamChoice: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "De naam van het team (zie 'lob team list'); mag weg als er maar één team is.", valueName: "naam"))
    var team: String?

    func name(in database: LOBDatabase) throws -> String {
        if let team { return team }
        let teams = try Output.store { try database.teams() }
        guard teams.count == 1 else {
            throw Output.fail(
                teams.isEmpty
                    ? "er is nog geen team: lees eerst scans in met 'lob team import BESTAND… --team NAAM'"
                    : "geef het team met --team NAAM; er zijn: \(teams.map(\.name).joined(separator: ", "))")
        }
        return teams[0].name
    }
}

/// Colour only for a terminal that wants it (https://no-color.org).
func wantsColour(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
}

extension LobCommand.Team {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Lees scanbestanden van je team in (een map: alle *.yaml, *.yml en *.json erin; de rest wordt genoemd).",
            discussion: """
                Dezelfde scan twee keer inlezen verandert niets. Een nieuwere scan van dezelfde collega in dezelfde ronde
                vervangt de oudere; de oudere blijft als geschiedenis bewaard. Scans met 'prive' worden niet opgeslagen.
                Notities gaan nooit mee: het team ziet alleen scores. Alles wordt eerst gecontroleerd: bij één fout
                bestand wordt niets opgeslagen (--all-or-nothing, de standaard), tenzij je --skip-bad geeft.
                """)

        @Argument(help: ArgumentHelp("Scanbestanden of mappen.", valueName: "bestand"))
        var files: [String]

        @Option(
            help: ArgumentHelp(
                "Het team waarin je ze inleest (wordt aangemaakt als het nog niet bestaat).", valueName: "naam"))
        var team: String

        @Option(
            help: ArgumentHelp(
                "De ronde, bijvoorbeeld \"najaar 2026\". Standaard: het halfjaar van de laatste scan.",
                valueName: "label"))
        var round: String?

        @Flag(help: "Bij een fout bestand: sla niets op (standaard), of sla de goede op en noem de foute.")
        var mode: Mode = .allOrNothing

        enum Mode: String, EnumerableFlag {
            case allOrNothing, skipBad
        }

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if team.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--team mag niet leeg zijn.") }
            if round?.trimmingCharacters(in: .whitespaces).isEmpty == true {
                throw ValidationError("--round mag niet leeg zijn.")
            }
        }

        func run() throws {
            let paths = try Self.expand(files)
            let library = profiles.library()
            var good: [(path: String, scan: TeamMemberScan)] = []
            var bad: [FormatError] = []
            for path in paths {
                do {
                    let decoded = try ScanFile.load(URL(fileURLWithPath: path), profile: library.profile)
                    if let named = decoded.scan.team, named != team {
                        Output.warn("\(path): de scan noemt team '\(named)'; hij wordt ingelezen in '\(team)'")
                    }
                    good.append((path, TeamMemberScan(decoded.scan, profile: decoded.profile)))
                } catch {
                    bad.append(error)
                }
            }
            bad.forEach(Output.warn)
            if !bad.isEmpty && mode == .allOrNothing {
                throw Output.fail(
                    "niets ingelezen: \(bad.count) van de \(paths.count) bestanden \(bad.count == 1 ? "is" : "zijn") niet in orde. Verbeter ze, of lees de goede in met --skip-bad."
                )
            }
            guard !good.isEmpty else { throw Output.fail("geen enkel goed scanbestand om in te lezen") }
            let label = round ?? TeamRound.defaultLabel(for: good.map(\.scan.date).max()!)
            let database = try store.open()
            let outcomes = try Output.store { try database.importScans(good.map(\.scan), team: team, round: label) }
            var rows: [[String]] = []
            for (entry, outcome) in zip(good, outcomes) {
                rows.append([entry.path, Self.describe(outcome)])
            }
            Output.write("Team '\(team)', ronde '\(label)':\n")
            Output.write(TextRenderer(width: 200).render([.table(header: ["bestand", "wat er gebeurde"], rows: rows)]))
            let counts = Dictionary(outcomes.map { ($0, 1) }, uniquingKeysWith: +)
            Output.write(
                "\(counts[.added] ?? 0) nieuw, \(counts[.replaced] ?? 0) vervangen, \(counts[.history] ?? 0) als geschiedenis, \(counts[.unchanged] ?? 0) al ingelezen, \(counts[.skippedPrivate] ?? 0) privé (niet opgeslagen), \(counts[.withdrawn] ?? 0) ingetrokken, \((counts[.olderThanWithdrawal] ?? 0)) ouder dan een intrekking.\n"
            )
            if !bad.isEmpty {
                throw Output.fail(
                    "\(bad.count) bestand(en) niet ingelezen (zie boven); de \(good.count) goede zijn opgeslagen.")
            }
        }

        static func describe(_ outcome: TeamImportOutcome) -> String {
            switch outcome {
            case .added: "nieuw"
            case .replaced: "vervangt een eerdere scan van deze collega (die blijft als geschiedenis)"
            case .history: "ouder dan de scan die telt: bewaard als geschiedenis"
            case .unchanged: "al ingelezen: niets veranderd"
            case .skippedPrivate: "privé: niet opgeslagen"
            case .withdrawn: "privé en nieuwer: alle eerdere scans van deze collega in dit team zijn verwijderd"
            case .olderThanWithdrawal:
                "niet nieuwer dan de privé-scan waarmee deze collega zich terugtrok: niet opgeslagen"
            }
        }

        /// Files as given; a folder gives its scan files in name order, and every other file in it is named with
        /// the reason it is not read.
        static func expand(_ arguments: [String]) throws -> [String] {
            let selection = InputSelection(arguments, extensions: ["yaml", "yml", "json"])
            if let missing = selection.missing.first {
                throw Output.fail("\(Excerpt.visible(missing)): bestand niet gevonden; niets ingelezen")
            }
            for skipped in selection.skipped + selection.emptyFolders {
                Output.warn("\(Excerpt.visible(skipped.path)): \(skipped.reason)")
            }
            if !selection.skipped.isEmpty {
                Output.warn(
                    "\(selection.skipped.count) \(selection.skipped.count == 1 ? "bestand" : "bestanden") in de map niet ingelezen (zie boven)"
                )
            }
            return selection.files
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon de teams, hun privacydrempel, leden en rondes.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let teams = try Output.store { try store.openForReading().teams() }
            guard !teams.isEmpty else {
                Output.write(
                    "Nog geen teams in \(store.databasePath()). Lees scans in met: lob team import BESTAND… --team NAAM\n"
                )
                return
            }
            Output.write(
                TextRenderer(width: 200).render([
                    .table(
                        header: ["team", "leden", "drempel", "rondes"],
                        rows: teams.map {
                            [$0.name, "\($0.members)", "\($0.privacyThreshold)", $0.rounds.joined(separator: ", ")]
                        })
                ]))
        }
    }

    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Toon wie er in een team zit: met naam wie dat toestond, de anderen alleen als aantal.")

        @Argument(help: ArgumentHelp("Het team.", valueName: "naam"))
        var team: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let members = try Output.store { try store.openForReading().members(team: team) }
            let named = members.filter { $0.teacher != nil }.sorted { $0.teacher! < $1.teacher! }
            let anonymous = members.count - named.count
            var blocks: [Block] = [
                .table(
                    header: ["collega", "rondes"], rows: named.map { [$0.teacher!, $0.rounds.joined(separator: ", ")] })
            ]
            if anonymous > 0 {
                blocks.append(
                    .paragraph(
                        "En \(anonymous) \(anonymous == 1 ? "collega die" : "collega's die") anoniem \(anonymous == 1 ? "deelde" : "deelden"). Van hen is geen naam bewaard, maar wel een pseudoniem: een code uit teamnaam en naam waarmee een nieuwere scan van dezelfde collega wordt herkend. Wie de namen van het team kent, kan die code narekenen. Een collega die met naam deelde en daarna anoniem, staat nergens meer met naam, ook niet in de geschiedenis."
                    ))
            }
            Output.write(TextRenderer(width: 200).render(blocks))
        }
    }

    struct RemoveMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-member",
            abstract:
                "Verwijder alle scans van een collega uit een team (ook de geschiedenis), bijvoorbeeld als hij zijn toestemming intrekt.",
            discussion: "Werkt ook voor wie anoniem deelde: zijn naam is niet bewaard, maar wel te herkennen.")

        @Argument(help: ArgumentHelp("De naam van de collega, zoals in zijn scanbestand.", valueName: "naam"))
        var teacher: String

        @Option(help: ArgumentHelp("Het team.", valueName: "naam"))
        var team: String

        @Flag(help: "Niet vragen: verwijder meteen.")
        var yes = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.open()
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw Output.fail("verwijderen vraagt om bevestiging; geef --yes om het zonder vraag te doen")
                }
                FileHandle.standardError.write(
                    Data("Alle scans van '\(teacher)' uit team '\(team)' verwijderen? [j/N] ".utf8))
                guard let answer = readLine(), ["j", "ja", "y", "yes"].contains(answer.lowercased()) else {
                    Output.write("Niets verwijderd.\n")
                    return
                }
            }
            let count = try Output.store { try database.removeMember(team: team, teacher: teacher) }
            guard count > 0 else { throw Output.fail("team '\(team)' heeft geen scans van '\(teacher)'") }
            Output.write("\(count) scan(s) van '\(teacher)' verwijderd uit team '\(team)'.\n")
        }
    }

    struct Threshold: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Zet de privacydrempel van een team: geen cijfer over minder mensen (minstens 3).")

        @Argument(help: ArgumentHelp("De nieuwe drempel (3 of meer).", valueName: "aantal"))
        var threshold: Int

        @Option(help: ArgumentHelp("Het team.", valueName: "naam"))
        var team: String

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if threshold < TeamAnalysis.minimumThreshold {
                throw ValidationError(
                    "De privacydrempel is minstens \(TeamAnalysis.minimumThreshold): met minder mensen is te herleiden wie wat scoorde."
                )
            }
            if threshold > 1_000 { throw ValidationError("De privacydrempel is hooguit 1000.") }
        }

        func run() throws {
            try Output.store { try store.open().setPrivacyThreshold(team: team, threshold: threshold) }
            Output.write("Privacydrempel van team '\(team)' is nu \(threshold).\n")
        }
    }

    /// What the report and plan read: a team's round (the latest by default) and its analysis.
    struct Loaded {
        let team: String
        let round: String
        let rounds: [String]
        let threshold: Int
        let analysis: TeamAnalysis
    }

    static func load(_ database: LOBDatabase, team: String, round: String?) throws -> Loaded {
        try Output.store {
            guard let summary = try database.team(team) else { throw StoreError.noSuchTeam(team) }
            guard let label = round ?? summary.rounds.last else {
                throw StoreError.noSuchRound(team: team, round: round ?? "")
            }
            return Loaded(
                team: team, round: label, rounds: summary.rounds, threshold: summary.privacyThreshold,
                analysis: try database.round(team: team, round: label).analysis())
        }
    }

    struct TeamReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "Waar het team staat: per competentie en gedragskenmerk, de grootste gaten, een heatmap, dekking, wie van wie kan leren en de voortgang.",
            discussion: """
                Standaard de laatste ronde, vergeleken met de ronde ervoor. In de terminal heeft de heatmap kleur
                (niet met NO_COLOR of als je de uitvoer doorstuurt); cijfers en tekens zeggen hetzelfde zonder kleur.
                JSON is het vaste formaat voor scripts (docs/team.md); CSV is voor een spreadsheet.
                """)

        @OptionGroup var choice: TeamChoice

        @Option(help: ArgumentHelp("De ronde (standaard de laatste).", valueName: "label"))
        var round: String?

        @Option(
            name: .customLong("compare-round"),
            help: ArgumentHelp("Vergelijk met deze ronde (standaard de ronde ervoor).", valueName: "label"))
        var compareRound: String?

        @Flag(name: .customLong("no-compare"), help: "Geen vergelijking met een andere ronde.")
        var noCompare = false

        @Option(help: "Uitvoer: text, markdown, html, csv of json.")
        var format: TableFormat = .text

        @Option(help: ArgumentHelp("Schrijf naar dit bestand (alleen voor jou leesbaar).", valueName: "bestand"))
        var out: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if noCompare && compareRound != nil {
                throw ValidationError("Geef --compare-round of --no-compare, niet allebei.")
            }
        }

        func run() throws {
            let database = try store.openForReading()
            let loaded = try LobCommand.Team.load(database, team: try choice.name(in: database), round: round)
            var comparison: (round: String, analysis: TeamAnalysis)?
            if !noCompare {
                let index = loaded.rounds.firstIndex(of: loaded.round) ?? 0
                if let label = compareRound ?? (index > 0 ? loaded.rounds[index - 1] : nil) {
                    comparison = (label, try LobCommand.Team.load(database, team: loaded.team, round: label).analysis)
                }
            }
            let report = TeamReport(
                team: loaded.team, round: loaded.round, analysis: loaded.analysis, comparison: comparison)
            let text = try format.render(
                report.blocks(), title: report.title, text: TextRenderer(colour: out == nil && wantsColour()),
                csv: { try CSVRenderer.render(header: report.csvHeader, rows: report.csvRows) },
                json: { try JSON.encode(TeamReportJSON(report)) })
            try Output.deliver(text, out: out, what: "Teamoverzicht")
        }
    }

    struct TeamPlanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract:
                "Het teamprofessionaliseringsplan: gedeelde doelen, groepsvormen, deelnemers, van elkaar leren, tijdpad, kosten en evaluatie.",
            discussion: """
                Kosten uit de catalogus van scholingsvormen: --costs BESTAND, anders het bestand dat het profiel van de
                meeste teamleden noemt, anders de voorbeeldcatalogus (aannames, geen offertes; docs/activities.md).
                """)

        @OptionGroup var choice: TeamChoice

        @Option(help: ArgumentHelp("De ronde (standaard de laatste).", valueName: "label"))
        var round: String?

        @Option(help: ArgumentHelp("Catalogus van scholingsvormen met uren en kosten (YAML).", valueName: "bestand"))
        var costs: String?

        @Option(help: ArgumentHelp("Hoeveel gedeelde doelen ten hoogste.", valueName: "aantal"))
        var goals = 3

        @Option(help: "Uitvoer: text, markdown, html of json.")
        var format: DocumentFormat = .markdown

        @Option(help: ArgumentHelp("Schrijf naar dit bestand (alleen voor jou leesbaar).", valueName: "bestand"))
        var out: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if !(1...7).contains(goals) { throw ValidationError("--goals moet 1 t/m 7 zijn.") }
        }

        func run() throws {
            let database = try store.openForReading()
            let loaded = try LobCommand.Team.load(database, team: try choice.name(in: database), round: round)
            // The profile most members scored against names the school's catalogue, if any.
            let commonest = loaded.analysis.counted.map(\.profile.id).mostCommon()
            let profile = loaded.analysis.counted.first { $0.profile.id == commonest }?.profile
            let catalogue = try LobCommand.Plan.loadCatalogue(
                try Catalogues.url(costs: costs, profile: profile, library: profiles.library()))
            let plan = TeamPlan(
                team: loaded.team, round: loaded.round, analysis: loaded.analysis, catalogue: catalogue,
                options: .init(maxGoals: goals))
            let report = TeamPlanReport(plan)
            let text = try format.render(report.blocks(), title: report.title) { try JSON.encode(TeamPlanJSON(report)) }
            try Output.deliver(text, out: out, what: "Teamplan")
        }
    }

    struct Board: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Alle teams naast elkaar (de laatste ronde van elk team): aantallen en gemiddelden, nooit namen.")

        @Option(help: ArgumentHelp("Alleen teams met een ronde met dit label, in die ronde.", valueName: "label"))
        var round: String?

        @Option(help: "Uitvoer: text, markdown, html, csv of json.")
        var format: TableFormat = .text

        @Option(help: ArgumentHelp("Schrijf naar dit bestand (alleen voor jou leesbaar).", valueName: "bestand"))
        var out: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            let rounds = try Output.store { try store.openForReading().boardRounds(label: round) }
            guard !rounds.isEmpty else {
                throw Output.fail("geen teamscans om te tonen\(round.map { " in ronde '\($0)'" } ?? "")")
            }
            let report = BoardReport(BoardOverview(rounds: rounds.map { ($0.team, $0.round, $0.analysis()) }))
            let text = try format.render(
                report.blocks(), title: report.title, text: TextRenderer(width: 120),
                csv: { try CSVRenderer.render(header: report.csvHeader, rows: report.csvRows) },
                json: { try JSON.encode(BoardReportJSON(report)) })
            try Output.deliver(text, out: out, what: "Overzicht")
        }
    }
}
