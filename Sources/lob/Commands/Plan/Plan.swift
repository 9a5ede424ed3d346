import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats

extension LobCommand {
    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract:
                "Maak je scholingsplan (POP) uit een scan: doelen, activiteiten die passen bij hoe je leert, tijdpad, kosten en evaluatie.",
            discussion: """
                Zonder nummer: de laatste scan. De vormen, uren en kosten komen uit een catalogus van \
                scholingsvormen: --costs BESTAND, anders het bestand dat het profiel noemt (costs:), anders de \
                voorbeeldcatalogus van LOB-spiegel (voorbeeldbedragen, geen offertes; uitleg: lob help \
                catalogus). Wat je van het plan gedaan hebt, houd je bij in je logboek: done, react en \
                progress (uitleg: lob help logboek).

                Voorbeelden:
                  # het plan van je laatste scan, als tekst
                  lob plan
                  # een HTML-bestand om te printen (A4)
                  lob plan 3 --format html --out plan.html
                  # met de bedragen van je eigen school
                  lob plan --costs onze-scholing.yaml
                  # alleen de catalogus controleren
                  lob plan --costs onze-scholing.yaml --check
                  # met de 360°-feedback (uitleg: lob help feedback)
                  lob plan --with-feedback
                  # activiteit 2 van je plan gedaan, en je reactie erop
                  lob plan done 2 --date 2026-12-10
                  lob plan react 1 --satisfied 4 --usable 5 --remark "Direct bruikbaar"
                  # gepland tegen gedaan, en na een nieuwe scan: je doelen bereikt?
                  lob plan progress
                """,
            subcommands: [
                Show.self, Done.self, React.self, Progress.self, FollowUp.self, RemoveActivity.self, Conversation.self,
                Agree.self,
            ],
            defaultSubcommand: Show.self)
    }
}

/// How a plan is made: the catalogue of activity forms and the number of goals. The logbook's commands take the
/// same, so that "activiteit 2" is the plan's second activity as `lob plan` showed it.
struct PlanOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Catalogus van scholingsvormen met uren en kosten (YAML).", valueName: "bestand"),
        completion: .file())
    var costs: String?

    @Option(help: ArgumentHelp("Hoeveel doelen ten hoogste.", valueName: "aantal"))
    var goals = 3

    func validate() throws {
        if !(1...7).contains(goals) { throw ValidationError("--goals moet 1 t/m 7 zijn.") }
    }

    var options: Scholingsplan.Options { .init(maxGoals: goals) }

    func catalogue(for profile: Profile, profiles: ProfileOptions) throws -> ActivityCatalogue {
        try Catalogues.load(try Catalogues.url(costs: costs, profile: profile, library: profiles.library()))
    }
}

/// The plan a logbook command is about: `--scan N`, else the plan that has a logbook, else the latest scan's.
struct LogbookPlanChoice: ParsableArguments {
    @Option(
        name: .customLong("scan"),
        help: ArgumentHelp(
            "De scan waar het plan uit komt (standaard: het plan met een logboek, anders je laatste scan).",
            valueName: "nummer"))
    var id: Int64?

    func scan(in app: LOBApp) async throws -> StoredScan {
        try await Output.store { try await app.logbookScan(id) }
    }

    /// The chosen plan against its logbook, its later scan and its feedback, read from the store.
    func progress(
        options: PlanOptions, profiles: ProfileOptions, store: StoreOptions
    ) async throws -> (
        scan: StoredScan, progress: PlanProgress
    ) {
        let app = try await store.appForReading()
        let stored = try await scan(in: app)
        let catalogue = try options.catalogue(for: stored.profile, profiles: profiles)
        let progress = try await Output.store {
            try await app.progress(stored, activities: catalogue, options: options.options)
        }
        return (stored, progress)
    }
}

/// What an activity really took, when not what the plan said: hours (per participant) and euros, as Dutch people
/// write them, within bounds no activity exceeds.
struct TakenOptions: ParsableArguments {
    @Option(
        name: .customLong("hours"),
        help: ArgumentHelp(
            "De uren (per deelnemer) die het echt kostte; standaard die van het plan.", valueName: "uren"))
    var hoursText: String?

    @Option(
        name: .customLong("cost"),
        help: ArgumentHelp("Wat het echt kostte in euro's; standaard het bedrag van het plan.", valueName: "euro"))
    var costText: String?

    static let hourRange: ClosedRange<Double> = 0...Double(ActivityDone.minuteRange.upperBound / 60)
    static let euros: ClosedRange<Double> = 0...Double(ActivityDone.centRange.upperBound / 100)

    func validate() throws {
        do {
            if let hoursText { _ = try DutchAmount.parse(hoursText, what: "--hours", range: Self.hourRange) }
            if let costText { _ = try DutchAmount.parse(costText, what: "--cost", range: Self.euros) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    var hours: Double? { hoursText.flatMap { try? DutchAmount.parse($0, what: "--hours", range: Self.hourRange) } }
    var cost: Double? { costText.flatMap { try? DutchAmount.parse($0, what: "--cost", range: Self.euros) } }
}

/// A date on the command line: YYYY-MM-DD, today when not given.
struct DateOption: ParsableArguments {
    @Option(
        name: .customLong("date"),
        help: ArgumentHelp("De datum (JJJJ-MM-DD); standaard vandaag.", valueName: "datum"))
    var text: String?

    func validate() throws {
        if let text, SchoolDate(text) == nil {
            throw ValidationError(
                "--date: '\(Excerpt.visible(text))' is geen datum; verwacht JJJJ-MM-DD, bijvoorbeeld 2026-12-10.")
        }
    }

    var date: SchoolDate { text.flatMap(SchoolDate.init) ?? Clock.today() }
}
