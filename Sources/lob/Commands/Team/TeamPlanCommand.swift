import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBRender

/// Which team plan: the team, its round, the catalogue and how many goals, as `lob team plan` makes it.
struct TeamPlanSource: ParsableArguments {
    @OptionGroup var choice: TeamChoice

    @Option(help: ArgumentHelp("De ronde (standaard de laatste).", valueName: "label"))
    var round: String?

    @Option(
        help: ArgumentHelp("Catalogus van scholingsvormen met uren en kosten (YAML).", valueName: "bestand"),
        completion: .file())
    var costs: String?

    @Option(help: ArgumentHelp("Hoeveel gedeelde doelen ten hoogste.", valueName: "aantal"))
    var goals = 3

    func validate() throws {
        if !(1...7).contains(goals) { throw ValidationError("--goals moet 1 t/m 7 zijn.") }
    }

    func plan(_ app: LOBApp, profiles: ProfileOptions) async throws -> TeamPlan {
        let view = try await Output.store { try await app.teamView(team: choice.team, round: round) }
        // The profile most members scored against names the school's catalogue, if any.
        let catalogue = try Catalogues.load(
            try Catalogues.url(costs: costs, profile: app.commonestProfile(view), library: profiles.library()))
        return app.teamPlan(view, activities: catalogue, options: .init(maxGoals: goals))
    }
}

extension LobCommand.Team {
    /// `lob team plan`: the plan (show, the default) and what the team did of it.
    struct TeamPlanGroup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract:
                "Het teamprofessionaliseringsplan, en wat het team ervan deed (done, remove-activity).",
            discussion: """
                Zonder subcommando: het plan (show). Wat het team ervan deed, leg je vast met done: per doel de \
                datum, het aantal deelnemers, de uren en wat het kostte.

                Voorbeelden:
                  # het plan als markdown
                  lob team plan --team Bouw
                  # om te printen, met de bedragen van de school
                  lob team plan --team Bouw --costs onze-scholing.yaml \\
                    --format html --out teamplan.html
                  # doel 1 gedaan, met 6 collega's, voor € 3.950
                  lob team plan done 1 --team Bouw --date 2027-01-20 \\
                    --participants 6 --cost 3.950
                """,
            subcommands: [TeamPlanCommand.self, TeamPlanDone.self, TeamPlanRemoveActivity.self],
            defaultSubcommand: TeamPlanCommand.self)
    }

    struct TeamPlanCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract:
                "Het teamprofessionaliseringsplan: gedeelde doelen, groepsvormen, deelnemers, van elkaar leren, tijdpad, kosten en evaluatie.",
            discussion: """
                Kosten uit de catalogus van scholingsvormen: --costs BESTAND, anders het bestand dat het profiel \
                van de meeste teamleden noemt, anders de voorbeeldcatalogus (aannames, geen offertes; uitleg: \
                lob help catalogus).

                Voorbeelden:
                  # het plan als markdown
                  lob team plan --team Bouw
                  # om te printen, met de bedragen van de school
                  lob team plan --team Bouw --costs onze-scholing.yaml \\
                    --format html --out teamplan.html
                """)

        @OptionGroup var source: TeamPlanSource

        @Option(help: "Uitvoer: text, markdown, html of json.")
        var format: DocumentFormat = .markdown

        @OptionGroup var output: OutputOptions

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func run() async throws {
            let app = try await store.appForReading()
            let plan = try await source.plan(app, profiles: profiles)
            let done = try await Output.store { try await app.teamActivities(team: plan.team) }.filter {
                $0.record.round == plan.round
            }
            let report = TeamPlanReport(plan, done: done)
            let text = try format.render(report.blocks(), title: report.title) { try JSON.encode(TeamPlanJSON(report)) }
            try output.deliver(text, what: "Teamplan")
        }
    }
}

extension LobCommand.Team {
    /// A goal of the team plan done by the team: its activity, on a day, for how many, with what it took.
    struct TeamPlanDone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done",
            abstract: "Leg vast dat het team een doel van het teamplan deed: datum, deelnemers, uren en kosten.",
            discussion: """
                Zonder --participants, --hours en --cost: zoals het plan ze noemt. Alleen aantallen, geen namen. \
                De school ziet de besteding van de teamactiviteiten naast de logboeken (lob evaluation).

                Voorbeelden:
                  lob team plan done 1 --team Bouw --date 2027-01-20
                  lob team plan done 2 --team Bouw --participants 5 --cost 1450
                """)

        @Argument(help: ArgumentHelp("Het nummer van het doel in het teamplan.", valueName: "doel"))
        var goal: Int

        @OptionGroup var source: TeamPlanSource
        @OptionGroup var date: DateOption

        @Option(help: ArgumentHelp("Hoeveel collega's meededen.", valueName: "aantal"))
        var participants: Int?

        @OptionGroup var taken: TakenOptions

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func run() async throws {
            let app = try await store.app()
            let plan = try await source.plan(app, profiles: profiles)
            let done = try await Output.store {
                try await app.recordTeamActivity(
                    goal: goal, plan: plan, date: date.date, participants: participants, hours: taken.hours,
                    cost: taken.cost)
            }
            Output.write(
                "Teamactiviteit \(done.id) vastgelegd: doel \(done.record.goal) van team \(VisibleText.make(plan.team)) (\(VisibleText.make(plan.round))), \(done.record.formName), \(done.record.date.dutch), \(DutchNumber.count(done.record.participants, "deelnemer", "deelnemers")), \(DutchNumber.format(done.hours)) uur per deelnemer, \(DutchNumber.euro(done.cost)).\n"
            )
        }
    }

    struct TeamPlanRemoveActivity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-activity",
            abstract: "Haal een per ongeluk vastgelegde teamactiviteit weg.")

        @Argument(help: ArgumentHelp("Het nummer van de teamactiviteit (lob team plan).", valueName: "nr"))
        var id: Int64

        @OptionGroup var choice: TeamChoice
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let app = try await store.app()
            let team = try await Output.store { try await app.teamName(choice.team) }
            try await Output.store { try await app.removeTeamActivity(id, team: team) }
            Output.write("Teamactiviteit \(id) weggehaald.\n")
        }
    }
}
