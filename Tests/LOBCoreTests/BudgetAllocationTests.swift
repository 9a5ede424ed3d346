import Testing

@testable import LOBCore

/// The budget's optimisation: exact on small cases (checked against brute force), the limits always kept, and a
/// larger budget never closing less.
struct BudgetAllocationTests {
    /// A deterministic generator, so every run tests the same cases.
    struct Generator {
        var state: UInt64
        mutating func next(_ upper: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(upper))
        }
    }

    static func need(_ team: String?, _ competency: Int, _ gaps: [Double], weight: Double = 1) -> TrainingNeed {
        TrainingNeed(
            team: team, competency: competency, gaps: gaps.map { .init(levels: $0, weight: weight, behaviours: 2) })
    }

    static let catalogue = ActivityCatalogue(
        title: "Test",
        forms: [
            ActivityForm(
                id: "cursus", name: "Cursus", preferences: [.kennisVerwerven], competencies: [1, 2],
                withWhom: "trainer", hours: 16,
                costPerParticipant: 450, effect: 1),
            ActivityForm(
                id: "intervisie", name: "Intervisie", preferences: [.participeren], withWhom: "collega's", hours: 10,
                costPerParticipant: 25, costPerGroup: 600, maxGroupSize: 6, effect: 0.5),
            ActivityForm(
                id: "inhouse", name: "In-house training", preferences: [.oefenen], competencies: [2, 3],
                withWhom: "trainer", hours: 12,
                costPerParticipant: 40, costPerGroup: 1500, maxGroupSize: 12, effect: 1),
        ])

    /// Every choice of nothing or one candidate per need within the limits; the best value.
    static func bruteForce(_ candidates: [[BudgetAllocation.Candidate]], _ limits: BudgetAllocation.Limits) -> Double {
        var best = 0.0
        func visit(_ index: Int, _ cost: Double, _ hours: Double, _ value: Double) {
            guard index < candidates.count else {
                best = max(best, value)
                return
            }
            visit(index + 1, cost, hours, value)
            for candidate in candidates[index]
            where limits.allows(cost: cost + candidate.cost, hours: hours + candidate.hours) {
                visit(index + 1, cost + candidate.cost, hours + candidate.hours, value + candidate.value)
            }
        }
        visit(0, 0, 0, 0)
        return best
    }

    static func randomNeeds(_ generator: inout Generator, count: Int) -> [TrainingNeed] {
        (0..<count).map { index in
            let teachers = 1 + generator.next(9)
            return need(
                "T\(index)", 1 + generator.next(3), (0..<teachers).map { _ in Double(1 + generator.next(4)) / 2 },
                weight: Double(1 + generator.next(3)))
        }
    }

    @Test func small_cases_are_optimal_against_brute_force() async {
        var generator = Generator(state: 7)
        for round in 0..<40 {
            let needs = Self.randomNeeds(&generator, count: 1 + generator.next(3))
            let limits = BudgetAllocation.Limits(
                budget: Double(500 + generator.next(6000)),
                hours: round % 3 == 0 ? Double(20 + generator.next(200)) : nil)
            let allocation = BudgetAllocation(needs: needs, catalogue: Self.catalogue, limits: limits)
            let candidates = allocation.candidates.reduce(0) { $0 + $1.count }
            guard candidates <= 15 else { continue }
            #expect(allocation.exact)
            let best = Self.bruteForce(allocation.candidates, limits)
            #expect(
                abs(allocation.value - best) < 1e-6, "round \(round): \(allocation.value) against brute force \(best)")
        }
    }

    @Test func the_limits_hold_groups_stay_within_their_size_and_nothing_is_funded_twice() async {
        var generator = Generator(state: 11)
        for exactLimit in [2_000_000.0, 0] {
            for _ in 0..<20 {
                let needs = Self.randomNeeds(&generator, count: 2 + generator.next(12))
                let limits = BudgetAllocation.Limits(
                    budget: Double(generator.next(20000)), hours: Double(50 + generator.next(400)))
                let allocation = BudgetAllocation(
                    needs: needs, catalogue: Self.catalogue, limits: limits, exactLimit: exactLimit)
                #expect(allocation.cost <= limits.budget + 1e-9)
                #expect(allocation.hours <= limits.hours! + 1e-9)
                #expect(Set(allocation.chosen.map(\.need)).count == allocation.chosen.count)
                for candidate in allocation.chosen {
                    #expect(candidate.participants <= needs[candidate.need].teachers)
                    #expect(candidate.groups * candidate.form.maxGroupSize >= candidate.participants)
                    #expect((candidate.groups - 1) * candidate.form.maxGroupSize < candidate.participants)
                }
                #expect(allocation.value <= allocation.bound + 1e-9)
            }
        }
    }

    @Test func a_larger_budget_never_closes_less() async {
        var generator = Generator(state: 3)
        let needs = Self.randomNeeds(&generator, count: 4)
        var previous = 0.0
        for budget in stride(from: 0.0, through: 12000, by: 250) {
            let value = BudgetAllocation(needs: needs, catalogue: Self.catalogue, limits: .init(budget: budget)).value
            #expect(value >= previous - 1e-9, "budget \(budget)")
            previous = value
        }
        // The approximate method, given the smaller budget's choice, does not fall below it either.
        let many = Self.randomNeeds(&generator, count: 40)
        var start: [BudgetAllocation.Candidate] = []
        previous = 0
        for budget in stride(from: 1000.0, through: 40000, by: 3000) {
            let allocation = BudgetAllocation(
                needs: many, catalogue: Self.catalogue, limits: .init(budget: budget), start: start, exactLimit: 0)
            #expect(!allocation.exact && allocation.value >= previous - 1e-9)
            #expect(
                allocation.closeness > (budget < 5000 ? 0.6 : 0.9) && allocation.closeness <= 1,
                "budget \(budget): \(allocation.value) of \(allocation.bound)")
            previous = allocation.value
            start = allocation.chosen
        }
    }

    @Test func one_group_activity_beats_twelve_courses_when_cheaper() async throws {
        let need = Self.need("Bouw", 2, Array(repeating: 1, count: 12))
        let allocation = BudgetAllocation(needs: [need], catalogue: Self.catalogue, limits: .init(budget: 5000))
        let chosen = try #require(allocation.chosen.first)
        #expect(
            chosen.form.id == "inhouse" && chosen.participants == 12 && chosen.groups == 1
                && chosen.cost == 12 * 40 + 1500)
        #expect(allocation.unfunded.isEmpty)
        // With too little for the group, individual courses for those with the largest gaps — but never for fewer than
        // three, so that no line is about one or two teachers.
        let small = BudgetAllocation(
            needs: [Self.need("Bouw", 2, [2, 1, 0.5, 0.25])], catalogue: Self.catalogue, limits: .init(budget: 1400))
        #expect(small.chosen.first?.form.id == "cursus" && small.chosen.first?.participants == 3)
        #expect(small.unfunded.first?.waiting == 1)
        let candidates = BudgetAllocation.candidates(
            for: Self.need("Bouw", 2, [2, 1, 0.5, 0.25]), index: 0, catalogue: Self.catalogue)
        #expect(!candidates.isEmpty && candidates.allSatisfy { $0.participants >= 3 })
    }

    @Test func the_value_is_the_gap_capped_by_the_effect_times_the_weight() async throws {
        let need = Self.need("Bouw", 1, [2, 0.25], weight: 3)
        let candidates = BudgetAllocation.candidates(for: need, index: 0, catalogue: Self.catalogue)
        let course = try #require(candidates.first { $0.form.id == "cursus" && $0.participants == 2 })
        #expect(course.value == (1 + 0.25) * 3)
    }
}
