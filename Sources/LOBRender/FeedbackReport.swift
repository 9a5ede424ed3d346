import LOBCore

/// `lob feedback report`: a teacher's self-view beside his leidinggevende's and his colleagues' (as a group), with
/// blind spots, hidden strengths and where the raters agree.
public struct FeedbackReport: Sendable {
    public let stored: StoredScan
    public let analysis: FeedbackAnalysis

    public init(_ stored: StoredScan, analysis: FeedbackAnalysis) {
        self.stored = stored
        self.analysis = analysis
    }

    public var title: String { "360°-feedback voor \(stored.scan.teacher)" }

    /// "2,75", or "–" for nothing.
    static func number(_ value: Double?) -> String { DutchNumber.format(value) }

    /// A group's figure as shown, or why not.
    func group(
        _ group: FeedbackAnalysis.Colleagues?, withheld: PrivacyRule.Release.Reason?
    ) -> (
        mean: String, n: String, spread: String
    ) {
        if let group {
            return (Self.number(group.mean), "\(group.n)", Self.number(group.spread))
        }
        switch withheld {
        case .tooFew?: return ("niet getoond", "minder dan \(analysis.threshold)", "–")
        case .changeTooSmall?: return ("niet getoond", "te kleine verandering", "–")
        case .sameAnswers?: return ("niet getoond", "zou ieders antwoord tonen", "–")
        case nil: return ("–", "0", "–")
        }
    }

    public func blocks() -> [Block] {
        let scan = stored.scan
        var blocks: [Block] = [.heading(level: 1, title)]
        let leider =
            (analysis.pupilsAnswered > 0
                ? ", \(DutchNumber.count(analysis.pupilsAnswered, "leerling", "leerlingen"))" : "")
            + (analysis.leidinggevendeAnswered ? " en je leidinggevende" : "")
        blocks.append(
            .paragraph(
                "Profiel \(stored.profile.title); je zelfscan van \(scan.date.dutch). Feedback van \(DutchNumber.count(analysis.colleaguesAnswered, "collega", "collega's"))\(leider)."
            ))
        blocks.append(
            .note(
                "Collega's tellen alleen mee als groep van minstens \(analysis.threshold) die een gedragskenmerk beoordeelden; wie wat gaf, wordt nergens bewaard. Een groep die sinds een eerder overzicht met minder dan \(analysis.threshold) collega's veranderde, wordt niet getoond: het verschil zou laten zien wat die collega's gaven. Gaven (bijna) allen het laagste of het hoogste niveau, dan staat ook het gemiddelde er niet bij. De spreiding staat er pas bij vanaf \(GroupDisclosure.spreadMinimum) collega's, en opmerkingen van collega's vanaf \(GroupDisclosure.remarkMinimum): met minder zou wie zelf beoordeelde kunnen terugrekenen wat de anderen gaven, of aan een opmerking zien van wie die is."
            ))

        blocks.append(.heading(level: 2, "Per competentie"))
        blocks.append(
            .table(
                header: ["Competentie", "Zelf", "Leidinggevende", "Collega's"],
                rows: analysis.competencies.map {
                    [
                        $0.competency.name, Self.number($0.selfMean), Self.number($0.leidinggevendeMean),
                        Self.number($0.colleaguesMean),
                    ]
                }))
        blocks.append(
            .chart(
                .radar(
                    RadarChart(
                        title: "Zelfbeeld en het beeld van anderen per competentie", maximum: 4,
                        axes: analysis.competencies.map { view in
                            RadarChart.Axis(
                                label: PlanReport.shortName(view.competency), value: view.selfMean,
                                target: view.colleaguesMean ?? view.leidinggevendeMean ?? 0)
                        }, valueLabel: "zelf", targetLabel: "collega's (anders leidinggevende)",
                        extra: RadarChart.Series(
                            label: "leidinggevende", values: analysis.competencies.map(\.leidinggevendeMean)),
                        numbersInTable: true))))

        blocks.append(.heading(level: 2, "Blinde vlekken"))
        blocks.append(
            .paragraph(
                "Waar je jezelf duidelijk hoger ziet (minstens een niveau) dan anderen je zien: onderwerp voor het ontwikkelgesprek."
            ))
        blocks.append(Self.list(analysis.blindSpots, empty: "Geen: nergens zie je jezelf duidelijk hoger."))
        blocks.append(.heading(level: 2, "Verborgen sterktes"))
        blocks.append(.paragraph("Waar anderen je duidelijk hoger zien dan jijzelf."))
        blocks.append(Self.list(analysis.hiddenStrengths, empty: "Geen: nergens zien anderen je duidelijk hoger."))
        blocks.append(.heading(level: 2, "Waar je beoordelaars het eens zijn"))
        blocks.append(
            Self.list(
                analysis.agreements,
                empty: "Nergens liggen de beoordelingen van je collega's (en leidinggevende) dicht bij elkaar."))

        blocks.append(.heading(level: 2, "Per gedragskenmerk"))
        for competency in analysis.competencies {
            blocks.append(.heading(level: 3, competency.competency.name))
            let rows = analysis.behaviours.filter { $0.behaviour.competency == competency.competency.id }.map {
                view -> [String] in
                let colleagues = group(view.colleagues, withheld: view.withheld)
                return [
                    "\(view.behaviour.id) \(view.behaviour.text)", view.selfScore.map(String.init) ?? "–",
                    view.leidinggevende.map(String.init) ?? "–", colleagues.mean, colleagues.n, colleagues.spread,
                ]
            }
            // The pupils' view, on the behaviours the school worded for them.
            let pupilRows = analysis.behaviours.filter {
                $0.behaviour.competency == competency.competency.id && ($0.pupils != nil || $0.pupilsWithheld != nil)
            }.map { view -> [String] in
                let pupils = group(view.pupils, withheld: view.pupilsWithheld)
                return ["\(view.behaviour.id)", pupils.mean, pupils.n, pupils.spread]
            }
            blocks.append(
                .table(
                    header: ["Gedragskenmerk", "Zelf", "Leidinggevende", "Collega's", "n", "Spreiding"], rows: rows))
            if !pupilRows.isEmpty {
                blocks.append(.table(header: ["Gedragskenmerk", "Leerlingen", "n", "Spreiding"], rows: pupilRows))
            }
            if let remark = competency.leidinggevendeRemark {
                blocks.append(.quote(remark, by: "Je leidinggevende"))
            }
            if !competency.colleagueRemarks.isEmpty {
                blocks.append(.paragraph("Opmerkingen van collega's (op alfabet):"))
                blocks.append(.bullets(competency.colleagueRemarks))
            }
        }
        return blocks
    }

    static func list(_ views: [FeedbackAnalysis.BehaviourView], empty: String) -> Block {
        guard !views.isEmpty else { return .paragraph(empty) }
        return .bullets(
            views.map { view in
                "\(view.behaviour.id) \(view.behaviour.text): zelf \(view.selfScore.map(String.init) ?? "–"), anderen \(number(view.others))"
            })
    }
}

/// The JSON of `lob feedback report`: every key present, null when withheld (docs/json.md).
public struct FeedbackReportJSON: Encodable {
    struct Colleagues: Encodable {
        let n: Int
        @Null var mean: Double?
        @Null var spread: Double?
        /// `tooFew`, `changeTooSmall` or `sameAnswers` when colleagues rated it but their figure is not shown.
        @Null var withheld: String?
    }
    struct BehaviourJSON: Encodable {
        let behaviour: String
        let competency: Int
        @Null var selfScore: Int?
        @Null var leidinggevende: Int?
        let colleagues: Colleagues
        /// `blindSpot` or `hiddenStrength`.
        @Null var reading: String?
        let agree: Bool
        /// Pupils as a group, on the school's own pupil-worded statements.
        let pupils: Colleagues
    }
    struct CompetencyJSON: Encodable {
        let competency: Int
        let name: String
        @Null var selfMean: Double?
        @Null var leidinggevendeMean: Double?
        @Null var colleaguesMean: Double?
        @Null var leidinggevendeRemark: String?
        let colleagueRemarks: [String]
    }

    var formatVersion = 1
    let scan: Int64
    let teacher: String
    let profile: String
    let threshold: Int
    let colleaguesAnswered: Int
    let leidinggevendeAnswered: Bool
    let pupilsAnswered: Int
    let competencies: [CompetencyJSON]
    let behaviours: [BehaviourJSON]

    public init(_ report: FeedbackReport) {
        let analysis = report.analysis
        scan = report.stored.id
        teacher = report.stored.scan.teacher
        profile = report.stored.profile.id
        threshold = analysis.threshold
        colleaguesAnswered = analysis.colleaguesAnswered
        leidinggevendeAnswered = analysis.leidinggevendeAnswered
        pupilsAnswered = analysis.pupilsAnswered
        competencies = analysis.competencies.map {
            CompetencyJSON(
                competency: $0.competency.id, name: $0.competency.name, selfMean: DutchNumber.rounded($0.selfMean),
                leidinggevendeMean: DutchNumber.rounded($0.leidinggevendeMean),
                colleaguesMean: DutchNumber.rounded($0.colleaguesMean),
                leidinggevendeRemark: $0.leidinggevendeRemark, colleagueRemarks: $0.colleagueRemarks)
        }
        behaviours = analysis.behaviours.map { view in
            BehaviourJSON(
                behaviour: view.behaviour.id, competency: view.behaviour.competency, selfScore: view.selfScore,
                leidinggevende: view.leidinggevende,
                colleagues: Colleagues(
                    n: view.colleagues?.n ?? 0, mean: DutchNumber.rounded(view.colleagues?.mean),
                    spread: DutchNumber.rounded(view.colleagues?.spread),
                    withheld: view.withheld?.rawValue),
                reading: view.reading?.rawValue, agree: view.agree,
                pupils: Colleagues(
                    n: view.pupils?.n ?? 0, mean: DutchNumber.rounded(view.pupils?.mean),
                    spread: DutchNumber.rounded(view.pupils?.spread),
                    withheld: view.pupilsWithheld?.rawValue))
        }
    }
}
