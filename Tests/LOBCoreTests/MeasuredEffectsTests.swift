import Testing

@testable import LOBCore

/// `lob budget --effects-from`: a form's measured effect comes from the goals it served, only where the evaluation
/// shows their share reached; every other form keeps the catalogue's assumption.
struct MeasuredEffectsTests {
    typealias Tests = SchoolEvaluationTests

    static let catalogue = ActivityCatalogue(
        title: "Test",
        forms: ["a", "b", "c"].map {
            ActivityForm(
                id: $0, name: "Vorm \($0)", preferences: [.oefenen], competencies: [2], withWhom: "een trainer",
                hours: 4, costPerParticipant: 100, effect: 0.5)
        })

    static func goal(reached: Bool, _ before: Int, _ after: Int) -> YearLogbook.Goal {
        YearLogbook.Goal(competency: 2, reached: reached, gapBefore: before, gapAfter: after)
    }

    /// Four teachers did form a for their goal on competency 2 (two reached it); two did form b.
    static func year(closing: [(Int, Int)]) -> SchoolEvaluation {
        let logbooks = closing.enumerated().map { index, gap in
            Tests.logbook(
                "D\(index)", [Tests.activity("a")] + (index < 2 ? [Tests.activity("b")] : []),
                goals: [goal(reached: gap.1 == 0, gap.0, gap.1)])
        }
        return Tests.evaluation(logbooks)
    }

    @Test func a_shown_form_takes_the_mean_rise_of_its_goals_competency() throws {
        let effects = MeasuredEffects(Self.year(closing: [(3, 0), (3, 0), (2, 1), (2, 1)]), catalogue: Self.catalogue)
        let behaviours = Double(Catalogue.standard.behaviours(of: 2).count)
        #expect(effects.measured.map(\.form) == ["a"])
        let a = try #require(effects.measured.first)
        #expect(a.goals == 4 && a.assumed == 0.5)
        #expect(abs(a.measured - (8 / behaviours) / 4) < 1e-12)
        // b was done by two teachers: not shown; c was not done.
        #expect(effects.assumed.map(\.id) == ["b", "c"] && effects.notShown.map(\.id) == ["b"])
        let applied = effects.apply(to: Self.catalogue)
        #expect(applied.form("a")?.effect == ((8 / behaviours) / 4 * 100).rounded() / 100)
        #expect(applied.form("b")?.effect == 0.5 && applied.form("c")?.effect == 0.5)
    }

    @Test func no_effect_where_the_share_reached_would_tell_each_goal() {
        // All four reached: a share of 100% tells each, so the evaluation withholds it and the budget assumes.
        let effects = MeasuredEffects(Self.year(closing: [(3, 0), (2, 0), (2, 0), (1, 0)]), catalogue: Self.catalogue)
        #expect(effects.measured.isEmpty && effects.notShown.map(\.id) == ["a", "b"])
    }

    @Test func a_form_that_closed_nothing_is_not_funded() {
        // Two reached their goal, but the others' gaps grew more: the measured effect is 0, and the budget has no
        // candidate with form a.
        let effects = MeasuredEffects(Self.year(closing: [(1, 0), (1, 0), (2, 4), (1, 3)]), catalogue: Self.catalogue)
        #expect(effects.measured.map(\.measured) == [0])
        let need = TrainingNeed(
            team: "Bouw", competency: 2,
            gaps: (0..<3).map { _ in TrainingNeed.Gap(levels: 1, weight: 1, behaviours: 2) })
        let funded = BudgetAllocation(
            needs: [need], catalogue: effects.apply(to: Self.catalogue), limits: .init(budget: 10_000))
        #expect(funded.candidates[0].allSatisfy { $0.form.id != "a" })
        #expect(funded.chosen.count == 1 && funded.chosen.allSatisfy { $0.form.id != "a" })
    }
}
