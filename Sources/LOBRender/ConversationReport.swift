import LOBCore

/// `lob plan conversation`: one printable document for the ontwikkelgesprek of a teacher and his leidinggevende —
/// his self-scan and its change, his 360° feedback as his own report shows it, his plan with what he did, levels 1
/// to 3 for his goals, and the agreements they recorded before, with room for new ones. His document: it names him.
public struct ConversationReport: Sendable {
    public let progress: PlanProgress
    public let later: StoredScan?
    public let feedback: FeedbackAnalysis?
    public let agreements: [Agreement]

    public init(progress: PlanProgress, later: StoredScan?, feedback: FeedbackAnalysis?, agreements: [Agreement]) {
        self.progress = progress
        self.later = later
        self.feedback = feedback
        self.agreements = agreements
    }

    public var title: String { "Ontwikkelgesprek van \(progress.plan.teacher)" }

    /// Seed 003, "Effecten professionalisering monitoren".
    static let seedWords =
        "Met behulp van input uit zelfassessment, 360 graden feedback van collega’s en de beoordeling door de leidinggevende worden de gesprekken ingevuld."

    public func blocks() -> [Block] {
        let plan = progress.plan
        let progressReport = ProgressReport(progress)
        var blocks: [Block] = [.heading(level: 1, title)]
        blocks += progressReport.factBlocks()
        blocks.append(
            .quote(Self.seedWords, by: "Praktijkverhaal over de professionalisering van loopbaanbegeleiders in het mbo")
        )
        blocks.append(
            .paragraph(
                "Voor het gesprek tussen jou en je leidinggevende, in de cyclus van POP-, functionerings- en beoordelingsgesprekken: waar je stond en staat, wat anderen zien, wat je deed en wat het opleverde. Het is jouw document: neem het mee, en leg aan het eind vast wat jullie afspreken."
            ))

        blocks.append(.heading(level: 2, "Je zelfscan en wat veranderde"))
        let laterResult = later.map { ScanResult(scan: $0.scan, profile: $0.profile) }
        var header = ["competentie", "doel", "scan \(plan.date)"]
        if let later { header.append("scan \(later.scan.date)") }
        blocks.append(
            .table(
                header: header,
                rows: plan.result.competencies.map { competency in
                    var row = [
                        "\(competency.competency.id) \(competency.competency.name)", "\(competency.target)",
                        DutchNumber.format(competency.mean),
                    ]
                    if let laterResult {
                        let now = laterResult.competencies.first { $0.competency.id == competency.competency.id }?.mean
                        row.append(DutchNumber.format(now))
                    }
                    return row
                }))
        if later == nil {
            blocks.append(
                .paragraph(
                    "Nog geen latere scan: scan jezelf opnieuw (lob scan) aan het eind van je plan, dan staat hier wat veranderde."
                ))
        }

        blocks.append(.heading(level: 2, "Wat anderen zien: 360°-feedback"))
        if let feedback {
            blocks.append(
                .paragraph(
                    "Feedback van \(DutchNumber.count(feedback.colleaguesAnswered, "collega", "collega's"))\(feedback.leidinggevendeAnswered ? " en je leidinggevende" : ""), zoals je eigen feedbackverslag het toont (lob feedback report): collega's alleen als groep van minstens \(feedback.threshold)."
                ))
            blocks.append(
                .table(
                    header: ["competentie", "zelf", "collega's", "leidinggevende"],
                    rows: feedback.competencies.map {
                        [
                            "\($0.competency.id) \($0.competency.name)", DutchNumber.format($0.selfMean),
                            DutchNumber.format($0.colleaguesMean), DutchNumber.format($0.leidinggevendeMean),
                        ]
                    }))
        } else {
            blocks.append(
                .paragraph(
                    "Nog geen 360°-feedback. Vraag collega's en je leidinggevende erom (lob feedback invite): het is de nulmeting waar de vervolgmeting na je activiteiten naast komt (Kirkpatrick niveau 3)."
                ))
        }

        blocks += progressReport.plannedBlocks(level: 2)
        blocks += progressReport.reactionBlocks(level: 2)
        blocks += progressReport.goalBlocks(level: 2)
        blocks += progressReport.observationBlocks(level: 2)

        blocks.append(.heading(level: 2, "Afspraken"))
        if agreements.isEmpty {
            blocks.append(.paragraph("Nog geen afspraken vastgelegd."))
        } else {
            blocks.append(.definitions(agreements.map { (key: $0.date.dutch, text: $0.text) }))
        }
        blocks.append(
            .paragraph(
                "Wat jullie vandaag afspreken, leg je vast met lob plan agree \"…\": het komt gedateerd in je logboek en in het volgende verslag."
            ))
        blocks.append(.bullets(Array(repeating: String(repeating: "…", count: 60), count: 3)))
        return blocks
    }
}
