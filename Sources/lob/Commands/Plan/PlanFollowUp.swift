import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBForm
import LOBFormats
import LOBRender

extension LobCommand.Plan {
    /// Kirkpatrick level 3: when the follow-up on each goal is due, and the form that asks it.
    struct FollowUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-up",
            abstract:
                "De vervolgmeting (niveau 3): wanneer, en het formulier waarin collega's en je leidinggevende alleen je doelgedrag opnieuw beoordelen.",
            discussion: """
                Enkele weken na de laatste activiteit voor een doel (6 tot 12, of wat de catalogus van de school \
                zegt: followUpWeeks) vraag je of anderen het verschil zien. Zonder --out zegt het per doel \
                wanneer; met --out schrijft het het offline formulier (als lob form --feedback-for) met alleen \
                de gedragskenmerken van je doelen. De feedbackbestanden lees je in met lob feedback import; lob \
                plan progress en lob plan conversation zetten ze naast je eerste 360°-feedback.

                Voorbeelden:
                  lob plan follow-up
                  lob plan follow-up --out vervolg-collega.html
                  lob plan follow-up --group leidinggevende --out vervolg-leidinggevende.html
                """)

        @OptionGroup var plan: LogbookPlanChoice
        @OptionGroup var planOptions: PlanOptions

        @Option(help: ArgumentHelp("Voor wie het formulier is: collega of leidinggevende.", valueName: "groep"))
        var group: RaterGroup = .collega

        @Option(
            help: ArgumentHelp(
                "Schrijf het formulier (HTML) naar dit bestand; het noemt je doelen, dus alleen voor wie je het stuurt.",
                valueName: "bestand"))
        var out: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if group == .leerling {
                throw ValidationError("--group is collega of leidinggevende: leerlingen geven geen vervolgmeting.")
            }
        }

        func run() async throws {
            let (stored, progress) = try await plan.progress(options: planOptions, profiles: profiles, store: store)
            let behaviours = Set(progress.plan.goals.flatMap { $0.behaviours.map(\.behaviour.id) })
            guard !behaviours.isEmpty else {
                throw Output.fail("je plan heeft geen doelen: er is niets om opnieuw te beoordelen")
            }
            guard let out else {
                Output.write(Self.schedule(progress))
                return
            }
            let html: String
            do {
                html = try ScanForm.html(
                    profile: stored.profile, team: nil, feedbackFor: (stored.scan.teacher, group), followUp: behaviours)
            } catch {
                throw Output.fail("het formulier kan niet gemaakt worden: \(error). Installeer lob opnieuw.")
            }
            // Unlike a blank form, it names the teacher's goals: his to send, readable by him only on his disk.
            try Output.writePrivately(html, to: out)
            Output.write(
                """
                Vervolgmeting voor \(VisibleText.make(stored.scan.teacher)) geschreven naar \(Excerpt.visible(out)) \
                (\(DutchNumber.count(behaviours.count, "gedragskenmerk", "gedragskenmerken")) van je doelen, voor een \(group.word)).
                Stuur het naar wie het verschil kan zien; de bestanden lees je in met: lob feedback import MAP

                """)
        }

        /// Per goal: when its follow-up is due, or whether it is in.
        static func schedule(_ progress: PlanProgress) -> String {
            var lines = [
                "Vervolgmeting: \(progress.followUpWeeks.lowerBound) tot \(progress.followUpWeeks.upperBound) weken na de laatste activiteit voor een doel."
            ]
            for observation in progress.observations {
                let name = "Doel \(observation.goal) (\(observation.competency.name))"
                if let change = observation.change {
                    lines.append(
                        "\(name): vervolgmeting binnen, verandering \(DutchNumber.signed((change * 100).rounded() / 100)) niveau."
                    )
                } else if let due = progress.followUpDue(goal: observation.goal) {
                    lines.append("\(name): van \(due.lowerBound.dutch) tot \(due.upperBound.dutch).")
                } else {
                    lines.append("\(name): nog geen activiteit gedaan.")
                }
            }
            lines.append("Het formulier: lob plan follow-up --out vervolg.html [--group leidinggevende]")
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
