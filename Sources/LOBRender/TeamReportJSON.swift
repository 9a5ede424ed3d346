import LOBCore

/// The team report as JSON: the stable contract for scripts and other tools (docs/json.md). Means are rounded to
/// three decimals; a withheld aggregate has `withheld: true` and `null` for its mean, distribution and
/// atOrAboveTarget. Peer learning lists what the documents list (the first `TeamReport.maximumListed` pairs and
/// mentors per behaviour, with their counts); every pair is in `TeamPairsJSON` (`lob team pairs`). Built as a
/// `JSONValue`: `JSONEncoder` took longer over a board's team than the rest of the command.
public struct TeamReportJSON: Sendable {
    public static let formatVersion = 3
    public let value: JSONValue

    public init(_ report: TeamReport) {
        let analysis = report.analysis
        let privacy: JSONValue = .object([
            ("allWithheld", .bool(analysis.allWithheld)),
            // Nil when some but fewer than the threshold shared anonymously.
            ("anonymous", .int(analysis.anonymous)),
            // Why anonymous answers are left out of some figures: "tooFew", "changeTooSmall".
            ("anonymousWithheld", .strings(analysis.anonymousWithheld.map(\.rawValue).sorted())),
            ("named", .int(analysis.named)),
            ("respondents", .int(analysis.allWithheld ? nil : analysis.respondents)),
            ("threshold", .int(analysis.threshold)),
        ])
        let behaviours: [JSONValue] = analysis.behaviours.map {
            .object([
                ("atOrAboveTarget", .int($0.atOrAboveTarget)),
                ("behaviour", .string($0.behaviour.id)),
                ("coarsened", .bool($0.coarsened)),
                ("competency", .int($0.behaviour.competency)),
                ("distribution", $0.distribution.isEmpty ? .null : .ints($0.distribution)),
                ("mean", .double(DutchNumber.rounded($0.mean))),
                ("n", .int($0.n)),
                ("priority", .double(DutchNumber.rounded($0.priority))),
                ("withheld", .bool($0.withheld)),
            ])
        }
        let competencies: [JSONValue] = analysis.competencies.map {
            .object([
                ("atOrAboveTarget", .int($0.atOrAboveTarget)),
                ("competency", .int($0.competency.id)),
                ("mean", .double(DutchNumber.rounded($0.mean))),
                ("n", .int($0.n)),
                ("withheld", .bool($0.withheld)),
            ])
        }
        let coverage: JSONValue = .object([
            ("behaviours", .strings(analysis.uncoveredBehaviours.map(\.behaviour.id))),
            ("competencies", .ints(analysis.uncoveredCompetencies.map(\.competency.id))),
        ])
        // Every column's behaviours in key order: the team's behaviours, sorted once for all columns (a column with
        // a score for any other behaviour sorts its own).
        let columns = analysis.heatmapColumns
        let keys = analysis.behaviours.map(\.behaviour.id).sorted(by: JSONValue.precedes)
        let heatmap: [JSONValue] = columns.map { column in
            var scores = keys.compactMap { key in column.scores[key].map { (key, JSONValue.int($0)) } }
            if scores.count < column.scores.count {
                scores = column.scores.sorted { JSONValue.precedes($0.key, $1.key) }.map { ($0.key, .int($0.value)) }
            }
            return .object([("label", .string(column.label)), ("scores", .object(scores))])
        }
        let peerLearning = analysis.peerLearning(for: nil, listing: TeamReport.maximumListed).map {
            Self.peerLearning($0, listing: TeamReport.maximumListed)
        }
        let progress: JSONValue =
            report.comparison.map { comparison in
                .array(
                    TeamProgress(before: comparison.analysis, after: analysis).changes.map {
                        .object([
                            ("after", .double(DutchNumber.rounded($0.after))),
                            ("before", .double(DutchNumber.rounded($0.before))),
                            ("change", .double(DutchNumber.rounded($0.change))),
                            ("competency", .int($0.competency.id)),
                        ])
                    })
            } ?? .null
        value = .object([
            ("behaviours", .array(behaviours)),
            ("biggestGaps", .strings(analysis.biggestGaps().map(\.behaviour.id))),
            ("compareRound", .string(report.comparison?.round)),
            ("competencies", .array(competencies)),
            ("coverage", coverage),
            ("formatVersion", .int(Self.formatVersion)),
            ("heatmap", .array(heatmap)),
            ("peerLearning", .array(peerLearning)),
            ("privacy", privacy),
            ("progress", progress),
            ("round", .string(report.round)),
            ("team", .string(report.team)),
        ])
    }

    /// One behaviour's peer learning: with `listing`, the first so many pairs and mentors and how many there are in
    /// all; without, every one.
    static func peerLearning(_ entry: TeamAnalysis.PeerLearning, listing: Int?) -> JSONValue {
        let limit = listing ?? max(entry.pairCount, entry.mentors.count)
        return .object([
            ("anonymousLearners", .int(entry.anonymousLearners)),
            ("behaviour", .string(entry.behaviour.id)),
            ("mentorCount", .int(entry.mentors.count)),
            ("mentors", .strings(Array(entry.mentors.prefix(limit)))),
            ("pairCount", .int(entry.pairCount)),
            ("pairs", .array(entry.pairs.prefix(limit).map(Self.pair))),
        ])
    }

    /// One learner paired with a colleague; the team plan lists its goals' pairs the same way.
    public static func pair(_ pair: TeamAnalysis.PeerLearning.Pair) -> JSONValue {
        .object([
            ("how", .string(pair.how)),
            ("learner", .string(pair.learner)),
            ("learningPreference", .string(pair.preference?.rawValue)),
            ("mentor", .string(pair.mentor)),
        ])
    }

    public func text() throws -> String { try value.text() }
}
