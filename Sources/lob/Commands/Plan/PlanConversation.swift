import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBRender

/// The formats of a document that is printed or read, not processed: the ontwikkelgesprek.
enum PrintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html
}

extension LobCommand.Plan {
    /// `lob plan conversation`: the document for the ontwikkelgesprek.
    struct Conversation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conversation",
            abstract:
                "Het document voor je ontwikkelgesprek: zelfscan en verandering, 360°, je plan en wat je deed, je afspraken.",
            discussion: """
                Eén document (om te printen: --format html, A4) voor het gesprek met je leidinggevende: je \
                zelfscan en wat veranderde, je 360°-feedback zoals je eigen feedbackverslag die toont, je plan met \
                wat je deed, Kirkpatrick niveau 1 tot 3 voor je doelen, en de afspraken die jullie eerder \
                vastlegden. Leg nieuwe afspraken vast met 'lob plan agree'.

                Voorbeelden:
                  lob plan conversation --format html --out ontwikkelgesprek.html
                  lob plan agree "Na de zomer een opname van een loopbaangesprek bespreken met Marloes"
                """)

        @OptionGroup var plan: LogbookPlanChoice
        @OptionGroup var planOptions: PlanOptions

        @Option(help: "Uitvoer: text, markdown of html.")
        var format: PrintFormat = .text

        @OptionGroup var output: OutputOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func run() async throws {
            let app = try await store.appForReading()
            let stored = try await plan.scan(in: app)
            let catalogue = try planOptions.catalogue(for: stored.profile, profiles: profiles)
            let conversation = try await Output.store {
                try await app.conversation(stored, activities: catalogue, options: planOptions.options)
            }
            let report = ConversationReport(
                progress: conversation.progress, later: conversation.later, feedback: conversation.feedback,
                agreements: conversation.agreements)
            let document: DocumentFormat =
                switch format {
                case .text: .text
                case .markdown: .markdown
                case .html: .html
                }
            let text = document.render(report.blocks(), title: report.title) { "" }
            try output.deliver(text, what: "Ontwikkelgesprek")
        }
    }

    /// `lob plan agree`: an agreement of the ontwikkelgesprek, dated, with the plan.
    struct Agree: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agree",
            abstract: "Leg een afspraak uit je ontwikkelgesprek vast bij je plan (gedateerd, in je eigen database).")

        @Argument(help: ArgumentHelp("De afspraak, in jullie woorden.", valueName: "tekst"))
        var text: String

        @OptionGroup var date: DateOption
        @OptionGroup var plan: LogbookPlanChoice
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let app = try await store.app()
            let stored = try await plan.scan(in: app)
            let agreement = try await Output.store { try await app.agree(text, plan: stored, date: date.date) }
            Output.write("Afspraak van \(agreement.date.dutch) vastgelegd bij het plan van scan \(stored.id).\n")
        }
    }
}
