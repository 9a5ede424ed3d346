/// Which professionalisation the school funds: at most one activity per need (so no teacher is trained twice on the
/// same competency), within the budget and, if given, the hours, closing the most weighted gap.
///
/// What an activity closes is an assumption the seeds do not give: the catalogue's `effect` (levels a participant is
/// assumed to rise). For a participant it closes min(his gap, effect) × the competency's weight.
///
/// This is a multiple-choice knapsack. Small cases are solved exactly (a complete search with an LP bound); larger
/// ones by the greedy on the LP relaxation followed by local improvement, with the LP relaxation's value as an upper
/// bound, so the output can say how close it is.
public struct BudgetAllocation: Sendable {
    /// One way to meet a need: a form for its `participants` teachers with the largest gaps.
    public struct Candidate: Sendable, Hashable {
        public let need: Int
        public let form: ActivityForm
        public let participants: Int
        public let groups: Int
        public let cost: Double
        public let hours: Double
        /// Weighted gap closed: Σ min(gap, effect) × weight over the participants.
        public let value: Double
        /// The participants' behaviours below target in the competency.
        public let gaps: Int
    }

    public struct Limits: Sendable, Hashable {
        public var budget: Double
        public var hours: Double?

        public init(budget: Double, hours: Double? = nil) {
            self.budget = budget
            self.hours = hours
        }

        func allows(cost: Double, hours used: Double) -> Bool {
            cost <= budget + 1e-9 && (hours.map { used <= $0 + 1e-9 } ?? true)
        }
    }

    public let needs: [TrainingNeed]
    /// Per need, its candidates (dominated ones removed), cheapest first.
    public let candidates: [[Candidate]]
    public let limits: Limits
    /// The chosen candidate per need (at most one each), in need order.
    public let chosen: [Candidate]
    /// True when the search was complete: no other choice within the limits closes more.
    public let exact: Bool
    /// An upper bound on the weighted gap any choice within the budget could close (equal to `value` when exact).
    public let bound: Double

    public var cost: Double { chosen.reduce(0) { $0 + $1.cost } }
    public var hours: Double { chosen.reduce(0) { $0 + $1.hours } }
    public var value: Double { chosen.reduce(0) { $0 + $1.value } }
    /// The weighted gap closed as a share of the bound (1 when exact).
    public var closeness: Double { bound > 0 ? min(1, value / bound) : 1 }

    /// - Parameters:
    ///   - start: a choice to improve on (a smaller budget's), so that a larger budget never closes less.
    ///   - exactLimit: complete search when the number of combinations is at most this.
    public init(
        needs: [TrainingNeed], catalogue: ActivityCatalogue, limits: Limits, start: [Candidate] = [],
        exactLimit: Double = 2_000_000
    ) {
        self.needs = needs
        self.limits = limits
        let candidates = needs.enumerated().map {
            Self.candidates(for: $0.element, index: $0.offset, catalogue: catalogue)
        }
        self.candidates = candidates
        let combinations = candidates.reduce(1.0) { $0 * Double($1.count + 1) }
        // A complete search when it is small, or when a bounded one finishes (it usually does for one school's teams).
        let searched =
            combinations <= exactLimit
            ? Self.search(candidates, limits: limits, nodeLimit: .max)
            : (exactLimit > 0 && candidates.count <= 40
                ? Self.search(candidates, limits: limits, nodeLimit: 300_000) : nil)
        if let searched, searched.complete {
            chosen = searched.best
            exact = true
            bound = searched.best.reduce(0) { $0 + $1.value }
        } else {
            let steps = Self.steps(candidates)
            var selection = Self.greedy(steps, candidates, limits: limits)
            Self.improve(&selection, candidates, limits: limits)
            let warm = start.filter { $0.need < candidates.count }
            if !warm.isEmpty, Self.allowed(warm, limits),
                warm.reduce(0, { $0 + $1.value }) > selection.values.reduce(0, { $0 + $1.value })
            {
                selection = Dictionary(uniqueKeysWithValues: warm.map { ($0.need, $0) })
                Self.improve(&selection, candidates, limits: limits)
            }
            chosen = selection.values.sorted { $0.need < $1.need }
            exact = false
            bound = max(Self.lpBound(steps, budget: limits.budget), chosen.reduce(0) { $0 + $1.value })
        }
    }

    // MARK: - Candidates

    /// Each form that addresses the need's competency and is assumed to close something, for whole groups of its
    /// largest gaps (or, for a form one takes alone, for a spread of sizes), and for everyone.
    static func candidates(for need: TrainingNeed, index: Int, catalogue: ActivityCatalogue) -> [Candidate] {
        let n = need.teachers
        var result: [Candidate] = []
        for form in catalogue.forms where form.addresses(need.competency) && form.effect > 0 && n > 0 {
            var sizes = Set([n])
            if form.isGroupActivity {
                for k in 1... {
                    let size = k * form.maxGroupSize
                    if size >= n { break }
                    sizes.insert(size)
                }
            } else if n <= 12 {
                sizes.formUnion(1...n)
            } else {
                for i in 1...12 { sizes.insert((n * i + 11) / 12) }
            }
            // Never a line about fewer teachers than the smallest group a figure may be about (`PrivacyRule`).
            for size in sizes.sorted() where size >= min(n, PrivacyRule.minimumThreshold) {
                let taken = need.gaps.prefix(size)
                result.append(
                    Candidate(
                        need: index, form: form, participants: size,
                        groups: (size + form.maxGroupSize - 1) / max(1, form.maxGroupSize),
                        cost: form.cost(participants: size), hours: form.hours * Double(size),
                        value: taken.reduce(0) { $0 + min($1.levels, form.effect) * $1.weight },
                        gaps: taken.reduce(0) { $0 + $1.behaviours }))
            }
        }
        // Drop what another candidate beats on cost, hours and value at once; cheapest first.
        let sorted = result.sorted { ($0.cost, $0.hours, -$0.value) < ($1.cost, $1.hours, -$1.value) }
        var kept: [Candidate] = []
        for candidate in sorted
        where !kept.contains(where: {
            $0.cost <= candidate.cost && $0.hours <= candidate.hours && $0.value >= candidate.value
        }) {
            kept.append(candidate)
        }
        return kept
    }

    static func allowed(_ selection: [Candidate], _ limits: Limits) -> Bool {
        limits.allows(cost: selection.reduce(0) { $0 + $1.cost }, hours: selection.reduce(0) { $0 + $1.hours })
    }

    // MARK: - Exact

    /// A search over "nothing or one candidate" per need, pruned by the LP bound of what is left; `complete` is false
    /// when it stopped at `nodeLimit` nodes.
    static func search(
        _ candidates: [[Candidate]], limits: Limits, nodeLimit: Int
    ) -> (best: [Candidate], complete: Bool) {
        // Needs with the most promising candidates first, so that good choices are found early and prune the rest.
        let order = candidates.indices.sorted {
            (candidates[$0].map { $0.value / max($0.cost, 0.01) }.max() ?? 0)
                > (candidates[$1].map { $0.value / max($0.cost, 0.01) }.max() ?? 0)
        }
        let ordered = order.map { candidates[$0] }
        // The hull steps of every need, numbered by depth: the bound of a suffix takes those at that depth or deeper.
        let steps = steps(ordered)
        var best: [Candidate] = []
        var bestValue = -1.0, bestCost = 0.0
        var current: [Candidate] = []
        var nodes = 0
        func visit(_ depth: Int, cost: Double, hours: Double, value: Double) {
            nodes += 1
            if value > bestValue + 1e-9 || (abs(value - bestValue) <= 1e-9 && cost < bestCost - 1e-9) {
                best = current
                bestValue = value
                bestCost = cost
            }
            guard depth < ordered.count, nodes < nodeLimit else { return }
            if value + lpBound(steps, budget: limits.budget - cost, from: depth) <= bestValue + 1e-9 { return }
            for candidate in ordered[depth]
            where limits.allows(cost: cost + candidate.cost, hours: hours + candidate.hours) {
                current.append(candidate)
                visit(
                    depth + 1, cost: cost + candidate.cost, hours: hours + candidate.hours,
                    value: value + candidate.value)
                current.removeLast()
            }
            visit(depth + 1, cost: cost, hours: hours, value: value)
        }
        visit(0, cost: 0, hours: 0, value: 0)
        return (best.sorted { $0.need < $1.need }, nodes < nodeLimit)
    }

    // MARK: - LP relaxation and greedy

    /// The steps of a need's upper convex hull of (cost, value) from (0, 0): taken in order, each moves the need to
    /// candidate `to` (its position in `candidates`) and adds its cost and value; their efficiencies fall.
    static func hull(_ candidates: [Candidate]) -> [(to: Int, cost: Double, value: Double)] {
        var steps: [(to: Int, cost: Double, value: Double)] = []
        var cost = 0.0, value = 0.0
        var remaining = candidates.indices.filter { candidates[$0].value > 0 }
        while true {
            let better = remaining.filter { candidates[$0].value > value + 1e-12 && candidates[$0].cost >= cost }
            guard
                let next = better.max(by: { l, r in
                    let (lhs, rhs) = (candidates[l], candidates[r])
                    let (a, b) = (
                        (lhs.value - value) / max(lhs.cost - cost, 1e-9),
                        (rhs.value - value) / max(rhs.cost - cost, 1e-9)
                    )
                    return a != b ? a < b : lhs.value < rhs.value
                })
            else { break }
            steps.append((next, candidates[next].cost - cost, candidates[next].value - value))
            cost = candidates[next].cost
            value = candidates[next].value
            remaining = remaining.filter { candidates[$0].cost > cost && candidates[$0].value > value }
        }
        return steps
    }

    /// One step of a need's hull: `need` is the need's position in the list the steps were made from, `index` the
    /// step's place in its hull; taking it moves the need to its candidate number `to`.
    struct Step {
        let need: Int
        let index: Int
        let to: Int
        let cost: Double
        let value: Double
        var efficiency: Double { value / max(cost, 1e-9) }
    }

    /// Every need's hull steps by falling efficiency (ties: the earlier need, then the earlier step).
    static func steps(_ candidates: [[Candidate]]) -> [Step] {
        candidates.enumerated().flatMap { need, options in
            hull(options).enumerated().map {
                Step(need: need, index: $0.offset, to: $0.element.to, cost: $0.element.cost, value: $0.element.value)
            }
        }
        .sorted { ($0.efficiency, -$0.need, -$0.index) > ($1.efficiency, -$1.need, -$1.index) }
    }

    /// The LP relaxation's optimum with the budget only (hours relaxed), over the needs from `need` on: whole steps
    /// while the budget lasts, then a share of the next. An upper bound on any integral choice.
    static func lpBound(_ steps: [Step], budget: Double, from need: Int = 0) -> Double {
        var left = max(0, budget), total = 0.0
        for step in steps where step.need >= need {
            if step.cost <= left {
                left -= step.cost
                total += step.value
            } else {
                total += step.value * left / step.cost
                break
            }
        }
        return total
    }

    /// Takes hull steps by falling efficiency while they fit; a need whose next step does not fit stays where it is.
    static func greedy(_ steps: [Step], _ candidates: [[Candidate]], limits: Limits) -> [Int: Candidate] {
        var selection: [Int: Candidate] = [:]
        var next = Array(repeating: 0, count: candidates.count)
        var blocked = Set<Int>()
        var cost = 0.0, hours = 0.0
        for step in steps where !blocked.contains(step.need) && next[step.need] == step.index {
            let candidate = candidates[step.need][step.to]
            let (newCost, newHours) = (
                cost - (selection[step.need]?.cost ?? 0) + candidate.cost,
                hours - (selection[step.need]?.hours ?? 0) + candidate.hours
            )
            guard limits.allows(cost: newCost, hours: newHours) else {
                blocked.insert(step.need)
                continue
            }
            selection[step.need] = candidate
            (cost, hours) = (newCost, newHours)
            next[step.need] += 1
        }
        return selection
    }

    /// Repeatedly makes the single change (add, swap or drop-and-add within one need) that gains the most and fits.
    static func improve(
        _ selection: inout [Int: Candidate], _ candidates: [[Candidate]], limits: Limits, passes: Int = 200
    ) {
        var cost = selection.values.reduce(0) { $0 + $1.cost }
        var hours = selection.values.reduce(0) { $0 + $1.hours }
        for _ in 0..<passes {
            var best: (need: Int, candidate: Candidate, gain: Double)?
            for (need, options) in candidates.enumerated() {
                let current = selection[need]
                for candidate in options where candidate.value > (current?.value ?? 0) + 1e-9 {
                    let newCost = cost - (current?.cost ?? 0) + candidate.cost
                    let newHours = hours - (current?.hours ?? 0) + candidate.hours
                    guard limits.allows(cost: newCost, hours: newHours) else { continue }
                    let gain = candidate.value - (current?.value ?? 0)
                    if gain > (best?.gain ?? 0) + 1e-9 { best = (need, candidate, gain) }
                }
            }
            guard let best else { return }
            cost += best.candidate.cost - (selection[best.need]?.cost ?? 0)
            hours += best.candidate.hours - (selection[best.need]?.hours ?? 0)
            selection[best.need] = best.candidate
        }
    }

    // MARK: - What is left

    /// A need not fully covered: how many teachers still wait, and the cheapest way to cover all of them.
    public struct Unfunded: Sendable, Hashable {
        public let need: TrainingNeed
        public let waiting: Int
        public let cheapest: Candidate?
        /// What covering everyone would cost on top of what is funded for this need.
        public let extraCost: Double
    }

    public var unfunded: [Unfunded] {
        needs.enumerated().compactMap { index, need in
            let funded = chosen.first { $0.need == index }
            let waiting = need.teachers - (funded?.participants ?? 0)
            guard waiting > 0 else { return nil }
            let full = candidates[index].filter { $0.participants == need.teachers }.min {
                ($0.cost, -$0.value) < ($1.cost, -$1.value)
            }
            return Unfunded(
                need: need, waiting: waiting, cheapest: full, extraCost: max(0, (full?.cost ?? 0) - (funded?.cost ?? 0))
            )
        }
    }
}
