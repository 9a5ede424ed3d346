import LOBCore

/// `lob team pairs`: every peer-learning pair of a round, for every behaviour, where the team report lists the first
/// `TeamReport.maximumListed` of the biggest gaps. For a teamvoorzitter who plans the pairs (CSV in Excel) and for
/// scripts (JSON). Only colleagues who shared by name are paired; anonymous learners appear as a group, as in the
/// report, and only when the rule releases them.
public struct TeamPairsReport: Sendable {
    public let team: String
    public let round: String
    public let analysis: TeamAnalysis
    public let learning: [TeamAnalysis.PeerLearning]

    public init(team: String, round: String, analysis: TeamAnalysis) {
        self.team = team
        self.round = round
        self.analysis = analysis
        learning = analysis.peerLearning.filter { !$0.pairs.isEmpty || $0.anonymousLearners != nil }
    }

    public var title: String { "Van elkaar leren: alle koppels van \(team)" }

    public func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, title)]
        let pairs = learning.reduce(0) { $0 + $1.pairs.count }
        blocks.append(
            .definitions([
                ("ronde", round),
                ("koppels", "\(pairs) voor \(learning.count) gedragskenmerken"),
                ("privacydrempel", "\(analysis.threshold): geen cijfer over minder mensen"),
            ]))
        guard !analysis.allWithheld else {
            blocks.append(
                .paragraph(
                    "Minder dan \(analysis.threshold) collega's tellen mee: er is niets te koppelen dat niet over één van hen gaat."
                ))
            return blocks
        }
        guard !learning.isEmpty else {
            blocks.append(
                .paragraph(
                    "Geen koppels: voor geen enkel gedragskenmerk is er een collega die het beheerst en met naam meedoet."
                ))
            return blocks
        }
        blocks.append(
            .paragraph(
                "Per gedragskenmerk: wie het wil leren en met naam meedoet, gekoppeld aan een collega die het beheerst en met naam meedoet; bij voorkeur iemand die op dezelfde manier leert, en zo verdeeld dat niet één sterke collega door iedereen gevraagd wordt. Wie anoniem deelde, staat er alleen als groep, en alleen als die groep minstens zo groot is als de privacydrempel."
            ))
        return blocks + TeamReport.learningBlocks(learning, limit: nil, level: 2)
    }

    /// One row per pair; anonymous learners are not a pair and stay in the document and the JSON.
    public var csv: CSVTable {
        CSVTable(
            header: ["team", "ronde", "gedragskenmerk", "omschrijving", "wie leert", "leervoorkeur", "van wie", "hoe"],
            rows: learning.flatMap { entry in
                entry.pairs.map { pair in
                    [
                        .text(team), .text(round), .id(entry.behaviour.id), .text(entry.behaviour.text),
                        .text(pair.learner), .text(pair.preference?.name ?? ""), .text(pair.mentor), .text(pair.how),
                    ]
                }
            })
    }
}

/// `lob team pairs --format json`: the contract of docs/json.md, every pair and mentor of every behaviour.
public struct TeamPairsJSON: Sendable {
    public static let formatVersion = 1
    public let value: JSONValue

    public init(_ report: TeamPairsReport) {
        value = .object([
            ("formatVersion", .int(Self.formatVersion)),
            ("peerLearning", .array(report.learning.map { TeamReportJSON.peerLearning($0, listing: nil) })),
            (
                "privacy",
                .object([
                    ("allWithheld", .bool(report.analysis.allWithheld)),
                    ("threshold", .int(report.analysis.threshold)),
                ])
            ),
            ("round", .string(report.round)),
            ("team", .string(report.team)),
        ])
    }

    public func text() throws -> String { try value.text() }
}
