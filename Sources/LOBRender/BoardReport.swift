import Foundation
import LOBCore

/// `lob team board`: every team's latest round side by side, and the board-wide figures per behaviour. Names never
/// appear; a team below its privacy threshold is counted but not shown.
public struct BoardReport: Sendable {
    public let overview: BoardOverview

    public init(_ overview: BoardOverview) { self.overview = overview }

    public var title: String { "Overzicht van alle teams" }

    public func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, title)]
        let shown = overview.teams
        let respondents = shown.reduce(0) { $0 + $1.respondents }
        blocks.append(
            .definitions([
                ("teams", "\(shown.count + overview.withheldTeams), waarvan \(shown.count) getoond"),
                ("respondenten", "\(respondents) in de getoonde teams"),
            ]))
        blocks.append(
            .note(
                "Elk cijfer is het cijfer dat het teamoverzicht van dat team zelf toont, met dezelfde privacyregel. Een team waarvan minder collega's meetellen dan zijn privacydrempel, staat er niet in en telt ook niet mee in de totalen: anders was het terug te rekenen uit de totalen min de getoonde teams."
            ))
        let competencies = Catalogue.standard.competencies
        blocks.append(.heading(level: 2, "Gemiddelde per team en competentie"))
        blocks.append(
            .table(
                header: ["team", "ronde", "n"] + competencies.map { "C\($0.id)" },
                rows: shown.map { row in
                    [row.team, row.round, "\(row.respondents)"]
                        + competencies.map { DutchNumber.format(row.means[$0.id]) }
                }))
        blocks.append(
            .paragraph("C1 … C7: " + competencies.map { PlanReport.shortName($0) }.joined(separator: "; ") + "."))
        if !shown.isEmpty {
            blocks.append(
                .chart(
                    .heatmap(
                        HeatmapChart(
                            title: "Gemiddelde per team en competentie, tegen niveau 3 (bekwaam)",
                            columns: competencies.map { PlanReport.shortName($0) },
                            rows: shown.map { row in
                                .init(
                                    label: "\(row.team), \(row.round)",
                                    cells: competencies.map { competency in
                                        row.means[competency.id].map { .init(mean: $0, target: 3) }
                                    })
                            }, target: "niveau 3 (bekwaam)", figure: "het gemiddelde van het team (1–4)",
                            numbersInTable: true,
                            rowName: "team"))))
        }
        blocks.append(.heading(level: 2, "Alle teams samen, per gedragskenmerk"))
        blocks.append(
            .table(
                header: ["gedragskenmerk", "n", "gemiddelde", "verdeling", "op/boven doel"],
                rows: overview.behaviours.map {
                    [
                        $0.behaviour, "\($0.n)", DutchNumber.format($0.mean),
                        TeamReport.distributionText($0.distribution, coarsened: $0.coarsened),
                        $0.atOrAboveTarget.map(String.init) ?? "–",
                    ]
                }))
        return blocks
    }

    public var csv: CSVTable {
        let competencies = Catalogue.standard.competencies
        return CSVTable(
            header: ["team", "ronde", "respondenten"] + competencies.map { PlanReport.shortName($0) },
            rows: overview.teams.map { row in
                [.text(row.team), .text(row.round), .integer(row.respondents)]
                    + competencies.map { .decimal(row.means[$0.id], places: 2) }
            })
    }
}

public struct BoardReportJSON: Encodable {
    struct TeamJSON: Encodable {
        let team: String
        let round: String
        let respondents: Int
        /// Per competency "1"…"7": the team report's mean, null when withheld or not scored.
        let means: [String: Double?]
    }
    struct BehaviourJSON: Encodable {
        let behaviour: String
        let competency: Int
        let n: Int
        @Null var mean: Double?
        @Null var distribution: [Int]?
        @Null var atOrAboveTarget: Int?
        let withheld: Bool
        let coarsened: Bool
    }

    let formatVersion = 2
    let teams: [TeamJSON]
    let withheldTeams: Int
    let behaviours: [BehaviourJSON]

    public init(_ report: BoardReport) {
        teams = report.overview.teams.map { row in
            let means: [String: Double?] = Dictionary(
                uniqueKeysWithValues: (1...7).map { id in (String(id), DutchNumber.rounded(row.means[id])) })
            return TeamJSON(team: row.team, round: row.round, respondents: row.respondents, means: means)
        }
        withheldTeams = report.overview.withheldTeams
        behaviours = report.overview.behaviours.map {
            BehaviourJSON(
                behaviour: $0.behaviour, competency: $0.competency, n: $0.n, mean: DutchNumber.rounded($0.mean),
                distribution: $0.distribution.isEmpty ? nil : $0.distribution, atOrAboveTarget: $0.atOrAboveTarget,
                withheld: $0.withheld, coarsened: $0.coarsened)
        }
    }
}
