import Foundation
import LOBCore

/// `lob budget`: what the school funds, why, what is left and what it would cost; numbers of teachers, never names.
public struct BudgetReport: Sendable {
    public struct Scenario: Sendable {
        public let allocation: BudgetAllocation
        public init(_ allocation: BudgetAllocation) { self.allocation = allocation }
    }

    public let year: String?
    public let catalogue: ActivityCatalogue
    public let teams: Int
    /// Teams below their threshold: counted, not shown.
    public let withheldTeams: Int
    public let main: BudgetAllocation
    public let comparison: BudgetAllocation?
    public let move: ModelMove?
    /// What the main budget would close after the move.
    public let afterMove: BudgetAllocation?
    /// The effects measured in an earlier school year that replaced the catalogue's assumptions.
    public let effects: MeasuredEffects?

    public init(
        year: String?, catalogue: ActivityCatalogue, teams: Int, withheldTeams: Int, main: BudgetAllocation,
        comparison: BudgetAllocation? = nil, move: ModelMove? = nil, afterMove: BudgetAllocation? = nil,
        effects: MeasuredEffects? = nil
    ) {
        self.year = year
        self.catalogue = catalogue
        self.teams = teams
        self.withheldTeams = withheldTeams
        self.main = main
        self.comparison = comparison
        self.move = move
        self.afterMove = afterMove
        self.effects = effects
    }

    public var title: String { "Scholingsbudget" + (year.map { " \($0)" } ?? "") }

    static func who(_ need: TrainingNeed, _ count: Int) -> String {
        "\(count) docent\(count == 1 ? "" : "en") " + (need.team.map { "van team \($0)" } ?? "uit verschillende teams")
    }

    /// "intervisie voor 9 docenten van team X op competentie 3: dekt 14 gaps, € 1.350".
    public static func line(_ candidate: BudgetAllocation.Candidate, _ need: TrainingNeed) -> String {
        let groups = candidate.form.isGroupActivity && candidate.groups > 1 ? " in \(candidate.groups) groepen" : ""
        return
            "\(candidate.form.name) voor \(who(need, candidate.participants))\(groups) op competentie \(need.competency): dekt \(DutchNumber.count(candidate.gaps, "tekort", "tekorten")), sluit \(DutchNumber.format(candidate.value)) gewogen niveaus, \(DutchNumber.format(candidate.hours)) uur, \(DutchNumber.euro(candidate.cost))"
    }

    static func method(_ allocation: BudgetAllocation) -> String {
        allocation.exact
            ? "optimaal: geen andere keuze binnen het budget sluit meer"
            : "benadering: \(percent(allocation.closeness)) van de bovengrens (\(DutchNumber.format(allocation.bound)) gewogen niveaus, de LP-relaxatie)"
    }

    static func percent(_ share: Double) -> String { DutchNumber.format((share * 1000).rounded() / 10) + "%" }

    public func blocks() -> [Block] {
        var blocks: [Block] = [.heading(level: 1, title)]
        let needs = main.needs
        let total = needs.reduce(0) { $0 + $1.weightedGap }
        var facts: [(key: String, text: String)] = [
            (
                "budget",
                DutchNumber.euro(main.limits.budget)
                    + (main.limits.hours.map { " en \(DutchNumber.format($0)) uur" } ?? "")
            ),
            (
                "besteed",
                "\(DutchNumber.euro(main.cost)), \(DutchNumber.format(main.hours)) uur; over: \(DutchNumber.euro(main.limits.budget - main.cost))"
            ),
            (
                "gesloten",
                "\(DutchNumber.format(main.value)) van \(DutchNumber.format(total)) gewogen niveaus gat (\(Self.percent(total > 0 ? main.value / total : 1)))"
            ),
            ("berekening", Self.method(main)),
            (
                "teams",
                "\(teams)"
                    + (withheldTeams > 0
                        ? ", waarvan \(withheldTeams) niet meetellen: daarin tellen minder collega's mee dan de privacydrempel"
                        : "")
            ),
        ]
        if let year { facts.insert(("schooljaar", year), at: 0) }
        blocks.append(.definitions(facts))
        blocks.append(.note(effectNote))
        if let effects { blocks += effectBlocks(effects) }
        blocks.append(
            .paragraph(
                "Per activiteit: gesloten = per deelnemer min(zijn gat, het effect van de vorm) × het gewicht van de competentie. Elke docent krijgt per competentie ten hoogste één activiteit; collega's met dezelfde behoefte in een team gaan samen in een groep als dat goedkoper is. Behoeftes van minder docenten dan de privacydrempel gaan zonder teamnaam in één schoolbrede groep per competentie, die alleen meetelt als ook die minstens de drempel telt (en anonieme collega's erin ook). Geen regel gaat over minder dan 3 docenten."
            ))

        blocks.append(.heading(level: 2, "Wat gefinancierd wordt"))
        if main.chosen.isEmpty {
            blocks.append(
                .paragraph("Niets: het budget is te klein voor de goedkoopste activiteit, of er is geen behoefte."))
        } else {
            blocks.append(.bullets(main.chosen.map { Self.line($0, needs[$0.need]) }))
        }

        if !main.needs.isEmpty { blocks.append(.chart(.bars(closedAndOpen(main)))) }

        blocks.append(.heading(level: 2, "Wat open blijft"))
        let open = main.unfunded
        if open.isEmpty {
            blocks.append(.paragraph("Niets: elke behoefte is gedekt."))
        } else {
            blocks.append(
                .table(
                    header: ["competentie", "wie wacht", "alles dekken", "kost nog"],
                    rows: open.map { entry in
                        [
                            "\(entry.need.competency)", Self.who(entry.need, entry.waiting),
                            entry.cheapest.map { "\($0.form.name), \(DutchNumber.euro($0.cost))" }
                                ?? "geen vorm in de catalogus",
                            DutchNumber.euro(entry.extraCost),
                        ]
                    }))
            blocks.append(
                .paragraph(
                    "Alles wat open is, dekken kost nog \(DutchNumber.euro(open.reduce(0) { $0 + $1.extraCost })) (telkens de goedkoopste vorm voor de hele groep)."
                ))
        }

        if let comparison {
            blocks.append(.heading(level: 2, "Twee budgetten naast elkaar"))
            blocks.append(
                .table(
                    header: ["budget", "besteed", "gesloten", "berekening", "activiteiten", "open"],
                    rows: [main, comparison].map { allocation in
                        [
                            DutchNumber.euro(allocation.limits.budget), DutchNumber.euro(allocation.cost),
                            DutchNumber.format(allocation.value),
                            allocation.exact ? "optimaal" : Self.percent(allocation.closeness) + " van de grens",
                            "\(allocation.chosen.count)",
                            "\(allocation.unfunded.reduce(0) { $0 + $1.waiting }) docent-behoeftes",
                        ]
                    }))
            let extra = comparison.chosen.filter { candidate in !main.chosen.contains(candidate) }
            if !extra.isEmpty {
                blocks.append(.paragraph("Met \(DutchNumber.euro(comparison.limits.budget)) anders of extra:"))
                blocks.append(.bullets(extra.map { Self.line($0, comparison.needs[$0.need]) }))
            }
        }

        if let move {
            blocks.append(.heading(level: 2, "Van model \(move.from.number) naar model \(move.to.number)"))
            blocks.append(
                .paragraph(
                    "Gemeten aan de profielen van hun rol in model \(move.to.number) (doelen en sterren) hebben de teams \(DutchNumber.format(move.wished)) gewogen niveaus gat, nu \(DutchNumber.format(move.now)): \(DutchNumber.signed(move.extra)) door de overstap."
                ))
            blocks.append(
                .table(
                    header: ["competentie", "nu", "docenten", "in model \(move.to.number)", "docenten", "verschil"],
                    rows: move.changes.map {
                        [
                            "\($0.competency)", DutchNumber.format($0.now), "\($0.teachersNow)",
                            DutchNumber.format($0.wished), "\($0.teachersWished)",
                            DutchNumber.signed($0.wished - $0.now),
                        ]
                    }))
            if let afterMove {
                blocks.append(
                    .paragraph(
                        "Met hetzelfde budget sluit de school na de overstap \(DutchNumber.format(afterMove.value)) van die \(DutchNumber.format(move.wished)) (\(Self.method(afterMove)))."
                    ))
            }
        }
        return blocks
    }

    /// Where the effect per form comes from: the seeds give none.
    var effectNote: String {
        let source =
            catalogue.isExample
            ? "de voorbeeldcatalogus van LOB-spiegel: aannames die de school vervangt (--costs BESTAND; uitleg: lob help catalogus)"
            : "de catalogus van de school (\(catalogue.title))"
        guard let effects else {
            return catalogue.isExample
                ? "Wat een activiteit oplevert, geven de bronnen niet: het effect per vorm (niveaus per deelnemer) en de bedragen komen uit \(source)."
                : "Wat een activiteit oplevert, geven de bronnen niet: het effect per vorm is een aanname uit \(source)."
        }
        let measured = effects.measured.count
        return
            "Wat een activiteit oplevert, geven de bronnen niet. Dit verslag rekent voor \(DutchNumber.count(measured, "vorm", "vormen")) met het effect dat de evaluatie van schooljaar \(VisibleText.make(effects.schoolYear)) liet zien (lob evaluation report); de andere \(effects.assumed.count) houden de aanname uit \(source)."
    }

    /// Per form: the assumed effect, the measured one, and which the budget used.
    func effectBlocks(_ effects: MeasuredEffects) -> [Block] {
        let rows =
            effects.measured.map { entry -> [String] in
                [
                    entry.name, DutchNumber.format(entry.assumed),
                    DutchNumber.format((entry.measured * 100).rounded() / 100),
                    DutchNumber.count(entry.goals, "doel", "doelen"), "gemeten",
                ]
            }
            + effects.notShown.map { [$0.name, DutchNumber.format($0.effect), "niet te tonen", "–", "aanname"] }
        let rest = effects.assumed.count - effects.notShown.count
        return [
            .heading(level: 2, "Effect per vorm"),
            .paragraph(
                "Gemeten effect = per gemeten leerdoel de niveaus die de competentie van de deelnemer steeg (het gesloten gat gedeeld door de gedragskenmerken van de competentie), gemiddeld over de doelen die de vorm diende; alleen waar de evaluatie het aandeel bereikte doelen toont, en ten hoogste 3. Een vorm met gemeten effect 0 financiert het budget niet."
            ),
            .table(
                header: ["vorm", "aanname", "gemeten in \(VisibleText.make(effects.schoolYear))", "over", "gebruikt"],
                rows: rows),
            .paragraph(
                "Niet te tonen: in \(VisibleText.make(effects.schoolYear)) gedaan, maar met te weinig collega's of zonder gemeten doel om een effect te laten zien. "
                    + (rest > 0
                        ? "De andere \(DutchNumber.count(rest, "vorm", "vormen")) uit de catalogus \(rest == 1 ? "is" : "zijn") dat jaar niet gedaan en \(rest == 1 ? "houdt" : "houden") de aanname."
                        : "")),
        ]
    }

    /// Per competency the weighted gap this budget closes and what stays open, as stacked bars.
    func closedAndOpen(_ allocation: BudgetAllocation) -> BarChart {
        let competencies = Set(allocation.needs.map(\.competency)).sorted()
        let groups = competencies.map { id -> BarChart.Group in
            let gap = allocation.needs.filter { $0.competency == id }.reduce(0) { $0 + $1.weightedGap }
            let closed = allocation.chosen.filter { allocation.needs[$0.need].competency == id }
                .reduce(0) { $0 + $1.value }
            let name = Catalogue.standard.competency(id).map(PlanReport.shortName) ?? "\(id)"
            return BarChart.Group(label: name, values: [closed, max(0, gap - closed)])
        }
        let largest = groups.map { $0.values.compactMap { $0 }.reduce(0, +) }.max() ?? 0
        return BarChart(
            title: "Gewogen tekort per competentie: wat dit budget sluit en wat open blijft",
            series: ["gesloten", "open"], groups: groups, maximum: max(1, largest.rounded(.up)), stacked: true)
    }

    // MARK: - CSV

    /// One row per funded activity and per open need, for each budget studied.
    public var csv: CSVTable {
        let header = [
            "budget", "status", "team", "competentie", "competentienaam", "vorm", "vormnaam", "deelnemers", "groepen",
            "uren", "kosten", "gesloten gewogen tekort", "gedragskenmerken onder doel",
        ]
        func competency(_ need: TrainingNeed) -> [CSVCell] {
            [
                .text(need.team ?? "(verschillende teams)"), .integer(need.competency),
                .text(Catalogue.standard.competency(need.competency)?.name ?? ""),
            ]
        }
        let rows = [main, comparison].compactMap { $0 }.flatMap { allocation -> [[CSVCell]] in
            let budget = CSVCell.decimal(allocation.limits.budget, places: 2)
            let funded = allocation.chosen.map { candidate -> [CSVCell] in
                [budget, .text("gefinancierd")] + competency(allocation.needs[candidate.need]) + [
                    .text(candidate.form.id), .text(candidate.form.name), .integer(candidate.participants),
                    .integer(candidate.groups), .decimal(candidate.hours, places: 1),
                    .decimal(candidate.cost, places: 2), .decimal(candidate.value, places: 2), .integer(candidate.gaps),
                ]
            }
            let open = allocation.unfunded.map { entry -> [CSVCell] in
                [budget, .text("open")] + competency(entry.need) + [
                    .text(entry.cheapest?.form.id ?? ""), .text(entry.cheapest?.form.name ?? ""),
                    .integer(entry.waiting), .integer(nil), .decimal(nil, places: 1),
                    .decimal(entry.extraCost, places: 2), .decimal(nil, places: 2), .integer(nil),
                ]
            }
            return funded + open
        }
        return CSVTable(header: header, rows: rows)
    }
}

public struct BudgetJSON: Encodable {
    struct ActivityJSON: Encodable {
        @Null var team: String?
        let competency: Int
        let form: String
        let participants: Int
        let groups: Int
        let hours: Double
        let cost: Double
        let closed: Double
        let gaps: Int
        let explanation: String
    }
    struct OpenJSON: Encodable {
        @Null var team: String?
        let competency: Int
        let waiting: Int
        @Null var cheapestForm: String?
        let extraCost: Double
    }
    struct ScenarioJSON: Encodable {
        let budget: Double
        @Null var hours: Double?
        let spent: Double
        let hoursUsed: Double
        let closed: Double
        let upperBound: Double
        let optimal: Bool
        let funded: [ActivityJSON]
        let open: [OpenJSON]

        init(_ allocation: BudgetAllocation) {
            budget = allocation.limits.budget
            hours = allocation.limits.hours
            spent = DutchNumber.rounded(allocation.cost) ?? 0
            hoursUsed = DutchNumber.rounded(allocation.hours) ?? 0
            closed = DutchNumber.rounded(allocation.value) ?? 0
            upperBound = DutchNumber.rounded(allocation.bound) ?? 0
            optimal = allocation.exact
            funded = allocation.chosen.map { candidate in
                let need = allocation.needs[candidate.need]
                return ActivityJSON(
                    team: need.team, competency: need.competency, form: candidate.form.id,
                    participants: candidate.participants,
                    groups: candidate.groups, hours: candidate.hours, cost: DutchNumber.rounded(candidate.cost) ?? 0,
                    closed: DutchNumber.rounded(candidate.value) ?? 0, gaps: candidate.gaps,
                    explanation: BudgetReport.line(candidate, need))
            }
            open = allocation.unfunded.map {
                OpenJSON(
                    team: $0.need.team, competency: $0.need.competency, waiting: $0.waiting,
                    cheapestForm: $0.cheapest?.form.id,
                    extraCost: DutchNumber.rounded($0.extraCost) ?? 0)
            }
        }
    }
    struct MoveJSON: Encodable {
        let from: String
        let to: String
        let now: Double
        let wished: Double
        let extra: Double
        @Null var closedAfterMove: Double?
    }

    struct EffectJSON: Encodable {
        let form: String
        let assumed: Double
        let measured: Double
        let goals: Int
    }
    struct EffectsJSON: Encodable {
        let schoolYear: String
        let measured: [EffectJSON]
        let assumed: [String]
        /// Of `assumed`, the forms done that year whose effect the evaluation does not show.
        let notShown: [String]
    }

    let formatVersion = 1
    @Null var schoolYear: String?
    let exampleCatalogue: Bool
    @Null var effectsFrom: EffectsJSON?
    let teams: Int
    let withheldTeams: Int
    let needs: Double
    let scenarios: [ScenarioJSON]
    @Null var modelMove: MoveJSON?

    public init(_ report: BudgetReport) {
        schoolYear = report.year
        exampleCatalogue = report.catalogue.isExample
        effectsFrom = report.effects.map { effects in
            EffectsJSON(
                schoolYear: effects.schoolYear,
                measured: effects.measured.map {
                    EffectJSON(
                        form: $0.form, assumed: $0.assumed, measured: ($0.measured * 100).rounded() / 100,
                        goals: $0.goals)
                },
                assumed: effects.assumed.map(\.id), notShown: effects.notShown.map(\.id))
        }
        teams = report.teams
        withheldTeams = report.withheldTeams
        needs = DutchNumber.rounded(report.main.needs.reduce(0) { $0 + $1.weightedGap }) ?? 0
        scenarios = [report.main, report.comparison].compactMap { $0 }.map(ScenarioJSON.init)
        modelMove = report.move.map { move in
            MoveJSON(
                from: move.from.rawValue, to: move.to.rawValue, now: DutchNumber.rounded(move.now) ?? 0,
                wished: DutchNumber.rounded(move.wished) ?? 0, extra: DutchNumber.rounded(move.extra) ?? 0,
                closedAfterMove: report.afterMove.flatMap { DutchNumber.rounded($0.value) })
        }
    }
}
