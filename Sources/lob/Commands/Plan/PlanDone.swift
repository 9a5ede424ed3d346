import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats

extension LobCommand.Plan {
    /// `lob plan done`: an activity of the plan done, into the logbook.
    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done",
            abstract: "Zet een activiteit van je plan als gedaan in je logboek: datum, uren en wat het echt kostte.",
            discussion: """
                NR is het nummer van de activiteit in 'lob plan progress'. Uren en kosten zijn die van het plan, \
                tenzij je zegt wat het echt was. Een activiteit die niet in je plan stond: --form ID (een vorm uit \
                de catalogus), met --goal N als hij bij een doel hoort. Daarna vraagt 'lob plan react' je reactie.

                Voorbeelden:
                  lob plan done 2 --date 2026-12-10
                  lob plan done 1 --date 2027-01-15 --hours 4 --cost 0
                  lob plan done --form intervisie --goal 2 --date 2027-02-03
                """)

        @Argument(help: ArgumentHelp("Het nummer van de activiteit in je plan.", valueName: "nr"))
        var number: Int?

        @Option(help: ArgumentHelp("Een vorm uit de catalogus die niet in je plan stond.", valueName: "id"))
        var form: String?

        @Option(help: ArgumentHelp("Het doel van je plan waar die vorm bij hoort.", valueName: "nr"))
        var goal: Int?

        @OptionGroup var date: DateOption

        @OptionGroup var taken: TakenOptions

        @OptionGroup var plan: LogbookPlanChoice
        @OptionGroup var planOptions: PlanOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            switch (number, form) {
            case (nil, nil): throw ValidationError("Geef het nummer van de activiteit in je plan, of --form ID.")
            case (.some, .some): throw ValidationError("Geef een nummer of --form ID, niet allebei.")
            case (.some, nil) where goal != nil:
                throw ValidationError("--goal hoort bij --form: een activiteit van je plan heeft zijn doel al.")
            default: break
            }
        }

        func run() async throws {
            let app = try await store.app()
            let stored = try await plan.scan(in: app)
            let catalogue = try planOptions.catalogue(for: stored.profile, profiles: profiles)
            let which: LogbookEntry.Which = number.map { .planned($0) } ?? .form(form ?? "", goal: goal)
            let done = try await Output.store {
                try await app.recordActivity(
                    which, plan: stored, activities: catalogue, options: planOptions.options, date: date.date,
                    hours: taken.hours, cost: taken.cost)
            }
            Output.write(
                """
                In je logboek als nummer \(done.id): \(done.formName)\(done.competency.map { " (competentie \($0))" } ?? ""), \(done.date.dutch), \(DutchNumber.format(done.hours)) uur, \(DutchNumber.euro(done.cost)).
                Geef je reactie (\(Reaction.satisfiedQuestion.lowercased()) en kun je ermee aan de slag?) met: lob plan react \(done.id)

                """)
        }
    }

    /// `lob plan remove-activity`: a logbook entry made by mistake.
    struct RemoveActivity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-activity",
            abstract: "Haal een activiteit (en je reactie erop) uit je logboek.")

        @Argument(help: ArgumentHelp("Het logboeknummer (zie 'lob plan progress').", valueName: "nr"))
        var id: Int64

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let app = try await store.app()
            try await Output.store { try await app.removeActivity(id) }
            Output.write("Activiteit \(id) is uit je logboek gehaald.\n")
        }
    }
}
