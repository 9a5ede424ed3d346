/// What moving to another school model asks extra of the teams: the same members scored against the profiles of
/// their roles in the wished model (the star table's weights and the profile's targets), next to their current needs.
public struct ModelMove: Sendable {
    public struct Change: Sendable, Hashable {
        public let competency: Competency.ID
        public let now: Double
        public let wished: Double
        public let teachersNow: Int
        public let teachersWished: Int
    }

    public let from: SchoolModel.ID
    public let to: SchoolModel.ID
    public let changes: [Change]

    public var now: Double { changes.reduce(0) { $0 + $1.now } }
    public var wished: Double { changes.reduce(0) { $0 + $1.wished } }
    public var extra: Double { wished - now }

    public init(from: SchoolModel.ID, to: SchoolModel.ID, now: [TrainingNeed], wished: [TrainingNeed]) {
        self.from = from
        self.to = to
        changes = (1...7).map { competency in
            let before = now.filter { $0.competency == competency }
            let after = wished.filter { $0.competency == competency }
            return Change(
                competency: competency, now: before.reduce(0) { $0 + $1.weightedGap },
                wished: after.reduce(0) { $0 + $1.weightedGap },
                teachersNow: before.reduce(0) { $0 + $1.teachers }, teachersWished: after.reduce(0) { $0 + $1.teachers }
            )
        }
    }
}
