import LOBCore

/// `lob team feedback`: per behaviour, where the team's self-view and the colleagues' view differ most.
public struct TeamFeedbackReport: Sendable {
    public let view: TeamFeedback

    public init(_ view: TeamFeedback) { self.view = view }

    public var title: String { "Zelfbeeld en het beeld van collega's: \(view.team), \(view.round)" }

    public func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, title)]
        blocks.append(
            .paragraph(
                "\(DutchNumber.count(view.members, "teamlid", "teamleden")) met een scan in deze ronde; over \(view.membersWithFeedback) van hen is feedback van collega's te zien."
            ))
        blocks.append(
            .note(
                "Per gedragskenmerk het gemiddelde verschil tussen zelfscore en het gemiddelde van de collega's, over de teamleden bij wie beide er zijn. Boven 0: het team ziet zichzelf hoger dan collega's het zien. Een teamlid telt alleen mee als zijn eigen feedbackoverzicht het cijfer van zijn collega's toont (minstens \(view.threshold) collega's), en een cijfer gaat over minstens \(view.threshold) teamleden, ook wie zijn scan met naam deelde: wat collega's over iemand zeiden, is van hem. Wie waar meetelt, staat nergens. Vallen (bijna) alle teamleden in één hokje (zelf duidelijk hoger, collega's duidelijk hoger, of geen van beide), dan staan de aantallen er niet bij: ze zouden het van ieder zeggen."
            ))
        blocks.append(.heading(level: 2, "Waar zelfbeeld en collega's het meest verschillen"))
        if view.behaviours.isEmpty {
            blocks.append(
                .paragraph(
                    "Nog geen gedragskenmerk om te tonen: daarvoor is over minstens \(view.threshold) teamleden feedback van minstens \(view.threshold) collega's nodig."
                ))
        } else {
            blocks.append(
                .table(
                    header: [
                        "Gedragskenmerk", "Teamleden", "Verschil (zelf − collega's)", "Zelf duidelijk hoger",
                        "Collega's duidelijk hoger",
                    ],
                    rows: view.behaviours.map { gap in
                        [
                            "\(gap.behaviour.id) \(gap.behaviour.text)", "\(gap.n)",
                            DutchNumber.signed(gap.meanDifference),
                            gap.blindSpots.map(String.init) ?? "niet getoond",
                            gap.hiddenStrengths.map(String.init) ?? "niet getoond",
                        ]
                    }))
        }
        if !view.withheld.isEmpty {
            let tooFew = view.withheld.values.filter { $0 == .tooFew }.count
            let change = view.withheld.count - tooFew
            var parts: [String] = []
            if tooFew > 0 {
                parts.append(
                    "\(DutchNumber.count(tooFew, "gedragskenmerk", "gedragskenmerken")) met feedback over minder dan \(view.threshold) teamleden"
                )
            }
            if change > 0 {
                parts.append(
                    "\(DutchNumber.count(change, "gedragskenmerk", "gedragskenmerken")) waar sinds een eerder overzicht minder dan \(view.threshold) teamleden bijkwamen of afvielen"
                )
            }
            blocks.append(.paragraph("Niet getoond: " + parts.joined(separator: "; ") + "."))
        }
        return blocks
    }
}

/// The JSON of `lob team feedback` (docs/json.md).
public struct TeamFeedbackJSON: Encodable {
    /// `meanDifference` rounded to three decimals, as every mean in the contract.
    struct Gap: Encodable {
        let behaviour: String
        let competency: Int
        let n: Int
        let meanDifference: Double
        @Null var blindSpots: Int?
        @Null var hiddenStrengths: Int?
    }

    var formatVersion = 1
    let team: String
    let round: String
    let threshold: Int
    let members: Int
    let membersWithFeedback: Int
    let behaviours: [Gap]
    /// Behaviour id → `tooFew` or `changeTooSmall`.
    let withheld: [String: String]

    public init(_ report: TeamFeedbackReport) {
        let view = report.view
        team = view.team
        round = view.round
        threshold = view.threshold
        members = view.members
        membersWithFeedback = view.membersWithFeedback
        behaviours = view.behaviours.map {
            Gap(
                behaviour: $0.behaviour.id, competency: $0.behaviour.competency, n: $0.n,
                meanDifference: DutchNumber.rounded($0.meanDifference) ?? 0, blindSpots: $0.blindSpots,
                hiddenStrengths: $0.hiddenStrengths)
        }
        withheld = view.withheld.mapValues(\.rawValue)
    }
}
