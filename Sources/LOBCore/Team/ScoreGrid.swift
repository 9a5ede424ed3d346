/// A profile's result laid out flat, place by place (its competencies in order, each one's behaviours in order): what
/// `TeamAnalysis` reads for every member of a large team, by index.
struct ProfileLayout {
    /// Per place.
    let behaviours: [Behaviour]
    let targets: [Int]
    /// The weight of the competency the place sits in.
    let weights: [Double]
    /// Per competency of the result: its places and target.
    let competencies: [(id: Competency.ID, places: Range<Int>, target: Int)]
    /// The first place of each behaviour.
    let place: [Behaviour.ID: Int]

    init(_ template: ScanResult) {
        var behaviours: [Behaviour] = []
        var targets: [Int] = []
        var weights: [Double] = []
        var competencies: [(id: Competency.ID, places: Range<Int>, target: Int)] = []
        var place: [Behaviour.ID: Int] = [:]
        for competency in template.competencies {
            let start = behaviours.count
            for answer in competency.behaviours {
                if place[answer.behaviour.id] == nil { place[answer.behaviour.id] = behaviours.count }
                behaviours.append(answer.behaviour)
                targets.append(answer.target)
                weights.append(competency.weight)
            }
            competencies.append((competency.competency.id, start..<behaviours.count, competency.target))
        }
        self.behaviours = behaviours
        self.targets = targets
        self.weights = weights
        self.competencies = competencies
        self.place = place
    }
}

/// Every member's scores in one array, each member's in the layout of his profile: a score is read by index, where a
/// `ScanResult` per member (arrays of results per competency) took most of a board's analysis to build.
struct ScoreGrid {
    private let start: [Int]
    private let scores: [Int?]

    init(_ members: [TeamMemberScan], layouts: [ProfileLayout], layoutOf: [Int]) {
        var start: [Int] = []
        var scores: [Int?] = []
        start.reserveCapacity(members.count)
        scores.reserveCapacity(members.count * (layouts.first?.behaviours.count ?? 0))
        for (index, member) in members.enumerated() {
            start.append(scores.count)
            for behaviour in layouts[layoutOf[index]].behaviours { scores.append(member.scores[behaviour.id]) }
        }
        self.start = start
        self.scores = scores
    }

    /// Member `member`'s score at `place` of his layout.
    func score(_ member: Int, _ place: Int) -> Int? { scores[start[member] + place] }
}
