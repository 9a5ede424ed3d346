import Foundation
import LOBCore

/// `lob team report`: where the team stands, as blocks (text, markdown, HTML), CSV rows and JSON. It shows only
/// what `TeamAnalysis` allows: withheld figures are marked, and the report says why.
public struct TeamReport: Sendable {
    public let team: String
    public let round: String
    public let analysis: TeamAnalysis
    /// The earlier round to compare with, if asked.
    public let comparison: (round: String, analysis: TeamAnalysis)?

    public init(
        team: String, round: String, analysis: TeamAnalysis, comparison: (round: String, analysis: TeamAnalysis)? = nil
    ) {
        self.team = team
        self.round = round
        self.analysis = analysis
        self.comparison = comparison
    }

    public var title: String { "Teamoverzicht \(team)" }

    /// More named colleagues than this and the heatmap is no longer something a person reads: it is left to the JSON.
    public static let maximumHeatmapColumns = 60

    /// How many peer-learning pairs and mentors per behaviour a document lists.
    public static let maximumListed = 30

    var withheldText: String { "achtergehouden (minder dan \(analysis.threshold))" }

    func withheldText(_ aggregate: TeamAnalysis.BehaviourAggregate) -> String {
        aggregate.withheldBecause == .sameAnswers ? "achtergehouden (zou ieders antwoord tonen)" : withheldText
    }

    /// A distribution as "1 · 2 · 0 · 3", or why it is left out.
    static func distributionText(_ distribution: [Int], coarsened: Bool) -> String {
        coarsened ? "niet getoond" : distribution.map(String.init).joined(separator: " · ")
    }

    public func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, title)]
        var facts: [(key: String, text: String)] = [
            ("ronde", round),
            ("scans", "\(analysis.named) met naam, \(anonymousText) anoniem"),
            (
                "telt mee",
                analysis.allWithheld
                    ? "minder dan \(analysis.threshold) collega's" : "\(analysis.respondents) collega's"
            ),
            ("privacydrempel", "\(analysis.threshold): geen cijfer over minder mensen"),
        ]
        let profiles = Set(analysis.counted.map(\.profile.id)).sorted()
        if !profiles.isEmpty { facts.append(("profielen", profiles.joined(separator: ", "))) }
        if let comparison { facts.append(("vergeleken met", comparison.round)) }
        blocks.append(.definitions(facts))
        blocks += privacyNotes()
        guard !analysis.allWithheld else { return blocks }

        let gaps = analysis.biggestGaps()
        blocks += competencyBlocks() + gapBlocks(gaps) + heatmapBlocks() + coverageBlocks() + peerLearningBlocks(gaps)
        blocks += progressBlocks() + behaviourBlocks()
        return blocks
    }

    /// Per competency: n, mean and how many reach the target.
    private func competencyBlocks() -> [Block] {
        var blocks: [Block] = []
        blocks.append(.heading(level: 2, "Competenties"))
        blocks.append(
            .table(
                header: ["competentie", "n", "gemiddelde", "op of boven doel"],
                rows: analysis.competencies.map { aggregate in
                    [
                        PlanReport.shortName(aggregate.competency), "\(aggregate.n)",
                        aggregate.withheld ? withheldText : DutchNumber.format(aggregate.mean),
                        aggregate.atOrAboveTarget.map { "\($0) van \(aggregate.n)" } ?? "–",
                    ]
                }))

        return blocks
    }

    /// The behaviours furthest below their target, by priority.
    private func gapBlocks(_ gaps: [TeamAnalysis.BehaviourAggregate]) -> [Block] {
        var blocks: [Block] = []
        blocks.append(.heading(level: 2, "Grootste gaten"))
        if gaps.isEmpty {
            blocks.append(.paragraph("Op geen enkel gedragskenmerk blijft het team gemiddeld onder het doel."))
        } else {
            blocks.append(
                .paragraph(
                    "Gedragskenmerken op prioriteit: het gemiddelde over de respondenten van gat × gewicht. Verdeling = aantal op niveau 1 · 2 · 3 · 4."
                ))
            blocks.append(
                .table(
                    header: ["id", "n", "gemiddelde", "verdeling", "op/boven doel", "prioriteit", "gedragskenmerk"],
                    rows: gaps.map(gapRow)))
        }

        return blocks
    }

    /// The named colleagues per behaviour, when there are few enough to read.
    private func heatmapBlocks() -> [Block] {
        var blocks: [Block] = []
        // Counted first: the columns of thousands of colleagues are not built for a heatmap that is not drawn.
        let shownNamed = analysis.allWithheld ? 0 : analysis.named
        if shownNamed > Self.maximumHeatmapColumns {
            blocks.append(.heading(level: 2, "Heatmap"))
            blocks.append(
                .paragraph(
                    "\(shownNamed) collega's deelden met naam: te veel voor een leesbare heatmap (hooguit \(Self.maximumHeatmapColumns) kolommen). De scores per collega staan in de JSON-uitvoer."
                ))
        } else if case let columns = analysis.heatmapColumns, !columns.isEmpty {
            blocks.append(.heading(level: 2, "Heatmap"))
            blocks.append(.chart(.heatmap(heatmap(columns))))
        }

        return blocks
    }

    /// What nobody in the team masters.
    private func coverageBlocks() -> [Block] {
        var blocks: [Block] = []
        blocks.append(.heading(level: 2, "Dekking"))
        blocks.append(
            .paragraph(
                "Wat niemand in het team beheerst. In de flexibele school (model 3) moet het team als geheel de teamcompetenties dekken; ook in de andere modellen laat dit zien waar het team van buiten moet leren."
            ))
        let uncovered = analysis.uncoveredBehaviours
        let uncoveredCompetencies = analysis.uncoveredCompetencies
        if uncovered.isEmpty && uncoveredCompetencies.isEmpty {
            blocks.append(
                .paragraph(
                    "Elk gedragskenmerk met genoeg antwoorden wordt door minstens één collega op of boven het doel beheerst."
                ))
        } else {
            if !uncoveredCompetencies.isEmpty {
                blocks.append(
                    .paragraph(
                        "Competenties waarop niemand gemiddeld het doel haalt: "
                            + uncoveredCompetencies.map { PlanReport.shortName($0.competency) }.joined(separator: ", ")
                            + "."))
            }
            if !uncovered.isEmpty {
                blocks.append(
                    .definitions(
                        uncovered.map {
                            ($0.behaviour.id, "\($0.behaviour.text) (gemiddeld \(DutchNumber.format($0.mean)))")
                        }))
            }
        }

        return blocks
    }

    /// For the biggest gaps: who masters it and shares by name, paired with who wants to learn it.
    private func peerLearningBlocks(_ gaps: [TeamAnalysis.BehaviourAggregate]) -> [Block] {
        var blocks: [Block] = []
        blocks.append(.heading(level: 2, "Van elkaar leren"))
        let gapIDs = Set(gaps.map(\.behaviour.id))
        let learning = analysis.peerLearning(for: gapIDs, listing: Self.maximumListed).filter {
            gapIDs.contains($0.behaviour.id) && (!$0.pairs.isEmpty || $0.anonymousLearners != nil)
        }
        if learning.isEmpty {
            blocks.append(
                .paragraph(
                    "Geen koppels: voor geen enkel ontwikkelpunt is er een collega die het beheerst en met naam meedoet."
                ))
        } else {
            blocks.append(
                .paragraph(
                    "Voor de grootste gaten: de collega's die het beheersen en met naam meedoen, gekoppeld aan wie het wil leren; bij voorkeur iemand die op dezelfde manier leert, en op een manier die past bij de leervoorkeur van wie leert. Alle koppels voor elk ontwikkelpunt: lob team pairs."
                ))
            blocks += Self.learningBlocks(learning, limit: Self.maximumListed, level: 3)
        }

        return blocks
    }

    /// Each behaviour's pairs under a heading of `level`; behaviours with the same pairs are one list under their ids
    /// together, not the same list again.
    static func learningBlocks(_ learning: [TeamAnalysis.PeerLearning], limit: Int?, level: Int) -> [Block] {
        var groups: [(behaviours: [Behaviour], items: [String])] = []
        for entry in learning {
            let items = learningItems(entry, limit: limit)
            if let index = groups.firstIndex(where: { $0.items == items }) {
                groups[index].behaviours.append(entry.behaviour)
            } else {
                groups.append(([entry.behaviour], items))
            }
        }
        return groups.flatMap { group -> [Block] in
            guard group.behaviours.count > 1 else {
                let behaviour = group.behaviours[0]
                return [.heading(level: level, "\(behaviour.id) \(behaviour.text)"), .bullets(group.items)]
            }
            let ids = group.behaviours.map(\.id)
            return [
                .heading(level: level, ids.dropLast().joined(separator: ", ") + " en " + (ids.last ?? "")),
                .paragraph(group.behaviours.map { "\($0.id) \($0.text)" }.joined(separator: "; ") + "."),
                .bullets(group.items),
            ]
        }
    }

    /// One behaviour's pairs as list items ("Ans (oefenen): oefen met …"), and its anonymous learners as a group;
    /// with `limit`, the first so many pairs and mentors and how many more there are (`lob team pairs` has them all).
    static func learningItems(_ entry: TeamAnalysis.PeerLearning, limit: Int?) -> [String] {
        let limit = limit ?? max(entry.pairCount, entry.mentors.count)
        var items = entry.pairs.prefix(limit).map { pair in
            "\(pair.learner)\(pair.preference.map { " (\($0.name))" } ?? ""): \(pair.how)"
        }
        if entry.pairCount > limit {
            items.append("en nog \(entry.pairCount - limit) koppels (alle koppels: lob team pairs)")
        }
        if let count = entry.anonymousLearners {
            let mentors =
                entry.mentors.prefix(limit).joined(separator: ", ")
                + (entry.mentors.count > limit ? " en \(entry.mentors.count - limit) anderen" : "")
            items.append("\(count) collega's die anoniem deelden: zij kunnen terecht bij \(mentors)")
        }
        return items
    }

    /// The change per competency since the round compared with.
    private func progressBlocks() -> [Block] {
        var blocks: [Block] = []
        if let comparison {
            blocks.append(.heading(level: 2, "Voortgang sinds \(comparison.round)"))
            let progress = TeamProgress(before: comparison.analysis, after: analysis)
            blocks.append(
                .table(
                    header: ["competentie", comparison.round, round, "verschil"],
                    rows: progress.changes.map {
                        [
                            PlanReport.shortName($0.competency), DutchNumber.format($0.before),
                            DutchNumber.format($0.after), DutchNumber.signed($0.change),
                        ]
                    }))
            blocks.append(
                .chart(
                    .bars(
                        BarChart(
                            title: "Gemiddelde per competentie in \(comparison.round) en \(round)",
                            series: [comparison.round, round],
                            groups: progress.changes.map {
                                .init(label: PlanReport.shortName($0.competency), values: [$0.before, $0.after])
                            }, maximum: 4, minimum: 1, numbersInTable: true))))
            blocks.append(
                .paragraph(
                    "Een gemiddelde verschilt ook als er andere collega's hebben meegedaan; – betekent achtergehouden of niet gescand."
                ))
        }

        return blocks
    }

    /// Every behaviour: n, mean, distribution, how many reach the target.
    private func behaviourBlocks() -> [Block] {
        var blocks: [Block] = []
        blocks.append(.heading(level: 2, "Per gedragskenmerk"))
        blocks.append(
            .table(
                header: ["gedragskenmerk", "n", "gemiddelde", "verdeling", "op/boven doel"],
                rows: analysis.behaviours.map { aggregate in
                    [
                        aggregate.behaviour.id, "\(aggregate.n)",
                        aggregate.withheld ? withheldText(aggregate) : DutchNumber.format(aggregate.mean),
                        Self.distributionText(aggregate.distribution, coarsened: aggregate.coarsened),
                        aggregate.atOrAboveTarget.map(String.init) ?? "–",
                    ]
                }))
        return blocks
    }

    /// How many shared anonymously, in words: a number below the threshold is not shown.
    var anonymousText: String {
        switch analysis.anonymous {
        case 0?: "geen"
        case let count?: "\(count)"
        case nil: "minder dan \(analysis.threshold)"
        }
    }

    private func privacyNotes() -> [Block] {
        var notes: [String] = []
        let t = analysis.threshold
        if analysis.allWithheld {
            notes.append(
                "Minder dan \(t) collega's tellen mee, de privacydrempel van dit team. Daarom toont dit overzicht geen enkel cijfer: met zo weinig mensen is te herleiden wie wat scoorde."
            )
        }
        if analysis.anonymousWithheld.contains(.tooFew) {
            notes.append(
                "Anonieme antwoorden tellen alleen mee als groep van minstens \(t). Waar minder anonieme collega's antwoordden, tellen alleen de antwoorden met naam: naast de namen zou anders terug te rekenen zijn wat zij invulden."
            )
        }
        if analysis.anonymousWithheld.contains(.changeTooSmall) {
            notes.append(
                "Sinds een eerder overzicht van deze ronde zijn er minder dan \(t) anonieme scans bijgekomen, vervangen of weggegaan. Het verschil tussen de twee overzichten zou laten zien wat die collega's invulden; daarom tellen de anonieme antwoorden nu niet mee. Ze tellen weer mee als de groep met minstens \(t) scans verschilt van elke eerdere."
            )
        }
        if !analysis.allWithheld && analysis.behaviours.contains(where: { $0.withheldBecause == .tooFew }) {
            notes.append("Cijfers over minder dan \(analysis.threshold) antwoorden zijn achtergehouden (gemarkeerd).")
        }
        if analysis.behaviours.contains(where: { $0.coarsened || $0.withheldBecause == .sameAnswers }) {
            notes.append(
                "Ook een groep kan verraden wat ieder invulde: kozen (bijna) alle anonieme collega's hetzelfde niveau, dan staat de verdeling er niet bij, en lag dat niveau aan de rand van de schaal, dan ook het gemiddelde niet (gemarkeerd)."
            )
        }
        notes.append(
            "Namen staan er alleen bij wie met naam deelde. Wie anoniem deelde, telt alleen mee in groepscijfers en heeft geen eigen kolom. Privé-scans komen niet in het team."
        )
        return notes.map(Block.note)
    }

    private func gapRow(_ aggregate: TeamAnalysis.BehaviourAggregate) -> [String] {
        [
            aggregate.behaviour.id, "\(aggregate.n)", DutchNumber.format(aggregate.mean),
            Self.distributionText(aggregate.distribution, coarsened: aggregate.coarsened),
            aggregate.atOrAboveTarget.map(String.init) ?? "–", DutchNumber.format(aggregate.priority),
            aggregate.behaviour.text,
        ]
    }

    func heatmap(_ columns: [TeamAnalysis.Column]) -> HeatmapChart {
        let groups = Dictionary(
            uniqueKeysWithValues: analysis.competencies.map { ($0.competency.id, PlanReport.shortName($0.competency)) })
        return HeatmapChart(
            title: "Score per collega en gedragskenmerk, tegen het doel van zijn of haar profiel",
            columns: columns.map(\.label),
            rows: analysis.behaviours.map { aggregate in
                HeatmapChart.Row(
                    label: aggregate.behaviour.id, text: aggregate.behaviour.text,
                    group: groups[aggregate.behaviour.competency] ?? "",
                    cells: columns.map { column in
                        column.scores[aggregate.behaviour.id].map {
                            HeatmapChart.Cell(score: $0, target: column.targets[aggregate.behaviour.id] ?? 3)
                        }
                    })
            })
    }

    // MARK: - CSV

    /// One row per behaviour, for a spreadsheet, the text beside each id; withheld figures are empty and marked.
    public var csv: CSVTable {
        let names = Dictionary(
            uniqueKeysWithValues: analysis.competencies.map { ($0.competency.id, $0.competency.name) })
        return CSVTable(
            header: [
                "team", "ronde", "gedragskenmerk", "omschrijving", "competentie", "competentienaam", "n", "gemiddelde",
                "niveau 1", "niveau 2", "niveau 3", "niveau 4", "op of boven doel", "achtergehouden",
            ],
            rows: analysis.behaviours.map { aggregate in
                let levels: [CSVCell] = (0..<4).map { level in
                    .integer(aggregate.distribution.indices.contains(level) ? aggregate.distribution[level] : nil)
                }
                return [
                    .text(team), .text(round), .id(aggregate.behaviour.id), .text(aggregate.behaviour.text),
                    .integer(aggregate.behaviour.competency), .text(names[aggregate.behaviour.competency] ?? ""),
                    .integer(aggregate.n), .decimal(aggregate.mean, places: 2),
                ] + levels + [.integer(aggregate.atOrAboveTarget), .text(aggregate.withheld ? "ja" : "nee")]
            })
    }
}
