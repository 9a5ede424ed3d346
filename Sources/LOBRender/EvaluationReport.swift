import LOBCore

/// `lob evaluation report`: did the professionalisation work? A school year per form of professionalisation, per
/// learning-preference metaphor and for the whole school (spend, hours, teachers, level 1, level 2, euros per goal
/// reached), and level 4 beside it. Every figure a group's, under the privacy rule (`SchoolEvaluation`).
public struct EvaluationReport: Sendable {
    public let evaluation: SchoolEvaluation
    public let indicators: [SchoolIndicator]
    public let previousYear: String
    public let previousIndicators: [SchoolIndicator]
    public let schoolScan: SchoolScan?
    public let previousSchoolScan: SchoolScan?
    /// `--budget`: the year's budget, to set the spend against.
    public let budget: Double?
    /// The teams' activities done that year (`lob team plan done`): their spend beside the logbooks', not in them.
    public let teamActivities: [TeamActivityDone]

    public init(
        evaluation: SchoolEvaluation, indicators: [SchoolIndicator], previousYear: String,
        previousIndicators: [SchoolIndicator], schoolScan: SchoolScan?, previousSchoolScan: SchoolScan?,
        budget: Double?,
        teamActivities: [TeamActivityDone] = []
    ) {
        self.teamActivities = teamActivities
        self.evaluation = evaluation
        self.indicators = indicators
        self.previousYear = previousYear
        self.previousIndicators = previousIndicators
        self.schoolScan = schoolScan
        self.previousSchoolScan = previousSchoolScan
        self.budget = budget
    }

    public var title: String { "Evaluatie van de professionalisering, schooljaar \(evaluation.schoolYear)" }

    static let header = [
        "groep", "docenten", "uren", "besteed", "tevreden (1-5)", "(zeer) tevreden", "aan de slag (1-5)",
        "doelen bereikt", "per bereikt doel",
    ]

    /// Why a line shows no figures, in the reader's words.
    func withheld(_ line: SchoolEvaluation.Line) -> String {
        switch line.withheld {
        case .tooFew?: "niet getoond, minder dan \(evaluation.threshold) docenten"
        case .singlesOut?, nil:
            "niet getoond, want naast eerder of elders getoonde cijfers zou het iets over één docent zeggen"
        }
    }

    static func percent(_ share: Double?) -> String {
        share.map { "\(DutchNumber.format(($0 * 100).rounded()))%" } ?? "–"
    }

    func cells(_ line: SchoolEvaluation.Line, _ figures: SchoolEvaluation.Figures) -> [String] {
        [
            line.name, "\(figures.teachers)", DutchNumber.format(figures.hours), DutchNumber.euro(figures.euros),
            figures.answersShown ? DutchNumber.format(figures.meanSatisfied) : "niet getoond",
            Self.percent(figures.shareSatisfied), DutchNumber.format(figures.meanUsable),
            !figures.goalsShown
                ? "niet getoond"
                : figures.goalsMeasured == 0
                    ? "–"
                    : figures.shareReached.map { "\(Self.percent($0)) van \(figures.goalsMeasured)" }
                        ?? "– (\(figures.goalsMeasured) gemeten)",
            figures.costPerGoalReached.map(DutchNumber.euro) ?? "–",
        ]
    }

    /// The lines shown as a table; the withheld ones after it, by name, with why.
    func table(_ lines: [SchoolEvaluation.Line]) -> [Block] {
        var blocks: [Block] = []
        let shown = lines.compactMap { line in line.figures.map { cells(line, $0) } }
        if !shown.isEmpty { blocks.append(.table(header: Self.header, rows: shown)) }
        for reason in [SchoolEvaluation.Line.Withheld.tooFew, .singlesOut] {
            let names = lines.filter { $0.withheld == reason }.map(\.name)
            guard !names.isEmpty else { continue }
            let line = lines.first { $0.withheld == reason }!
            blocks.append(
                .paragraph(
                    "\(withheld(line).prefix(1).uppercased() + withheld(line).dropFirst()): \(names.joined(separator: ", "))."
                ))
        }
        return blocks
    }

    public func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, title)]
        let school = evaluation.lines.first { $0.group == .school }
        var facts: [(key: String, text: String)] = [
            ("logboeken", "\(evaluation.logbooks) ingeleverd"),
            ("privacydrempel", "\(evaluation.threshold) docenten: een groep telt pas vanaf zoveel docenten"),
        ]
        if let figures = school?.figures {
            var spend = "\(DutchNumber.euro(figures.euros)) besteed"
            if let planned = evaluation.plannedCents { spend += ", \(DutchNumber.euro(Double(planned) / 100)) gepland" }
            if let budget, budget > 0 {
                spend +=
                    ", \(DutchNumber.format((figures.euros / budget * 100).rounded()))% van het budget van \(DutchNumber.euro(budget))"
            }
            facts.append(("besteed", spend))
            facts.append(("uren", "\(DutchNumber.format(figures.hours)) uur, \(figures.activities) activiteiten"))
        }
        if !teamActivities.isEmpty {
            let spent = teamActivities.reduce(0) { $0 + $1.cost }
            let participants = teamActivities.reduce(0) { $0 + $1.record.participants }
            let teams = Set(teamActivities.map(\.record.team)).count
            facts.append(
                (
                    "teamactiviteiten",
                    "\(DutchNumber.euro(spent)) voor \(DutchNumber.count(teamActivities.count, "activiteit", "activiteiten")) van \(DutchNumber.count(teams, "team", "teams")), samen \(participants) deelnemers (lob team plan done); apart van de logboeken hieronder"
                ))
        }
        blocks.append(.definitions(facts))
        blocks.append(
            .paragraph(
                "Of de professionalisering gewerkt heeft, op de vier niveaus van Kirkpatrick (1994): 1 reacties, 2 het geleerde, 3 gedrag, 4 resultaat. Niveau 1 tot en met 3 komen uit de logboeken van de docenten: hun reacties direct na een activiteit, per doel of hun volgende zelfscan het doelniveau haalde, en wat anderen in de vervolgmeting zagen veranderen. Elk cijfer is van een groep; een groep van minder dan \(evaluation.threshold) docenten, of een die naast andere cijfers één docent zou tonen, blijft leeg en zegt waarom."
            ))
        blocks.append(.quote(KirkpatrickLevel.all[0].text, by: "Niveau 1"))
        blocks.append(.quote(KirkpatrickLevel.all[1].text, by: "Niveau 2"))

        blocks.append(.heading(level: 2, "De hele school"))
        if let school { blocks += table([school]) }
        let preferences = evaluation.lines.filter { if case .preference = $0.group { true } else { false } }
        blocks.append(.heading(level: 2, "Per leervoorkeur"))
        blocks += preferences.isEmpty ? [.paragraph("Geen logboek noemt een leervoorkeur.")] : table(preferences)
        let forms = evaluation.lines.filter { if case .form = $0.group { true } else { false } }
        blocks.append(.heading(level: 2, "Per vorm van professionalisering"))
        blocks += forms.isEmpty ? [.paragraph("Nog geen activiteiten gedaan.")] : table(forms)
        blocks.append(
            .note(
                "Tevreden en aan de slag: het gemiddelde op de vijfpuntsschaal van LOB-spiegel (een standaard; de bron geeft de vragen, geen schaal) en het deel dat 4 of 5 antwoordde. Doelen bereikt (van het aantal gemeten): het deel van de doelen dat de volgende zelfscan meette en dat op doelniveau kwam; bij een vorm de doelen waarvoor die vorm gedaan werd. Per bereikt doel: wat de groep besteedde, gedeeld door de bereikte doelen — een doel met meer vormen telt bij elk. Een gemiddelde of deel blijft leeg waar het ieders antwoord zou tonen; de antwoorden en de doelen van een groep worden elk pas vanaf \(evaluation.threshold) docenten getoond."
            ))

        blocks.append(.heading(level: 2, "Niveau 3: gedrag"))
        blocks.append(.quote(KirkpatrickLevel.all[2].text, by: "Niveau 3"))
        blocks.append(
            .paragraph(
                "Enkele weken na de activiteiten voor een doel (lob plan follow-up) beoordelen collega's en de leidinggevende (bij een lesbezoek) alleen de gedragskenmerken van dat doel opnieuw. De vervolgmeting staat naast de eerste 360°-feedback, zoals het eigen feedbackverslag van de docent ze toont: collega's alleen als groep van minstens \(evaluation.threshold). Verandering = hoeveel niveaus vaker de anderen het gedrag nu zien (de groep collega's, anders de leidinggevende), gemiddeld over de gedragskenmerken van het doel en dan over de doelen."
            ))
        blocks += observationTable()

        blocks.append(.heading(level: 2, "Niveau 4: resultaat"))
        blocks.append(.quote(KirkpatrickLevel.all[3].text, by: "Niveau 4"))
        if indicators.isEmpty {
            blocks.append(
                .paragraph(
                    "Nog geen resultaten van \(evaluation.schoolYear): lees ze in met 'lob evaluation indicators BESTAND.csv --year \(evaluation.schoolYear)' (bijvoorbeeld het deel van de leerlingen dat (zeer) tevreden is over de loopbaanbegeleiding)."
                ))
        } else {
            let before = Dictionary(previousIndicators.map { (PrivacyRule.memberKey($0.name), $0) }) { a, _ in a }
            blocks.append(
                .table(
                    header: ["indicator", previousYear, evaluation.schoolYear, "verschil", "bron"],
                    rows: indicators.map { indicator in
                        let earlier = before[PrivacyRule.memberKey(indicator.name)]
                        return [
                            indicator.name, earlier.map(Self.value) ?? "–", Self.value(indicator),
                            earlier.map { DutchNumber.signed(indicator.value - $0.value) } ?? "–",
                            indicator.source ?? "",
                        ]
                    }))
        }
        if let schoolScan {
            blocks.append(.heading(level: 3, "De schoolscan"))
            blocks.append(
                .table(
                    header: ["aspect", previousYear, evaluation.schoolYear],
                    rows: Aspect.all.map { aspect in
                        [
                            "\(aspect.id) \(aspect.name)",
                            previousSchoolScan?.answers[aspect.id].map { "model \($0.current.number)" } ?? "–",
                            schoolScan.answers[aspect.id].map { "model \($0.current.number)" } ?? "–",
                        ]
                    }))
        }
        blocks.append(
            .note(
                "Een resultaat heeft meer oorzaken dan scholing: lees niveau 4 naast de niveaus 1 tot 3, niet als hun gevolg."
            ))
        return blocks
    }

    /// Level 3 per group whose observations are shown; the rest by name, with why.
    func observationTable() -> [Block] {
        let observed = evaluation.lines.filter { ($0.figures?.goalsObserved ?? 0) > 0 }
        let rows = observed.compactMap { line -> [String]? in
            guard let figures = line.figures, let change = figures.meanObservedChange else { return nil }
            return [line.name, "\(figures.goalsObserved)", DutchNumber.signed((change * 100).rounded() / 100)]
        }
        guard !rows.isEmpty else {
            return [
                .paragraph(
                    "Nog geen vervolgmeting van minstens \(evaluation.threshold) docenten in één groep: niveau 3 blijft leeg."
                )
            ]
        }
        var blocks: [Block] = [
            .table(header: ["groep", "doelen waargenomen", "verandering (niveaus)"], rows: rows)
        ]
        let withheld = evaluation.lines.filter { line in
            guard let figures = line.figures else { return false }
            return !figures.observationsShown && figures.goalsMeasured + figures.goalsObserved > 0
        }
        if !withheld.isEmpty {
            blocks.append(
                .paragraph(
                    "Zonder vervolgmeting van minstens \(evaluation.threshold) docenten: \(withheld.map(\.name).joined(separator: ", "))."
                ))
        }
        return blocks
    }

    static func value(_ indicator: SchoolIndicator) -> String {
        let number = DutchNumber.format(indicator.value)
        return indicator.unit == "%" ? "\(number)%" : indicator.unit.isEmpty ? number : "\(number) \(indicator.unit)"
    }

    /// One row per group, for a spreadsheet; a withheld group has empty figures and says why.
    public var csv: CSVTable {
        CSVTable(
            header: [
                "groep", "soort", "docenten", "uren", "besteed", "tevreden", "deel (zeer) tevreden", "aan de slag",
                "doelen gemeten", "deel bereikt", "per bereikt doel", "doelen waargenomen", "verandering gezien",
                "niet getoond",
            ],
            rows: evaluation.lines.map { line in
                let kind =
                    switch line.group {
                    case .school: "school"
                    case .preference: "leervoorkeur"
                    case .form: "vorm"
                    }
                guard let figures = line.figures else {
                    return [.text(line.name), .text(kind)] + Array(repeating: .integer(nil), count: 11)
                        + [.text(withheld(line))]
                }
                return [
                    .text(line.name), .text(kind), .integer(figures.teachers), .decimal(figures.hours, places: 2),
                    .decimal(figures.euros, places: 2), .decimal(figures.meanSatisfied, places: 2),
                    .decimal(figures.shareSatisfied, places: 2), .decimal(figures.meanUsable, places: 2),
                    .integer(figures.goalsShown ? figures.goalsMeasured : nil),
                    .decimal(figures.shareReached, places: 2),
                    .decimal(figures.costPerGoalReached, places: 2),
                    .integer(figures.observationsShown ? figures.goalsObserved : nil),
                    .decimal(figures.meanObservedChange, places: 2), .text(""),
                ]
            })
    }
}

/// `lob evaluation report --format json`: see docs/json.md.
public struct EvaluationJSON: Encodable {
    struct LineJSON: Encodable {
        let group: String
        let kind: String
        let name: String
        @Null var withheld: String?
        @Null var teachers: Int?
        @Null var hours: Double?
        @Null var spent: Double?
        @Null var reactions: Int?
        @Null var meanSatisfied: Double?
        @Null var shareSatisfied: Double?
        @Null var meanUsable: Double?
        @Null var shareUsable: Double?
        @Null var goalsMeasured: Int?
        @Null var shareReached: Double?
        @Null var costPerGoalReached: Double?
        @Null var goalsObserved: Int?
        @Null var meanObservedChange: Double?
    }
    struct IndicatorJSON: Encodable {
        let name: String
        let value: Double
        let unit: String
        @Null var previous: Double?
        @Null var source: String?
    }

    let formatVersion = 1
    let schoolYear: String
    let threshold: Int
    let logbooks: Int
    @Null var plannedCost: Double?
    @Null var budget: Double?
    let lines: [LineJSON]
    let indicators: [IndicatorJSON]
    @Null var schoolScan: [String: String]?
    @Null var previousSchoolScan: [String: String]?
    struct TeamActivitiesJSON: Encodable {
        let count: Int
        let participants: Int
        let spent: Double
    }
    let teamActivities: TeamActivitiesJSON

    public init(_ report: EvaluationReport) {
        let evaluation = report.evaluation
        schoolYear = evaluation.schoolYear
        threshold = evaluation.threshold
        logbooks = evaluation.logbooks
        plannedCost = evaluation.plannedCents.map { Double($0) / 100 }
        budget = report.budget
        lines = evaluation.lines.map { line in
            let kind =
                switch line.group {
                case .school: "school"
                case .preference: "leervoorkeur"
                case .form: "vorm"
                }
            let figures = line.figures
            return LineJSON(
                group: line.group.figure, kind: kind, name: line.name,
                withheld: line.withheld.map { $0 == .tooFew ? "tooFew" : "singlesOut" },
                teachers: figures?.teachers, hours: figures.map { DutchNumber.rounded($0.hours)! },
                spent: figures?.euros, reactions: figures?.answersShown == true ? figures?.reactions : nil,
                meanSatisfied: DutchNumber.rounded(figures?.meanSatisfied),
                shareSatisfied: DutchNumber.rounded(figures?.shareSatisfied),
                meanUsable: DutchNumber.rounded(figures?.meanUsable),
                shareUsable: DutchNumber.rounded(figures?.shareUsable),
                goalsMeasured: figures?.goalsShown == true ? figures?.goalsMeasured : nil,
                shareReached: DutchNumber.rounded(figures?.shareReached),
                costPerGoalReached: DutchNumber.rounded(figures?.costPerGoalReached),
                goalsObserved: figures?.observationsShown == true ? figures?.goalsObserved : nil,
                meanObservedChange: DutchNumber.rounded(figures?.meanObservedChange))
        }
        let before = Dictionary(report.previousIndicators.map { (PrivacyRule.memberKey($0.name), $0.value) }) { a, _ in
            a
        }
        indicators = report.indicators.map {
            IndicatorJSON(
                name: $0.name, value: $0.value, unit: $0.unit, previous: before[PrivacyRule.memberKey($0.name)],
                source: $0.source)
        }
        func models(_ scan: SchoolScan?) -> [String: String]? {
            scan.map { Dictionary(uniqueKeysWithValues: $0.answers.map { ("\($0.key)", $0.value.current.rawValue) }) }
        }
        teamActivities = TeamActivitiesJSON(
            count: report.teamActivities.count,
            participants: report.teamActivities.reduce(0) { $0 + $1.record.participants },
            spent: DutchNumber.rounded(report.teamActivities.reduce(0) { $0 + $1.cost }) ?? 0)
        schoolScan = models(report.schoolScan)
        previousSchoolScan = models(report.previousSchoolScan)
    }
}
