import LOBCore

/// Kirkpatrick's four levels as a plan shows them per goal. A level that says the same for every goal (the reaction
/// after each activity, what it brings pupils) is said once after the goals, with when for each goal, and left out
/// of the goals' tables.
enum EvaluationBlocks {
    static let heading = "Voor alle doelen"

    /// The levels whose text is the same for every goal (with more than one goal).
    static func shared(_ goals: [[Scholingsplan.EvaluationStep]]) -> Set<Int> {
        guard goals.count > 1, let first = goals.first else { return [] }
        return Set(
            first.map(\.level.id).filter { level in
                let texts = goals.map { $0.first { $0.level.id == level }?.how }
                return texts.allSatisfy { $0 != nil && $0 == texts[0] }
            })
    }

    /// The rows of a goal's evaluation table: the levels particular to it.
    static func rows(_ steps: [Scholingsplan.EvaluationStep], shared: Set<Int>) -> [[String]] {
        steps.filter { !shared.contains($0.level.id) }.map { ["\($0.level.id) \($0.level.name)", $0.when, $0.how] }
    }

    /// The shared levels once: what is asked, and when for each goal where that differs.
    static func sharedBlocks(_ goals: [[Scholingsplan.EvaluationStep]]) -> [Block] {
        let levels = shared(goals)
        guard !levels.isEmpty, let first = goals.first else { return [] }
        return [.heading(level: 3, heading)]
            + first.filter { levels.contains($0.level.id) }.map { step in
                var whens: [String] = []
                for goal in goals {
                    if let when = goal.first(where: { $0.level.id == step.level.id })?.when, !whens.contains(when) {
                        whens.append(when)
                    }
                }
                return .paragraph(
                    "Niveau \(step.level.id), \(step.level.name) (\(whens.joined(separator: "; "))): \(step.how)")
            }
    }
}
