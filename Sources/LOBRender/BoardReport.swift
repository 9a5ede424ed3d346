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
        let shown = overview.teams.filter { !$0.withheld }
        blocks.append(.definitions([
            ("teams", "\(overview.teams.count), waarvan \(shown.count) getoond"),
            ("respondenten", "\(overview.teams.reduce(0) { $0 + $1.respondents })"),
        ]))
        if overview.withheldTeams > 0 {
            blocks.append(.note("\(overview.withheldTeams) team(s) met minder respondenten dan hun privacydrempel staan niet apart in de tabel; ze tellen wel mee in de totalen per gedragskenmerk."))
        }
        let competencies = Catalogue.standard.competencies
        blocks.append(.heading(level: 2, "Gemiddelde per team en competentie"))
        blocks.append(.table(header: ["team", "ronde", "n"] + competencies.map { "C\($0.id)" }, rows: shown.map { row in
            [row.team, row.round, "\(row.respondents)"] + competencies.map { DutchNumber.format(row.means[$0.id]) }
        }))
        blocks.append(.paragraph("C1 … C7: " + competencies.map { PlanReport.shortName($0) }.joined(separator: "; ") + "."))
        blocks.append(.heading(level: 2, "Alle teams samen, per gedragskenmerk"))
        blocks.append(.table(header: ["gedragskenmerk", "n", "gemiddelde", "verdeling", "op/boven doel"], rows: overview.behaviours.map {
            [$0.behaviour, "\($0.n)", DutchNumber.format($0.mean), $0.distribution.map(String.init).joined(separator: " · "),
             $0.atOrAboveTarget.map(String.init) ?? "–"]
        }))
        return blocks
    }

    public var csvHeader: [String] { ["team", "ronde", "respondenten"] + (1...7).map { "competentie\($0)" } }

    public var csvRows: [[String]] {
        overview.teams.filter { !$0.withheld }.map { row in
            [row.team, row.round, "\(row.respondents)"] + (1...7).map { id in DutchNumber.rounded(row.means[id]).map { String($0) } ?? "" }
        }
    }
}

public struct BoardReportJSON: Encodable {
    struct TeamJSON: Encodable {
        let team: String
        let round: String
        let respondents: Int
        let means: [String: Double]
    }
    struct BehaviourJSON: Encodable {
        let behaviour: String
        let competency: Int
        let n: Int
        let mean: Double?
        let distribution: [Int]?
        let atOrAboveTarget: Int?
        let withheld: Bool
    }

    let formatVersion = 1
    let teams: [TeamJSON]
    let withheldTeams: Int
    let behaviours: [BehaviourJSON]

    public init(_ report: BoardReport) {
        teams = report.overview.teams.filter { !$0.withheld }.map { row in
            TeamJSON(team: row.team, round: row.round, respondents: row.respondents,
                     means: Dictionary(uniqueKeysWithValues: row.means.map { (String($0.key), DutchNumber.rounded($0.value) ?? 0) }))
        }
        withheldTeams = report.overview.withheldTeams
        behaviours = report.overview.behaviours.map {
            BehaviourJSON(behaviour: $0.behaviour, competency: $0.competency, n: $0.n, mean: DutchNumber.rounded($0.mean),
                          distribution: $0.withheld ? nil : $0.distribution, atOrAboveTarget: $0.atOrAboveTarget, withheld: $0.withheld)
        }
    }
}
