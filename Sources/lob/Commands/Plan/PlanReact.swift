import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBForm
import LOBFormats

extension LobCommand.Plan {
    /// `lob plan react`: Kirkpatrick's first level, right after an activity.
    struct React: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "react",
            abstract: "Geef je reactie op een activiteit die je deed: tevreden? kun je ermee aan de slag?",
            discussion: """
                Twee vragen op een schaal van 1 tot en met 5 (een standaard van LOB-spiegel; de bron geeft de \
                vragen, geen schaal), en een opmerking als je wilt. Zonder --satisfied en --usable vraagt het \
                commando ze je hier. Nog eens reageren vervangt je vorige reactie. Alleen jij ziet je reactie \
                met je naam; de school ziet reacties alleen als groep.

                Liever in de browser? --out schrijft een pagina (HTML, werkt offline) met de activiteiten die op \
                je reactie wachten; daar download je je reacties, die je met --file in je logboek inleest: \
                allemaal, of niets als er één niet klopt.

                  \(Reaction.satisfiedQuestion) 1 \(Reaction.satisfiedLabels[0]) … 5 \(Reaction.satisfiedLabels[4])
                  \(Reaction.usableQuestion) 1 \(Reaction.usableLabels[0]) … 5 \(Reaction.usableLabels[4])

                Voorbeelden:
                  lob plan react 1 --satisfied 4 --usable 5 --remark "Direct bruikbaar"
                  lob plan react --out reacties.html
                  lob plan react --file reacties-jan-de-vries-2026-12-12.yaml
                """)

        @Argument(help: ArgumentHelp("Het logboeknummer van de activiteit.", valueName: "nr"))
        var id: Int64?

        @Option(
            help: ArgumentHelp(
                "Schrijf de pagina (HTML) waarop je in de browser reageert; ze noemt je naam en je activiteiten, dus alleen voor jou. - is het scherm.",
                valueName: "bestand"))
        var out: String?

        @Option(
            help: ArgumentHelp("Lees de reacties in die je op die pagina downloadde (YAML).", valueName: "bestand"),
            completion: .file())
        var file: String?

        @OptionGroup var plan: LogbookPlanChoice

        @Option(help: ArgumentHelp("Tevreden: 1 (zeer ontevreden) t/m 5 (zeer tevreden).", valueName: "1-5"))
        var satisfied: Int?

        @Option(help: ArgumentHelp("Aan de slag: 1 (zeker niet) t/m 5 (zeker wel).", valueName: "1-5"))
        var usable: Int?

        @Option(help: ArgumentHelp("Een opmerking (hooguit \(Reaction.remarkLength) tekens).", valueName: "tekst"))
        var remark: String?

        @OptionGroup var date: DateOption
        @OptionGroup var store: StoreOptions

        func validate() throws {
            let ways = [id != nil, out != nil, file != nil].filter { $0 }.count
            guard ways == 1 else {
                throw ValidationError(
                    "Geef het nummer van een activiteit, of --out om een pagina te schrijven, of --file om reacties in te lezen (één van de drie)."
                )
            }
            if id == nil, satisfied != nil || usable != nil || remark != nil || date.text != nil {
                throw ValidationError(
                    "--satisfied, --usable, --remark en --date horen bij een reactie op één activiteit (lob plan react NR); op de pagina geef je ze per activiteit."
                )
            }
            if out == nil, plan.id != nil {
                throw ValidationError(
                    "--scan hoort bij --out; een reactie hoort bij het logboeknummer, een bestand met reacties noemt zijn scan zelf."
                )
            }
        }

        func run() async throws {
            let app = try await store.app()
            if let out { return try await page(app, to: out) }
            if let file { return try await read(app, file) }
            guard let id else { return }
            let satisfied = try self.satisfied ?? Self.ask(Reaction.satisfiedQuestion, labels: Reaction.satisfiedLabels)
            let usable = try self.usable ?? Self.ask(Reaction.usableQuestion, labels: Reaction.usableLabels)
            var remark = self.remark
            if self.satisfied == nil && self.usable == nil && remark == nil {
                Output.write("Een opmerking? (Enter: geen) ")
                remark = readLine()
            }
            let reaction = try await Output.store {
                try await app.react(
                    activityID: id, satisfied: satisfied, usable: usable, remark: remark, date: date.date)
            }
            Output.write(
                "Je reactie op activiteit \(id) is bewaard: \(Reaction.satisfiedLabels[reaction.satisfied - 1]), \(Reaction.usableLabels[reaction.usable - 1]).\n"
            )
        }

        /// The offline page with the activities of the plan that await a reaction.
        func page(_ app: LOBApp, to out: String) async throws {
            let stored = try await plan.scan(in: app)
            let awaiting = try await Output.store { try await app.awaitingReaction(stored) }
            guard !awaiting.isEmpty else {
                throw Output.fail(
                    "geen activiteit van het plan uit scan \(stored.id) wacht op je reactie: leg eerst vast wat je deed met 'lob plan done', of verander een reactie met 'lob plan react NR'"
                )
            }
            let html: String
            do {
                html = try ReactionPage.html(
                    teacher: stored.scan.teacher, planScanID: stored.id, activities: awaiting)
            } catch {
                throw Output.fail("de pagina kan niet gemaakt worden: \(error). Installeer lob opnieuw.")
            }
            if out == "-" { return Output.write(html) }
            // It names him and what he did: his, readable by him only.
            try Output.writePrivately(html, to: out)
            Output.write(
                """
                Pagina voor je \(DutchNumber.count(awaiting.count, "reactie", "reacties")) geschreven naar \(Excerpt.visible(out)). \
                Open hem in je browser, download je reacties en lees ze in met: lob plan react --file BESTAND

                """)
        }

        /// The reactions downloaded from the page, into the logbook they came from: all, or none.
        func read(_ app: LOBApp, _ file: String) async throws {
            let url = InputFile.url(file)
            let decoded: (sheet: ReactionSheet, lines: [Int?])
            do { decoded = try ReactionFile.load(url) } catch { throw Output.fail(error) }
            let name = url.relativePath
            let done = try await Output.store {
                do {
                    return try await app.react(sheet: decoded.sheet)
                } catch AppError.reactionSheet(let faults) {
                    throw Output.fail(
                        FormatError(
                            faults.map {
                                FormatError.Problem(
                                    file: name, line: $0.answer.flatMap { decoded.lines[$0] },
                                    message: Output.wording($0.problem))
                            }
                                + [
                                    FormatError.Problem(
                                        file: name,
                                        message:
                                            "niets bewaard: verbeter het bestand, of maak een nieuwe pagina met 'lob plan react --out'"
                                    )
                                ]))
                }
            }
            var lines = ["\(DutchNumber.count(done.count, "reactie", "reacties")) bewaard in je logboek:"]
            for activity in done {
                guard let reaction = activity.reaction else { continue }
                lines.append(
                    "  \(activity.id). \(VisibleText.make(activity.formName)): \(Reaction.satisfiedLabels[reaction.satisfied - 1]), \(Reaction.usableLabels[reaction.usable - 1])"
                )
            }
            Output.write(lines.joined(separator: "\n") + "\n")
        }

        /// One question on standard input, asked again until the answer is on the scale.
        static func ask(_ question: String, labels: [String]) throws -> Int {
            let scale = labels.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: " · ")
            while true {
                Output.write("\(question)\n  \(scale)\nJe antwoord (1-5): ")
                guard let line = readLine() else {
                    throw Output.fail(
                        "geen antwoord op '\(question)': geef het met --satisfied en --usable, of typ een getal van 1 tot en met 5"
                    )
                }
                if let value = Int(line.trimmingCharacters(in: .whitespaces)), Reaction.scale.contains(value) {
                    return value
                }
                Output.write("Typ een getal van 1 tot en met 5.\n")
            }
        }
    }
}
